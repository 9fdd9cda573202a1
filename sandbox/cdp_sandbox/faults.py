"""Fault injection: the sandbox with deliberate deviations from the spec, switched on by name.

A contract suite that passes proves nothing unless it is known what it would have caught; `nox -s mutation`
measures that by running the suite against the sandbox with each fault of `CATALOG` switched on. Everything a
fault changes lives in this one layer around the healthy sandbox:

- request transformers run before `SandboxApp.handle` (they may rewrite the request, or answer it themselves);
- response transformers run after it;
- a delay is awaited in the ASGI entry (the event loop keeps serving other requests meanwhile);
- storage hooks are the overridable points of `FaultyStore`, a `Store` subclass.

Handlers, views and storage know nothing of faults. The catalog is data: each entry has a name, a category, what
it does and the spec rule it breaks; its `make` builds a fresh, possibly stateful, `Injection` per app.
"""

from __future__ import annotations

import asyncio
import logging
import math
import re
import uuid
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import orjson

from . import jsonio
from .app import (
    JSON_HEADERS,
    Message,
    Receive,
    Request,
    Response,
    SandboxApp,
    Scope,
    Send,
    default_spec_path,
    read_request,
)
from .errors import error_body
from .spec import Spec, compile_spec, load_document
from .storage import CONSUMER, CONTACT, ORDER, ORDER_ITEM, Record, Store, now

log = logging.getLogger("cdp_sandbox.faults")

CATEGORIES = ("status", "response-schema", "headers-media", "auth", "validation", "state", "robustness")

HANG_SECONDS = 12.0
"""How long the hang fault stalls: beyond the contract suite's 10 s response-time bound, far above a healthy answer."""

MAX_HANGS = 3
"""The hang fault stalls at most this many responses per app, so a run against it stays bounded."""

MAX_DELAY = 60.0
"""No delay, whatever a fault asks, exceeds this."""

_SEEN_LIMIT = 10_000
_WALK_LIMIT = 10_000
INT32_MAX = 2**31 - 1
NAME_FIELDS = ("name", "firstName", "lastName")
CURRENCY_FIELDS = ("currencyCode", "originalCurrencyCode")
FAULT_NAMESPACE = uuid.UUID("6f4f3a0e-3c55-4a83-a0a5-4ad7c7f8f0d1")

V21_ORDER = frozenset({"createOrder", "retrieveOrder", "updateOrder", "patchOrder"})
V21_ITEM = frozenset({"createOrderItem", "retrieveOrderItem", "updateOrderItem", "patchOrderItem"})
ITEM_OPS = V21_ITEM | {"legacyCreateOrderItem", "legacyRetrieveOrderItem", "legacyUpdateOrderItem"}
CHILD_LISTS = frozenset(
    f"{prefix}{kind}"
    for prefix in ("list", "legacyList")
    for kind in ("OrderItems", "OrderContacts", "OrderConsumers")
)
V21_BIRTH_DATE = frozenset(
    f"{verb}{kind}" for verb in ("create", "update", "patch") for kind in ("OrderContact", "OrderConsumer")
)
ITEM_OPTIONAL = (
    "description",
    "productId",
    "quantity",
    "originalPrice",
    "originalCurrencyCode",
    "referenceId",
    "vendor",
    "language",
    "channel",
    "orderedAt",
)
_UNSET: Any = object()


# -- what a fault sees ---------------------------------------------------------------------------


@dataclass(slots=True)
class Hit:
    """One request on its way through the fault layer: the (possibly rewritten) request and its operation."""

    request: Request
    operation_id: str | None
    params: dict[str, str]
    notes: dict[str, Any] = field(default_factory=dict)
    """What a fault's request transformer leaves for its response transformer."""
    _body: Any = _UNSET

    @property
    def method(self) -> str:
        """The HTTP method as sent."""
        return self.request.method

    def op(self, *names: str | Collection[str]) -> bool:
        """Whether the request is one of these operations (names or sets of names)."""
        for name in names:
            if isinstance(name, str):
                if self.operation_id == name:
                    return True
            elif self.operation_id in name:
                return True
        return False

    def body(self) -> Any:
        """The request body as JSON (None when it is not JSON); decoded once."""
        if self._body is _UNSET:
            self._body = _decode(self.request.body)
        return self._body

    def set_body(self, doc: Any) -> None:
        """Replace the body the sandbox will read."""
        self.request = replace(self.request, body=orjson.dumps(doc))
        self._body = doc

    def query(self) -> list[tuple[str, str]] | None:
        """The query parameters in order (None when the query string is not UTF-8)."""
        try:
            text = self.request.query_string.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return parse_qsl(text, keep_blank_values=True)

    def param(self, name: str) -> str | None:
        """The first value of a query parameter."""
        return next((v for k, v in self.query() or [] if k == name), None)

    def set_query(self, pairs: list[tuple[str, str]]) -> None:
        """Replace the query string the sandbox will read."""
        self.request = replace(self.request, query_string=urlencode(pairs).encode())

    def drop_query(self, *names: str) -> None:
        """Remove query parameters (as if the client had not sent them)."""
        pairs = self.query()
        if pairs is not None and any(k in names for k, _ in pairs):
            self.set_query([(k, v) for k, v in pairs if k not in names])


def _decode(raw: bytes) -> Any:
    if not raw.strip():
        return None
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None


def _doc(response: Response) -> Any:
    """A response's JSON document (None for no body or not JSON)."""
    return _decode(response.body) if response.body else None


def _json(response: Response, doc: Any, status: int | None = None) -> Response:
    """The response with a new JSON document (and status)."""
    return Response(response.status if status is None else status, jsonio.dumps(doc), list(response.headers))


