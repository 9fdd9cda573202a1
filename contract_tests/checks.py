"""Targeted checks for contract rules the built-in checks cannot see.

Each check is one small function registered with schemathesis, so it runs on every response of every phase
next to the built-ins and is switched in conformance.toml like them. Its docstring states the rule and where
the spec says it. A check returns True when the rule does not apply to the exchange (schemathesis then does
not count it as passed), None when it verified the rule, and raises AssertionError on a deviation. Checks that
need the state after a write send their own GETs ("probes") through the run's session; those are recorded
and shown with the failure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import jsonschema_rs
import schemathesis

from . import context
from .hooks import BIRTH_DATE_OPERATIONS, is_positive, past_birth_date
from .model import EXTENSIONS, Action, Kind, OpInfo, collection_path, resource_path
from .state import Key, Seen, parent_key, resource_key

if TYPE_CHECKING:
    from .context import ProbeResult, RunContext

CheckFn = Callable[[Any, Any, Any], bool | None]
CUSTOM_CHECKS: dict[str, CheckFn] = {}

READ_ONLY = frozenset({"href", "ref", "createdAt", "modifiedAt"})
LINK_FIELDS = frozenset({"guest", "order", "orderItem", "orderItems", "contacts", "consumers"})
EXT_RESERVED = frozenset({"name", "href", "ref", "key", "createdAt", "modifiedAt", "order", "orderItem"})
IMMUTABLE_ORDER_FIELDS = ("referenceId", "orderedAt")
MAX_EXT_PAIRS = 100
MAX_DESCENDANT_PROBES = 20
JSON_SAFE_INT = 2**53
_DATE_TIME = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ]")


def custom(func: CheckFn) -> CheckFn:
    """Register a check with schemathesis and in this kit's list (conformance.toml must list it)."""
    CUSTOM_CHECKS[func.__name__] = func
    return schemathesis.check(func)


# -- what an exchange is about -------------------------------------------------------------------


@dataclass(slots=True)
class View:
    """One exchange seen through the spec: operation, decoded bodies, the resource and what was known before."""

    run: RunContext
    info: OpInfo
    case: Any
    status: int
    body: Any
    sent: dict[str, Any] | None
    params: dict[str, Any]
    query: dict[str, Any]
    key: Key | None
    parent: Key | None
    before: Seen | None

    @property
    def ok(self) -> bool:
        """A 2xx answer."""
        return 200 <= self.status < 300

    def own_path(self) -> str | None:
        """The canonical (lower-case) API path of the resource this exchange is about."""
        info = self.info
        if info.kind in EXTENSIONS:
            name = self.params.get(info.ref_param or "")
            parent = self.params.get(info.parent_param or "")
            if name is None or parent is None:
                return None
            return resource_path(info.version, info.kind, str(name), str(parent))
        if self.key is None:
            return None
        return resource_path(info.version, info.kind, self.key[1])

    def probe_own(self, note: str) -> ProbeResult:
        """GET the resource itself."""
        path = self.own_path()
        assert path is not None
        return self.run.probe(path, note=note)


def view(response: Any, case: Any) -> View | None:
    """The exchange as the checks need it, or None outside a run or for an undeclared method/path."""
    run = context.current()
    if run is None:
        return None
    info = run.info_for(case, response)
    if info is None:
        return None
    try:
        body = response.json() if response.content else None
    except Exception:
        body = None
    params = dict(case.path_parameters or {})
    key = resource_key(info, params, body)
    return View(
        run=run,
        info=info,
        case=case,
        status=response.status_code,
        body=body,
        sent=case.body if isinstance(case.body, dict) else None,
        params=params,
        query=dict(case.query or {}),
        key=key,
        parent=parent_key(info, params),
        before=run.state.get(key),
    )


def same(sent: Any, got: Any) -> bool:
    """Whether a stored value matches what was sent: objects by the keys sent, date-times as instants."""
    if isinstance(sent, dict):
        return isinstance(got, dict) and all(same(v, got.get(k)) for k, v in sent.items())
    if isinstance(sent, list):
        return isinstance(got, list) and len(sent) == len(got) and all(map(same, sent, got))
    if isinstance(sent, bool) or isinstance(got, bool):
        return sent is got
    if isinstance(sent, int | float) and isinstance(got, int | float):
        return sent == got
    if isinstance(sent, str) and isinstance(got, str) and sent != got and _DATE_TIME.match(sent):
        return _instant(sent) is not None and _instant(sent) == _instant(got)
    return bool(sent == got)


