"""What each operation of the spec does, read from its method and path.

The custom checks need to know, for any request, which resource kind it touches, whether it creates,
lists, reads, replaces, patches or deletes, where the resource and its parent live, and which statuses are
documented. All of that follows from the spec's path layout, so it is derived here once instead of being
written down per operation (a renamed path or a new operation then needs no edit here).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from cdp_openapi import refs

HTTP_METHODS = ("get", "put", "post", "delete", "patch")


class Kind(StrEnum):
    """Resource kinds of the Order APIs."""

    ORDER = "order"
    ORDER_ITEM = "orderItem"
    CONTACT = "contact"
    CONSUMER = "consumer"
    ORDER_EXT = "orderExt"
    ORDER_ITEM_EXT = "orderItemExt"


class Action(StrEnum):
    """What an operation does to its resource."""

    CREATE = "create"
    LIST = "list"
    RETRIEVE = "retrieve"
    REPLACE = "replace"
    PATCH = "patch"
    DELETE = "delete"
    DELETE_FIELDS = "deleteFields"


WRITES = frozenset({Action.CREATE, Action.REPLACE, Action.PATCH, Action.DELETE, Action.DELETE_FIELDS})
EXTENSIONS = frozenset({Kind.ORDER_EXT, Kind.ORDER_ITEM_EXT})
EXT_PARENT = {Kind.ORDER_EXT: Kind.ORDER, Kind.ORDER_ITEM_EXT: Kind.ORDER_ITEM}
# Top-level path segment of each resource, and of each child collection under an order.
RESOURCE_SEGMENT = {
    Kind.ORDER: "orders",
    Kind.ORDER_ITEM: "orderItems",
    Kind.CONTACT: "orderContacts",
    Kind.CONSUMER: "orderConsumers",
}
CHILD_SEGMENT = {Kind.ORDER_ITEM: "orderItems", Kind.CONTACT: "contacts", Kind.CONSUMER: "consumers"}
_SEGMENT_KIND = {segment: kind for kind, segment in RESOURCE_SEGMENT.items()}
_CHILD_KIND = {segment: kind for kind, segment in CHILD_SEGMENT.items()}
_PARAM = re.compile(r"\{[^}/]+\}")
DOC_STATUSES = ("documented", "partial", "inferred")
"""Values of an operation's `x-doc-status`: how much of its documentation page could be read (spec info)."""


class SpecError(ValueError):
    """The spec's own extensions (x-doc-status, x-doc-unconfirmed) are malformed; the message is one sentence."""


@dataclass(frozen=True, slots=True)
class Unconfirmed:
    """One `x-doc-unconfirmed` entry: a rule of the operation not confirmed by its page, and the checks whose
    failures on that operation are evidence about it."""

    rule: str
    checks: frozenset[str]


@dataclass(frozen=True, slots=True)
class ListFilter:
    """A query parameter's `x-filter`: the listed resource's `field` (with `of`, a field of its children in that
    collection) matches the parameter's value as `match` says (`exact`, `case-insensitive`, `ref`)."""

    param: str
    field: str
    match: str
    of: str | None = None

    def matches(self, stored: Any, asked: str) -> bool:
        """Whether a value read back matches the asked one (a link's ref for `ref`)."""
        if self.match == "ref":
            if isinstance(stored, dict):
                stored = stored.get("ref") or str(stored.get("href", "")).rstrip("/").rsplit("/", 1)[-1]
            return isinstance(stored, str) and stored.lower() == asked.lower()
        if isinstance(stored, bool):
            return str(stored).lower() == asked.lower()
        if not isinstance(stored, str | int | float):
            return False
        if self.match == "case-insensitive":
            return str(stored).casefold() == asked.casefold()
        return str(stored) == asked


@dataclass(frozen=True, slots=True)
class OpInfo:
    """One operation: identity, what it does, and where its resource and parent are."""

    operation_id: str
    method: str
    path: str
    version: str
    action: Action
    kind: Kind
    parent_kind: Kind | None
    parent_param: str | None
    ref_param: str | None
    documented: frozenset[str]
    secured: bool
    doc_status: str = "documented"
    doc_source: str = ""
    doc_notes: str = ""
    unconfirmed: tuple[Unconfirmed, ...] = ()
    filters: tuple[ListFilter, ...] = ()
    query_rules: tuple[dict[str, Any], ...] = ()

    @property
    def label(self) -> str:
        """`METHOD /path`, the label schemathesis uses."""
        return f"{self.method} {self.path}"

    @property
    def legacy(self) -> bool:
        """True for the v2 (legacy) API."""
        return self.version == "v2"

    @property
    def is_write(self) -> bool:
        """Whether the operation changes state (the safe profile budgets these)."""
        return self.action in WRITES


