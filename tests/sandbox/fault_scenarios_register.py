"""Scenarios of the faults grown from the rule register (spec/rules.yaml, issue 16): near-miss credentials, refs in
upper case, timestamps over updates, refused writes with effects, and strict bodies that let a rule slip.

Imported by test_faults.py, whose `scenario` registry and helpers they use; each runs the same requests against the
healthy sandbox (spec-checked) and the faulty one.
"""

from __future__ import annotations

import time

from .conftest import AUTH, ORDER_V21
from .test_faults import Pair, contact, item, order, scenario

_KEY, _TOKEN = AUTH


def _served(p: Pair, auth: tuple[str, str]) -> tuple[int, int]:
    """(healthy, faulty) status of an order list read with these credentials."""
    listing = {"referenceId": str(ORDER_V21["referenceId"])}
    ok = p.ok_anon.get("/v2.1/orders", params=listing, auth=auth).status_code
    bad = p.bad_anon.get("/v2.1/orders", params=listing, auth=auth).status_code
    return ok, bad


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


@scenario("uppercase-ref-not-found")
def _(p: Pair) -> None:
    for client, status in ((p.ok, 200), (p.bad, 404)):
        ref = order(client)["ref"]
        assert client.get(f"/v2.1/orders/{ref.upper()}").status_code == status
        assert client.get(f"/v2.1/orders/{ref}").status_code == 200
    assert p.bad_anon.get(f"/v2.1/orders/{ref.upper()}").status_code == 401


@scenario("uppercase-ref-delete-ignored")
def _(p: Pair) -> None:
    for client, after in ((p.ok, 404), (p.bad, 200)):
        ref = contact(client, order(client)["ref"])["ref"]
        assert client.delete(f"/v2.1/orderContacts/{ref.upper()}").status_code == 204
        assert client.get(f"/v2.1/orderContacts/{ref}").status_code == after


@scenario("modified-at-frozen")
def _(p: Pair) -> None:
    for client, moved in ((p.ok, True), (p.bad, False)):
        created = item(client, order(client)["ref"])
        time.sleep(0.005)
        patched = client.patch(f"/v2.1/orderItems/{created['ref']}", json={"quantity": 7}).json()
        assert patched["quantity"] == 7
        assert (patched["modifiedAt"] > created["modifiedAt"]) is moved
        assert patched["createdAt"] == created["createdAt"]


@scenario("created-at-reset-on-update")
def _(p: Pair) -> None:
    for client, kept in ((p.ok, True), (p.bad, False)):
        created = item(client, order(client)["ref"])
        time.sleep(0.005)
        patched = client.patch(f"/v2.1/orderItems/{created['ref']}", json={"quantity": 7}).json()
        assert (patched["createdAt"] == created["createdAt"]) is kept
        assert client.get(f"/v2.1/orderItems/{created['ref']}").json()["createdAt"] == created["createdAt"]


@scenario("rejected-update-partly-applied")
def _(p: Pair) -> None:
    for client, stored in ((p.ok, "Mobile AZ10"), (p.bad, "Renamed")):
        ref = item(client, order(client)["ref"])["ref"]
        refused = client.patch(f"/v2.1/orderItems/{ref}", json={"name": "Renamed", "quantity": "many"})
        assert refused.status_code == 400
        assert client.get(f"/v2.1/orderItems/{ref}").json()["name"] == stored


@scenario("unknown-field-accepted")
def _(p: Pair) -> None:
    body = {**ORDER_V21, "undocumentedField": "x"}
    assert p.ok.post("/v2.1/orders", json=body).status_code == 400
    created = p.bad.post("/v2.1/orders", json=body)
    assert created.status_code == 201 and "undocumentedField" not in created.json()


@scenario("status-outside-enum-accepted")
def _(p: Pair) -> None:
    body = {**ORDER_V21, "status": "NOT_A_STATUS"}
    assert p.ok.post("/v2.1/orders", json=body).status_code == 400
    created = p.bad.post("/v2.1/orders", json=body)
    assert created.status_code == 201 and created.json()["status"] == "UNKNOWN"


@scenario("empty-reference-id-accepted")
def _(p: Pair) -> None:
    body = {**ORDER_V21, "referenceId": ""}
    assert p.ok.post("/v2.1/orders", json=body).status_code == 400
    created = p.bad.post("/v2.1/orders", json=body)
    assert created.status_code == 201 and created.json()["referenceId"] == "UNKNOWN"


@scenario("reference-filter-prefix-match")
def _(p: Pair) -> None:
    for client, listed in ((p.ok, 1), (p.bad, 2)):
        order(client, referenceId="PREFIX-1")
        order(client, referenceId="PREFIX-1-OTHER")
        page = client.get("/v2.1/orders", params={"referenceId": "PREFIX-1"}).json()
        assert len(page["items"]) == listed
        assert len(client.get("/v2/orders", params={"referenceId": "PREFIX-1"}).json()["items"]) == listed
        assert len(client.get("/v2.1/orders", params={"referenceId": "PREFIX-1-OTHER"}).json()["items"]) == 1


@scenario("retrieve-serves-stale")
def _(p: Pair) -> None:
    for client, seen in ((p.ok, 7), (p.bad, 1)):
        ref = item(client, order(client)["ref"], quantity=1)["ref"]
        assert client.get(f"/v2.1/orderItems/{ref}").json()["quantity"] == 1
        assert client.patch(f"/v2.1/orderItems/{ref}", json={"quantity": 7}).json()["quantity"] == 7
        assert client.get(f"/v2.1/orderItems/{ref}").json()["quantity"] == seen
        assert client.delete(f"/v2.1/orderItems/{ref}").status_code == 204
        assert client.get(f"/v2.1/orderItems/{ref}").status_code == 404
