"""What the checks share: one exchange seen through the spec (`View`), and how stored values are compared."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from schemathesis import Response

from ..model import EXTENSIONS, Action, ApiModel, Kind, OpInfo, resource_path
from ..probes import ProbeResult, Probes
from ..run_view import current
from ..state import Key, ResourceState, Seen, parent_key, resource_key
from ..urls import TargetUrls

if TYPE_CHECKING:
    from schemathesis.specs.openapi.schemas import OpenApiCase

READ_ONLY = frozenset({"href", "ref", "createdAt", "modifiedAt"})
LINK_FIELDS = frozenset({"guest", "order", "orderItem", "orderItems", "contacts", "consumers"})
EXT_RESERVED = frozenset({"name", "href", "ref", "key", "createdAt", "modifiedAt", "order", "orderItem"})
IMMUTABLE_ORDER_FIELDS = ("referenceId", "orderedAt")
MAX_EXT_PAIRS = 100
MAX_DESCENDANT_PROBES = 20
JSON_SAFE_INT = 2**53
DATE_TIME = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ]")


@dataclass(slots=True)
class View:
    """One exchange seen through the spec: operation, decoded bodies, the resource and what was known before."""

    model: ApiModel
    state: ResourceState
    probes: Probes
    urls: TargetUrls
    info: OpInfo
    case: OpenApiCase
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
        return self.probes.probe(path, note=note)


def view(response: Response, case: OpenApiCase) -> View | None:
    """The exchange as the checks need it, or None outside a run or for an undeclared method/path."""
    run = current()
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
        model=run.model,
        state=run.state,
        probes=run.probes,
        urls=run.urls,
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
    """Whether a stored value matches what was sent: objects by the keys sent, date-times as instants, numbers
    beyond 2**53 as doubles."""
    if isinstance(sent, dict):
        return isinstance(got, dict) and all(same(v, got.get(k)) for k, v in sent.items())
    if isinstance(sent, list):
        return isinstance(got, list) and len(sent) == len(got) and all(map(same, sent, got))
    if isinstance(sent, bool) or isinstance(got, bool):
        return sent is got
    if isinstance(sent, int | float) and isinstance(got, int | float):
        # RFC 8259 section 6: beyond 2**53 a JSON number is only as precise as a double; compare it as one.
        wide = max(abs(sent), abs(got)) > JSON_SAFE_INT
        return float(sent) == float(got) if wide else sent == got
    if isinstance(sent, str) and isinstance(got, str) and sent != got and DATE_TIME.match(sent):
        return instant(sent) is not None and instant(sent) == instant(got)
    return bool(sent == got)


def instant(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None


def is_empty(value: Any) -> bool:
    """Absent or empty (a removed optional field may come back as null, [] or an empty link page)."""
    if value is None or value in ("", [], {}):
        return True
    return isinstance(value, dict) and set(value) <= {"items", "orderItems"} and not any(value.values())


def user_fields(model: ApiModel, info: OpInfo, doc: Any) -> dict[str, Any]:
    """The client-owned fields of a representation: request-schema fields, or a data extension's pairs."""
    if not isinstance(doc, dict):
        return {}
    if info.kind in EXTENSIONS:
        return {k: v for k, v in doc.items() if k not in EXT_RESERVED}
    names = model.request_properties(info.operation_id) if info.action is not Action.LIST else {}
    return {k: doc[k] for k in names if k in doc and k not in READ_ONLY | LINK_FIELDS}


def comparable(model: ApiModel, info: OpInfo, sent: dict[str, Any]) -> dict[str, Any]:
    """The sent fields a write must store as sent (read-only, link and immutable fields left out)."""
    if info.kind in EXTENSIONS:
        return dict(sent)
    skip = READ_ONLY | LINK_FIELDS
    if info.kind is Kind.ORDER and not info.legacy and info.action in (Action.REPLACE, Action.PATCH):
        skip = skip | set(IMMUTABLE_ORDER_FIELDS)
    # Bodies whose page was cut allow unknown fields; only the fields the spec names must be stored as sent.
    known = model.request_properties(info.operation_id)
    return {k: v for k, v in sent.items() if k not in skip and (not known or k in known)}


def short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


LONG_TEXT = 40
"""Past this many characters two strings are told apart by their lengths and where they part, not shown."""


def mismatch(name: str, sent: Any, got: Any, where: str) -> str:
    """`name: sent X, <where> has Y`: long strings (the edge writes') by their lengths and the first character
    where they part, which a cut at 255 or a replaced character shows and 120 shown characters do not."""
    if isinstance(sent, str) and isinstance(got, str) and max(len(sent), len(got)) > LONG_TEXT:
        at = next(
            (i for i, (a, b) in enumerate(zip(sent, got, strict=False)) if a != b), min(len(sent), len(got))
        )
        return (
            f"{name}: sent {len(sent)} characters, {where} has {len(got)}, parting at character {at + 1}"
            f" ({_character(sent, at)} against {_character(got, at)})"
        )
    return f"{name}: sent {short(sent)}, {where} has {short(got)}"


def _character(text: str, index: int) -> str:
    if index >= len(text):
        return "the end"
    char = text[index]
    return f"U+{ord(char):04X} {char!r}" if char.isascii() and char.isprintable() else f"U+{ord(char):04X}"


def page_items(body: Any) -> list[dict[str, Any]]:
    items = body.get("items") if isinstance(body, dict) else None
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def page_query(v: View) -> dict[str, Any]:
    """The list request's filters, without paging and expansion."""
    return {k: val for k, val in v.query.items() if k not in ("offset", "limit", "expand")}


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
