"""The fault catalog: each fault changes the sandbox exactly as its description says, the healthy sandbox does not.

Every scenario runs the same requests against a healthy sandbox (whose answers are checked against the spec)
and against a sandbox with one fault, and asserts both sides; a catalog entry without a scenario fails.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from cdp_sandbox import SandboxApp, create_app
from cdp_sandbox import faults as F
from cdp_sandbox.app import Request
from cdp_sandbox.cli import parse_args
from cdp_sandbox.spec import Spec, compile_spec, load_document
from cdp_sandbox.storage import Store

from .conftest import (
    AUTH,
    CONSUMER_V2,
    CONSUMER_V21,
    CONTACT_V21,
    ITEM_V21,
    ORDER_V21,
    SANDBOX_SRC,
    SPEC,
    ASGITransport,
    LiveServer,
    SpecChecker,
)

WRONG = ("sandbox-client-key", "not-the-token")
# GET /v2.1/orders needs exactly one of referenceId / guestRef (400 otherwise): the filter of a plain listing.
LISTING = {"referenceId": str(ORDER_V21["referenceId"])}
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


@pytest.fixture(scope="module")
def spec() -> Spec:
    return compile_spec(load_document(SPEC))


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


def _clients(app: SandboxApp, checked: bool) -> tuple[httpx.Client, httpx.Client]:
    hooks = {"response": [SpecChecker(app).check]} if checked else {}
    transport = ASGITransport(app)
    authed = httpx.Client(transport=transport, base_url="http://testserver", auth=AUTH, event_hooks=hooks)
    anon = httpx.Client(transport=transport, base_url="http://testserver")
    return authed, anon


@pytest.fixture
def pair_for(spec: Spec) -> Iterator[Callable[[str], Pair]]:
    """Builds the healthy/faulty pair for a fault name; closes the clients afterwards."""
    opened: list[httpx.Client] = []

    def make(name: str) -> Pair:
        healthy = SandboxApp(spec, Store(None), *AUTH)
        faulty = F.build(spec, None, AUTH[0], AUTH[1], [name])
        ok, ok_anon = _clients(healthy, checked=True)
        bad, bad_anon = _clients(faulty, checked=False)
        opened.extend([ok, ok_anon, bad, bad_anon])
        return Pair(ok, bad, ok_anon, bad_anon, faulty)

    yield make
    for client in opened:
        client.close()


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


# -- one scenario per fault -----------------------------------------------------------------------------

SCENARIOS: dict[str, Callable[[Pair], None]] = {}


def scenario(name: str) -> Callable[[Callable[[Pair], None]], Callable[[Pair], None]]:
    def register(check: Callable[[Pair], None]) -> Callable[[Pair], None]:
        SCENARIOS[name] = check
        return check

    return register


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


@scenario("delete-keeps-order")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[int, int]:
        ref = order(c)["ref"]
        return c.delete(f"/v2.1/orders/{ref}").status_code, c.get(f"/v2.1/orders/{ref}").status_code

    assert p.both(run) == ((204, 404), (204, 200))


@scenario("update-not-persisted")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[str, str]:
        ref = item(c, order(c)["ref"])["ref"]
        answered = c.put(f"/v2.1/orderItems/{ref}", json={**ITEM_V21, "name": "renamed"}).json()["name"]
        return answered, c.get(f"/v2.1/orderItems/{ref}").json()["name"]

    assert p.both(run) == (("renamed", "renamed"), ("renamed", ITEM_V21["name"]))


@scenario("patch-wipes-unset")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> dict[str, Any]:
        ref = item(c, order(c)["ref"])["ref"]
        assert c.patch(f"/v2.1/orderItems/{ref}", json={"quantity": 2}).status_code == 200
        return dict(c.get(f"/v2.1/orderItems/{ref}").json())

    ok, bad = p.both(run)
    assert ok["quantity"] == bad["quantity"] == 2
    assert ok["name"] == ITEM_V21["name"] and "name" not in bad


@scenario("list-omits-newest")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[list[str], list[str]]:
        ref, items = with_items(c)
        return items, listed(c.get(f"/v2.1/orders/{ref}/orderItems").json())

    (ok_items, ok_listed), (bad_items, bad_listed) = p.both(run)
    assert ok_listed == ok_items and bad_listed == bad_items[:-1]


@scenario("pagination-off-by-one")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[list[str], dict[str, Any]]:
        ref, items = with_items(c)
        return items, c.get(f"/v2.1/orders/{ref}/orderItems", params={"offset": 0}).json()

    (ok_items, ok_doc), (bad_items, bad_doc) = p.both(run)
    assert listed(ok_doc) == ok_items
    assert listed(bad_doc) == bad_items[1:] and bad_doc["offset"] == 0


@scenario("next-link-missing")
def _(p: Pair) -> None:
    ok, bad = p.both(
        lambda c: c.get(f"/v2.1/orders/{with_items(c)[0]}/orderItems", params={"limit": 2}).json()
    )
    assert "next" in ok and "next" not in bad and len(bad["items"]) == 2


@scenario("last-link-wrong")
def _(p: Pair) -> None:
    ok, bad = p.both(
        lambda c: c.get(f"/v2.1/orders/{with_items(c)[0]}/orderItems", params={"limit": 2}).json()
    )
    assert "offset=2" in ok["last"]["href"] and bad["last"] == bad["first"]


@scenario("href-points-elsewhere")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: item(c, order(c)["ref"]))
    assert ok["href"].endswith(ok["ref"])
    assert not bad["href"].endswith(bad["ref"]) and "/v2.1/orderItems/" in bad["href"]


@scenario("ref-differs-create-retrieve")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> int:
        return c.get(f"/v2.1/orderContacts/{contact(c, order(c)['ref'])['ref']}").status_code

    assert p.both(run) == (200, 404)


@scenario("child-on-wrong-parent")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[str, str, str, int]:
        first, second = order(c)["ref"], order(c)["ref"]
        made = item(c, first)
        return (
            first,
            second,
            made["order"]["href"],
            len(c.get(f"/v2.1/orders/{first}/orderItems").json()["items"]),
        )

    (first, _, ok_link, ok_count), (_, second, bad_link, bad_count) = p.both(run)
    assert ok_link.endswith(first) and ok_count == 1
    assert bad_link.endswith(second) and bad_count == 0


@scenario("child-links-other-order")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[str, str, int]:
        ref = order(c)["ref"]
        made = item(c, ref)
        return ref, made["order"]["href"], len(c.get(f"/v2.1/orders/{ref}/orderItems").json()["items"])

    (ok_ref, ok_link, ok_count), (bad_ref, bad_link, bad_count) = p.both(run)
    assert ok_link.endswith(ok_ref) and not bad_link.endswith(bad_ref)
    assert ok_count == bad_count == 1


@scenario("read-lags-create")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[int, int]:
        ref = consumer(c, order(c)["ref"])["ref"]
        return c.get(f"/v2.1/orderConsumers/{ref}").status_code, c.get(
            f"/v2.1/orderConsumers/{ref}"
        ).status_code

    assert p.both(run) == ((200, 200), (404, 200))


@scenario("put-keeps-unsent")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> dict[str, Any]:
        ref = contact(c, order(c)["ref"])["ref"]
        assert c.put(f"/v2.1/orderContacts/{ref}", json={"firstName": "Jo"}).status_code == 200
        return dict(c.get(f"/v2.1/orderContacts/{ref}").json())

    ok, bad = p.both(run)
    assert ok["firstName"] == bad["firstName"] == "Jo"
    assert "lastName" not in ok and bad["lastName"] == CONTACT_V21["lastName"]


@scenario("immutable-reference-changed")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[str, str]:
        ref = order(c)["ref"]
        # A PATCH carries the four fields its page marks required; only referenceId differs.
        required = {k: ORDER_V21[k] for k in ("orderedAt", "currencyCode", "price")}
        body = {**required, "referenceId": "CHANGED"}
        answered = c.patch(f"/v2.1/orders/{ref}", json=body).json()["referenceId"]
        return answered, c.get(f"/v2.1/orders/{ref}").json()["referenceId"]

    old = ORDER_V21["referenceId"]
    assert p.both(run) == ((old, old), ("CHANGED", old))


@scenario("created-at-from-body")
def _(p: Pair) -> None:
    sent = "2001-01-01T00:00:00.000Z"

    def run(c: httpx.Client) -> str:
        ref = order(c)["ref"]
        return str(c.put(f"/v2.1/orders/{ref}", json={**ORDER_V21, "createdAt": sent}).json()["createdAt"])

    ok, bad = p.both(run)
    assert ok != sent and bad == sent


@scenario("delete-fields-drops-all")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> set[str]:
        path = f"/v2.1/orders/{order(c)['ref']}/extensions/ext"
        assert c.post(path, json={"a": 1, "b": 2, "c": 3}).status_code == 201
        assert c.delete(f"{path}/fields", params={"name": "a"}).status_code == 200
        return {k for k in c.get(path).json() if k in "abc"}

    assert p.both(run) == ({"b", "c"}, set())


@scenario("children-survive-order-delete")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> int:
        ref, items = with_items(c, 1)
        assert c.delete(f"/v2.1/orders/{ref}").status_code == 204
        return c.get(f"/v2.1/orderItems/{items[0]}").status_code

    assert p.both(run) == (404, 200)


def _consumer_of_item(c: httpx.Client) -> tuple[str, str]:
    """A consumer linking an item (only the legacy create takes links, as `orderItems.items`)."""
    ref, items = with_items(c, 1)
    body = {**CONSUMER_V2, "orderItems": {"items": [{"href": f"http://testserver/v2/orderItems/{items[0]}"}]}}
    r = c.post(f"/v2/orders/{ref}/consumers", json=body)
    assert r.status_code == 201, r.text
    return str(r.json()["ref"]), items[0]


@scenario("consumer-items-empty")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> int:
        ref, _ = _consumer_of_item(c)
        return len(c.get(f"/v2.1/orderConsumers/{ref}/orderItems").json()["items"])

    assert p.both(run) == (1, 0)


@scenario("consumer-keeps-deleted-item")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> int:
        ref, item_ref = _consumer_of_item(c)
        assert c.delete(f"/v2.1/orderItems/{item_ref}").status_code == 204
        return len(c.get(f"/v2.1/orderConsumers/{ref}").json()["orderItems"]["orderItems"])

    assert p.both(run) == (0, 1)


@scenario("extension-create-overwrites")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[int, Any]:
        path = f"/v2.1/orders/{order(c)['ref']}/extensions/ext"
        assert c.post(path, json={"a": 1}).status_code == 201
        return c.post(path, json={"b": 2}).status_code, c.get(path).json().get("a")

    assert p.both(run) == ((409, 1), (201, None))


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


# The faults grown from the rule register (spec/rules.yaml) have their scenarios in a module of their own.
from . import fault_scenarios_register  # noqa: E402, F401

# -- the tests ------------------------------------------------------------------------------------------


def test_every_fault_has_a_scenario() -> None:
    assert sorted(SCENARIOS) == sorted(F.CATALOG)


@pytest.mark.parametrize("name", list(F.CATALOG))
def test_fault_behaves_as_described(pair_for: Callable[[str], Pair], name: str) -> None:
    SCENARIOS[name](pair_for(name))


def test_catalog_is_data_covering_every_category() -> None:
    assert len(F.CATALOG) >= 30
    assert {f.category for f in F.CATALOG.values()} == set(F.CATEGORIES)
    for name, entry in F.CATALOG.items():
        assert entry.name == name and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name)
        assert entry.description.endswith(".") and len(entry.description) > 20
        # Each names the spec element it breaks: an operationId, a schema, a parameter, a status or security.
        assert re.search(
            r"[a-z]+[A-Z]\w+|schemas\.|parameters\.|responses\.|security|RFC|\b[2-5]\d\d\b", entry.breaks
        ), name


def test_the_healthy_app_is_unaffected(spec: Spec) -> None:
    """A faulty app with no fault answers a scripted session exactly as the plain sandbox does."""
    plain, _ = _clients(SandboxApp(spec, Store(None), *AUTH), checked=True)
    layered, _ = _clients(F.build(spec, None, AUTH[0], AUTH[1], []), checked=True)
    seen = []
    for c in (plain, layered):
        ref, items = with_items(c, 3)
        steps = [
            c.get(f"/v2.1/orders/{ref}/orderItems", params={"limit": 2, "offset": 1}),
            c.patch(f"/v2.1/orderItems/{items[0]}", json={"quantity": 3}),
            c.delete(f"/v2.1/orderItems/{items[1]}"),
            c.get("/v2/orders"),
            c.put("/v2/orders", json={}),
            c.delete(f"/v2.1/orders/{ref}"),
            c.get(f"/v2.1/orderItems/{items[0]}"),
        ]
        seen.append([(r.status_code, r.headers.get("content-type"), r.headers.get("allow")) for r in steps])
        c.close()
    assert seen[0] == seen[1]
    assert create_app(spec_path=SPEC).__class__ is SandboxApp


def test_create_app_switches_faults_on_and_rejects_unknown_names() -> None:
    app = create_app(spec_path=SPEC, faults=["create-answers-200", "json-as-text-plain"])
    assert isinstance(app, F.FaultyApp)
    assert [f.name for f in app.faults] == ["create-answers-200", "json-as-text-plain"]
    with pytest.raises(ValueError, match=r"unknown fault 'nope'.*create-answers-200"):
        create_app(spec_path=SPEC, faults=["nope"])


def test_the_asgi_entry_awaits_the_delay(spec: Spec, monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr("cdp_sandbox.faults.asyncio.sleep", fake_sleep)
    app = F.build(spec, None, AUTH[0], AUTH[1], ["slow-order-delete"])
    c, _ = _clients(app, checked=False)
    ref = order(c)["ref"]
    assert c.delete(f"/v2.1/orders/{ref}").status_code == 204
    assert slept == [F.HANG_SECONDS]
    c.close()


def test_faults_compose(spec: Spec) -> None:
    c, anon = _clients(
        F.build(spec, None, AUTH[0], AUTH[1], ["create-answers-200", "no-credentials-accepted"]),
        checked=False,
    )
    assert anon.post("/v2.1/orders", json=ORDER_V21).status_code == 200
    c.close()


def test_app_factory_builds_fresh_apps() -> None:
    make = F.app_factory(["delete-keeps-order"], spec_path=SPEC)
    first, second = make(), make()
    assert first is not second and first.store is not second.store
    assert isinstance(first, F.FaultyApp)


# -- the command line ------------------------------------------------------------------------------------


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {**os.environ, "PYTHONPATH": str(SANDBOX_SRC), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "cdp_sandbox", "--spec", str(SPEC), *args],
        capture_output=True,
        text=True,
        env=base,
        timeout=60,
        check=False,
    )


def test_list_faults_prints_the_catalog() -> None:
    done = _cli("--list-faults")
    assert done.returncode == 0
    for name, entry in F.CATALOG.items():
        assert name in done.stdout and entry.breaks in done.stdout


def test_unknown_fault_is_a_clear_error_listing_the_catalog() -> None:
    done = _cli("--port", "0", "--fault", "no-such-fault")
    assert done.returncode == 2
    assert "unknown fault 'no-such-fault'" in done.stderr and "create-answers-200" in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_serves_with_repeated_faults() -> None:
    server = LiveServer("--fault", "create-answers-200", "--fault", "json-as-text-plain")
    try:
        with httpx.Client(base_url=server.url, auth=AUTH, timeout=10) as client:
            created = client.post("/v2.1/orders", json=ORDER_V21)
            assert created.status_code == 200
            assert created.headers["content-type"].startswith("text/plain")
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=15) == 0
        assert server.process.stderr is not None
        assert "faults injected: create-answers-200, json-as-text-plain" in server.process.stderr.read()
    finally:
        server.stop()


def test_faults_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CDP_SANDBOX_FAULTS", "create-answers-200, no-allow-on-405")
    assert parse_args([]).faults == ["create-answers-200", "no-allow-on-405"]
    assert parse_args(["--fault", "order-ref-missing"]).faults == ["order-ref-missing"]
    monkeypatch.delenv("CDP_SANDBOX_FAULTS")
    assert parse_args([]).faults == []
