"""Load the OpenAPI document once and precompile everything a request needs: routes, validators, coercers.

Nothing here runs per request; the request path only touches the objects built here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema_rs
import yaml

from cdp_openapi import refs

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"

_INTEGER = re.compile(r"-?[0-9]+")
MAX_NUMBER_DIGITS = 1000
"""Query numbers longer than this stay text (and fail their schema); shorter ones past int64 are clamped."""
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")

Coercer = Callable[[list[str]], Any]


FILTER_MATCHES = frozenset({"exact", "case-insensitive", "ref"})
"""How a list filter compares (`x-filter.match`): `exact`; `case-insensitive`; `ref`, a resource reference: the
value or the last segment of a link's `href`, case-insensitive (refs are UUIDs in either case)."""


@dataclass(frozen=True, slots=True)
class Filter:
    """A list filter as the spec declares it (`x-filter` on a query parameter): the listed resource's `field`
    equals the parameter's value as `match` says; with `of`, the field is on the resource's children of that
    collection (`contacts`: an order matches when one of its contacts does)."""

    field: str
    match: str
    of: str | None = None


@dataclass(frozen=True, slots=True)
class Sort:
    """A list's sort parameter (`x-sort`): each value of the parameter and the field it orders by (None: the
    order of creation, the default)."""

    by: dict[str, str | None]


@dataclass(slots=True)
class Param:
    """One declared parameter, with its string-to-JSON coercion and compiled validator."""

    name: str
    location: str
    required: bool
    coerce: Coercer
    validator: Any
    has_default: bool
    default: Any
    filter: Filter | None = None
    sort: Sort | None = None


@dataclass(slots=True)
class Operation:
    """One operation of the spec, ready to validate a request without touching the document."""

    operation_id: str
    method: str
    template: str
    path_params: tuple[Param, ...]
    query_params: tuple[Param, ...]
    body_validator: Any
    body_required: bool
    media_types: frozenset[str]
    legacy: bool
    responses: frozenset[str]
    query_rules: tuple[dict[str, Any], ...] = ()
    """`x-query-rules`: rules between query parameters (at-least-one, exactly-one, requires)."""


@dataclass(slots=True)
class PathEntry:
    """A path template and the operations declared on it."""

    template: str
    operations: dict[str, Operation] = field(default_factory=dict)
    allow: bytes = b""


@dataclass(slots=True)
class _Node:
    literal: dict[str, _Node] = field(default_factory=dict)
    param: _Node | None = None
    param_name: str = ""
    entry: PathEntry | None = None


class Router:
    """A segment trie over the spec's path templates: O(depth) per request, no regex scan."""

    def __init__(self) -> None:
        self._root = _Node()

    def add(self, entry: PathEntry) -> None:
        """Register a template such as /v2.1/orders/{orderRef}/contacts."""
        node = self._root
        for segment in entry.template.strip("/").split("/"):
            if segment.startswith("{") and segment.endswith("}"):
                if node.param is None:
                    node.param = _Node()
                    node.param_name = segment[1:-1]
                elif node.param_name != segment[1:-1]:
                    raise ValueError(f"conflicting parameter names under {entry.template}")
                node = node.param
            else:
                node = node.literal.setdefault(segment, _Node())
        node.entry = entry

    def match(self, path: str) -> tuple[PathEntry, dict[str, str]] | None:
        """The entry for a request path and its path parameters; literals win over parameters."""
        if not path.startswith("/"):
            return None
        params: dict[str, str] = {}
        node: _Node | None = self._root
        for segment in path[1:].split("/"):
            if node is None or not segment:
                return None
            nxt = node.literal.get(segment)
            if nxt is None and node.param is not None:
                params[node.param_name] = segment
                nxt = node.param
            node = nxt
        if node is None or node.entry is None:
            return None
        return node.entry, params


@dataclass(slots=True)
class Spec:
    """The compiled spec: the router plus every operation by id."""

    document: dict[str, Any]
    router: Router
    operations: dict[str, Operation]


