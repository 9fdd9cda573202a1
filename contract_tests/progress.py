"""Live progress of a run: tests done of total, requests sent, deviations so far, elapsed and an estimate of what is
left, so no run is silent for minutes.

On a terminal it is one line redrawn in place (a bar); elsewhere (a pipe, a CI log) a plain line every
`PROGRESS_SECONDS` (CDP_CONFORMANCE_PROGRESS_SECONDS overrides). Workers each leave a small `progress.json` in
their folder after every test; the runner that started them adds them up (`read_workers`).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

FILE_NAME = "progress.json"
PROGRESS_SECONDS = 10.0
ENV_VAR = "CDP_CONFORMANCE_PROGRESS_SECONDS"
BAR_WIDTH = 24


@dataclass(frozen=True, slots=True)
class Counts:
    """Where a run (or one worker) stands."""

    done: int = 0
    total: int = 0
    requests: int = 0
    deviations: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.done + other.done,
            max(self.total, other.total),  # every worker collects the same tests
            self.requests + other.requests,
            self.deviations + other.deviations,
        )


def save(directory: Path, counts: Counts) -> None:
    """A worker's counts, written whole (a reader never sees half a file)."""
    temporary = directory / (FILE_NAME + ".tmp")
    with contextlib.suppress(OSError):
        temporary.write_text(json.dumps(asdict(counts)), encoding="utf-8")
        temporary.replace(directory / FILE_NAME)


def read_workers(directories: Iterable[Path]) -> Counts:
    """The sum of the workers' counts (a worker not started yet counts nothing)."""
    total = Counts()
    for directory in directories:
        try:
            raw = json.loads((directory / FILE_NAME).read_text(encoding="utf-8"))
            total = total + Counts(
                **{k: int(raw.get(k, 0)) for k in ("done", "total", "requests", "deviations")}
            )
        except (OSError, ValueError, TypeError):
            continue
    return total


def interval() -> float:
    """Seconds between two plain progress lines."""
    try:
        return max(0.5, float(os.environ.get(ENV_VAR, PROGRESS_SECONDS)))
    except ValueError:
        return PROGRESS_SECONDS


class Reporter:
    """Writes progress: a redrawn bar on a terminal, a plain line every `every` seconds elsewhere."""

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        tty: bool | None = None,
        every: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream or sys.stdout
        in_ci = bool(os.environ.get("CI"))
        self.tty = tty if tty is not None else (self.stream.isatty() and not in_ci)
        self.every = every if every is not None else interval()
        self.clock = clock
        self.started = clock()
        self._last = -1e9
        self._drawn = False

    def update(self, counts: Counts, *, force: bool = False) -> None:
        """Show where the run stands (a plain line only when `every` seconds have passed, or `force`)."""
        now = self.clock()
        if self.tty:
            bar = _bar(counts)
            self.stream.write(f"\r{bar} {line(counts, now - self.started)}\x1b[K")
            self.stream.flush()
            self._drawn = True
            return
        if force or now - self._last >= self.every:
            self._last = now
            self.stream.write(f"progress: {line(counts, now - self.started)}\n")
            self.stream.flush()

    def finish(self) -> None:
        """End the redrawn line, so what follows starts on a line of its own."""
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False


def line(counts: Counts, elapsed: float) -> str:
    """`12/67 tests, 2,345 requests, 0 deviations, 45 s elapsed, about 1 min left`."""
    text = (
        f"{counts.done}/{counts.total or '?'} tests, {counts.requests:,} requests, {counts.deviations} deviations, "
        f"{elapsed:.0f} s elapsed"
    )
    left = estimate(counts, elapsed)
    return text + (f", about {left} left" if left else "")


def estimate(counts: Counts, elapsed: float) -> str:
    """What is left at the pace so far ("" before the first test is done or after the last)."""
    if not counts.done or not counts.total or counts.done >= counts.total:
        return ""
    seconds = elapsed / counts.done * (counts.total - counts.done)
    return f"{seconds / 60:.0f} min" if seconds >= 90 else f"{seconds:.0f} s"


def _bar(counts: Counts) -> str:
    share = counts.done / counts.total if counts.total else 0.0
    filled = min(BAR_WIDTH, round(share * BAR_WIDTH))
    return "[" + "#" * filled + "." * (BAR_WIDTH - filled) + "]"
