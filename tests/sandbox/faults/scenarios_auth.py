"""Scenarios of the `auth` faults (`sandbox/cdp_sandbox/faults/auth.py`):
credentials refused as they should not be, or accepted as they should not be.

Each registers with `scenario` (tests/sandbox/faults/scenarios.py) and runs the same requests against the healthy
sandbox (spec-checked) and the faulty one; `test_catalog.py` runs them.
"""

from __future__ import annotations

import base64
import uuid

from ..helpers import AUTH, ORDER_V21
from .scenarios import LISTING, WRONG, Pair, consumer, order, scenario

_KEY, _TOKEN = AUTH


def _served(p: Pair, auth: tuple[str, str]) -> tuple[int, int]:
    """(healthy, faulty) status of an order list read with these credentials."""
    listing = {"referenceId": str(ORDER_V21["referenceId"])}
    ok = p.ok_anon.get("/v2.1/orders", params=listing, auth=auth).status_code
    bad = p.bad_anon.get("/v2.1/orders", params=listing, auth=auth).status_code
    return ok, bad


@scenario("no-credentials-accepted")
def _(p: Pair) -> None:
    statuses = p.ok_anon.get("/v2.1/orders", params=LISTING), p.bad_anon.get("/v2.1/orders", params=LISTING)
    assert tuple(r.status_code for r in statuses) == (401, 200)
    assert p.bad_anon.get("/v2.1/orders", params=LISTING, auth=WRONG).status_code == 401


@scenario("wrong-credentials-accepted")
def _(p: Pair) -> None:
    statuses = (
        p.ok_anon.get("/v2.1/orders", params=LISTING, auth=WRONG).status_code,
        p.bad_anon.get("/v2.1/orders", params=LISTING, auth=WRONG).status_code,
    )
    assert statuses == (401, 200)
    assert p.bad_anon.get("/v2.1/orders", params=LISTING).status_code == 401


@scenario("unprotected-operation")
def _(p: Pair) -> None:
    ok_ref = consumer(p.ok, order(p.ok)["ref"])["ref"]
    bad_ref = consumer(p.bad, order(p.bad)["ref"])["ref"]
    assert p.ok_anon.get(f"/v2.1/orderConsumers/{ok_ref}/orderItems").status_code == 401
    assert p.bad_anon.get(f"/v2.1/orderConsumers/{bad_ref}/orderItems").status_code == 200
    assert p.bad_anon.get(f"/v2.1/orderConsumers/{bad_ref}").status_code == 401


@scenario("credentials-case-insensitive")
def _(p: Pair) -> None:
    assert _served(p, (_KEY.upper(), _TOKEN)) == (401, 200)
    assert _served(p, (_KEY, _TOKEN.upper())) == (401, 200)
    assert _served(p, (_KEY, _TOKEN[:-1])) == (401, 401)


@scenario("credentials-trimmed")
def _(p: Pair) -> None:
    assert _served(p, (_KEY + " ", _TOKEN)) == (401, 200)
    assert _served(p, (_KEY, _TOKEN + " ")) == (401, 200)
    assert _served(p, (_KEY.upper(), _TOKEN)) == (401, 401)


@scenario("credentials-prefix-match")
def _(p: Pair) -> None:
    assert _served(p, (_KEY, _TOKEN[:-1])) == (401, 200)
    assert _served(p, (_KEY, _TOKEN + "0")) == (401, 200)
    assert _served(p, (_KEY, "other-token")) == (401, 401)


@scenario("unauthorized-delete-applied")
def _(p: Pair) -> None:
    wrong = (_KEY, _TOKEN[:-1])
    for client, anon, gone in ((p.ok, p.ok_anon, 200), (p.bad, p.bad_anon, 404)):
        ref = order(client)["ref"]
        assert anon.delete(f"/v2.1/orders/{ref}", auth=wrong).status_code == 401
        assert client.get(f"/v2.1/orders/{ref}").status_code == gone


def _basic(key: str, token: str) -> str:
    return "Basic " + base64.b64encode(f"{key}:{token}".encode()).decode()


@scenario("error-echoes-authorization")
def _(p: Pair) -> None:
    missing = f"/v2.1/orders/{uuid.uuid4()}"
    ok, bad = p.both(lambda c: c.get(missing))
    assert (ok.status_code, bad.status_code) == (404, 404)
    assert bad.json()["debug"] == {"authorization": _basic(_KEY, _TOKEN)}
    assert {k: v for k, v in bad.json().items() if k != "debug"} == ok.json()
    assert "debug" not in ok.json() and _basic(_KEY, _TOKEN).split()[1] not in ok.text
    wrong = p.bad_anon.get(missing, auth=WRONG)  # a 401 echoes the credentials it refused
    assert wrong.status_code == 401 and wrong.json()["debug"] == {"authorization": _basic(*WRONG)}
    anonymous = p.bad_anon.get(missing)  # no credentials, nothing to echo
    assert anonymous.status_code == 401 and "debug" not in anonymous.json()
    served = p.bad.get("/v2.1/orders", params=LISTING)  # a success is left alone
    assert served.status_code == 200 and "debug" not in served.text
