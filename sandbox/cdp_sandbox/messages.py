"""The sandbox's HTTP messages and the ASGI types they travel in: the bottom of the sandbox, importing none of it.

`Request` is what the ASGI edge (`app.py`) reads from a connection, `Response` what it writes back; everything
between (the app, the fault layer, the seed loader) speaks these two.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


@dataclass(slots=True)
class Request:
    """What the sandbox needs from an HTTP request, read once at the edge."""

    method: str
    path: str
    query_string: bytes
    base_url: str
    authorization: bytes = b""
    content_type: bytes | None = None
    body: bytes = b""
    too_large: bool = False


@dataclass(slots=True)
class Response:
    """A finished answer: status, extra headers and an encoded body (b"" for none)."""

    status: int
    body: bytes = b""
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
