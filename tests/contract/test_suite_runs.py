"""The quick profile passes against the healthy sandbox, deterministically, and writes readable reports."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from contract_tests import rule_register
from contract_tests.runner import EXIT_OK
from tests.contract.helpers import RunSuite, asgi, reported_checks


@pytest.mark.slow  # the whole quick profile: what nox -s conformance runs (minutes)
def test_quick_profile_passes_on_the_healthy_sandbox(run_suite: RunSuite, tmp_path: Path) -> None:
    outcome = run_suite(asgi(), profile="quick")
    assert outcome.exit_code == EXIT_OK, sorted(reported_checks(outcome))
    assert outcome.run is not None
    reports = tmp_path / "reports"
    summary = json.loads((reports / "conformance-summary.json").read_text())
    assert summary["operations_exercised"] == summary["operations"] == 57
    assert {"stateful", "workflow v2.1", "workflow v2", "stateless coverage"} <= set(
        summary["requests_by_phase"]
    )
    suites = ET.parse(reports / "conformance-junit.xml").getroot()
    assert int(next(suites.iter("testsuite")).get("tests", 0)) >= 57 + 2 + 1
    report = (reports / "conformance-report.md").read_text()
    assert "| createOrder | `POST /v2.1/orders` |" in report
    assert "object_level_authorization" in report  # the check that is off is listed with its reason
    # Every rule of the register (spec/rules.yaml) was exercised: one of its checks judged one of its operations.
    assert (
        rule_register.unexercised(
            rule_register.load(), outcome.run.model.operations, outcome.run.results.applied
        )
        == []
    )


@pytest.mark.slow  # three stateless phases twice (about 30 s)
def test_generated_requests_are_the_same_every_run(run_suite: RunSuite) -> None:
    subset = ("createOrder", "listOrders", "patchOrderItem", "createOrderConsumer", "legacyListOrders")
    runs = [
        run_suite(asgi(), profile="quick", phases=("examples", "coverage", "fuzzing"), operations=subset)
        for _ in range(2)
    ]
    first, second = (outcome.run.recorder.generated for outcome in runs if outcome.run is not None)
    assert len(first) > 100
    assert first == second


@pytest.mark.slow  # thorough fuzzing three times (about 40 s)
def test_a_thorough_run_is_random_but_replays_from_its_seed(run_suite: RunSuite) -> None:
    subset = ("createOrderItem", "listOrders")
    fresh = run_suite(asgi(), profile="thorough", phases=("fuzzing",), operations=subset)
    assert fresh.run is not None and fresh.run.seed is not None
    replays = [
        run_suite(asgi(), profile="thorough", seed=fresh.run.seed, phases=("fuzzing",), operations=subset)
        for _ in range(2)
    ]
    first, second = (outcome.run.recorder.generated for outcome in replays if outcome.run is not None)
    assert first == second == fresh.run.recorder.generated
