"""Faults of the category validation: requests the spec forbids that are accepted, and requests it allows that are refused."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from ..errors import error_body
from ..messages import Response
from ..storage import now
from .core import (
    CURRENCY_FIELDS,
    STORED_TEXT_LIMIT,
    V21_BIRTH_DATE,
    V21_ITEM,
    V21_ORDER,
    WRITE_METHODS,
    Forwarder,
    Hit,
    Injection,
    StoreHooks,
    edit_doc,
    fault,
    ignore_query,
    list_op,
)


@fault(
    "lowercase-currency-accepted",
    "validation",
    "schemas.CurrencyCode pattern ^[A-Z]{3}$ (currencyCode, originalCurrencyCode in every request body)",
)
def _lowercase_currency() -> Injection:
    """Currency codes in any case are accepted (`eur` is stored as `EUR`) instead of answering 400."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        body = hit.body()
        if not isinstance(body, dict):
            return None
        fixed = dict(body)
        for name in CURRENCY_FIELDS:
            value = fixed.get(name)
            if isinstance(value, str) and len(value) == 3 and value.isalpha() and value.isascii():
                fixed[name] = value.upper()
        if fixed != body:
            hit.set_body(fixed)
        return None

    return Injection(before=change)


@fault(
    "missing-required-accepted",
    "validation",
    "schemas.OrderCreate required [referenceId, orderedAt, currencyCode, price] (createOrder 400)",
)
def _missing_required() -> Injection:
    """POST /v2.1/orders fills in missing required fields (price 0, EUR, now, UNKNOWN) instead of answering 400."""
    defaults = {"referenceId": "UNKNOWN", "currencyCode": "EUR", "price": 0}

    def change(hit: Hit, app: Forwarder) -> Response | None:
        body = hit.body()
        if not hit.op("createOrder") or not isinstance(body, dict):
            return None
        filled = {**defaults, "orderedAt": now(), **body}
        if filled != body:
            hit.set_body(filled)
        return None

    return Injection(before=change)


@fault(
    "wrong-type-accepted",
    "validation",
    "schemas.OrderCreate/OrderPatch/OrderItemCreate/OrderItemPatch price: type number (400 otherwise)",
)
def _wrong_type() -> Injection:
    """A v2.1 order or item `price` of the wrong type is read leniently (a numeric string as its number, else 0)."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        body = hit.body()
        if not hit.op(V21_ORDER, V21_ITEM) or not isinstance(body, dict) or "price" not in body:
            return None
        price = body["price"]
        if isinstance(price, int | float) and not isinstance(price, bool):
            return None
        try:
            number = float(price) if isinstance(price, str) else 0.0
        except ValueError:
            number = 0.0
        if not math.isfinite(number):
            number = 0.0
        hit.set_body({**body, "price": number})
        return None

    return Injection(before=change)


@fault(
    "valid-optional-rejected",
    "validation",
    "schemas.OrderCreate.paymentType: a documented optional field (createOrder must accept it)",
)
def _optional_rejected() -> Injection:
    """POST /v2.1/orders refuses the documented optional field `paymentType` with 400."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        body = hit.body()
        if hit.op("createOrder") and isinstance(body, dict) and "paymentType" in body:
            return Response(400, error_body(400, "paymentType: unknown field."))
        return None

    return Injection(before=change)


@fault(
    "limit-ignored",
    "validation",
    "components.parameters.Limit: the maximum number of items per page (every list operation)",
)
def _limit_ignored() -> Injection:
    """Lists always page by 10, whatever `limit` asks, while echoing the asked limit."""

    def before(hit: Hit, app: Forwarder) -> Response | None:
        asked = hit.param("limit") if list_op(hit) else None
        if asked is not None and asked.isdigit():
            hit.notes["limit"] = int(asked)
            hit.drop_query("limit")
        return None

    def after(hit: Hit, response: Response, app: Forwarder) -> Response:
        asked = hit.notes.get("limit")
        if asked is None:
            return response

        def edit(doc: dict[str, Any]) -> bool:
            doc["limit"] = asked
            return True

        return edit_doc(hit, response, None, edit)

    return Injection(before=before, after=after)


@fault(
    "offset-ignored",
    "validation",
    "components.parameters.Offset: leading items to skip (every list operation)",
)
def _offset_ignored() -> Injection:
    """Lists always start at the first item (and say offset 0), whatever `offset` asks."""
    return ignore_query(list_op, "offset")


