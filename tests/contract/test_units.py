"""Unit tests of the suite's parts: config vetting, the operation model, hooks, comparison helpers, redaction."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from cdp_sandbox.factory import app_factory

from contract_tests import checks, config, hooks
from contract_tests.checks import check_names, exchange
from contract_tests.checks.rules import query_errors
from contract_tests.context import default_spec_path
from contract_tests.model import Action, ApiModel, Kind, with_overlay
from contract_tests.runner import EXIT_DEVIATIONS
from contract_tests.transport import Redactor
from tests.contract.helpers import RunSuite, asgi


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return dict(yaml.safe_load(default_spec_path().read_text()))


@pytest.fixture(scope="module")
def model(document: dict[str, Any]) -> ApiModel:
    return ApiModel(document)


def _load(text: str | None = None, tmp_path: Path | None = None) -> config.SuiteConfig:
    builtin, custom = check_names()
    path = config.CONFIG_PATH
    if text is not None and tmp_path is not None:
        path = tmp_path / "conformance.toml"
        path.write_text(text)
    return config.load(
        path, builtin_names=builtin, custom_names=custom, narrowing_names=frozenset(hooks.NARROWINGS)
    )


# -- config -----------------------------------------------------------------------------------------


def test_every_check_is_listed_and_every_off_switch_has_a_reason() -> None:
    suite = _load()
    builtin, custom = check_names()
    assert set(suite.builtin) == builtin and set(suite.custom) == custom == set(checks.CUSTOM_CHECKS)
    off = [s for s in suite.checks.values() if not s.enabled]
    assert [s.name for s in off] == ["object_level_authorization"]
    assert all(len(s.reason) > 40 for s in off)


def test_every_operation_the_config_names_exists(model: ApiModel) -> None:
    assert config.all_operation_ids(_load()) <= set(model.operations)


def test_a_check_switched_off_without_a_reason_is_refused(tmp_path: Path) -> None:
    text = config.CONFIG_PATH.read_text().replace(
        "ignored_auth = { enabled = true }", "ignored_auth = { enabled = false }"
    )
    with pytest.raises(config.ConfigError, match=r"ignored_auth is off: a written `reason` is required"):
        _load(text, tmp_path)


def test_an_unlisted_builtin_check_is_refused(tmp_path: Path) -> None:
    text = config.CONFIG_PATH.read_text().replace("unsupported_method = { enabled = true }\n", "")
    with pytest.raises(config.ConfigError, match=r"not listed.*unsupported_method"):
        _load(text, tmp_path)


def test_an_exception_without_a_reason_is_refused(tmp_path: Path) -> None:
    text = config.CONFIG_PATH.read_text().replace(
        'reason = "A schema-valid PATCH is rightly rejected',
        'why = "A schema-valid PATCH is rightly rejected',
    )
    with pytest.raises(config.ConfigError, match="reason"):
        _load(text, tmp_path)


# -- model ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("operation_id", "action", "kind", "parent"),
    [
        ("legacyCreateOrder", Action.CREATE, Kind.ORDER, None),
        ("legacyUpdateOrder", Action.REPLACE, Kind.ORDER, None),
        ("listOrderContacts", Action.LIST, Kind.CONTACT, Kind.ORDER),
        ("patchOrderConsumer", Action.PATCH, Kind.CONSUMER, None),
        ("listOrderConsumerOrderItems", Action.LIST, Kind.ORDER_ITEM, Kind.CONSUMER),
        ("createOrderItemDataExtension", Action.CREATE, Kind.ORDER_ITEM_EXT, Kind.ORDER_ITEM),
        ("deleteOrderDataExtensionFields", Action.DELETE_FIELDS, Kind.ORDER_EXT, Kind.ORDER),
    ],
)
def test_operations_are_classified_from_their_path(
    model: ApiModel, operation_id: str, action: Action, kind: Kind, parent: Kind | None
) -> None:
    info = model.operations[operation_id]
    assert (info.action, info.kind, info.parent_kind) == (action, kind, parent)


def test_every_operation_is_modelled_and_matches_concrete_urls(model: ApiModel) -> None:
    assert len(model.operations) == 57
    info = model.match(
        "PATCH", "http://x/v2.1/orderItems/d680c9be-4c07-4731-857e-9602034b15f2/extensions/ext?a=1"
    )
    assert info is not None and info.operation_id == "patchOrderItemDataExtension"
    assert model.match("TRACE", "/v2.1/orders") is None


def test_the_overlay_adds_statuses_without_touching_the_spec(document: dict[str, Any]) -> None:
    patched = with_overlay(document, [(["retrieveOrder"], ["400"])])
    assert "400" in patched["paths"]["/v2.1/orders/{orderRef}"]["get"]["responses"]
    assert "400" not in document["paths"]["/v2.1/orders/{orderRef}"]["get"]["responses"]


# -- hooks ------------------------------------------------------------------------------------------


def test_a_future_birth_date_moves_to_the_past_and_a_past_one_stays() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert hooks.past_birth_date("2096-02-29T10:00:00Z", now) == "1992-02-29T10:00:00Z"
    assert hooks.past_birth_date("1985-12-24T00:00:00Z", now) is None
    assert hooks.past_birth_date("not a date", now) is None


def test_list_filters_are_kept_inside_the_rules() -> None:
    assert hooks.keep_legacy_list_filtered({"limit": 3}) == {
        "limit": 3,
        "referenceId": hooks.FILLER_REFERENCE_ID,
    }
    assert hooks.keep_list_filters_exclusive({"referenceId": "a", "guestRef": "b"}) == {"referenceId": "a"}
    assert hooks.keep_list_filters_exclusive({"referenceId": "a", "sort": "orderedAt"}) == {
        "sort": "orderedAt",
        "guestRef": hooks.FILLER_GUEST_REF,
    }


def test_reference_ids_are_tagged_once() -> None:
    assert hooks.tag_reference_id("B94", "cdpkit-r1-") == "cdpkit-r1-B94"
    assert hooks.tag_reference_id("cdpkit-r1-B94", "cdpkit-r1-") == "cdpkit-r1-B94"
    assert hooks.tag_reference_id(5, "cdpkit-r1-") == 5


# -- check helpers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "got", "equal"),
    [
        ("2024-01-01T16:17:16Z", "2024-01-01T16:17:16.000Z", True),
        ("2024-01-01T16:17:16Z", "2024-01-01T16:17:17Z", False),
        (50, 50.0, True),
        (True, 1, False),
        ({"id": "1"}, {"id": "1", "expiryDate": None}, True),
        ([{"id": "1"}], [], False),
        ("EUR", "eur", False),
        # Beyond 2**53 a JSON number is only as precise as a double (RFC 8259 section 6).
        (32589158477190044730, 3.2589158477190046e19, True),
        (2**53 + 10, 2**53 + 20, False),
        (9007199254740993, 9007199254740992, True),
    ],
)
def test_same_compares_what_was_sent_with_what_is_stored(sent: Any, got: Any, equal: bool) -> None:
    assert exchange.same(sent, got) is equal


def test_removed_fields_may_come_back_empty() -> None:
    empties: list[Any] = [None, "", [], {}, {"items": []}, {"orderItems": []}]
    assert all(exchange.is_empty(v) for v in empties)
    assert not exchange.is_empty({"href": "x"})


# -- redaction and reports --------------------------------------------------------------------------


def test_credentials_never_reach_the_written_record() -> None:
    redactor = Redactor(("sandbox-client-key", "sandbox-api-token"))
    headers = redactor.headers({"Authorization": "Basic abc", "X-Echo": "token=sandbox-api-token"})
    assert headers == {"Authorization": "[redacted]", "X-Echo": "token=[redacted]"}


def test_a_failure_report_names_the_check_shows_the_exchange_and_how_to_reproduce(
    run_suite: RunSuite, tmp_path: Path
) -> None:
    outcome = run_suite(asgi(app_factory(["create-answers-200"])), phases=("examples",))
    assert outcome.exit_code == EXIT_DEVIATIONS
    report = (tmp_path / "reports" / "conformance-report.md").read_text()
    assert "[NEW] [status_code_conformance] Undocumented status code: Received: 200" in report
    assert "Example: createOrder `POST /v2.1/orders`" in report
    assert "POST http://testserver/v2.1/orders" in report and "-> 200:" in report
    assert 'Reproduce: curl -X POST -u "$SITECORE_CDP_CLIENT_KEY:$SITECORE_CDP_API_TOKEN"' in report
    assert "Re-run:    python -m contract_tests run" in report
    cassette = (tmp_path / "reports" / "conformance-failures.har").read_text()
    entries = json.loads(cassette)["log"]["entries"]
    assert entries and any(e["request"]["method"] == "POST" for e in entries)
    for secret in ("sandbox-api-token", "c2FuZGJveC1jbGllbnQta2V5OnNhbmRib3gtYXBpLXRva2Vu"):
        assert secret not in cassette and secret not in report


def test_query_values_are_judged_as_the_url_carries_them(model: ApiModel) -> None:
    ok = {"referenceId": "R", "offset": "0", "limit": "10", "expand": "true"}
    assert query_errors(model, "listOrders", ok) == []
    assert query_errors(model, "listOrders", {**ok, "offset": -1}) == ["offset=-1"]
    assert query_errors(model, "listOrders", {**ok, "limit": "0", "expand": "maybe"}) == [
        "limit='0'",
        "expand='maybe'",
    ]
    assert query_errors(model, "listOrders", {**ok, "sort": "price"}) == ["sort='price'"]
