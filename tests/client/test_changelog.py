"""The client's changelog (scripts/changelog.py): an entry for every version, written from the API change report,
kept in spec/client-changelog.md and shipped as the package's CHANGELOG.md."""

from __future__ import annotations

import copy
import datetime
import functools
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from sitecore_cdp_client import SitecoreCDP, models

from scripts import changelog, python_names, spec_changes

ROOT = Path(__file__).resolve().parents[2]
KEPT = ROOT / "spec" / "client-changelog.md"
SHIPPED = ROOT / "generated" / "sitecore-cdp-client" / "CHANGELOG.md"
DAY = datetime.date(2026, 12, 1)


def test_the_current_version_has_an_entry_and_the_package_ships_the_kept_changelog() -> None:
    version = (ROOT / "spec" / "client-version").read_text(encoding="utf-8").strip()
    text = KEPT.read_text(encoding="utf-8")
    assert changelog.has_entry(text, version)
    assert text.startswith(changelog.HEADER)
    assert SHIPPED.read_text(encoding="utf-8") == text


def test_an_entry_lists_breaking_changes_first_then_compatible_ones() -> None:
    report = spec_changes.Report(
        (
            spec_changes.Change(False, "listOrders (GET /v2.1/orders)", "operation deprecated"),
            spec_changes.Change(True, "OrderPatch.price", "request field optional -> required"),
        ),
        "major",
    )
    # Changes without a subject (written by hand) are named as the report names them.
    assert changelog.entry("1.0.0", report, DAY) == (
        "## 1.0.0 (2026-12-01)\n\n### Breaking\n\n- `OrderPatch.price`: request field optional -> required\n\n"
        "### Compatible\n\n- `listOrders (GET /v2.1/orders)`: deprecated\n"
    )
    text_only = spec_changes.Report((), "patch")
    assert "the API did not" in changelog.entry("1.0.1", text_only, DAY)
    assert changelog.NO_API_CHANGE in changelog.entry("1.1.0", None, DAY)


def test_a_new_entry_goes_first_under_the_header_and_keeps_the_older_ones() -> None:
    first = changelog.insert(changelog.HEADER, changelog.entry("0.1.0", None, DAY, "The first version."))
    second = changelog.insert(first, changelog.entry("0.2.0", None, DAY))
    assert second.startswith(changelog.HEADER)
    assert second.index("## 0.2.0 (") < second.index("## 0.1.0 (")
    assert "The first version." in second
    assert changelog.has_entry(second, "0.1.0")
    assert not changelog.has_entry(second, "0.1")


# -- the changelog speaks Python (issue 22) -----------------------------------------------------------------

SPEC = ROOT / "spec" / "openapi.yaml"


@functools.cache
def _spec() -> dict[str, Any]:
    return spec_changes.load(SPEC.read_bytes())


def spec() -> dict[str, Any]:
    return copy.deepcopy(_spec())


def operation(doc: dict[str, Any], operation_id: str) -> dict[str, Any]:
    (found,) = [
        op
        for item in doc["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and op.get("operationId") == operation_id
    ]
    return found


def lines(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return [changelog.line(c) for c in spec_changes.compare(old, new).changes]


def test_a_documented_field_and_parameter_read_in_python_terms() -> None:
    old = spec()
    new = copy.deepcopy(old)
    new["components"]["schemas"]["Order"]["properties"]["loyaltyTier"] = {"type": "string"}
    operation(new, "listOrders")["parameters"].append(
        {"name": "status", "in": "query", "schema": {"type": "string"}}
    )
    assert changelog.entry("0.4.2", spec_changes.compare(old, new), DAY) == (
        "## 0.4.2 (2026-12-01)\n\n### Compatible\n\n"
        "- `Order.loyalty_tier` (API `loyaltyTier`): new optional field (string)\n"
        "- `orders.list(status=...)` (API `listOrders` query `status`): new optional parameter\n"
    )


def test_operations_path_parameters_legacy_resources_and_request_models_read_in_python_terms() -> None:
    old = spec()
    new = copy.deepcopy(old)
    del new["paths"]["/v2.1/orders"]["get"]
    operation(new, "legacyListOrders")["deprecated"] = False
    create = new["components"]["schemas"]["OrderCreate"]
    create["properties"]["giftMessageText"] = {"type": "string"}
    create["required"] = [*create.get("required", []), "giftMessageText"]
    operation(new, "retrieveOrderItem")["parameters"] = [
        {"name": "orderItemRef", "in": "path", "required": True, "schema": {"type": "integer"}}
    ]
    found = lines(old, new)
    assert "- `orders.list()` (API `listOrders`, `GET /v2.1/orders`): method removed" in found
    assert (
        "- `legacy.orders.list()` (API `legacyListOrders`, `GET /v2/orders`): no longer deprecated" in found
    )
    assert "- `OrderCreate.gift_message_text` (API `giftMessageText`): new required field (string)" in found
    assert any(
        line.startswith(
            "- `order_items.retrieve(order_item_ref, ...)` (API `retrieveOrderItem` path `orderItemRef`)"
        )
        for line in found
    ), found


def test_inline_schemas_take_the_generators_class_names() -> None:
    assert changelog._model("createOrder request") == "CreateOrderBody"
    assert changelog._model("listOrders 200") == "ListOrdersResponse200"
    assert changelog._model("DeleteResult | no body") == "(DeleteResult | None)"


def _operations(doc: dict[str, Any]) -> list[tuple[str, str | None, str, str]]:
    return [
        (op["operationId"], (op.get("tags") or [None])[0], method.upper(), path)
        for path, item in doc["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    ]


@pytest.mark.parametrize(
    ("operation_id", "tag", "method", "path"), [pytest.param(*op, id=op[0]) for op in _operations(_spec())]
)
def test_every_operation_is_named_as_the_generated_client_names_it(
    operation_id: str, tag: str | None, method: str, path: str
) -> None:
    """The mapping is the generator's and the templates' own: each name reaches a method of the generated client
    whose docstring names the operation's method and path."""
    target: Any = SitecoreCDP(client_key="k", api_token="t", base_url="http://127.0.0.1:9")
    for part in python_names.method(operation_id, tag).split("."):
        target = getattr(target, part)
    # The docstring spells the path's parameters the Python way (`{order_ref}`).
    unnamed = re.sub(r"\{[^}]*\}", "{}", target.__doc__ or "")
    assert f"`{method} {re.sub(r'{[^}]*}', '{}', path)}`" in unnamed


def test_model_attributes_are_the_generated_models_own() -> None:
    for schema in ("Order", "OrderCreate", "OrderItem", "LegacyOrderConsumerCreate"):
        model = getattr(models, python_names.class_name(schema))
        declared = {field.name for field in attrs.fields(model)}
        properties = _spec()["components"]["schemas"][schema]["properties"]
        assert {python_names.identifier(name) for name in properties} <= declared, schema
