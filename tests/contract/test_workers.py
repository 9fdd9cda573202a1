"""--workers: one run in several processes that take tests from one queue, merged into one report.

The run that matters: the stateless phases and the stateful groups run side by side (the workers' busy times
overlap) and send the same requests as one process does, apart from the records each worker tags as its own.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from cdp_sandbox.factory import app_factory

from contract_tests import concurrency, runner, targets, workers
from contract_tests import config as config_mod
from contract_tests.context import RunOptions
from contract_tests.report import coverage_line
from contract_tests.runner import execute, execute_parallel
from contract_tests.targets import Target
from tests.contract.helpers import RunSuite, asgi
from tests.contract.lossy_proxy import lossy_proxy

ROOT = Path(__file__).resolve().parents[2]
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
WORKER_TAG = re.compile(r"cdpkit-conformance-[0-9T]+-[0-9a-f]+-[wt][0-9]+-")


def test_the_queue_hands_out_each_index_once_across_processes(tmp_path: Path) -> None:
    path = tmp_path / "queue"
    path.write_bytes(b"0")
    script = tmp_path / "claim.py"
    script.write_text(
        "import sys\nfrom pathlib import Path\nfrom contract_tests.workers import WorkQueue\n"
        "q = WorkQueue(Path(sys.argv[1]))\nclaimed = []\n"
        "for _ in range(1000):\n    i = q.claim()\n    if i >= 200:\n        break\n    claimed.append(i)\n"
        "print(' '.join(map(str, claimed)))\n"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, str(script), str(path)], stdout=subprocess.PIPE, cwd=ROOT, text=True
        )
        for _ in range(4)
    ]
    claimed = [int(i) for p in processes for i in p.communicate(timeout=60)[0].split()]
    assert sorted(claimed) == list(range(200))


class _Item:
    def __init__(self, nodeid: str) -> None:
        self.nodeid = nodeid


def test_the_longest_tests_are_claimed_first() -> None:
    items = [
        _Item("test_1_stateless.py::test_operation[GET /a]"),
        _Item("test_2_workflows.py::test_lifecycle[v2.1]"),
        _Item("test_3_stateful.py::TestStatefulGroup1::runTest"),
        _Item("test_1_stateless.py::test_operation[GET /b]"),
    ]
    order = [item.nodeid for item in workers.claim_order(items)]  # type: ignore[arg-type]
    assert order == [items[1].nodeid, items[2].nodeid, items[0].nodeid, items[3].nodeid]


def test_junit_files_merge_into_one_suite_in_run_order(tmp_path: Path) -> None:
    def write(path: Path, *cases: tuple[str, str | None]) -> None:
        suite = ET.Element("testsuite", name="conformance", time="1.5")
        for name, outcome in cases:
            case = ET.SubElement(suite, "testcase", classname="test_1_stateless", name=name)
            if outcome:
                ET.SubElement(case, outcome, message="m")
        root = ET.Element("testsuites")
        root.append(suite)
        ET.ElementTree(root).write(path)

    write(tmp_path / "a.xml", ("test_operation[GET /b]", "failure"), ("test_operation[GET /c]", "skipped"))
    write(tmp_path / "b.xml", ("test_operation[GET /a]", None))
    order = [f"test_1_stateless.py::test_operation[GET /{x}]" for x in "abc"]
    target = tmp_path / "merged.xml"
    workers.merge_junit([tmp_path / "a.xml", tmp_path / "b.xml"], order, target)
    suite = ET.parse(target).getroot()[0]
    assert [c.get("name") for c in suite.iter("testcase")] == [f"test_operation[GET /{x}]" for x in "abc"]
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped"), suite.get("time")) == (
        "3",
        "1",
        "1",
        "3.000",
    )


def test_an_incomplete_run_says_what_it_covered() -> None:
    order = [
        "test_1_stateless.py::test_operation[GET /a]",
        "test_1_stateless.py::test_operation[GET /b]",
        "test_2_workflows.py::test_lifecycle[v2]",
        "test_3_stateful.py::TestStatefulGroup1::runTest",
    ]
    outcomes = {order[0]: "passed", order[1]: "skipped", order[2]: "failed"}
    assert (
        coverage_line(order, outcomes)
        == "covered stateless operations 1/2, workflows 1/1, stateful groups 0/1"
    )


def _target(url: str, *, app: bool = False, local: bool = False) -> Target:
    return Target(url, "k", "t", app_factory=app_factory() if app else None, local_sandbox=local)


def test_the_worker_count_follows_the_round_trip_not_the_host_name() -> None:
    cpu = concurrency.SUITE_CPU_SECONDS_PER_REQUEST
    assert concurrency.workers_for(cpu / 2) == 1, "a local sandbox is bound by the CPU"
    assert concurrency.workers_for(0.1) == math.ceil((0.1 + cpu) / cpu)
    assert concurrency.workers_for(5.0) == concurrency.MAX_DEFAULT_WORKERS
    assert concurrency.workers_for(0.1, rate_limit=20) == math.floor(20 * (0.1 + cpu)), (
        "no more than may send"
    )
    assert concurrency.workers_for(0.1, rate_limit=1) == 1
    far = _target("http://127.0.0.1:8080")
    chosen = concurrency.choose(far, None, timed=lambda: [0.1, 0.11, 0.09])
    assert chosen.workers > 1 and "round trip 100.0 ms (median of 3 reads)" in chosen.describe()
    assert concurrency.choose(far, None, requested=3).workers == 3
    assert concurrency.choose(_target("http://testserver", app=True), None).workers == 1


def test_the_default_is_one_worker_for_a_local_sandbox_and_more_behind_a_slow_loopback_port() -> None:
    """Measured for real: the same sandbox straight and behind a loopback proxy that answers 50 ms late."""
    with targets.sandbox_server() as sandbox:
        local = concurrency.choose(sandbox, None)
        with lossy_proxy(sandbox.base_url, delay=0.05) as proxy:
            slow = dataclasses.replace(sandbox, base_url=proxy.url, local_sandbox=False)
            behind = concurrency.choose(slow, None)
    assert local.workers == 1, local.describe()
    assert behind.workers > 1, behind.describe()
    assert behind.round_trip is not None and behind.round_trip >= 0.05


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--workers", "0"], "--workers must be between"),
        (["--workers", "65"], "--workers must be between"),
        (["--rate-limit", "0"], "--rate-limit must be a positive"),
        (["--worker", "1/2"], "--worker is set by the runner"),
        (["--asgi", "--workers", "2"], "--workers needs an HTTP target"),
    ],
)
def test_unusable_worker_options_exit_2_with_one_sentence(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert runner.main(["run", *argv, "--reports", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert says in err and len(err.splitlines()) == 1


def _stateless(generated: list[tuple[str, str, str, str]]) -> Counter[tuple[str, str, str, str]]:
    """The requests the stateless phases generated, with server-made refs and the workers' own tags blanked."""

    def clean(text: str) -> str:
        return UUID.sub("<ref>", WORKER_TAG.sub("", text))

    return Counter(
        (phase, method, clean(url), clean(body))
        for phase, method, url, body in generated
        if phase.startswith("stateless")
    )


