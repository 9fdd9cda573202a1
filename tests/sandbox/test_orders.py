"""Orders in both versions: create, retrieve, list filters and paging, update semantics, delete, sharing."""

from __future__ import annotations

import pytest
from httpx import Client, Response

from .helpers import ORDER_V2, ORDER_V21, STAMP, UUID, make_order


def test_v21_create_returns_201_with_identity_links_and_fields(client: Client) -> None:
    order = make_order(client)
    ref = order["ref"]
    assert UUID.fullmatch(ref)
    assert order["href"] == f"http://testserver/v2.1/orders/{ref}"
    assert STAMP.fullmatch(order["createdAt"]) and order["createdAt"] == order["modifiedAt"]
    for name, value in ORDER_V21.items():
        assert order[name] == value
    assert order["contacts"] == {"href": f"http://testserver/v2.1/orders/{ref}/contacts"}
    assert order["consumers"] == {"href": f"http://testserver/v2.1/orders/{ref}/consumers"}
    assert order["orderItems"] == {"href": f"http://testserver/v2.1/orders/{ref}/orderItems"}
    assert list(order)[:4] == ["href", "ref", "createdAt", "modifiedAt"]


def test_v2_create_and_retrieve_with_links_under_v2(client: Client) -> None:
    order = make_order(client, legacy=True)
    ref = order["ref"]
    assert order["href"] == f"http://testserver/v2/orders/{ref}"
    assert order["orderItems"] == {"href": f"http://testserver/v2/orders/{ref}/orderItems"}
    got = client.get(f"/v2/orders/{ref}")
    assert got.status_code == 200
    assert got.json() == order


def test_versions_share_data_both_ways(client: Client) -> None:
    v2 = make_order(client, legacy=True)
    via_v21 = client.get(f"/v2.1/orders/{v2['ref']}").json()
    assert via_v21["referenceId"] == ORDER_V2["referenceId"]
    assert via_v21["href"].startswith("http://testserver/v2.1/")
    v21 = make_order(client)
    via_v2 = client.get(f"/v2/orders/{v21['ref']}").json()
    assert via_v2["price"] == ORDER_V21["price"]
    assert via_v2["contacts"]["href"].startswith("http://testserver/v2/")


def test_refs_are_case_insensitive(client: Client) -> None:
    ref = make_order(client)["ref"]
    got = client.get(f"/v2.1/orders/{ref.upper()}")
    assert got.status_code == 200
    assert got.json()["ref"] == ref


def test_href_uses_the_request_host(client: Client) -> None:
    ref = make_order(client)["ref"]
    got = client.get(f"/v2.1/orders/{ref}", headers={"Host": "example.test:9999"})
    assert got.json()["href"] == f"http://example.test:9999/v2.1/orders/{ref}"


def test_unknown_and_malformed_refs_are_404(client: Client) -> None:
    missing = client.get("/v2.1/orders/0840ff0d-685a-41c8-8f29-4dd9fa2e3245")
    assert missing.status_code == 404
    body = missing.json()
    assert body["status"] == 404 and body["code"] == 404
    assert body["message"].startswith("orderRef:")
    assert body["moreInfoUrl"] == "https://support.sitecore.com"
    assert client.get("/v2/orders/not-a-uuid").status_code == 404


def test_v2_expand_order_items(client: Client) -> None:
    ref = make_order(client, legacy=True)["ref"]
    item = client.post(f"/v2/orders/{ref}/orderItems", json={**{"type": "FLIGHT"}, **_item()}).json()
    got = client.get(f"/v2/orders/{ref}", params={"expand": "orderItems"}).json()
    page = got["orderItems"]
    assert page["offset"] == 0 and page["limit"] == 10
    assert page["href"] == f"http://testserver/v2/orders/{ref}/orderItems?offset=0&limit=10"
    assert page["items"][0]["ref"] == item["ref"]
    assert page["items"][0]["href"] == f"http://testserver/v2/orderItems/{item['ref']}"
    assert client.get(f"/v2/orders/{ref}", params={"expand": "contacts"}).status_code == 400


def _item() -> dict[str, object]:
    return {
        "productId": "DUB-LAS",
        "price": 1,
        "currencyCode": "EUR",
        "status": "PURCHASED",
        "referenceId": "R",
    }


def test_v2_update_is_a_full_replacement(client: Client) -> None:
    ref = make_order(client, legacy=True)["ref"]
    body = {k: v for k, v in ORDER_V2.items() if k not in ("paymentType", "cardType")}
    body["price"] = 99
    updated = client.post(f"/v2/orders/{ref}", json=body)
    assert updated.status_code == 200
    doc = updated.json()
    assert doc["price"] == 99
    assert "paymentType" not in doc and "cardType" not in doc
    assert doc["modifiedAt"] >= doc["createdAt"]
    assert client.get(f"/v2.1/orders/{ref}").json()["price"] == 99