def _other_ref(ref: str) -> str:
    """A well-formed ref that is deterministically not `ref`."""
    return str(uuid.uuid5(FAULT_NAMESPACE, ref))


def _replace_last_segment(href: str) -> str:
    head, _, last = href.rstrip("/").rpartition("/")
    return f"{head}/{_other_ref(last)}"


# -- the injection points ---------------------------------------------------------------------------

Before = Callable[[Hit, "FaultyApp"], Response | None]
After = Callable[[Hit, Response, "FaultyApp"], Response]
Delay = Callable[[Hit, Response], float]


@dataclass(slots=True)
class StoreHooks:
    """Storage behaviour a fault changes; every field left at its default keeps the healthy behaviour."""

    parent: Callable[[str, Record | None], Record | None] | None = None
    """insert: the parent a new resource of this kind really gets."""
    inserted: Callable[[Record], None] | None = None
    """insert: told about every new resource (faults that need to remember what exists)."""
    update: Callable[[Record, dict[str, Any], Hit | None], dict[str, Any] | None] | None = None
    """update: the fields really stored; None answers as if stored but writes nothing."""
    keep: Callable[[Record], bool] | None = None
    """delete: True leaves the resource in place."""
    cascade: Callable[[str], bool] | None = None
    """delete: whether a resource of this kind takes its dependents with it."""
    unlink: bool = True
    """delete of an order item: whether consumers stop linking it."""
    offset_shift: int = 0
    """lists: extra items skipped beyond the asked offset."""
    ignore_reference_id: Callable[[Hit | None], bool] | None = None
    """order lists: True lists orders as if no referenceId had been asked (the request still carried one)."""


@dataclass(slots=True)
class Injection:
    """One fault's behaviour for one app; built fresh per app so it may keep state."""

    before: Before | None = None
    after: After | None = None
    delay: Delay | None = None
    store: StoreHooks | None = None


@dataclass(frozen=True, slots=True)
class Fault:
    """A catalog entry: what the fault is, which spec rule it breaks, and how to build it."""

    name: str
    category: str
    description: str
    breaks: str
    make: Callable[[], Injection] = field(repr=False, compare=False)


CATALOG: dict[str, Fault] = {}


