"""Documented request rules the schemas cannot express, and strict bodies: a request that breaks them is refused."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import jsonschema_rs
from schemathesis import CheckContext, Response

from ..check_registry import custom
from ..hooks import BIRTH_DATE_OPERATIONS, past_birth_date
from ..model import Action, ApiModel, Kind
from .exchange import view

if TYPE_CHECKING:
    from schemathesis.specs.openapi.schemas import OpenApiCase


@custom
def birth_date_in_past_enforced(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """A v2.1 contact or consumer whose dateOfBirth lies in the future is refused. Spec: info.description and the
    contact/consumer operations ("dateOfBirth must lie in the past")."""
    v = view(response, case)
    if v is None or v.info.operation_id not in BIRTH_DATE_OPERATIONS or v.sent is None:
        return True
    born = v.sent.get("dateOfBirth")
    if not isinstance(born, str) or past_birth_date(born) is None:
        return True
    assert not v.ok, (
        f"dateOfBirth {born} lies in the future, yet the {v.info.operation_id} was accepted ({v.status})"
    )
    return None


@custom
def list_filter_rules_enforced(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """The order lists' cross-parameter rules hold: GET /v2/orders and GET /v2.1/orders without referenceId and
    guestRef, GET /v2.1/orders with both, or with sort=orderedAt but no guestRef, are refused. Spec:
    legacyListOrders and listOrders descriptions (x-query-rules), info.description; page order/retrieveorders."""
    v = view(response, case)
    if v is None or v.info.kind is not Kind.ORDER or v.info.action is not Action.LIST:
        return True
    q = v.query
    neither = "referenceId" not in q and "guestRef" not in q
    if v.info.legacy:
        broken = neither
    else:
        broken = (
            neither
            or ("referenceId" in q and "guestRef" in q)
            or (q.get("sort") == "orderedAt" and "guestRef" not in q)
        )
    if not broken:
        return True
    assert not v.ok, f"GET {v.info.path} with {sorted(q)} breaks the documented rule, yet answered {v.status}"
    return None


_BODY_VALIDATORS: dict[str, jsonschema_rs.Validator] = {}


def body_errors(model: ApiModel, operation_id: str, body: Any) -> list[str]:
    """Where a request body breaks the operation's request schema (formats included), first few."""
    validator = _BODY_VALIDATORS.get(operation_id)
    if validator is None:
        schema = model.request_schema(operation_id)
        if schema is None:
            return []
        root = {**schema, "components": model.document.get("components", {})}
        root.setdefault("$schema", "https://json-schema.org/draft/2020-12/schema")
        validator = jsonschema_rs.validator_for(root, validate_formats=True)
        _BODY_VALIDATORS[operation_id] = validator
    found = []
    for error in validator.iter_errors(body):
        where = "/".join(str(p) for p in error.instance_path) or "body"
        found.append(f"{where}: {error.message}")
        if len(found) >= 3:
            break
    return found


@custom
def invalid_body_rejected(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """A request body that breaks the operation's request schema is refused, whoever built it: schemathesis' negative
    cases are judged by negative_data_rejection, this judges every other request (the workflows break rules on
    purpose, e.g. a lower-case currency). Spec: info.description "Requests are strict" (required fields, enums,
    upper-case ISO 4217 currencies `^[A-Z]{3}$`, unknown fields rejected); each operation's requestBody schema."""
    v = view(response, case)
    if (
        v is None
        or v.sent is None
        or not v.ok
        or v.info.action
        not in (
            Action.CREATE,
            Action.REPLACE,
            Action.PATCH,
        )
    ):
        return True
    errors = body_errors(v.model, v.info.operation_id, v.sent)
    if not errors:
        return True
    assert not errors, f"{v.info.operation_id} accepted ({v.status}) a body its schema forbids: " + "; ".join(
        errors
    )
    return None


_QUERY_VALIDATORS: dict[tuple[str, str], jsonschema_rs.Validator | None] = {}


def query_errors(model: ApiModel, operation_id: str, query: dict[str, Any]) -> list[str]:
    """Which query parameters break their schemas (offset below 0, limit below 1, a sort outside its values)."""
    found = []
    for name, param in model.query_parameters(operation_id).items():
        if name not in query:
            continue
        key = (operation_id, name)
        if key not in _QUERY_VALIDATORS:
            schema = model.resolve(param.get("schema")) if param.get("schema") else None
            _QUERY_VALIDATORS[key] = (
                jsonschema_rs.validator_for({**schema, "components": model.document.get("components", {})})
                if isinstance(schema, dict)
                else None
            )
        validator = _QUERY_VALIDATORS[key]
        if validator is not None and not validator.is_valid(
            _as_sent(query[name], param.get("schema"), model)
        ):
            found.append(f"{name}={query[name]!r}")
    return found


def _as_sent(value: Any, schema: Any, model: ApiModel) -> Any:
    """A query value as the parameter's schema reads it: a URL carries `true` and `-1` as text."""
    kind = (model.resolve(schema) or {}).get("type") if isinstance(schema, dict) else None
    if not isinstance(value, str) or kind not in ("integer", "number", "boolean"):
        return value
    if kind == "boolean":
        return {"true": True, "false": False}.get(value, value)
    try:
        number = float(value) if kind == "number" else int(value)
    except ValueError:
        return value
    return number


@custom
def invalid_query_rejected(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """A query parameter outside its schema (offset below 0, limit below 1, expand not a boolean, a sort outside
    its values) is refused, whoever sent it: schemathesis' negative cases are judged by negative_data_rejection
    (which excuses a case whose other parameters are valid), this judges every other request (the workflows send
    offset=-1 and limit=0 to lists that exist). Spec: components.parameters Offset, Limit, Expand; each list's
    query parameters."""
    v = view(response, case)
    if v is None or not v.ok or not v.query:
        return True
    meta = case.meta
    if meta is not None and meta.generation.mode.is_negative:
        return True
    errors = query_errors(v.model, v.info.operation_id, v.query)
    if not errors:
        return True
    raise AssertionError(
        f"{v.info.operation_id} accepted ({v.status}) query parameters outside their schemas: "
        + ", ".join(errors)
    )
