"""Accepted deviations (baseline.py) and one entry per root cause (findings.py), against sandboxes with catalog
faults: known exits 0 and is named, new exits 1, stale is reported, an expired entry counts as new, prune drops
stale entries, a malformed file is one sentence and exit 2, and the same works across workers."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from cdp_sandbox.factory import app_factory

from contract_tests import assessment, baseline, findings, report, runner, targets
from contract_tests.baseline import Baseline, BaselineError, BaselineOptions, Status
from contract_tests.context import RunOptions
from contract_tests.provenance import DeviationKind, Provenance, Scope, Verdict
from contract_tests.results import FailureRecord
from contract_tests.runner import EXIT_DEVIATIONS, EXIT_OK, EXIT_UNUSABLE, Outcome, execute
from tests.contract.helpers import asgi

ROOT = Path(__file__).resolve().parents[2]
FAST: dict[str, Any] = {"phases": ("examples", "workflows"), "operations": ("createOrder", "retrieveOrder")}


def _run(tmp_path: Path, fault: str | None, file: Path | None = None, **flags: Any) -> Outcome:
    target = asgi(app_factory([fault]) if fault else None)
    options = BaselineOptions(file, **flags)
    return execute(
        RunOptions(target=target, reports_dir=tmp_path / "reports", baseline=options, **FAST), quiet=True
    )


def _summary(tmp_path: Path) -> dict[str, Any]:
    found: dict[str, Any] = json.loads((tmp_path / "reports" / "conformance-summary.json").read_text())
    return found


def _record(message: str, operation: str = "retrieveOrder") -> FailureRecord:
    return FailureRecord(
        "response_schema_conformance",
        operation,
        "GET /x",
        "Response violates schema",
        message,
        "",
        "",
        [],
        "",
    )


# -- fingerprints and root causes ------------------------------------------------------------------------------


def test_the_difference_leaves_out_what_changes_from_run_to_run() -> None:
    one = _record(
        "'2026-12-07T10:00:00' is not a 'date-time' at http://127.0.0.1:8080/v2.1/orders/"
        "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    )
    two = _record(
        "'2025-01-01T23:59:59' is not a 'date-time' at http://127.0.0.1:9999/v2.1/orders/"
        "6fa459ea-ee8a-3ca4-894e-db77e160355e"
    )
    assert findings.difference(one) == findings.difference(two)
    assert "'date-time'" in findings.difference(one) and "2026" not in findings.difference(one)
    assert findings.record_fingerprint(one) == findings.record_fingerprint(two)
    assert findings.record_fingerprint(one) != findings.record_fingerprint(
        _record("x", operation="listOrders")
    )


def test_a_write_check_sending_other_values_is_the_same_difference() -> None:
    """`price: sent 105, ...` on a create and `price: sent 106, ...` on an update are one kind of difference."""
    one = _record("price: sent 105, the response has '105'")
    two = _record("price: sent 106, the response has '106'")
    assert findings.difference(one) == findings.difference(two)
    assert findings.difference(one).endswith("price: sent <value>, the response has <value>")
    assert findings.difference(_record("price: sent 105")) != findings.difference(_record("status: sent X"))


def test_the_rule_is_the_one_the_check_judged_not_another_note_of_the_operation() -> None:
    """href_points_to_self on createOrder once quoted the operation's note about its request fields."""
    rule = findings.rule_for("href_points_to_self", "createOrder")
    assert rule.id and "href" in rule.text.lower()
    assert "request fields" not in rule.text
    assert findings.rule_for("status_code_conformance", "createOrder").id == "STATUS-CREATE-201"


def test_one_fault_on_every_operation_is_one_entry_with_its_count(tmp_path: Path) -> None:
    outcome = execute(
        RunOptions(
            target=asgi(app_factory(["malformed-timestamps"])),
            reports_dir=tmp_path / "reports",
            phases=("examples", "workflows"),
        ),
        quiet=True,
    )
    assert outcome.exit_code == EXIT_DEVIATIONS and outcome.run is not None
    causes = assessment.assess(outcome.run).findings
    schema = [f for f in causes if f.check == "response_schema_conformance"]
    assert len(outcome.run.results.failures) > 10
    assert len(schema) == 1, [f.difference for f in schema]
    assert schema[0].count > 10 and len(schema[0].operations) > 10
    text = (tmp_path / "reports" / "conformance-report.md").read_text()
    assert schema[0].difference == 'Response violates schema: <value> is not a "date-time"'
    assert text.count(schema[0].difference) == 1
    assert f"{schema[0].count} deviation(s) on {len(schema[0].operations)} operation(s)" in text


