"""A page's links judged by offset arithmetic, and the pages of a walk judged as a tiling of their collection.

Spec: components.schemas.Page: `href` is the current page, `first` the first, `last` the page that ends the
collection, `next` and `prev` the neighbours, "omitted (or null) at the ends"; the Offset and Limit parameters
(defaults 0 and 10). Every link is read for its path, `offset`, `limit` and the other parameters it carries,
never fetched: what a link leads to follows from those, and `pagination_is_consistent` (lists.py) proves with
one fetch of `prev` per walk that the server reads its own links that way. Pure: no requests, no run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from ..probes import WalkedPage
from ..urls import TargetUrls

DEFAULT_OFFSET = 0
DEFAULT_LIMIT = 10
"""What a link that leaves `offset` or `limit` out asks for (the parameters' defaults in the spec)."""
LINKS = ("href", "first", "prev", "next", "last")
PAGING = frozenset({"offset", "limit"})


@dataclass(frozen=True, slots=True)
class PageAddress:
    """Where a page URL or link leads: its API path, offset, limit (None when not a whole number) and the other
    query parameters it carries."""

    path: str
    offset: int | None
    limit: int | None
    params: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Expected:
    """What one link of a page should be: `present` True (required), False (absent or null) or None (either);
    when there, the offsets it may lead to (None: any)."""

    present: bool | None
    offsets: range | None

    def describe(self) -> str:
        if self.offsets is None:
            return "any offset"
        if len(self.offsets) == 1:
            return f"offset={self.offsets[0]}"
        return f"an offset from {self.offsets[0]} to {self.offsets[-1]}"


def _whole(text: str | None, default: int) -> int | None:
    if text is None:
        return default
    return int(text) if text.isascii() and text.isdigit() else None


def address(urls: TargetUrls, url: str) -> PageAddress:
    """Where `url` (a page's own URL or one of its links, on any origin) leads."""
    pairs = dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
    return PageAddress(
        urls.api_path(url),
        _whole(pairs.get("offset"), DEFAULT_OFFSET),
        _whole(pairs.get("limit"), DEFAULT_LIMIT),
        {k: v for k, v in pairs.items() if k not in PAGING},
    )


def expected_links(offset: int, size: int, total: int | None) -> dict[str, Expected]:
    """The links of the page at `offset` of a collection paged by `size`, `total` items long (None: unknown).

    href is this page, first offset 0, prev max(0, offset - size) and absent on the first page, next
    offset + size and absent at the end, last a page that ends the collection: it starts before the end and
    reaches it (offset 0 for an empty collection)."""
    links = {
        "href": Expected(None, range(offset, offset + 1)),
        "first": Expected(None, range(0, 1)),
        "prev": Expected(False, None)
        if offset == 0
        else Expected(True, range(max(0, offset - size), max(0, offset - size) + 1)),
    }
    step = range(offset + size, offset + size + 1)
    if total is None:
        links["next"] = Expected(None, step)
        links["last"] = Expected(None, None)
    else:
        links["next"] = Expected(True, step) if offset + size < total else Expected(False, None)
        links["last"] = Expected(None, range(max(0, total - size), max(total, 1)))
    return links


def link_href(body: Mapping[str, Any], name: str) -> str | None:
    """The URL of link `name` of a page (`href` is a string; the others are Link objects), None when absent."""
    value = body.get(name)
    if name == "href":
        return value if isinstance(value, str) else None
    href = value.get("href") if isinstance(value, dict) else None
    return href if isinstance(href, str) else None


def _same(sent: str, kept: str) -> bool:
    return sent == kept or (sent.lower() in ("true", "false") and sent.lower() == kept.lower())


def link_problems(
    urls: TargetUrls,
    body: Mapping[str, Any],
    *,
    path: str,
    offset: int,
    size: int,
    carried: Mapping[str, str],
    total: int | None,
    where: str,
) -> list[str]:
    """What is wrong with the links of one page (`where` names it in the messages): each leads to `path` with
    `limit=size`, keeps every parameter the request `carried`, and sits where `expected_links` says."""
    problems = []
    for name, expected in expected_links(offset, size, total).items():
        href = link_href(body, name)
        if href is None:
            if expected.present:
                problems.append(f"{where}: `{name}` is missing, it should lead to {expected.describe()}")
            continue
        if expected.present is False:
            ends = "first page" if name == "prev" else "end of the collection"
            problems.append(f"{where}: `{name}` is {href} at the {ends}; it should be absent or null")
            continue
        at = address(urls, href)
        wrong = []
        if at.path != path.lower():
            wrong.append(f"leads to {at.path}, not {path.lower()}")
        if expected.offsets is not None and at.offset not in expected.offsets:
            got = "no whole-number offset" if at.offset is None else f"offset={at.offset}"
            wrong.append(f"leads to {got}, it should lead to {expected.describe()}")
        if at.limit != size:
            got = "no whole-number limit" if at.limit is None else f"limit={at.limit}"
            wrong.append(f"carries {got}, the request asked limit={size}")
        for param, value in carried.items():
            if param not in at.params:
                wrong.append(f"drops {param}={value}")
            elif not _same(value, at.params[param]):
                wrong.append(f"changes {param}={value} to {param}={at.params[param]}")
        if wrong:
            problems.append(f"{where}: `{name}` ({href}) " + ", ".join(wrong))
    return problems


def tiling_problems(urls: TargetUrls, pages: Sequence[WalkedPage], *, size: int, label: str) -> list[str]:
    """The pages of a walk from offset 0 tile the collection: each starts where the ones before it end (no gap,
    no overlap), asks the walk's `limit`, echoes the offset and limit it was asked, holds at most `size` items,
    and only the last holds fewer."""
    problems = []
    start = 0
    for number, page in enumerate(pages, 1):
        at = address(urls, page.url)
        where = f"{label}, page {number}"
        if at.offset != start:
            kind = "skipping" if at.offset is not None and at.offset > start else "repeating"
            problems.append(
                f"{where} was asked at offset={at.offset} (the `next` followed), but the pages before it hold "
                f"{start} items: {kind} {abs((at.offset or 0) - start)} item(s)"
            )
        if at.limit != size:
            problems.append(f"{where} was asked with limit={at.limit} (the `next` followed), not {size}")
        for name, asked in (("offset", at.offset), ("limit", at.limit)):
            echoed = page.body.get(name)
            if isinstance(echoed, int) and asked is not None and echoed != asked:
                problems.append(f"{where} says `{name}` is {echoed}, but it was asked {name}={asked}")
        count = len(page.items)
        if count > size:
            problems.append(f"{where} holds {count} items, more than limit={size}")
        elif count < size and number < len(pages):
            problems.append(f"{where} holds {count} items, fewer than limit={size}, yet a page follows it")
        start = (at.offset if at.offset is not None else start) + count
    return problems


def walk_problems(
    urls: TargetUrls,
    pages: Sequence[WalkedPage],
    *,
    path: str,
    size: int,
    carried: Mapping[str, str],
    total: int | None,
    label: str,
) -> list[str]:
    """Every link of every page of a walk in pages of `size`, and the walk's tiling (`total`: the collection's
    length when a complete walk told it)."""
    problems = tiling_problems(urls, pages, size=size, label=label)
    for number, page in enumerate(pages, 1):
        offset = address(urls, page.url).offset
        if offset is None:
            continue
        where = f"{label}, page {number} (offset={offset})"
        problems += link_problems(
            urls, page.body, path=path, offset=offset, size=size, carried=carried, total=total, where=where
        )
    return problems
