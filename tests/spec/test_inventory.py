"""The pinned inventory of operations: dropping, renaming or re-grading one must be a deliberate edit here."""

from __future__ import annotations

from collections import Counter

from tests._spec import load_spec, operations

# (method, path, operationId, x-doc-status)
INVENTORY = [
    ("POST", "/v2/orders", "legacyCreateOrder", "documented"),
    ("GET", "/v2/orders", "legacyListOrders", "documented"),
    ("GET", "/v2/orders/{orderRef}", "legacyRetrieveOrder", "partial"),
    ("POST", "/v2/orders/{orderRef}", "legacyUpdateOrder", "documented"),
    ("POST", "/v2/orders/{orderRef}/orderItems", "legacyCreateOrderItem", "partial"),
    ("GET", "/v2/orders/{orderRef}/orderItems", "legacyListOrderItems", "documented"),
    ("GET", "/v2/orderItems/{orderItemRef}", "legacyRetrieveOrderItem", "partial"),
    ("POST", "/v2/orderItems/{orderItemRef}", "legacyUpdateOrderItem", "partial"),
    ("DELETE", "/v2/orderItems/{orderItemRef}", "legacyDeleteOrderItem", "inferred"),
    ("POST", "/v2/orders/{orderRef}/contacts", "legacyCreateOrderContact", "documented"),
    ("GET", "/v2/orders/{orderRef}/contacts", "legacyListOrderContacts", "partial"),
    ("GET", "/v2/orderContacts/{orderContactRef}", "legacyRetrieveOrderContact", "documented"),
    ("POST", "/v2/orderContacts/{orderContactRef}", "legacyUpdateOrderContact", "documented"),
    ("DELETE", "/v2/orderContacts/{orderContactRef}", "legacyDeleteOrderContact", "documented"),
    ("POST", "/v2/orders/{orderRef}/consumers", "legacyCreateOrderConsumer", "documented"),
    ("GET", "/v2/orders/{orderRef}/consumers", "legacyListOrderConsumers", "documented"),
    ("GET", "/v2/orderConsumers/{orderConsumerRef}", "legacyRetrieveOrderConsumer", "documented"),
    ("POST", "/v2/orderConsumers/{orderConsumerRef}", "legacyUpdateOrderConsumer", "documented"),
    ("POST", "/v2.1/orders", "createOrder", "partial"),
    ("GET", "/v2.1/orders", "listOrders", "partial"),
    ("GET", "/v2.1/orders/{orderRef}", "retrieveOrder", "inferred"),
    ("PUT", "/v2.1/orders/{orderRef}", "updateOrder", "inferred"),
    ("PATCH", "/v2.1/orders/{orderRef}", "patchOrder", "partial"),
    ("DELETE", "/v2.1/orders/{orderRef}", "deleteOrder", "inferred"),
    ("POST", "/v2.1/orders/{orderRef}/orderItems", "createOrderItem", "inferred"),
    ("GET", "/v2.1/orders/{orderRef}/orderItems", "listOrderItems", "inferred"),
    ("GET", "/v2.1/orderItems/{orderItemRef}", "retrieveOrderItem", "inferred"),
    ("PUT", "/v2.1/orderItems/{orderItemRef}", "updateOrderItem", "partial"),
    ("PATCH", "/v2.1/orderItems/{orderItemRef}", "patchOrderItem", "inferred"),
    ("DELETE", "/v2.1/orderItems/{orderItemRef}", "deleteOrderItem", "inferred"),
    ("POST", "/v2.1/orders/{orderRef}/contacts", "createOrderContact", "partial"),
    ("GET", "/v2.1/orders/{orderRef}/contacts", "listOrderContacts", "partial"),
    ("GET", "/v2.1/orderContacts/{orderContactRef}", "retrieveOrderContact", "inferred"),
    ("PUT", "/v2.1/orderContacts/{orderContactRef}", "updateOrderContact", "inferred"),
    ("PATCH", "/v2.1/orderContacts/{orderContactRef}", "patchOrderContact", "inferred"),
    ("DELETE", "/v2.1/orderContacts/{orderContactRef}", "deleteOrderContact", "documented"),
    ("POST", "/v2.1/orders/{orderRef}/consumers", "createOrderConsumer", "documented"),
    ("GET", "/v2.1/orders/{orderRef}/consumers", "listOrderConsumers", "inferred"),
    ("GET", "/v2.1/orderConsumers/{orderConsumerRef}", "retrieveOrderConsumer", "partial"),
    ("PUT", "/v2.1/orderConsumers/{orderConsumerRef}", "updateOrderConsumer", "inferred"),
    ("PATCH", "/v2.1/orderConsumers/{orderConsumerRef}", "patchOrderConsumer", "inferred"),
    ("DELETE", "/v2.1/orderConsumers/{orderConsumerRef}", "deleteOrderConsumer", "inferred"),
    (
        "GET",
        "/v2.1/orderConsumers/{orderConsumerRef}/orderItems",
        "listOrderConsumerOrderItems",
        "documented",
    ),
    ("GET", "/v2.1/orders/{orderRef}/extensions", "listOrderDataExtensions", "partial"),
    ("POST", "/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", "createOrderDataExtension", "partial"),
    (
        "GET",
        "/v2.1/orders/{orderRef}/extensions/{dataExtensionName}",
        "retrieveOrderDataExtension",
        "inferred",
    ),
    ("PUT", "/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", "updateOrderDataExtension", "partial"),
    (
        "PATCH",
        "/v2.1/orders/{orderRef}/extensions/{dataExtensionName}",
        "patchOrderDataExtension",
        "inferred",
    ),
    (
        "DELETE",
        "/v2.1/orders/{orderRef}/extensions/{dataExtensionName}",
        "deleteOrderDataExtension",
        "inferred",
    ),
    (
        "DELETE",
        "/v2.1/orders/{orderRef}/extensions/{dataExtensionName}/fields",
        "deleteOrderDataExtensionFields",
        "partial",
    ),
    ("GET", "/v2.1/orderItems/{orderItemRef}/extensions", "listOrderItemDataExtensions", "inferred"),
    (
        "POST",
        "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}",
        "createOrderItemDataExtension",
        "partial",
    ),
    (
        "GET",
        "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}",
        "retrieveOrderItemDataExtension",
        "documented",
    ),
    (
        "PUT",
        "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}",
        "updateOrderItemDataExtension",
        "inferred",
    ),
    (
        "PATCH",
        "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}",
        "patchOrderItemDataExtension",
        "inferred",
    ),
    (
        "DELETE",
        "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}",
        "deleteOrderItemDataExtension",
        "inferred",
    ),
    (
        "DELETE",
        "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}/fields",
        "deleteOrderItemDataExtensionFields",
        "inferred",
    ),
]


