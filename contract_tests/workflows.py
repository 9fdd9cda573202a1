"""Deterministic, link-driven lifecycles: every resource kind is created, read, listed, updated and deleted.

The random phases mostly see 404s (random refs) and the state machine reaches deep links only by chance, so
these walks make sure every targeted check fires on every kind in every run: create (orders, items, contacts,
consumers, data extensions) -> retrieve in both versions -> list in small pages -> full and partial update ->
delete fields -> delete -> read after delete. Bodies come from the spec's own examples; updates vary each
example field to another schema-valid value, so a write that is not applied shows. Writes the target must refuse
are sent to resources that exist (an update with a field of the wrong type, a delete with near-miss credentials),
and some steps name their resource by its ref in upper case (refs are UUIDs in either case). Every request goes through
`RunContext.send/check`, so the built-in and custom checks judge each step.
"""

from __future__ import annotations

import contextlib
import uuid
from copy import deepcopy
from datetime import UTC, datetime
from typing import Any

from .context import RunContext
from .current import phase
from .edge_writes import edge_writes
from .losses import TransportLost
from .model import EXTENSIONS, Action, Kind, ListFilter, OpInfo
from .walker import (
    Walker,
    child_body,
    delete_order,
    other_version,
    path_for,
    tagged_reference_id,
)

FRESH_KEY_COUNT = (
    99  # a PATCH adding this many pairs to the (3-4 pair) extension must cross the 100-pair limit
)


def _accepts(w: Walker, info: OpInfo, parameter: str) -> bool:
    """Whether an operation declares a query parameter (legacy lists have no `expand`)."""
    return parameter in w.run.model.query_parameters(info.operation_id)


SERVER_TIMESTAMP = (
    "2001-01-01T00:00:00.000Z"  # sent where a body may carry createdAt: the server must ignore it
)


def _replace_body(w: Walker, info: OpInfo, created: dict[str, Any]) -> dict[str, Any]:
    """Every field varied, the last optional one left out (a full update must then remove it), and a createdAt
    where the schema allows one (the server must ignore it)."""
    body = w.bodies.vary(info.operation_id, created)
    required = set((w.run.model.request_schema(info.operation_id) or {}).get("required", []))
    optional = [k for k in body if k not in required]
    if len(optional) > 1:
        trial = {k: v for k, v in body.items() if k != optional[-1]}
        if w.bodies.valid(info.operation_id, trial):
            body = trial
    if "createdAt" in w.run.model.request_properties(info.operation_id):
        body["createdAt"] = SERVER_TIMESTAMP
    return body


def _patch_body(w: Walker, info: OpInfo, created: dict[str, Any]) -> dict[str, Any]:
    """One ordinary field varied (plus, for a v2.1 order, an attempt to change the immutable referenceId)."""
    skip = {"referenceId", "orderedAt", "createdAt", "modifiedAt", "guest", "orderItems", "identifiers"}
    props = w.run.model.request_properties(info.operation_id)
    required = (w.run.model.request_schema(info.operation_id) or {}).get("required", [])
    for name, value in created.items():
        if name in skip or (props and name not in props):
            continue
        varied = w.bodies.vary(info.operation_id, {name: value}, [name])
        if varied[name] != value:
            # Fields the PATCH schema requires (the v2.1 order's, per its page) are sent with their stored values.
            for field in required:
                if field not in varied and field in created:
                    varied[field] = created[field]
            if info.kind is Kind.ORDER and "referenceId" in created:
                varied["referenceId"] = f"{created['referenceId']}-changed"
            if "createdAt" in props:
                varied["createdAt"] = SERVER_TIMESTAMP
            return varied
    return {}


def full_lifecycle(run: RunContext, version: str) -> Walker:
    """Every operation of a version (plus cross-version reads), following the spec's links from each create."""
    w = Walker(run)
    with phase(f"workflow {version}"):
        try:
            _full_steps(w, version)
        except TransportLost as exc:
            w.stopped(exc)
    return w


def _full_steps(w: Walker, version: str) -> None:
    """The steps of `full_lifecycle`, in order."""
    orders = _orders(w, version)
    if orders is None:
        return
    first, second, order_body = orders
    children: dict[Kind, list[str | None]] = {}
    for kind in (Kind.ORDER_ITEM, Kind.CONTACT, Kind.CONSUMER):
        children[kind] = _child_lifecycle(w, version, kind, (first, second), children=children)
    _related_reads(w, version, first, children)
    item = (children.get(Kind.ORDER_ITEM) or [None])[0]
    for ext_kind, owner in ((Kind.ORDER_EXT, first), (Kind.ORDER_ITEM_EXT, item)):
        if owner is not None:
            _extension_lifecycle(w, "v2.1", ext_kind, owner)
    if second is not None:
        _update_steps(w, version, Kind.ORDER, second, created=order_body, parent=None)
    _delete_consumed_item(w, version, children)
    delete_order(w, version, first)
    edge_writes(w, version, order_body)


