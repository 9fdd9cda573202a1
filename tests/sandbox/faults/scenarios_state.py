"""Scenarios of the `state` faults (`sandbox/cdp_sandbox/faults/state.py`):
what is stored, listed or linked differs from what was written.

Each registers with `scenario` (tests/sandbox/faults/scenarios.py) and runs the same requests against the healthy
sandbox (spec-checked) and the faulty one; `test_catalog.py` runs them.
"""

from __future__ import annotations

import time
from typing import Any

import httpx

from ..helpers import CONSUMER_V2, CONTACT_V21, ITEM_V21, ORDER_V21
from .scenarios import Pair, consumer, contact, item, listed, order, scenario, with_items


def _consumer_of_item(c: httpx.Client) -> tuple[str, str]:
    """A consumer linking an item (only the legacy create takes links, as `orderItems.items`)."""
    ref, items = with_items(c, 1)
    body = {**CONSUMER_V2, "orderItems": {"items": [{"href": f"http://testserver/v2/orderItems/{items[0]}"}]}}
    r = c.post(f"/v2/orders/{ref}/consumers", json=body)
    assert r.status_code == 201, r.text
    return str(r.json()["ref"]), items[0]


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


@scenario("prev-link-wrong")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[dict[str, Any], dict[str, Any]]:
        url = f"/v2.1/orders/{with_items(c)[0]}/orderItems"
        return c.get(url, params={"limit": 2}).json(), c.get(url, params={"offset": 2, "limit": 2}).json()

    (ok_first, ok_second), (bad_first, bad_second) = p.both(run)
    assert "prev" not in ok_first and "prev" not in bad_first  # the first page has none either way
    assert "offset=0&" in ok_second["prev"]["href"]
    assert bad_second["prev"]["href"] == bad_second["href"] and "offset=2&" in bad_second["href"]


@scenario("page-href-wrong")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> dict[str, Any]:
        url = f"/v2.1/orders/{with_items(c)[0]}/orderItems"
        return dict(c.get(url, params={"offset": 2, "limit": 2}).json())

    ok, bad = p.both(run)
    assert ok["href"].endswith("/orderItems?offset=2&limit=2")
    assert bad["href"].endswith("/orderItems?limit=2")  # the offset is gone, the rest of the page is not
    assert bad["offset"] == 2 and "offset=0&" in bad["prev"]["href"] and len(bad["items"]) == 1


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


@scenario("retrieve-serves-stale")
def _(p: Pair) -> None:
    for client, seen in ((p.ok, 7), (p.bad, 1)):
        ref = item(client, order(client)["ref"], quantity=1)["ref"]
        assert client.get(f"/v2.1/orderItems/{ref}").json()["quantity"] == 1
        assert client.patch(f"/v2.1/orderItems/{ref}", json={"quantity": 7}).json()["quantity"] == 7
        assert client.get(f"/v2.1/orderItems/{ref}").json()["quantity"] == seen
        assert client.delete(f"/v2.1/orderItems/{ref}").status_code == 204
        assert client.get(f"/v2.1/orderItems/{ref}").status_code == 404


@scenario("order-links-other-collection")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> list[bool]:
        ref = order(c)["ref"]
        docs = [c.get(f"/v2.1/orders/{ref}").json(), c.get(f"/v2/orders/{ref}").json()]
        return [
            doc[name]["href"].endswith(f"/orders/{ref}/{name}")
            for doc in docs
            for name in ("contacts", "consumers", "orderItems")
        ]

    ok, bad = p.both(run)
    assert all(ok)
    assert bad == [False, True, True] * 2


@scenario("item-extension-survives-delete")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[int, int, Any, int]:
        _, items = with_items(c, 2)
        kept, dropped = (f"/v2.1/orderItems/{i}/extensions/ext" for i in items)
        for path in (kept, dropped):
            assert c.post(path, json={"a": 1}).status_code == 201
        assert c.patch(kept, json={"b": 2}).status_code == 200
        assert c.delete(dropped).status_code == 204
        assert c.delete(f"/v2.1/orderItems/{items[0]}").status_code == 204
        assert c.delete(f"/v2/orderItems/{items[1]}").status_code == 204
        got = c.get(kept)
        return (
            c.get(f"/v2.1/orderItems/{items[0]}").status_code,
            got.status_code,
            got.json().get("b"),
            c.get(dropped).status_code,
        )

    assert p.both(run) == ((404, 404, None, 404), (404, 200, 2, 404))


@scenario("delete-fields-without-name-drops-extension")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[int, int, set[str]]:
        path = f"/v2.1/orders/{order(c)['ref']}/extensions/ext"
        assert c.post(path, json={"a": 1, "b": 2, "c": 3}).status_code == 201
        assert c.delete(f"{path}/fields", params={"name": "a"}).status_code == 200
        named = {k for k in c.get(path).json() if k in "abc"}
        emptied = c.delete(f"{path}/fields")
        assert emptied.status_code == 200 and not {k for k in emptied.json() if k in "abc"}
        return c.get(path).status_code, c.post(path, json={"d": 4}).status_code, named

    assert p.both(run) == ((200, 409, {"b", "c"}), (404, 201, {"b", "c"}))


LONG = "Zé€✓𝄞ñ" * 100  # 600 code points, some outside the BMP


@scenario("long-strings-truncated")
def _(p: Pair) -> None:
    ok, bad = p.both(
        lambda c: c.get(f"/v2.1/orders/{order(c, pointOfSale=LONG)['ref']}").json()["pointOfSale"]
    )
    assert ok == LONG and bad == LONG[:255]


@scenario("astral-characters-replaced")
def _(p: Pair) -> None:
    ok, bad = p.both(
        lambda c: c.get(f"/v2.1/orders/{order(c, pointOfSale='a𝄞b')['ref']}").json()["pointOfSale"]
    )
    assert ok == "a𝄞b" and bad == "a\ufffdb"


@scenario("integers-wrap-at-32-bits")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> Any:
        extension = f"/v2.1/orders/{order(c)['ref']}/extensions/ext"
        assert c.post(extension, json={"units": 2**31 + 7}).status_code in (200, 201)
        return c.get(extension).json()["units"]

    ok, bad = p.both(run)
    assert ok == 2**31 + 7 and bad == -(2**31) + 7


@scenario("decimals-rounded")
def _(p: Pair) -> None:
    ok, bad = p.both(lambda c: c.get(f"/v2.1/orders/{order(c, price=10.123456)['ref']}").json()["price"])
    assert ok == 10.123456 and bad == 10.12


@scenario("legacy-view-loses-astral")
def _(p: Pair) -> None:
    def run(c: httpx.Client) -> tuple[str, str]:
        ref = order(c, pointOfSale="a𝄞b")["ref"]
        return c.get(f"/v2.1/orders/{ref}").json()["pointOfSale"], c.get(f"/v2/orders/{ref}").json()[
            "pointOfSale"
        ]

    ok, bad = p.both(run)
    assert ok == ("a𝄞b", "a𝄞b") and bad == ("a𝄞b", "a\ufffdb")
