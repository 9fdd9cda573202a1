"""Strict JSON body decoding: every way a body can be unacceptable becomes a clear 400, never a 5xx."""

from __future__ import annotations

from typing import Any

import orjson

from .errors import ApiError, bad_request

MAX_BODY_BYTES = 1024 * 1024
"""Bodies above 1 MiB are answered 413 (the real API documents no limit; this keeps memory bounded)."""

MAX_DEPTH = 32
"""Containers nested deeper than this are rejected; no documented body needs more than 4."""


def decode_body(raw: bytes) -> Any:
    """Parse a request body strictly: anything the store could not keep exactly is a 400.

    orjson already rejects invalid UTF-8, lone surrogates and NaN/Infinity; a number beyond the range of
    a double is rejected too, while an integer beyond 64 bits is read as a double, as Java and JavaScript
    clients read it. A cheap byte count decides whether the depth walk is needed at all.
    """
    if not raw.strip():
        raise bad_request("body", "may not be null.", "the request body is empty")
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        if "infinity" in str(exc):
            raise bad_request("body", "number out of range: it does not fit in a double.", str(exc)) from None
        raise bad_request("body", "malformed JSON.", str(exc)) from None
    if isinstance(value, dict | list) and raw.count(b"{") + raw.count(b"[") > MAX_DEPTH:
        _check_depth(value, 0)
    return value


def _check_depth(value: Any, depth: int) -> None:
    if depth >= MAX_DEPTH:
        raise _too_deep()
    children = value.values() if isinstance(value, dict) else value
    for item in children:
        if isinstance(item, dict | list):
            _check_depth(item, depth + 1)


def _too_deep() -> ApiError:
    return bad_request("body", f"nesting deeper than {MAX_DEPTH} levels is not allowed.")


def dumps(value: Any) -> bytes:
    """Encode a response document."""
    return orjson.dumps(value)
