"""Strict JSON body decoding: every way a body can be unacceptable becomes a clear 400, never a 5xx."""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

from .errors import ApiError, bad_request

MAX_BODY_BYTES = 1024 * 1024
"""Bodies above 1 MiB are answered 413 (the real API documents no limit; this keeps memory bounded)."""

MAX_DEPTH = 32
"""Containers nested deeper than this are rejected; no documented body needs more than 4."""

INT_MIN = -(2**63)
INT_MAX = 2**63 - 1
_LONG_DIGITS = re.compile(rb"[0-9]{19,}")


def decode_body(raw: bytes) -> Any:
    """Parse a request body, rejecting what would not round-trip unchanged through storage.

    orjson already rejects invalid UTF-8, lone surrogates, NaN/Infinity and overflowing floats; the
    cheap byte scans below decide whether the slower depth and integer-range walks are needed at all.
    """
    if not raw.strip():
        raise bad_request("body", "may not be null.", "the request body is empty")
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise bad_request("body", "malformed JSON.", str(exc)) from None
    if isinstance(value, dict | list) and raw.count(b"{") + raw.count(b"[") > MAX_DEPTH:
        _check_depth(value, 0)
    if _LONG_DIGITS.search(raw):
        _check_huge_integers(raw)
    return value


def _check_depth(value: Any, depth: int) -> None:
    if depth >= MAX_DEPTH:
        raise _too_deep()
    children = value.values() if isinstance(value, dict) else value
    for item in children:
        if isinstance(item, dict | list):
            _check_depth(item, depth + 1)


def _check_huge_integers(raw: bytes) -> None:
    """Slow path, only for bodies with a 19+ digit run: reject integer literals outside int64."""

    def parse_int(text: str) -> int:
        if len(text.lstrip("-")) > 19 or not INT_MIN <= int(text) <= INT_MAX:
            raise _huge()
        return int(text)

    try:
        json.loads(raw, parse_int=parse_int)
    except ValueError:
        raise _huge() from None


def _too_deep() -> ApiError:
    return bad_request("body", f"nesting deeper than {MAX_DEPTH} levels is not allowed.")


def _huge() -> ApiError:
    return bad_request("body", "number out of range: integers must fit in 64 bits.")


def dumps(value: Any) -> bytes:
    """Encode a response document."""
    return orjson.dumps(value)
