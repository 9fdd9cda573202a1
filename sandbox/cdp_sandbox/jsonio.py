"""Strict JSON body decoding: every way a body can be unacceptable becomes a clear 400, never a 5xx."""

from __future__ import annotations

import json
from typing import Any

import orjson

from .errors import ApiError, bad_request

MAX_BODY_BYTES = 1024 * 1024
"""Bodies above 1 MiB are answered 413 (the real API documents no limit; this keeps memory bounded)."""

MAX_DEPTH = 32
"""Containers nested deeper than this are rejected; no documented body needs more than 4."""

INT_MIN = -(2**63)
INT_MAX = 2**63 - 1
FLOAT_SUSPECT = 2.0**63


def decode_body(raw: bytes) -> Any:
    """Parse a request body, rejecting what would not round-trip unchanged through storage."""
    if not raw.strip():
        raise bad_request("body", "may not be null.", "the request body is empty")
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise bad_request("body", "malformed JSON.", str(exc)) from None
    if _check(value, 0):
        _check_huge_integers(raw)
    return value


def _check(value: Any, depth: int) -> bool:
    """Walk the document once; return True when a float may hide an out-of-range integer literal."""
    suspect = False
    if isinstance(value, dict):
        if depth >= MAX_DEPTH:
            raise _too_deep()
        for key, item in value.items():
            _check_text(key)
            if isinstance(item, dict | list):
                suspect = _check(item, depth + 1) or suspect
            else:
                suspect = _check_scalar(item) or suspect
    elif isinstance(value, list):
        if depth >= MAX_DEPTH:
            raise _too_deep()
        for item in value:
            if isinstance(item, dict | list):
                suspect = _check(item, depth + 1) or suspect
            else:
                suspect = _check_scalar(item) or suspect
    else:
        suspect = _check_scalar(value)
    return suspect


def _check_scalar(value: Any) -> bool:
    if isinstance(value, str):
        _check_text(value)
    elif isinstance(value, bool):
        return False
    elif isinstance(value, int):
        if not INT_MIN <= value <= INT_MAX:
            raise _huge()
    elif isinstance(value, float):
        return abs(value) >= FLOAT_SUSPECT
    return False


def _check_text(text: str) -> None:
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise bad_request("body", "invalid Unicode (lone surrogate).") from None


def _check_huge_integers(raw: bytes) -> None:
    """Slow path, only for bodies holding very large floats: find integer literals outside int64."""

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
