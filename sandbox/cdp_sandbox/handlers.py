"""Operation semantics, one function per operation kind, bound to operationIds at the bottom."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any

from .errors import ApiError, bad_request, not_found
from .spec import Operation
from .storage import (
    CONSUMER,
    CONTACT,
    ORDER,
    ORDER_EXT,
    ORDER_ITEM,
    ORDER_ITEM_EXT,
    Condition,
    Record,
    Store,
    extension_ref,
)
from .views import EXT_NAME, EXT_PARENT, ext_href, href, page, render

MAX_PAGE = 1000
"""Items per page at most: `limit` has no documented maximum, so larger asks are echoed but clamped."""

MAX_INT64 = 2**63 - 1
MAX_EXT_KEYS = 100
EXT_RESERVED = frozenset({"name", "href", "ref", "key", "createdAt", "modifiedAt", "order", "orderItem"})
READ_ONLY = frozenset({"href", "ref", "createdAt", "modifiedAt", "order"})
LINK_FIELDS = {
    ORDER: frozenset({"contacts", "consumers", "orderItems"}),
    ORDER_ITEM: frozenset(),
    CONTACT: frozenset({"guest"}),
    CONSUMER: frozenset({"guest", "orderItems"}),
}
_DROP = {kind: READ_ONLY | links for kind, links in LINK_FIELDS.items()}
IMMUTABLE_V21_ORDER = ("referenceId", "orderedAt")
GUEST_NAMESPACE = uuid.UUID("5d0c8c1e-2f7a-4f55-9a3e-1b7f4a0c9e21")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
WHAT = {
    ORDER: "orderRef",
    ORDER_ITEM: "orderItemRef",
    CONTACT: "orderContactRef",
    CONSUMER: "orderConsumerRef",
    ORDER_EXT: "dataExtensionName",
    ORDER_ITEM_EXT: "dataExtensionName",
}


@dataclass(slots=True)
class Call:
    """Everything a handler may use: validated inputs, the version root URL and the store."""

    op: Operation
    root: str
    path: dict[str, Any]
    query: dict[str, Any]
    body: Any
    store: Store

    @property
    def legacy(self) -> bool:
        """True for the /v2/ view."""
        return self.op.legacy

    def ref(self, name: str) -> str:
        """A path ref, lowercased: refs are case-insensitive and stored lowercase."""
        return str(self.path[name]).lower()


Reply = tuple[int, Any]
Handler = Callable[[Call], Reply]


# -- shared helpers ----------------------------------------------------------------------------


def _load(call: Call, kind: str, param: str) -> Record:
    ref = call.ref(param)
    record = call.store.get(kind, ref)
    if record is None:
        raise not_found(param, ref)
    return record


def _fields(kind: str, body: dict[str, Any]) -> dict[str, Any]:
    """The body's own data: read-only and link fields are kept elsewhere or ignored."""
    drop = _DROP[kind]
    if drop.isdisjoint(body):
        return body
    return {k: v for k, v in body.items() if k not in drop}


def _guest(body: dict[str, Any]) -> tuple[bool, str | None]:
    """(whether the body says anything about the guest, the guest ref it resolves to)."""
    guest = body.get("guest")
    if isinstance(guest, dict) and isinstance(guest.get("href"), str) and guest["href"]:
        last = guest["href"].rstrip("/").rsplit("/", 1)[-1]
        if _UUID.fullmatch(last):
            return True, last.lower()
        return True, str(uuid.uuid5(GUEST_NAMESPACE, guest["href"]))
    identifiers = body.get("identifiers")
    if isinstance(identifiers, list):
        for ident in identifiers:
            if isinstance(ident, dict) and "provider" in ident and "id" in ident:
                return True, str(uuid.uuid5(GUEST_NAMESPACE, f"{ident['provider']}\n{ident['id']}"))
    return ("guest" in body or "identifiers" in body), None


