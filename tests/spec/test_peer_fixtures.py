"""The orders a live tenant returned (../shared/peer-fixtures/) validate against the v2 order schema."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests._spec import SHARED, component_validator

FIXTURE = SHARED / "peer-fixtures" / "sitecorena-guestcontext-v2-orders.json"
pytestmark = pytest.mark.skipif(not FIXTURE.is_file(), reason=f"peer fixture not found at {FIXTURE}")


def _orders() -> list[dict[str, Any]]:
    orders: list[dict[str, Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))["orders"]
    return orders


def test_fixture_holds_the_twenty_recorded_orders() -> None:
    assert len(_orders()) == 20


@pytest.mark.parametrize("index", range(20))
def test_real_order_validates_against_legacy_order(index: int) -> None:
    order = _orders()[index]
    assert list(component_validator("LegacyOrder").iter_errors(order)) == []


def test_real_items_are_read_as_the_plain_array_shape() -> None:
    order = _orders()[0]
    assert isinstance(order["orderItems"], list)
    validator = component_validator("LegacyOrderItem")
    assert all(validator.is_valid(item) for item in order["orderItems"])


def test_a_tampered_real_order_is_rejected() -> None:
    """The tolerant schema still has teeth: a string price or a missing ref fails."""
    order = dict(_orders()[0])
    validator = component_validator("LegacyOrder")
    assert not validator.is_valid({**order, "price": "100"})
    assert not validator.is_valid({k: v for k, v in order.items() if k != "ref"})
    assert not validator.is_valid({**order, "createdAt": "yesterday"})
