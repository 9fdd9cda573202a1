"""Order items, contacts and consumers in both versions, their links, cascades and PUT/PATCH semantics."""

from __future__ import annotations

from typing import Any

import pytest
from httpx import Client

from .helpers import CONSUMER_V2, CONSUMER_V21, CONTACT_V2, CONTACT_V21, ITEM_V2, ITEM_V21, UUID, make_order

FAMILIES: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = [
    # (collection segment, resource segment, v2 body, v2.1 body)
    ("orderItems", "orderItems", ITEM_V2, ITEM_V21),
    ("contacts", "orderContacts", CONTACT_V2, CONTACT_V21),
    ("consumers", "orderConsumers", CONSUMER_V2, CONSUMER_V21),
]


def created_status(version: str, collection: str) -> int:
    """The create's success status: 201, except the v2.1 consumer create, whose page documents 200."""
    return 200 if (version, collection) == ("v2.1", "consumers") else 201


def _create(
    client: Client, version: str, order: str, collection: str, body: dict[str, Any]
) -> dict[str, Any]:
    response = client.post(f"/{version}/orders/{order}/{collection}", json=body)
    assert response.status_code == created_status(version, collection), response.text
    return dict(response.json())


@pytest.mark.parametrize(("collection", "segment", "v2_body", "v21_body"), FAMILIES)
@pytest.mark.parametrize("version", ["v2", "v2.1"])
def test_create_retrieve_list(
    client: Client,
    version: str,
    collection: str,
    segment: str,
    v2_body: dict[str, Any],
    v21_body: dict[str, Any],
) -> None:
    order = make_order(client)["ref"]
    body = v2_body if version == "v2" else v21_body
    created = _create(client, version, order, collection, body)
    ref = created["ref"]
    assert UUID.fullmatch(ref)
    assert created["href"] == f"http://testserver/{version}/{segment}/{ref}"
    assert created["order"] == {"href": f"http://testserver/{version}/orders/{order}"}
    assert client.get(f"/{version}/{segment}/{ref.upper()}").json() == created
    page = client.get(f"/{version}/orders/{order}/{collection}").json()
    assert page["items"] == [{"href": created["href"]}]
    assert page["href"] == f"http://testserver/{version}/orders/{order}/{collection}?offset=0&limit=10"
    other = "v2.1" if version == "v2" else "v2"
    shared = client.get(f"/{other}/{segment}/{ref}")
    assert shared.status_code == 200 and shared.json()["href"].startswith(f"http://testserver/{other}/")


@pytest.mark.parametrize(("collection", "segment", "v2_body", "v21_body"), FAMILIES)
def test_children_of_a_missing_order_are_404(
    client: Client, collection: str, segment: str, v2_body: dict[str, Any], v21_body: dict[str, Any]
) -> None:
    missing = "0840ff0d-685a-41c8-8f29-4dd9fa2e3245"
    assert client.post(f"/v2/orders/{missing}/{collection}", json=v2_body).status_code == 404
    assert client.post(f"/v2.1/orders/{missing}/{collection}", json=v21_body).status_code == 404
    assert client.get(f"/v2.1/orders/{missing}/{collection}").status_code == 404
    assert client.get(f"/v2/{segment}/{missing}").status_code == 404


def test_v21_list_expand_and_paging(client: Client) -> None:
    order = make_order(client)["ref"]
    refs = [
        _create(client, "v2.1", order, "orderItems", {**ITEM_V21, "name": f"n{i}"})["ref"] for i in range(3)
    ]
    page = client.get(f"/v2.1/orders/{order}/orderItems", params={"expand": "true", "limit": 2}).json()
    assert [i["ref"] for i in page["items"]] == refs[:2]
    assert page["items"][0]["name"] == "n0"
    assert page["next"]["href"].endswith("offset=2&limit=2&expand=true")


def test_v2_item_update_replaces_and_v2_delete_is_204(client: Client) -> None:
    order = make_order(client, legacy=True)["ref"]
    item = _create(client, "v2", order, "orderItems", ITEM_V2)
    body = {k: v for k, v in ITEM_V2.items() if k != "quantity"}
    updated = client.post(f"/v2/orderItems/{item['ref']}", json={**body, "price": 1}).json()
    assert updated["price"] == 1 and "quantity" not in updated
    deleted = client.delete(f"/v2/orderItems/{item['ref']}")
    assert deleted.status_code == 204 and deleted.content == b""
    assert client.get(f"/v2.1/orderItems/{item['ref']}").status_code == 404


