"""The fault scenarios' registry and the steps they share (a helper module, not a test module).

A scenario runs the same requests against a healthy sandbox (whose answers are checked against the spec) and against
a sandbox with one fault, and asserts both sides. Each lives in `scenarios_<category>.py`, the namesake of its fault's
category module under `sandbox/cdp_sandbox/faults/`, and registers itself with `@scenario(name)`;
`test_catalog.py` imports every scenarios module and runs them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from cdp_sandbox import SandboxApp
from cdp_sandbox import faults as F

from ..helpers import AUTH, CONSUMER_V21, CONTACT_V21, ITEM_V21, ORDER_V21, ASGITransport, SpecChecker

WRONG = ("sandbox-client-key", "not-the-token")
# GET /v2.1/orders needs exactly one of referenceId / guestRef (400 otherwise): the filter of a plain listing.
LISTING = {"referenceId": str(ORDER_V21["referenceId"])}
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


@dataclass
class Pair:
    """The same client calls against a healthy sandbox (`ok`, spec-checked) and a faulty one (`bad`)."""

    ok: httpx.Client
    bad: httpx.Client
    ok_anon: httpx.Client
    bad_anon: httpx.Client
    faulty: F.FaultyApp

    def both(self, action: Callable[[httpx.Client], Any]) -> tuple[Any, Any]:
        """Run one scenario step on each side: (healthy result, faulty result)."""
        return action(self.ok), action(self.bad)


def clients(app: SandboxApp, checked: bool) -> tuple[httpx.Client, httpx.Client]:
    hooks = {"response": [SpecChecker(app).check]} if checked else {}
    transport = ASGITransport(app)
    authed = httpx.Client(transport=transport, base_url="http://testserver", auth=AUTH, event_hooks=hooks)
    anon = httpx.Client(transport=transport, base_url="http://testserver")
    return authed, anon


# -- small steps ------------------------------------------------------------------------------------


def order(c: httpx.Client, **fields: Any) -> dict[str, Any]:
    r = c.post("/v2.1/orders", json={**ORDER_V21, **fields})
    assert r.status_code in (200, 201), r.text
    return dict(r.json())


def item(c: httpx.Client, order_ref: str, **fields: Any) -> dict[str, Any]:
    r = c.post(f"/v2.1/orders/{order_ref}/orderItems", json={**ITEM_V21, **fields})
    assert r.status_code == 201, r.text
    return dict(r.json())


def contact(c: httpx.Client, order_ref: str, **fields: Any) -> dict[str, Any]:
    r = c.post(f"/v2.1/orders/{order_ref}/contacts", json={**CONTACT_V21, **fields})
    assert r.status_code == 201, r.text
    return dict(r.json())


def consumer(c: httpx.Client, order_ref: str, **fields: Any) -> dict[str, Any]:
    r = c.post(f"/v2.1/orders/{order_ref}/consumers", json={**CONSUMER_V21, **fields})
    assert r.status_code == 200, r.text  # the v2.1 consumer create's documented success
    return dict(r.json())


def with_items(c: httpx.Client, count: int = 3) -> tuple[str, list[str]]:
    ref = order(c)["ref"]
    return ref, [item(c, ref, name=f"item {i}")["ref"] for i in range(count)]


def listed(doc: dict[str, Any]) -> list[str]:
    return [i["href"].rsplit("/", 1)[-1] for i in doc["items"]]


# -- the registry: one scenario per fault ---------------------------------------------------------------

SCENARIOS: dict[str, Callable[[Pair], None]] = {}


def scenario(name: str) -> Callable[[Callable[[Pair], None]], Callable[[Pair], None]]:
    def register(check: Callable[[Pair], None]) -> Callable[[Pair], None]:
        SCENARIOS[name] = check
        return check

    return register
