"""The sandbox with a request counter, so two test tools are measured by what the server saw.

Served by uvicorn like `cdp-sandbox`; `GET /__bench__/count` answers the number of requests so far
(itself excluded) and `POST /__bench__/count` resets it. Counting at the server makes the figure
independent of how either tool counts its own requests (retries, probes, shrinking).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from cdp_sandbox import create_app

Message = MutableMapping[str, Any]
_sandbox = create_app()
_count = 0


async def app(
    scope: MutableMapping[str, Any],
    receive: Callable[[], Awaitable[Message]],
    send: Callable[[Message], Awaitable[None]],
) -> None:
    global _count  # noqa: PLW0603 - one counter per server process is the point
    if scope["type"] == "http" and scope["path"] == "/__bench__/count":
        if scope["method"] == "POST":
            _count = 0
        body = str(_count).encode()
        await send(
            {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]}
        )
        await send({"type": "http.response.body", "body": body})
        return
    if scope["type"] == "http":
        _count += 1
    await _sandbox(scope, receive, send)