def fault(
    name: str, category: str, breaks: str
) -> Callable[[Callable[[], Injection]], Callable[[], Injection]]:
    """Register a fault; the decorated factory's docstring is its description."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown fault category {category!r}")

    def register(make: Callable[[], Injection]) -> Callable[[], Injection]:
        if name in CATALOG:
            raise ValueError(f"duplicate fault {name!r}")
        description = " ".join((make.__doc__ or "").split())
        CATALOG[name] = Fault(name, category, description, breaks, make)
        return make

    return register


class UnknownFault(ValueError):
    """A fault name that is not in the catalog; the message lists the catalog."""


def lookup(names: Iterable[str]) -> list[Fault]:
    """The catalog entries for these names, in order, without repeats; unknown names raise UnknownFault."""
    found: list[Fault] = []
    for name in names:
        entry = CATALOG.get(name)
        if entry is None:
            raise UnknownFault(
                f"unknown fault {name!r} (see --list-faults); the catalog has: {', '.join(CATALOG)}"
            )
        if entry not in found:
            found.append(entry)
    return found


def describe_catalog() -> str:
    """The catalog as a plain-text table (for `cdp-sandbox --list-faults`)."""
    width = max(len(name) for name in CATALOG)
    lines = []
    for category in CATEGORIES:
        for entry in (f for f in CATALOG.values() if f.category == category):
            lines.append(f"{entry.name:<{width}}  {entry.category:<15}  {entry.description}")
            lines.append(f"{'':<{width}}  {'':<15}  breaks: {entry.breaks}")
    return "\n".join(lines)


# -- the faulty app and store -------------------------------------------------------------------------


class FaultyStore(Store):
    """The store with the storage hooks of the active faults applied."""

    def __init__(self, path: str | None, hooks: Sequence[StoreHooks]) -> None:
        super().__init__(path)
        self.hooks = tuple(hooks)
        self.current: Hit | None = None
        self._shift = sum(h.offset_shift for h in self.hooks)

    def insert(
        self,
        kind: str,
        parent: Record | None,
        fields: dict[str, Any],
        *,
        ref: str | None = None,
        guest_ref: str | None = None,
        links: list[dict[str, str]] | None = None,
    ) -> Record:
        """Insert, under the parent the faults choose."""
        for hook in self.hooks:
            if hook.parent is not None:
                parent = hook.parent(kind, parent)
        record = super().insert(kind, parent, fields, ref=ref, guest_ref=guest_ref, links=links)
        for hook in self.hooks:
            if hook.inserted is not None:
                hook.inserted(record)
        return record

    def update(
        self,
        record: Record,
        fields: dict[str, Any],
        *,
        guest_ref: str | None,
        links: list[dict[str, str]],
    ) -> Record:
        """Update with the fields the faults choose, or only pretend to."""
        for hook in self.hooks:
            if hook.update is None:
                continue
            chosen = hook.update(record, fields, self.current)
            if chosen is None:
                record.fields, record.guest_ref, record.links = fields, guest_ref, links
                record.modified_at = now()
                return record
            fields = chosen
        return super().update(record, fields, guest_ref=guest_ref, links=links)

    def delete(self, record: Record) -> None:
        """Delete, unless a fault keeps the resource."""
        if any(h.keep is not None and h.keep(record) for h in self.hooks):
            return
        super().delete(record)

    def _dependents(self, conn: Any, seq: int, kind: str) -> list[tuple[int, str, str]]:
        if any(h.cascade is not None and not h.cascade(kind) for h in self.hooks):
            return []
        return super()._dependents(conn, seq, kind)

    def _unlink_item(self, conn: Any, item_ref: str) -> None:
        if all(h.unlink for h in self.hooks):
            super()._unlink_item(conn, item_ref)

    def children(self, kind: str, parent: Record, offset: int, limit: int) -> tuple[int, list[Record]]:
        """A page of children, shifted when a fault says so."""
        return super().children(kind, parent, offset + self._shift, limit)

    def orders(
        self,
        reference_id: str | None,
        guest_ref: str | None,
        by_ordered_at: bool,
        offset: int,
        limit: int,
    ) -> tuple[int, list[Record]]:
        """A page of orders, shifted, or without the referenceId filter, when a fault says so."""
        if any(h.ignore_reference_id is not None and h.ignore_reference_id(self.current) for h in self.hooks):
            reference_id = None
        return super().orders(reference_id, guest_ref, by_ordered_at, offset + self._shift, limit)


class FaultyApp(SandboxApp):
    """The sandbox with faults: the same ASGI entry and group commit, with the fault layer around `handle`."""

    def __init__(
        self,
        spec: Spec,
        store: FaultyStore,
        client_key: str,
        api_token: str,
        *,
        faults: Sequence[Fault],
        injections: Sequence[Injection],
    ) -> None:
        super().__init__(spec, store, client_key, api_token)
        self.faulty_store = store
        self.faults = tuple(faults)
        self._injections = tuple(injections)

    @property
    def valid_authorization(self) -> bytes:
        """The Authorization header the sandbox accepts (faults that ignore auth send this on)."""
        return self._expected_header

    def forward(self, request: Request) -> Response:
        """The sandbox's own answer, without the request/response transformers (storage hooks still apply);
        faults use it to look around, e.g. to read the current state."""
        return SandboxApp.handle(self, request)

    def handle(self, request: Request) -> Response:
        """Answer one request with the faults applied (delays are only awaited by the ASGI entry)."""
        return self.answer(request)[0]

    def answer(self, request: Request) -> tuple[Response, float]:
        """(response, seconds to stall it) for one request."""
        hit = self._hit(request)
        self.faulty_store.current = hit
        delay = 0.0
        try:
            response: Response | None = None
            for injection in self._injections:
                if injection.before is not None:
                    response = injection.before(hit, self)
                    if response is not None:
                        break
            if response is None:
                response = self.forward(hit.request)
            for injection in self._injections:
                if injection.after is not None:
                    response = injection.after(hit, response, self)
            for injection in self._injections:
                if injection.delay is not None:
                    delay = max(delay, injection.delay(hit, response))
        except Exception:
            log.exception("fault layer error on %s %s", request.method, request.path)
            response = Response(
                500, error_body(500, "internal error in the fault layer (a bug: please report it)")
            )
        finally:
            self.faulty_store.current = None
        return response, min(delay, MAX_DELAY)

    def _hit(self, request: Request) -> Hit:
        matched = self.spec.router.match(request.path)
        if matched is None:
            return Hit(request, None, {})
        entry, params = matched
        op = entry.operations.get(request.method)
        return Hit(request, op.operation_id if op is not None else None, params)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = await read_request(scope, receive)
        response, delay = self.answer(request)
        if self.store.dirty:
            response = await self._committed(response)
        if delay > 0:
            await asyncio.sleep(delay)
        await _send(send, response, request.too_large)


async def _send(send: Send, response: Response, close: bool) -> None:
    """Like the sandbox's sender, except that a Content-Type a fault set replaces the JSON one."""
    body = response.body
    own_type = any(name == b"content-type" for name, _ in response.headers)
    headers: list[tuple[bytes, bytes]] = [*JSON_HEADERS] if body and not own_type else []
    headers.append((b"content-length", b"%d" % len(body)))
    headers.extend(response.headers)
    if close:
        headers.append((b"connection", b"close"))
    start: Message = {"type": "http.response.start", "status": response.status, "headers": headers}
    await send(start)
    await send({"type": "http.response.body", "body": body})


def build(
    spec: Spec, db: str | Path | None, client_key: str, api_token: str, names: Iterable[str]
) -> FaultyApp:
    """A faulty sandbox over a compiled spec (fresh fault state and store)."""
    chosen = lookup(names)
    injections = [entry.make() for entry in chosen]
    store = FaultyStore(str(db) if db else None, [i.store for i in injections if i.store is not None])
    return FaultyApp(spec, store, client_key, api_token, faults=chosen, injections=injections)


def app_factory(
    names: Iterable[str],
    client_key: str = "sandbox-client-key",
    api_token: str = "sandbox-api-token",  # noqa: S107 - the sandbox's documented local default
    spec_path: str | Path | None = None,
) -> Callable[[], FaultyApp]:
    """A factory of fresh in-memory faulty sandboxes; the spec is compiled once (in-process tests reset often)."""
    chosen = [entry.name for entry in lookup(names)]
    spec = compile_spec(load_document(Path(spec_path) if spec_path else default_spec_path()))
    return lambda: build(spec, None, client_key, api_token, chosen)


# -- small building blocks of the catalog ----------------------------------------------------------------


def _edit_doc(
    hit: Hit, response: Response, ops: Collection[str] | None, edit: Callable[[dict[str, Any]], bool]
) -> Response:
    """Apply `edit` to a 2xx JSON object answer of these operations (all when None); re-encode if it changed."""
    if not 200 <= response.status < 300 or (ops is not None and hit.operation_id not in ops):
        return response
    doc = _doc(response)
    if isinstance(doc, dict) and edit(doc):
        return _json(response, doc)
    return response


def _internal_error() -> Response:
    return Response(500, error_body(500, "internal error"))


