"""The pytest plugin of a conformance run: header, time budget, progress, and the reports at the end."""

from __future__ import annotations

import contextlib
import datetime
import re
import time
from pathlib import Path
from typing import Any

import pytest

from . import assessment, progress, report
from .context import RunContext
from .curl import AUTH
from .current import running_test
from .findings import record_fingerprint
from .losses import TransportLost
from .provenance import message_prefix
from .transport import intercept


class ConformancePlugin:
    """Registered by the runner (or by the suite's conftest under plain pytest)."""

    def __init__(self, run: RunContext, reports_dir: Path | None = None) -> None:
        self.run = run
        self.reports_dir = reports_dir or run.options.reports_dir
        self.started = time.monotonic()
        self.incomplete = ""
        self.summary: assessment.Summary | None = None
        self.paths: dict[str, Path] = {}
        self.outcomes: dict[str, str] = {}
        self.order: list[str] = []
        self._index: dict[str, int] = {}
        self._done = 0
        self._shown = 0.0

    def pytest_report_header(self, config: pytest.Config) -> list[str]:
        """Say what is being tested, how, and with which seed."""
        run, plan = self.run, self.run.plan
        lines = [
            f"conformance target: {run.target.description or run.target.base_url}",
            f"profile: {plan.profile.name}; seed: {run.seed if run.seed is not None else 'derandomized'}; run id: {run.run_id}",
            f"stateless: {len(plan.stateless_operations)} operations x {', '.join(plan.stateless_phases) or 'none'}; "
            f"stateful: {'on' if plan.stateful else 'off'}; workflows: {plan.workflows}; "
            f"time budget: {plan.profile.max_seconds} s",
        ]
        if run.network is not None:
            lines.append(f"network: {run.network.describe(run.target.base_url)}")
        if run.options.concurrency:
            lines.append(f"concurrency: {run.options.concurrency}")
        return [run.redactor.text(line) for line in lines]

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        """Name each stateless test after its operation (schemathesis 4.32.5 gives them all one node id), so the
        progress counter, the JUnit report and -k see one test per operation."""
        for item in items:
            label = getattr(item, "operation_label", None)
            if not label or label in item.nodeid or item.parent is None:
                continue
            parent_id = getattr(item.parent, "id", None)
            if parent_id is not None and hasattr(parent_id, "child"):  # pytest 9 keeps a structured node id
                item._id = parent_id.child(item.name)

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        """From here on every request of the process passes the safety guard and the recorder."""
        self.run.losses.deadline = self.started + self.run.plan.profile.max_seconds
        self._intercept: contextlib.AbstractContextManager[None] | None = intercept(
            self.run.guard, self.run.recorder, self.run.network, self.run.pacer, self.run.losses
        )
        self._intercept.__enter__()

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        """Restore the HTTP adapters."""
        active = getattr(self, "_intercept", None)
        if active is not None:
            active.__exit__(None, None, None)
            self._intercept = None

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: pytest.Item | None) -> Any:
        """Attribute what the test finds to it (setup, call, teardown and its report), and tag its records."""
        index = self._index.get(item.nodeid)
        if index is not None:
            self.run.tag_test(index)
        with running_test(item.nodeid):
            return (yield)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        """Stop starting tests once the profile's time budget is spent."""
        elapsed = time.monotonic() - self.started
        if elapsed > self.run.plan.profile.max_seconds:
            self.incomplete = (
                f"time budget of {self.run.plan.profile.max_seconds} s spent; later tests were skipped"
            )
            pytest.skip(self.incomplete)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
        """Start a failed test's message (the JUnit failure message) with the kind and provenance of the deviations
        it recorded: `[target deviation: documented rule]`, `[SPEC EVIDENCE: inferred rule]`."""
        outcome = yield
        test_report: pytest.TestReport = outcome.get_result()
        if call.excinfo is not None and call.excinfo.errisinstance(TransportLost) and test_report.failed:
            # The network lost a request the test needed and nothing else failed: unjudged, not a deviation.
            lost = call.excinfo.value
            assert isinstance(lost, TransportLost)
            if not self.run.results.of_test(item.nodeid):
                if not any(u.lost is lost.lost for u in self.run.losses.unjudged):
                    self.run.losses.unjudge(f"test {item.name}", lost.lost.operation_id or "-", lost.lost)
                _skipped(test_report, item, f"unjudged: {lost}")
        # What pytest prints and writes to JUnit (the failure, captured output) may quote an echoed credential.
        test_report.longrepr = _runnable_curl(self.run.redactor.scrub(test_report.longrepr))
        test_report.sections = self.run.redactor.scrub(list(test_report.sections))
        if not test_report.failed:
            return
        known = self._known(item.nodeid)
        if known:
            _skipped(test_report, item, f"known deviation(s), accepted by the baseline: {', '.join(known)}")
            return
        prefix = self._prefix(item.nodeid)
        if prefix:
            _prefix_message(test_report, prefix)

    def _known(self, nodeid: str) -> list[str]:
        """The fingerprints of the test's deviations when the baseline accepts every one of them, else []."""
        baseline = self.run.baseline
        records = self.run.results.of_test(nodeid)
        if baseline is None or not records:
            return []
        today = datetime.date.today()
        prints = list(dict.fromkeys(record_fingerprint(r) for r in records))
        accepted = [fp for fp in prints if fp in baseline.entries and not baseline.entries[fp].expired(today)]
        return prints if len(accepted) == len(prints) else []

    def _prefix(self, nodeid: str) -> str:
        """`[target deviation: ...] [SPEC EVIDENCE: ...] ` for the deviations the test recorded, or ""."""
        return message_prefix(self.run.results.verdict(f) for f in self.run.results.of_test(nodeid))

    @pytest.hookimpl(trylast=True)
    def pytest_exception_interact(self, node: pytest.Item, call: Any, report: pytest.TestReport) -> None:
        """schemathesis rebuilds a failed test's text here, after makereport scrubbed it: scrub it again, and
        keep the kind-and-provenance prefix on what the terminal summary prints."""
        report.longrepr = _runnable_curl(self.run.redactor.scrub(report.longrepr))
        if report.failed and isinstance(report.longrepr, str):
            prefix = self._prefix(node.nodeid)
            if prefix and not report.longrepr.startswith(prefix):
                report.longrepr = prefix + report.longrepr

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Remember how each test ended (for the coverage line of an incomplete run); progress as tests end (a
        worker leaves it in its folder for the runner that started it, a single process prints it)."""
        if report.when == "call" or (report.when == "setup" and not report.passed):
            self.outcomes[report.nodeid] = report.outcome
        if report.when != "teardown":
            return
        self._done += 1
        counts = progress.Counts(
            self._done, len(self.order), self.run.recorder.total, len(self.run.results.failures)
        )
        if self.run.options.worker is not None:
            progress.save(self.reports_dir, counts)
            return
        elapsed = time.monotonic() - self.started
        if elapsed - self._shown >= progress.interval():
            self._shown = elapsed
            reporter = self._reporter()
            if reporter is not None:
                reporter.write_line(f"    progress: {progress.line(counts, elapsed)}")

    def _reporter(self) -> Any:
        return getattr(self, "_terminal", None)

    @pytest.hookimpl(trylast=True)
    def pytest_configure(self, config: pytest.Config) -> None:
        """Keep the terminal reporter for progress lines."""
        self._terminal = config.pluginmanager.get_plugin("terminalreporter")

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        """Remember the run's tests, in order (the coverage line counts them)."""
        self.order = [item.nodeid for item in session.items]
        self._index = {nodeid: i for i, nodeid in enumerate(self.order)}

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        """Write the reports; an incomplete run says how much it covered."""
        wall = time.monotonic() - self.started
        if self.run.options.worker is None:
            assessment.settle_baseline(self.run)
        self.summary = assessment.summarize(self.run, wall)
        self.paths = report.write(self.run, self.summary, self.incomplete_text(), self.reports_dir)

    def incomplete_text(self) -> str:
        """Why the run is incomplete and how much it covered; "" when it is complete."""
        if not self.incomplete:
            return ""
        covered = report.coverage_line(self.order, self.outcomes)
        return f"{self.incomplete}; {covered}" if covered else self.incomplete

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        """Print the table, the failures and where the reports are."""
        if self.summary is None:
            return
        report.print_closing(self.run, self.summary, self.incomplete_text(), self.paths, terminalreporter)