def test_a_deviation_lists_the_exchanges_that_show_it_not_other_checks_probes(tmp_path: Path) -> None:
    outcome = _run(tmp_path, "create-answers-200")
    assert outcome.run is not None
    [record] = [r for r in outcome.run.results.failures.values() if r.check == "status_code_conformance"]
    assert any(e.role != "request" for e in record.exchanges), "the case also had other checks' probes"
    shown = report.shown_exchanges(record)
    assert shown and all(e.role == "request" for e in shown)


# -- the baseline --------------------------------------------------------------------------------------------


def test_update_then_known_exits_0_and_names_it_then_fixed_is_stale(tmp_path: Path) -> None:
    file = tmp_path / "baseline.yaml"
    updated = _run(tmp_path, "create-answers-200", file, update=True)
    assert updated.exit_code == EXIT_OK, updated.message
    entries = yaml.safe_load(file.read_text())["accepted"]
    assert [e["check"] for e in entries] == ["status_code_conformance"] and entries[0]["reason"]
    assert entries[0]["fingerprint"].startswith("createOrder:status_code_conformance:")

    known = _run(tmp_path, "create-answers-200", file)
    assert known.exit_code == EXIT_OK
    assert _summary(tmp_path)["baseline"]["known"] == [entries[0]["fingerprint"]]
    assert "[KNOWN (baseline)]" in (tmp_path / "reports" / "conformance-report.md").read_text()
    junit = (tmp_path / "reports" / "conformance-junit.xml").read_text()
    assert "known deviation(s), accepted by the baseline" in junit and "<failure" not in junit

    fixed = _run(tmp_path, None, file)
    assert fixed.exit_code == EXIT_OK
    assert _summary(tmp_path)["baseline"]["stale"] == [entries[0]["fingerprint"]]
    strict = _run(tmp_path, None, file, strict=True)
    assert strict.exit_code == EXIT_DEVIATIONS

    pruned = _run(tmp_path, None, file, prune=True)
    assert pruned.exit_code == EXIT_OK
    assert yaml.safe_load(file.read_text())["accepted"] == []


def test_a_deviation_not_in_the_baseline_fails(tmp_path: Path) -> None:
    file = tmp_path / "baseline.yaml"
    assert _run(tmp_path, "create-answers-200", file, update=True).exit_code == EXIT_OK
    other = _run(tmp_path, "order-ref-missing", file)
    assert other.exit_code == EXIT_DEVIATIONS
    summary = _summary(tmp_path)["baseline"]
    assert summary["new"] and not summary["known"]
    assert "[NEW]" in (tmp_path / "reports" / "conformance-report.md").read_text()