def _orders(w: Walker, version: str) -> tuple[str, str | None, dict[str, Any]] | None:
    """Three orders (two share a referenceId, the third has its own), read back and listed in both versions."""
    create_order = w.op(version, Action.CREATE, Kind.ORDER)
    if create_order is None:
        return None
    order_body = w.bodies.example(create_order.operation_id) or {}
    order_body["referenceId"] = tagged_reference_id(w.run, f"CDPKIT-WF-{version.upper()}")
    other_body = {**order_body, "referenceId": order_body["referenceId"] + "-OTHER"}
    orders = [w.create(create_order, body=dict(b)) for b in (order_body, order_body, other_body)]
    first = orders[0]
    if first is None:
        return None
    reference_id = order_body["referenceId"]
    for v in (version, other_version(version)):
        retrieve = w.op(v, Action.RETRIEVE, Kind.ORDER)
        if retrieve:
            w.send(retrieve.operation_id, path={"orderRef": first})
        listing = w.op(v, Action.LIST, Kind.ORDER)
        if listing:
            w.send(listing.operation_id, query={"referenceId": reference_id, "limit": 1})
            if _accepts(w, listing, "expand"):
                w.send(listing.operation_id, query={"referenceId": reference_id, "expand": "true"})
    _broken_list_rules(w, version, reference_id)
    _broken_body_rules(w, create_order, order_body)
    _filter_walks(w, version, create_order, order_body)
    return first, orders[1], order_body


def _filter_walks(w: Walker, version: str, create: OpInfo, body: dict[str, Any]) -> None:
    """Every filter the spec declares on the order list (`x-filter`), judged with records made to match and not
    to match: two orders under one referenceId that differ in what the filter reads (a field of the order, or the
    guest their contacts name, in either version), listed with the first one's value; list_filter_honoured reads
    back what is listed.
    The referenceId filter itself is judged by the listings of `_orders` (a third order has its own)."""
    listing = w.op(version, Action.LIST, Kind.ORDER)
    if listing is None:
        return
    alone = {p for rule in listing.query_rules for p in rule.get("params", ())}
    base = f"{body['referenceId']}-F"
    for declared in listing.filters:
        if declared.param == "referenceId" and declared.of is None:
            continue
        made = _matching_pair(
            w, version, create, {**body, "referenceId": f"{base}-{declared.param}"}, declared
        )
        if made is None:
            continue
        query: dict[str, Any] = {declared.param: made}
        if declared.param not in alone and alone:
            query["referenceId"] = f"{base}-{declared.param}"
        w.send(listing.operation_id, query=query)


def _matching_pair(
    w: Walker, version: str, create: OpInfo, body: dict[str, Any], declared: ListFilter
) -> str | None:
    """Create the order that matches the filter and one that does not; the value to list with (None when the spec
    gives no way to make such orders)."""
    if declared.of is None:
        if declared.field not in body:
            return None
        other = w.bodies.vary(create.operation_id, body, keys=[declared.field])
        if other.get(declared.field) == body[declared.field]:
            return None
        w.create(create, body=deepcopy(body))
        w.create(create, body=other)
        return str(body[declared.field])
    if declared.of == "contacts" and declared.field == "guest":
        return _guests_pair(w, version, create, body)
    return None


def _guests_pair(w: Walker, version: str, create: OpInfo, body: dict[str, Any]) -> str | None:
    """Two orders whose contacts name two new guests; the first guest's ref. A v2 contact names its guest by link;
    a v2.1 contact by identifiers, which the target resolves to a guest it links in the contact it answers with:
    that link is the ref to list by (None when the target links none, or the same guest for both)."""
    contact = w.op(version, Action.CREATE, Kind.CONTACT)
    if contact is None:
        return None
    template = child_body(w, contact, {})
    if "guest" not in template and "identifiers" not in template:
        return None
    guests: list[str] = []
    for _ in range(2):
        order = w.create(create, body=deepcopy(body))
        if order is None:
            return None
        fresh = str(uuid.uuid4())
        child = deepcopy(template)
        if "guest" in child:
            child["guest"] = {"href": f"{w.run.base_url}/{version}/guests/{fresh}"}
        else:
            child["identifiers"] = [{"provider": "CDPKIT", "id": fresh}]
        status, doc = w.send(contact.operation_id, path={"orderRef": order}, body=child)
        linked = doc.get("guest") if isinstance(doc, dict) and 200 <= status < 300 else None
        href = linked.get("href") if isinstance(linked, dict) else None
        guests.append(fresh if "guest" in child else str(href).rstrip("/").rsplit("/", 1)[-1] if href else "")
    if not all(guests) or guests[0].lower() == guests[1].lower():
        return None
    return guests[0]