def _numbers(value: Any, budget: list[int]) -> Iterable[int | float]:
    """Every number inside a JSON value (a bounded walk)."""
    budget[0] -= 1
    if budget[0] < 0:
        return
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _numbers(item, budget)
    elif isinstance(value, list):
        for item in value:
            yield from _numbers(item, budget)


def _list_op(hit: Hit) -> bool:
    op = hit.operation_id or ""
    return op.startswith(("list", "legacyList"))


# -- status ----------------------------------------------------------------------------------------------


@fault(
    "create-answers-200",
    "status",
    "createOrder (POST /v2.1/orders) responses: 201 is the only success status",
)
def _create_200() -> Injection:
    """POST /v2.1/orders answers 200 instead of the documented 201."""

    def change(hit: Hit, response: Response, app: FaultyApp) -> Response:
        if hit.op("createOrder") and response.status == 201:
            response.status = 200
        return response

    return Injection(after=change)


@fault(
    "missing-ref-answers-500",
    "status",
    "components.responses.NotFound: a ref that matches nothing is 404 (every operation with a ref in its path)",
)
def _missing_ref_500() -> Injection:
    """A ref that matches no resource answers 500 instead of 404."""

    def change(hit: Hit, response: Response, app: FaultyApp) -> Response:
        if response.status == 404 and hit.operation_id is not None and hit.params:
            return _internal_error()
        return response

    return Injection(after=change)


@fault(
    "delete-order-answers-202",
    "status",
    "deleteOrder (DELETE /v2.1/orders/{orderRef}) responses: 204, or 200 with a JSON body; 202 is not declared",
)
def _delete_202() -> Injection:
    """DELETE /v2.1/orders/{ref} answers 202 Accepted (a queued delete) instead of 204 or 200."""

    def change(hit: Hit, response: Response, app: FaultyApp) -> Response:
        if hit.op("deleteOrder") and response.status == 204:
            return Response(202)
        return response

    return Injection(after=change)


@fault(
    "unauthorized-answers-403",
    "status",
    "security BasicAuth + components.responses.Unauthorized: missing or wrong credentials are 401; no operation documents 403",
)
def _forbidden() -> Injection:
    """Missing or wrong credentials answer 403 Forbidden instead of the documented 401."""

    def change(hit: Hit, response: Response, app: FaultyApp) -> Response:
        if response.status == 401:
            body = orjson.dumps({"status": "FORBIDDEN", "code": 403, "message": "Access denied."})
            return Response(403, body)
        return response

    return Injection(after=change)


# -- response schema ------------------------------------------------------------------------------------


@fault("order-ref-missing", "response-schema", "schemas.Order required [href, ref] (retrieveOrder 200)")
def _order_ref_missing() -> Injection:
    """GET /v2.1/orders/{ref} leaves out `ref`, which the Order schema requires."""
    return Injection(after=lambda hit, r, app: _edit_doc(hit, r, {"retrieveOrder"}, _pop("ref")))


def _pop(name: str) -> Callable[[dict[str, Any]], bool]:
    def edit(doc: dict[str, Any]) -> bool:
        return doc.pop(name, _UNSET) is not _UNSET

    return edit


@fault(
    "order-item-href-missing",
    "response-schema",
    "schemas.OrderItem required [href, ref] (createOrderItem, retrieveOrderItem, updateOrderItem, patchOrderItem)",
)
def _item_href_missing() -> Injection:
    """v2.1 order items come back without `href`."""
    return Injection(after=lambda hit, r, app: _edit_doc(hit, r, V21_ITEM, _pop("href")))


@fault("order-item-price-as-string", "response-schema", "schemas.OrderItem.price: type number")
def _price_string() -> Injection:
    """v2.1 order items carry `price` as a string ("105") instead of a number."""

    def edit(doc: dict[str, Any]) -> bool:
        price = doc.get("price")
        if isinstance(price, int | float) and not isinstance(price, bool):
            doc["price"] = str(price)
            return True
        return False

    return Injection(after=lambda hit, r, app: _edit_doc(hit, r, V21_ITEM, edit))


@fault(
    "order-item-nulls",
    "response-schema",
    "schemas.OrderItem: no property is nullable (e.g. description: string, quantity: integer)",
)
def _item_nulls() -> Injection:
    """v2.1 order items write every optional field that is not set as `null`."""

    def edit(doc: dict[str, Any]) -> bool:
        missing = [name for name in ITEM_OPTIONAL if name not in doc]
        for name in missing:
            doc[name] = None
        return bool(missing)

    return Injection(after=lambda hit, r, app: _edit_doc(hit, r, V21_ITEM, edit))


@fault(
    "order-status-outside-enum", "response-schema", "schemas.OrderStatus enum (Order.status on v2.1 orders)"
)
def _status_enum() -> Injection:
    """v2.1 orders report their status in lower case (`purchased`), a value outside the OrderStatus enum."""

    def edit(doc: dict[str, Any]) -> bool:
        status = doc.get("status")
        if isinstance(status, str) and status != status.lower():
            doc["status"] = status.lower()
            return True
        return False

    return Injection(after=lambda hit, r, app: _edit_doc(hit, r, V21_ORDER, edit))


_STAMP = re.compile(r"^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d:\d\d)")


@fault(
    "malformed-timestamps",
    "response-schema",
    "schemas.DateTime: format date-time (createdAt, modifiedAt of every resource)",
)
def _malformed_dates() -> Injection:
    """`createdAt` and `modifiedAt` are written as `23/11/2026 00:06:07`, not as RFC 3339 date-times."""

    def edit(doc: dict[str, Any]) -> bool:
        changed = False
        for name in ("createdAt", "modifiedAt"):
            value = doc.get(name)
            found = _STAMP.match(value) if isinstance(value, str) else None
            if found is not None:
                year, month, day, clock = found.groups()
                doc[name] = f"{day}/{month}/{year} {clock}"
                changed = True
        return changed

    return Injection(after=lambda hit, r, app: _edit_doc(hit, r, None, edit))


