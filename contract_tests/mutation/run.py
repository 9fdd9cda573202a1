"""The mutation run itself: a sandbox process per fault, the suite's own runner against it phase group by phase group,
the faults in parallel within a time budget."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cdp_sandbox import DEFAULT_API_TOKEN, DEFAULT_CLIENT_KEY
from cdp_sandbox.faults import CATALOG

from ..context import default_spec_path
from ..targets import sandbox_server
from .report import as_json, healthy_line, plain_summary, rule_verdicts, shown
from .verdicts import (
    CAUGHT,
    CLEAN,
    ERROR,
    EXIT_DEVIATIONS,
    EXIT_OK,
    FALSE_POSITIVE,
    PLAIN_EXAMPLES,
    PROFILE,
    SURVIVED,
    FaultResult,
    PlainResult,
    StageResult,
    classify,
    detection_seconds,
    failing_checks,
    first_exchange,
    plain_failures,
    should_continue,
    summary,
)

STARTUP_SECONDS = 30.0
SPEC = default_spec_path()
STAGE_TIMEOUT = 300.0
"""A runner stage that takes longer than this is killed and the fault counts as not caught."""

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


PLAIN_TIMEOUT = 300.0


def run_plain(url: str, directory: Path, env: dict[str, str], timeout: float = PLAIN_TIMEOUT) -> PlainResult:
    """Plain schemathesis against a running sandbox: `st run` on the same spec, the quick profile's phases and
    example budget, every built-in check on, deterministic data (so the healthy and the faulty runs send the same
    generated requests), its JUnit report read back."""
    directory.mkdir(parents=True, exist_ok=True)
    command = [
        str(Path(sys.executable).parent / "st"), "run", str(SPEC), "--url", url,
        "--auth", f"{DEFAULT_CLIENT_KEY}:{DEFAULT_API_TOKEN}",
        "--phases", "examples,coverage,fuzzing,stateful", "--max-examples", str(PLAIN_EXAMPLES),
        "--checks", "all", "--generation-deterministic", "--report", "junit", "--report-dir", str(directory),
    ]  # fmt: skip
    started = time.monotonic()
    with (directory / "st.log").open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=directory)
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
            return PlainResult(-1, time.monotonic() - started, message=f"timed out after {timeout:.0f} s")
    seconds = time.monotonic() - started
    reports = sorted(directory.glob("junit*.xml"))
    if code not in (EXIT_OK, EXIT_DEVIATIONS) or not reports:
        return PlainResult(code, seconds, message=_tail(directory / "st.log") or f"st exit {code}, no report")
    return PlainResult(code, seconds, plain_failures(reports[-1].read_text(encoding="utf-8")))


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
    plain: bool = False,
) -> FaultResult:
    """All stages against one sandbox (healthy when `name` is None), stopping at the first that reports; a stage
    that would start after `deadline` (time.monotonic) is not run, and the fault is then an error. With `plain`,
    a second sandbox with the same fault is then judged by plain `st run --checks all`."""
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
    plain_result = _plain_run(name, directory, env, deadline) if plain else None
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
        plain=plain_result,
    )


def _plain_run(name: str | None, directory: Path, env: dict[str, str], deadline: float | None) -> PlainResult:
    """Plain schemathesis against a fresh sandbox with the same fault (none for the healthy run)."""
    left = PLAIN_TIMEOUT if deadline is None else min(PLAIN_TIMEOUT, deadline - time.monotonic())
    if left <= 0:
        return PlainResult(-1, 0.0, message="not run: the time budget was spent")
    try:
        with sandbox([name] if name else [], directory / "plain-sandbox.log", env) as url:
            return run_plain(url, directory / "plain", env, left)
    except RuntimeError as exc:
        return PlainResult(-1, 0.0, message=str(exc))


def run_all(
    names: Sequence[str],
    stages: Sequence[tuple[str, ...]],
    reports: Path,
    jobs: int,
    *,
    progress: Callable[[str], None] = print,
    max_seconds: float | None = None,
    plain: bool = False,
) -> tuple[FaultResult, list[FaultResult], dict[str, Any]]:
    """The healthy run, then every fault (in parallel); returns (healthy, results, the JSON report). With
    `max_seconds`, nothing starts after that budget: what did not finish counts as an error. With `plain`, each
    sandbox is also judged by plain `st run --checks all` (the side-by-side column)."""
    started = time.monotonic()
    deadline = started + max_seconds if max_seconds else None
    root = reports / "mutation"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="mutation-hypothesis-") as scratch:
        env = _clean_env(Path(scratch))
        progress(f"mutation: healthy sandbox, {PROFILE} profile ({' -> '.join('+'.join(s) for s in stages)})")
        healthy = run_one(
            None, stages, root / "healthy", env, stop_at_first=False, deadline=deadline, plain=plain
        )
        healthy.checks = sorted({c for s in healthy.stages for c in s.checks})
        healthy.verdict = {SURVIVED: CLEAN, CAUGHT: FALSE_POSITIVE}.get(healthy.verdict, healthy.verdict)
        progress(f"mutation: healthy sandbox: {healthy_line(healthy)} ({healthy.run_seconds:.0f} s)")
        results: list[FaultResult] = []
        if healthy.verdict == CLEAN:
            with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
                futures = [
                    pool.submit(run_one, name, stages, root / name, env, deadline=deadline, plain=plain)
                    for name in names
                ]
                for index, future in enumerate(futures, 1):
                    result = future.result()
                    results.append(result)
                    verdict, checks, seconds = shown(result)
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
        "plain": plain_summary(healthy, results) if plain else None,
        "wall_seconds": round(wall, 1),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "healthy": as_json(healthy),
        "summary": summary(results),
        "faults": [as_json(r) for r in results],
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