def _broken_body_rules(w: Walker, create: OpInfo, body: dict[str, Any]) -> None:
    """Order creates that break the strict request rules on purpose (info.description "Requests are strict"): a
    lower-case currency, a required field left out, a price of the wrong type. Each must be refused
    (invalid_body_rejected); the generated negative cases seldom hit a lower-case currency by chance."""
    required = list((w.run.model.request_schema(create.operation_id) or {}).get("required", []))
    broken: list[dict[str, Any]] = []
    if isinstance(body.get("currencyCode"), str):
        broken.append({**body, "currencyCode": body["currencyCode"].lower()})
    if required:
        broken.append({k: v for k, v in body.items() if k != required[-1]})
    if "price" in body:
        broken.append({**body, "price": str(body["price"])})
    # An unknown field (strict bodies), a status outside the enum, an empty referenceId (minLength 1): each only
    # where the schema really refuses it.
    for extra in ({"undocumentedField": "x"}, {"status": "NOT_A_STATUS"}, {"referenceId": ""}):
        trial = {**body, **extra}
        if not w.bodies.valid(create.operation_id, trial):
            broken.append(trial)
    for payload in broken:
        w.send(create.operation_id, body=payload, shape=False)


def _broken_list_rules(w: Walker, version: str, reference_id: str) -> None:
    """Requests that break the order lists' rules on purpose (the filters they need, the paging parameters'
    schemas): each must be refused."""
    listing = w.op(version, Action.LIST, Kind.ORDER)
    if listing is None:
        return
    w.send(listing.operation_id, query={"limit": 1}, shape=False)
    for broken in ({"offset": -1}, {"limit": 0}):  # outside the Offset and Limit schemas
        w.send(listing.operation_id, query={"referenceId": reference_id, **broken}, shape=False)
    if listing.legacy:
        return
    guest = "f7aabbca-1c1b-4fc2-be72-3e16294a4f03"
    w.send(listing.operation_id, query={"referenceId": reference_id, "guestRef": guest}, shape=False)
    w.send(listing.operation_id, query={"referenceId": reference_id, "sort": "orderedAt"}, shape=False)


def _related_reads(w: Walker, version: str, order: str, children: dict[Kind, list[str | None]]) -> None:
    """The legacy expanded order, and the items a consumer consumes."""
    retrieve = w.op(version, Action.RETRIEVE, Kind.ORDER)
    if version == "v2" and retrieve is not None:
        w.send(retrieve.operation_id, path={"orderRef": order}, query={"expand": "orderItems"})
    consumer = (children.get(Kind.CONSUMER) or [None])[0]
    if consumer and "listOrderConsumerOrderItems" in w.run.model.operations:
        w.send("listOrderConsumerOrderItems", path={"orderConsumerRef": consumer}, query={"limit": 1})


def _delete_consumed_item(w: Walker, version: str, children: dict[Kind, list[str | None]]) -> None:
    """Delete an item a consumer consumes and that has a data extension (v2.1 delete: it unlinks the item and
    takes the extension with it), then read the consumer again."""
    items = [r for r in children.get(Kind.ORDER_ITEM, [])[:2] if r]
    consumer = (children.get(Kind.CONSUMER) or [None])[0]
    delete = w.op("v2.1", Action.DELETE, Kind.ORDER_ITEM)
    if len(items) < 2 or consumer is None or delete is None:
        return
    extension = w.op("v2.1", Action.CREATE, Kind.ORDER_ITEM_EXT)
    if extension is not None:
        body = w.bodies.example(extension.operation_id) or {"note": "created"}
        w.send(extension.operation_id, path=path_for(extension, items[1], items[1]), body=body)
    w.send(delete.operation_id, path={"orderItemRef": items[1]})
    retrieve = w.op(version, Action.RETRIEVE, Kind.CONSUMER)
    if retrieve is not None:
        w.send(retrieve.operation_id, path={"orderConsumerRef": consumer})