@fault(
    "order-items-as-array",
    "response-schema",
    "schemas.OrderItems: a Link, LinkPage or OrderItemPage (Order.orderItems on v2.1), never a plain array",
)
def _items_array() -> Injection:
    """v2.1 orders embed `orderItems` as a plain array (the legacy guest-context shape) instead of a link."""

    def edit(doc: dict[str, Any]) -> bool:
        items = doc.get("orderItems")
        if isinstance(items, dict):
            doc["orderItems"] = [items]
            return True
        return False

    return Injection(after=lambda hit, r, app: _edit_doc(hit, r, V21_ORDER, edit))


# -- headers and media types -----------------------------------------------------------------------------


@fault(
    "json-as-text-plain",
    "headers-media",
    "responses of every operation (e.g. retrieveOrder 200): content application/json, the only media type",
)
def _text_plain() -> Injection:
    """JSON answers are labelled `Content-Type: text/plain; charset=utf-8`."""

    def change(hit: Hit, response: Response, app: FaultyApp) -> Response:
        if response.body:
            response.headers = [(k, v) for k, v in response.headers if k != b"content-type"]
            response.headers.append((b"content-type", b"text/plain; charset=utf-8"))
        return response

    return Injection(after=change)


@fault(
    "no-allow-on-405",
    "headers-media",
    "RFC 9110 §15.5.6: a 405 names the allowed methods in Allow (methods the spec does not declare on a path)",
)
def _no_allow() -> Injection:
    """405 Method Not Allowed answers come without the `Allow` header."""

    def change(hit: Hit, response: Response, app: FaultyApp) -> Response:
        if response.status == 405:
            response.headers = [(k, v) for k, v in response.headers if k != b"allow"]
        return response

    return Injection(after=change)


# -- auth ---------------------------------------------------------------------------------------------------


def _authorize(hit: Hit, app: FaultyApp) -> None:
    hit.request = replace(hit.request, authorization=app.valid_authorization)


@fault("no-credentials-accepted", "auth", "security: BasicAuth on every operation (401 without credentials)")
def _no_credentials() -> Injection:
    """A request without an Authorization header is served as if it carried valid credentials."""

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        if not hit.request.authorization.strip():
            _authorize(hit, app)
        return None

    return Injection(before=change)


@fault(
    "wrong-credentials-accepted",
    "auth",
    "security: BasicAuth on every operation (401 with wrong credentials)",
)
def _wrong_credentials() -> Injection:
    """Any credentials are accepted: a wrong client key or API token is served (no credentials still get 401)."""

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        if hit.request.authorization.strip():
            _authorize(hit, app)
        return None

    return Injection(before=change)


@fault(
    "unprotected-operation",
    "auth",
    "listOrderConsumerOrderItems security: BasicAuth (the global requirement applies to it too)",
)
def _unprotected() -> Injection:
    """GET /v2.1/orderConsumers/{ref}/orderItems is served without checking credentials."""

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        if hit.op("listOrderConsumerOrderItems"):
            _authorize(hit, app)
        return None

    return Injection(before=change)


# -- validation ---------------------------------------------------------------------------------------------


@fault(
    "lowercase-currency-accepted",
    "validation",
    "schemas.CurrencyCode pattern ^[A-Z]{3}$ (currencyCode, originalCurrencyCode in every request body)",
)
def _lowercase_currency() -> Injection:
    """Currency codes in any case are accepted (`eur` is stored as `EUR`) instead of answering 400."""

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        body = hit.body()
        if not isinstance(body, dict):
            return None
        fixed = dict(body)
        for name in CURRENCY_FIELDS:
            value = fixed.get(name)
            if isinstance(value, str) and len(value) == 3 and value.isalpha() and value.isascii():
                fixed[name] = value.upper()
        if fixed != body:
            hit.set_body(fixed)
        return None

    return Injection(before=change)


@fault(
    "missing-required-accepted",
    "validation",
    "schemas.OrderCreate required [referenceId, orderedAt, currencyCode, price] (createOrder 400)",
)
def _missing_required() -> Injection:
    """POST /v2.1/orders fills in missing required fields (price 0, EUR, now, UNKNOWN) instead of answering 400."""
    defaults = {"referenceId": "UNKNOWN", "currencyCode": "EUR", "price": 0}

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        body = hit.body()
        if not hit.op("createOrder") or not isinstance(body, dict):
            return None
        filled = {**defaults, "orderedAt": now(), **body}
        if filled != body:
            hit.set_body(filled)
        return None

    return Injection(before=change)


@fault(
    "wrong-type-accepted",
    "validation",
    "schemas.OrderCreate/OrderPatch/OrderItemCreate/OrderItemPatch price: type number (400 otherwise)",
)
def _wrong_type() -> Injection:
    """A v2.1 order or item `price` of the wrong type is read leniently (a numeric string as its number, else 0)."""

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        body = hit.body()
        if not hit.op(V21_ORDER, V21_ITEM) or not isinstance(body, dict) or "price" not in body:
            return None
        price = body["price"]
        if isinstance(price, int | float) and not isinstance(price, bool):
            return None
        try:
            number = float(price) if isinstance(price, str) else 0.0
        except ValueError:
            number = 0.0
        if not math.isfinite(number):
            number = 0.0
        hit.set_body({**body, "price": number})
        return None

    return Injection(before=change)


