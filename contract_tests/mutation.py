"""`python -m contract_tests.mutation`: measure what the suite catches, one injected fault at a time.

First the suite's CI (quick) profile runs against a healthy sandbox: any deviation there is a false positive and
fails the session. Then, for each fault of the sandbox's catalog (`cdp-sandbox --list-faults`), a sandbox process
starts with `--fault NAME` and the suite's own runner (`python -m contract_tests run --base-url ...`) runs the
same profile against it, phase group by phase group, cheapest first, stopping at the first group that reports a
deviation: the fault is then caught, by the checks that reported it. A fault no group reports survived.

Writes reports/mutation.json and reports/mutation.md (the kill table) and exits 0 only when the healthy run is
clean and every fault is caught. With `--write-docs PATH` (`nox -s mutation` passes docs/mutation.md), a run of the
whole catalog through every phase group also writes the committed kill table there; a subset run leaves it alone.
Exit codes: 0 all caught; 1 a fault survived or a run failed; 2 bad options.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cdp_sandbox.faults import CATALOG, CATEGORIES, UnknownFault, lookup

from . import register
from .targets import sandbox_server

# The quick profile's phases, in the order faults are looked for: cheap deterministic workflows first, the
# expensive generated phases last. Together they are exactly the profile CI runs.
STAGES: tuple[tuple[str, ...], ...] = (
    ("workflows",),
    ("examples",),
    ("coverage",),
    ("stateful",),
    ("fuzzing",),
)
PROFILE = "quick"
STARTUP_SECONDS = 30.0
STAGE_TIMEOUT = 300.0
"""A runner stage that takes longer than this is killed and the fault counts as not caught."""
EXIT_OK, EXIT_DEVIATIONS = 0, 1

CAUGHT, SURVIVED, ERROR = "caught", "survived", "error"
CLEAN, FALSE_POSITIVE = "clean", "false-positive"
"""The healthy run's verdicts: no deviation, or a deviation the suite reported on a sandbox without faults."""


@dataclass(slots=True)
class StageResult:
    """One runner invocation against one sandbox."""

    phases: tuple[str, ...]
    exit_code: int
    seconds: float
    checks: list[str] = field(default_factory=list)
    first_exchange: str | None = None
    message: str = ""


@dataclass(slots=True)
class FaultResult:
    """The verdict on one fault (or on the healthy sandbox, name "healthy")."""

    name: str
    category: str
    description: str
    breaks: str
    verdict: str
    checks: list[str]
    stage: str
    detection_seconds: float | None
    run_seconds: float
    message: str = ""
    stages: list[StageResult] = field(default_factory=list)


# -- pure logic (unit-tested) ------------------------------------------------------------------------


def classify(stages: Sequence[StageResult]) -> tuple[str, StageResult | None]:
    """The verdict of a fault's stages: caught at the first stage that reported deviations, an error at the
    first stage that could not complete, survived when every stage passed."""
    for stage in stages:
        if stage.exit_code == EXIT_DEVIATIONS and stage.checks:
            return CAUGHT, stage
        if stage.exit_code != EXIT_OK:
            return ERROR, stage
    return SURVIVED, None


def should_continue(stage: StageResult) -> bool:
    """Whether to run the next phase group: only after a clean one."""
    return stage.exit_code == EXIT_OK


def failing_checks(summary: dict[str, Any]) -> list[str]:
    """The distinct checks that reported deviations in a runner's conformance-summary.json."""
    failures = summary.get("failures") or []
    return sorted({str(f.get("check")) for f in failures if isinstance(f, dict) and f.get("check")})


def first_exchange(har: dict[str, Any]) -> str | None:
    """The earliest start time of an exchange behind any reported deviation (HAR startedDateTime)."""
    entries = har.get("log", {}).get("entries", []) if isinstance(har, dict) else []
    stamps = [e.get("startedDateTime") for e in entries if isinstance(e, dict)]
    valid = sorted(s for s in stamps if isinstance(s, str) and _parse(s) is not None)
    return valid[0] if valid else None


