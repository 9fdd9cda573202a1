"""Shared access to spec/openapi.yaml for tests: loading, schema validators, and the examples it holds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from cdp_openapi import refs

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "spec" / "openapi.yaml"
SHARED = ROOT.parent / "shared"
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
_SPEC_URI = "urn:cdp-order-spec"


@cache
def load_spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as handle:
        spec: dict[str, Any] = yaml.safe_load(handle)
    return spec


@cache
def _registry() -> Registry:
    registry: Registry = Registry().with_resource(_SPEC_URI, DRAFT202012.create_resource(load_spec()))
    return registry


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """A validator for a schema taken from the spec; its local `$ref`s resolve against the whole spec."""
    rebased = json.loads(json.dumps(schema).replace('"#/components/', f'"{_SPEC_URI}#/components/'))
    return jsonschema.Draft202012Validator(
        rebased, registry=_registry(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def component_validator(name: str) -> jsonschema.Draft202012Validator:
    return validator({"$ref": f"#/components/schemas/{name}"})


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(METHOD, path, operation object) for every operation in the spec."""
    for path, item in load_spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield method.upper(), path, item[method]


def operation(operation_id: str) -> dict[str, Any]:
    for _method, _path, op in operations():
        if op["operationId"] == operation_id:
            return op
    raise KeyError(operation_id)


def resolve_response(response: dict[str, Any]) -> dict[str, Any]:
    resolved: dict[str, Any] = refs.resolve(load_spec(), response)
    return resolved


def request_schema(operation_id: str) -> dict[str, Any]:
    schema: dict[str, Any] = operation(operation_id)["requestBody"]["content"]["application/json"]["schema"]
    return schema


def response_schema(operation_id: str, status: str) -> dict[str, Any]:
    response = resolve_response(operation(operation_id)["responses"][status])
    schema: dict[str, Any] = response["content"]["application/json"]["schema"]
    return schema


@dataclass(frozen=True)
class Example:
    """One example written in the spec, with the schema it must satisfy."""

    where: str
    schema: dict[str, Any]
    value: Any
    is_response: bool


def examples() -> Iterator[Example]:
    """Every example in the spec: request bodies, responses (inline and shared), and schema-level ones."""
    spec = load_spec()
    for _method, _path, op in operations():
        media = op.get("requestBody", {}).get("content", {}).get("application/json", {})
        if "example" in media:
            yield Example(f"{op['operationId']} request", media["schema"], media["example"], False)
        for status, response in op["responses"].items():
            if "$ref" in response:
                continue  # shared responses are yielded once below
            media = response.get("content", {}).get("application/json", {})
            if "example" in media:
                yield Example(f"{op['operationId']} {status}", media["schema"], media["example"], True)
    for name, response in spec["components"]["responses"].items():
        media = response["content"]["application/json"]
        yield Example(f"responses/{name}", media["schema"], media["example"], True)
    for name, schema in spec["components"]["schemas"].items():
        if "example" in schema:
            yield Example(
                f"schemas/{name}", {"$ref": f"#/components/schemas/{name}"}, schema["example"], False
            )