def _item_links(store: Store, body: dict[str, Any]) -> tuple[bool, list[dict[str, str]]]:
    """A consumer's order items from `orderItems.items` (v2) or `orderItems.orderItems` (v2.1)."""
    value = body.get("orderItems")
    if value is None:
        return False, []
    entries: Any = value
    if isinstance(value, dict):
        entries = value.get("items", value.get("orderItems", []))
    links: list[dict[str, str]] = []
    for entry in entries if isinstance(entries, list) else []:
        target = entry.get("href") if isinstance(entry, dict) else None
        if not isinstance(target, str):
            continue
        last = target.rstrip("/").rsplit("/", 1)[-1]
        if _UUID.fullmatch(last) and store.get(ORDER_ITEM, last.lower()) is not None:
            links.append({"ref": last.lower()})
        else:
            links.append({"href": target})
    return True, links


def _check_birth_date(call: Call, kind: str) -> None:
    """v2.1 contacts and consumers: `dateOfBirth` must lie in the past (a rule no schema can state)."""
    if call.legacy or kind not in (CONTACT, CONSUMER):
        return
    value = call.body.get("dateOfBirth")
    if not isinstance(value, str):
        return
    try:
        born = datetime.fromisoformat(value)
    except ValueError:
        return
    if born.tzinfo is None:
        born = born.replace(tzinfo=UTC)
    if born >= datetime.now(UTC):
        raise bad_request("dateOfBirth", "must be in the past.")


def _paging(call: Call) -> tuple[int, int, int]:
    """(offset, limit as echoed, items per page); values past int64 are read as int64's maximum."""
    offset = min(int(call.query.get("offset", 0)), MAX_INT64)
    limit = min(int(call.query.get("limit", 10)), MAX_INT64)
    return offset, limit, max(1, min(limit, MAX_PAGE))


def _page_of(
    call: Call,
    collection: str,
    total: int,
    records: list[Record],
    extra: dict[str, Any] | None = None,
) -> Reply:
    offset, limit, size = _paging(call)
    if call.query.get("expand") is True:
        items = [render(call.root, call.legacy, r) for r in records]
    else:
        items = [{"href": _record_href(call.root, r)} for r in records]
    return 200, page(
        collection, offset=offset, limit=limit, page_size=size, total=total, items=items, extra=extra
    )


def _record_href(root: str, record: Record) -> str:
    if record.kind in EXT_PARENT:
        return ext_href(root, record.kind, record.parent or "")
    return href(root, record.kind, record.ref)


def _save(call: Call, kind: str, parent: Record | None) -> Record:
    _check_birth_date(call, kind)
    body = call.body
    _, guest_ref = _guest(body) if kind in (CONTACT, CONSUMER) else (False, None)
    _, links = _item_links(call.store, body) if kind == CONSUMER else (False, [])
    return call.store.insert(kind, parent, _fields(kind, body), guest_ref=guest_ref, links=links)


# -- generic resource operations -----------------------------------------------------------------


def create_order(call: Call) -> Reply:
    """POST /orders: a new order."""
    return 201, render(call.root, call.legacy, _save(call, ORDER, None))


def create_child(kind: str, call: Call) -> Reply:
    """POST /orders/{orderRef}/<children>: a new item, contact or consumer of an existing order.

    201 like the order create, except the v2.1 consumer create, whose page documents 200. The item and contact
    creates have no page saying which; the spec declares both and 201 follows the family's order create.
    """
    order = _load(call, ORDER, "orderRef")
    status = 200 if kind == CONSUMER and not call.legacy else 201
    return status, render(call.root, call.legacy, _save(call, kind, order))


def list_children(kind: str, call: Call) -> Reply:
    """GET /orders/{orderRef}/<children>: a page of links (or full resources with expand=true)."""
    order = _load(call, ORDER, "orderRef")
    offset, _, size = _paging(call)
    total, records = call.store.children(kind, order, offset, size)
    collection = f"{href(call.root, ORDER, order.ref)}/{_child_segment(kind)}"
    extra = {"expand": True} if call.query.get("expand") is True else None
    return _page_of(call, collection, total, records, extra)