def test_v21_put_replaces_and_keeps_immutable_fields(client: Client) -> None:
    ref = make_order(client)["ref"]
    body = {"referenceId": "CHANGED", "orderedAt": "2030-01-01T00:00:00Z", "currencyCode": "USD", "price": 7}
    doc = client.put(f"/v2.1/orders/{ref}", json=body).json()
    assert doc["referenceId"] == ORDER_V21["referenceId"]
    assert doc["orderedAt"] == ORDER_V21["orderedAt"]
    assert doc["currencyCode"] == "USD" and doc["price"] == 7
    assert "channel" not in doc and "pointOfSale" not in doc and "status" not in doc


# The four fields the patch page marks required (spec: OrderPatch.required).
PATCH_REQUIRED = {k: ORDER_V21[k] for k in ("referenceId", "orderedAt", "currencyCode", "price")}


def test_v21_patch_merges_and_keeps_immutable_fields(client: Client) -> None:
    ref = make_order(client)["ref"]
    body = {**PATCH_REQUIRED, "price": 1, "referenceId": "NOPE", "orderedAt": "2030-01-01T00:00:00Z"}
    doc = client.patch(f"/v2.1/orders/{ref}", json=body).json()
    assert doc["price"] == 1
    assert doc["referenceId"] == ORDER_V21["referenceId"]
    assert doc["orderedAt"] == ORDER_V21["orderedAt"]
    assert doc["channel"] == ORDER_V21["channel"] and doc["status"] == ORDER_V21["status"]
    assert client.patch(f"/v2.1/orders/{ref}", json=PATCH_REQUIRED).status_code == 200
    assert client.patch(f"/v2.1/orders/{ref}", json={}).status_code == 400


def test_v21_delete_answers_204_no_body_then_404(client: Client) -> None:
    ref = make_order(client)["ref"]
    deleted = client.delete(f"/v2.1/orders/{ref}")
    assert deleted.status_code == 204 and deleted.content == b""
    assert client.get(f"/v2.1/orders/{ref}").status_code == 404
    assert client.delete(f"/v2.1/orders/{ref}").status_code == 404


def test_create_validation_names_the_field(client: Client) -> None:
    missing = client.post("/v2.1/orders", json={k: v for k, v in ORDER_V21.items() if k != "price"})
    assert missing.status_code == 400
    assert missing.json()["message"] == "price: may not be null."
    unknown = client.post("/v2.1/orders", json={**ORDER_V21, "colour": "red"})
    assert unknown.status_code == 400 and unknown.json()["message"].startswith("colour:")
    bad_enum = client.post("/v2.1/orders", json={**ORDER_V21, "channel": "FAX"})
    assert bad_enum.status_code == 400 and bad_enum.json()["message"].startswith("channel:")
    currency = client.post("/v2/orders", json={**ORDER_V2, "currencyCode": "eur"})
    assert currency.status_code == 400 and currency.json()["message"].startswith("currencyCode:")
    v2_needs_pos = client.post("/v2/orders", json={k: v for k, v in ORDER_V2.items() if k != "pointOfSale"})
    assert v2_needs_pos.json()["message"] == "pointOfSale: may not be null."
    read_only = client.post("/v2.1/orders", json={**ORDER_V21, "createdAt": "2020-01-01T00:00:00Z"})
    assert read_only.status_code == 201 and read_only.json()["createdAt"] != "2020-01-01T00:00:00Z"


# -- lists ---------------------------------------------------------------------------------------


def test_v2_list_requires_reference_id_or_guest_ref(client: Client) -> None:
    response = client.get("/v2/orders")
    assert response.status_code == 400
    assert response.json()["message"].startswith("referenceId:")


def test_v21_list_rejects_both_filters_and_bad_sort(client: Client) -> None:
    both = client.get("/v2.1/orders", params={"referenceId": "x", "guestRef": "y"})
    assert both.status_code == 400
    by_reference = client.get("/v2.1/orders", params={"referenceId": "x", "sort": "orderedAt"})
    assert by_reference.status_code == 400 and by_reference.json()["message"].startswith("sort:")
    guest = "567a697e-4e79-4f2c-96d1-a7249a44744f"
    bad_sort = client.get("/v2.1/orders", params={"guestRef": guest, "sort": "price"})
    assert bad_sort.status_code == 400 and bad_sort.json()["message"].startswith("sort:")


