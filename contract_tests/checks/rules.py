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