def _child_segment(kind: str) -> str:
    return {ORDER_ITEM: "orderItems", CONTACT: "contacts", CONSUMER: "consumers"}[kind]


def retrieve(kind: str, call: Call) -> Reply:
    """GET one resource; the legacy order also supports expand=orderItems."""
    record = _load(call, kind, WHAT[kind])
    expanded = None
    if kind == ORDER and call.legacy and call.query.get("expand") == "orderItems":
        limit = 10
        _, items = call.store.children(ORDER_ITEM, record, 0, limit)
        collection = f"{href(call.root, ORDER, record.ref)}/orderItems"
        expanded = {
            "href": f"{collection}?offset=0&limit={limit}",
            "offset": 0,
            "limit": limit,
            "items": [render(call.root, True, item) for item in items],
        }
    return 200, render(call.root, call.legacy, record, expanded)


def replace(kind: str, call: Call) -> Reply:
    """v2 POST on the resource and v2.1 PUT: the body replaces every writable field."""
    record = _load(call, kind, WHAT[kind])
    _check_birth_date(call, kind)
    body = call.body
    fields = _fields(kind, body)
    if kind == ORDER and not call.legacy:
        _keep_immutable(record, fields)
    guest_ref = _guest(body)[1] if kind in (CONTACT, CONSUMER) else None
    links = _item_links(call.store, body)[1] if kind == CONSUMER else []
    call.store.update(record, fields, guest_ref=guest_ref, links=links)
    return 200, render(call.root, call.legacy, record)


def patch(kind: str, call: Call) -> Reply:
    """v2.1 PATCH: fields sent replace stored ones, fields not sent stay untouched."""
    record = _load(call, kind, WHAT[kind])
    _check_birth_date(call, kind)
    body = call.body
    fields = {**record.fields, **_fields(kind, body)}
    if kind == ORDER:
        _keep_immutable(record, fields)
    guest_ref = record.guest_ref
    links = record.links
    if kind in (CONTACT, CONSUMER):
        said, resolved = _guest(body)
        guest_ref = resolved if said else guest_ref
    if kind == CONSUMER:
        said, new_links = _item_links(call.store, body)
        links = new_links if said else links
    call.store.update(record, fields, guest_ref=guest_ref, links=links)
    return 200, render(call.root, call.legacy, record)


def _keep_immutable(record: Record, fields: dict[str, Any]) -> None:
    """v2.1 accepts referenceId and orderedAt on update but never changes them."""
    for name in IMMUTABLE_V21_ORDER:
        if name in record.fields:
            fields[name] = record.fields[name]
        else:
            fields.pop(name, None)


def delete(kind: str, call: Call) -> Reply:
    """DELETE a resource and its dependents: 204 with no body in both versions.

    The Order family documents one delete (the order contact, v2 and v2.1): an empty 204. The other v2.1 deletes
    have no page; the spec declares 204 and Sitecore's Guest-style 200 with a JSON body, and the sandbox answers
    like the documented one.
    """
    record = _load(call, kind, WHAT[kind])
    call.store.delete(record)
    return 204, None


def list_orders(call: Call) -> Reply:
    """GET /orders: the spec's declarations, applied. Its `x-query-rules` (which filters are required, which
    exclude each other, which value needs another parameter) answer 400; each query parameter with an
    `x-filter` narrows the list; the parameter with an `x-sort` orders it. A filter the docs add is honoured
    once the spec declares it."""
    query = call.query
    for rule in call.op.query_rules:
        enforce_query_rule(rule, query)
    conditions = [
        Condition(p.filter.field, p.filter.match, str(query[p.name]), p.filter.of)
        for p in call.op.query_params
        if p.filter is not None and query.get(p.name) is not None
    ]
    sort_field = None
    for param in call.op.query_params:
        if param.sort is not None and query.get(param.name) is not None:
            sort_field = param.sort.by.get(str(query[param.name]))
    offset, _, size = _paging(call)
    total, records = call.store.orders(conditions, sort_field, offset, size)
    # The page's links repeat the request's own parameters (paging aside), declared filters or not.
    skip = ("offset", "limit", "expand")
    extra = {p.name: query.get(p.name) for p in call.op.query_params if p.name not in skip}
    extra["expand"] = True if query.get("expand") is True else None
    return _page_of(call, f"{call.root}/orders", total, records, extra)