def test_list_by_reference_id_pages_in_creation_order(client: Client) -> None:
    refs = [make_order(client, referenceId="PAGED")["ref"] for _ in range(5)]
    make_order(client, referenceId="OTHER")
    first = client.get("/v2.1/orders", params={"referenceId": "PAGED", "limit": 2}).json()
    assert [i["href"].rsplit("/", 1)[1] for i in first["items"]] == refs[:2]
    assert first["offset"] == 0 and first["limit"] == 2
    base = "http://testserver/v2.1/orders"
    assert first["href"] == f"{base}?offset=0&limit=2&referenceId=PAGED"
    assert first["first"]["href"] == f"{base}?offset=0&limit=2&referenceId=PAGED"
    assert first["last"]["href"] == f"{base}?offset=4&limit=2&referenceId=PAGED"
    assert first["next"]["href"] == f"{base}?offset=2&limit=2&referenceId=PAGED"
    assert "prev" not in first
    last = client.get("/v2.1/orders", params={"referenceId": "PAGED", "limit": 2, "offset": 4}).json()
    assert [i["href"].rsplit("/", 1)[1] for i in last["items"]] == refs[4:]
    assert "next" not in last and last["prev"]["href"].endswith("offset=2&limit=2&referenceId=PAGED")
    beyond = client.get("/v2.1/orders", params={"referenceId": "PAGED", "offset": 50}).json()
    assert beyond["items"] == []
    v2 = client.get("/v2/orders", params={"referenceId": "PAGED"}).json()
    assert len(v2["items"]) == 5 and v2["items"][0]["href"].startswith("http://testserver/v2/orders/")


def test_list_expand_and_defaults(client: Client) -> None:
    make_order(client)
    page = client.get(
        "/v2.1/orders", params={"referenceId": str(ORDER_V21["referenceId"]), "expand": "true"}
    ).json()
    assert page["offset"] == 0 and page["limit"] == 10
    assert page["items"][0]["referenceId"] == ORDER_V21["referenceId"]
    assert page["href"].endswith("expand=true")


def test_huge_limit_is_echoed_and_clamped(client: Client) -> None:
    make_order(client)
    reference_id = str(ORDER_V21["referenceId"])
    page = client.get(
        "/v2.1/orders", params={"referenceId": reference_id, "limit": 10**30, "offset": 10**30}
    ).json()
    assert page["limit"] == 2**63 - 1 and page["items"] == []
    big = client.get("/v2.1/orders", params={"referenceId": reference_id, "limit": 5000}).json()
    assert big["limit"] == 5000 and len(big["items"]) == 1


def test_list_paging_parameters_are_validated(client: Client) -> None:
    # With the required filter, so that each 400 is about the paging parameter named.
    def get(**params: str | int) -> Response:
        return client.get("/v2.1/orders", params={"referenceId": "x", **params})

    assert get().status_code == 200
    for name, value in (("limit", 0), ("offset", -1), ("limit", "ten"), ("expand", "yes")):
        rejected = get(**{name: value})
        assert rejected.status_code == 400 and rejected.json()["message"].startswith(f"{name}:"), (
            name,
            value,
        )


def test_unknown_query_parameters_are_ignored(client: Client) -> None:
    ref = make_order(client)["ref"]
    assert client.get(f"/v2.1/orders/{ref}", params={"whatever": "1"}).status_code == 200


def test_guest_ref_lists_orders_of_a_contacts_guest(client: Client) -> None:
    mine = make_order(client)["ref"]
    make_order(client)
    guest = "567a697e-4e79-4f2c-96d1-a7249a44744f"
    body = {"firstName": "A", "lastName": "B", "guest": {"href": f"https://x/v2/guests/{guest.upper()}"}}
    assert client.post(f"/v2/orders/{mine}/contacts", json=body).status_code == 201
    page = client.get("/v2/orders", params={"guestRef": guest}).json()
    assert [i["href"].rsplit("/", 1)[1] for i in page["items"]] == [mine]
    page21 = client.get("/v2.1/orders", params={"guestRef": guest.upper(), "sort": "orderedAt"}).json()
    assert len(page21["items"]) == 1


@pytest.mark.parametrize("sort", ["created", "orderedAt"])
def test_sort_orders_of_a_guest(client: Client, sort: str) -> None:
    late = make_order(client, orderedAt="2025-01-01T00:00:00Z")["ref"]
    early = make_order(client, orderedAt="2020-01-01T00:00:00Z")["ref"]
    contact = {"firstName": "A", "lastName": "B", "identifiers": [{"provider": "P", "id": "1"}]}
    guest_hrefs = set()
    for ref in (late, early):
        guest_hrefs.add(client.post(f"/v2.1/orders/{ref}/contacts", json=contact).json()["guest"]["href"])
    assert len(guest_hrefs) == 1
    guest = guest_hrefs.pop().rsplit("/", 1)[1]
    page = client.get("/v2.1/orders", params={"guestRef": guest, "sort": sort}).json()
    order = [i["href"].rsplit("/", 1)[1] for i in page["items"]]
    assert order == ([late, early] if sort == "created" else [early, late])