@fault(
    "expand-ignored",
    "validation",
    "components.parameters.Expand: with expand=true a page holds full resources (v2.1 lists)",
)
def _expand_ignored() -> Injection:
    """`expand=true` on a v2.1 list is ignored: bare links come back."""
    return ignore_query(list_op, "expand")


@fault(
    "reference-filter-ignored",
    "validation",
    "listOrders query parameter referenceId: only orders with that referenceId are listed",
)
def _reference_filter_ignored() -> Injection:
    """GET /v2.1/orders ignores `referenceId` and lists every order (the parameter is still required)."""
    return Injection(store=StoreHooks(ignored_filters=lambda hit: _when(hit, {"listOrders"}, "referenceId")))


def _when(hit: Hit | None, operations: set[str], field: str) -> frozenset[str]:
    """`{field}` while the request is one of `operations`, else nothing."""
    return frozenset({field}) if hit is not None and hit.op(*operations) else frozenset()


@fault(
    "guest-filter-ignored",
    "validation",
    "listOrders/legacyListOrders query parameter guestRef: only orders whose contacts name that guest are listed",
)
def _guest_filter_ignored() -> Injection:
    """Both order lists ignore `guestRef` and list every order (the parameter is still required and checked)."""
    return Injection(
        store=StoreHooks(ignored_filters=lambda hit: _when(hit, {"listOrders", "legacyListOrders"}, "guest"))
    )


@fault(
    "negative-offset-accepted",
    "validation",
    "components.parameters.Offset: minimum 0 (every list refuses offset=-1 with 400)",
)
def _negative_offset_accepted() -> Injection:
    """Lists serve a negative `offset` as 0 instead of refusing it (the page echoes offset 0)."""

    def before(hit: Hit, app: Forwarder) -> Response | None:
        asked = hit.param("offset") if list_op(hit) else None
        if asked is not None and asked.lstrip("-").isdigit() and int(asked) < 0:
            hit.set_query([(k, "0" if k == "offset" else v) for k, v in hit.query() or []])
        return None

    return Injection(before=before)


@fault(
    "long-strings-refused",
    "validation",
    "request schemas: a string with no maxLength is valid at any length (edge_values_accepted on the edge writes)",
)
def _long_strings_refused() -> Injection:
    """A write whose body holds a string longer than 255 characters is refused with 400, a bound no page states."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        body = hit.body()
        if hit.method not in WRITE_METHODS or not isinstance(body, dict):
            return None
        for name, value in body.items():
            values = value if isinstance(value, list) else [value]
            if any(isinstance(v, str) and len(v) > STORED_TEXT_LIMIT for v in values):
                return Response(400, error_body(400, f"{name}: at most {STORED_TEXT_LIMIT} characters."))
        return None

    return Injection(before=change)


@fault(
    "future-birth-date-accepted",
    "validation",
    "OrderContactCreate/OrderConsumerCreate.dateOfBirth must lie in the past (info.description; 400 otherwise)",
)
def _future_birth_date() -> Injection:
    """A v2.1 contact or consumer with a future `dateOfBirth` is accepted (the year is silently moved to 1990)."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        body = hit.body()
        if not hit.op(V21_BIRTH_DATE) or not isinstance(body, dict):
            return None
        born = body.get("dateOfBirth")
        if isinstance(born, str) and born[:4].isdigit() and int(born[:4]) > datetime.now(UTC).year:
            hit.set_body({**body, "dateOfBirth": "1990" + born[4:]})
        return None

    return Injection(before=change)


