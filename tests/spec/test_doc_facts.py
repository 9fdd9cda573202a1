"""What Sitecore's pages say (issue 10, item 1), as the spec states it: one test per documented fact.

1. List filters: v2.1 needs exactly one of referenceId/guestRef, sort=orderedAt only with guestRef; v2 at least one.
2. PATCH order: the page marks currencyCode, orderedAt, price and referenceId required (flagged as unusual).
3. Deletes: the order contact delete is documented 204 with no body; the other v2.1 deletes may be 200 or 204.
4. Creates: order 201, consumer 200 (documented); item, contact and data extension creates 200 or 201.
5. Legacy dates take the docs' `1985-12-24T00:00Z` (no seconds) as well as RFC 3339.
6. Bodies from cut-off pages accept unknown fields; bodies whose field list is whole stay strict.
7. The consumer retrieve page's "Response 201" label is recorded as unconfirmed; 200 is declared.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests._spec import (
    SHARED,
    component_validator,
    load_spec,
    operation,
    operations,
    request_schema,
    resolve_response,
    response_schema,
)
from tests.spec.seeds import read_seed

SCHEMAS: dict[str, Any] = load_spec()["components"]["schemas"]
PATCH_REQUIRED = {"referenceId", "orderedAt", "currencyCode", "price"}
ORDER_PATCH: dict[str, Any] = {
    "referenceId": "B94TXY-1",
    "orderedAt": "2024-01-01T16:17:16Z",
    "currencyCode": "EUR",
    "price": 50,
}


def successes(operation_id: str) -> dict[str, dict[str, Any]]:
    """The operation's declared 2xx responses, shared ones resolved."""
    responses: dict[str, Any] = operation(operation_id)["responses"]
    return {code: resolve_response(r) for code, r in responses.items() if code.startswith("2")}


def query_parameters(operation_id: str) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in operation(operation_id).get("parameters", []) if p.get("in") == "query"}


# -- 1. list filters ---------------------------------------------------------------------------------


def test_list_orders_needs_exactly_one_filter_and_sort_by_ordered_at_needs_guest_ref() -> None:
    op = operation("listOrders")
    assert op["x-query-rules"] == [
        {"rule": "exactly-one", "params": ["referenceId", "guestRef"]},
        {"rule": "requires", "param": "sort", "value": "orderedAt", "requires": "guestRef"},
    ]
    description = op["description"]
    assert "Exactly one" in description and "400" in description
    assert "without either, or with both" in description
    assert "`sort=orderedAt` is only allowed together with `guestRef`" in description


def test_legacy_list_orders_needs_at_least_one_filter() -> None:
    op = operation("legacyListOrders")
    assert op["x-query-rules"] == [{"rule": "at-least-one", "params": ["referenceId", "guestRef"]}]
    assert "x-query-rules" in op["x-doc-notes"]


@pytest.mark.parametrize("operation_id", ["listOrders", "legacyListOrders"])
def test_query_rules_name_declared_optional_parameters(operation_id: str) -> None:
    """OpenAPI cannot say "one of"; each filter stays optional on its own and the rule names real parameters."""
    declared = query_parameters(operation_id)
    for rule in operation(operation_id)["x-query-rules"]:
        named = rule.get("params", []) + [rule[k] for k in ("param", "requires") if k in rule]
        assert named and set(named) <= set(declared), rule
    for name in ("referenceId", "guestRef"):
        assert not declared[name].get("required", False)
    sort = declared.get("sort")
    if operation_id == "listOrders":
        assert sort is not None and "orderedAt" in sort["schema"]["enum"]


def test_only_the_order_lists_carry_query_rules() -> None:
    with_rules = {op["operationId"] for _m, _p, op in operations() if "x-query-rules" in op}
    assert with_rules == {"listOrders", "legacyListOrders"}


# -- 2. PATCH order --------------------------------------------------------------------------------------


def test_order_patch_requires_the_four_fields_the_page_marks() -> None:
    schema = SCHEMAS["OrderPatch"]
    assert set(schema["required"]) == PATCH_REQUIRED
    assert schema["additionalProperties"] is False
    assert request_schema("patchOrder") == {"$ref": "#/components/schemas/OrderPatch"}
    patch = component_validator("OrderPatch")
    assert patch.is_valid({**ORDER_PATCH, "status": "CANCELLED"})
    for missing in sorted(PATCH_REQUIRED):
        body = {k: v for k, v in ORDER_PATCH.items() if k != missing}
        assert not patch.is_valid(body), missing
    assert not patch.is_valid({"status": "CANCELLED"})