def _parse(stamp: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def detection_seconds(started: datetime, stage: StageResult | None, elapsed_before: float) -> float | None:
    """Seconds from the start of the fault's first stage to the first exchange of its first deviation; without
    a usable timestamp, to the end of the stage that caught it."""
    if stage is None:
        return None
    moment = _parse(stage.first_exchange) if stage.first_exchange else None
    if moment is not None:
        return max(0.0, (moment - started).total_seconds())
    return elapsed_before + stage.seconds


def verdict_exit(healthy: FaultResult | None, results: Sequence[FaultResult]) -> int:
    """0 only when the healthy run was clean and every fault was caught."""
    if healthy is None or healthy.verdict != CLEAN:
        return 1
    return 0 if all(r.verdict == CAUGHT for r in results) else 1


def summary(results: Sequence[FaultResult]) -> dict[str, Any]:
    """Counts overall and per category, and the kill rate."""
    by_category: dict[str, dict[str, int]] = {}
    for category in CATEGORIES:
        mine = [r for r in results if r.category == category]
        if mine:
            by_category[category] = {
                "faults": len(mine),
                "caught": sum(r.verdict == CAUGHT for r in mine),
            }
    verdicts = Counter(r.verdict for r in results)
    total = len(results)
    return {
        "faults": total,
        "caught": verdicts[CAUGHT],
        "survived": verdicts[SURVIVED],
        "errors": verdicts[ERROR],
        "kill_rate": round(verdicts[CAUGHT] / total, 4) if total else 0.0,
        "by_category": by_category,
    }


def _shown(result: FaultResult) -> tuple[str, str, str]:
    verdict = result.verdict if result.verdict != ERROR else f"ERROR ({result.message[:80]})"
    checks = ", ".join(result.checks) or "-"
    seconds = f"{result.detection_seconds:.1f}" if result.detection_seconds is not None else "-"
    return verdict, checks, seconds


def table(results: Sequence[FaultResult]) -> str:
    """The kill table as Markdown: fault, category, verdict, checks, phase group, time to first detection."""
    rows = [
        "| Fault | Category | Verdict | Caught by | Phase | First detection (s) |",
        "|---|---|---|---|---|---|",
    ]
    for result in results:
        verdict, checks, seconds = _shown(result)
        rows.append(
            f"| `{result.name}` | {result.category} | {verdict} | {checks} | {result.stage or '-'} | {seconds} |"
        )
    return "\n".join(rows)


def markdown(report: dict[str, Any], results: Sequence[FaultResult], healthy: FaultResult | None) -> str:
    """reports/mutation.md: the verdict, the per-category counts, the kill table and what each fault breaks."""
    s = report["summary"]
    clean = healthy is not None and healthy.verdict == CLEAN
    lines = [
        "# Mutation report: what the contract suite catches",
        "",
        f"- Profile: {report['profile']} (phase groups in order: {', '.join('+'.join(g) for g in report['stages'])})",
        f"- Healthy sandbox: {'no deviation (no false positive)' if clean else 'FAILED: ' + (healthy.message if healthy else 'not run')}",
        f"- Faults: {s['faults']}; caught {s['caught']}, survived {s['survived']}, errors {s['errors']}; "
        f"kill rate {s['kill_rate'] * 100:.1f}%",
        f"- Wall time: {report['wall_seconds']:.0f} s with {report['jobs']} parallel runs",
        "",
        "| Category | Faults | Caught |",
        "|---|---|---|",
        *(f"| {c} | {v['faults']} | {v['caught']} |" for c, v in s["by_category"].items()),
        "",
        "## Kill table",
        "",
        table(results),
        "",
        *rule_section(results),
        "",
        "## What each fault breaks",
        "",
        *(f"- `{r.name}`: {r.description} Breaks: {r.breaks}." for r in results),
    ]
    return "\n".join(lines) + "\n"


KILL_TABLE_BEGIN, KILL_TABLE_END = "<!-- kill-table:begin -->", "<!-- kill-table:end -->"
RULE_TABLE_BEGIN, RULE_TABLE_END = "<!-- rule-table:begin -->", "<!-- rule-table:end -->"


def rule_verdicts(results: Sequence[FaultResult]) -> list[register.RuleVerdict]:
    """The register's rules (spec/rules.yaml), each proved when one of its faults was caught by one of its checks."""
    caught = {r.name: r.checks for r in results if r.verdict == CAUGHT}
    return register.verdicts(register.load(), caught)


def rule_section(results: Sequence[FaultResult]) -> list[str]:
    """The rule-by-rule table between its markers, with a line saying how many rules were proved."""
    rows = rule_verdicts(results)
    proved = sum(row.caught for row in rows)
    return [
        "## Rule by rule",
        "",
        f"{proved} of {len(rows)} rules of the register (spec/rules.yaml) proved: a fault that breaks the rule was "
        "caught by one of the rule's own checks. Caught names those faults.",
        "",
        RULE_TABLE_BEGIN,
        register.rule_table(rows),
        RULE_TABLE_END,
    ]


def documents_the_catalog(names: Sequence[str], stages: Sequence[tuple[str, ...]]) -> bool:
    """Whether a run may rewrite the committed kill table: the whole catalog, in order, through every phase group."""
    return list(names) == list(CATALOG) and tuple(stages) == STAGES


def docs_page(report: dict[str, Any], results: Sequence[FaultResult], cpus: int | None) -> str:
    """docs/mutation.md: the last full run's verdict, the per-category counts and the kill table between markers
    (tests/mutation/test_kill_table.py holds its fault names to the catalog)."""
    s = report["summary"]
    healthy = report["healthy"]["verdict"]
    date = str(report["finished"])[:10]
    machine = f"{cpus} cores" if cpus else "this machine"
    return (
        "\n".join(
            [
                "# What the suite catches: the kill table",
                "",
                "<!-- Written by `nox -s mutation` (python -m contract_tests.mutation --write-docs docs/mutation.md) from "
                "its last run of the whole catalog; edits here are overwritten. -->",
                "",
                f"Last full run ({date}, {machine}, {report['jobs']} faults at a time): {s['caught']} of {s['faults']} "
                f"faults caught (kill rate {s['kill_rate'] * 100:.0f}%), healthy run "
                f"{'clean (no false positive)' if healthy == CLEAN else healthy}, {report['wall_seconds']:.0f} s wall "
                "time. How the run works is in the README (What the suite catches); the fault catalog, with the rule "
                "each fault breaks, is `cdp-sandbox --list-faults`.",
                "",
                "First detection counts from the start of the fault's first runner invocation (about 2 s of it is the "
                "runner starting) to the first exchange of the first reported deviation. Phase is the phase group that "
                "reported it; groups run cheapest first and the first that reports ends the fault's run.",
                "",
                "| Category | Faults | Caught |",
                "|---|---|---|",
                *(f"| {c} | {v['faults']} | {v['caught']} |" for c, v in s["by_category"].items()),
                "",
                KILL_TABLE_BEGIN,
                table(results),
                KILL_TABLE_END,
                "",
                *rule_section(results),
                "",
                "## What each fault breaks",
                "",
                *(f"- `{r.name}`: {r.description} Breaks: {r.breaks}." for r in results),
            ]
        )
        + "\n"
    )


# -- running sandboxes and the suite ---------------------------------------------------------------


def _clean_env(hypothesis_dir: Path) -> dict[str, str]:
    """The environment of every child: no target or sandbox settings leak in from the caller."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("SITECORE_CDP_", "CDP_SANDBOX_", "PYTEST_"))
    }
    env["HYPOTHESIS_STORAGE_DIRECTORY"] = str(hypothesis_dir)
    return env


@contextmanager
def sandbox(faults: Sequence[str], log_path: Path, env: dict[str, str]) -> Iterator[str]:
    """A sandbox process on a free 127.0.0.1 port with these faults; yields its base URL; always stopped.

    No readiness probe: a fault may break it, and judging the sandbox is the suite run's job.
    """
    flags = [flag for name in faults for flag in ("--fault", name)]
    with sandbox_server(
        STARTUP_SECONDS, extra_args=flags, log_path=log_path, env=env, probe_ready=False
    ) as target:
        yield target.base_url


def run_stage(
    url: str, phases: tuple[str, ...], directory: Path, env: dict[str, str], timeout: float = STAGE_TIMEOUT
) -> StageResult:
    """One runner invocation (the suite's own CLI) against a running sandbox, killed after `timeout` seconds."""
    directory.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "contract_tests", "run", "--base-url", url, "--profile", PROFILE]
    command += ["--target-kind", "sandbox"]  # a sandbox at a 127.0.0.1 URL: every deviation is a caught fault
    command += ["--phases", ",".join(phases), "--reports", str(directory), "-q"]
    started = time.monotonic()
    with (directory / "runner.log").open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
            return StageResult(
                phases, -1, time.monotonic() - started, message=f"timed out after {timeout:.0f} s"
            )
    seconds = time.monotonic() - started
    result = StageResult(phases, code, seconds)
    result.checks = failing_checks(_load(directory / "conformance-summary.json"))
    result.first_exchange = first_exchange(_load(directory / "conformance-failures.har"))
    if code not in (EXIT_OK, EXIT_DEVIATIONS) or (code == EXIT_DEVIATIONS and not result.checks):
        result.message = _tail(directory / "runner.log")
    return result


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _tail(path: Path) -> str:
    try:
        lines = [
            line for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()
        ]
    except OSError:
        return ""
    return " | ".join(lines[-2:])[:300]


def run_one(
    name: str | None,
    stages: Sequence[tuple[str, ...]],
    directory: Path,
    env: dict[str, str],
    *,
    stop_at_first: bool = True,
    deadline: float | None = None,
) -> FaultResult:
    """All stages against one sandbox (healthy when `name` is None), stopping at the first that reports; a stage
    that would start after `deadline` (time.monotonic) is not run, and the fault is then an error."""
    entry = CATALOG[name] if name is not None else None
    started_wall = datetime.now(UTC)
    started = time.monotonic()
    done: list[StageResult] = []
    message = ""
    try:
        if deadline is not None and time.monotonic() >= deadline:
            raise RuntimeError("not run: the time budget was spent")
        with sandbox([name] if name else [], directory / "sandbox.log", env) as url:
            started_wall = datetime.now(UTC)
            started = time.monotonic()
            for phases in stages:
                left = STAGE_TIMEOUT if deadline is None else min(STAGE_TIMEOUT, deadline - time.monotonic())
                if left <= 0:
                    raise RuntimeError(f"the time budget was spent before the {'+'.join(phases)} phase")
                result = run_stage(url, phases, directory / "+".join(phases), env, left)
                done.append(result)
                if stop_at_first and not should_continue(result):
                    break
    except RuntimeError as exc:
        message = str(exc)
    run_seconds = time.monotonic() - started
    verdict, stage = classify(done)
    if message:
        verdict = ERROR
    elif verdict == ERROR and stage is not None:
        message = stage.message or f"runner exit {stage.exit_code}"
    elapsed_before = sum(s.seconds for s in done[: done.index(stage)]) if stage in done else 0.0
    return FaultResult(
        name=name or "healthy",
        category=entry.category if entry else "-",
        description=entry.description if entry else "the sandbox without faults",
        breaks=entry.breaks if entry else "-",
        verdict=verdict,
        checks=stage.checks if stage is not None and verdict == CAUGHT else [],
        stage="+".join(stage.phases) if stage is not None else "",
        detection_seconds=detection_seconds(started_wall, stage, elapsed_before)
        if verdict == CAUGHT
        else None,
        run_seconds=run_seconds,
        message=message,
        stages=done,
    )


def run_all(
    names: Sequence[str],
    stages: Sequence[tuple[str, ...]],
    reports: Path,
    jobs: int,
    *,
    progress: Callable[[str], None] = print,
    max_seconds: float | None = None,
) -> tuple[FaultResult, list[FaultResult], dict[str, Any]]:
    """The healthy run, then every fault (in parallel); returns (healthy, results, the JSON report). With
    `max_seconds`, nothing starts after that budget: what did not finish counts as an error."""
    started = time.monotonic()
    deadline = started + max_seconds if max_seconds else None
    root = reports / "mutation"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="mutation-hypothesis-") as scratch:
        env = _clean_env(Path(scratch))
        progress(f"mutation: healthy sandbox, {PROFILE} profile ({' -> '.join('+'.join(s) for s in stages)})")
        healthy = run_one(None, stages, root / "healthy", env, stop_at_first=False, deadline=deadline)
        healthy.checks = sorted({c for s in healthy.stages for c in s.checks})
        healthy.verdict = {SURVIVED: CLEAN, CAUGHT: FALSE_POSITIVE}.get(healthy.verdict, healthy.verdict)
        progress(f"mutation: healthy sandbox: {_healthy_line(healthy)} ({healthy.run_seconds:.0f} s)")
        results: list[FaultResult] = []
        if healthy.verdict == CLEAN:
            with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
                futures = [
                    pool.submit(run_one, name, stages, root / name, env, deadline=deadline) for name in names
                ]
                for index, future in enumerate(futures, 1):
                    result = future.result()
                    results.append(result)
                    verdict, checks, seconds = _shown(result)
                    progress(
                        f"mutation: [{index}/{len(names)}] {result.name}: {verdict}"
                        + (
                            f" by {checks} in {seconds} s ({result.stage})"
                            if result.verdict == CAUGHT
                            else ""
                        )
                    )
        else:
            progress(
                "mutation: the healthy sandbox failed the suite: fault runs skipped (their verdicts would mean nothing)"
            )
    wall = time.monotonic() - started
    report = {
        "profile": PROFILE,
        "stages": [list(s) for s in stages],
        "jobs": jobs,
        "max_seconds": max_seconds,
        "wall_seconds": round(wall, 1),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "healthy": _as_json(healthy),
        "summary": summary(results),
        "faults": [_as_json(r) for r in results],
        "rules": [
            {
                "id": row.id,
                "checks": list(row.checks),
                "faults": list(row.faults),
                "caught_by": list(row.proving),
            }
            for row in rule_verdicts(results)
        ],
    }
    return healthy, results, report


