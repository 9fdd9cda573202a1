"""What stands between the network and the app: read timeouts, the connection cap, the one-process-per-file lock.

Slow or half-sent requests must not pile up: each connection gets `header_timeout` seconds to send a request's
headers and `body_timeout` more for its body, then it is closed; past `max_connections` open connections a
request is answered 503 at once (uvicorn's `limit_concurrency`) and its body is never buffered. Memory therefore
stays bounded by the cap times the largest body (1 MiB), whatever clients do.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import IO, Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

DEFAULT_MAX_CONNECTIONS = 100
DEFAULT_HEADER_TIMEOUT = 10.0
DEFAULT_BODY_TIMEOUT = 30.0


def guarded_protocol(header_timeout: float, body_timeout: float) -> type[HttpToolsProtocol]:
    """uvicorn's httptools protocol with a deadline on reading each request's headers, then its body."""

    class GuardedProtocol(HttpToolsProtocol):
        _read_deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm(header_timeout)

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._arm(header_timeout)

        def on_headers_complete(self) -> None:
            super().on_headers_complete()
            self._arm(body_timeout)

        def on_message_complete(self) -> None:
            super().on_message_complete()
            self._disarm()

        def _arm(self, seconds: float) -> None:
            self._disarm()
            self._read_deadline = self.loop.call_later(seconds, self._read_timed_out)

        def _disarm(self) -> None:
            if self._read_deadline is not None:
                self._read_deadline.cancel()
                self._read_deadline = None

        def _read_timed_out(self) -> None:
            self._read_deadline = None
            if not self.transport.is_closing():
                self.transport.close()

    return GuardedProtocol


class DatabaseLocked(RuntimeError):
    """Another process serves the same database file."""


def lock_database(path: str | Path) -> IO[Any]:
    """Take an exclusive lock on the database file for this process's lifetime (returns the open file to keep).

    Two sandboxes on one file would each keep their own ref map and row counter and write into each other's
    orders; the second refuses to start instead. The lock is `flock` on the file itself (SQLite's own locks are
    `fcntl` record locks, which it does not disturb) and goes away with the process, even after `kill -9`.
    """
    handle = open(path, "a+b")  # noqa: SIM115 - held open for the process's lifetime
    try:
        import fcntl  # noqa: PLC0415 - POSIX only

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # pragma: no cover - not POSIX: no lock
        return handle
    except OSError:
        handle.close()
        raise DatabaseLocked(
            f"{os.fspath(path)} is already in use by another cdp-sandbox process; stop it or pass another --db"
        ) from None
    return handle
