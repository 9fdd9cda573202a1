"""The suite catches planted deviations, each by the check meant for it (and the healthy sandbox stays clean)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from contract_tests.runner import EXIT_DEVIATIONS, EXIT_OK
from tests.contract import faults
from tests.contract.helpers import RunSuite, asgi, reported_checks

WORKFLOWS = ("workflows",)

# (fault, check that must report it, phases to run). The first four are the required deviations.
PLANTED: list[tuple[Callable[[], faults.Fault], str, tuple[str, ...]]] = [
    (lambda: faults.wrong_status_on_create, "status_code_conformance", ("examples", *WORKFLOWS)),
    (lambda: faults.missing_required_field, "response_schema_conformance", ("examples", *WORKFLOWS)),
    (lambda: faults.ignored_auth, "ignored_auth", ("examples", *WORKFLOWS)),
    (lambda: faults.delete_does_not_delete, "deleted_resource_is_gone", WORKFLOWS),
    (lambda: faults.href_not_self, "href_points_to_self", WORKFLOWS),
    (lambda: faults.create_ref_differs, "create_then_retrieve", WORKFLOWS),
    (faults.RetrieveLagsCreate, "create_then_retrieve", WORKFLOWS),
    (lambda: faults.put_not_applied, "write_is_persisted", WORKFLOWS),
    (lambda: faults.patch_clobbers, "patch_keeps_unsent_fields", WORKFLOWS),
    (lambda: faults.put_keeps_unsent, "put_removes_unsent_fields", WORKFLOWS),
    (lambda: faults.immutable_changed, "immutable_order_fields", WORKFLOWS),
    (lambda: faults.new_child_not_listed, "created_appears_in_list", WORKFLOWS),
    (lambda: faults.next_link_missing, "pagination_is_consistent", WORKFLOWS),
    (lambda: faults.offset_ignored, "pagination_is_consistent", WORKFLOWS),
    (lambda: faults.limit_ignored, "pagination_is_consistent", WORKFLOWS),
    (lambda: faults.child_links_other_order, "links_point_to_parent", WORKFLOWS),
    (lambda: faults.filter_ignored, "list_filter_honoured", WORKFLOWS),
    (lambda: faults.delete_fields_drops_all, "delete_fields_removes_named_keys", WORKFLOWS),
    (lambda: faults.pair_limit_unenforced, "extension_pair_limit", WORKFLOWS),
    (faults.ChildSurvivesParentDelete, "deleted_resource_is_gone", WORKFLOWS),
    (lambda: faults.consumer_items_empty, "consumer_items_consistent", WORKFLOWS),
    (faults.ConsumerKeepsDeletedItem, "deleted_resource_is_gone", WORKFLOWS),
    (lambda: faults.expand_ignored, "expand_honoured", WORKFLOWS),
    (lambda: faults.created_at_taken_from_body, "timestamps_server_owned", WORKFLOWS),
    (lambda: faults.extension_created_twice, "existing_extension_conflicts", WORKFLOWS),
    (lambda: faults.future_birth_date_accepted, "birth_date_in_past_enforced", WORKFLOWS),
    (lambda: faults.unfiltered_legacy_list_accepted, "list_filter_rules_enforced", WORKFLOWS),
    (lambda: faults.last_link_wrong, "pagination_is_consistent", WORKFLOWS),
]


@pytest.mark.parametrize(
    ("make_fault", "expected", "phases"),
    PLANTED,
    ids=[m.__name__ if isinstance(m, type) else m().__name__ for m, _, _ in PLANTED],
)
def test_planted_fault_is_reported_by_its_check(
    run_suite: RunSuite, make_fault: Callable[[], faults.Fault], expected: str, phases: tuple[str, ...]
) -> None:
    outcome = run_suite(asgi(faults.planted(make_fault), "faulty sandbox"), phases=phases)
    assert outcome.exit_code == EXIT_DEVIATIONS, outcome.message
    assert expected in reported_checks(outcome), sorted(reported_checks(outcome))


def test_the_same_phases_pass_on_the_healthy_sandbox(run_suite: RunSuite) -> None:
    outcome = run_suite(asgi(), phases=("examples", *WORKFLOWS))
    assert outcome.exit_code == EXIT_OK, sorted(reported_checks(outcome))


def test_a_stateful_failure_replays_as_the_bug_not_as_flakiness(run_suite: RunSuite, tmp_path: Path) -> None:
    """Each scenario starts from a fresh sandbox, so Hypothesis' replay sees the same state and reports the bug."""
    outcome = run_suite(asgi(faults.planted(lambda: faults.delete_does_not_delete)), phases=("stateful",))
    assert outcome.exit_code == EXIT_DEVIATIONS
    assert "deleted_resource_is_gone" in reported_checks(outcome)
    junit = (tmp_path / "reports" / "conformance-junit.xml").read_text()
    assert "Flaky" not in junit
