"""What a run found, before anyone renders it: the totals, the deviations grouped by root cause, and what the
baseline says of each. The reports (report.py, html_report.py, reproducers.py) and the runner read this; it reads
none of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .baseline import Baseline, Judgement, Status, judge, updated
from .context import RunContext
from .findings import Finding, group
from .provenance import DeviationKind, Provenance, TargetKind, Verdict
from .results import FailureRecord


@dataclass(frozen=True, slots=True)
class Summary:
    """Numbers for the closing lines and for summary.json."""

    requests: int
    probes: int
    wall_seconds: float
    operations: int
    operations_exercised: int
    checks_enabled: int
    cells_exercised: int
    failures: int
    target_kind: TargetKind = TargetKind.SANDBOX
    target_deviations: int = 0
    spec_evidence: int = 0
    by_provenance: dict[str, int] | None = None

    def deviations_line(self) -> str:
        """`3 (target: 2; spec evidence: 1; by provenance: documented 2, inferred 1)`."""
        counts = ", ".join(f"{name} {n}" for name, n in (self.by_provenance or {}).items() if n)
        return (
            f"{self.failures} (target: {self.target_deviations}; spec evidence: {self.spec_evidence}"
            + (f"; by provenance: {counts}" if counts else "")
            + ")"
        )


def verdicts(run: RunContext) -> list[tuple[FailureRecord, Verdict]]:
    """Every failure with its verdict, in the order they were found."""
    return run.results.verdicts()


@dataclass(frozen=True, slots=True)
class Assessment:
    """The run's deviations by root cause (findings.py) and what the baseline says of each (baseline.py)."""

    findings: list[Finding]
    judgement: Judgement

    def status(self, finding: Finding) -> Status:
        """new, known or expired."""
        return self.judgement.finding_status(finding)

    @property
    def failing(self) -> list[Finding]:
        """The findings that fail the run (not accepted by the baseline)."""
        return [f for f in self.findings if self.status(f) is not Status.KNOWN]


def settle_baseline(run: RunContext) -> str:
    """--baseline-update and --baseline-prune, once at the end of a run (by the runner, never a worker): write the
    file and use it for the reports; what was done, for the closing lines ("" when nothing was asked)."""
    options = run.options.baseline
    if options.path is None or not (options.update or options.prune):
        return ""
    current = run.baseline or Baseline(options.path, {}, exists=False)
    before = set(current.entries)
    entries = list(current.entries.values())
    if options.update:
        entries = updated(current, group(verdicts(run)))
    if options.prune:
        stale = {e.fingerprint for e in judge(current, group(verdicts(run)), run.results.applied).stale}
        entries = [e for e in entries if e.fingerprint not in stale]
    current.write(entries)
    run.baseline = current
    after = set(current.entries)
    note = (
        f"baseline {options.path} written: {len(after)} entries ({len(after - before)} added, "
        f"{len(before - after)} dropped)"
    )
    if after - before:
        note += "; give each added entry its reason before you commit it"
    run.baseline_note = note
    return note


def assess(run: RunContext) -> Assessment:
    """Group the run's deviations and judge them by its baseline (none: every deviation is new)."""
    found = group(verdicts(run))
    judgement = judge(run.baseline, found, run.results.applied, strict=run.options.baseline.strict)
    return Assessment(found, judgement)


def summarize(run: RunContext, wall_seconds: float) -> Summary:
    """Totals over the run."""
    enabled = [name for name, setting in run.config.checks.items() if setting.enabled]
    stats = run.recorder.stats
    judged = verdicts(run)
    return Summary(
        requests=run.recorder.total,
        probes=sum(s.probes for s in stats.values()) + run.recorder.undeclared.probes,
        wall_seconds=wall_seconds,
        operations=len(run.model.operations),
        operations_exercised=sum(1 for op in run.model.operations if stats.get(op) and stats[op].requests),
        checks_enabled=len(enabled),
        cells_exercised=len(
            {cell for cell in run.results.applied if cell[0] in run.model.operations and cell[1] in enabled}
        ),
        failures=len(run.results.failures),
        target_kind=run.target_kind,
        target_deviations=sum(1 for _, v in judged if v.kind is DeviationKind.TARGET),
        spec_evidence=sum(1 for _, v in judged if v.kind is DeviationKind.SPEC_EVIDENCE),
        by_provenance={p.value: sum(1 for _, v in judged if v.provenance is p) for p in Provenance},
    )