def _classify(method: str, path: str) -> tuple[Action, Kind, Kind | None, str | None, str | None]:
    """(action, kind, parent kind, parent path param, own ref param) from the path layout."""
    segments = path.strip("/").split("/")[1:]
    params = [s[1:-1] for s in segments if s.startswith("{")]
    top = _SEGMENT_KIND.get(segments[0]) if segments else None
    if top is None:
        raise ValueError(f"unrecognised path layout: {path}")
    rest = segments[2:]
    if len(segments) == 1:
        return (Action.CREATE if method == "POST" else Action.LIST), top, None, None, None
    if not rest:
        item_actions = {"GET": Action.RETRIEVE, "POST": Action.REPLACE, "PUT": Action.REPLACE}
        action = item_actions.get(method) or Action(method.lower())
        return action, top, None, None, params[0]
    if rest[0] == "extensions":
        kind = Kind.ORDER_EXT if top is Kind.ORDER else Kind.ORDER_ITEM_EXT
        if len(rest) == 1:
            return Action.LIST, kind, top, params[0], None
        if len(rest) == 3 and rest[2] == "fields":
            return Action.DELETE_FIELDS, kind, top, params[0], params[1]
        ext_actions = {"GET": Action.RETRIEVE, "POST": Action.CREATE, "PUT": Action.REPLACE}
        action = ext_actions.get(method) or Action(method.lower())
        return action, kind, top, params[0], params[1]
    child = _CHILD_KIND.get(rest[0])
    if child is None or len(rest) != 1:
        raise ValueError(f"unrecognised path layout: {path}")
    return (Action.CREATE if method == "POST" else Action.LIST), child, top, params[0], None


def _doc_fields(op: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    """Where the operation's rules came from: x-doc-status, x-doc-source, x-doc-notes and x-doc-unconfirmed.

    A spec without these extensions (another `--spec`) is taken at its word: every operation `documented`.
    """
    where = f"{method} {path}"
    status = op.get("x-doc-status", "documented")
    if status not in DOC_STATUSES:
        raise SpecError(f"{where}: x-doc-status must be one of {', '.join(DOC_STATUSES)}, not {status!r}.")
    raw = op.get("x-doc-unconfirmed", [])
    if not isinstance(raw, list):
        raise SpecError(f"{where}: x-doc-unconfirmed must be a list of {{rule, checks}} objects.")
    entries = []
    for entry in raw:
        rule = entry.get("rule") if isinstance(entry, dict) else None
        names = entry.get("checks") if isinstance(entry, dict) else None
        if (
            not isinstance(rule, str)
            or not rule.strip()
            or not isinstance(names, list)
            or not names
            or not all(isinstance(n, str) and n for n in names)
        ):
            raise SpecError(
                f"{where}: each x-doc-unconfirmed entry needs `rule` (one line of text) and `checks` (a non-empty "
                "list of check names)."
            )
        entries.append(Unconfirmed(" ".join(rule.split()), frozenset(names)))
    return {
        "doc_status": status,
        "doc_source": str(op.get("x-doc-source", "")),
        "doc_notes": " ".join(str(op.get("x-doc-notes", "")).split()),
        "unconfirmed": tuple(entries),
    }


def _path_pattern(template: str) -> re.Pattern[str]:
    """A regex matching concrete paths of a template; path parameters match one segment."""
    literals = _PARAM.split(template)
    return re.compile("^" + "[^/]+".join(re.escape(part) for part in literals) + "/?$")


def _filters(document: dict[str, Any], params: list[Any]) -> tuple[ListFilter, ...]:
    """The declared list filters among an operation's parameters (`$ref`s to components resolved)."""
    found = []
    shared = document.get("components", {}).get("parameters", {})
    for raw in params:
        param = raw
        if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
            param = shared.get(raw["$ref"].rsplit("/", 1)[-1], {})
        declared = param.get("x-filter") if isinstance(param, dict) else None
        if (
            param.get("in") == "query"
            and isinstance(declared, dict)
            and isinstance(declared.get("field"), str)
        ):
            match = declared.get("match", "exact")
            found.append(ListFilter(param["name"], declared["field"], match, declared.get("of")))
    return tuple(found)


class ApiModel:
    """All operations of a spec, indexed for the checks and the report."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        global_security = bool(document.get("security"))
        self.operations: dict[str, OpInfo] = {}
        self._by_label: dict[str, OpInfo] = {}
        self._matchers: list[tuple[re.Pattern[str], str, OpInfo]] = []
        for path, item in document.get("paths", {}).items():
            for method in HTTP_METHODS:
                op = item.get(method)
                if op is None:
                    continue
                action, kind, parent_kind, parent_param, ref_param = _classify(method.upper(), path)
                secured = bool(op["security"]) if "security" in op else global_security
                info = OpInfo(
                    operation_id=op["operationId"],
                    method=method.upper(),
                    path=path,
                    version=path.strip("/").split("/")[0],
                    action=action,
                    kind=kind,
                    parent_kind=parent_kind,
                    parent_param=parent_param,
                    ref_param=ref_param,
                    documented=frozenset(str(code) for code in op.get("responses", {})),
                    secured=secured,
                    filters=_filters(document, [*item.get("parameters", []), *op.get("parameters", [])]),
                    query_rules=tuple(op.get("x-query-rules", ())),
                    **_doc_fields(op, method.upper(), path),
                )
                self.operations[info.operation_id] = info
                self._by_label[info.label] = info
                self._matchers.append((_path_pattern(path), method.upper(), info))

    def by_label(self, label: str) -> OpInfo | None:
        """The operation with schemathesis label `METHOD /path`."""
        return self._by_label.get(label)

    def match(self, method: str, url_or_path: str) -> OpInfo | None:
        """The operation a concrete request hits, or None for an undeclared method/path."""
        path = urlsplit(url_or_path).path if "://" in url_or_path else url_or_path.split("?", 1)[0]
        for pattern, op_method, info in self._matchers:
            if op_method == method.upper() and pattern.match(path):
                return info
        return None

    def find(self, version: str, action: Action, kind: Kind) -> OpInfo | None:
        """The operation of a version doing `action` on `kind`, if the spec has one."""
        for info in self.operations.values():
            if info.version == version and info.action is action and info.kind is kind:
                return info
        return None

    # -- schemas -------------------------------------------------------------------------------

    def resolve(self, node: Any) -> Any:
        """Follow local `$ref`s until a concrete schema (`cdp_openapi.refs.RefError` on a broken one)."""
        return refs.resolve(self.document, node)

    def request_schema(self, operation_id: str) -> dict[str, Any] | None:
        """The JSON request body schema of an operation, resolved, or None."""
        info = self.operations[operation_id]
        op = self.document["paths"][info.path][info.method.lower()]
        body = op.get("requestBody")
        if not body:
            return None
        schema = self.resolve(self.resolve(body).get("content", {}).get("application/json", {}).get("schema"))
        return schema if isinstance(schema, dict) else None

    def request_properties(self, operation_id: str) -> dict[str, Any]:
        """Declared request body properties (name to resolved schema)."""
        schema = self.request_schema(operation_id) or {}
        return {name: self.resolve(prop) for name, prop in schema.get("properties", {}).items()}

    def query_parameters(self, operation_id: str) -> dict[str, dict[str, Any]]:
        """The operation's query parameters (its path's and its own), by name, resolved."""
        info = self.operations[operation_id]
        item = self.document["paths"][info.path]
        found = {}
        for raw in [*item.get("parameters", []), *item[info.method.lower()].get("parameters", [])]:
            param = self.resolve(raw)
            if isinstance(param, dict) and param.get("in") == "query" and isinstance(param.get("name"), str):
                found[param["name"]] = param
        return found

    def response_properties(self, operation_id: str, status: str = "200") -> set[str]:
        """The fields an answer's JSON schema names (through `$ref` and `allOf`)."""
        info = self.operations[operation_id]
        answer = self.document["paths"][info.path][info.method.lower()]["responses"].get(status, {})
        stack = [self.resolve(answer).get("content", {}).get("application/json", {}).get("schema")]
        names: set[str] = set()
        while stack:
            node = self.resolve(stack.pop())
            if isinstance(node, dict):
                names |= set(node.get("properties") or {})
                stack.extend(node.get("allOf") or [])
        return names


