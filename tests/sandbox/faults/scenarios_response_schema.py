"""Scenarios of the `response-schema` faults (`sandbox/cdp_sandbox/faults/response_schema.py`):
a response body off its schema.

Each registers with `scenario` (tests/sandbox/faults/scenarios.py) and runs the same requests against the healthy
sandbox (spec-checked) and the faulty one; `test_catalog.py` runs them.
"""

from __future__ import annotations

import re

from .scenarios import STAMP, Pair, item, order, scenario


@scenario("order-ref-missing")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: c.get(f"/v2.1/orders/{order(c)['ref']}").json())
    assert "ref" in ok and "ref" not in bad and "href" in bad
    assert "ref" in order(p.bad)


@scenario("order-item-href-missing")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: item(c, order(c)["ref"]))
    assert "href" in ok and "href" not in bad and "ref" in bad
    assert "href" not in p.bad.get(f"/v2.1/orderItems/{bad['ref']}").json()


@scenario("order-item-price-as-string")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: item(c, order(c)["ref"], price=105)["price"])
    assert (ok, bad) == (105, "105")


@scenario("order-item-nulls")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: c.get(f"/v2.1/orderItems/{item(c, order(c)['ref'])['ref']}").json())
    assert "quantity" not in ok and bad["quantity"] is None and bad["description"] is None
    assert bad["name"] == ok["name"]


@scenario("order-status-outside-enum")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: order(c, status="CONFIRMED")["status"])
    assert (ok, bad) == ("CONFIRMED", "confirmed")


@scenario("malformed-timestamps")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: order(c)["createdAt"])
    assert STAMP.match(ok)
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d", bad)


@scenario("order-items-as-array")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: order(c)["orderItems"])
    assert isinstance(ok, dict) and ok["href"].endswith("/orderItems")
    assert isinstance(bad, list) and len(bad) == 1 and bad[0]["href"].endswith("/orderItems")
