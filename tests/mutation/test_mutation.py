"""The mutation runner: verdicts, timings, reports and exit codes, then one short real run end to end."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cdp_sandbox.faults import CATALOG

from contract_tests import mutation as M


def stage(
    code: int, checks: tuple[str, ...] = (), first: str | None = None, seconds: float = 5.0
) -> M.StageResult:
    return M.StageResult(("workflows",), code, seconds, list(checks), first)


def result(name: str, verdict: str, category: str = "status") -> M.FaultResult:
    return M.FaultResult(name, category, "d.", "b", verdict, [], "", None, 1.0)


def test_a_fault_is_caught_at_the_first_stage_that_reports_deviations() -> None:
    stages = [stage(0), stage(1, ("status_code_conformance",)), stage(0)]
    verdict, where = M.classify(stages)
    assert verdict == M.CAUGHT and where is stages[1]


def test_a_fault_no_stage_reports_survives() -> None:
    assert M.classify([stage(0), stage(0)]) == (M.SURVIVED, None)
    assert M.classify([]) == (M.SURVIVED, None)


def test_a_stage_that_cannot_finish_is_an_error_not_a_catch() -> None:
    for code in (2, 3, -1):
        verdict, where = M.classify([stage(0), stage(code)])
        assert verdict == M.ERROR and where is not None and where.exit_code == code
    # exit 1 without any recorded check is not a catch either
    assert M.classify([stage(1)])[0] == M.ERROR


def test_only_a_clean_stage_leads_to_the_next() -> None:
    assert M.should_continue(stage(0))
    assert not M.should_continue(stage(1, ("x",)))
    assert not M.should_continue(stage(3))


def test_failing_checks_are_read_from_the_runner_summary() -> None:
    summary = {"failures": [{"check": "b"}, {"check": "a"}, {"check": "b"}, {"nope": 1}, "junk"]}
    assert M.failing_checks(summary) == ["a", "b"]
    assert M.failing_checks({}) == []


def test_first_exchange_is_the_earliest_valid_timestamp() -> None:
    har = {
        "log": {
            "entries": [
                {"startedDateTime": "2026-01-01T00:00:05.000+00:00"},
                {"startedDateTime": "not a time"},
                {"startedDateTime": "2026-01-01T00:00:02.500+00:00"},
            ]
        }
    }
    assert M.first_exchange(har) == "2026-01-01T00:00:02.500+00:00"
    assert M.first_exchange({}) is None


def test_detection_time_runs_from_the_start_to_the_first_failing_exchange() -> None:
    started = datetime(2026, 1, 1, tzinfo=UTC)
    caught = stage(1, ("x",), (started + timedelta(seconds=2.5)).isoformat())
    assert M.detection_seconds(started, caught, 0.0) == pytest.approx(2.5)
    # without a timestamp: the stages before plus the catching stage
    assert M.detection_seconds(started, stage(1, ("x",), None, seconds=4.0), 10.0) == pytest.approx(14.0)
    assert M.detection_seconds(started, None, 0.0) is None


def test_exit_code_needs_a_clean_healthy_run_and_every_fault_caught() -> None:
    healthy = result("healthy", M.CLEAN)
    caught = [result("a", M.CAUGHT), result("b", M.CAUGHT)]
    assert M.verdict_exit(healthy, caught) == 0
    assert M.verdict_exit(healthy, [*caught, result("c", M.SURVIVED)]) == 1
    assert M.verdict_exit(healthy, [*caught, result("c", M.ERROR)]) == 1
    assert M.verdict_exit(result("healthy", M.FALSE_POSITIVE), caught) == 1
    assert M.verdict_exit(None, caught) == 1


def test_summary_counts_per_category_and_kill_rate() -> None:
    results = [
        result("a", M.CAUGHT, "status"),
        result("b", M.SURVIVED, "status"),
        result("c", M.CAUGHT, "auth"),
        result("d", M.ERROR, "auth"),
    ]
    s = M.summary(results)
    assert (s["faults"], s["caught"], s["survived"], s["errors"], s["kill_rate"]) == (4, 2, 1, 1, 0.5)
    assert s["by_category"] == {"status": {"faults": 2, "caught": 1}, "auth": {"faults": 2, "caught": 1}}


def test_stage_groups_parse_and_default_to_the_quick_profile_cheapest_first() -> None:
    assert M.parse_stages(None) == M.STAGES
    assert M.parse_stages("workflows;examples,coverage;") == (("workflows",), ("examples", "coverage"))
    phases = [p for group in M.STAGES for p in group]
    assert sorted(phases) == sorted(["examples", "coverage", "fuzzing", "stateful", "workflows"])
    assert M.STAGES[0] == ("workflows",)


def test_unknown_fault_names_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert M.main(["--faults", "no-such-fault"]) == 2
    assert "unknown fault 'no-such-fault'" in capsys.readouterr().err


def test_table_shows_verdict_checks_phase_and_time() -> None:
    caught = M.FaultResult("x", "status", "d.", "b", M.CAUGHT, ["c1", "c2"], "workflows", 1.25, 3.0)
    broken = M.FaultResult("y", "auth", "d.", "b", M.ERROR, [], "coverage", None, 3.0, "runner exit 3")
    text = M.table([caught, broken])
    assert "| `x` | status | caught | c1, c2 | workflows | 1.2 |" in text
    assert "| `y` | auth | ERROR (runner exit 3) | - | coverage | - |" in text


JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="schemathesis" tests="3" failures="2">
<testcase name="GET /v2/orders" time="0.1"><failure type="failure" message="ST202">1. Test Case ID: a

- ST202 Schema-valid request rejected

    Valid data should have been accepted

2. Test Case ID: b

- Server error

- ST202 Schema-valid request rejected
</failure></testcase>
<testcase name="POST /v2.1/orders" time="0.1"><failure type="failure" message="Undocumented HTTP status code">- Undocumented HTTP status code
</failure></testcase>
<testcase name="DELETE /v2.1/orders/{orderRef}" time="0.1"/>
</testsuite></testsuites>"""