def _skipped(test_report: pytest.TestReport, item: pytest.Item, reason: str) -> None:
    """Report a test as skipped with `reason` (JUnit's skipped message), not failed."""
    test_report.outcome = "skipped"
    location = item.location
    test_report.longrepr = (str(location[0]), (location[1] or 0) + 1, reason)


_FILTERED_AUTH = re.compile(r"-H '(?:Authorization|authorization): \[Filtered\]'")


def _runnable_curl(longrepr: Any) -> Any:
    """schemathesis' reproduction lines carry `-H 'Authorization: [Filtered]'`, which does not run: credentials
    from the environment instead, as in the Markdown report."""
    if isinstance(longrepr, str):
        return _FILTERED_AUTH.sub(f"-u {AUTH}", longrepr)
    crash = getattr(longrepr, "reprcrash", None)
    if crash is not None and isinstance(getattr(crash, "message", None), str):
        crash.message = _FILTERED_AUTH.sub(f"-u {AUTH}", crash.message)
    chain = getattr(longrepr, "chain", None) or []
    for element in chain:
        entries = getattr(element[0], "reprentries", [])
        for entry in entries:
            lines = getattr(entry, "lines", None)
            if isinstance(lines, list):
                entry.lines = [_FILTERED_AUTH.sub(f"-u {AUTH}", line) for line in lines]
    return longrepr


def _prefix_message(test_report: pytest.TestReport, prefix: str) -> None:
    """Put `prefix` before the failure's one-line message (what JUnit's failure `message` attribute shows)."""
    crash = getattr(test_report.longrepr, "reprcrash", None)
    if crash is not None and isinstance(getattr(crash, "message", None), str):
        crash.message = prefix + crash.message
    elif isinstance(test_report.longrepr, str):
        test_report.longrepr = prefix + test_report.longrepr
