"""Order and order item data extensions: the documented rules, 409, PUT vs PATCH, field deletion."""

from __future__ import annotations

import pytest
from httpx import Client

from .helpers import ITEM_V21, make_order


@pytest.fixture(params=["order", "orderItem"])
def parent(request: pytest.FixtureRequest, client: Client) -> str:
    """The base path of an order or of an order item that can carry an extension."""
    order = make_order(client)["ref"]
    if request.param == "order":
        return f"/v2.1/orders/{order}"
    item = client.post(f"/v2.1/orders/{order}/orderItems", json=ITEM_V21).json()["ref"]
    return f"/v2.1/orderItems/{item}"


def test_create_retrieve_and_shape(client: Client, parent: str) -> None:
    pairs = {"firstTimeOrder": True, "storeLocation": "London", "totalUnits": 8, "totalDiscount": "20%"}
    created = client.post(f"{parent}/extensions/ext", json=pairs)
    assert created.status_code == 201
    doc = created.json()
    assert doc["name"] == "ext" and doc["key"] == "default"
    assert doc["href"] == f"http://testserver{parent}/extensions/ext"
    link = "order" if "/orders/" in parent else "orderItem"
    assert doc[link] == {"href": f"http://testserver{parent}"}
    for key, value in pairs.items():
        assert doc[key] == value
    assert client.get(f"{parent}/extensions/ext").json() == doc


def test_second_create_is_409(client: Client, parent: str) -> None:
    assert client.post(f"{parent}/extensions/ext", json={"a": 1}).status_code == 201
    conflict = client.post(f"{parent}/extensions/ext", json={"b": 1})
    assert conflict.status_code == 409
    assert conflict.json()["code"] == 409


def test_list_holds_zero_or_one(client: Client, parent: str) -> None:
    empty = client.get(f"{parent}/extensions").json()
    assert empty["items"] == []
    client.post(f"{parent}/extensions/ext", json={"a": 1})
    page = client.get(f"{parent}/extensions").json()
    assert page["items"] == [{"href": f"http://testserver{parent}/extensions/ext"}]
    expanded = client.get(f"{parent}/extensions", params={"expand": "true"}).json()
    assert expanded["items"][0]["a"] == 1


def test_put_replaces_patch_merges(client: Client, parent: str) -> None:
    client.post(f"{parent}/extensions/ext", json={"a": 1, "b": "x"})
    patched = client.patch(f"{parent}/extensions/ext", json={"b": "y", "c": False}).json()
    assert (patched["a"], patched["b"], patched["c"]) == (1, "y", False)
    put = client.put(f"{parent}/extensions/ext", json={"d": 2.5}).json()
    assert put["d"] == 2.5 and not {"a", "b", "c"} & set(put)


def test_delete_fields_and_delete(client: Client, parent: str) -> None:
    client.post(f"{parent}/extensions/ext", json={"a": 1, "b": 2, "c": 3})
    trimmed = client.delete(f"{parent}/extensions/ext/fields", params={"name": "a|c|unknown"})
    assert trimmed.status_code == 200
    doc = trimmed.json()
    assert doc["b"] == 2 and "a" not in doc and "c" not in doc and doc["name"] == "ext"
    emptied = client.delete(f"{parent}/extensions/ext/fields").json()
    assert "b" not in emptied and emptied["key"] == "default"
    deleted = client.delete(f"{parent}/extensions/ext")
    assert deleted.status_code == 204 and deleted.content == b""
    assert client.get(f"{parent}/extensions/ext").status_code == 404
    assert client.delete(f"{parent}/extensions/ext").status_code == 404
    assert client.put(f"{parent}/extensions/ext", json={"a": 1}).status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"nested": {"a": 1}}, "nested"),
        ({"list": [1]}, "list"),
        ({"nothing": None}, "nothing"),
        ({"Capital": 1}, "Capital"),
        ({"snake_case": 1}, "snake_case"),
        ({"href": "x"}, "href"),
        ({"createdAt": "x"}, "createdAt"),
        ({f"k{i}": i for i in range(101)}, "body"),
    ],
)
def test_rules_reject_with_the_field_named(
    client: Client, parent: str, body: dict[str, object], field: str
) -> None:
    response = client.post(f"{parent}/extensions/ext", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["message"].startswith(f"{field}:")


def test_patch_may_not_push_past_100_pairs(client: Client, parent: str) -> None:
    assert client.post(f"{parent}/extensions/ext", json={f"k{i}": i for i in range(100)}).status_code == 201
    over = client.patch(f"{parent}/extensions/ext", json={"extra": 1})
    assert over.status_code == 400
    assert client.patch(f"{parent}/extensions/ext", json={"k0": "changed"}).status_code == 200


def test_name_must_be_ext(client: Client, parent: str) -> None:
    assert client.post(f"{parent}/extensions/ext1", json={"a": 1}).status_code == 404
    assert client.get(f"{parent}/extensions/other").status_code == 404


def test_missing_parent_is_404(client: Client) -> None:
    missing = "0840ff0d-685a-41c8-8f29-4dd9fa2e3245"
    assert client.post(f"/v2.1/orders/{missing}/extensions/ext", json={"a": 1}).status_code == 404
    assert client.get(f"/v2.1/orderItems/{missing}/extensions").status_code == 404


def test_deleting_an_item_removes_its_extension(client: Client) -> None:
    order = make_order(client)["ref"]
    item = client.post(f"/v2.1/orders/{order}/orderItems", json=ITEM_V21).json()["ref"]
    client.post(f"/v2.1/orderItems/{item}/extensions/ext", json={"a": 1})
    assert client.delete(f"/v2.1/orderItems/{item}").status_code == 204
    assert client.get(f"/v2.1/orderItems/{item}/extensions/ext").status_code == 404