def enforce_query_rule(rule: dict[str, Any], query: dict[str, Any]) -> None:
    """One `x-query-rules` entry: `at-least-one` and `exactly-one` of `params`, or `param`=`value` `requires`
    another parameter; a request that breaks it is a 400 naming the parameter."""
    given = [name for name in rule.get("params", ()) if query.get(name) is not None]
    names = " or ".join(rule.get("params", ()))
    if rule.get("rule") in ("at-least-one", "exactly-one") and not given:
        raise bad_request(rule["params"][0], f"either {names} is required.")
    if rule.get("rule") == "exactly-one" and len(given) > 1:
        raise bad_request(given[-1], f"use either {names}, not both.")
    if rule.get("rule") == "requires":
        param, value, needed = rule.get("param"), rule.get("value"), rule.get("requires")
        asked = query.get(str(param))
        if asked is not None and (value is None or asked == value) and query.get(str(needed)) is None:
            raise bad_request(str(param), f"{param}={asked} requires {needed}.")


def list_consumer_items(call: Call) -> Reply:
    """GET /v2.1/orderConsumers/{ref}/orderItems: the consumer's linked items that exist."""
    consumer = _load(call, CONSUMER, "orderConsumerRef")
    refs = [link["ref"] for link in consumer.links if "ref" in link]
    offset, _, size = _paging(call)
    window = refs[offset : offset + size] if offset < len(refs) else []
    found = call.store.get_many(ORDER_ITEM, window)
    records = [found[r] for r in window if r in found]
    collection = f"{href(call.root, CONSUMER, consumer.ref)}/orderItems"
    extra = {"expand": True} if call.query.get("expand") is True else None
    return _page_of(call, collection, len(refs), records, extra)


# -- data extensions ---------------------------------------------------------------------------


def _ext_parent(kind: str, call: Call) -> Record:
    parent_kind = EXT_PARENT[kind]
    return _load(call, parent_kind, WHAT[parent_kind])


def _ext_name(call: Call) -> str:
    name = str(call.path.get("dataExtensionName", EXT_NAME))
    if name != EXT_NAME:
        raise bad_request("dataExtensionName", f"must be '{EXT_NAME}'.")
    return name


def _ext_pairs(pairs: dict[str, Any]) -> dict[str, Any]:
    """Rules the schema cannot carry alone: reserved names and the 100-pair total."""
    for key in pairs:
        if key in EXT_RESERVED:
            raise bad_request(key, "is a reserved name and cannot be a data extension key.")
    if len(pairs) > MAX_EXT_KEYS:
        raise bad_request("body", f"a data extension holds at most {MAX_EXT_KEYS} key-value pairs.")
    return pairs


def _load_ext(kind: str, call: Call) -> Record:
    parent = _ext_parent(kind, call)
    name = _ext_name(call)
    record = call.store.get(kind, extension_ref(parent.ref, name))
    if record is None:
        raise ApiError(404, f"dataExtensionName: no data extension '{name}' on {parent.ref}")
    return record


def ext_create(kind: str, call: Call) -> Reply:
    """POST .../extensions/ext: 201 (the spec also declares 200; no page says which), 409 when it exists."""
    parent = _ext_parent(kind, call)
    name = _ext_name(call)
    ref = extension_ref(parent.ref, name)
    if call.store.get(kind, ref) is not None:
        raise ApiError(409, f"dataExtensionName: data extension '{name}' already exists.")
    record = call.store.insert(kind, parent, _ext_pairs(dict(call.body)), ref=ref)
    return 201, render(call.root, False, record)


def ext_list(kind: str, call: Call) -> Reply:
    """GET .../extensions: the zero or one extensions as a collection."""
    parent = _ext_parent(kind, call)
    offset, _, size = _paging(call)
    total, records = call.store.children(kind, parent, offset, size)
    collection = f"{href(call.root, EXT_PARENT[kind], parent.ref)}/extensions"
    extra = {"expand": True} if call.query.get("expand") is True else None
    return _page_of(call, collection, total, records, extra)


