"""The pytest plugin of a conformance run: header, time budget, progress, and the reports at the end."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import Any

import pytest

from . import report
from .context import RunContext
from .current import running_test
from .provenance import message_prefix
from .transport import intercept


class ConformancePlugin:
    """Registered by the runner (or by the suite's conftest under plain pytest)."""

    def __init__(self, run: RunContext, reports_dir: Path | None = None) -> None:
        self.run = run
        self.reports_dir = reports_dir or run.options.reports_dir
        self.started = time.monotonic()
        self.incomplete = ""
        self.summary: report.Summary | None = None
        self.paths: dict[str, Path] = {}
        self.outcomes: dict[str, str] = {}
        self.order: list[str] = []

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
        self._intercept: contextlib.AbstractContextManager[None] | None = intercept(
            self.run.guard, self.run.recorder, self.run.network, self.run.pacer
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
        """Attribute what the test finds to it (setup, call, teardown and its report)."""
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
        # What pytest prints and writes to JUnit (the failure, captured output) may quote an echoed credential.
        test_report.longrepr = self.run.redactor.scrub(test_report.longrepr)
        test_report.sections = self.run.redactor.scrub(list(test_report.sections))
        if not test_report.failed:
            return
        prefix = self._prefix(item.nodeid)
        if prefix:
            _prefix_message(test_report, prefix)

    def _prefix(self, nodeid: str) -> str:
        """`[target deviation: ...] [SPEC EVIDENCE: ...] ` for the deviations the test recorded, or ""."""
        return message_prefix(self.run.results.verdict(f) for f in self.run.results.of_test(nodeid))

    @pytest.hookimpl(trylast=True)
    def pytest_exception_interact(self, node: pytest.Item, call: Any, report: pytest.TestReport) -> None:
        """schemathesis rebuilds a failed test's text here, after makereport scrubbed it: scrub it again, and
        keep the kind-and-provenance prefix on what the terminal summary prints."""
        report.longrepr = self.run.redactor.scrub(report.longrepr)
        if report.failed and isinstance(report.longrepr, str):
            prefix = self._prefix(node.nodeid)
            if prefix and not report.longrepr.startswith(prefix):
                report.longrepr = prefix + report.longrepr

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Remember how each test ended (for the coverage line of an incomplete run); progress on long runs."""
        if report.when == "call" or (report.when == "setup" and not report.passed):
            self.outcomes[report.nodeid] = report.outcome
        if report.when == "call" and report.duration > 5:
            elapsed = time.monotonic() - self.started
            reporter = self._reporter()
            if reporter is not None:
                reporter.write_line(f"    ... {self.run.recorder.total} requests, {elapsed:.0f} s elapsed")

    def _reporter(self) -> Any:
        return getattr(self, "_terminal", None)

    @pytest.hookimpl(trylast=True)
    def pytest_configure(self, config: pytest.Config) -> None:
        """Keep the terminal reporter for progress lines."""
        self._terminal = config.pluginmanager.get_plugin("terminalreporter")

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        """Remember the run's tests, in order (the coverage line counts them)."""
        self.order = [item.nodeid for item in session.items]

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        """Write the reports; an incomplete run says how much it covered."""
        wall = time.monotonic() - self.started
        self.summary = report.summarize(self.run, wall)
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


def _prefix_message(test_report: pytest.TestReport, prefix: str) -> None:
    """Put `prefix` before the failure's one-line message (what JUnit's failure `message` attribute shows)."""
    crash = getattr(test_report.longrepr, "reprcrash", None)
    if crash is not None and isinstance(getattr(crash, "message", None), str):
        crash.message = prefix + crash.message
    elif isinstance(test_report.longrepr, str):
        test_report.longrepr = prefix + test_report.longrepr