def test_plain_failures_are_each_operation_and_failure_title_once() -> None:
    assert M.plain_failures(JUNIT) == [
        "GET /v2/orders: ST202 Schema-valid request rejected",
        "GET /v2/orders: Server error",
        "POST /v2.1/orders: Undocumented HTTP status code",
    ]


def test_plain_catches_a_fault_only_with_a_failure_the_healthy_sandbox_does_not_show() -> None:
    healthy = M.PlainResult(1, 20.0, ["GET /v2/orders: ST202 Schema-valid request rejected"])
    same = M.PlainResult(1, 20.0, list(healthy.failures))
    more = M.PlainResult(1, 20.0, [*healthy.failures, "POST /v2.1/orders: Undocumented HTTP status code"])
    broken = M.PlainResult(-1, 300.0, message="timed out after 300 s")
    assert M.plain_verdict(same, healthy) == (M.PLAIN_MISSED, [])
    assert M.plain_verdict(more, healthy) == (
        M.PLAIN_FOUND,
        ["POST /v2.1/orders: Undocumented HTTP status code"],
    )
    assert M.plain_verdict(broken, healthy)[0] == M.ERROR
    assert M.plain_verdict(None, healthy) == ("", [])


def test_the_table_has_the_plain_column_only_when_the_run_compared() -> None:
    healthy = result("healthy", M.CLEAN)
    healthy.plain = M.PlainResult(1, 20.0, ["GET /v2/orders: ST202 Schema-valid request rejected"])
    caught = M.FaultResult("x", "status", "d.", "b", M.CAUGHT, ["c1"], "workflows", 1.25, 3.0)
    caught.plain = M.PlainResult(
        1, 20.0, [*healthy.plain.failures, "POST /v2.1/orders: Undocumented HTTP status code"]
    )
    assert "Plain" not in M.table([caught])
    text = M.table([caught], healthy)
    assert "| Plain `st run --checks all` |" in text
    assert "| `x` | status | caught | c1 | workflows | 1.2 | caught: Undocumented HTTP status code |" in text
    caught.plain = M.PlainResult(1, 20.0, list(healthy.plain.failures))
    assert M.table([caught], healthy).endswith("| missed |")
    assert M.plain_summary(healthy, [caught])["only_ours"] == ["x"]
    report = {
        "summary": M.summary([caught]),
        "healthy": {"verdict": M.CLEAN},
        "finished": "2027-01-02T03:04:05+00:00",
        "jobs": 2,
        "wall_seconds": 300.4,
        "plain": M.plain_summary(healthy, [caught]),
    }
    page = M.docs_page(report, [caught], 2, healthy)
    assert "Side by side: plain `st run --checks all`" in page and "caught 0 of 1 faults (missed 1" in page
    assert "| status | 1 | 1 | 0 |" in page and page.count("| missed |") == 1