@fault(
    "valid-optional-rejected",
    "validation",
    "schemas.OrderCreate.paymentType: a documented optional field (createOrder must accept it)",
)
def _optional_rejected() -> Injection:
    """POST /v2.1/orders refuses the documented optional field `paymentType` with 400."""

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        body = hit.body()
        if hit.op("createOrder") and isinstance(body, dict) and "paymentType" in body:
            return Response(400, error_body(400, "paymentType: unknown field."))
        return None

    return Injection(before=change)


@fault(
    "limit-ignored",
    "validation",
    "components.parameters.Limit: the maximum number of items per page (every list operation)",
)
def _limit_ignored() -> Injection:
    """Lists always page by 10, whatever `limit` asks, while echoing the asked limit."""

    def before(hit: Hit, app: FaultyApp) -> Response | None:
        asked = hit.param("limit") if _list_op(hit) else None
        if asked is not None and asked.isdigit():
            hit.notes["limit"] = int(asked)
            hit.drop_query("limit")
        return None

    def after(hit: Hit, response: Response, app: FaultyApp) -> Response:
        asked = hit.notes.get("limit")
        if asked is None:
            return response

        def edit(doc: dict[str, Any]) -> bool:
            doc["limit"] = asked
            return True

        return _edit_doc(hit, response, None, edit)

    return Injection(before=before, after=after)


def _ignore_query(applies: Callable[[Hit], bool], *names: str) -> Injection:
    """A fault that drops query parameters before the sandbox reads them."""

    def before(hit: Hit, app: FaultyApp) -> Response | None:
        if applies(hit):
            hit.drop_query(*names)
        return None

    return Injection(before=before)


@fault(
    "offset-ignored",
    "validation",
    "components.parameters.Offset: leading items to skip (every list operation)",
)
def _offset_ignored() -> Injection:
    """Lists always start at the first item (and say offset 0), whatever `offset` asks."""
    return _ignore_query(_list_op, "offset")


@fault(
    "expand-ignored",
    "validation",
    "components.parameters.Expand: with expand=true a page holds full resources (v2.1 lists)",
)
def _expand_ignored() -> Injection:
    """`expand=true` on a v2.1 list is ignored: bare links come back."""
    return _ignore_query(_list_op, "expand")


@fault(
    "reference-filter-ignored",
    "validation",
    "listOrders query parameter referenceId: only orders with that referenceId are listed",
)
def _reference_filter_ignored() -> Injection:
    """GET /v2.1/orders ignores `referenceId` and lists every order (the parameter is still required)."""
    return Injection(
        store=StoreHooks(ignore_reference_id=lambda hit: hit is not None and hit.op("listOrders"))
    )


@fault(
    "future-birth-date-accepted",
    "validation",
    "OrderContactCreate/OrderConsumerCreate.dateOfBirth must lie in the past (info.description; 400 otherwise)",
)
def _future_birth_date() -> Injection:
    """A v2.1 contact or consumer with a future `dateOfBirth` is accepted (the year is silently moved to 1990)."""

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        body = hit.body()
        if not hit.op(V21_BIRTH_DATE) or not isinstance(body, dict):
            return None
        born = body.get("dateOfBirth")
        if isinstance(born, str) and born[:4].isdigit() and int(born[:4]) > datetime.now(UTC).year:
            hit.set_body({**body, "dateOfBirth": "1990" + born[4:]})
        return None

    return Injection(before=change)


@fault(
    "unfiltered-legacy-list-accepted",
    "validation",
    "legacyListOrders: referenceId or guestRef is required (description; 400 otherwise)",
)
def _unfiltered_legacy_list() -> Injection:
    """GET /v2/orders without referenceId or guestRef answers 200 with an empty page instead of 400."""

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        if hit.op("legacyListOrders") and not (hit.param("referenceId") or hit.param("guestRef")):
            hit.set_query([*(hit.query() or []), ("referenceId", "no-such-order")])
        return None

    return Injection(before=change)


@fault(
    "pair-limit-unenforced",
    "validation",
    "patchOrderDataExtension/patchOrderItemDataExtension: at most 100 pairs after a partial update (400 otherwise)",
)
def _pair_limit() -> Injection:
    """A PATCH that would take a data extension past 100 pairs answers 200 (and stores nothing)."""

    def change(hit: Hit, response: Response, app: FaultyApp) -> Response:
        if response.status != 400 or not hit.op("patchOrderDataExtension", "patchOrderItemDataExtension"):
            return response
        if b"at most" not in response.body:
            return response
        current = app.forward(replace(hit.request, method="GET", query_string=b"", body=b""))
        return Response(200, current.body) if current.status == 200 else response

    return Injection(after=change)


# -- state --------------------------------------------------------------------------------------------------


@fault(
    "delete-keeps-order",
    "state",
    "deleteOrder: deletes the order with everything that belongs to it (a later read is 404)",
)
def _delete_keeps() -> Injection:
    """DELETE /v2.1/orders/{ref} answers 200 but the order stays."""
    return Injection(store=StoreHooks(keep=lambda record: record.kind == ORDER))


@fault(
    "update-not-persisted",
    "state",
    "updateOrder, updateOrderItem, ... and the legacy updates, every PATCH: the body is stored",
)
def _update_not_persisted() -> Injection:
    """Updates answer with the new values but nothing is stored: the next read shows the old resource."""
    return Injection(store=StoreHooks(update=lambda record, fields, hit: None))


@fault(
    "patch-wipes-unset",
    "state",
    "patchOrder, patchOrderItem, patchOrderContact, patchOrderConsumer, patch*DataExtension: fields not sent are left alone",
)
def _patch_wipes() -> Injection:
    """PATCH stores only the fields it sends: every other field of the resource is lost."""

    def update(record: Record, fields: dict[str, Any], hit: Hit | None) -> dict[str, Any] | None:
        body = hit.body() if hit is not None and hit.method == "PATCH" else None
        if not isinstance(body, dict):
            return fields
        return {k: v for k, v in fields.items() if k in body}

    return Injection(store=StoreHooks(update=update))


