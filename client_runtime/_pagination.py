"""Offset/limit paging shared by the generated `iter_*` methods.

Hand-written; scripts/regenerate copies it into the package. Sitecore list responses carry
`offset`, `limit` and `items`; the server may cap `limit` below what was asked, so the page's
own `limit` decides whether another page can exist.
"""

from __future__ import annotations

__all__ = ["DEFAULT_PAGE_SIZE", "next_offset"]

DEFAULT_PAGE_SIZE = 100


def next_offset(page: object, *, offset: int, requested: int, received: int) -> int | None:
    """Offset of the next page, or None when this page was the last one."""
    if received <= 0:
        return None
    limit = getattr(page, "limit", None)
    page_limit = limit if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0 else requested
    if received < page_limit:
        return None
    return offset + received
