"""Per-request options: what every call (and `with_options`) may change for one request.

Hand-written; scripts/regenerate copies it into the package. Every resource method and every
generated endpoint function takes these as keyword arguments (`**options`), so a typo is a type
error and an editor completes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    import httpx
    from httpx_retries import Retry

__all__ = ["OPTION_NAMES", "RequestOptions"]


class RequestOptions(TypedDict, total=False):
    """Options of one request; a key left out keeps the client's setting.

    timeout: seconds (or an `httpx.Timeout`) for each attempt of this request (connect, each
        read, ...); None waits forever. A call that is retried can take several times as long.
    total_timeout: seconds for the whole call: every attempt and every wait between retries.
        Each attempt's timeout is cut to what is left, no retry waits or starts past it, and
        running out raises APITimeoutError. None (the default) leaves only `timeout`.
    retry: False for no retries, True for the default policy (which never retries POST or
        PATCH: they are not idempotent), or an `httpx_retries.Retry`.
    extra_headers: headers added to (or replacing) the client's for this request; not
        Authorization, which the client sets from its credentials (refused).
    """

    timeout: float | httpx.Timeout | None
    total_timeout: float | None
    retry: Retry | bool
    extra_headers: Mapping[str, str]


OPTION_NAMES = frozenset(RequestOptions.__annotations__)
