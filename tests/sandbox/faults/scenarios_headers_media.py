"""Scenarios of the `headers-media` faults (`sandbox/cdp_sandbox/faults/headers_media.py`):
a wrong or missing header or media type.

Each registers with `scenario` (tests/sandbox/faults/scenarios.py) and runs the same requests against the healthy
sandbox (spec-checked) and the faulty one; `test_catalog.py` runs them.
"""

from __future__ import annotations

from .scenarios import LISTING, Pair, scenario


@scenario("json-as-text-plain")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: c.get("/v2.1/orders", params=LISTING).headers["content-type"])
    assert (ok, bad) == ("application/json", "text/plain; charset=utf-8")
    assert p.bad.get("/v2.1/orders", params=LISTING).json()["items"] == []


@scenario("no-allow-on-405")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: c.put("/v2/orders", json={}))
    assert ok.status_code == bad.status_code == 405
    assert ok.headers["allow"] == "GET, POST" and "allow" not in bad.headers
