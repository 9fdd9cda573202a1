"""Every line of the reports is true: the re-run line is the command the person ran, the JUnit curl runs as printed,
JUnit carries no Hypothesis statistics, the statuses column shows every status seen, and a run of several workers
shows its progress before the final table."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from cdp_sandbox.factory import app_factory

from contract_tests import progress, targets
from contract_tests.context import RunContext, RunOptions
from contract_tests.runner import EXIT_DEVIATIONS, EXIT_OK, execute
from contract_tests.targets import url_target
from tests.contract.helpers import asgi

ROOT = Path(__file__).resolve().parents[2]


def test_the_rerun_line_is_the_command_people_typed_narrowed_to_the_test(tmp_path: Path) -> None:
    outcome = execute(
        RunOptions(
            target=asgi(app_factory(["create-answers-200"])),
            reports_dir=tmp_path,
            phases=("examples", "workflows"),
            operations=("createOrder",),
            command="cdp-conformance run",
            rerun_options=("--workers", "2", "--reports", "out", "--baseline", "accepted.yaml"),
        ),
        quiet=True,
    )
    assert outcome.exit_code == EXIT_DEVIATIONS
    text = (tmp_path / "conformance-report.md").read_text()
    reruns = [line.split("Re-run:", 1)[1].strip() for line in text.splitlines() if "Re-run:" in line]
    assert reruns and all(r.startswith("cdp-conformance run ") for r in reruns), reruns
    assert all(
        "--workers 2" in r and "--reports out" in r and "--baseline accepted.yaml" in r for r in reruns
    )
    assert "python -m contract_tests" not in text
    assert any("--phases workflows -k 'lifecycle and v2.1'" in r for r in reruns) or any(
        "--operations createOrder" in r for r in reruns
    )


def test_junit_curl_runs_as_printed_and_carries_no_hypothesis_statistics(tmp_path: Path) -> None:
    outcome = execute(
        RunOptions(
            target=asgi(app_factory(["unauthorized-answers-403"])),
            reports_dir=tmp_path,
            phases=("examples", "coverage"),
            operations=("retrieveOrder", "listOrders"),
        ),
        quiet=True,
    )
    assert outcome.exit_code == EXIT_DEVIATIONS
    junit = (tmp_path / "conformance-junit.xml").read_text()
    assert "<failure" in junit
    assert "[Filtered]" not in junit
    assert "hypothesis-statistics" not in junit
    if "curl -X" in junit:
        assert '-u "$SITECORE_CDP_CLIENT_KEY:$SITECORE_CDP_API_TOKEN"' in junit


def test_the_statuses_column_counts_what_an_undeclared_method_got_on_the_operation(tmp_path: Path) -> None:
    """A coverage case sends a method the path does not declare; its answer (405, or a 501 that fails
    not_a_server_error) belongs to the operation under test, not to no row at all."""
    run = RunContext(RunOptions(target=url_target("http://127.0.0.1:9", {}), reports_dir=tmp_path))
    prepared = requests.Request("PROPFIND", "http://127.0.0.1:9/v2.1/orders/x").prepare()
    answer = requests.Response()
    answer.status_code = 501
    answer._content = b""
    run.recorder.begin("retrieveOrder")
    run.recorder.record(prepared, answer, 0.01)
    assert run.recorder.stats["retrieveOrder"].statuses[501] == 1


@pytest.mark.slow  # two workers against a sandbox process (about 30 s)
def test_a_run_of_two_workers_shows_progress_before_its_final_table(tmp_path: Path) -> None:
    with targets.sandbox_server() as sandbox:
        env = {
            **os.environ,
            "SITECORE_CDP_CLIENT_KEY": sandbox.client_key,
            "SITECORE_CDP_API_TOKEN": sandbox.api_token,
            progress.ENV_VAR: "1",
        }
        argv = [
            sys.executable, "-m", "contract_tests", "run", "--base-url", sandbox.base_url, "--target-kind",
            "sandbox", "--workers", "2", "--phases", "examples,coverage", "--reports", str(tmp_path),
        ]  # fmt: skip
        done = subprocess.run(
            argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
        )
    assert done.returncode == EXIT_OK, done.stdout[-3000:] + done.stderr
    out = done.stdout
    table = out.index("conformance report")
    lines = [line for line in out[:table].splitlines() if line.startswith("progress: ")]
    assert len(lines) >= 2, out[:table]
    assert lines[0].startswith("progress: 0/")
    assert " tests, " in lines[-1] and " requests, " in lines[-1] and " s elapsed" in lines[-1]
    last_done = int(lines[-1].split()[1].split("/")[0])
    assert last_done > 0


def test_progress_lines_and_the_estimate() -> None:
    counts = progress.Counts(done=10, total=40, requests=1234, deviations=2)
    assert (
        progress.line(counts, 20.0)
        == "10/40 tests, 1,234 requests, 2 deviations, 20 s elapsed, about 60 s left"
    )
    assert progress.estimate(progress.Counts(done=0, total=40), 5.0) == ""
    assert progress.Counts(1, 40, 10, 0) + progress.Counts(2, 40, 5, 1) == progress.Counts(3, 40, 15, 1)
