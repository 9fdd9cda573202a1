"""The sandbox answers as Sitecore's pages say (issue 10, item 1): one group of tests per documented fact.

Every response goes through the spec-checking `client` fixture, so each status seen here is also one the spec
declares for its operation (see tests/spec/test_doc_facts.py for the spec's side).
"""

from __future__ import annotations

from typing import Any

import pytest
from httpx import Client, Response

from .helpers import (
    CONSUMER_V2,
    CONSUMER_V21,
    CONTACT_V2,
    CONTACT_V21,
    ITEM_V2,
    ITEM_V21,
    ORDER_V2,
    ORDER_V21,
    make_order,
)

GUEST = "567a697e-4e79-4f2c-96d1-a7249a44744f"
PATCH_REQUIRED = ("referenceId", "orderedAt", "currencyCode", "price")


def _guest_order(client: Client) -> str:
    """A v2.1 order with a legacy contact of GUEST, so that guestRef=GUEST lists it."""
    ref = make_order(client)["ref"]
    assert client.post(f"/v2/orders/{ref}/contacts", json=CONTACT_V2).status_code == 201
    return str(ref)


def _listed(response: Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["href"].rsplit("/", 1)[1] for item in response.json()["items"]]


def _rejected(response: Response, field: str) -> None:
    assert response.status_code == 400, response.text
    assert response.json()["message"].startswith(f"{field}:"), response.text


# -- 1. list filters ---------------------------------------------------------------------------------------


def test_v21_list_needs_exactly_one_of_reference_id_and_guest_ref(client: Client) -> None:
    ref = _guest_order(client)
    reference_id = str(ORDER_V21["referenceId"])
    _rejected(client.get("/v2.1/orders"), "referenceId")
    _rejected(client.get("/v2.1/orders", params={"expand": "true", "limit": 5}), "referenceId")
    _rejected(client.get("/v2.1/orders", params={"referenceId": reference_id, "guestRef": GUEST}), "guestRef")
    assert _listed(client.get("/v2.1/orders", params={"referenceId": reference_id})) == [ref]
    assert _listed(client.get("/v2.1/orders", params={"guestRef": GUEST})) == [ref]


def test_v21_sort_by_ordered_at_only_with_guest_ref(client: Client) -> None:
    ref = _guest_order(client)
    by_reference = {"referenceId": str(ORDER_V21["referenceId"]), "sort": "orderedAt"}
    _rejected(client.get("/v2.1/orders", params=by_reference), "sort")
    assert _listed(client.get("/v2.1/orders", params={"guestRef": GUEST, "sort": "orderedAt"})) == [ref]
    by_creation = {"referenceId": str(ORDER_V21["referenceId"]), "sort": "created"}
    assert _listed(client.get("/v2.1/orders", params=by_creation)) == [ref]


def test_legacy_list_needs_at_least_one_filter(client: Client) -> None:
    ref = make_order(client, legacy=True)["ref"]
    assert client.post(f"/v2/orders/{ref}/contacts", json=CONTACT_V2).status_code == 201
    reference_id = str(ORDER_V2["referenceId"])
    _rejected(client.get("/v2/orders"), "referenceId")
    assert _listed(client.get("/v2/orders", params={"referenceId": reference_id})) == [ref]
    assert _listed(client.get("/v2/orders", params={"guestRef": GUEST})) == [ref]
    assert _listed(client.get("/v2/orders", params={"referenceId": reference_id, "guestRef": GUEST})) == [ref]


# -- 2. PATCH order ------------------------------------------------------------------------------------------


def test_patch_order_without_the_four_marked_fields_is_400(client: Client) -> None:
    ref = make_order(client)["ref"]
    full = {name: ORDER_V21[name] for name in PATCH_REQUIRED}
    _rejected(client.patch(f"/v2.1/orders/{ref}", json={"status": "CANCELLED"}), "referenceId")
    for missing in PATCH_REQUIRED:
        body = {k: v for k, v in full.items() if k != missing}
        _rejected(client.patch(f"/v2.1/orders/{ref}", json={**body, "status": "CANCELLED"}), missing)
    stored = client.get(f"/v2.1/orders/{ref}").json()
    assert stored["status"] == ORDER_V21["status"], "a refused PATCH changes nothing"


def test_patch_order_with_them_merges_and_keeps_reference_id_and_ordered_at(client: Client) -> None:
    ref = make_order(client)["ref"]
    body = {
        "referenceId": "CHANGED",
        "orderedAt": "2030-01-01T00:00:00Z",
        "currencyCode": "USD",
        "price": 7,
        "status": "CANCELLED",
    }
    patched = client.patch(f"/v2.1/orders/{ref}", json=body)
    assert patched.status_code == 200, patched.text
    for doc in (patched.json(), client.get(f"/v2.1/orders/{ref}").json()):
        assert doc["referenceId"] == ORDER_V21["referenceId"]
        assert doc["orderedAt"] == ORDER_V21["orderedAt"]
        assert (doc["currencyCode"], doc["price"], doc["status"]) == ("USD", 7, "CANCELLED")
        assert doc["channel"] == ORDER_V21["channel"], "fields not sent are left alone"