def test_only_a_compared_run_of_the_whole_catalog_rewrites_the_committed_page() -> None:
    assert M.documents_the_catalog(list(CATALOG), M.STAGES, plain=True)
    assert not M.documents_the_catalog(list(CATALOG), M.STAGES, plain=False)
    assert not M.documents_the_catalog(list(CATALOG)[:3], M.STAGES, plain=True)


@pytest.mark.slow  # four sandbox processes and plain schemathesis twice
def test_plain_schemathesis_is_run_beside_the_suite_on_the_same_fault(tmp_path: Path) -> None:
    """--compare-plain judges the healthy and the faulty sandbox with `st run --checks all` too: a 200 where the
    spec says 201 is a failure plain schemathesis does not report on the healthy sandbox."""
    fault = "create-answers-200"
    code = M.main(["--faults", fault, "--stages", "workflows", "--reports", str(tmp_path), "--compare-plain"])
    assert code == 0
    report = json.loads((tmp_path / "mutation.json").read_text())
    (only,) = report["faults"]
    assert only["plain"]["exit_code"] == 1 and only["plain"]["failures"], only["plain"]
    assert report["plain"]["caught"] == 1, report["plain"]
    assert "Plain `st run --checks all`" in (tmp_path / "mutation.md").read_text()


@pytest.mark.slow  # a real mutation run: three sandbox processes, as nox -s mutation
def test_a_short_real_run_end_to_end(tmp_path: Path) -> None:
    """Healthy sandbox then two faults, workflows only: one is caught there, one is not (exit 1), reports written."""
    caught, missed = "create-answers-200", "no-allow-on-405"
    assert caught in CATALOG and missed in CATALOG
    page = tmp_path / "docs" / "mutation.md"
    code = M.main(
        [
            *("--faults", f"{caught},{missed}", "--stages", "workflows"),
            *("--reports", str(tmp_path), "--write-docs", str(page)),
        ]
    )
    assert code == 1
    assert not page.exists()  # a subset run leaves the committed kill table alone
    report = json.loads((tmp_path / "mutation.json").read_text())
    assert report["healthy"]["verdict"] == M.CLEAN
    verdicts = {f["name"]: f for f in report["faults"]}
    assert verdicts[caught]["verdict"] == M.CAUGHT
    assert "status_code_conformance" in verdicts[caught]["checks"]
    assert verdicts[caught]["detection_seconds"] > 0
    assert verdicts[missed]["verdict"] == M.SURVIVED
    assert report["summary"]["kill_rate"] == 0.5
    markdown = (tmp_path / "mutation.md").read_text()
    assert "## Kill table" in markdown and f"`{caught}`" in markdown and "no false positive" in markdown


def test_nothing_starts_after_the_time_budget(tmp_path: Path) -> None:
    late = M.run_one("create-answers-200", M.STAGES, tmp_path, {}, deadline=time.monotonic() - 1)
    assert late.verdict == M.ERROR and "time budget" in late.message and late.stages == []
    assert M.verdict_exit(result("healthy", M.CLEAN), [late]) == 1
