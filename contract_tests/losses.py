"""Requests the network lost: retried where that is safe, otherwise reported apart, never as a deviation.

A request that gets no HTTP answer (connection refused or reset, a read timeout, a TLS error mid-run) says
nothing about the contract: the target may never have seen it. The transport (transport.py) sends an idempotent
request again, a bounded number of times with backoff and never past the run's time budget; a POST or PATCH only
when the connection was never made (then nothing reached the target). A request that still gets no answer raises
`TransportLost`, and whatever needed it (a generated case, a check's follow-up read, a workflow step, a stateful
scenario) is *unjudged*: listed with the exchange and the error in the reports, never counted as a deviation. A
run that left anything unjudged exits 3 (incomplete), not 1.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import requests
import urllib3.exceptions

from .current import current_phase, current_test

IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
MAX_RETRIES = 3
FIRST_BACKOFF_SECONDS = 0.2  # then 0.4, 0.8: a dropped connection is usually back at once
GIVE_UP_AFTER = 5
"""After this many requests in a row got no answer even when retried, the target is gone, not flaky: later
requests are tried once (until one is answered again), so a dead target ends the run quickly."""
MAX_KEPT = 500  # lost requests kept in detail; every one is counted


def no_answer(exc: BaseException) -> bool:
    """Whether an exception means the request got no HTTP answer at all (the network's doing, as far as we can
    tell), rather than an answer the checks should judge or a mistake of the request itself."""
    if isinstance(exc, TransportLost):
        return True
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return False
    return isinstance(
        exc, requests.ConnectionError | requests.Timeout | requests.exceptions.ChunkedEncodingError
    )


def never_sent(exc: BaseException) -> bool:
    """Whether the connection was never made, so no byte of the request can have reached the target."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    reason = exc.args[0] if isinstance(exc, requests.ConnectionError) and exc.args else None
    reason = getattr(reason, "reason", reason)  # urllib3's MaxRetryError wraps the cause
    return isinstance(reason, urllib3.exceptions.NewConnectionError)


@dataclass(slots=True)
class LostRequest:
    """One request that got no answer after the attempts that were safe."""

    method: str
    url: str
    operation_id: str | None
    attempts: int
    error: str
    phase: str = ""
    test_id: str = ""
    role: str = "request"
    note: str = ""

    @property
    def fate_unknown(self) -> bool:
        """A write that may have been processed (it was not sent again)."""
        return self.method not in IDEMPOTENT

    def describe(self) -> str:
        """`GET https://.../orders/x (retrieveOrder): no answer after 4 attempts: ConnectionError: ...`."""
        op = f" ({self.operation_id})" if self.operation_id else ""
        tries = f"after {self.attempts} attempts" if self.attempts > 1 else "on its only attempt"
        unknown = "; not sent again: the target may have processed it" if self.fate_unknown else ""
        return f"{self.method} {self.url}{op}: no answer {tries}{unknown}: {self.error}"


class TransportLost(requests.ConnectionError):
    """No HTTP answer after the retries that were safe: what needed this request is unjudged, not failed."""

    def __init__(self, lost: LostRequest) -> None:
        super().__init__(lost.describe())
        self.lost = lost


@dataclass(slots=True)
class Unjudged:
    """Something the run could not judge because a request it needed was lost."""

    what: str
    """`case`, `check list_filter_honoured`, `workflow v2.1`, `stateful scenario`, ..."""
    operation_id: str
    phase: str
    test_id: str
    lost: LostRequest

    def describe(self) -> str:
        """One line for the reports."""
        where = f" in {self.phase}" if self.phase else ""
        return f"{self.what} on {self.operation_id}{where}: {self.lost.describe()}"


@dataclass
class NetworkLedger:
    """What the network did to one run's requests: the retries that recovered, the requests it lost, and what was
    left unjudged. Shared by the threads of a process (a lock guards the counters)."""

    max_retries: int = MAX_RETRIES
    first_backoff: float = FIRST_BACKOFF_SECONDS
    deadline: float | None = None
    """time.monotonic() past which nothing is retried (the profile's time budget)."""
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    retries: int = 0
    """Attempts sent again after one that got no answer."""
    recovered: int = 0
    """Requests answered on a later attempt."""
    lost_count: int = 0
    lost: list[LostRequest] = field(default_factory=list)
    unjudged: list[Unjudged] = field(default_factory=list)
    _in_a_row: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def may_retry(self, method: str, exc: BaseException, attempt: int) -> bool:
        """Whether to send again after the `attempt`-th try (0 first) got no answer; waits the backoff if so."""
        if attempt >= self.max_retries or self._in_a_row >= GIVE_UP_AFTER:
            return False
        if method.upper() not in IDEMPOTENT and not never_sent(exc):
            return False
        wait = self.first_backoff * 2**attempt
        if self.deadline is not None and self.clock() + wait > self.deadline:
            return False
        with self._lock:
            self.retries += 1
        self.sleep(wait)
        return True

    def answered(self, attempts: int) -> None:
        """A request got its answer (on attempt number `attempts`, 1 first)."""
        with self._lock:
            self._in_a_row = 0
            if attempts > 1:
                self.recovered += 1

    def give_up(self, lost: LostRequest) -> TransportLost:
        """Count a lost request and return the exception that carries it."""
        lost.phase = lost.phase or current_phase()
        lost.test_id = lost.test_id or current_test()
        with self._lock:
            self._in_a_row += 1
            self.lost_count += 1
            if len(self.lost) < MAX_KEPT:
                self.lost.append(lost)
        return TransportLost(lost)

    def unjudge(self, what: str, operation_id: str, lost: LostRequest) -> Unjudged:
        """Note that `what` could not be judged because `lost` got no answer."""
        entry = Unjudged(what, operation_id, current_phase(), current_test(), lost)
        with self._lock:
            self.unjudged.append(entry)
        return entry

    def absorb(self, other: NetworkLedger) -> None:
        """Add another process's ledger (a worker's) to this one."""
        self.retries += other.retries
        self.recovered += other.recovered
        self.lost_count += other.lost_count
        self.lost.extend(other.lost[: max(0, MAX_KEPT - len(self.lost))])
        self.unjudged.extend(other.unjudged)

    def summary(self) -> dict[str, object]:
        """The counts for conformance-summary.json."""
        by_operation: dict[str, int] = {}
        for lost in self.lost:
            key = lost.operation_id or "(no operation)"
            by_operation[key] = by_operation.get(key, 0) + 1
        return {
            "retries": self.retries,
            "recovered": self.recovered,
            "lost": self.lost_count,
            "lost_by_operation": by_operation,
            "unjudged": [u.describe() for u in self.unjudged],
            "lost_requests": [lost.describe() for lost in self.lost],
        }

    def line(self) -> str:
        """The closing line: `network: 12 requests retried (12 answered on a later attempt); 1 lost ...`; "" when
        the network lost nothing."""
        if not (self.retries or self.lost_count):
            return ""
        text = f"network: {self.retries} attempts sent again, {self.recovered} requests answered on a later attempt"
        if self.lost_count:
            text += f"; {self.lost_count} requests got no answer; {len(self.unjudged)} left unjudged (not deviations)"
        return text

    def __getstate__(self) -> dict[str, object]:
        state = {k: getattr(self, k) for k in ("retries", "recovered", "lost_count", "lost", "unjudged")}
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        fresh = NetworkLedger()
        for key in ("max_retries", "first_backoff", "deadline", "sleep", "clock", "_in_a_row", "_lock"):
            object.__setattr__(self, key, getattr(fresh, key))
        for key, value in state.items():
            object.__setattr__(self, key, value)