def ext_retrieve(kind: str, call: Call) -> Reply:
    """GET .../extensions/ext."""
    return 200, render(call.root, False, _load_ext(kind, call))


def ext_replace(kind: str, call: Call) -> Reply:
    """PUT .../extensions/ext: the body becomes the whole set of pairs."""
    record = _load_ext(kind, call)
    call.store.update(record, _ext_pairs(dict(call.body)), guest_ref=None, links=[])
    return 200, render(call.root, False, record)


def ext_patch(kind: str, call: Call) -> Reply:
    """PATCH .../extensions/ext: merge pairs; the merged set must still hold at most 100."""
    record = _load_ext(kind, call)
    merged = _ext_pairs({**record.fields, **call.body})
    call.store.update(record, merged, guest_ref=None, links=[])
    return 200, render(call.root, False, record)


def ext_delete(kind: str, call: Call) -> Reply:
    """DELETE .../extensions/ext: 204 with no body, like the family's documented delete (see `delete`)."""
    record = _load_ext(kind, call)
    call.store.delete(record)
    return 204, None


def ext_delete_fields(kind: str, call: Call) -> Reply:
    """DELETE .../extensions/ext/fields?name=a|b: drop those keys (all without `name`)."""
    record = _load_ext(kind, call)
    names = call.query.get("name")
    if names is None:
        remaining: dict[str, Any] = {}
    else:
        listed = names if isinstance(names, list) else str(names).split("|")
        drop = {str(n) for n in listed if n != ""}
        remaining = {k: v for k, v in record.fields.items() if k not in drop}
    call.store.update(record, remaining, guest_ref=None, links=[])
    return 200, render(call.root, False, record)


# -- operationId table -------------------------------------------------------------------------


def build_table() -> dict[str, Handler]:
    """Every operationId the sandbox implements, mapped to its handler."""
    table: dict[str, Handler] = {
        "legacyCreateOrder": create_order,
        "legacyListOrders": list_orders,
        "legacyRetrieveOrder": partial(retrieve, ORDER),
        "legacyUpdateOrder": partial(replace, ORDER),
        "createOrder": create_order,
        "listOrders": list_orders,
        "retrieveOrder": partial(retrieve, ORDER),
        "updateOrder": partial(replace, ORDER),
        "patchOrder": partial(patch, ORDER),
        "deleteOrder": partial(delete, ORDER),
        "listOrderConsumerOrderItems": list_consumer_items,
    }
    for name, kind in (("OrderItem", ORDER_ITEM), ("OrderContact", CONTACT), ("OrderConsumer", CONSUMER)):
        for prefix in ("legacy", ""):
            verbs = {
                "create": partial(create_child, kind),
                "list": partial(list_children, kind),
                "retrieve": partial(retrieve, kind),
                "update": partial(replace, kind),
                "delete": partial(delete, kind),
            }
            if not prefix:
                verbs["patch"] = partial(patch, kind)
            for verb, handler in verbs.items():
                op_id = f"{verb}{name}{'s' if verb == 'list' else ''}"
                table[prefix + op_id[0].upper() + op_id[1:] if prefix else op_id] = handler
    for name, kind in (("OrderDataExtension", ORDER_EXT), ("OrderItemDataExtension", ORDER_ITEM_EXT)):
        table[f"create{name}"] = partial(ext_create, kind)
        table[f"list{name}s"] = partial(ext_list, kind)
        table[f"retrieve{name}"] = partial(ext_retrieve, kind)
        table[f"update{name}"] = partial(ext_replace, kind)
        table[f"patch{name}"] = partial(ext_patch, kind)
        table[f"delete{name}"] = partial(ext_delete, kind)
        table[f"delete{name}Fields"] = partial(ext_delete_fields, kind)
    return table


__all__ = ["Call", "Handler", "Reply", "build_table"]
