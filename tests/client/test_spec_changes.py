"""scripts/spec_changes.py on small synthetic spec pairs."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from scripts import spec_changes as sc

ROOT = Path(__file__).resolve().parents[2]


def base_spec() -> dict[str, Any]:
    """Two operations, a request and a response schema, an enum and a query parameter."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1", "description": "old"},
        "paths": {
            "/v2.1/orders": {
                "post": {
                    "operationId": "createOrder",
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/OrderCreate"}}
                        }
                    },
                    "responses": {
                        "201": {
                            "description": "ok",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Order"}}
                            },
                        },
                        "400": {"description": "bad"},
                    },
                },
                "get": {
                    "operationId": "listOrders",
                    "parameters": [{"name": "guestRef", "in": "query", "schema": {"type": "string"}}],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "items": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Order"},
                                            }
                                        },
                                    }
                                }
                            },
                        }
                    },
                },
            }
        },
        "components": {
            "schemas": {
                "Status": {"type": "string", "enum": ["PURCHASED", "CANCELLED"]},
                "OrderCreate": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["referenceId"],
                    "properties": {
                        "referenceId": {"type": "string"},
                        "price": {"type": "number"},
                        "status": {"$ref": "#/components/schemas/Status"},
                    },
                },
                "Order": {
                    "type": "object",
                    "required": ["href", "ref"],
                    "properties": {
                        "href": {"type": "string"},
                        "ref": {"type": "string"},
                        "price": {"type": "number"},
                        "paymentType": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                    },
                },
            }
        },
    }


def changed(mutate: Any) -> Any:
    old = base_spec()
    new = copy.deepcopy(old)
    mutate(new)
    return sc.compare(old, new)