@pytest.mark.slow  # three stateless phases and the stateful groups, in one process and in three (minutes)
def test_workers_run_side_by_side_and_get_what_one_process_gets(tmp_path: Path) -> None:
    """Three workers send the same stateless requests as one process (those cases depend on the spec alone) and
    every test, stateful groups included, ends as it does in one process. The stateful scenarios' requests are
    not compared: they follow what the shared target answers, which depends on what ran before them."""
    phases = ("examples", "coverage", "stateful")
    with targets.sandbox_server() as target:
        one = execute(RunOptions(target=target, phases=phases, reports_dir=tmp_path / "one"), quiet=True)
        three = execute_parallel(
            RunOptions(target=target, phases=phases, reports_dir=tmp_path / "three"),
            ["--phases", ",".join(phases)],
            3,
        )
    assert (one.exit_code, three.exit_code) == (0, 0)
    assert one.run is not None and three.run is not None and one.plugin is not None
    assert _stateless(three.run.recorder.generated) == _stateless(one.run.recorder.generated)
    assert sum(_stateless(one.run.recorder.generated).values()) > 1000
    results = three.worker_results
    assert not (tmp_path / "three" / "workers").exists(), "the workers' working folder is removed"
    assert len(results) == 3
    assert {k: v for r in results for k, v in r.outcomes.items()} == one.plugin.outcomes
    busy = [(r.started, r.finished) for r in results if r.started]
    assert len(busy) == 3, "every worker took tests from the queue"
    assert max(start for start, _ in busy) < min(end for _, end in busy), "the workers' busy times overlap"
    merged = ET.parse(tmp_path / "three" / "conformance-junit.xml").getroot()[0]
    assert merged.get("tests") == str(len(one.plugin.order)) == str(len(results[0].order))


def test_a_run_whose_budget_runs_out_says_what_it_covered(
    run_suite: RunSuite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real path: a profile whose time budget is already spent skips its tests, exits 3 (incomplete) and
    writes in the summary why, and how much of each kind of test ran."""
    load = config_mod.load

    def spent(**kwargs: Any) -> config_mod.SuiteConfig:
        suite = load(**kwargs)
        profiles = {name: dataclasses.replace(p, max_seconds=-1) for name, p in suite.profiles.items()}
        return dataclasses.replace(suite, profiles=profiles)

    monkeypatch.setattr(config_mod, "load", spent)
    outcome = run_suite(asgi(), phases=("examples", "workflows"), operations=("listOrders", "createOrder"))
    assert outcome.exit_code == runner.EXIT_INCOMPLETE
    summary = json.loads((tmp_path / "reports" / "conformance-summary.json").read_text())
    assert summary["incomplete"] == (
        "time budget of -1 s spent; later tests were skipped; covered stateless operations 0/2, workflows 0/2"
    )
