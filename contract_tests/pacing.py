"""How fast a run may send: a ceiling in requests per second, and patience when the target answers 429.

A tenant is shared with its owner's production traffic, so a run must never hammer it: `--rate-limit` caps the
requests each process sends (the runner divides it among its workers), and a 429 is waited out as its
`Retry-After` asks (seconds or an HTTP date; capped) and the same request is sent again, a bounded number of
times. A 429 means the request was not processed, so sending it again is safe for a write as well.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

MAX_RETRIES = 4  # a 429 is waited out at most this many times per request, then answered as it came
MAX_WAIT_SECONDS = 60.0  # no Retry-After makes a run wait longer than this for one request
FIRST_BACKOFF_SECONDS = 1.0  # without Retry-After: 1, 2, 4, 8 s


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """The wait a `Retry-After` header asks for (delta-seconds or an HTTP date), None when absent or unreadable."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@dataclass
class Pacer:
    """Spaces the requests of one process and decides how long to wait after a 429."""

    rate: float | None = None
    """Requests per second for this process; None: no ceiling."""
    max_retries: int = MAX_RETRIES
    max_wait: float = MAX_WAIT_SECONDS
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    throttled: int = 0
    """429 answers waited out so far (for the report)."""
    waited: float = 0.0
    """Seconds spent waiting on 429s so far."""
    _next_slot: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        if self.rate is not None and self.rate <= 0:
            raise ValueError(
                f"a rate limit must be a positive number of requests per second, not {self.rate}"
            )

    def before_request(self) -> None:
        """Wait until this process may send its next request under the rate ceiling."""
        if self.rate is None:
            return
        interval = 1.0 / self.rate
        with self._lock:
            now = self.clock()
            slot = max(now, self._next_slot)
            self._next_slot = slot + interval
        if slot > now:
            self.sleep(slot - now)

    def wait_for_429(self, retry_after: str | None, attempt: int) -> bool:
        """After a 429 on the `attempt`-th try (0 first): wait as asked and say True to send again, or False to give
        up and hand the 429 to the checks."""
        if attempt >= self.max_retries:
            return False
        asked = retry_after_seconds(retry_after)
        wait = asked if asked is not None else FIRST_BACKOFF_SECONDS * 2**attempt
        wait = min(wait, self.max_wait)
        with self._lock:
            self.throttled += 1
            self.waited += wait
        self.sleep(wait)
        return True