def load_document(path: Path) -> dict[str, Any]:
    """Parse the YAML document (C loader when available; this runs once)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open("rb") as handle:
        document = yaml.load(handle, Loader=loader)  # noqa: S506 - a safe loader
    if not isinstance(document, dict) or "paths" not in document:
        raise ValueError(f"{path} is not an OpenAPI document")
    return document


def compile_spec(document: dict[str, Any]) -> Spec:
    """Build the router and the per-operation validators."""
    components = document.get("components", {})
    router = Router()
    operations: dict[str, Operation] = {}
    for template, raw_item in document["paths"].items():
        item = _deref(document, raw_item)
        entry = PathEntry(template=template)
        shared = [_deref(document, p) for p in item.get("parameters", [])]
        for method in HTTP_METHODS:
            raw = item.get(method)
            if raw is None:
                continue
            op = _compile_operation(document, components, template, method, raw=raw, shared=shared)
            if op.operation_id in operations:
                raise ValueError(f"duplicate operationId {op.operation_id}")
            operations[op.operation_id] = op
            entry.operations[method.upper()] = op
        entry.allow = ", ".join(entry.operations).encode()
        router.add(entry)
    return Spec(document=document, router=router, operations=operations)


def _compile_operation(
    document: dict[str, Any],
    components: dict[str, Any],
    template: str,
    method: str,
    *,
    raw: dict[str, Any],
    shared: list[dict[str, Any]],
) -> Operation:
    params: dict[tuple[str, str], dict[str, Any]] = {(p["name"], p["in"]): p for p in shared}
    for raw_param in raw.get("parameters", []):
        p = _deref(document, raw_param)
        params[(p["name"], p["in"])] = p
    compiled = [_compile_param(document, components, p) for p in params.values()]
    body_validator = None
    body_required = False
    media_types: frozenset[str] = frozenset()
    if "requestBody" in raw:
        body = _deref(document, raw["requestBody"])
        content = body.get("content", {})
        media_types = frozenset(m.split(";")[0].strip().lower() for m in content)
        json_media: dict[str, Any] = content.get("application/json") or next(iter(content.values()), {})
        body_validator = _validator(components, json_media.get("schema", {}))
        body_required = bool(body.get("required", False))
    return Operation(
        operation_id=raw.get("operationId") or f"{method} {template}",
        method=method.upper(),
        template=template,
        path_params=tuple(p for p in compiled if p.location == "path"),
        query_params=tuple(p for p in compiled if p.location == "query"),
        body_validator=body_validator,
        body_required=body_required,
        media_types=media_types,
        legacy=template.startswith("/v2/"),
        responses=frozenset(str(code) for code in raw.get("responses", {})),
        query_rules=tuple(raw.get("x-query-rules", ())),
    )


def _compile_param(document: dict[str, Any], components: dict[str, Any], raw: dict[str, Any]) -> Param:
    schema = raw.get("schema", {})
    resolved = _deref(document, schema)
    return Param(
        name=raw["name"],
        location=raw["in"],
        required=bool(raw.get("required", raw["in"] == "path")),
        coerce=_coercer(document, resolved, raw),
        validator=_validator(components, schema),
        has_default="default" in resolved,
        default=resolved.get("default"),
        filter=_filter(raw),
        sort=Sort(dict(raw["x-sort"])) if isinstance(raw.get("x-sort"), dict) else None,
    )


def _filter(raw: dict[str, Any]) -> Filter | None:
    """The parameter's `x-filter`; a declaration the sandbox cannot apply is a ValueError naming it."""
    declared = raw.get("x-filter")
    if declared is None:
        return None
    if not isinstance(declared, dict) or not isinstance(declared.get("field"), str):
        raise ValueError(f"x-filter of query parameter {raw['name']!r} needs a `field`")
    match = declared.get("match", "exact")
    if match not in FILTER_MATCHES:
        raise ValueError(
            f"x-filter of {raw['name']!r}: match {match!r} is not one of {sorted(FILTER_MATCHES)}"
        )
    return Filter(declared["field"], match, declared.get("of"))


def _validator(components: dict[str, Any], schema: Any) -> Any:
    """Compile a schema whose local `#/components/...` refs resolve against the spec's components."""
    root = dict(schema) if isinstance(schema, dict) else {}
    if "$ref" in root or _has_ref(root):
        root["components"] = components
    root.setdefault("$schema", DRAFT_2020_12)
    return jsonschema_rs.validator_for(root, validate_formats=True)


def _has_ref(value: Any) -> bool:
    if isinstance(value, dict):
        return "$ref" in value or any(_has_ref(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_ref(v) for v in value)
    return False


def _types(schema: dict[str, Any]) -> set[str]:
    declared = schema.get("type")
    if isinstance(declared, str):
        return {declared}
    if isinstance(declared, list):
        return set(declared)
    found: set[str] = set()
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, []):
            if isinstance(sub, dict):
                found |= _types(sub)
    return found


def _scalar_coercer(types: set[str]) -> Callable[[str], Any]:
    """Query strings carry text; turn it into the JSON value the schema describes, or leave it text."""

    def coerce(text: str) -> Any:
        if len(text) > MAX_NUMBER_DIGITS:
            # Left as text, so the parameter's schema refuses it (400 naming it): Python will not convert an
            # integer of 4,301 digits or more, and no parameter needs more than 19.
            return text
        if "integer" in types and _INTEGER.fullmatch(text):
            return int(text)
        if "number" in types and _NUMBER.fullmatch(text):
            number = int(text) if _INTEGER.fullmatch(text) else float(text)
            return number if math.isfinite(number) else text
        if "boolean" in types and text in ("true", "false"):
            return text == "true"
        return text

    return coerce


def _coercer(document: dict[str, Any], schema: dict[str, Any], raw: dict[str, Any]) -> Coercer:
    types = _types(schema)
    if "array" in types:
        items = _deref(document, schema.get("items", {}))
        item = _scalar_coercer(_types(items))
        style = raw.get("style", "form")
        separator = {"pipeDelimited": "|", "spaceDelimited": " "}.get(style, ",")
        explode = bool(raw.get("explode", style == "form"))

        def coerce_array(values: list[str]) -> Any:
            parts = values if explode and style == "form" else values[0].split(separator)
            return [item(part) for part in parts]

        return coerce_array
    scalar = _scalar_coercer(types)
    return lambda values: scalar(values[0])


def _deref(document: dict[str, Any], value: Any) -> Any:
    """Follow local `$ref`s at the top of a parameter, request body or schema object (a broken one stops the
    sandbox from starting: `RefError` names it)."""
    return refs.resolve(document, value)
