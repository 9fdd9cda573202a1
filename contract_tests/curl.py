"""One-line curl commands that replay a failing request (the report's "Reproduce" line).

Credentials are never spelled: curl reads them from the environment, and the rest passes the run's redactor.
"""

from __future__ import annotations

from collections.abc import Callable

import requests

from .targets import ASGI_BASE_URL
from .transport import Exchange

AUTH = '"$SITECORE_CDP_CLIENT_KEY:$SITECORE_CDP_API_TOKEN"'


def quote(text: str) -> str:
    """`text` as one single-quoted shell word."""
    return "'" + text.replace("'", "'\\''") + "'"


def curl_for_request(
    request: requests.PreparedRequest, redact: Callable[[str], str], *, in_process: bool
) -> str:
    """Method, content type, body and URL of a sent request; an in-process URL is put on $SITECORE_CDP_BASE_URL."""
    parts = ["curl", "-X", str(request.method), "-u", AUTH]
    for name, value in request.headers.items():
        if name.lower() in ("content-type",):
            parts += ["-H", quote(f"{name}: {value!s}")]
    body = request.body
    if body:
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
        parts += ["--data-raw", quote(redact(text))]
    url = str(request.url)
    if in_process:
        url = "$SITECORE_CDP_BASE_URL" + url[len(ASGI_BASE_URL) :]
    parts.append(quote(redact(url)))
    return " ".join(parts)


def curl_for_exchange(exchange: Exchange) -> str:
    """Method and URL of a recorded (already redacted) exchange: a request that got no answer."""
    return f"curl -X {exchange.method} -u {AUTH} {quote(exchange.url)}"
