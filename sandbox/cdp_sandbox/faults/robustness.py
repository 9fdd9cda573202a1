"""Faults of the category robustness: inputs that crash or stall the server."""

from __future__ import annotations

from ..messages import Response
from .core import (
    HANG_SECONDS,
    INT32_MAX,
    MAX_HANGS,
    NAME_FIELDS,
    WALK_LIMIT,
    Forwarder,
    Hit,
    Injection,
    fault,
    internal_error,
    numbers_in,
)


@fault(
    "non-ascii-name-500",
    "robustness",
    "request bodies are UTF-8 JSON (name, firstName, lastName are plain strings); no operation documents 500",
)
def _non_ascii() -> Injection:
    """A `name`, `firstName` or `lastName` with a non-ASCII character (Zoë, Ó Briain) answers 500."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        body = hit.body()
        if isinstance(body, dict):
            for name in NAME_FIELDS:
                value = body.get(name)
                if isinstance(value, str) and not value.isascii():
                    return internal_error()
        return None

    return Injection(before=change)


@fault(
    "large-number-500",
    "robustness",
    "number fields (price, quantity, extension values) have no documented maximum; no operation documents 500",
)
def _large_number() -> Injection:
    """A number beyond 32 bits anywhere in a request body answers 500 (an int32 column overflows)."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        body = hit.body()
        if isinstance(body, dict | list):
            for number in numbers_in(body, [WALK_LIMIT]):
                if abs(number) > INT32_MAX:
                    return internal_error()
        return None

    return Injection(before=change)


@fault(
    "slow-order-delete",
    "robustness",
    f"deleteOrder: answered promptly (the contract suite's response-time bound is below {HANG_SECONDS:.0f} s)",
)
def _slow_delete() -> Injection:
    """Deleting an order stalls 12 s before answering (at most 3 times per sandbox, so runs stay bounded)."""
    stalls = [0]

    def delay(hit: Hit, response: Response) -> float:
        if hit.op("deleteOrder") and response.status == 204 and stalls[0] < MAX_HANGS:
            stalls[0] += 1
            return HANG_SECONDS
        return 0.0

    return Injection(delay=delay)
