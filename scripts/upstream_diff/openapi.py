"""Read an OpenAPI document (3.x, or Swagger 2.0 reasonably) into the model, tolerating odd documents.

Local `$ref`s are followed (cycles are cut), `allOf` members are merged, `oneOf`/`anyOf` variants give the
union of their fields, `type` may be a list, missing or odd fields are skipped rather than fatal. Every
field keeps the location it was declared at, so a difference can name the place in our spec to edit.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from cdp_openapi import refs

from .model import JSON_TYPES, Body, Field, Key, Operation, ParamKey, path_parameters, type_of_value

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")
MAX_DEPTH = 10


def pointer_location(ref: str) -> str:
    """`#/components/schemas/A~1B` -> `components.schemas.A/B`."""
    return refs.location(ref)


class Resolver:
    """Follows local `$ref`s of one document (the project's one resolver, `cdp_openapi.refs`); remote or broken
    refs resolve to nothing."""

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self.doc = doc

    def deref(self, node: Any, location: str, active: frozenset[str] = frozenset()) -> tuple[Any, str, bool]:
        """(target, its location, cycle?) after following a chain of `$ref`s."""
        followed = refs.follow(self.doc, node, seen=active)
        if followed.broken == "cycle":
            before = followed.refs[:-1]
            return None, refs.location(before[-1]) if before else location, True
        return followed.node, refs.location(followed.ref) if followed.ref else location, False


@dataclass
class Shape:
    """What one schema says about the value at one place."""

    types: set[str] = field(default_factory=set)
    enum: set[str] | None = None
    props: dict[str, list[tuple[Any, str, frozenset[str]]]] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    owner: str = ""  # location of the object schema holding the properties
    marks_required: bool = False

    def add_props(self, other: Shape) -> None:
        for name, decls in other.props.items():
            self.props.setdefault(name, []).extend(decls)
        if not self.owner:
            self.owner = other.owner
        self.marks_required |= other.marks_required


def _types(schema: Mapping[str, Any]) -> set[str]:
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else []
    found = {str(k) for k in kinds if str(k) in JSON_TYPES}
    if not found:
        if isinstance(schema.get("properties"), Mapping) or isinstance(
            schema.get("additionalProperties"), Mapping
        ):
            found.add("object")
        elif "items" in schema:
            found.add("array")
        for value in [*(schema.get("enum") or [] if isinstance(schema.get("enum"), list) else [])]:
            if (value_type := type_of_value(value)) is not None:
                found.add(value_type)
        if "const" in schema and (value_type := type_of_value(schema["const"])) is not None:
            found.add(value_type)
    if "integer" in found and "number" in found:
        found.discard("integer")  # number covers integer
    return found


def _own(shape: Shape, schema: Mapping[str, Any], location: str, active: frozenset[str]) -> None:
    """What the schema says itself: types, enum, properties, required."""
    shape.types = _types(schema)
    enum = schema.get("enum")
    if isinstance(enum, list):
        shape.enum = {str(v) for v in enum if v is not None}
    elif "const" in schema and schema["const"] is not None:
        shape.enum = {str(schema["const"])}
    properties = schema.get("properties")
    if isinstance(properties, Mapping):
        shape.owner = location
        for name, sub in properties.items():
            shape.props.setdefault(str(name), []).append((sub, f"{location}.properties.{name}", active))
    required = schema.get("required")
    if isinstance(required, list):
        shape.required = {str(r) for r in required}
        shape.marks_required = bool(required)
        shape.owner = shape.owner or location
    if shape.types == {"object"} and not shape.owner:
        shape.owner = location


def collect(
    resolver: Resolver, node: Any, location: str, active: frozenset[str] = frozenset(), depth: int = 0
) -> Shape:
    """Merge what a schema (through refs, allOf, anyOf/oneOf and array items) says about one place."""
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    schema, location, cycle = resolver.deref(node, location, active)
    if isinstance(ref, str):
        active = active | {ref}
    shape = Shape()
    if cycle or not isinstance(schema, Mapping) or depth > MAX_DEPTH:
        return shape
    _own(shape, schema, location, active)
    items = schema.get("items")
    if isinstance(items, Mapping):
        inner = collect(resolver, items, f"{location}.items", active, depth + 1)
        shape.add_props(inner)
        shape.required |= inner.required
        if inner.enum is not None:
            shape.enum = (shape.enum or set()) | inner.enum
    members = schema.get("allOf")
    if isinstance(members, list):
        for index, member in enumerate(members):
            part = collect(resolver, member, f"{location}.allOf[{index}]", active, depth + 1)
            if not shape.types:
                shape.types = set(part.types)
            elif part.types and shape.types & part.types:
                shape.types &= part.types
            shape.enum = part.enum if shape.enum is None else shape.enum
            shape.add_props(part)
            shape.required |= part.required
    variants = [
        (key, index, v)
        for key in ("anyOf", "oneOf")
        if isinstance(schema.get(key), list)
        for index, v in enumerate(schema[key])
    ]
    if variants:
        _merge_variants(
            resolver, shape=shape, variants=variants, location=location, active=active, depth=depth
        )
    return shape


def _merge_variants(
    resolver: Resolver,
    *,
    shape: Shape,
    variants: list[tuple[str, int, Any]],
    location: str,
    active: frozenset[str],
    depth: int,
) -> None:
    """anyOf/oneOf: union of types, enum only when every non-null variant has one, union of fields."""
    parts = [collect(resolver, v, f"{location}.{key}[{i}]", active, depth + 1) for key, i, v in variants]
    real = [p for p in parts if p.types or p.props or p.enum is not None]
    variant_types = set().union(*(p.types for p in real)) if real else set()
    if not shape.types:
        shape.types = variant_types
    enums = [p.enum for p in real]
    if real and all(e is not None for e in enums) and shape.enum is None:
        shape.enum = set().union(*(e for e in enums if e is not None))
    with_props = [p for p in real if p.props]
    for part in with_props:
        shape.add_props(part)
    if with_props:
        common = set.intersection(*(p.required for p in with_props))
        shape.required |= common


def flatten(
    resolver: Resolver, shape: Shape, prefix: str = "", depth: int = 0
) -> Iterator[tuple[str, Field]]:
    """Every field under a shape, dotted; a field declared by several variants is merged."""
    if depth > MAX_DEPTH:
        return
    for name, decls in shape.props.items():
        child = Shape()
        schema_location = ""
        for sub, decl_location, active in decls:
            part = collect(resolver, sub, decl_location, active, depth + 1)
            _, resolved_at, _ = resolver.deref(sub, decl_location, active)
            schema_location = schema_location or resolved_at
            child.types |= part.types
            if part.enum is not None:
                child.enum = (child.enum or set()) | part.enum
            child.add_props(part)
            child.required |= part.required
        dotted = f"{prefix}.{name}" if prefix else name
        yield (
            dotted,
            Field(
                name=name,
                types=frozenset(child.types),
                required=name in shape.required,
                enum=frozenset(child.enum) if child.enum is not None else None,
                location=decls[0][1],
                schema_location=schema_location,
                parent_location=decls[0][1].rsplit(".properties.", 1)[0],
            ),
        )
        yield from flatten(resolver, child, dotted, depth + 1)


def body_of(resolver: Resolver, schema: Any, location: str) -> Body:
    """A body from its schema: the root location is the referenced component when there is one."""
    shape = collect(resolver, schema, location)
    fields: dict[str, Field] = {}
    for dotted, item in flatten(resolver, shape):
        fields.setdefault(dotted, item)
    _, root, _ = resolver.deref(schema, location)
    return Body(fields, shape.owner or root, marks_required=shape.marks_required)


def _media_schema(content: Any) -> tuple[Any, str] | None:
    """The JSON media type's schema (any media type with a schema when there is no JSON one)."""
    if not isinstance(content, Mapping):
        return None
    names = sorted(content, key=lambda n: (not str(n).startswith("application/json"), "json" not in str(n)))
    for name in names:
        media = content[name]
        if isinstance(media, Mapping) and "schema" in media:
            return media["schema"], f"content.{name}.schema"
    return None


def base_path(doc: Mapping[str, Any]) -> str:
    """The path part of the first server URL (or Swagger 2.0 `basePath`)."""
    if isinstance(doc.get("basePath"), str):
        return str(doc["basePath"])
    servers = doc.get("servers")
    if isinstance(servers, list) and servers and isinstance(servers[0], Mapping):
        url = str(servers[0].get("url", ""))
        if "://" in url:
            return urlsplit(url.replace("{", "").replace("}", "")).path
        return url if url.startswith("/") else ""
    return ""


def _parameters(
    resolver: Resolver, raw: list[Any], location: str, path: str, notes: list[str]
) -> tuple[dict[ParamKey, Field], tuple[Any, str] | None]:
    """Parameters by (in, name), path ones by position; a Swagger 2.0 body parameter is returned apart."""
    found: dict[ParamKey, Field] = {}
    body = None
    positions = {name: str(i) for i, name in enumerate(path_parameters(path))}
    for index, item in enumerate(raw):
        param, at, _ = resolver.deref(item, f"{location}[{index}]")
        if not isinstance(param, Mapping) or not isinstance(param.get("name"), str):
            continue
        name, where = str(param["name"]), str(param.get("in", "query"))
        if not at.startswith("components.") and not at.startswith("parameters."):
            at = f"{location}[{name}]"
        if where == "body":
            body = (param.get("schema", {}), f"{at}.schema")
            continue
        schema_and_at = (
            (param["schema"], f"{at}.schema") if "schema" in param else _media_schema(param.get("content"))
        )
        if schema_and_at is None and "type" in param:  # Swagger 2.0 puts the type on the parameter
            schema_and_at = (param, at)
        shape = collect(resolver, schema_and_at[0], schema_and_at[1]) if schema_and_at else Shape()
        types = frozenset(shape.types)
        if types == {"object"} and not shape.props and where != "body":
            notes.append(f"parameter `{name}` is typed object with no properties: its type is not compared")
            types = frozenset()
        _, schema_at, _ = (
            resolver.deref(schema_and_at[0], schema_and_at[1]) if schema_and_at else (None, at, False)
        )
        key = ("path", positions.get(name, name)) if where == "path" else (where, name)
        found[key] = Field(
            name=name,
            types=types,
            required=bool(param.get("required")) or where == "path",
            enum=frozenset(shape.enum) if shape.enum is not None else None,
            location=at,
            schema_location=schema_at,
            parent_location=location,
        )
    return found, body


def read_openapi(doc: Mapping[str, Any]) -> tuple[dict[Key, Operation], list[str]]:
    """Operations of an OpenAPI document, and notes on what was skipped or tolerated."""
    resolver = Resolver(doc)
    base = base_path(doc)
    notes: list[str] = []
    operations: dict[Key, Operation] = {}
    paths = doc.get("paths")
    for path, raw_item in (paths or {}).items() if isinstance(paths, Mapping) else []:
        item, _, _ = resolver.deref(raw_item, f"paths.{path}")
        if not isinstance(item, Mapping):
            continue
        full = (base.rstrip("/") + "/" + str(path).lstrip("/")) if base and base != "/" else str(path)
        shared: list[Any] = item["parameters"] if isinstance(item.get("parameters"), list) else []
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, Mapping):
                continue
            where = f"paths.{path}.{method}"
            op_notes: list[str] = []
            params, body = _parameters(resolver, shared, f"paths.{path}.parameters", full, op_notes)
            own: list[Any] = op["parameters"] if isinstance(op.get("parameters"), list) else []
            own_params, own_body = _parameters(resolver, own, f"{where}.parameters", full, op_notes)
            params.update(own_params)
            body = own_body or body
            operation = Operation(method.upper(), full, where, str(op.get("operationId") or ""), params)
            operation.notes = [f"{method.upper()} {full}: {n}" for n in op_notes]
            request, request_at, _ = resolver.deref(op.get("requestBody"), f"{where}.requestBody")
            media = _media_schema(request.get("content")) if isinstance(request, Mapping) else None
            if media is not None:
                operation.request = body_of(resolver, media[0], f"{request_at}.{media[1]}")
            elif body is not None:
                operation.request = body_of(resolver, body[0], body[1])
            responses = op.get("responses")
            for status, raw in (responses or {}).items() if isinstance(responses, Mapping) else []:
                response, response_at, _ = resolver.deref(raw, f"{where}.responses.{status}")
                if not isinstance(response, Mapping):
                    operation.responses[str(status)] = None
                    continue
                media = _media_schema(response.get("content"))
                if media is None and "schema" in response:  # Swagger 2.0
                    media = (response["schema"], "schema")
                operation.responses[str(status)] = (
                    body_of(resolver, media[0], f"{response_at}.{media[1]}") if media else None
                )
            notes.extend(operation.notes)
            operations.setdefault(operation.key, operation)
    return operations, notes