def test_patch_order_flags_the_required_fields_as_unconfirmed() -> None:
    op = operation("patchOrder")
    unconfirmed = op["x-doc-unconfirmed"]
    assert len(unconfirmed) == 1
    rule = unconfirmed[0]["rule"]
    assert all(name in rule for name in PATCH_REQUIRED)
    assert "PATCH" in rule and "unusual" in rule
    assert unconfirmed[0]["checks"]
    assert "x-doc-unconfirmed" in op["x-doc-notes"]
    example = op["requestBody"]["content"]["application/json"]["example"]
    assert set(example) >= PATCH_REQUIRED


# -- 3. deletes -------------------------------------------------------------------------------------------

OTHER_V21_DELETES = [
    "deleteOrder",
    "deleteOrderItem",
    "deleteOrderConsumer",
    "deleteOrderDataExtension",
    "deleteOrderItemDataExtension",
]


def test_order_contact_delete_is_documented_204_without_a_body() -> None:
    declared = successes("deleteOrderContact")
    assert list(declared) == ["204"]
    assert "content" not in declared["204"]
    assert operation("deleteOrderContact")["x-doc-status"] == "documented"


@pytest.mark.parametrize("operation_id", OTHER_V21_DELETES)
def test_other_v21_deletes_declare_200_with_a_delete_result_and_204(operation_id: str) -> None:
    declared = successes(operation_id)
    assert sorted(declared) == ["200", "204"]
    assert response_schema(operation_id, "200") == {"$ref": "#/components/schemas/DeleteResult"}
    assert "content" not in declared["204"]
    assert "204" in operation(operation_id)["x-doc-notes"]


@pytest.mark.parametrize("operation_id", ["legacyDeleteOrderItem", "legacyDeleteOrderContact"])
def test_legacy_deletes_stay_204_only(operation_id: str) -> None:
    declared = successes(operation_id)
    assert list(declared) == ["204"] and "content" not in declared["204"]


# -- 4. creates -------------------------------------------------------------------------------------------

UNDOCUMENTED_STATUS_CREATES = [
    "createOrderItem",
    "createOrderContact",
    "createOrderDataExtension",
    "createOrderItemDataExtension",
]


def test_order_create_answers_201_only() -> None:
    assert list(successes("createOrder")) == ["201"]


def test_order_consumer_create_answers_200_only() -> None:
    assert list(successes("createOrderConsumer")) == ["200"]
    assert operation("createOrderConsumer")["x-doc-status"] == "documented"
    assert response_schema("createOrderConsumer", "200") == {"$ref": "#/components/schemas/OrderConsumer"}


def test_the_consumer_create_page_says_200() -> None:
    pages = [read_seed(p) for p in sorted((SHARED / "seeds").glob("*.txt"))]
    page = next(
        (p for p in pages if (p.method, p.path) == ("POST", "/v2.1/orders/{orderRef}/consumers")), None
    )
    if page is None:
        pytest.skip("the consumer create page is not among the doc seeds")
    assert "## Response 200 fields" in page.text and "## Response 201" not in page.text


@pytest.mark.parametrize("operation_id", UNDOCUMENTED_STATUS_CREATES)
def test_creates_without_a_documented_status_declare_200_and_201_alike(operation_id: str) -> None:
    declared = successes(operation_id)
    assert sorted(declared) == ["200", "201"]
    assert response_schema(operation_id, "200") == response_schema(operation_id, "201")
    assert "both are declared" in operation(operation_id)["x-doc-notes"]


# -- 5. legacy dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("1985-12-24T00:00Z", True),  # the docs' own form
        ("1985-12-24T00:00:00Z", True),
        ("1985-12-24T00:00:00.000Z", True),
        ("1985-12-24T00:00+01:00", True),
        ("1985-12-24", False),
        ("24/12/1985", False),
        ("1985-12-24T00Z", False),
        ("1985-12-24 00:00Z", False),
        (19851224, False),
    ],
)
def test_legacy_date_takes_the_docs_form_and_rfc3339(value: object, valid: bool) -> None:
    assert component_validator("LegacyDate").is_valid(value) is valid


