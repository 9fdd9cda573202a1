"""What a run found: each deviation with the exchanges that show it, and how often each check judged each operation.

The report is made of these. A deviation is kept once per operation, check and first line of its message, with
the phase and test it was found in (from current.py), so the report can say where to re-run it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from schemathesis import CheckResult
from schemathesis.core.failures import Failure

from .current import current_phase, current_test
from .provenance import Verdict
from .transport import Exchange, Recorder, Redactor


@dataclass(slots=True)
class FailureRecord:
    """One deviation: which check, on what, with the exchanges that show it."""

    check: str
    operation_id: str
    label: str
    title: str
    message: str
    phase: str
    test_id: str
    exchanges: list[Exchange]
    curl: str


class Results:
    """The deviations of a run and the per-operation check counts (`applied`: operation x check pairs judged)."""

    def __init__(
        self, recorder: Recorder, redactor: Redactor, judge: Callable[[FailureRecord], Verdict]
    ) -> None:
        self.recorder = recorder
        self.redactor = redactor
        self.judge = judge
        self.failures: dict[tuple[str, str, str], FailureRecord] = {}
        self.by_test: dict[str, set[tuple[str, str, str]]] = {}
        """The deviations each test found (a deviation is kept once, with the last test that found it)."""
        self.applied: Counter[tuple[str, str]] = Counter()

    def judged(
        self, operation_id: str, label: str, results: list[CheckResult], curl: Callable[[], str]
    ) -> None:
        """Count every check result of one response and keep each failure with the case's exchanges."""
        stats = self.recorder.stats[operation_id]
        for result in results:
            self.applied[(operation_id, result.name)] += 1
            if result.failure is None:
                stats.checks_passed[result.name] += 1
                continue
            stats.checks_failed[result.name] += 1
            failure = result.failure
            first_line = (
                (failure.message or failure.title).strip().splitlines()[0]
                if (failure.message or failure.title)
                else ""
            )
            self._keep(
                (operation_id, result.name, first_line[:160]),
                check=result.name,
                label=label,
                failure=failure,
                exchanges=self.recorder.take(),
                curl=curl(),
            )

    def _keep(
        self,
        key: tuple[str, str, str],
        *,
        check: str,
        label: str,
        failure: Failure,
        exchanges: list[Exchange],
        curl: str,
    ) -> None:
        self.by_test.setdefault(current_test(), set()).add(key)
        self.failures[key] = FailureRecord(
            check=check,
            operation_id=key[0],
            label=label,
            title=self.redactor.text(failure.title or ""),
            message=self.redactor.text(failure.message or ""),
            phase=current_phase(),
            test_id=current_test(),
            exchanges=exchanges,
            curl=curl,
        )

    def verdict(self, failure: FailureRecord) -> Verdict:
        """Where the rule a failure broke came from, and whether it is a target bug or evidence about the spec."""
        return self.judge(failure)

    def verdicts(self) -> list[tuple[FailureRecord, Verdict]]:
        """Every failure with its verdict, in the order they were found."""
        return [(failure, self.judge(failure)) for failure in self.failures.values()]

    def of_test(self, test_id: str) -> list[FailureRecord]:
        """The failures found while the test `test_id` ran."""
        return [self.failures[key] for key in sorted(self.by_test.get(test_id, ())) if key in self.failures]
