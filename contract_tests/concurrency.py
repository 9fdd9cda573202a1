"""How many tests a run keeps in flight, chosen from the target's measured round trip, not from its host name.

A run against a sandbox on this machine is bound by the CPU (the suite's and the sandbox's): tests side by side
would only share the same cores. A run against a far target waits on the network, and a far target is often
reached through a loopback port (a tunnel, `kubectl port-forward`, a corporate proxy, mitmproxy), so the name
says nothing. The runner times a few authenticated reads after its probe and compares their median round trip
with the CPU the suite spends per request: while one test waits for an answer, others can use the CPU. The
number of workers is the round trip over that CPU cost (so the waits are covered), bounded by `--rate-limit` (more
workers than the ceiling lets send would only queue) and by `MAX_DEFAULT_WORKERS`; `--workers N` overrides.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from .network import Network
from .targets import Target, TargetError, probe

SUITE_CPU_SECONDS_PER_REQUEST = 0.004
"""What the suite spends of one core per request (generation, checks, recording): the quick profile against the
in-process sandbox sends about 9,900 requests in about 50 s on this project's 2-core machine, the sandbox's own
share (about 1 ms a request) taken out. An estimate: the choice only needs its order of magnitude."""
TIMED_READS = 5
MAX_DEFAULT_WORKERS = 32
"""The default's ceiling: 32 workers hide a 130 ms round trip; beyond that a run is bound by its longest tests
(the workflows, about 500 requests in a row), which more workers cannot shorten."""


@dataclass(frozen=True, slots=True)
class Concurrency:
    """The number of workers a run uses, and why (the report's header says it)."""

    workers: int
    round_trip: float | None = None
    """Median seconds of the timed reads; None when nothing was measured."""
    reason: str = ""

    def describe(self) -> str:
        """`24 workers: round trip 101 ms (median of 5 reads) over ~4 ms of suite CPU a request`."""
        noun = "worker" if self.workers == 1 else "workers"
        return f"{self.workers} {noun}: {self.reason}" if self.reason else f"{self.workers} {noun}"


def workers_for(round_trip: float, *, rate_limit: float | None = None, cap: int = MAX_DEFAULT_WORKERS) -> int:
    """Workers enough that the waits of a `round_trip` are covered by the others' CPU; 1 when a request costs the
    suite more CPU than its answer takes to come (a local sandbox)."""
    cpu = SUITE_CPU_SECONDS_PER_REQUEST
    if round_trip <= cpu:
        return 1
    count = math.ceil((round_trip + cpu) / cpu)
    if rate_limit is not None:
        # One worker sends about one request per (round trip + cpu); more than the ceiling allows only queue.
        count = min(count, max(1, math.floor(rate_limit * (round_trip + cpu))))
    return max(1, min(count, cap))


def measure(
    target: Target,
    network: Network | None,
    *,
    reads: int = TIMED_READS,
    clock: Callable[[], float] = time.perf_counter,
) -> list[float]:
    """Seconds of `reads` authenticated reads of the probe URL, one after another (the first opens the
    connection, so it is left out when there are several)."""
    times = []
    for _ in range(max(1, reads) + 1):
        started = clock()
        probe(target, network=network)
        times.append(clock() - started)
    return times[1:]


def choose(
    target: Target,
    network: Network | None,
    *,
    requested: int | None = None,
    rate_limit: float | None = None,
    timed: Callable[[], list[float]] | None = None,
) -> Concurrency:
    """The run's concurrency: `requested` when given, 1 for an in-process app, else from the measured round
    trip. A target whose timed reads fail gets 1 (the probe before them already proved it answers)."""
    if requested is not None:
        return Concurrency(requested, None, "as asked (--workers)")
    if target.app_factory is not None:
        return Concurrency(1, None, "an in-process app (--asgi) lives in one process")
    try:
        times = timed() if timed is not None else measure(target, network)
    except TargetError as exc:
        return Concurrency(1, None, f"the timed reads failed ({exc})")
    round_trip = statistics.median(times)
    count = workers_for(round_trip, rate_limit=rate_limit)
    why = (
        f"round trip {round_trip * 1000:.1f} ms (median of {len(times)} reads) against ~"
        f"{SUITE_CPU_SECONDS_PER_REQUEST * 1000:.0f} ms of suite CPU a request"
    )
    if count == 1:
        why += ": bound by the CPU, not the network"
    elif count == MAX_DEFAULT_WORKERS:
        why += f" (capped at {MAX_DEFAULT_WORKERS})"
    if rate_limit is not None and count > 1:
        why += f", within --rate-limit {rate_limit:g}/s"
    return Concurrency(count, round_trip, why + "; --workers N overrides")
