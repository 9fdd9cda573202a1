"""Operations whose request or response changed while their provenance (`x-doc-*`) did not.

Each operation of spec/openapi.yaml says where it comes from (`x-doc-source`, `x-doc-status`, `x-doc-notes`);
a change to what the operation sends or answers is a change the notes should explain. `stale` compares two
versions of the spec operation by operation (matched by operationId): its method and path, its parameters
(the path item's too), request body, responses (every status, errors included), security and `x-query-rules`,
and every component any of those reaches through `$ref`s, so a field added to `Order` changes every operation
whose request or response holds an `Order`. Annotations are not part of it (descriptions, summaries, titles,
examples, `deprecated`, `$comment`, `externalDocs`), nor vendor extensions other than `x-query-rules` (such as
`x-filter`, which states the sandbox's reading of a parameter, not what is sent). scripts/spec_changes.py
reports what this finds (a warning; an error under `--strict`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from cdp_openapi import refs

PROVENANCE = ("x-doc-source", "x-doc-notes", "x-doc-status")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
ANNOTATIONS = frozenset(
    {"description", "summary", "title", "example", "examples", "deprecated", "$comment", "externalDocs"}
)
KEPT_EXTENSIONS = frozenset({"x-query-rules"})
# Mappings whose keys are names (a property called `description`, a media type, a status), not keywords.
NAME_MAPS = frozenset(
    {
        "properties",
        "patternProperties",
        "dependentSchemas",
        "$defs",
        "content",
        "responses",
        "headers",
        "mapping",
    }
)
SECTIONS = ("method and path", "parameters", "requestBody", "responses", "security", "x-query-rules")


@dataclass(frozen=True)
class Stale:
    """An operation that changed while its provenance did not, and what changed: its own sections and the
    components (`schemas/Order`) it reaches."""

    operation: str
    label: str
    sections: tuple[str, ...]
    components: tuple[str, ...]

    def what(self) -> str:
        """The changed parts in words (`parameters; component schemas/Order`)."""
        parts = [*self.sections, *(f"component {c}" for c in self.components)]
        return "; ".join(parts)


def _strip(node: Any, names: bool = False) -> Any:
    """The node without annotations and vendor extensions; the keys of a name map are kept as they are."""
    if isinstance(node, Mapping):
        kept: dict[str, Any] = {}
        for raw_key, value in node.items():
            key = str(raw_key)
            if not names and (key in ANNOTATIONS or (key.startswith("x-") and key not in KEPT_EXTENSIONS)):
                continue
            kept[key] = _strip(value, names=not names and key in NAME_MAPS)
        return kept
    if isinstance(node, list):
        return [_strip(item) for item in node]
    return node


def _refs_in(node: Any) -> Iterator[str]:
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ref
        for value in node.values():
            yield from _refs_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs_in(item)


def _components(doc: Mapping[str, Any], node: Any) -> dict[str, str]:
    """Every local reference reachable from `node`, as its location (`schemas/Order`) -> the stripped JSON of
    what it points to (a reference to nothing reads as `null`)."""
    found: dict[str, str] = {}
    todo = list(_refs_in(node))
    while todo:
        ref = todo.pop()
        name = refs.location(ref).removeprefix("components.").replace(".", "/", 1)
        if name in found:
            continue
        ok, target = refs.target(doc, ref)
        stripped = _strip(target) if ok else None
        found[name] = json.dumps(stripped, sort_keys=True)
        todo.extend(_refs_in(stripped))
    return found


@dataclass(frozen=True)
class _Surface:
    label: str
    provenance: tuple[Any, ...]
    sections: dict[str, str]
    components: dict[str, str]


def _surfaces(doc: Mapping[str, Any]) -> dict[str, _Surface]:
    result: dict[str, _Surface] = {}
    for path, raw_item in (doc.get("paths") or {}).items():
        item = refs.follow(doc, raw_item).node
        if not isinstance(item, Mapping):
            continue
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, Mapping):
                continue
            key = str(op.get("operationId") or f"{method.upper()} {path}")
            params: dict[str, Any] = {}
            for raw in [*item.get("parameters", []), *op.get("parameters", [])]:
                param = refs.follow(doc, raw).node
                if isinstance(param, Mapping):
                    params[f"{param.get('in')} {param.get('name')}"] = _strip(raw)
            own = {
                "method and path": f"{method.upper()} {path}",
                "parameters": params,
                "requestBody": _strip(op.get("requestBody")),
                "responses": _strip(op.get("responses"), names=True),
                "security": op.get("security"),
                "x-query-rules": op.get("x-query-rules"),
            }
            result[key] = _Surface(
                f"{key} ({method.upper()} {path})",
                tuple(op.get(k) for k in PROVENANCE),
                {name: json.dumps(value, sort_keys=True) for name, value in own.items()},
                _components(doc, own),
            )
    return result


def stale(old_doc: Mapping[str, Any], new_doc: Mapping[str, Any]) -> tuple[Stale, ...]:
    """The operations of both documents whose request or response changed but whose `x-doc-source`,
    `x-doc-notes` and `x-doc-status` are all as they were, in operationId order."""
    old, new = _surfaces(old_doc), _surfaces(new_doc)
    found: list[Stale] = []
    for key in sorted(old.keys() & new.keys()):
        before, after = old[key], new[key]
        if before.provenance != after.provenance:
            continue
        sections = tuple(s for s in SECTIONS if before.sections[s] != after.sections[s])
        components = tuple(
            sorted(
                name
                for name in before.components.keys() & after.components.keys()
                if before.components[name] != after.components[name]
            )
        )
        if sections or components or before.components.keys() != after.components.keys():
            found.append(Stale(key, after.label, sections, components))
    return tuple(found)
