"""Opt-in response validation: `SitecoreCDP(..., validate_responses="warn" | "raise")`.

Hand-written; scripts/regenerate copies it into the package. Each generated operation module carries
`_RESPONSES`, its documented statuses and what each body holds, and each model module its `SHAPE` (the
fields the spec requires and their types, enumerations and formats, from the project's model template), so a
response can be judged without the spec file or a JSON Schema library. Rules, each named in the error:

- "status is documented": a status below 500 (other than 429) the operation does not list; server
  errors and rate limiting are the API's weather, not drift, and keep their APIError;
- "content type is JSON": a documented body sent as something else;
- "body is JSON": a body that does not decode;
- "body fits the schema": the first place where the body breaks the schema (`$.items[0].status: ...`).

Patterns and lengths are not carried into the shapes, so they are not judged here (the contract suite does).
With "raise" a broken rule is an `APIResponseValidationError` naming it; with "warn" it is one WARNING line on
the `sitecore_cdp_client` logger and the call goes on as without validation.
"""

from __future__ import annotations

import datetime
import importlib
import json
from collections.abc import Iterator, Mapping
from typing import Any, Literal

import httpx

from ._errors import APIResponseValidationError
from ._logging import logger

__all__ = ["Mode", "judge", "problems"]

Mode = Literal["warn", "raise"]
_MAX_PROBLEMS = 3


def judge(response: httpx.Response, documented: Mapping[int, Any], mode: Mode) -> None:
    """Check one response against its operation's documented responses; raise or log what breaks."""
    broken = _first_broken(response, documented)
    if broken is None:
        return
    rule, detail = broken
    if mode == "raise":
        raise APIResponseValidationError.from_response(response, rule, detail)
    request = response.request
    logger.warning(
        "response breaks the spec: %s %s -> %d breaks the rule %r: %s",
        request.method,
        request.url.path,
        response.status_code,
        rule,
        detail,
    )


def _first_broken(response: httpx.Response, documented: Mapping[int, Any]) -> tuple[str, str] | None:
    status = response.status_code
    if status not in documented:
        if status >= 500 or status == 429:
            return None
        listed = ", ".join(str(s) for s in sorted(documented))
        return "status is documented", f"{status} is not among the documented {listed}"
    expected = documented[status]
    return None if expected is None else _body_broken(response, expected)


def _body_broken(response: httpx.Response, expected: Mapping[str, Any]) -> tuple[str, str] | None:
    media = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media != "application/json" and not media.endswith("+json"):
        return "content type is JSON", f"got {media or 'no content type'!r}"
    try:
        body = json.loads(response.content)
    except ValueError as exc:
        return "body is JSON", str(exc)
    found = list(_take(problems(body, expected), _MAX_PROBLEMS))
    return ("body fits the schema", "; ".join(found)) if found else None


def _take(items: Iterator[str], count: int) -> Iterator[str]:
    for index, item in enumerate(items):
        if index >= count:
            return
        yield item


def _shape_of(model: str) -> Mapping[str, Any]:
    module = importlib.import_module(f"{__package__}.models")
    cls = getattr(module, model)
    return importlib.import_module(cls.__module__).SHAPE  # type: ignore[no-any-return]


_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}


def problems(value: Any, shape: Mapping[str, Any], path: str = "$") -> Iterator[str]:
    """Every way `value` breaks `shape`, as `path: what` lines."""
    if "model" in shape:
        yield from _model_problems(value, _shape_of(shape["model"]), path)
    elif "array" in shape:
        if not isinstance(value, list):
            yield f"{path}: expected an array, got {_kind(value)}"
            return
        for index, item in enumerate(value):
            yield from problems(item, shape["array"], f"{path}[{index}]")
    elif "any_of" in shape:
        options = [list(_take(problems(value, option, path), 1)) for option in shape["any_of"]]
        if all(options):
            yield f"{path}: fits none of its {len(options)} documented shapes ({options[0][0]})"
    elif "enum" in shape:
        if value not in shape["enum"]:
            yield f"{path}: {value!r} is not one of {shape['enum']}"
    elif "const" in shape:
        if value != shape["const"]:
            yield f"{path}: expected {shape['const']!r}, got {value!r}"
    elif "type" in shape:
        yield from _type_problems(value, shape, path)


def _type_problems(value: Any, shape: Mapping[str, Any], path: str) -> Iterator[str]:
    kind = shape["type"]
    if kind == "null":
        if value is not None:
            yield f"{path}: expected null, got {_kind(value)}"
        return
    allowed = _TYPES[kind]
    if not isinstance(value, allowed) or (isinstance(value, bool) and kind != "boolean"):
        yield f"{path}: expected {kind}, got {_kind(value)}"
        return
    fmt = shape.get("format")
    try:
        if fmt == "date-time":
            datetime.datetime.fromisoformat(str(value))
        elif fmt == "date":
            datetime.date.fromisoformat(str(value))
    except ValueError:
        yield f"{path}: {value!r} is not a {fmt}"


def _model_problems(value: Any, shape: Mapping[str, Any], path: str) -> Iterator[str]:
    if not isinstance(value, dict):
        yield f"{path}: expected an object ({shape['name']}), got {_kind(value)}"
        return
    for name in shape["required"]:
        if name not in value:
            yield f"{path}: missing required {name!r} ({shape['name']})"
    known: Mapping[str, Any] = shape["properties"]
    additional = shape["additional"]
    for key, item in value.items():
        if key in known:
            yield from problems(item, known[key], f"{path}.{key}")
        elif additional is False:
            yield f"{path}: unknown {key!r} ({shape['name']} allows no other fields)"
        else:
            yield from problems(item, additional, f"{path}.{key}")


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__