def _child_lifecycle(
    w: Walker,
    version: str,
    kind: Kind,
    orders: tuple[str, str | None],
    *,
    children: dict[Kind, list[str | None]],
) -> list[str | None]:
    """Three children on the first order: listed (also under the second order), read, updated, one deleted."""
    order, other_order = orders
    create = w.op(version, Action.CREATE, kind)
    if create is None:
        return []
    body = child_body(w, create, children)
    refs = [w.create(create, path={"orderRef": order}, body=deepcopy(body)) for _ in range(3)]
    listing = w.op(version, Action.LIST, kind)
    if listing is not None:
        w.send(listing.operation_id, path={"orderRef": order}, query={"limit": 2})
        if _accepts(w, listing, "expand"):
            w.send(listing.operation_id, path={"orderRef": order}, query={"expand": "true"})
        if other_order is not None:
            w.send(listing.operation_id, path={"orderRef": other_order})
    if "dateOfBirth" in body and not create.legacy:
        future = {**body, "dateOfBirth": f"{datetime.now(UTC).year + 5}-01-01T00:00:00Z"}
        w.send(create.operation_id, path={"orderRef": order}, body=future, shape=False)
    target = refs[0]
    if target is None:
        return refs
    for v in (version, other_version(version)):
        retrieve = w.op(v, Action.RETRIEVE, kind)
        if retrieve is not None:
            w.send(retrieve.operation_id, path=path_for(retrieve, target))
    _update_steps(w, version, kind, target, created=body, parent=order)
    delete = w.op(version, Action.DELETE, kind)
    if delete is not None and refs[2] is not None:
        # Refs are UUIDs in either case (info.description): this one is deleted by its upper-case spelling.
        w.send(delete.operation_id, path=path_for(delete, refs[2].upper()))
    return refs


def _update_steps(
    w: Walker, version: str, kind: Kind, ref: str, *, created: dict[str, Any], parent: str | None
) -> None:
    """Refused updates, full update, read, partial update (by the ref in upper case), read."""
    _rejected_updates(w, version, kind, ref, created=created, parent=parent)
    retrieve = w.op(version, Action.RETRIEVE, kind)
    replace = w.op(version, Action.REPLACE, kind)
    if replace is not None:
        w.send(
            replace.operation_id,
            path=path_for(replace, ref, parent),
            body=_replace_body(w, replace, created),
        )
        if retrieve is not None:
            w.send(retrieve.operation_id, path=path_for(retrieve, ref, parent))
    patch = w.op(version, Action.PATCH, kind)
    if patch is not None:
        body = _patch_body(w, patch, created)
        if body:
            # Refs are UUIDs in either case (info.description): the partial update names it in upper case.
            named = ref.upper() if kind not in EXTENSIONS else ref
            w.send(patch.operation_id, path=path_for(patch, named, parent), body=body)
            if retrieve is not None:
                w.send(retrieve.operation_id, path=path_for(retrieve, named, parent))


def _broken(w: Walker, info: OpInfo, body: dict[str, Any]) -> dict[str, Any] | None:
    """The body with one field given a value of the wrong type (or, for a data extension, a key its pattern
    refuses): every other field stays valid, so a server that writes what it can before refusing shows."""
    for name, value in body.items():
        wrong: Any = (
            12345 if isinstance(value, str) else "not-a-number" if isinstance(value, int | float) else None
        )
        if wrong is None or isinstance(value, bool):
            continue
        trial = {**body, name: wrong}
        if not w.bodies.valid(info.operation_id, trial):
            return trial
    trial = {**body, "not a key!": {"nested": True}}
    return trial if not w.bodies.valid(info.operation_id, trial) else None


def _rejected_updates(
    w: Walker, version: str, kind: Kind, ref: str, *, created: dict[str, Any], parent: str | None
) -> None:
    """Writes the target must refuse, sent to a resource that exists (not to a random ref that answers 404
    first): a full and a partial update with one field of the wrong type, a delete with near-miss credentials.
    rejected_write_changes_nothing then reads the resource back."""
    replace = w.op(version, Action.REPLACE, kind)
    if replace is not None:
        broken = _broken(w, replace, _replace_body(w, replace, created))
        if broken is not None:
            w.send(replace.operation_id, path=path_for(replace, ref, parent), body=broken, shape=False)
    patch = w.op(version, Action.PATCH, kind)
    if patch is not None:
        body = _patch_body(w, patch, created)
        broken = _broken(w, patch, body) if body else None
        if broken is not None:
            w.send(patch.operation_id, path=path_for(patch, ref, parent), body=broken, shape=False)
    delete = w.op(version, Action.DELETE, kind)
    if delete is not None:
        key, token = w.run.target.auth
        w.send(delete.operation_id, path=path_for(delete, ref, parent), auth=(key, token[:-1] or "x"))


