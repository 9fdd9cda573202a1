"""Scenarios of the `validation` faults (`sandbox/cdp_sandbox/faults/validation.py`):
a request the spec refuses accepted, or one it allows refused.

Each registers with `scenario` (tests/sandbox/faults/scenarios.py) and runs the same requests against the healthy
sandbox (spec-checked) and the faulty one; `test_catalog.py` runs them.
"""

from __future__ import annotations

import httpx

from ..helpers import CONTACT_V2, CONTACT_V21, ORDER_V21
from .scenarios import Pair, contact, order, scenario, with_items


@scenario("lowercase-currency-accepted")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: c.post("/v2.1/orders", json={**ORDER_V21, "currencyCode": "eur"}))
    assert ok.status_code == 400 and "currencyCode" in ok.json()["message"]
    assert bad.status_code == 201 and bad.json()["currencyCode"] == "EUR"
    assert p.bad.post("/v2.1/orders", json={**ORDER_V21, "currencyCode": "eu"}).status_code == 400


@scenario("missing-required-accepted")
def _(p: Pair) -> None:
    body = {k: v for k, v in ORDER_V21.items() if k != "price"}
    ok, bad = p.both(lambda c: c.post("/v2.1/orders", json=body))
    assert ok.status_code == 400 and bad.status_code == 201 and bad.json()["price"] == 0


@scenario("wrong-type-accepted")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: c.post("/v2.1/orders", json={**ORDER_V21, "price": "12.5"}))
    assert ok.status_code == 400 and (bad.status_code, bad.json()["price"]) == (201, 12.5)
    assert p.bad.post("/v2.1/orders", json={**ORDER_V21, "price": [1]}).json()["price"] == 0


@scenario("valid-optional-rejected")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: c.post("/v2.1/orders", json={**ORDER_V21, "paymentType": "Card"}).status_code)
    assert (ok, bad) == (201, 400)
    assert p.bad.post("/v2.1/orders", json=ORDER_V21).status_code == 201


@scenario("limit-ignored")
def _(p: Pair) -> None:
    ok, bad = p.both(
        lambda c: c.get(f"/v2.1/orders/{with_items(c)[0]}/orderItems", params={"limit": 2}).json()
    )
    assert (len(ok["items"]), ok["limit"]) == (2, 2)
    assert (len(bad["items"]), bad["limit"]) == (3, 2)


@scenario("offset-ignored")
def _(p: Pair) -> None:
    ok, bad = p.both(
        lambda c: c.get(f"/v2.1/orders/{with_items(c)[0]}/orderItems", params={"offset": 1}).json()
    )
    assert (len(ok["items"]), ok["offset"]) == (2, 1)
    assert (len(bad["items"]), bad["offset"]) == (3, 0)


@scenario("expand-ignored")
def _(p: Pair) -> None:
    ok, bad = p.both(
        lambda c: c.get(f"/v2.1/orders/{with_items(c)[0]}/orderItems", params={"expand": "true"}).json()
    )
    assert all("ref" in i for i in ok["items"]) and not any("ref" in i for i in bad["items"])


@scenario("reference-filter-ignored")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> int:
        order(c, referenceId="A-1")
        order(c, referenceId="B-2")
        return len(c.get("/v2.1/orders", params={"referenceId": "A-1"}).json()["items"])

    assert p.both(run) == (1, 2)


@scenario("guest-filter-ignored")
def _(p: Pair) -> None:
    guest = "6a1b3c4d-0000-4000-8000-00000000000a"

    def run(c: httpx.Client) -> tuple[int, int]:
        mine, other = order(c), order(c)
        contact(c, mine["ref"], identifiers=[{"provider": "CDPKIT", "id": "mine"}])
        contact(c, other["ref"], identifiers=[{"provider": "CDPKIT", "id": "other"}])
        linked = c.get(f"/v2.1/orders/{mine['ref']}/contacts", params={"expand": "true"}).json()["items"][0]
        ref = linked["guest"]["href"].rsplit("/", 1)[-1]
        v21 = len(c.get("/v2.1/orders", params={"guestRef": ref}).json()["items"])
        legacy = c.post(
            f"/v2/orders/{mine['ref']}/contacts",
            json={**CONTACT_V2, "guest": {"href": f"http://x/v2/guests/{guest}"}},
        )
        assert legacy.status_code in (200, 201), legacy.text
        return v21, len(c.get("/v2/orders", params={"guestRef": guest}).json()["items"])

    healthy, faulty = p.both(run)
    assert healthy == (1, 1)
    assert faulty[0] >= 2 and faulty[1] >= 2


@scenario("negative-offset-accepted")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> int:
        return c.get(f"/v2.1/orders/{order(c)['ref']}/orderItems", params={"offset": -1}).status_code

    ok, bad = p.both(run)
    assert ok == 400 and bad == 200


@scenario("long-strings-refused")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> int:
        return c.post("/v2.1/orders", json={**ORDER_V21, "pointOfSale": "x" * 256}).status_code

    ok, bad = p.both(run)
    assert ok == 201 and bad == 400


@scenario("future-birth-date-accepted")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> httpx.Response:
        return c.post(
            f"/v2.1/orders/{order(c)['ref']}/contacts",
            json={**CONTACT_V21, "dateOfBirth": "2999-05-01T00:00:00Z"},
        )

    ok, bad = p.both(run)
    assert ok.status_code == 400
    assert bad.status_code == 201 and bad.json()["dateOfBirth"].startswith("1990-05-01")


@scenario("unfiltered-legacy-list-accepted")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: c.get("/v2/orders"))
    assert ok.status_code == 400 and (bad.status_code, bad.json()["items"]) == (200, [])


@scenario("pair-limit-unenforced")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[int, int]:
        path = f"/v2.1/orders/{order(c)['ref']}/extensions/ext"
        assert c.post(path, json={"kept": "yes"}).status_code == 201
        status = c.patch(path, json={f"key{i}": i for i in range(100)}).status_code
        return status, len(c.get(path).json())

    (ok_status, ok_size), (bad_status, bad_size) = p.both(run)
    assert (ok_status, bad_status) == (400, 200)
    assert ok_size == bad_size  # nothing was stored either way


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


@scenario("legacy-expand-ignored")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[int, bool, bool]:
        ref = with_items(c, 2)[0]
        expanded = c.get(f"/v2/orders/{ref}", params={"expand": "orderItems"}).json()["orderItems"]
        listed = c.get(f"/v2.1/orders/{ref}/orderItems", params={"expand": "true"}).json()["items"]
        full = [i for i in expanded.get("items", []) if "ref" in i]
        return len(full), set(expanded) == {"href"}, all("ref" in i for i in listed)

    assert p.both(run) == ((2, False, True), (0, True, True))


@scenario("default-limit-20")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[int, int, int]:
        path = f"/v2.1/orders/{with_items(c, 12)[0]}/orderItems"
        page = c.get(path).json()
        return len(page["items"]), page["limit"], len(c.get(path, params={"limit": 5}).json()["items"])

    assert p.both(run) == ((10, 10, 5), (12, 20, 5))
