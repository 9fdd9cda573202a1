"""The `sitecore_cdp_client` logger: one debug line per request, retry and error.

Hand-written; scripts/regenerate copies it into the package. A line names the method, the path
(never the query, the host's credentials or a header), the status and the milliseconds; nothing
else of the request is logged, so no secret can reach a log. `SITECORE_CDP_LOG=debug` (or
`info`) switches it on without touching the logging configuration: the client then adds one
stderr handler to this logger the first time a client is built.
"""

from __future__ import annotations

import logging
import os
import sys
import time

import httpx

__all__ = ["ENV_LOG", "LOGGER_NAME", "AsyncLoggingTransport", "LoggingTransport", "logger", "setup_from_env"]

LOGGER_NAME = "sitecore_cdp_client"
ENV_LOG = "SITECORE_CDP_LOG"
logger = logging.getLogger(LOGGER_NAME)

_ATTEMPT = "sitecore_cdp_attempt"  # request extension: how many times this request was sent
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING}
_configured = False


def setup_from_env() -> None:
    """Honour SITECORE_CDP_LOG once per process: set the level and add a stderr handler."""
    global _configured  # noqa: PLW0603 - one switch per process, like the env variable it reads
    if _configured:
        return
    _configured = True
    level = _LEVELS.get(os.environ.get(ENV_LOG, "").strip().lower())
    if level is None:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)


def _attempt(request: httpx.Request) -> int:
    count = int(request.extensions.get(_ATTEMPT, 0)) + 1
    request.extensions[_ATTEMPT] = count
    return count


def _line(request: httpx.Request, attempt: int, outcome: str, started: float) -> None:
    elapsed = (time.perf_counter() - started) * 1000
    kind = "request" if attempt == 1 else f"retry {attempt - 1}"
    logger.debug("%s %s %s -> %s in %.1f ms", kind, request.method, request.url.path, outcome, elapsed)


class LoggingTransport(httpx.BaseTransport):
    """Wraps the real transport, under the retry layer, so each attempt is one line."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not logger.isEnabledFor(logging.DEBUG):
            return self.inner.handle_request(request)
        attempt, started = _attempt(request), time.perf_counter()
        try:
            response = self.inner.handle_request(request)
        except Exception as exc:
            _line(request, attempt, type(exc).__name__, started)
            raise
        _line(request, attempt, str(response.status_code), started)
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncLoggingTransport(httpx.AsyncBaseTransport):
    """The async twin of LoggingTransport."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not logger.isEnabledFor(logging.DEBUG):
            return await self.inner.handle_async_request(request)
        attempt, started = _attempt(request), time.perf_counter()
        try:
            response = await self.inner.handle_async_request(request)
        except Exception as exc:
            _line(request, attempt, type(exc).__name__, started)
            raise
        _line(request, attempt, str(response.status_code), started)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()