# -- URLs ------------------------------------------------------------------------------------


def resource_path(version: str, kind: Kind, ref: str, parent_ref: str | None = None) -> str:
    """Canonical path of one resource; a data extension lives under its parent (`.../extensions/ext`)."""
    if kind in EXTENSIONS:
        parent = EXT_PARENT[kind]
        return f"/{version}/{RESOURCE_SEGMENT[parent]}/{parent_ref}/extensions/{ref}"
    return f"/{version}/{RESOURCE_SEGMENT[kind]}/{ref}"


def collection_path(version: str, kind: Kind, parent_ref: str | None) -> str:
    """Canonical path of the collection a resource is listed in."""
    if kind is Kind.ORDER:
        return f"/{version}/orders"
    if kind in EXTENSIONS:
        return f"/{version}/{RESOURCE_SEGMENT[EXT_PARENT[kind]]}/{parent_ref}/extensions"
    return f"/{version}/orders/{parent_ref}/{CHILD_SEGMENT[kind]}"


def norm_path(url: str) -> str:
    """The path of a URL, lower-cased (refs are case-insensitive UUIDs), without a trailing slash."""
    return urlsplit(url).path.rstrip("/").lower()


def with_overlay(document: dict[str, Any], gaps: list[tuple[list[str], list[str]]]) -> dict[str, Any]:
    """A copy of the spec where each listed operation also documents the listed error statuses.

    Used only for known spec gaps named (with a reason) in the suite's config; see KNOWN_ISSUES.md.
    """
    patched = copy.deepcopy(document)
    wanted = {op_id: statuses for op_ids, statuses in gaps for op_id in op_ids}
    refs = {"400": "BadRequest", "404": "NotFound", "409": "Conflict", "415": "UnsupportedMediaType"}
    for item in patched.get("paths", {}).values():
        for method in HTTP_METHODS:
            op = item.get(method)
            if op is None or op.get("operationId") not in wanted:
                continue
            for status in wanted[op["operationId"]]:
                op["responses"].setdefault(status, {"$ref": f"#/components/responses/{refs[status]}"})
    return patched
