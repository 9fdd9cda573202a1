"""A forwarding proxy on 127.0.0.1 that answers every request a fixed delay late: a far-away tenant, locally.

Served by uvicorn in its own process in front of a sandbox (`BENCH_UPSTREAM`, `BENCH_DELAY_MS`). The delay is
slept before forwarding, without blocking other requests, so concurrent requests are each late by the same
amount, as they would be across a real network. The request's own Host goes upstream, so the sandbox's
`href`s point back at the proxy and a suite that follows them keeps paying the delay.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import httpx

Message = MutableMapping[str, Any]
UPSTREAM = os.environ.get("BENCH_UPSTREAM", "http://127.0.0.1:8080")
DELAY = float(os.environ.get("BENCH_DELAY_MS", "100")) / 1000
HOP_BY_HOP = {b"connection", b"keep-alive", b"transfer-encoding", b"content-length", b"upgrade"}
MAX_BODY_CHUNKS = 100_000  # bounds the request-body loop; a conformance body is one or a few chunks

_client = httpx.AsyncClient(
    base_url=UPSTREAM, timeout=60, limits=httpx.Limits(max_connections=256, max_keepalive_connections=64)
)


async def _body(receive: Callable[[], Awaitable[Message]]) -> bytes:
    chunks = []
    for _ in range(MAX_BODY_CHUNKS):
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    return b"".join(chunks)


async def app(
    scope: MutableMapping[str, Any],
    receive: Callable[[], Awaitable[Message]],
    send: Callable[[Message], Awaitable[None]],
) -> None:
    if scope["type"] != "http":
        return
    body = await _body(receive)
    await asyncio.sleep(DELAY)
    headers = [(k, v) for k, v in scope["headers"] if k.lower() not in HOP_BY_HOP]
    query = scope.get("query_string", b"")
    path = scope.get("raw_path") or scope["path"].encode()
    url = path.decode("latin-1") + (("?" + query.decode("latin-1")) if query else "")
    upstream = await _client.request(scope["method"], url, headers=headers, content=body)
    out = [
        (k.encode(), v.encode()) for k, v in upstream.headers.items() if k.encode().lower() not in HOP_BY_HOP
    ]
    out.append((b"content-length", str(len(upstream.content)).encode()))
    await send({"type": "http.response.start", "status": upstream.status_code, "headers": out})
    await send({"type": "http.response.body", "body": upstream.content})