def test_v2_item_type_enum_is_enforced_and_v21_deny_list(client: Client) -> None:
    order = make_order(client)["ref"]
    assert (
        client.post(f"/v2/orders/{order}/orderItems", json={**ITEM_V2, "type": "PRODUCT"}).status_code == 400
    )
    denied = client.post(f"/v2.1/orders/{order}/orderItems", json={**ITEM_V21, "type": "FLIGHT"})
    assert denied.status_code == 400 and denied.json()["message"].startswith("type:")


@pytest.mark.parametrize(
    ("segment", "body", "change"),
    [
        ("orderItems", {**ITEM_V21, "vendor": "Vendor XYZ"}, {"price": 1}),
        ("orderContacts", {**CONTACT_V21, "city": "Dublin"}, {"lastName": "Smith"}),
        ("orderConsumers", {**CONSUMER_V21, "nationality": "Irish"}, {"lastName": "Smith"}),
    ],
)
def test_v21_patch_merges_put_replaces(
    client: Client, segment: str, body: dict[str, Any], change: dict[str, Any]
) -> None:
    order = make_order(client)["ref"]
    collection = {"orderItems": "orderItems", "orderContacts": "contacts", "orderConsumers": "consumers"}[
        segment
    ]
    ref = _create(client, "v2.1", order, collection, body)["ref"]
    patched = client.patch(f"/v2.1/{segment}/{ref}", json=change).json()
    for name, value in body.items():
        assert patched[name] == change.get(name, value)
    replacement = {
        **{k: v for k, v in body.items() if k in ("name", "type", "status", "price", "currencyCode")},
        **change,
    }
    put = client.put(f"/v2.1/{segment}/{ref}", json=replacement)
    assert put.status_code == 200
    doc = put.json()
    dropped = set(body) - set(replacement)
    assert dropped and not dropped & set(doc)
    assert doc["modifiedAt"] >= doc["createdAt"]


def test_contact_guest_links(client: Client) -> None:
    order = make_order(client)["ref"]
    v2 = _create(client, "v2", order, "contacts", CONTACT_V2)
    assert v2["guest"] == {"href": "http://testserver/v2/guests/567a697e-4e79-4f2c-96d1-a7249a44744f"}
    assert (
        client.get(f"/v2.1/orderContacts/{v2['ref']}")
        .json()["guest"]["href"]
        .startswith("http://testserver/v2.1/guests/")
    )
    first = _create(client, "v2.1", order, "contacts", CONTACT_V21)["guest"]["href"]
    again = _create(client, "v2.1", make_order(client)["ref"], "contacts", CONTACT_V21)["guest"]["href"]
    assert first == again, "the same identifiers resolve to the same guest"
    assert UUID.fullmatch(first.rsplit("/", 1)[1]) or first.rsplit("/", 1)[1].count("-") == 4
    no_ids = _create(client, "v2.1", order, "contacts", {"firstName": "A", "lastName": "B"})
    assert "guest" not in no_ids


def test_v21_contact_put_without_identifiers_drops_guest_patch_keeps_it(client: Client) -> None:
    order = make_order(client)["ref"]
    ref = _create(client, "v2.1", order, "contacts", CONTACT_V21)["ref"]
    assert "guest" in client.patch(f"/v2.1/orderContacts/{ref}", json={"city": "Cork"}).json()
    assert "guest" not in client.put(f"/v2.1/orderContacts/{ref}", json={"firstName": "A"}).json()


def test_date_of_birth_must_be_in_the_past_in_v21(client: Client) -> None:
    order = make_order(client)["ref"]
    future = {**CONSUMER_V21, "dateOfBirth": "2999-01-01T00:00:00Z"}
    rejected = client.post(f"/v2.1/orders/{order}/consumers", json=future)
    assert rejected.status_code == 400 and rejected.json()["message"] == "dateOfBirth: must be in the past."
    assert client.post(f"/v2.1/orders/{order}/contacts", json=future).status_code == 400


def test_v2_contact_delete_is_204(client: Client) -> None:
    order = make_order(client)["ref"]
    ref = _create(client, "v2", order, "contacts", CONTACT_V2)["ref"]
    assert client.delete(f"/v2/orderContacts/{ref}").status_code == 204
    assert client.get(f"/v2/orderContacts/{ref}").status_code == 404