@fault(
    "list-omits-newest",
    "state",
    "list(Legacy)OrderItems/Contacts/Consumers: every child of the order is listed",
)
def _list_omits() -> Injection:
    """Lists of an order's items, contacts and consumers leave out the last item of each page."""

    def edit(doc: dict[str, Any]) -> bool:
        items = doc.get("items")
        if isinstance(items, list) and items:
            doc["items"] = items[:-1]
            return True
        return False

    return Injection(after=lambda hit, r, app: _edit_doc(hit, r, CHILD_LISTS, edit))


@fault(
    "pagination-off-by-one",
    "state",
    "components.parameters.Offset: `offset` items are skipped, no more (every list operation)",
)
def _off_by_one() -> Injection:
    """Lists skip one item more than `offset` asks (the page still says the asked offset)."""
    return Injection(store=StoreHooks(offset_shift=1))


@fault("next-link-missing", "state", "schemas.Page.next: a link to the next page while there is one")
def _next_missing() -> Injection:
    """Pages never carry a `next` link, so a client stops after the first page."""
    return Injection(after=lambda hit, r, app: _edit_doc(hit, r, None, _pop("next")) if _list_op(hit) else r)


@fault("last-link-wrong", "state", "schemas.Page.last: a link to the final page")
def _last_wrong() -> Injection:
    """Pages point `last` at the first page."""

    def edit(doc: dict[str, Any]) -> bool:
        if isinstance(doc.get("first"), dict) and doc.get("last") != doc["first"]:
            doc["last"] = dict(doc["first"])
            return True
        return False

    return Injection(after=lambda hit, r, app: _edit_doc(hit, r, None, edit) if _list_op(hit) else r)


@fault(
    "href-points-elsewhere",
    "state",
    "schemas.Link.href / OrderItem.href: the resource's own absolute URL, its ref the last segment",
)
def _href_elsewhere() -> Injection:
    """Order items come back with an `href` whose last segment is another ref."""

    def edit(doc: dict[str, Any]) -> bool:
        href = doc.get("href")
        if isinstance(href, str):
            doc["href"] = _replace_last_segment(href)
            return True
        return False

    return Injection(after=lambda hit, r, app: _edit_doc(hit, r, ITEM_OPS, edit))


@fault(
    "ref-differs-create-retrieve",
    "state",
    "createOrderContact/legacyCreateOrderContact 201: `ref` is the new contact's reference (links to its retrieve)",
)
def _ref_differs() -> Injection:
    """Creating a contact returns a `ref` (and `href`) that is not the stored contact's."""

    def edit(doc: dict[str, Any]) -> bool:
        ref, href = doc.get("ref"), doc.get("href")
        if not isinstance(ref, str):
            return False
        other = _other_ref(ref)
        doc["ref"] = other
        if isinstance(href, str):
            doc["href"] = href.replace(ref, other)
        return True

    ops = {"createOrderContact", "legacyCreateOrderContact"}
    return Injection(after=lambda hit, r, app: _edit_doc(hit, r, ops, edit))


@fault(
    "child-on-wrong-parent",
    "state",
    "createOrderItem/createOrderContact/createOrderConsumer (and legacy): the child belongs to the order in the path",
)
def _wrong_parent() -> Injection:
    """A new item, contact or consumer is filed under the most recently created other order."""
    recent: list[Record] = []

    def inserted(record: Record) -> None:
        if record.kind == ORDER:
            recent.append(record)
            del recent[:-2]

    def parent(kind: str, asked: Record | None) -> Record | None:
        if kind not in (ORDER_ITEM, CONTACT, CONSUMER) or asked is None or asked.kind != ORDER:
            return asked
        other = [r for r in recent if r.ref != asked.ref]
        return other[-1] if other else asked

    return Injection(store=StoreHooks(parent=parent, inserted=inserted))


@fault(
    "child-links-other-order",
    "state",
    "OrderItem.order / LegacyOrderItem.order: a link to the order the item belongs to",
)
def _links_other_order() -> Injection:
    """An order item's `order` link points at some other order."""

    def edit(doc: dict[str, Any]) -> bool:
        link = doc.get("order")
        if isinstance(link, dict) and isinstance(link.get("href"), str):
            doc["order"] = {**link, "href": _replace_last_segment(link["href"])}
            return True
        return False

    return Injection(after=lambda hit, r, app: _edit_doc(hit, r, ITEM_OPS, edit))


@fault(
    "read-lags-create",
    "state",
    "createOrderConsumer 200 links retrieveOrderConsumer: the new consumer can be read at once",
)
def _read_lags() -> Injection:
    """A new v2.1 consumer is not readable at first: its first GET answers 404."""
    seen: set[str] = set()

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        if not hit.op("retrieveOrderConsumer"):
            return None
        ref = hit.params.get("orderConsumerRef", "").lower()
        if ref in seen:
            return None
        if len(seen) >= _SEEN_LIMIT:
            seen.clear()
        seen.add(ref)
        return Response(404, error_body(404, f"orderConsumerRef: no resource found with ref {ref}"))

    return Injection(before=change)


@fault(
    "put-keeps-unsent",
    "state",
    "updateOrderContact (PUT): replaces the contact; optional fields not sent are removed",
)
def _put_keeps() -> Injection:
    """PUT on a v2.1 contact merges like PATCH: fields left out are kept."""

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        if hit.op("updateOrderContact"):
            hit.request = replace(hit.request, method="PATCH")
        return None

    return Injection(before=change)


