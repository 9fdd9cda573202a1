"""Offset/limit paging shared by the generated `iter` methods, and the type of a page read with expand=true.

Hand-written; scripts/regenerate copies it into the package. Sitecore list responses carry
`offset`, `limit` and `items`; the server may cap `limit` below what was asked, so the page's
own `limit` decides whether another page can exist.

A list page's `items` are links, or with `expand=true` the full resources (`list[Link | Order]` in
the model). `ExpandedPage[Order]` is what `cdp.orders.list(..., expand=True)` is typed to return (an
overload on `expand: Literal[True]`): the same page object, whose items are the resources only, so
`page.items[0].price` type-checks. The resource checks that no link came back before returning it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from .models.link import Link
    from .types import Unset

__all__ = ["DEFAULT_PAGE_SIZE", "ExpandedPage", "next_offset"]

DEFAULT_PAGE_SIZE = 100

ItemT_co = TypeVar("ItemT_co", covariant=True)


class ExpandedPage(Protocol[ItemT_co]):
    """A list page read with `expand=true`: the page model's fields, its `items` the full resources.

    At run time it is the operation's page model (`OrderPage`, ...); only its type is narrower. A page's
    fields beyond these (the data extension pages' `name`) are on the object as well.
    """

    @property
    def items(self) -> Sequence[ItemT_co]: ...
    @property
    def href(self) -> str | Unset: ...
    @property
    def offset(self) -> int | Unset: ...
    @property
    def limit(self) -> int | Unset: ...
    @property
    def first(self) -> Link | Unset: ...
    @property
    def last(self) -> Link | Unset: ...
    @property
    def next_(self) -> Link | Unset | None: ...
    @property
    def prev(self) -> Link | Unset | None: ...
    @property
    def additional_properties(self) -> dict[str, Any]: ...
    def to_dict(self) -> dict[str, Any]: ...


def next_offset(page: object, *, offset: int, requested: int, received: int) -> int | None:
    """Offset of the next page, or None when this page was the last one."""
    if received <= 0:
        return None
    limit = getattr(page, "limit", None)
    page_limit = limit if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0 else requested
    if received < page_limit:
        return None
    return offset + received