def test_inventory_matches_the_spec() -> None:
    actual = [(m, p, op["operationId"], op["x-doc-status"]) for m, p, op in operations()]
    assert sorted(actual) == sorted(INVENTORY)


def test_57_operations_18_legacy_39_v21() -> None:
    versions = Counter("v2.1" if path.startswith("/v2.1/") else "v2" for _m, path, _o, _s in INVENTORY)
    assert versions == {"v2": 18, "v2.1": 39}


def test_every_operation_is_secured_and_documents_401() -> None:
    spec = load_spec()
    assert spec["security"] == [{"BasicAuth": []}]
    for _method, _path, op in operations():
        assert "security" not in op, f"{op['operationId']} overrides the global security"
        assert "401" in op["responses"], op["operationId"]


def test_every_creating_operation_links_to_the_operations_that_use_its_ref() -> None:
    for method, path, op in operations():
        created = [code for code in op["responses"] if code in ("200", "201")]
        if method == "POST" and path.count("{") == path.count("}") and not path.endswith("}"):
            links = {link for code in created for link in op["responses"][code].get("links", {})}
            assert len(links) >= 3, f"{op['operationId']} links only {sorted(links)}"


def test_link_targets_exist() -> None:
    ids = {op["operationId"] for _m, _p, op in operations()}
    for _method, _path, op in operations():
        for response in op["responses"].values():
            for name, link in response.get("links", {}).items():
                assert link["operationId"] in ids, f"{op['operationId']} -> {name}"