def _healthy_line(healthy: FaultResult) -> str:
    if healthy.verdict == CLEAN:
        return "no deviation"
    failed = [s for s in healthy.stages if s.exit_code != EXIT_OK]
    detail = "; ".join(f"{'+'.join(s.phases)}: {', '.join(s.checks) or s.message}" for s in failed)
    return f"FALSE POSITIVE or failure ({detail or healthy.message})"


def _as_json(result: FaultResult) -> dict[str, Any]:
    data = asdict(result)
    for stage in data["stages"]:
        stage["seconds"] = round(stage["seconds"], 2)
    data["run_seconds"] = round(result.run_seconds, 2)
    if result.detection_seconds is not None:
        data["detection_seconds"] = round(result.detection_seconds, 2)
    return data


def write(
    report: dict[str, Any], results: Sequence[FaultResult], healthy: FaultResult, reports: Path
) -> None:
    """reports/mutation.json and reports/mutation.md."""
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "mutation.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    (reports / "mutation.md").write_text(markdown(report, results, healthy), encoding="utf-8")


def parse_stages(text: str | None) -> tuple[tuple[str, ...], ...]:
    """`workflows;examples,coverage` -> (("workflows",), ("examples", "coverage")); default: STAGES."""
    if not text:
        return STAGES
    groups = tuple(tuple(p.strip() for p in group.split(",") if p.strip()) for group in text.split(";"))
    return tuple(g for g in groups if g)


