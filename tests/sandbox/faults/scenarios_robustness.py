"""Scenarios of the `robustness` faults (`sandbox/cdp_sandbox/faults/robustness.py`):
an input the API takes answered with a server error or a stall.

Each registers with `scenario` (tests/sandbox/faults/scenarios.py) and runs the same requests against the healthy
sandbox (spec-checked) and the faulty one; `test_catalog.py` runs them.
"""

from __future__ import annotations

import httpx
from cdp_sandbox import faults as F
from cdp_sandbox.messages import Request

from ..helpers import CONTACT_V21, ORDER_V21
from .scenarios import Pair, contact, order, scenario


@scenario("non-ascii-name-500")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> int:
        return c.post(
            f"/v2.1/orders/{order(c)['ref']}/contacts", json={**CONTACT_V21, "firstName": "Zoë"}
        ).status_code

    assert p.both(run) == (201, 500)
    assert contact(p.bad, order(p.bad)["ref"], firstName="Zoe")["firstName"] == "Zoe"


@scenario("large-number-500")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: c.post("/v2.1/orders", json={**ORDER_V21, "price": 3_000_000_000}).status_code)
    assert (ok, bad) == (201, 500)
    assert p.bad.post("/v2.1/orders", json={**ORDER_V21, "price": 2_000_000_000}).status_code == 201


@scenario("slow-order-delete")
def _(p: Pair) -> None:
    stalls = []
    for _ in range(F.MAX_HANGS + 1):
        ref = order(p.bad)["ref"]
        response, delay = p.faulty.answer(_request("DELETE", f"/v2.1/orders/{ref}", p.faulty))
        assert response.status == 204
        stalls.append(delay)
    assert stalls == [F.HANG_SECONDS] * F.MAX_HANGS + [0.0]
    assert F.HANG_SECONDS > 10.0  # the contract suite's response-time bound (conformance.toml)
    listed_ok, delay = p.faulty.answer(_request("GET", "/v2.1/orders", p.faulty, b"referenceId=x"))
    assert (listed_ok.status, delay) == (200, 0.0)


def _request(method: str, path: str, app: F.FaultyApp, query: bytes = b"") -> Request:
    return Request(method, path, query, "http://testserver", authorization=app.valid_authorization)