def test_an_expired_entry_counts_as_not_accepted_and_says_so(tmp_path: Path) -> None:
    file = tmp_path / "baseline.yaml"
    assert _run(tmp_path, "create-answers-200", file, update=True).exit_code == EXIT_OK
    document = yaml.safe_load(file.read_text())
    document["accepted"][0]["expires"] = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    file.write_text(yaml.safe_dump(document))
    expired = _run(tmp_path, "create-answers-200", file)
    assert expired.exit_code == EXIT_DEVIATIONS
    assert _summary(tmp_path)["baseline"]["expired"] == [document["accepted"][0]["fingerprint"]]
    assert "NEW (baseline entry expired)" in (tmp_path / "reports" / "conformance-report.md").read_text()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("accepted: [\n", "is not valid YAML"),
        ("- just a list\n", "must be a mapping with an `accepted` list"),
        ("accepted:\n- fingerprint: a:b:c\n", "needs a `reason`"),
        ("accepted:\n- fingerprint: nonsense\n  reason: r\n", "needs a `fingerprint`"),
        ("accepted:\n- {fingerprint: 'a:b:c', reason: r, expires: soon}\n", "not a YYYY-MM-DD date"),
        ("accepted:\n- {fingerprint: 'a:b:c', reason: r}\n- {fingerprint: 'a:b:c', reason: s}\n", "twice"),
        ("accepted:\n- {fingerprint: 'a:b:c', reason: r, reson: typo}\n", "unknown keys: reson"),
        ("version: 9\naccepted: []\n", "has version 9"),
    ],
)
def test_a_malformed_baseline_is_one_sentence_and_exit_2(
    tmp_path: Path, text: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "baseline.yaml"
    file.write_text(text)
    with pytest.raises(BaselineError, match=says.replace("(", r"\(").replace("`", "`")):
        Baseline.load(file)
    code = runner.main(["run", "--asgi", "--baseline", str(file), "--reports", str(tmp_path / "r")])
    err = capsys.readouterr().err.strip()
    assert code == EXIT_UNUSABLE and says in err and len(err.splitlines()) == 1


def test_a_missing_baseline_or_a_flag_without_one_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.yaml"
    assert runner.main(["run", "--asgi", "--baseline", str(missing)]) == EXIT_UNUSABLE
    assert "does not exist; create it with --baseline-update" in capsys.readouterr().err
    assert runner.main(["run", "--asgi", "--baseline-prune"]) == EXIT_UNUSABLE
    assert "--baseline-prune needs --baseline FILE" in capsys.readouterr().err


def test_judging_by_a_baseline_alone() -> None:
    finding = findings.group([(_record("x"), _verdict())])[0]
    [fp] = finding.fingerprints
    today = dt.date(2026, 12, 7)
    accepted = Baseline(Path("b.yaml"), {fp: baseline.Entry(fp, "known bug", expires=dt.date(2026, 12, 8))})
    assert baseline.judge(accepted, [finding], [], today=today).finding_status(finding) is Status.KNOWN
    later = baseline.judge(accepted, [finding], [], today=dt.date(2026, 12, 9))
    assert later.finding_status(finding) is Status.EXPIRED and later.fails
    other = Baseline(
        Path("b.yaml"),
        {"listOrders:ignored_auth:00000000": baseline.Entry("listOrders:ignored_auth:00000000", "r")},
    )
    tested = baseline.judge(other, [], [("listOrders", "ignored_auth")], today=today)
    untested = baseline.judge(other, [], [], today=today)
    assert [e.fingerprint for e in tested.stale] == ["listOrders:ignored_auth:00000000"]
    assert not untested.stale and untested.unexercised


def _verdict() -> Verdict:
    return Verdict(Provenance.DOCUMENTED, DeviationKind.TARGET, Scope.OPERATION, "", "")


# -- from the installed command, with workers ------------------------------------------------------------------


@pytest.mark.slow  # three runs of two workers against sandbox processes (about a minute)
def test_the_ci_workflow_from_the_command_line_with_two_workers(tmp_path: Path) -> None:
    """The README's workflow: a first run with --baseline-update, then CI with --baseline: known exits 0, a new
    deviation exits 1, the fixed target leaves the entry stale and exits 0."""
    file = tmp_path / "conformance-baseline.yaml"

    def run(fault: str | None, *flags: str) -> subprocess.CompletedProcess[str]:
        extra = ("--fault", fault) if fault else ()
        with targets.sandbox_server(extra_args=extra, probe_ready=fault is None) as sandbox:
            env = {
                **os.environ,
                "SITECORE_CDP_CLIENT_KEY": sandbox.client_key,
                "SITECORE_CDP_API_TOKEN": sandbox.api_token,
            }
            argv = [
                sys.executable,
                "-m",
                "contract_tests",
                "run",
                "--base-url",
                sandbox.base_url,
                "--target-kind",
                "sandbox",
                "--workers",
                "2",
                "--phases",
                "examples,workflows",
                "--reports",
                str(tmp_path / "r"),
                "--baseline",
                str(file),
                *flags,
            ]
            return subprocess.run(
                argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600, check=False
            )

    first = run("create-answers-200", "--baseline-update")
    assert first.returncode == EXIT_OK, first.stdout[-2000:] + first.stderr
    known = run("create-answers-200")
    assert known.returncode == EXIT_OK, known.stdout[-2000:]
    assert "[KNOWN (baseline)]" in known.stdout and "1 known, 0 new" in known.stdout
    new = run("order-ref-missing")
    assert new.returncode == EXIT_DEVIATIONS
    fixed = run(None)
    assert fixed.returncode == EXIT_OK and "1 stale" in fixed.stdout
    assert not (tmp_path / "r" / "workers").exists(), "the workers' working folder is removed"