# -- 3. deletes ----------------------------------------------------------------------------------------------


def _children(client: Client) -> dict[str, str]:
    """A v2.1 order with one of every dependent; the paths of their deletes."""
    order = make_order(client)["ref"]
    item = client.post(f"/v2.1/orders/{order}/orderItems", json=ITEM_V21).json()["ref"]
    contact = client.post(f"/v2.1/orders/{order}/contacts", json=CONTACT_V21).json()["ref"]
    consumer = client.post(f"/v2.1/orders/{order}/consumers", json=CONSUMER_V21).json()["ref"]
    assert client.post(f"/v2.1/orders/{order}/extensions/ext", json={"a": 1}).status_code == 201
    assert client.post(f"/v2.1/orderItems/{item}/extensions/ext", json={"b": 2}).status_code == 201
    return {
        "deleteOrderItemDataExtension": f"/v2.1/orderItems/{item}/extensions/ext",
        "deleteOrderDataExtension": f"/v2.1/orders/{order}/extensions/ext",
        "deleteOrderContact": f"/v2.1/orderContacts/{contact}",
        "deleteOrderConsumer": f"/v2.1/orderConsumers/{consumer}",
        "deleteOrderItem": f"/v2.1/orderItems/{item}",
        "deleteOrder": f"/v2.1/orders/{order}",
    }


def test_every_v21_delete_answers_204_without_a_body(client: Client) -> None:
    for operation_id, path in _children(client).items():
        deleted = client.delete(path)
        assert (deleted.status_code, deleted.content) == (204, b""), operation_id
        assert "content-type" not in deleted.headers, operation_id
        assert client.get(path).status_code == 404, operation_id
        assert client.delete(path).status_code == 404, operation_id


def test_legacy_deletes_answer_204_without_a_body(client: Client) -> None:
    order = make_order(client, legacy=True)["ref"]
    item = client.post(f"/v2/orders/{order}/orderItems", json=ITEM_V2).json()["ref"]
    contact = client.post(f"/v2/orders/{order}/contacts", json=CONTACT_V2).json()["ref"]
    for path in (f"/v2/orderItems/{item}", f"/v2/orderContacts/{contact}"):
        deleted = client.delete(path)
        assert (deleted.status_code, deleted.content) == (204, b""), path
        assert client.get(path).status_code == 404, path


# -- 4. creates ----------------------------------------------------------------------------------------------


def test_v21_create_statuses(client: Client) -> None:
    order = client.post("/v2.1/orders", json=ORDER_V21)
    assert order.status_code == 201
    ref = order.json()["ref"]
    consumer = client.post(f"/v2.1/orders/{ref}/consumers", json=CONSUMER_V21)
    assert consumer.status_code == 200, "the consumer create page documents 200"
    assert client.get(f"/v2.1/orderConsumers/{consumer.json()['ref']}").json() == consumer.json()
    item = client.post(f"/v2.1/orders/{ref}/orderItems", json=ITEM_V21)
    assert item.status_code == 201
    assert client.post(f"/v2.1/orders/{ref}/contacts", json=CONTACT_V21).status_code == 201
    assert client.post(f"/v2.1/orders/{ref}/extensions/ext", json={"a": 1}).status_code == 201
    item_ext = client.post(f"/v2.1/orderItems/{item.json()['ref']}/extensions/ext", json={"a": 1})
    assert item_ext.status_code == 201


def test_legacy_creates_stay_201(client: Client) -> None:
    ref = make_order(client, legacy=True)["ref"]
    for collection, body in (("orderItems", ITEM_V2), ("contacts", CONTACT_V2), ("consumers", CONSUMER_V2)):
        assert client.post(f"/v2/orders/{ref}/{collection}", json=body).status_code == 201, collection


# -- 5. legacy dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("collection", "segment", "body"),
    [
        ("contacts", "orderContacts", CONTACT_V2),
        ("consumers", "orderConsumers", CONSUMER_V2),
    ],
)
def test_legacy_dates_take_the_docs_form(
    client: Client, collection: str, segment: str, body: dict[str, Any]
) -> None:
    order = make_order(client, legacy=True)["ref"]
    dates = {"dateOfBirth": "1985-12-24T00:00Z", "passportExpiry": "2030-01-31T00:00+01:00"}
    created = client.post(f"/v2/orders/{order}/{collection}", json={**body, **dates})
    assert created.status_code == 201, created.text
    ref = created.json()["ref"]
    for doc in (created.json(), client.get(f"/v2/{segment}/{ref}").json()):
        assert {k: doc[k] for k in dates} == dates
    assert client.get(f"/v2.1/{segment}/{ref}").json()["dateOfBirth"] == dates["dateOfBirth"]
    seconds = client.post(
        f"/v2/orders/{order}/{collection}", json={**body, "dateOfBirth": "1985-12-24T00:00:00Z"}
    )
    assert seconds.status_code == 201 and seconds.json()["dateOfBirth"] == "1985-12-24T00:00:00Z"
    for wrong in ("1985-12-24", "24/12/1985"):
        _rejected(
            client.post(f"/v2/orders/{order}/{collection}", json={**body, "dateOfBirth": wrong}),
            "dateOfBirth",
        )
    _rejected(
        client.post(f"/v2/orders/{order}/{collection}", json={**body, "passportExpiry": "2030-01-31"}),
        "passportExpiry",
    )