@fault(
    "unfiltered-legacy-list-accepted",
    "validation",
    "legacyListOrders: referenceId or guestRef is required (description; 400 otherwise)",
)
def _unfiltered_legacy_list() -> Injection:
    """GET /v2/orders without referenceId or guestRef answers 200 with an empty page instead of 400."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        if hit.op("legacyListOrders") and not (hit.param("referenceId") or hit.param("guestRef")):
            hit.set_query([*(hit.query() or []), ("referenceId", "no-such-order")])
        return None

    return Injection(before=change)


@fault(
    "pair-limit-unenforced",
    "validation",
    "patchOrderDataExtension/patchOrderItemDataExtension: at most 100 pairs after a partial update (400 otherwise)",
)
def _pair_limit() -> Injection:
    """A PATCH that would take a data extension past 100 pairs answers 200 (and stores nothing)."""

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        if response.status != 400 or not hit.op("patchOrderDataExtension", "patchOrderItemDataExtension"):
            return response
        if b"at most" not in response.body:
            return response
        current = app.forward(replace(hit.request, method="GET", query_string=b"", body=b""))
        return Response(200, current.body) if current.status == 200 else response

    return Injection(after=change)


_CLOSED_BODIES = {
    "createOrder": "OrderCreate",
    "updateOrder": "OrderCreate",
    "patchOrder": "OrderPatch",
    "legacyCreateOrderItem": "LegacyOrderItemCreate",
    "legacyUpdateOrderItem": "LegacyOrderItemCreate",
    "legacyCreateOrderContact": "LegacyOrderContactCreate",
    "legacyUpdateOrderContact": "LegacyOrderContactCreate",
    "createOrderConsumer": "OrderConsumerCreate",
    "updateOrderConsumer": "OrderConsumerCreate",
}


@fault(
    "unknown-field-accepted",
    "validation",
    "info.description 'Requests are strict': OrderCreate, OrderPatch, ... additionalProperties false (400 on an unknown field)",
)
def _unknown_field() -> Injection:
    """Strict request bodies (those whose page lists every field) accept unknown fields and drop them silently
    instead of answering 400."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        schema = _CLOSED_BODIES.get(hit.operation_id or "")
        body = hit.body()
        if schema is None or not isinstance(body, dict):
            return None
        known = app.spec.document["components"]["schemas"][schema].get("properties", {})
        kept = {k: v for k, v in body.items() if k in known}
        if kept != body:
            hit.set_body(kept)
        return None

    return Injection(before=change)


_ORDER_WRITES = frozenset(
    {"createOrder", "updateOrder", "patchOrder", "legacyCreateOrder", "legacyUpdateOrder"}
)


@fault(
    "status-outside-enum-accepted",
    "validation",
    "schemas.OrderStatus/LegacyOrderStatus enum: an order status outside the enum is refused with 400",
)
def _status_outside_enum() -> Injection:
    """An order `status` outside the enumeration is accepted and stored as `UNKNOWN` instead of answering 400."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        body = hit.body()
        if not hit.op(_ORDER_WRITES) or not isinstance(body, dict) or not isinstance(body.get("status"), str):
            return None
        schemas = app.spec.document["components"]["schemas"]
        allowed = set(schemas["OrderStatus"]["enum"]) | set(schemas["LegacyOrderStatus"]["enum"])
        if body["status"] not in allowed:
            hit.set_body({**body, "status": "UNKNOWN"})
        return None

    return Injection(before=change)


@fault(
    "empty-reference-id-accepted",
    "validation",
    "schemas.OrderCreate/LegacyOrderCreate referenceId minLength 1: an empty referenceId is refused with 400",
)
def _empty_reference() -> Injection:
    """An order with an empty `referenceId` is accepted (stored as `UNKNOWN`) instead of answering 400."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        body = hit.body()
        if hit.op(_ORDER_WRITES) and isinstance(body, dict) and body.get("referenceId") == "":
            hit.set_body({**body, "referenceId": "UNKNOWN"})
        return None

    return Injection(before=change)


@fault(
    "reference-filter-prefix-match",
    "validation",
    "listOrders/legacyListOrders query parameter referenceId: only orders with exactly that referenceId are listed",
)
def _reference_prefix() -> Injection:
    """Order lists match `referenceId` as a prefix: asking for `B94TXY-1` also lists `B94TXY-1-OTHER` (a filter
    that matches too much; every page is well-formed)."""
    return Injection(
        store=StoreHooks(
            reference_prefix=lambda hit: hit is not None and hit.op("listOrders", "legacyListOrders")
        )
    )


@fault(
    "legacy-expand-ignored",
    "validation",
    "legacyRetrieveOrder query parameter expand=orderItems: the order's items come as a page of full items",
)
def _legacy_expand_ignored() -> Injection:
    """GET /v2/orders/{ref}?expand=orderItems ignores `expand`: the order's `orderItems` is the bare link to its
    items, as without it (the v2.1 lists' `expand=true` is honoured)."""
    return ignore_query(lambda hit: hit.op("legacyRetrieveOrder"), "expand")


@fault(
    "default-limit-20",
    "validation",
    "components.parameters.Limit default 10: a list asked without `limit` holds at most 10 items and says limit 10",
)
def _default_limit_20() -> Injection:
    """A list asked without `limit` pages by 20 (and says limit 20) instead of the default 10; an asked `limit`
    is honoured."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        pairs = hit.query() if list_op(hit) else None
        if pairs is not None and not any(k == "limit" for k, _ in pairs):
            hit.set_query([*pairs, ("limit", "20")])
        return None

    return Injection(before=change)