def _extension_lifecycle(w: Walker, version: str, kind: Kind, owner: str) -> None:
    """Create, read, list, replace, patch (also past 100 pairs), delete fields, delete."""
    create = w.op(version, Action.CREATE, kind)
    if create is None:
        return
    params = path_for(create, owner, owner)
    body = w.bodies.example(create.operation_id) or {"note": "created"}
    w.send(create.operation_id, path=params, body=body)
    w.send(create.operation_id, path=params, body=body)  # it exists now: 409
    for action in (Action.RETRIEVE, Action.LIST):
        info = w.op(version, action, kind)
        if info is not None:
            w.send(
                info.operation_id,
                path=path_for(info, owner, owner),
                query={"limit": 1} if action is Action.LIST else None,
            )
    _update_steps(w, version, kind, owner, created=body, parent=owner)
    patch = w.op(version, Action.PATCH, kind)
    if patch is not None:
        w.send(patch.operation_id, path=params, body={f"extra{i}": i for i in range(FRESH_KEY_COUNT)})
    fields = w.op(version, Action.DELETE_FIELDS, kind)
    if fields is not None:
        w.send(fields.operation_id, path=params, query={"name": "|".join(sorted(body)[:2])})
        w.send(fields.operation_id, path=params)
    delete = w.op(version, Action.DELETE, kind)
    if delete is not None:
        w.send(delete.operation_id, path=params)


def safe_lifecycle(run: RunContext) -> Walker:
    """The live-tenant budget, in the order conformance.toml [safe.budget] lists it; cleanup always runs."""
    w = Walker(run, permits=True)
    with phase("workflow safe"):
        body = w.bodies.example("createOrder") or {}
        body["referenceId"] = f"{run.config.safe.reference_prefix}{run.run_id}-safe"
        created: dict[str, str] = {}
        try:
            _safe_steps(w, body, created)
        except TransportLost as exc:
            w.lost = exc.lost
        finally:
            _safe_cleanup(w, created)
    return w


def _safe_steps(w: Walker, body: dict[str, Any], created: dict[str, str]) -> None:
    """The budgeted creates and reads of `safe_lifecycle`; `created` says what to delete afterwards."""
    run = w.run
    order = w.create(run.model.operations["createOrder"], body=body)
    if order is None:
        return
    created["order"] = order
    w.send("retrieveOrder", path={"orderRef": order})
    w.send("listOrders", query={"referenceId": body["referenceId"]})
    w.send("legacyRetrieveOrder", path={"orderRef": order})
    for name, op_id, retrieve, legacy in (
        ("item", "createOrderItem", "retrieveOrderItem", "legacyRetrieveOrderItem"),
        ("contact", "createOrderContact", "retrieveOrderContact", "legacyRetrieveOrderContact"),
        ("consumer", "createOrderConsumer", "retrieveOrderConsumer", "legacyRetrieveOrderConsumer"),
    ):
        info = run.model.operations[op_id]
        ref = w.create(info, path={"orderRef": order})
        if ref is not None:
            created[name] = ref
            for read in (retrieve, legacy):
                read_info = run.model.operations[read]
                w.send(read, path=path_for(read_info, ref))
    ext_owner = {
        "createOrderDataExtension": order,
        "createOrderItemDataExtension": created.get("item"),
    }
    for op_id, owner in ext_owner.items():
        if owner is None:
            continue
        info = run.model.operations[op_id]
        status, _ = w.send(op_id, path=path_for(info, owner, owner), body=w.bodies.example(op_id))
        if 200 <= status < 300:
            created[op_id] = owner
            retrieve_op = op_id.replace("create", "retrieve")
            w.send(retrieve_op, path=path_for(run.model.operations[retrieve_op], owner, owner))


def _safe_cleanup(w: Walker, created: dict[str, str]) -> None:
    """Delete what the safe workflow created, children first (the order delete would take them anyway)."""
    model = w.run.model
    steps = [
        ("deleteOrderItemDataExtension", created.get("createOrderItemDataExtension")),
        ("deleteOrderDataExtension", created.get("createOrderDataExtension")),
        ("deleteOrderConsumer", created.get("consumer")),
        ("deleteOrderContact", created.get("contact")),
        ("deleteOrderItem", created.get("item")),
        ("deleteOrder", created.get("order")),
    ]
    for op_id, ref in steps:
        if ref is not None:
            with contextlib.suppress(TransportLost):  # listed as unjudged by send; the other deletes still go
                w.send(op_id, path=path_for(model.operations[op_id], ref, ref))
