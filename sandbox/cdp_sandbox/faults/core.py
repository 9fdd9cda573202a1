"""The fault layer's vocabulary: what a fault sees (`Hit`), what it may change (`Injection`, `StoreHooks`), what
its transformers may call (`Forwarder`), the catalog and its registry, and the small building blocks the catalog
entries share. It knows the messages, the store's records and the compiled spec, never the app: the faulty app
(`layer.py`) is built on this module, not the other way round."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlencode

import orjson

from .. import jsonio
from ..errors import error_body
from ..messages import Request, Response
from ..spec import Spec
from ..storage import Record, Store

log = logging.getLogger("cdp_sandbox.faults")

CATEGORIES = ("status", "response-schema", "headers-media", "auth", "validation", "state", "robustness")

HANG_SECONDS = 12.0
"""How long the hang fault stalls: beyond the contract suite's 10 s response-time bound, far above a healthy answer."""

MAX_HANGS = 3
"""The hang fault stalls at most this many responses per app, so a run against it stays bounded."""

MAX_DELAY = 60.0
"""No delay, whatever a fault asks, exceeds this."""

SEEN_LIMIT = 10_000
"""At most this many entries in what a stateful fault remembers (seen refs, cached answers)."""
WALK_LIMIT = 10_000
"""At most this many records or JSON values in one walk a fault makes (a bounded scan)."""
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


def other_ref(ref: str) -> str:
    """A well-formed ref that is deterministically not `ref`."""
    return str(uuid.uuid5(FAULT_NAMESPACE, ref))


def replace_last_segment(href: str) -> str:
    """The href with its last segment (a ref) replaced by a well-formed other one."""
    head, _, last = href.rstrip("/").rpartition("/")
    return f"{head}/{other_ref(last)}"


# -- the injection points ---------------------------------------------------------------------------


class Forwarder(Protocol):
    """What a fault's request and response transformers get to call: the app they run in (`FaultyApp` is one).

    Through it a fault looks around: the sandbox's own answer to a request of the fault's making, the stored
    records, the compiled spec, the credentials the sandbox accepts."""

    @property
    def spec(self) -> Spec:
        """The compiled spec the app serves."""
        ...

    @property
    def store(self) -> Store:
        """The app's store (with the active faults' storage hooks)."""
        ...

    @property
    def valid_authorization(self) -> bytes:
        """The Authorization header the app accepts."""
        ...

    def forward(self, request: Request) -> Response:
        """The sandbox's own answer, without the request/response transformers (storage hooks still apply)."""
        ...


Before = Callable[[Hit, Forwarder], Response | None]
After = Callable[[Hit, Response, Forwarder], Response]
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
    ignored_filters: Callable[[Hit | None], frozenset[str]] | None = None
    """order lists: the declared filters (by the field they read: `referenceId`, `guest`) applied as if they had
    not been asked (the request still carried them)."""
    reference_prefix: Callable[[Hit | None], bool] | None = None
    """order lists: True matches the asked referenceId as a prefix (a filter that matches too much)."""


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


# -- small building blocks of the catalog ----------------------------------------------------------------


def edit_doc(
    hit: Hit, response: Response, ops: Collection[str] | None, edit: Callable[[dict[str, Any]], bool]
) -> Response:
    """Apply `edit` to a 2xx JSON object answer of these operations (all when None); re-encode if it changed."""
    if not 200 <= response.status < 300 or (ops is not None and hit.operation_id not in ops):
        return response
    doc = _doc(response)
    if isinstance(doc, dict) and edit(doc):
        return _json(response, doc)
    return response


def internal_error() -> Response:
    """A bare 500 in Sitecore's error shape."""
    return Response(500, error_body(500, "internal error"))


def numbers_in(value: Any, budget: list[int]) -> Iterable[int | float]:
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
            yield from numbers_in(item, budget)
    elif isinstance(value, list):
        for item in value:
            yield from numbers_in(item, budget)


def list_op(hit: Hit) -> bool:
    """Whether the request is a list operation (v2 or v2.1)."""
    op = hit.operation_id or ""
    return op.startswith(("list", "legacyList"))


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH"})
STORED_TEXT_LIMIT = 255
"""The string length a VARCHAR(255) column keeps: what the length faults take as the store's."""


def without_astral(text: str) -> str:
    """`text` as a 3-byte UTF-8 column stores it: every character outside the BMP replaced by U+FFFD."""
    return "".join(c if ord(c) <= 0xFFFF else "\ufffd" for c in text)


def each_value(value: Any, edit: Callable[[Any], Any]) -> Any:
    """`edit` applied to a top-level value and to the entries of a list (what a row's columns hold)."""
    if isinstance(value, list):
        return [edit(item) for item in value]
    return edit(value)


def rewrite_writes(edit: Callable[[Any], Any]) -> Injection:
    """Every write (POST, PUT, PATCH with a JSON object body) stored as `edit` turns its values, the answer and
    every later read showing what was stored: a store that cannot keep what the schema allows."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        body = hit.body()
        if hit.method in WRITE_METHODS and isinstance(body, dict):
            stored = {name: each_value(value, edit) for name, value in body.items()}
            if stored != body:
                hit.set_body(stored)
        return None

    return Injection(before=change)


def pop_field(name: str) -> Callable[[dict[str, Any]], bool]:
    """An edit for `edit_doc` that drops one top-level field (True when it was there)."""

    def edit(doc: dict[str, Any]) -> bool:
        return doc.pop(name, _UNSET) is not _UNSET

    return edit


def ignore_query(applies: Callable[[Hit], bool], *names: str) -> Injection:
    """A fault that drops query parameters before the sandbox reads them."""

    def before(hit: Hit, app: Forwarder) -> Response | None:
        if applies(hit):
            hit.drop_query(*names)
        return None

    return Injection(before=before)
