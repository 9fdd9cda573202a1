"""Scenarios of the `status` faults (`sandbox/cdp_sandbox/faults/status.py`):
a documented status answered as another.

Each registers with `scenario` (tests/sandbox/faults/scenarios.py) and runs the same requests against the healthy
sandbox (spec-checked) and the faulty one; `test_catalog.py` runs them.
"""

from __future__ import annotations

import uuid

import httpx

from ..helpers import ORDER_V21
from .scenarios import LISTING, WRONG, Pair, consumer, order, scenario


@scenario("create-answers-200")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: c.post("/v2.1/orders", json=ORDER_V21).status_code)
    assert (ok, bad) == (201, 200)
    assert p.bad.post("/v2/orders", json={**ORDER_V21, "pointOfSale": "x"}).status_code == 201


@scenario("missing-ref-answers-500")
def _(p: Pair) -> None:
    path = f"/v2.1/orders/{uuid.uuid4()}"
    assert p.both(lambda c: c.get(path).status_code) == (404, 500)
    assert p.bad.get("/v2.1/nowhere").status_code == 404


@scenario("delete-order-answers-202")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: c.delete(f"/v2.1/orders/{order(c)['ref']}"))
    assert (ok.status_code, ok.content) == (204, b"")
    assert (bad.status_code, bad.content) == (202, b"")


@scenario("unauthorized-answers-403")
def _(p: Pair) -> None:
    statuses = p.ok_anon.get("/v2.1/orders", params=LISTING), p.bad_anon.get("/v2.1/orders", params=LISTING)
    assert tuple(r.status_code for r in statuses) == (401, 403)
    assert p.bad_anon.get("/v2.1/orders", params=LISTING, auth=WRONG).status_code == 403
    assert p.bad.get("/v2.1/orders", params=LISTING).status_code == 200


@scenario("uppercase-ref-not-found")
def _(p: Pair) -> None:
    for client, status in ((p.ok, 200), (p.bad, 404)):
        ref = order(client)["ref"]
        assert client.get(f"/v2.1/orders/{ref.upper()}").status_code == status
        assert client.get(f"/v2.1/orders/{ref}").status_code == 200
    assert p.bad_anon.get(f"/v2.1/orders/{ref.upper()}").status_code == 401


@scenario("retrieve-consumer-answers-201")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[int, int, int]:
        order_ref = order(c)["ref"]
        ref = consumer(c, order_ref)["ref"]
        got = c.get(f"/v2.1/orderConsumers/{ref}")
        assert got.json()["ref"] == ref
        legacy = c.get(f"/v2/orderConsumers/{ref}").status_code
        return got.status_code, legacy, c.get(f"/v2.1/orders/{order_ref}").status_code

    assert p.both(run) == ((200, 200, 200), (201, 200, 200))
