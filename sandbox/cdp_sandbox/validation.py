"""Turn a request's raw parameters and body into validated values, using only the compiled spec."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from .errors import ApiError, bad_request
from .spec import Operation, Param


def field_path(base: str, path: list[str | int]) -> str:
    """Render a JSON instance path the way Sitecore names fields: `identifiers[0].provider`."""
    text = base
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text = f"{text}.{part}" if text else str(part)
    return text or "body"


def describe(error: Any, base: str) -> ApiError:
    """One jsonschema-rs error as a Sitecore 400 that names the field."""
    kind = error.kind
    name = type(kind).__name__
    path = list(error.instance_path)
    problem = f"{_short(error.message)}."
    detail = None
    if name == "Required":
        path.append(kind.property)
        problem = "may not be null."
    elif name == "AdditionalProperties":
        path.append(kind.unexpected[0])
        problem = "unknown field."
        detail = "unrecognized field(s) " + ", ".join(kind.unexpected)
    elif name == "FalseSchema" and path:
        problem = "unknown field."
    elif name == "PropertyNames":
        path.append(str(kind.error.instance))
        problem = "is not an allowed key name."
        detail = _short(kind.error.message)
    elif name == "MaxProperties":
        problem = f"at most {kind.limit} properties are allowed."
    elif name in ("AnyOf", "OneOfNotValid"):
        problem = "does not match any allowed type or shape."
    return bad_request(field_path(base, path), problem, detail)


def _short(text: str) -> str:
    """Validator messages quote the instance; keep error bodies small whatever was sent."""
    return text if len(text) <= 200 else text[:197] + "..."


def check_value(param: Param, value: Any, status: int = 400) -> None:
    """Validate one coerced parameter value against its compiled schema."""
    if not param.validator.is_valid(value):
        error = next(iter(param.validator.iter_errors(value)))
        problem = describe(error, param.name)
        raise ApiError(status, problem.message, problem.developer_message)


def path_values(op: Operation, raw: dict[str, str]) -> dict[str, Any]:
    """Validated path parameters: a malformed ref or name matches no resource, hence 404."""
    values: dict[str, Any] = {}
    for param in op.path_params:
        text = raw.get(param.name)
        if text is None:
            raise bad_request(param.name, "may not be null.")
        value = param.coerce([text])
        check_value(param, value, 404)
        values[param.name] = value
    return values


def query_values(op: Operation, query_string: bytes) -> dict[str, Any]:
    """Validated query parameters; undeclared ones are ignored, defaults filled in."""
    params = op.query_params
    if not params:
        return {}
    parsed: dict[str, list[str]] = {}
    if query_string:
        try:
            parsed = parse_qs(query_string.decode("utf-8"), keep_blank_values=True, errors="strict")
        except (UnicodeDecodeError, ValueError):
            raise bad_request("query", "invalid query string (not UTF-8).") from None
    values: dict[str, Any] = {}
    for param in params:
        raw = parsed.get(param.name)
        if raw is None:
            if param.required:
                raise bad_request(param.name, "may not be null.")
            if param.has_default:
                values[param.name] = param.default
            continue
        value = param.coerce(raw)
        check_value(param, value)
        values[param.name] = value
    return values


def check_body(op: Operation, body: Any) -> None:
    """Validate a decoded body against the operation's request schema."""
    validator = op.body_validator
    if validator is not None and not validator.is_valid(body):
        raise describe(next(iter(validator.iter_errors(body))), "")
