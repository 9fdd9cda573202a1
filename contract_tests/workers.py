"""`--workers N`: one run in N processes that take its tests from one queue, merged into one set of reports.

Against a far target a run waits on the network, not on the CPU, so independent tests run side by side: every
stateless operation, each workflow and each group of stateful scenarios is one test, and each worker process
collects the same tests in the same order and claims the next unclaimed one from a counter file shared through
a lock. Each worker tags its records with its own referenceId prefix (context.py), so none lists another's
orders. A worker leaves its findings in a pickle; the runner merges them, writes the reports once and decides
the exit code as for a single process.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pickle
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from .losses import NetworkLedger
from .results import FailureRecord
from .transport import OperationStats

RESULT_NAME = "result.pickle"
QUEUE_NAME = "queue"
POLL_SECONDS = 0.5
CHILDREN_SECONDS = (
    7200.0  # the forking worker waits this long at most for its children (the runner's own bound is
)
# the profile's budget plus the grace period, and it stops the whole process group then)
GRACE_SECONDS = (
    300.0  # beyond the profile's budget, how long the runner waits for its workers before stopping them
)


class WorkerError(Exception):
    """The workers could not run or did not agree; the message is one sentence."""


# -- the shared queue ------------------------------------------------------------------------------------


class WorkQueue:
    """A counter in a file, incremented under an exclusive lock: each call hands out the next index once."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def claim(self) -> int:
        """The next unclaimed index (0, 1, 2, ... across every process sharing the file)."""
        with self.path.open("a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                handle.seek(0)
                text = handle.read().decode() or "0"
                index = int(text)
                handle.seek(0)
                handle.truncate()
                handle.write(str(index + 1).encode())
                handle.flush()
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return index


def claim_order(items: Sequence[pytest.Item]) -> list[pytest.Item]:
    """The order workers take tests in: the longest first (workflows, stateful groups), then the stateless
    operations, each kind in collection order, so the last tests to start are the short ones."""

    def rank(item: pytest.Item) -> int:
        if "test_2_workflows" in item.nodeid:
            return 0
        if "test_3_stateful" in item.nodeid:
            return 1
        return 2

    return sorted(items, key=rank)


class WorkerPlugin:
    """In a worker: run the tests this process claims from the queue instead of all of them.

    With `forks` > 1 the process forks into that many once its tests are collected: starting, importing and
    collecting cost about 5 s of CPU a process, a fork almost nothing, so a far target gets many workers for the
    price of one. `on_fork(j)` gives the j-th child (1, 2, ...) its own identity (worker number, folder, tag)
    before it claims anything; the process that forked waits for its children before it finishes."""

    def __init__(
        self,
        queue: WorkQueue,
        *,
        forks: int = 1,
        on_fork: Callable[[int, pytest.Config], None] | None = None,
    ) -> None:
        self.queue = queue
        self.forks = forks
        self.on_fork = on_fork
        self.order: list[str] = []
        self.started = 0.0
        self.finished = 0.0
        self.children: list[int] = []

    def _fork(self, config: pytest.Config) -> None:
        """Fork `forks - 1` children (only from the process the runner started)."""
        sys.stdout.flush()
        sys.stderr.flush()
        for number in range(1, self.forks):
            pid = os.fork()
            if pid == 0:
                self.children = []
                if self.on_fork is not None:
                    self.on_fork(number, config)
                return
            self.children.append(pid)

    def _wait_for_children(self, deadline: float) -> None:
        """Reap the children (bounded by `deadline`, time.monotonic()); stop those still running past it."""
        pending = list(self.children)
        while pending and time.monotonic() < deadline:
            for pid in list(pending):
                done, _ = os.waitpid(pid, os.WNOHANG)
                if done:
                    pending.remove(pid)
            if pending:
                time.sleep(POLL_SECONDS)
        for pid in pending:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        """Claim, run, repeat until the queue is past the last test (bounded by the number of tests)."""
        items = claim_order(session.items)
        self.order = [item.nodeid for item in items]
        if session.config.option.collectonly:
            return True
        if self.forks > 1:
            self._fork(session.config)
        for _ in range(len(items) + 1):
            index = self.queue.claim()
            if index >= len(items):
                break
            self.started = self.started or time.time()
            items[index].config.hook.pytest_runtest_protocol(item=items[index], nextitem=None)
            self.finished = time.time()
            if session.shouldfail or session.shouldstop:
                break
        if self.children:
            self._wait_for_children(time.monotonic() + CHILDREN_SECONDS)
        return True


# -- what a worker leaves behind ------------------------------------------------------------------------


@dataclass
class WorkerResult:
    """Everything the reports need from one worker."""

    worker: int
    order: list[str]
    outcomes: dict[str, str]
    stats: dict[str, OperationStats]
    undeclared: OperationStats
    total: int
    by_phase: Counter[str]
    generated: list[tuple[str, str, str, str]]
    made: dict[int, str]
    failures: dict[tuple[str, str, str], FailureRecord]
    applied: Counter[tuple[str, str]]
    sent_writes: list[str]
    throttled: int
    waited: float
    losses: NetworkLedger
    incomplete: str
    exit_code: int
    junit: Path | None = None
    started: float = 0.0
    """When the worker's first test started and its last ended (epoch seconds): workers overlap in time."""
    finished: float = 0.0


def save(result: WorkerResult, directory: Path) -> Path:
    """Write a worker's result where the runner looks for it."""
    path = directory / RESULT_NAME
    path.write_bytes(pickle.dumps(result))
    return path


def load(directory: Path) -> WorkerResult | None:
    """A worker's result, or None when it left none (it crashed or was stopped)."""
    path = directory / RESULT_NAME
    if not path.is_file():
        return None
    result: WorkerResult = pickle.loads(path.read_bytes())  # noqa: S301 - written by our own worker process
    return result


# -- running the workers ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Launch:
    """How to start worker k of n: the command and where it keeps its files."""

    argv: list[str]
    directory: Path


def worker_directory(work_dir: Path, number: int) -> Path:
    """Where worker `number` (1-based) keeps its log, reports and result."""
    return work_dir / f"worker-{number}"


def plan_launches(child_args: Sequence[str], workers: int, work_dir: Path, *, forks: int = 1) -> list[Launch]:
    """One `python -m contract_tests run ... --worker k/n` per process, each with its own folder and reports;
    with `forks` > 1 each process forks into that many workers, numbered k, k+1, ... (its children's folders
    follow the same naming, worker_directory)."""
    launches = []
    for k in range(1, workers + 1, max(1, forks)):
        directory = worker_directory(work_dir, k)
        argv = [
            sys.executable,
            "-m",
            "contract_tests",
            "run",
            *child_args,
            "--worker",
            f"{k}/{workers}",
            "--work-dir",
            str(work_dir),
            "--reports",
            str(directory),
            "-q",
        ]
        if forks > 1:
            argv += ["--forks", str(min(forks, workers - k + 1))]
        launches.append(Launch(argv, directory))
    return launches


@contextlib.contextmanager
def _started(launches: Sequence[Launch], env: dict[str, str]) -> Iterator[list[subprocess.Popen[bytes]]]:
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for launch in launches:
            launch.directory.mkdir(parents=True, exist_ok=True)
            log = (launch.directory / "worker.log").open("wb")
            # A session of its own: stopping the process group stops the workers it forked too.
            processes.append(
                subprocess.Popen(
                    launch.argv, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True
                )
            )
            log.close()
        yield processes
    finally:
        for process in processes:
            if process.poll() is None:
                _signal_group(process, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                _signal_group(process, signal.SIGKILL)
                process.wait(timeout=10)


def _signal_group(process: subprocess.Popen[bytes], signum: int) -> None:
    with contextlib.suppress(OSError):
        os.killpg(process.pid, signum)


def run_workers(
    launches: Sequence[Launch],
    *,
    budget_seconds: float,
    env: dict[str, str] | None = None,
    on_tick: Callable[[], None] | None = None,
) -> str:
    """Start every worker, wait for all (or for the budget plus a grace period), and say what went wrong, if
    anything ("" when every worker finished). `on_tick` is called while waiting (progress)."""
    work_dir = launches[0].directory.parent
    (work_dir / QUEUE_NAME).write_bytes(b"0")
    deadline = time.monotonic() + budget_seconds + GRACE_SECONDS
    with _started(launches, dict(env if env is not None else os.environ)) as processes:
        while time.monotonic() < deadline and any(p.poll() is None for p in processes):
            time.sleep(POLL_SECONDS)
            if on_tick is not None:
                on_tick()
        if any(p.poll() is None for p in processes):
            return (
                f"workers still running {budget_seconds + GRACE_SECONDS:.0f} s after the start were stopped"
            )
    return ""


# -- merging ------------------------------------------------------------------------------------------------


def merge_stats(into: dict[str, OperationStats], more: dict[str, OperationStats]) -> None:
    """Add one worker's per-operation counts to the run's."""
    for op, stats in more.items():
        add_stats(into[op] if op in into else into.setdefault(op, OperationStats()), stats)


def add_stats(into: OperationStats, more: OperationStats) -> None:
    """Add one set of counts to another."""
    into.requests += more.requests
    into.probes += more.probes
    into.statuses.update(more.statuses)
    into.checks_passed.update(more.checks_passed)
    into.checks_failed.update(more.checks_failed)


def merge_junit(sources: Sequence[Path], order: Sequence[str], target: Path) -> None:
    """One JUnit file with every worker's test cases, in the run's test order, counts recomputed."""
    cases: list[ET.Element] = []
    seconds = 0.0
    for source in sources:
        with contextlib.suppress(OSError, ET.ParseError):
            root = ET.parse(source).getroot()  # noqa: S314 - written by our own worker process
            suites = [root] if root.tag == "testsuite" else list(root)
            for suite in suites:
                seconds += float(suite.get("time", 0) or 0)
                cases.extend(suite.iter("testcase"))

    def key(case: ET.Element) -> int:
        return next((i for i, nodeid in enumerate(order) if _same_test(nodeid, case)), len(order))

    cases.sort(key=key)
    suite = ET.Element("testsuite", name="conformance")
    counts = Counter(_outcome(case) for case in cases)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(counts["failure"]))
    suite.set("errors", str(counts["error"]))
    suite.set("skipped", str(counts["skipped"]))
    suite.set("time", f"{seconds:.3f}")
    suite.extend(cases)
    root = ET.Element("testsuites")
    root.append(suite)
    target.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(root).write(target, encoding="utf-8", xml_declaration=True)


def _same_test(nodeid: str, case: ET.Element) -> bool:
    name = case.get("name", "")
    module = (case.get("classname", "") or "").split(".")
    return nodeid.endswith("::" + name) and all(part in nodeid for part in module[-1:])


def _outcome(case: ET.Element) -> str:
    for tag in ("failure", "error", "skipped"):
        if case.find(tag) is not None:
            return tag
    return "passed"