@pytest.mark.parametrize("schema", ["LegacyOrderContactCreate", "LegacyOrderConsumerCreate"])
def test_legacy_contact_and_consumer_dates_are_legacy_dates(schema: str) -> None:
    properties = SCHEMAS[schema]["properties"]
    for name in ("dateOfBirth", "passportExpiry"):
        assert properties[name] == {"$ref": "#/components/schemas/LegacyDate"}, name
    body = {"firstName": "John", "lastName": "Doe", "dateOfBirth": "1985-12-24T00:00Z"}
    check = component_validator(schema)
    assert check.is_valid({**body, "passportExpiry": "2030-01-31T00:00Z"})
    assert not check.is_valid({**body, "dateOfBirth": "1985-12-24"})


def test_v21_dates_stay_rfc3339() -> None:
    for schema in ("OrderContactCreate", "OrderConsumerCreate"):
        assert SCHEMAS[schema]["properties"]["dateOfBirth"] == {"$ref": "#/components/schemas/DateTime"}
    assert not component_validator("OrderConsumerCreate").is_valid({"dateOfBirth": "1985-12-24T00:00Z"})


# -- 6. open and strict request bodies ---------------------------------------------------------------------

OPEN_FROM_CUT_PAGES: dict[str, dict[str, Any]] = {
    "OrderContactCreate": {"firstName": "John"},
    "OrderItemCreate": {
        "name": "Mobile AZ10",
        "type": "MOBILE",
        "status": "CONFIRMED",
        "price": 105,
        "currencyCode": "EUR",
    },
    "OrderItemPatch": {"price": 1},
}
STRICT_FROM_WHOLE_LISTS: dict[str, dict[str, Any]] = {
    "OrderCreate": ORDER_PATCH,
    "OrderPatch": ORDER_PATCH,
    "OrderConsumerCreate": {"firstName": "Jane"},
    "LegacyOrderItemCreate": {
        "type": "FLIGHT",
        "productId": "DUB-LAS",
        "price": 30.6,
        "currencyCode": "EUR",
        "status": "PURCHASED",
        "referenceId": "B94TXY-1",
    },
    "LegacyOrderContactCreate": {"firstName": "John", "lastName": "Doe"},
}


@pytest.mark.parametrize("schema", sorted(OPEN_FROM_CUT_PAGES))
def test_bodies_from_cut_pages_accept_unknown_fields(schema: str) -> None:
    assert "additionalProperties" not in SCHEMAS[schema]
    assert "Unknown fields are allowed" in SCHEMAS[schema]["description"]
    check = component_validator(schema)
    body = OPEN_FROM_CUT_PAGES[schema]
    assert check.is_valid(body)
    assert check.is_valid({**body, "zzNotAField": "gold", "zzNotAFieldEither": {"zzNested": [1]}})
    # Known fields keep their rules.
    assert not check.is_valid({**body, "firstName": 1, "price": "free"})


@pytest.mark.parametrize("schema", sorted(STRICT_FROM_WHOLE_LISTS))
def test_bodies_from_whole_field_lists_stay_strict(schema: str) -> None:
    assert SCHEMAS[schema]["additionalProperties"] is False
    check = component_validator(schema)
    body = STRICT_FROM_WHOLE_LISTS[schema]
    assert check.is_valid(body)
    assert not check.is_valid({**body, "zzNotAField": "gold"})


def test_every_open_request_body_says_why() -> None:
    """A request body either rejects unknown fields or its description says why it accepts them."""
    bodies = {
        request_schema(op["operationId"])["$ref"].rsplit("/", 1)[-1]
        for _m, _p, op in operations()
        if "requestBody" in op
    }
    bodies.discard("DataExtensionValues")  # free keys by design, with their own rules
    open_bodies = {name for name in bodies if SCHEMAS[name].get("additionalProperties") is not False}
    assert set(OPEN_FROM_CUT_PAGES) <= open_bodies
    assert not set(STRICT_FROM_WHOLE_LISTS) & open_bodies
    for name in open_bodies:
        assert "Unknown fields are allowed" in SCHEMAS[name]["description"], name


# -- 7. the consumer retrieve's "201" label ------------------------------------------------------------------


def test_retrieve_order_consumer_records_the_201_label_as_unconfirmed() -> None:
    op = operation("retrieveOrderConsumer")
    assert list(successes("retrieveOrderConsumer")) == ["200"]
    unconfirmed = op["x-doc-unconfirmed"]
    assert len(unconfirmed) == 1
    assert '"201"' in unconfirmed[0]["rule"] and "200" in unconfirmed[0]["rule"]
    assert "status_code_conformance" in unconfirmed[0]["checks"]
    assert "Response 201" in op["x-doc-notes"]
