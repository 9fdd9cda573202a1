"""scripts/spec_changes.py on small synthetic spec pairs."""

from __future__ import annotations

import copy
import functools
import json
import re
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
    assert sc.main(["--base-file", str(old), "--spec", str(new), "--from-version", "1.0.0"]) == 0
    out = capsys.readouterr().out
    assert "BREAKING" in out
    assert "Implied bump: major" in out and "Version: 1.0.0 -> 2.0.0" in out
    assert sc.main(["--base-file", str(old), "--spec", str(new), "--json", "--from-version", "0.4.1"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["bump"], report["version"]) == ("minor", {"from": "0.4.1", "to": "0.5.0"})
    assert report["why"] == "0.x: a breaking change bumps the minor"


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


# -- provenance: a changed operation whose x-doc-* did not change (issue 22) -------------------------------

SPEC = ROOT / "spec" / "openapi.yaml"
# Every v2.1 operation whose request or response holds an Order.
ANSWERS_AN_ORDER = {"createOrder", "listOrders", "patchOrder", "retrieveOrder", "updateOrder"}


@functools.cache
def _real_spec() -> dict[str, Any]:
    return sc.load(SPEC.read_bytes())


def real_spec() -> dict[str, Any]:
    """A copy of spec/openapi.yaml to edit."""
    return copy.deepcopy(_real_spec())


def operation(doc: dict[str, Any], operation_id: str) -> dict[str, Any]:
    for item in doc["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return op
    raise KeyError(operation_id)


def documented_change(doc: dict[str, Any]) -> dict[str, Any]:
    """Sitecore documents `loyaltyTier` on the v2.1 order and a `status` query parameter on its list."""
    new = copy.deepcopy(doc)
    new["components"]["schemas"]["Order"]["properties"]["loyaltyTier"] = {"type": "string"}
    operation(new, "listOrders")["parameters"].append(
        {"name": "status", "in": "query", "schema": {"type": "string"}}
    )
    return new


def with_notes(doc: dict[str, Any], *operation_ids: str) -> dict[str, Any]:
    new = copy.deepcopy(doc)
    for operation_id in operation_ids:
        operation(new, operation_id)["x-doc-notes"] += (
            " Compared on 2027-01-04: loyaltyTier, status documented."
        )
    return new


def stale(old: dict[str, Any], new: dict[str, Any]) -> dict[str, str]:
    return {s.operation: s.what() for s in sc.compare(old, new).stale_provenance}


def test_a_documented_change_without_provenance_names_every_operation_it_changed() -> None:
    old = real_spec()
    found = stale(old, documented_change(old))
    assert set(found) == ANSWERS_AN_ORDER
    assert found["listOrders"] == "parameters; component schemas/Order"
    assert found["retrieveOrder"] == "component schemas/Order"


def test_provenance_brought_up_to_date_silences_the_warning_operation_by_operation() -> None:
    old = real_spec()
    new = documented_change(old)
    assert stale(old, with_notes(new, *ANSWERS_AN_ORDER)) == {}
    assert set(stale(old, with_notes(new, "listOrders"))) == ANSWERS_AN_ORDER - {"listOrders"}
    moved = copy.deepcopy(new)
    operation(moved, "createOrder")["x-doc-source"] += "#loyalty"
    operation(moved, "updateOrder")["x-doc-status"] = "documented"
    assert "createOrder" not in stale(old, moved) and "updateOrder" not in stale(old, moved)


def test_annotations_and_vendor_extensions_are_not_a_change_but_every_response_is() -> None:
    old = real_spec()
    new = copy.deepcopy(old)
    order = new["components"]["schemas"]["Order"]
    order["description"] = "reworded"
    order["properties"]["referenceId"]["examples"] = ["zz-1"]
    list_orders = operation(new, "listOrders")
    list_orders["summary"] = "List the orders"
    list_orders["parameters"][0]["x-filter"] = {"field": "referenceId", "match": "case-insensitive"}
    assert stale(old, new) == {}
    # A property called `description` is a field, not an annotation.
    order["properties"]["description"] = {"type": "string"}
    assert set(stale(old, new)) == ANSWERS_AN_ORDER
    # An error response and a query rule are part of the operation too.
    errors = copy.deepcopy(old)
    operation(errors, "deleteOrder")["responses"]["409"] = {"description": "conflict"}
    operation(errors, "legacyListOrders")["x-query-rules"] = [
        {"rule": "exactly-one", "params": ["referenceId", "guestRef"]}
    ]
    assert stale(old, errors) == {"deleteOrder": "responses", "legacyListOrders": "x-query-rules"}


def test_an_added_or_removed_operation_is_not_a_stale_one() -> None:
    old = real_spec()
    new = copy.deepcopy(old)
    del new["paths"]["/v2.1/orders"]["get"]
    assert stale(old, new) == {} and stale(new, old) == {}


def write(tmp_path: Path, name: str, doc: dict[str, Any]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_the_report_warns_and_strict_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = real_spec()
    base, new = write(tmp_path, "old.json", old), write(tmp_path, "new.json", documented_change(old))
    args = ["--base-file", str(base), "--spec", str(new), "--from-version", "0.4.1"]
    assert sc.main(args) == 0
    out = capsys.readouterr().out
    assert (
        "  WARNING  operation listOrders (GET /v2.1/orders) changed (parameters; component schemas/Order) but its "
        "provenance did not: update x-doc-notes / x-doc-source"
    ) in out
    assert "Provenance not brought up to date (5 operations):" in out
    assert sc.main([*args, "--strict"]) == 1
    strict = capsys.readouterr()
    assert strict.out.count("  ERROR  operation ") == 5 and "WARNING" not in strict.out
    assert "5 operations changed but their provenance did not (--strict)" in strict.err
    assert json.loads(_json(capsys, args))["stale_provenance"][0]["operation"] == "createOrder"
    # With the notes brought up to date: no warning, and --strict passes.
    noted = write(tmp_path, "noted.json", with_notes(documented_change(old), *ANSWERS_AN_ORDER))
    assert (
        sc.main(["--base-file", str(base), "--spec", str(noted), "--strict", "--from-version", "0.4.1"]) == 0
    )
    assert "provenance" not in capsys.readouterr().out.lower()


def _json(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    assert sc.main([*args, "--json"]) == 0
    return capsys.readouterr().out


# -- one version story: the report's bump is the one applied ------------------------------------------------


def bump_between(old: str, new: str) -> str:
    """Which part of a version changed."""
    for part, a, b in zip(("major", "minor", "patch"), old.split("."), new.split("."), strict=True):
        if a != b:
            return part
    return "none"


def breaking_change(doc: dict[str, Any]) -> dict[str, Any]:
    new = copy.deepcopy(doc)
    del new["paths"]["/v2.1/orders"]["get"]
    return new


def text_change(doc: dict[str, Any]) -> dict[str, Any]:
    new = copy.deepcopy(doc)
    new["info"]["description"] += " Reworded."
    return new


@pytest.mark.parametrize("version", ["0.4.1", "1.2.3"])
@pytest.mark.parametrize("mutate", [documented_change, breaking_change, text_change])
def test_the_report_prints_the_bump_it_applies(version: str, mutate: Any) -> None:
    old = real_spec()
    report = sc.compare(old, mutate(old))
    out = sc.format_report(report, "a", "b", sc.version_step(report, version, version))
    (implied,) = re.findall(r"^Implied bump: (\w+)", out, re.M)
    ((before, after),) = re.findall(r"^Version: (\S+) -> (\S+)$", out, re.M)
    assert before == version
    assert implied == bump_between(before, after)
    assert after == sc.bump_version(version, report.bump)
    if version.startswith("0.") and mutate is not text_change:
        assert "0.x: a " in out  # why the bump is not the semver one


def test_the_command_prints_the_same_version_story(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = real_spec()
    base, new = write(tmp_path, "old.json", old), write(tmp_path, "new.json", documented_change(old))
    version_file = tmp_path / "client-version"
    version_file.write_text("0.4.1\n", encoding="utf-8")
    assert sc.main(["--base-file", str(base), "--spec", str(new), "--version-file", str(version_file)]) == 0
    out = capsys.readouterr().out
    assert "Implied bump: patch (0 breaking, 2 total; 0.x: a compatible change bumps the patch)" in out
    assert "Version: 0.4.1 -> 0.4.2" in out


def test_a_version_changed_by_hand_is_kept_and_the_report_says_why(tmp_path: Path) -> None:
    report = sc.compare(real_spec(), documented_change(real_spec()))
    step = sc.version_step(report, "0.4.1", "0.6.0")
    assert (step.old, step.new, step.bump) == ("0.4.1", "0.6.0", "patch")
    assert "spec/client-version was changed by hand to 0.6.0, and regenerate keeps it" in step.why
    assert sc.version_step(report, "0.4.1", "0.4.2") == sc.version_step(report, "0.4.1", "0.4.1")
    text = sc.format_report(report, "a", "b", step)
    assert "Version: 0.4.1 -> 0.6.0" in text and "the changes imply 0.4.2" in text


@pytest.mark.parametrize(
    ("version", "bump", "applied"),
    [
        ("0.4.1", "major", "minor"),
        ("0.4.1", "minor", "patch"),
        ("0.4.1", "patch", "patch"),
        ("2.0.0", "minor", "minor"),
    ],
)
def test_applied_bump_is_what_bump_version_does(version: str, bump: sc.Bump, applied: str) -> None:
    assert sc.applied_bump(version, bump)[0] == applied
    assert bump_between(version, sc.bump_version(version, bump)) == applied