def _instant(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None


def is_empty(value: Any) -> bool:
    """Absent or empty (a removed optional field may come back as null, [] or an empty link page)."""
    if value is None or value in ("", [], {}):
        return True
    return isinstance(value, dict) and set(value) <= {"items", "orderItems"} and not any(value.values())


def user_fields(run: RunContext, info: OpInfo, doc: Any) -> dict[str, Any]:
    """The client-owned fields of a representation: request-schema fields, or a data extension's pairs."""
    if not isinstance(doc, dict):
        return {}
    if info.kind in EXTENSIONS:
        return {k: v for k, v in doc.items() if k not in EXT_RESERVED}
    names = run.model.request_properties(info.operation_id) if info.action is not Action.LIST else {}
    return {k: doc[k] for k in names if k in doc and k not in READ_ONLY | LINK_FIELDS}


def comparable(run: RunContext, info: OpInfo, sent: dict[str, Any]) -> dict[str, Any]:
    """The sent fields a write must store as sent (read-only, link and immutable fields left out)."""
    if info.kind in EXTENSIONS:
        return dict(sent)
    skip = READ_ONLY | LINK_FIELDS
    if info.kind is Kind.ORDER and not info.legacy and info.action in (Action.REPLACE, Action.PATCH):
        skip = skip | set(IMMUTABLE_ORDER_FIELDS)
    # Bodies whose page was cut allow unknown fields; only the fields the spec names must be stored as sent.
    known = run.model.request_properties(info.operation_id)
    return {k: v for k, v in sent.items() if k not in skip and (not known or k in known)}


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


def _items(body: Any) -> list[dict[str, Any]]:
    items = body.get("items") if isinstance(body, dict) else None
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _page_query(v: View) -> dict[str, Any]:
    """The list request's filters, without paging and expansion."""
    return {k: val for k, val in v.query.items() if k not in ("offset", "limit", "expand")}


# -- the checks -------------------------------------------------------------------------------------


def _href_problems(run: RunContext, href: Any, expected: str | None, what: str) -> list[str]:
    """An href must be absolute, on the target's origin, and (when known) at the expected path."""
    if not isinstance(href, str):
        return []
    parts = urlsplit(href)
    if not parts.scheme or not parts.netloc:
        return [f"{what}: href {href!r} is not an absolute URL"]
    problems = []
    if context.origin_of(href) != run.origin:
        problems.append(f"{what}: href {href!r} is not on the target's origin {run.origin}")
    if expected is not None and run.api_path(href) != expected:
        problems.append(f"{what}: href {href!r} should have the path {expected}")
    return problems


def _listed_href_problems(v: View, request_url: str) -> list[str]:
    """Listed links point at resources of the listed kind; expanded items at themselves."""
    run, info = v.run, v.info
    if info.parent_kind is Kind.CONSUMER:
        kind_path = re.compile(rf"^/{re.escape(info.version)}/orderitems/[^/]+$")
    elif info.kind in EXTENSIONS:
        kind_path = re.compile(rf"^{re.escape(run.api_path(request_url))}/[^/]+$")
    else:
        kind_path = re.compile(rf"^{re.escape(resource_path(info.version, info.kind, '')).lower()}[^/]+$")
    problems = []
    for index, item in enumerate(_items(v.body)):
        href, ref = item.get("href"), item.get("ref")
        if isinstance(href, str) and not kind_path.match(run.api_path(href)):
            problems.append(f"items[{index}].href {href!r} does not point at a {info.kind} of {info.version}")
        if isinstance(href, str) and isinstance(ref, str) and info.kind not in EXTENSIONS:
            expected = resource_path(info.version, info.kind, ref).lower()
            problems += _href_problems(run, href, expected, f"items[{index}]")
    return problems


@custom
def href_points_to_self(ctx: Any, response: Any, case: Any) -> bool | None:
    """`href` of a returned resource is an absolute URL on the target's own origin whose path is the resource's
    canonical path in the version asked: last segment equal to `ref` (a data extension: `.../extensions/ext` under
    the parent asked for); a retrieved or updated resource is the one the path named; listed links point at
    resources of the listed kind. Spec: Link.href "Absolute URL of the linked resource"; LinkPage "the ref of
    each linked resource is the last path segment of its href"."""
    v = view(response, case)
    if v is None or not v.ok or not isinstance(v.body, dict) or v.info.action is Action.DELETE:
        return True
    info = v.info
    if info.action is Action.LIST:
        problems = _listed_href_problems(v, str(response.request.url))
    else:
        expected = v.own_path()
        problems = _href_problems(
            v.run, v.body.get("href"), expected.lower() if expected else None, "resource"
        )
        ref, path_ref = v.body.get("ref"), v.params.get(info.ref_param or "")
        named = info.kind not in EXTENSIONS and info.action is not Action.CREATE and path_ref is not None
        if named and isinstance(ref, str) and ref.lower() != str(path_ref).lower():
            problems.append(f"asked for {path_ref} but got the resource with ref {ref}")
    assert not problems, "; ".join(problems)
    return None


@custom
def links_point_to_parent(ctx: Any, response: Any, case: Any) -> bool | None:
    """Links inside a resource lead to its relatives: an order's `contacts`, `consumers` and `orderItems` to its
    own collections, a child's `order` (a data extension's `order`/`orderItem`) to the parent it was created under.
    Spec: order contacts/consumers/orderItems links; LegacyOrderContact.order, OrderItem.order,
    OrderItemDataExtension.orderItem ("links the parent item")."""
    v = view(response, case)
    if v is None or not v.ok or not isinstance(v.body, dict) or v.info.action in (Action.LIST, Action.DELETE):
        return True
    run, info, body = v.run, v.info, v.body
    problems: list[str] = []
    if info.kind is Kind.ORDER and v.key is not None:
        own = resource_path(info.version, Kind.ORDER, v.key[1]).lower()
        for name in ("contacts", "consumers", "orderItems"):
            link = body.get(name)
            href = link.get("href") if isinstance(link, dict) else None
            if isinstance(href, str) and run.api_path(href) != f"{own}/{name.lower()}":
                problems.append(f"{name}.href {href!r} is not this order's {name} collection")
    else:
        parent = v.parent if v.parent is not None else (run.state.parent_of(v.key) if v.key else None)
        if parent is None:
            return True
        field = "orderItem" if info.kind is Kind.ORDER_ITEM_EXT else "order"
        link = body.get(field)
        if not isinstance(link, dict) or not isinstance(link.get("href"), str):
            return True
        got = run.api_path(link["href"])
        if got == f"/{info.version}/orders" and urlsplit(link["href"]).query:
            return True  # the docs' consumer example links a query of orders, not one order: nothing to judge
        expected = resource_path(info.version, parent[0], parent[1]).lower()
        if got != expected:
            problems.append(f"{field}.href {link['href']!r} should point at the parent {expected}")
    assert not problems, "; ".join(problems)
    return None


@custom
def create_then_retrieve(ctx: Any, response: Any, case: Any) -> bool | None:
    """A created resource can be read back at once at its own path, with the `ref` and `href` the create
    returned. Spec: every create's `ref` "is the new resource's reference" and links to its retrieve."""
    v = view(response, case)
    if v is None or not v.ok or v.info.action is not Action.CREATE or v.own_path() is None:
        return True
    if v.run.model.find(v.info.version, Action.RETRIEVE, v.info.kind) is None:
        return True
    got = v.probe_own("create_then_retrieve")
    assert got.status == 200, f"GET {v.own_path()} right after the create answered {got.status}, not 200"
    if isinstance(got.body, dict) and isinstance(v.body, dict):
        created, fetched = v.body.get("ref"), got.body.get("ref")
        if isinstance(created, str) and isinstance(fetched, str):
            assert created.lower() == fetched.lower(), (
                f"create returned ref {created}, retrieve returned {fetched}"
            )
        href_a, href_b = v.body.get("href"), got.body.get("href")
        if isinstance(href_a, str) and isinstance(href_b, str):
            assert v.run.api_path(href_a) == v.run.api_path(href_b), (
                f"create href {href_a} != retrieve href {href_b}"
            )
    return None


@custom
def write_is_persisted(ctx: Any, response: Any, case: Any) -> bool | None:
    """What a create, full update or partial update sends is what the target stores: each sent field has the
    sent value in the write's response (when the response carries it) and on the next retrieve. v2.1 order
    referenceId/orderedAt on update are judged by immutable_order_fields. Spec: create/update semantics."""
    v = view(response, case)
    if (
        v is None
        or not v.ok
        or v.sent is None
        or v.info.action not in (Action.CREATE, Action.REPLACE, Action.PATCH)
    ):
        return True
    if v.own_path() is None:
        return True
    fields = comparable(v.run, v.info, v.sent)
    if not fields:
        return True
    got = v.probe_own("write_is_persisted")
    assert got.status == 200, f"GET {v.own_path()} after the write answered {got.status}"
    problems = []
    for name, value in fields.items():
        if isinstance(v.body, dict) and name in v.body and not same(value, v.body[name]):
            problems.append(f"{name}: sent {_short(value)}, the response has {_short(v.body[name])}")
        stored = got.body.get(name) if isinstance(got.body, dict) else None
        if not same(value, stored):
            problems.append(f"{name}: sent {_short(value)}, the retrieve has {_short(stored)}")
    assert not problems, "; ".join(problems)
    return None


@custom
def patch_keeps_unsent_fields(ctx: Any, response: Any, case: Any) -> bool | None:
    """A partial update changes only what it sends: each client field the resource had before and the PATCH did
    not name keeps its value. Spec: v2.1 PATCH "updates the fields sent and leaves the others alone"; data
    extension PATCH "adds the pairs sent ... leaving the others alone"."""
    v = view(response, case)
    if v is None or not v.ok or v.info.action is not Action.PATCH or v.before is None or v.sent is None:
        return True
    old = user_fields(v.run, v.info, v.before.body)
    untouched = {k: val for k, val in old.items() if k not in v.sent}
    if not untouched:
        return True
    got = v.probe_own("patch_keeps_unsent_fields")
    assert got.status == 200, f"GET {v.own_path()} after the PATCH answered {got.status}"
    stored = got.body if isinstance(got.body, dict) else {}
    changed = [
        f"{k}: was {_short(val)}, now {_short(stored.get(k))}"
        for k, val in untouched.items()
        if not same(val, stored.get(k))
    ]
    assert not changed, "fields the PATCH did not send changed: " + "; ".join(changed)
    return None


@custom
def put_removes_unsent_fields(ctx: Any, response: Any, case: Any) -> bool | None:
    """A full update replaces the resource: an optional field (a data extension's pair) the body leaves out is
    gone afterwards; the v2.1 order keeps referenceId and orderedAt. Spec: v2.1 PUT "optional fields not sent are
    removed", legacy update "replaces the whole order/item/contact/consumer", extension PUT "replaces all pairs"."""
    v = view(response, case)
    if v is None or not v.ok or v.info.action is not Action.REPLACE or v.sent is None or v.own_path() is None:
        return True
    if v.info.kind in EXTENSIONS:
        if v.before is None:
            return True
        candidates = [k for k in user_fields(v.run, v.info, v.before.body) if k not in v.sent]
    else:
        skip = READ_ONLY | LINK_FIELDS | set(v.sent)
        if v.info.kind is Kind.ORDER and not v.info.legacy:
            skip |= set(IMMUTABLE_ORDER_FIELDS)
        candidates = [k for k in v.run.model.request_properties(v.info.operation_id) if k not in skip]
    if not candidates:
        return True
    got = v.probe_own("put_removes_unsent_fields")
    assert got.status == 200, f"GET {v.own_path()} after the full update answered {got.status}"
    stored = got.body if isinstance(got.body, dict) else {}
    kept = [f"{k}={_short(stored[k])}" for k in candidates if k in stored and not is_empty(stored[k])]
    assert not kept, "fields the full update did not send are still there: " + ", ".join(kept)
    return None


@custom
def immutable_order_fields(ctx: Any, response: Any, case: Any) -> bool | None:
    """A v2.1 order keeps its referenceId and orderedAt through PUT and PATCH, whatever the body sends. Spec:
    updateOrder/patchOrder "referenceId and orderedAt cannot be changed; the stored values are kept"."""
    v = view(response, case)
    info = v.info if v is not None else None
    if v is None or info is None or info.kind is not Kind.ORDER or info.legacy or not v.ok:
        return True
    if info.action not in (Action.REPLACE, Action.PATCH) or v.before is None:
        return True
    old = {k: v.before.body[k] for k in IMMUTABLE_ORDER_FIELDS if k in v.before.body}
    if not old:
        return True
    got = v.probe_own("immutable_order_fields")
    problems = []
    for source, doc in (("response", v.body), ("retrieve", got.body)):
        for name, value in old.items():
            now = doc.get(name) if isinstance(doc, dict) else None
            if isinstance(doc, dict) and name in doc and not same(value, now):
                problems.append(f"{source}: {name} changed from {_short(value)} to {_short(now)}")
    assert not problems, "; ".join(problems)
    return None


@custom
def created_appears_in_list(ctx: Any, response: Any, case: Any) -> bool | None:
    """A created resource is listed in its collection exactly once: an order under its referenceId, an item,
    contact or consumer under the order it was created on, a data extension under its owner. Spec: the list
    operations of each collection and listOrders' referenceId filter."""
    v = view(response, case)
    if v is None or not v.ok or v.info.action is not Action.CREATE or v.own_path() is None:
        return True
    info = v.info
    if v.run.model.find(info.version, Action.LIST, info.kind) is None:
        return True
    query: dict[str, Any] = {}
    if info.kind is Kind.ORDER:
        reference_id = v.sent.get("referenceId") if v.sent else None
        if not isinstance(reference_id, str):
            return True
        query = {"referenceId": reference_id}
    parent_ref = v.parent[1] if v.parent else None
    listed, _ = v.run.walk(
        collection_path(info.version, info.kind, parent_ref),
        note="created_appears_in_list",
        query=query,
        page_size=100,
        max_pages=20,
    )
    own = (v.own_path() or "").lower()
    count = listed.count(own)
    assert count == 1, (
        f"{own} is listed {count} times in its collection ({len(listed)} items walked), expected once"
    )
    return None


@custom
def pagination_is_consistent(ctx: Any, response: Any, case: Any) -> bool | None:
    """Offset pagination honours `limit` and `offset` and loses nothing: a page holds at most `limit` items and
    echoes offset/limit (up to 2**53); walking the collection by `next` links in pages of 2 and in pages of 50 yields the same
    items, each once, and this page is the matching slice. Spec: Page ("offset pagination"), Offset and Limit
    parameters."""
    v = view(response, case)
    if v is None or v.status != 200 or v.info.action is not Action.LIST or not isinstance(v.body, dict):
        return True
    limit, offset = v.query.get("limit", 10), v.query.get("offset", 0)
    if not (isinstance(limit, int) and isinstance(offset, int)) or limit < 1 or offset < 0:
        return True
    items = _items(v.body)
    problems = []
    if len(items) > limit:
        problems.append(f"{len(items)} items on a page asked with limit={limit}")
    for name, asked in (("offset", offset), ("limit", limit)):
        # Beyond 2**53 JSON integers lose precision in most parsers; a server may clamp such values.
        if isinstance(v.body.get(name), int) and v.body[name] != asked and asked <= JSON_SAFE_INT:
            problems.append(f"`{name}` is {v.body[name]} but {asked} was asked")
    assert not problems, "; ".join(problems)
    filters = _page_query(v)
    unbounded = v.info.kind is Kind.ORDER and not filters
    path = v.run.request_path(str(response.request.url))
    if unbounded or not v.run.once_per_state(f"{path}?{sorted(filters.items())}"):
        return None
    big, big_complete = v.run.walk(
        path, note="pagination_is_consistent", query=filters, page_size=50, max_pages=20
    )
    small, small_complete = v.run.walk(
        path, note="pagination_is_consistent", query=filters, page_size=2, max_pages=20
    )
    for label, seq in (("pages of 50", big), ("pages of 2", small)):
        dups = sorted({h for h in seq if seq.count(h) > 1})
        assert not dups, f"walking {path} in {label} repeats {dups[:3]}"
    expected = big if small_complete else big[: len(small)]
    assert small == expected, (
        f"walking {path} in pages of 2 gives {len(small)} items, in pages of 50 {len(big)}; "
        f"missing from the small walk: {sorted(set(expected) - set(small))[:3]}, extra: {sorted(set(small) - set(big))[:3]}"
    )
    if big_complete:
        here = [v.run.api_path(i["href"]) for i in items if isinstance(i.get("href"), str)]
        window = big[offset : offset + limit]
        assert here == window, (
            f"the page at offset={offset}, limit={limit} is not the matching slice of the collection"
        )
        problems = _edge_problems(v, big, limit)
        assert not problems, "; ".join(problems)
    return None


def _edge_problems(v: View, collection: list[str], limit: int) -> list[str]:
    """`first` leads to the first page, `last` to a page that ends the collection and has no `next`."""
    problems = []
    assert isinstance(v.body, dict)
    for name in ("first", "last"):
        link = v.body.get(name)
        href = link.get("href") if isinstance(link, dict) else None
        if not isinstance(href, str) or not collection:
            continue
        page = v.run.probe(href, note="pagination_is_consistent")
        got = [v.run.api_path(i["href"]) for i in _items(page.body) if isinstance(i.get("href"), str)]
        if name == "first" and got != collection[:limit]:
            problems.append(f"`first` ({href}) does not lead to the first {limit} items")
        more = isinstance(page.body, dict) and isinstance(page.body.get("next"), dict)
        if name == "last" and (not got or collection[-len(got) :] != got or more):
            problems.append(f"`last` ({href}) does not lead to the final page of the collection")
    return problems


@custom
def list_filter_honoured(ctx: Any, response: Any, case: Any) -> bool | None:
    """A list holds only what it was asked for: orders listed by referenceId carry that referenceId; items,
    contacts and consumers listed under an order belong to that order (as far as the suite created them).
    Spec: listOrders/legacyListOrders referenceId filter; the child collections of an order."""
    v = view(response, case)
    if v is None or v.status != 200 or v.info.action is not Action.LIST:
        return True
    run, info = v.run, v.info
    problems = []
    if info.kind is Kind.ORDER:
        wanted = v.query.get("referenceId")
        if not isinstance(wanted, str):
            return True
        path = run.request_path(str(response.request.url))
        hrefs = [run.api_path(i["href"]) for i in _items(v.body) if isinstance(i.get("href"), str)]
        if run.once_per_state(f"filter {path} {wanted}"):
            hrefs, _ = run.walk(
                path, note="list_filter_honoured", query=_page_query(v), page_size=50, max_pages=4
            )
        for href in hrefs[:MAX_DESCENDANT_PROBES]:
            seen = run.state.get((Kind.ORDER, href.rsplit("/", 1)[-1]))
            doc = seen.body if seen is not None else run.probe(href, note="list_filter_honoured").body
            got = doc.get("referenceId") if isinstance(doc, dict) else None
            if got is not None and got != wanted:
                problems.append(f"{href} has referenceId {got!r}, the list asked for {wanted!r}")
    elif info.parent_kind is Kind.ORDER and v.parent is not None and info.kind not in EXTENSIONS:
        for item in _items(v.body):
            if not isinstance(item.get("href"), str):
                continue
            child: Key = (info.kind, run.api_path(item["href"]).rsplit("/", 1)[-1])
            owner = run.state.parent_of(child)
            if owner is not None and owner != v.parent:
                problems.append(f"{item['href']} was created on order {owner[1]}, not {v.parent[1]}")
    else:
        return True
    assert not problems, "; ".join(problems)
    return None


def consumer_links(doc: Any) -> set[str] | None:
    """Refs of the items a consumer representation links (v2 `orderItems.items`, v2.1 `orderItems.orderItems`)."""
    block = doc.get("orderItems") if isinstance(doc, dict) else None
    if not isinstance(block, dict):
        return None
    entries = block.get("items", block.get("orderItems"))
    if not isinstance(entries, list):
        return None
    hrefs = [e.get("href") for e in entries if isinstance(e, dict)]
    return {h.rstrip("/").rsplit("/", 1)[-1].lower() for h in hrefs if isinstance(h, str)}


def _consumers_still_linking(v: View) -> list[str]:
    """After an item delete, the consumers the suite created on its order no longer link it."""
    run = v.run
    if v.info.kind is not Kind.ORDER_ITEM or v.key is None:
        return []
    order = run.state.parent_of(v.key)
    consumers = (
        sorted(k for k in run.state.children.get(order, set()) if k[0] is Kind.CONSUMER) if order else []
    )
    problems = []
    for _, ref in consumers[:MAX_DESCENDANT_PROBES]:
        got = run.probe(resource_path("v2.1", Kind.CONSUMER, ref), note="deleted_resource_is_gone")
        if got.status == 200 and v.key[1] in (consumer_links(got.body) or set()):
            problems.append(f"consumer {ref} still links the deleted item {v.key[1]}")
    return problems


def _still_listed(v: View) -> list[str]:
    """Whether a deleted resource is still in its collection (orders: under their referenceId)."""
    run, info = v.run, v.info
    if (
        info.kind in EXTENSIONS
        or run.model.find(info.version, Action.LIST, info.kind) is None
        or v.key is None
    ):
        return []
    query: dict[str, Any] = {}
    if info.kind is Kind.ORDER:
        reference_id = v.before.body.get("referenceId") if v.before else None
        if not isinstance(reference_id, str):
            return []
        query = {"referenceId": reference_id}
    parent = v.parent or run.state.parent_of(v.key)
    if info.kind is not Kind.ORDER and parent is None:
        return []
    path = collection_path(info.version, info.kind, parent[1] if parent else None)
    listed, _ = run.walk(path, note="deleted_resource_is_gone", query=query, page_size=100, max_pages=20)
    own = (v.own_path() or "").lower()
    return [f"{own} is still listed in its collection"] if own in listed else []


@custom
def deleted_resource_is_gone(ctx: Any, response: Any, case: Any) -> bool | None:
    """A successful delete removes the resource and what belongs to it: reading it answers 404, its collection
    no longer lists it, and what the suite created under it (an order's items, contacts, consumers and data
    extension, an item's data extension) answers 404 too. Spec: delete operations ("with everything that belongs
    to it", "with its data extension")."""
    v = view(response, case)
    if v is None or not v.ok or v.info.action is not Action.DELETE or v.own_path() is None or v.key is None:
        return True
    run, info = v.run, v.info
    got = v.probe_own("deleted_resource_is_gone")
    assert got.status == 404, f"GET {v.own_path()} after its delete answered {got.status}, not 404"
    problems = _still_listed(v) + _consumers_still_linking(v)
    for kind, ref in sorted(run.state.descendants(v.key))[:MAX_DESCENDANT_PROBES]:
        parent_of = run.state.parent_of((kind, ref))
        version = info.version if kind not in EXTENSIONS else "v2.1"
        path = (
            resource_path(version, kind, "ext", ref)
            if kind in EXTENSIONS
            else resource_path(version, kind, ref)
        )
        if kind not in EXTENSIONS and run.model.find(version, Action.RETRIEVE, kind) is None:
            continue
        status = run.probe(path, note="deleted_resource_is_gone").status
        if status != 404:
            owner = f" (child of {parent_of[1]})" if parent_of else ""
            problems.append(f"GET {path}{owner} answered {status} after its parent was deleted")
    assert not problems, "; ".join(problems)
    return None


@custom
def delete_fields_removes_named_keys(ctx: Any, response: Any, case: Any) -> bool | None:
    """DELETE .../fields removes exactly the keys named in `name` (every key without `name`) and keeps the data
    extension and all other pairs. Spec: deleteOrderDataExtensionFields, deleteOrderItemDataExtensionFields."""
    v = view(response, case)
    if v is None or not v.ok or v.info.action is not Action.DELETE_FIELDS or v.own_path() is None:
        return True
    raw = v.query.get("name")
    names = set(str(raw).split("|")) if raw not in (None, "") else None
    got = v.probe_own("delete_fields_removes_named_keys")
    assert got.status == 200, (
        f"GET {v.own_path()} after deleting fields answered {got.status}; the extension must stay"
    )
    now = user_fields(v.run, v.info, got.body)
    problems = []
    if names is None:
        if now:
            problems.append(f"without `name` every pair must go, still there: {sorted(now)[:5]}")
    else:
        left = sorted(names & set(now))
        if left:
            problems.append(f"named keys still there: {left[:5]}")
    if v.before is not None:
        kept = user_fields(v.run, v.info, v.before.body)
        lost = [
            k
            for k, val in kept.items()
            if (names is not None and k not in names) and not same(val, now.get(k))
        ]
        if lost:
            problems.append(f"keys not named were removed or changed: {lost[:5]}")
    assert not problems, "; ".join(problems)
    return None


@custom
def extension_pair_limit(ctx: Any, response: Any, case: Any) -> bool | None:
    """A data extension holds at most 100 pairs after a PATCH too: a valid PATCH is refused (400) exactly when
    the merge would exceed 100 pairs. Spec: info.description "a data extension holds at most 100 pairs after a
    partial update too"; patch*DataExtension descriptions."""
    v = view(response, case)
    if v is None or v.info.action is not Action.PATCH or v.info.kind not in EXTENSIONS:
        return True
    if v.before is None or v.sent is None or not is_positive(case):
        return True
    merged = set(user_fields(v.run, v.info, v.before.body)) | set(v.sent)
    over = len(merged) > MAX_EXT_PAIRS
    if v.status == 400:
        assert over, (
            f"a valid PATCH was refused although the merged extension holds {len(merged)} pairs (limit {MAX_EXT_PAIRS})"
        )
    elif v.ok:
        assert not over, (
            f"the PATCH was accepted although the merged extension holds {len(merged)} > {MAX_EXT_PAIRS} pairs"
        )
    else:
        return True
    return None


@custom
def consumer_items_consistent(ctx: Any, response: Any, case: Any) -> bool | None:
    """A consumer's items are one relation seen two ways: the consumer's `orderItems` links and
    GET /v2.1/orderConsumers/{ref}/orderItems name the same existing items, and a create or full update keeps the
    links it sent. Spec: LegacyOrderConsumer.orderItems, ConsumerOrderItems, listOrderConsumerOrderItems."""
    v = view(response, case)
    actions = (Action.CREATE, Action.RETRIEVE, Action.REPLACE, Action.PATCH)
    if (
        v is None
        or not v.ok
        or v.info.kind is not Kind.CONSUMER
        or v.info.action not in actions
        or v.key is None
    ):
        return True
    linked = consumer_links(v.body)
    if linked is None or "listOrderConsumerOrderItems" not in v.run.model.operations:
        return True
    problems = []
    sent = consumer_links(v.sent) if v.info.action in (Action.CREATE, Action.REPLACE) else None
    if sent and not sent <= linked:
        problems.append(
            f"sent links to {sorted(sent - linked)[:3]} are missing from the consumer's orderItems"
        )
    path = resource_path("v2.1", Kind.CONSUMER, v.key[1]) + "/orderItems"
    listed, _ = v.run.walk(path, note="consumer_items_consistent", query={}, page_size=50, max_pages=10)
    listed_refs = {h.rsplit("/", 1)[-1] for h in listed}
    if listed_refs - linked:
        problems.append(f"{path} lists {sorted(listed_refs - linked)[:3]} which the consumer does not link")
    existing = {r for r in linked if (Kind.ORDER_ITEM, r) in v.run.state.resources}
    if existing - listed_refs:
        problems.append(f"{path} leaves out linked items {sorted(existing - listed_refs)[:3]}")
    assert not problems, "; ".join(problems)
    return None


@custom
def expand_honoured(ctx: Any, response: Any, case: Any) -> bool | None:
    """`expand` returns full resources instead of links: a v2.1 list asked with expand=true holds items that carry
    their `ref`, and a legacy order asked with expand=orderItems holds its items as a page of full items. Spec:
    Expand parameter ("the page holds the full resources instead of links"), legacyRetrieveOrder expand."""
    v = view(response, case)
    if v is None or v.status != 200 or not isinstance(v.body, dict):
        return True
    if v.info.action is Action.LIST and v.query.get("expand") in (True, "true"):
        bare = [i.get("href") for i in _items(v.body) if "ref" not in i]
        assert not bare, f"expand=true but items are bare links: {bare[:3]}"
        return None
    if (
        v.info.legacy
        and v.info.kind is Kind.ORDER
        and v.info.action is Action.RETRIEVE
        and v.query.get("expand") == "orderItems"
    ):
        page = v.body.get("orderItems")
        assert isinstance(page, dict) and isinstance(page.get("items"), list), (
            "expand=orderItems but no page of items"
        )
        bare = [i.get("href") for i in _items(page) if "ref" not in i]
        assert not bare, f"expand=orderItems but items are bare links: {bare[:3]}"
        return None
    return True


@custom
def timestamps_server_owned(ctx: Any, response: Any, case: Any) -> bool | None:
    """The server owns createdAt and modifiedAt: values a body sends for them are ignored, createdAt never changes
    after the create and modifiedAt never goes back. Spec: OrderCreate/OrderPatch ("the server sets them and
    ignores what is sent")."""
    v = view(response, case)
    if (
        v is None
        or not v.ok
        or not isinstance(v.body, dict)
        or v.info.action not in (Action.CREATE, Action.REPLACE, Action.PATCH)
    ):
        return True
    problems = []
    for name in ("createdAt", "modifiedAt"):
        sent, got = (v.sent or {}).get(name), v.body.get(name)
        if isinstance(sent, str) and isinstance(got, str) and same(sent, got):
            problems.append(f"the response echoes the {name} the body sent ({sent})")
    if v.before is not None and v.info.action is not Action.CREATE:
        old_created, new_created = v.before.body.get("createdAt"), v.body.get("createdAt")
        if (
            isinstance(old_created, str)
            and isinstance(new_created, str)
            and not same(old_created, new_created)
        ):
            problems.append(f"createdAt changed from {old_created} to {new_created}")
        old, new = _instant_of(v.before.body.get("modifiedAt")), _instant_of(v.body.get("modifiedAt"))
        if old is not None and new is not None and new < old:
            problems.append(
                f"modifiedAt went back from {v.before.body['modifiedAt']} to {v.body['modifiedAt']}"
            )
    if not problems and not (v.sent and {"createdAt", "modifiedAt"} & set(v.sent)) and v.before is None:
        return True
    assert not problems, "; ".join(problems)
    return None


def _instant_of(value: Any) -> datetime | None:
    return _instant(value) if isinstance(value, str) else None


@custom
def existing_extension_conflicts(ctx: Any, response: Any, case: Any) -> bool | None:
    """Creating a data extension that already exists is refused with 409 (update it instead). Spec:
    createOrderDataExtension, createOrderItemDataExtension ("409 when it already exists")."""
    v = view(response, case)
    if v is None or v.info.action is not Action.CREATE or v.info.kind not in EXTENSIONS or v.before is None:
        return True
    if v.status in (401, 403, 404):
        return True
    assert v.status == 409, f"creating {v.own_path()} again answered {v.status}; it exists, 409 expected"
    return None


@custom
def birth_date_in_past_enforced(ctx: Any, response: Any, case: Any) -> bool | None:
    """A v2.1 contact or consumer whose dateOfBirth lies in the future is refused. Spec: info.description and the
    contact/consumer operations ("dateOfBirth must lie in the past")."""
    v = view(response, case)
    if v is None or v.info.operation_id not in BIRTH_DATE_OPERATIONS or v.sent is None:
        return True
    born = v.sent.get("dateOfBirth")
    if not isinstance(born, str) or past_birth_date(born) is None:
        return True
    assert not v.ok, (
        f"dateOfBirth {born} lies in the future, yet the {v.info.operation_id} was accepted ({v.status})"
    )
    return None


@custom
def list_filter_rules_enforced(ctx: Any, response: Any, case: Any) -> bool | None:
    """The order lists' cross-parameter rules hold: GET /v2/orders and GET /v2.1/orders without referenceId and
    guestRef, GET /v2.1/orders with both, or with sort=orderedAt but no guestRef, are refused. Spec:
    legacyListOrders and listOrders descriptions (x-query-rules), info.description; page order/retrieveorders."""
    v = view(response, case)
    if v is None or v.info.kind is not Kind.ORDER or v.info.action is not Action.LIST:
        return True
    q = v.query
    neither = "referenceId" not in q and "guestRef" not in q
    if v.info.legacy:
        broken = neither
    else:
        broken = (
            neither
            or ("referenceId" in q and "guestRef" in q)
            or (q.get("sort") == "orderedAt" and "guestRef" not in q)
        )
    if not broken:
        return True
    assert not v.ok, f"GET {v.info.path} with {sorted(q)} breaks the documented rule, yet answered {v.status}"
    return None


_BODY_VALIDATORS: dict[str, Any] = {}


def _body_errors(run: RunContext, operation_id: str, body: Any) -> list[str]:
    """Where a request body breaks the operation's request schema (formats included), first few."""
    validator = _BODY_VALIDATORS.get(operation_id)
    if validator is None:
        schema = run.model.request_schema(operation_id)
        if schema is None:
            return []
        root = {**schema, "components": run.model.document.get("components", {})}
        root.setdefault("$schema", "https://json-schema.org/draft/2020-12/schema")
        validator = jsonschema_rs.validator_for(root, validate_formats=True)
        _BODY_VALIDATORS[operation_id] = validator
    found = []
    for error in validator.iter_errors(body):
        where = "/".join(str(p) for p in error.instance_path) or "body"
        found.append(f"{where}: {error.message}")
        if len(found) >= 3:
            break
    return found


@custom
def invalid_body_rejected(ctx: Any, response: Any, case: Any) -> bool | None:
    """A request body that breaks the operation's request schema is refused, whoever built it: schemathesis' negative
    cases are judged by negative_data_rejection, this judges every other request (the workflows break rules on
    purpose, e.g. a lower-case currency). Spec: info.description "Requests are strict" (required fields, enums,
    upper-case ISO 4217 currencies `^[A-Z]{3}$`, unknown fields rejected); each operation's requestBody schema."""
    v = view(response, case)
    if (
        v is None
        or v.sent is None
        or not v.ok
        or v.info.action
        not in (
            Action.CREATE,
            Action.REPLACE,
            Action.PATCH,
        )
    ):
        return True
    errors = _body_errors(v.run, v.info.operation_id, v.sent)
    if not errors:
        return True
    assert not errors, f"{v.info.operation_id} accepted ({v.status}) a body its schema forbids: " + "; ".join(
        errors
    )
    return None