def test_v21_deletes_answer_204_no_body(client: Client) -> None:
    order = make_order(client)["ref"]
    for collection, segment, _, body in FAMILIES:
        ref = _create(client, "v2.1", order, collection, body)["ref"]
        deleted = client.delete(f"/v2.1/{segment}/{ref}")
        assert deleted.status_code == 204 and deleted.content == b"", segment
        assert client.get(f"/v2.1/{segment}/{ref}").status_code == 404


def test_consumer_order_item_links_across_versions(client: Client) -> None:
    order = make_order(client)["ref"]
    item = _create(client, "v2.1", order, "orderItems", ITEM_V21)["ref"]
    unknown = "https://api-engage-eu.sitecorecloud.io/v2/orderItems/FECBB7ED-6DFE-4E8C-85A9-B894B17EF4F3"
    body = {
        **CONSUMER_V2,
        "orderItems": {
            "items": [{"href": f"https://elsewhere/v2/orderItems/{item.upper()}"}, {"href": unknown}]
        },
    }
    consumer = _create(client, "v2", order, "consumers", body)
    assert consumer["orderItems"] == {
        "items": [{"href": f"http://testserver/v2/orderItems/{item}"}, {"href": unknown}]
    }
    v21 = client.get(f"/v2.1/orderConsumers/{consumer['ref']}").json()
    assert v21["orderItems"] == {
        "orderItems": [{"href": f"http://testserver/v2.1/orderItems/{item}"}, {"href": unknown}]
    }
    items = client.get(f"/v2.1/orderConsumers/{consumer['ref']}/orderItems").json()
    assert items["items"] == [{"href": f"http://testserver/v2.1/orderItems/{item}"}]
    # The spec declares no `expand` on this list, so the parameter is ignored like any unknown one.
    expanded = client.get(
        f"/v2.1/orderConsumers/{consumer['ref']}/orderItems", params={"expand": "true"}
    ).json()
    assert expanded["items"] == items["items"]


def test_deleting_an_item_unlinks_it_from_consumers(client: Client) -> None:
    order = make_order(client)["ref"]
    keep = _create(client, "v2", order, "orderItems", ITEM_V2)["ref"]
    gone = _create(client, "v2", order, "orderItems", ITEM_V2)["ref"]
    links = {"items": [{"href": f"http://x/v2/orderItems/{ref}"} for ref in (keep, gone)]}
    consumer = _create(client, "v2", order, "consumers", {**CONSUMER_V2, "orderItems": links})["ref"]
    assert client.delete(f"/v2/orderItems/{gone}").status_code == 204
    doc = client.get(f"/v2/orderConsumers/{consumer}").json()
    assert doc["orderItems"] == {"items": [{"href": f"http://testserver/v2/orderItems/{keep}"}]}


def test_deleting_an_order_removes_every_dependent(client: Client) -> None:
    order = make_order(client)["ref"]
    other = make_order(client)["ref"]
    item = _create(client, "v2.1", order, "orderItems", ITEM_V21)["ref"]
    created_contact = _create(client, "v2.1", order, "contacts", CONTACT_V21)
    contact = created_contact["ref"]
    guest = created_contact["guest"]["href"].rsplit("/", 1)[1]
    assert len(client.get("/v2.1/orders", params={"guestRef": guest}).json()["items"]) == 1
    consumer = _create(client, "v2.1", order, "consumers", CONSUMER_V21)["ref"]
    assert client.post(f"/v2.1/orders/{order}/extensions/ext", json={"a": 1}).status_code == 201
    assert client.post(f"/v2.1/orderItems/{item}/extensions/ext", json={"b": 2}).status_code == 201
    links = {"items": [{"href": f"http://x/v2/orderItems/{item}"}]}
    foreign = _create(client, "v2", other, "consumers", {**CONSUMER_V2, "orderItems": links})["ref"]
    assert client.delete(f"/v2.1/orders/{order}").status_code == 204
    for path in (
        f"/v2.1/orderItems/{item}",
        f"/v2.1/orderContacts/{contact}",
        f"/v2.1/orderConsumers/{consumer}",
        f"/v2.1/orders/{order}/extensions/ext",
        f"/v2.1/orderItems/{item}/extensions/ext",
    ):
        assert client.get(path).status_code == 404, path
    assert client.get(f"/v2.1/orderConsumers/{foreign}").json()["orderItems"] == {"orderItems": []}
    assert client.get(f"/v2.1/orders/{other}").status_code == 200
    assert client.get("/v2.1/orders", params={"guestRef": guest}).json()["items"] == []