def schemas(doc: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = doc["components"]["schemas"]
    return result


def only(report: Any) -> Any:
    assert len(report.changes) == 1, report.changes
    return report.changes[0]


def test_identical_specs_have_no_changes() -> None:
    report = sc.compare(base_spec(), base_spec())
    assert report.changes == ()
    assert report.bump == "none"


def test_description_only_change_is_a_patch() -> None:
    report = changed(lambda d: d["info"].update(description="new"))
    assert report.changes == ()
    assert report.bump == "patch"


def test_deprecating_an_operation_is_compatible_and_reported() -> None:
    report = changed(lambda d: d["paths"]["/v2.1/orders"]["post"].update(deprecated=True))
    assert [(c.breaking, c.message) for c in report.changes] == [(False, "operation deprecated")]
    assert report.bump == "minor"
    deprecated = base_spec()
    deprecated["paths"]["/v2.1/orders"]["post"]["deprecated"] = True
    back = sc.compare(deprecated, base_spec())
    assert [(c.breaking, c.message) for c in back.changes] == [(False, "operation no longer deprecated")]


def test_operation_added_is_minor_and_removed_is_major() -> None:
    def add(d: dict[str, Any]) -> None:
        d["paths"]["/v2.1/orders/{ref}"] = {
            "delete": {"operationId": "deleteOrder", "responses": {"204": {"description": "gone"}}}
        }

    change = only(added := changed(add))
    assert (change.breaking, change.message) == (False, "operation added")
    assert "deleteOrder (DELETE /v2.1/orders/{ref})" in change.where
    assert added.bump == "minor"

    removed = changed(lambda d: d["paths"]["/v2.1/orders"].pop("get"))
    assert only(removed).message == "operation removed"
    assert removed.bump == "major"


@pytest.mark.parametrize(
    ("required", "breaking"),
    [(True, True), (False, False)],
)
def test_request_field_added(required: bool, breaking: bool) -> None:
    def add(d: dict[str, Any]) -> None:
        schema = schemas(d)["OrderCreate"]
        schema["properties"]["channel"] = {"type": "string"}
        if required:
            schema["required"].append("channel")

    change = only(changed(add))
    assert change.where == "OrderCreate.channel"
    assert change.breaking is breaking


def test_response_field_added_is_compatible_and_removed_is_breaking() -> None:
    added = changed(lambda d: schemas(d)["Order"]["properties"].update(cardType={"type": "string"}))
    assert {(c.where, c.breaking) for c in added.changes} == {
        ("Order.cardType", False),
        ("listOrders 200.items[].cardType", False),
    }
    assert added.bump == "minor"

    removed = changed(lambda d: schemas(d)["Order"]["properties"].pop("price"))
    assert {c.where for c in removed.changes} == {"Order.price", "listOrders 200.items[].price"}
    assert all(c.breaking for c in removed.changes)
    assert removed.bump == "major"


def test_retyped_field_is_breaking() -> None:
    report = changed(lambda d: schemas(d)["OrderCreate"]["properties"].update(price={"type": "string"}))
    change = only(report)
    assert change.message == "type changed: number -> string"
    assert change.breaking


def test_nullable_change_is_a_type_change() -> None:
    report = changed(lambda d: schemas(d)["Order"]["properties"].update(paymentType={"type": "string"}))
    assert any("type changed: null | string -> string" in c.message for c in report.changes)


def test_required_ness_rules_depend_on_direction() -> None:
    # Request: optional -> required breaks callers; required -> optional does not.
    made_required = only(changed(lambda d: schemas(d)["OrderCreate"]["required"].append("price")))
    assert (made_required.message, made_required.breaking) == ("request field optional -> required", True)
    relaxed = only(changed(lambda d: schemas(d)["OrderCreate"].update(required=[])))
    assert (relaxed.message, relaxed.breaking) == ("request field required -> optional", False)
    # Response: required -> optional breaks readers; optional -> required does not.
    response = changed(lambda d: schemas(d)["Order"].update(required=["href"]))
    assert {(c.message, c.breaking) for c in response.changes} == {
        ("response field required -> optional", True)
    }


def test_enum_values() -> None:
    added = changed(lambda d: schemas(d)["Status"]["enum"].append("REFUNDED"))
    assert [(c.message, c.breaking) for c in added.changes] == [("enum values added: REFUNDED", False)]
    removed = changed(lambda d: schemas(d)["Status"]["enum"].remove("CANCELLED"))
    assert [(c.message, c.breaking) for c in removed.changes] == [("enum values removed: CANCELLED", True)]


def test_parameters() -> None:
    def add_required(d: dict[str, Any]) -> None:
        d["paths"]["/v2.1/orders"]["get"]["parameters"].append(
            {"name": "sort", "in": "query", "required": True, "schema": {"type": "string"}}
        )

    change = only(changed(add_required))
    assert (change.where, change.breaking) == ("listOrders parameter query sort", True)
    gone = only(changed(lambda d: d["paths"]["/v2.1/orders"]["get"].update(parameters=[])))
    assert (gone.message, gone.breaking) == ("parameter removed", True)


def test_success_status_change_alone_is_compatible() -> None:
    def to_200(d: dict[str, Any]) -> None:
        responses = d["paths"]["/v2.1/orders"]["post"]["responses"]
        responses["200"] = responses.pop("201")

    change = only(changed(to_200))
    assert (change.message, change.breaking) == ("success status 201 -> 200", False)


@pytest.mark.parametrize(
    ("version", "bump", "expected"),
    [
        ("0.1.0", "major", "0.2.0"),
        ("0.1.3", "minor", "0.1.4"),
        ("0.1.3", "patch", "0.1.4"),
        ("0.1.3", "none", "0.1.3"),
        ("1.2.3", "major", "2.0.0"),
        ("1.2.3", "minor", "1.3.0"),
        ("1.2.3", "patch", "1.2.4"),
    ],
)
def test_bump_version(version: str, bump: sc.Bump, expected: str) -> None:
    assert sc.bump_version(version, bump) == expected


def test_bump_version_rejects_non_semver() -> None:
    with pytest.raises(ValueError, match=r"MAJOR\.MINOR\.PATCH"):
        sc.bump_version("1.0", "patch")


def test_real_spec_against_itself() -> None:
    doc = sc.load((ROOT / "spec" / "openapi.yaml").read_bytes())
    assert sc.compare(doc, doc).bump == "none"
    assert len(sc._operations(doc)) >= 50


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(json.dumps(base_spec()))
    mutated = base_spec()
    schemas(mutated)["Status"]["enum"].remove("CANCELLED")
    new.write_text(json.dumps(mutated))
    assert sc.main(["--base-file", str(old), "--spec", str(new)]) == 0
    out = capsys.readouterr().out
    assert "BREAKING" in out
    assert "Implied bump: major" in out
    assert sc.main(["--base-file", str(old), "--spec", str(new), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["bump"] == "major"


def _list_orders(d: dict[str, Any]) -> dict[str, Any]:
    operation: dict[str, Any] = d["paths"]["/v2.1/orders"]["get"]
    return operation


def test_a_new_query_rule_is_breaking_and_a_dropped_one_compatible() -> None:
    rule = {"rule": "exactly-one", "params": ["referenceId", "guestRef"]}
    added = only(changed(lambda d: _list_orders(d).update({"x-query-rules": [rule]})))
    assert added.breaking and "query rule added: exactly one of referenceId, guestRef" in added.message

    old = base_spec()
    _list_orders(old)["x-query-rules"] = [rule]
    report = sc.compare(old, base_spec())
    dropped = only(report)
    assert not dropped.breaking and "query rule removed" in dropped.message
    assert report.bump == "minor"


def test_opening_a_request_body_is_compatible_and_closing_it_breaking() -> None:
    opened = changed(lambda d: schemas(d)["OrderCreate"].pop("additionalProperties"))
    change = only(opened)
    assert not change.breaking and change.message == "request body now accepts unknown fields"
    assert opened.bump == "minor"

    old = base_spec()
    schemas(old)["OrderCreate"].pop("additionalProperties")
    closed = only(sc.compare(old, base_spec()))
    assert closed.breaking and closed.message == "request body now refuses unknown fields"