@fault(
    "immutable-reference-changed",
    "state",
    "updateOrder/patchOrder: referenceId and orderedAt cannot be changed; the stored values are kept",
)
def _immutable_changed() -> Injection:
    """A v2.1 order update that sends `referenceId` answers with it changed."""

    def change(hit: Hit, response: Response, app: FaultyApp) -> Response:
        body = hit.body()
        if not isinstance(body, dict) or "referenceId" not in body:
            return response

        def edit(doc: dict[str, Any]) -> bool:
            doc["referenceId"] = body["referenceId"]
            return True

        return _edit_doc(hit, response, {"updateOrder", "patchOrder"}, edit)

    return Injection(after=change)


@fault(
    "created-at-from-body",
    "state",
    "schemas.OrderCreate: createdAt/modifiedAt are set by the server, what a body sends is ignored (updateOrder)",
)
def _created_at_from_body() -> Injection:
    """A v2.1 order PUT answers with the `createdAt` its body sent."""

    def change(hit: Hit, response: Response, app: FaultyApp) -> Response:
        body = hit.body()
        if not isinstance(body, dict) or not isinstance(body.get("createdAt"), str):
            return response

        def edit(doc: dict[str, Any]) -> bool:
            doc["createdAt"] = body["createdAt"]
            return True

        return _edit_doc(hit, response, {"updateOrder"}, edit)

    return Injection(after=change)


@fault(
    "delete-fields-drops-all",
    "state",
    "deleteOrderDataExtensionFields/deleteOrderItemDataExtensionFields: only the keys named in `name` go",
)
def _fields_drop_all() -> Injection:
    """DELETE .../extensions/ext/fields?name=a|b empties the whole extension."""
    ops = {"deleteOrderDataExtensionFields", "deleteOrderItemDataExtensionFields"}
    return _ignore_query(lambda hit: hit.op(ops), "name")


@fault(
    "children-survive-order-delete",
    "state",
    "deleteOrder: the order's items, contacts, consumers and data extension are deleted with it",
)
def _children_survive() -> Injection:
    """Deleting an order leaves its items, contacts, consumers and data extension readable."""
    return Injection(store=StoreHooks(cascade=lambda kind: kind != ORDER))


@fault(
    "consumer-items-empty",
    "state",
    "listOrderConsumerOrderItems: the items the consumer links (schemas.ConsumerOrderItems)",
)
def _consumer_items_empty() -> Injection:
    """GET /v2.1/orderConsumers/{ref}/orderItems always answers an empty page."""

    def edit(doc: dict[str, Any]) -> bool:
        doc["items"] = []
        doc.pop("next", None)
        return True

    return Injection(after=lambda hit, r, app: _edit_doc(hit, r, {"listOrderConsumerOrderItems"}, edit))


@fault(
    "consumer-keeps-deleted-item",
    "state",
    "deleteOrderItem/legacyDeleteOrderItem: a deleted item is gone, consumers no longer link it",
)
def _consumer_keeps() -> Injection:
    """Consumers keep linking an order item after it was deleted."""
    return Injection(store=StoreHooks(unlink=False))


@fault(
    "extension-create-overwrites",
    "state",
    "createOrderDataExtension/createOrderItemDataExtension: 409 when the data extension already exists",
)
def _extension_overwrites() -> Injection:
    """Creating a data extension that exists overwrites it (201) instead of answering 409."""

    def change(hit: Hit, response: Response, app: FaultyApp) -> Response:
        if response.status != 409 or not hit.op("createOrderDataExtension", "createOrderItemDataExtension"):
            return response
        replaced = app.forward(replace(hit.request, method="PUT"))
        return Response(201, replaced.body) if replaced.status == 200 else response

    return Injection(after=change)


# -- robustness ---------------------------------------------------------------------------------------------


@fault(
    "non-ascii-name-500",
    "robustness",
    "request bodies are UTF-8 JSON (name, firstName, lastName are plain strings); no operation documents 500",
)
def _non_ascii() -> Injection:
    """A `name`, `firstName` or `lastName` with a non-ASCII character (Zoë, Ó Briain) answers 500."""

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        body = hit.body()
        if isinstance(body, dict):
            for name in NAME_FIELDS:
                value = body.get(name)
                if isinstance(value, str) and not value.isascii():
                    return _internal_error()
        return None

    return Injection(before=change)


@fault(
    "large-number-500",
    "robustness",
    "number fields (price, quantity, extension values) have no documented maximum; no operation documents 500",
)
def _large_number() -> Injection:
    """A number beyond 32 bits anywhere in a request body answers 500 (an int32 column overflows)."""

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        body = hit.body()
        if isinstance(body, dict | list):
            for number in _numbers(body, [_WALK_LIMIT]):
                if abs(number) > INT32_MAX:
                    return _internal_error()
        return None

    return Injection(before=change)


@fault(
    "slow-order-delete",
    "robustness",
    f"deleteOrder: answered promptly (the contract suite's response-time bound is below {HANG_SECONDS:.0f} s)",
)
def _slow_delete() -> Injection:
    """Deleting an order stalls 12 s before answering (at most 3 times per sandbox, so runs stay bounded)."""
    stalls = [0]

    def delay(hit: Hit, response: Response) -> float:
        if hit.op("deleteOrder") and response.status == 204 and stalls[0] < MAX_HANGS:
            stalls[0] += 1
            return HANG_SECONDS
        return 0.0

    return Injection(delay=delay)


__all__ = [
    "CATALOG",
    "CATEGORIES",
    "Fault",
    "FaultyApp",
    "FaultyStore",
    "Hit",
    "Injection",
    "StoreHooks",
    "UnknownFault",
    "app_factory",
    "build",
    "describe_catalog",
    "lookup",
]