def test_legacy_date_updates_take_the_docs_form(client: Client) -> None:
    order = make_order(client, legacy=True)["ref"]
    ref = client.post(f"/v2/orders/{order}/contacts", json=CONTACT_V2).json()["ref"]
    updated = client.post(f"/v2/orderContacts/{ref}", json={**CONTACT_V2, "dateOfBirth": "1985-12-24T00:00Z"})
    assert updated.status_code == 200 and updated.json()["dateOfBirth"] == "1985-12-24T00:00Z"


# -- 6. open and strict request bodies -----------------------------------------------------------------------

# Names no API would add (a plausible one, such as `loyaltyTier`, may be documented next and turn the test into
# one about a known field).
UNKNOWN = {"zzNotAField": "gold", "zzUnknownObject": {"zzUnknownFlag": True}}
READ_ONLY = {"href": "https://elsewhere/v2.1/x/1", "ref": "not-this-one", "createdAt": "2001-01-01T00:00:00Z"}


def test_contact_create_and_update_keep_unknown_fields_and_drop_read_only_ones(client: Client) -> None:
    order = make_order(client)["ref"]
    created = client.post(f"/v2.1/orders/{order}/contacts", json={**CONTACT_V21, **UNKNOWN, **READ_ONLY})
    assert created.status_code == 201, created.text
    doc = created.json()
    ref = doc["ref"]
    assert ref != READ_ONLY["ref"] and doc["href"].endswith(f"/v2.1/orderContacts/{ref}")
    assert doc["createdAt"] != READ_ONLY["createdAt"]
    assert {k: doc[k] for k in UNKNOWN} == UNKNOWN
    assert client.get(f"/v2.1/orderContacts/{ref}").json() == doc
    put = client.put(f"/v2.1/orderContacts/{ref}", json={**CONTACT_V21, "preferredName": "Jack"}).json()
    assert put["preferredName"] == "Jack" and not set(UNKNOWN) & set(put)


def test_item_create_patch_and_put_keep_unknown_fields_and_drop_read_only_ones(client: Client) -> None:
    order = make_order(client)["ref"]
    created = client.post(f"/v2.1/orders/{order}/orderItems", json={**ITEM_V21, **UNKNOWN, **READ_ONLY})
    assert created.status_code == 201, created.text
    ref = created.json()["ref"]
    assert ref != READ_ONLY["ref"] and created.json()["href"].endswith(f"/v2.1/orderItems/{ref}")
    assert {k: created.json()[k] for k in UNKNOWN} == UNKNOWN
    patched = client.patch(f"/v2.1/orderItems/{ref}", json={"zzUnknownNumber": 2, "ref": "zzz"})
    assert patched.status_code == 200, patched.text
    assert patched.json()["ref"] == ref and patched.json()["zzUnknownNumber"] == 2
    assert patched.json()["zzNotAField"] == "gold", "PATCH leaves unsent fields alone, unknown ones too"
    assert client.get(f"/v2.1/orderItems/{ref}").json() == patched.json()
    put = client.put(f"/v2.1/orderItems/{ref}", json={**ITEM_V21, "zzUnknownOther": "x"}).json()
    assert put["zzUnknownOther"] == "x" and "zzNotAField" not in put and "zzUnknownNumber" not in put
    # Known fields keep their rules.
    _rejected(client.patch(f"/v2.1/orderItems/{ref}", json={"price": "free", "zzNotAField": 1}), "price")


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v2.1/orders", ORDER_V21),
        ("/v2.1/orders/{order}/consumers", CONSUMER_V21),
        ("/v2/orders/{order}/orderItems", ITEM_V2),
        ("/v2/orders/{order}/contacts", CONTACT_V2),
    ],
)
def test_bodies_from_whole_field_lists_still_refuse_unknown_fields(
    client: Client, path: str, body: dict[str, Any]
) -> None:
    order = make_order(client)["ref"]
    _rejected(client.post(path.format(order=order), json={**body, "zzNotAField": "gold"}), "zzNotAField")
    assert client.post(path.format(order=order), json=body).status_code in (200, 201)


def test_order_patch_still_refuses_unknown_fields(client: Client) -> None:
    ref = make_order(client)["ref"]
    full = {name: ORDER_V21[name] for name in PATCH_REQUIRED}
    _rejected(client.patch(f"/v2.1/orders/{ref}", json={**full, "zzNotAField": "gold"}), "zzNotAField")
