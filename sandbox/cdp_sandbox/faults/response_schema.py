"""Faults of the category response-schema: answers whose bodies break their response schema."""

from __future__ import annotations

import re
from typing import Any

from .core import (
    ITEM_OPTIONAL,
    V21_ITEM,
    V21_ORDER,
    Injection,
    edit_doc,
    fault,
    pop_field,
)


@fault("order-ref-missing", "response-schema", "schemas.Order required [href, ref] (retrieveOrder 200)")
def _order_ref_missing() -> Injection:
    """GET /v2.1/orders/{ref} leaves out `ref`, which the Order schema requires."""
    return Injection(after=lambda hit, r, app: edit_doc(hit, r, {"retrieveOrder"}, pop_field("ref")))


@fault(
    "order-item-href-missing",
    "response-schema",
    "schemas.OrderItem required [href, ref] (createOrderItem, retrieveOrderItem, updateOrderItem, patchOrderItem)",
)
def _item_href_missing() -> Injection:
    """v2.1 order items come back without `href`."""
    return Injection(after=lambda hit, r, app: edit_doc(hit, r, V21_ITEM, pop_field("href")))


@fault("order-item-price-as-string", "response-schema", "schemas.OrderItem.price: type number")
def _price_string() -> Injection:
    """v2.1 order items carry `price` as a string ("105") instead of a number."""

    def edit(doc: dict[str, Any]) -> bool:
        price = doc.get("price")
        if isinstance(price, int | float) and not isinstance(price, bool):
            doc["price"] = str(price)
            return True
        return False

    return Injection(after=lambda hit, r, app: edit_doc(hit, r, V21_ITEM, edit))


@fault(
    "order-item-nulls",
    "response-schema",
    "schemas.OrderItem: no property is nullable (e.g. description: string, quantity: integer)",
)
def _item_nulls() -> Injection:
    """v2.1 order items write every optional field that is not set as `null`."""

    def edit(doc: dict[str, Any]) -> bool:
        missing = [name for name in ITEM_OPTIONAL if name not in doc]
        for name in missing:
            doc[name] = None
        return bool(missing)

    return Injection(after=lambda hit, r, app: edit_doc(hit, r, V21_ITEM, edit))


@fault(
    "order-status-outside-enum", "response-schema", "schemas.OrderStatus enum (Order.status on v2.1 orders)"
)
def _status_enum() -> Injection:
    """v2.1 orders report their status in lower case (`purchased`), a value outside the OrderStatus enum."""

    def edit(doc: dict[str, Any]) -> bool:
        status = doc.get("status")
        if isinstance(status, str) and status != status.lower():
            doc["status"] = status.lower()
            return True
        return False

    return Injection(after=lambda hit, r, app: edit_doc(hit, r, V21_ORDER, edit))


_STAMP = re.compile(r"^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d:\d\d)")


@fault(
    "malformed-timestamps",
    "response-schema",
    "schemas.DateTime: format date-time (createdAt, modifiedAt of every resource)",
)
def _malformed_dates() -> Injection:
    """`createdAt` and `modifiedAt` are written as `23/11/2026 00:06:07`, not as RFC 3339 date-times."""

    def edit(doc: dict[str, Any]) -> bool:
        changed = False
        for name in ("createdAt", "modifiedAt"):
            value = doc.get(name)
            found = _STAMP.match(value) if isinstance(value, str) else None
            if found is not None:
                year, month, day, clock = found.groups()
                doc[name] = f"{day}/{month}/{year} {clock}"
                changed = True
        return changed

    return Injection(after=lambda hit, r, app: edit_doc(hit, r, None, edit))


@fault(
    "order-items-as-array",
    "response-schema",
    "schemas.OrderItems: a Link, LinkPage or OrderItemPage (Order.orderItems on v2.1), never a plain array",
)
def _items_array() -> Injection:
    """v2.1 orders embed `orderItems` as a plain array (the legacy guest-context shape) instead of a link."""

    def edit(doc: dict[str, Any]) -> bool:
        items = doc.get("orderItems")
        if isinstance(items, dict):
            doc["orderItems"] = [items]
            return True
        return False

    return Injection(after=lambda hit, r, app: edit_doc(hit, r, V21_ORDER, edit))
