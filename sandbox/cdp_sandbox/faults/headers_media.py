"""Faults of the category headers-media: wrong media types and missing headers."""

from __future__ import annotations

from ..messages import Response
from .core import (
    Forwarder,
    Hit,
    Injection,
    fault,
)


@fault(
    "json-as-text-plain",
    "headers-media",
    "responses of every operation (e.g. retrieveOrder 200): content application/json, the only media type",
)
def _text_plain() -> Injection:
    """JSON answers are labelled `Content-Type: text/plain; charset=utf-8`."""

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        if response.body:
            response.headers = [(k, v) for k, v in response.headers if k != b"content-type"]
            response.headers.append((b"content-type", b"text/plain; charset=utf-8"))
        return response

    return Injection(after=change)


@fault(
    "no-allow-on-405",
    "headers-media",
    "RFC 9110 §15.5.6: a 405 names the allowed methods in Allow (methods the spec does not declare on a path)",
)
def _no_allow() -> Injection:
    """405 Method Not Allowed answers come without the `Allow` header."""

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        if response.status == 405:
            response.headers = [(k, v) for k, v in response.headers if k != b"allow"]
        return response

    return Injection(after=change)
