"""The ceiling: a bare ASGI endpoint on the sandbox's server stack (uvicorn + uvloop + httptools).

It reads the request body and answers a fixed order-sized JSON document, doing none of the sandbox's
work (auth, routing, validation, storage), so sandbox/bare is the share of the stack's throughput the
sandbox keeps.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]

BODY = (
    b'{"href":"http://127.0.0.1/v2.1/orders/2d7de9df-45a2-45ea-872c-30e45139007d",'
    b'"ref":"2d7de9df-45a2-45ea-872c-30e45139007d","createdAt":"2025-12-19T12:19:01.268Z",'
    b'"modifiedAt":"2025-12-19T12:19:01.268Z","referenceId":"B94TXY-1","orderedAt":"2024-01-01T16:17:16Z",'
    b'"currencyCode":"EUR","price":50,"channel":"WEB","status":"PURCHASED"}'
)
HEADERS = [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]


async def app(
    scope: Scope, receive: Callable[[], Awaitable[Message]], send: Callable[[Message], Awaitable[None]]
) -> None:
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = bool(message.get("more_body"))
    status = 201 if scope["method"] == "POST" else 200
    await send({"type": "http.response.start", "status": status, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})
