"""The suite catches planted deviations, each by the check meant for it (and the healthy sandbox stays clean)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cdp_sandbox.factory import app_factory
from cdp_sandbox.faults import CATALOG

from contract_tests.checks import CUSTOM_CHECKS
from contract_tests.runner import EXIT_DEVIATIONS, EXIT_OK
from contract_tests.targets import Target
from tests.contract.helpers import RunSuite, asgi, reported_checks

WORKFLOWS = ("workflows",)

# (fault of the sandbox's catalog, check that must report it, phases to run). The first four are the issue's
# required deviations: a wrong status, a missing required response field, ignored auth, a delete that does not
# delete. `nox -s mutation` runs the whole catalog against a real server; these stay in-process and fast.
PLANTED: list[tuple[str, str, tuple[str, ...]]] = [
    ("create-answers-200", "status_code_conformance", ("examples", *WORKFLOWS)),
    ("order-ref-missing", "response_schema_conformance", ("examples", *WORKFLOWS)),
    ("no-credentials-accepted", "ignored_auth", ("examples", *WORKFLOWS)),
    ("wrong-credentials-accepted", "ignored_auth", ("examples", *WORKFLOWS)),
    ("delete-keeps-order", "deleted_resource_is_gone", WORKFLOWS),
    ("href-points-elsewhere", "href_points_to_self", WORKFLOWS),
    ("ref-differs-create-retrieve", "create_then_retrieve", WORKFLOWS),
    ("read-lags-create", "create_then_retrieve", WORKFLOWS),
    ("update-not-persisted", "write_is_persisted", WORKFLOWS),
    ("patch-wipes-unset", "patch_keeps_unsent_fields", WORKFLOWS),
    ("put-keeps-unsent", "put_removes_unsent_fields", WORKFLOWS),
    ("immutable-reference-changed", "immutable_order_fields", WORKFLOWS),
    ("list-omits-newest", "created_appears_in_list", WORKFLOWS),
    ("next-link-missing", "pagination_is_consistent", WORKFLOWS),
    ("offset-ignored", "pagination_is_consistent", WORKFLOWS),
    ("limit-ignored", "pagination_is_consistent", WORKFLOWS),
    ("child-links-other-order", "links_point_to_parent", WORKFLOWS),
    ("reference-filter-ignored", "list_filter_honoured", WORKFLOWS),
    ("guest-filter-ignored", "list_filter_honoured", WORKFLOWS),
    ("long-strings-truncated", "write_is_persisted", WORKFLOWS),
    ("astral-characters-replaced", "write_is_persisted", WORKFLOWS),
    ("integers-wrap-at-32-bits", "write_is_persisted", WORKFLOWS),
    ("decimals-rounded", "write_is_persisted", WORKFLOWS),
    ("long-strings-refused", "edge_values_accepted", WORKFLOWS),
    ("legacy-view-loses-astral", "write_is_persisted", WORKFLOWS),
    ("negative-offset-accepted", "invalid_query_rejected", WORKFLOWS),
    ("delete-fields-drops-all", "delete_fields_removes_named_keys", WORKFLOWS),
    ("pair-limit-unenforced", "extension_pair_limit", WORKFLOWS),
    ("children-survive-order-delete", "deleted_resource_is_gone", WORKFLOWS),
    ("consumer-items-empty", "consumer_items_consistent", WORKFLOWS),
    ("consumer-keeps-deleted-item", "deleted_resource_is_gone", WORKFLOWS),
    ("expand-ignored", "expand_honoured", WORKFLOWS),
    ("created-at-from-body", "timestamps_server_owned", WORKFLOWS),
    ("extension-create-overwrites", "existing_extension_conflicts", WORKFLOWS),
    ("future-birth-date-accepted", "birth_date_in_past_enforced", WORKFLOWS),
    ("unfiltered-legacy-list-accepted", "list_filter_rules_enforced", WORKFLOWS),
    ("last-link-wrong", "pagination_is_consistent", WORKFLOWS),
    ("prev-link-wrong", "pagination_is_consistent", WORKFLOWS),
    ("page-href-wrong", "pagination_is_consistent", WORKFLOWS),
    ("lowercase-currency-accepted", "invalid_body_rejected", WORKFLOWS),
    ("uppercase-ref-not-found", "refs_case_insensitive", WORKFLOWS),
    ("credentials-case-insensitive", "near_miss_credentials_refused", WORKFLOWS),
    ("modified-at-frozen", "modified_at_advances", WORKFLOWS),
    ("rejected-update-partly-applied", "rejected_write_changes_nothing", WORKFLOWS),
    ("unauthorized-delete-applied", "rejected_write_changes_nothing", WORKFLOWS),
    ("error-echoes-authorization", "credentials_not_echoed", WORKFLOWS),
    ("retrieve-consumer-answers-201", "status_code_conformance", WORKFLOWS),
    ("order-links-other-collection", "links_point_to_parent", WORKFLOWS),
    ("item-extension-survives-delete", "deleted_resource_is_gone", WORKFLOWS),
    ("legacy-expand-ignored", "expand_honoured", WORKFLOWS),
    ("default-limit-20", "pagination_is_consistent", WORKFLOWS),
    ("delete-fields-without-name-drops-extension", "delete_fields_removes_named_keys", WORKFLOWS),
]


def test_every_targeted_check_has_a_planted_fault() -> None:
    """A new check in contract_tests/checks/ comes with a fault of the catalog it catches, planted here."""
    assert set(CUSTOM_CHECKS) <= {check for _, check, _ in PLANTED}
    assert {fault for fault, _, _ in PLANTED} <= set(CATALOG)


def faulty(name: str) -> Target:
    """An in-process target: fresh sandboxes with one fault of the catalog switched on."""
    return asgi(app_factory([name]), f"sandbox with fault {name}")


# The four required deviations run in the fast loop; the rest are marked slow (about 4 s each, and the
# mutation run in CI judges every fault of the catalog again): `pytest tests/contract/test_planted_faults.py --slow`.
FAST = ("create-answers-200", "order-ref-missing", "no-credentials-accepted", "delete-keeps-order")
PLANTED_PARAMS = [
    pytest.param(*planted, id=planted[0], marks=() if planted[0] in FAST else pytest.mark.slow)
    for planted in PLANTED
]


@pytest.mark.parametrize(("fault", "expected", "phases"), PLANTED_PARAMS)
def test_planted_fault_is_reported_by_its_check(
    run_suite: RunSuite, fault: str, expected: str, phases: tuple[str, ...]
) -> None:
    outcome = run_suite(faulty(fault), phases=phases)
    assert outcome.exit_code == EXIT_DEVIATIONS, outcome.message
    assert expected in reported_checks(outcome), sorted(reported_checks(outcome))


def test_the_same_phases_pass_on_the_healthy_sandbox(run_suite: RunSuite) -> None:
    outcome = run_suite(asgi(), phases=("examples", *WORKFLOWS))
    assert outcome.exit_code == EXIT_OK, sorted(reported_checks(outcome))


def test_a_stateful_failure_replays_as_the_bug_not_as_flakiness(run_suite: RunSuite, tmp_path: Path) -> None:
    """Each scenario starts from a fresh sandbox, so Hypothesis' replay sees the same state and reports the bug."""
    outcome = run_suite(faulty("delete-keeps-order"), phases=("stateful",))
    assert outcome.exit_code == EXIT_DEVIATIONS
    assert "deleted_resource_is_gone" in reported_checks(outcome)
    junit = (tmp_path / "reports" / "conformance-junit.xml").read_text()
    assert "Flaky" not in junit