def build_parser() -> argparse.ArgumentParser:
    """The CLI."""
    parser = argparse.ArgumentParser(prog="python -m contract_tests.mutation", description=__doc__)
    parser.add_argument("--faults", help="comma-separated fault names (default: the whole catalog)")
    parser.add_argument("--jobs", type=int, default=2, help="faults tested at once (default 2, for 2 cores)")
    parser.add_argument("--reports", type=Path, default=Path("reports"), help="where mutation.json/.md go")
    parser.add_argument(
        "--max-seconds",
        type=float,
        help="time budget: no phase starts after it, what did not finish counts as not caught (CI uses one)",
    )
    parser.add_argument(
        "--write-docs",
        type=Path,
        metavar="PATH",
        help="also write the kill table to PATH (nox -s mutation: docs/mutation.md), only when the run covers the "
        "whole catalog through every phase group",
    )
    parser.add_argument(
        "--stages",
        help="phase groups in order, ';' between groups, ',' inside one (default: the quick profile, "
        + "; ".join(",".join(s) for s in STAGES)
        + ")",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point."""
    args = build_parser().parse_args(argv)
    try:
        names = (
            [f.name for f in lookup(n.strip() for n in args.faults.split(",") if n.strip())]
            if args.faults
            else list(CATALOG)
        )
    except UnknownFault as exc:
        print(f"mutation: {exc}", file=sys.stderr)
        return 2
    stages = parse_stages(args.stages)
    healthy, results, report = run_all(names, stages, args.reports, args.jobs, max_seconds=args.max_seconds)
    write(report, results, healthy, args.reports)
    print()
    print(table(results) if results else "(no fault was run)")
    s = report["summary"]
    print(
        f"\nmutation: {s['caught']}/{s['faults']} faults caught (kill rate {s['kill_rate'] * 100:.1f}%), "
        f"{s['survived']} survived, {s['errors']} errors; healthy run: {_healthy_line(healthy)}; "
        f"wall time {report['wall_seconds']:.0f} s"
    )
    print(f"mutation: reports in {args.reports / 'mutation.md'} and {args.reports / 'mutation.json'}")
    if args.write_docs is not None:
        if documents_the_catalog(names, stages):
            args.write_docs.parent.mkdir(parents=True, exist_ok=True)
            args.write_docs.write_text(docs_page(report, results, os.cpu_count()), encoding="utf-8")
            print(f"mutation: kill table written to {args.write_docs}")
        else:
            print(f"mutation: {args.write_docs} left as it is (only a run of the whole catalog rewrites it)")
    return verdict_exit(healthy, results)


if __name__ == "__main__":
    sys.exit(main())
