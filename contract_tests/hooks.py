"""Hooks that keep POSITIVE cases inside the rules the schemas cannot express.

Without them a schema-valid request the API rightly rejects (a future date of birth, both list filters at
once) would be reported by positive_data_acceptance as a deviation. Negative cases are left untouched: the
API must still reject them. Each rule is also listed, with its reason, in conformance.toml [[rules]].
A last step tags referenceIds with the run's prefix on targets the suite does not own. `RunContext.send`
applies them to every case of every phase (schemathesis' map_case hooks do not reach explicit examples).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeAlias

from schemathesis import GenerationMode
from schemathesis.core.failures import Failure

from .model import ApiModel
from .state import ResourceState, parent_key, resource_key

if TYPE_CHECKING:  # schemathesis names the OpenAPI case type for type checkers only
    from schemathesis.specs.openapi.schemas import OpenApiCase

# Any valid ref works: the rule is about which parameters are present, not about a guest existing.
FILLER_GUEST_REF = "f7aabbca-1c1b-4fc2-be72-3e16294a4f03"
FILLER_REFERENCE_ID = "B94TXY-1"
PAST_YEAR = "1992"  # a leap year, so a generated 29 February stays a valid date
BIRTH_DATE_OPERATIONS = frozenset(
    {
        "createOrderContact",
        "updateOrderContact",
        "patchOrderContact",
        "createOrderConsumer",
        "updateOrderConsumer",
        "patchOrderConsumer",
    }
)
REFERENCE_ID_BODY_OPERATIONS = frozenset(
    {"legacyCreateOrder", "legacyUpdateOrder", "createOrder", "updateOrder"}
)
REFERENCE_ID_QUERY_OPERATIONS = frozenset({"legacyListOrders", "listOrders"})
_YEAR = re.compile(r"^[0-9]{4}")


def is_positive(case: OpenApiCase) -> bool:
    """Whether a generated case claims to be schema-valid."""
    meta = case.meta
    return meta is None or meta.generation.mode is GenerationMode.POSITIVE


def keep_legacy_list_filtered(query: dict[str, Any]) -> dict[str, Any]:
    """GET /v2/orders needs referenceId or guestRef: add referenceId when neither is there."""
    if "referenceId" not in query and "guestRef" not in query:
        query["referenceId"] = FILLER_REFERENCE_ID
    return query


def keep_list_filters_exclusive(query: dict[str, Any]) -> dict[str, Any]:
    """GET /v2.1/orders: exactly one of the two filters; sort=orderedAt only with guestRef."""
    if query.get("sort") == "orderedAt":
        query.pop("referenceId", None)
        query.setdefault("guestRef", FILLER_GUEST_REF)
    elif "referenceId" in query and "guestRef" in query:
        query.pop("guestRef")
    elif "referenceId" not in query and "guestRef" not in query:
        query["referenceId"] = FILLER_REFERENCE_ID
    return query


def past_birth_date(value: str, now: datetime | None = None) -> str | None:
    """The same date-time moved to 1992 if it lies in the future; None when it is already past or unparsable."""
    try:
        born = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    if born.tzinfo is None:
        born = born.replace(tzinfo=UTC)
    if born < (now or datetime.now(UTC)):
        return None
    return _YEAR.sub(PAST_YEAR, value, count=1)


def keep_birth_date_past(body: dict[str, Any]) -> dict[str, Any]:
    """v2.1 contacts and consumers: dateOfBirth must lie in the past."""
    value = body.get("dateOfBirth")
    if isinstance(value, str):
        fixed = past_birth_date(value)
        if fixed is not None:
            body["dateOfBirth"] = fixed
    return body


def tag_reference_id(value: Any, prefix: str) -> Any:
    """Prefix a referenceId with the run's tag (once)."""
    if isinstance(value, str) and not value.startswith(prefix):
        return prefix + value
    return value


def shape_case(case: OpenApiCase, model: ApiModel, reference_prefix: str | None) -> OpenApiCase:
    """Apply the rules above to one positive case, just before it is sent (every phase passes here); on a target
    the suite does not own, tag referenceIds with `reference_prefix`."""
    info = model.by_label(case.operation.label)
    if info is None or not is_positive(case):
        return case
    op_id = info.operation_id
    if op_id == "legacyListOrders" and isinstance(case.query, dict):
        keep_legacy_list_filtered(case.query)
    elif op_id == "listOrders" and isinstance(case.query, dict):
        keep_list_filters_exclusive(case.query)
    elif op_id in BIRTH_DATE_OPERATIONS and isinstance(case.body, dict):
        keep_birth_date_past(case.body)
    prefix = reference_prefix
    if prefix is not None:
        if (
            op_id in REFERENCE_ID_BODY_OPERATIONS
            and isinstance(case.body, dict)
            and "referenceId" in case.body
        ):
            case.body["referenceId"] = tag_reference_id(case.body["referenceId"], prefix)
        if (
            op_id in REFERENCE_ID_QUERY_OPERATIONS
            and isinstance(case.query, dict)
            and "referenceId" in case.query
        ):
            case.query["referenceId"] = tag_reference_id(case.query["referenceId"], prefix)
    return case


def deleted_elsewhere(model: ApiModel, state: ResourceState, failure: Failure, case: OpenApiCase) -> bool:
    """An ensure_resource_availability failure about a resource the suite saw deleted (e.g. through the other
    API version, which the built-in check does not recognise as the same resource)."""
    if "ensure_resource_availability" not in getattr(failure, "checks", ()):
        return False
    info = model.by_label(case.operation.label)
    if info is None:
        return False
    params = dict(case.path_parameters or {})
    keys = (parent_key(info, params), resource_key(info, params, None))
    return any(key is not None and key in state.deleted for key in keys)


Narrowing: TypeAlias = "Callable[[ApiModel, ResourceState, Failure, OpenApiCase], bool]"
"""Whether to drop one failure of a built-in check, given what the suite knows of the target."""

# Failure filters conformance.toml may name under [[narrowed]] (each with its reason there).
NARROWINGS: dict[str, Narrowing] = {"deleted-through-other-version": deleted_elsewhere}
