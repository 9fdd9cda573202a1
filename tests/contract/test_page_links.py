"""The link arithmetic of `pagination_is_consistent` (contract_tests/checks/page_links.py), pure and on real pages.

Pure: where each of `href`, `first`, `prev`, `next`, `last` of a page should lead, and the messages that say which
link of which page went where instead. On real pages: a walk of the healthy in-process sandbox has nothing wrong
(filters and limit kept on every link), and the catalog's link faults are named link by link.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import httpx
import pytest
from cdp_sandbox.factory import app_factory

from contract_tests.checks.exchange import View
from contract_tests.checks.lists import _prev_leads_back
from contract_tests.checks.page_links import (
    address,
    expected_links,
    link_problems,
    tiling_problems,
    walk_problems,
)
from contract_tests.probes import ProbeResult, Walk, WalkedPage
from contract_tests.urls import TargetUrls
from tests.sandbox.helpers import AUTH, ITEM_V21, ORDER_V21, ASGITransport

URLS = TargetUrls("http://testserver")
ITEMS = "/v2.1/orders/abc/orderItems"


def body(offset: int, total: int, *, size: int = 2, **extra: str) -> dict[str, Any]:
    """A page as the spec describes it (the healthy sandbox's arithmetic), `extra` kept on every link."""
    tail = "".join(f"&{k}={v}" for k, v in extra.items())

    def link(at: int) -> dict[str, str]:
        return {"href": f"http://api.example{ITEMS}?offset={at}&limit={size}{tail}"}

    doc: dict[str, Any] = {
        "href": link(offset)["href"],
        "offset": offset,
        "limit": size,
        "first": link(0),
        "last": link(((total - 1) // size) * size if total else 0),
    }
    if offset + size < total:
        doc["next"] = link(offset + size)
    if offset > 0:
        doc["prev"] = link(max(0, offset - size))
    return doc


def problems(doc: dict[str, Any], offset: int, total: int | None, **carried: str) -> list[str]:
    return link_problems(
        URLS, doc, path=ITEMS, offset=offset, size=2, carried=carried, total=total, where="page 2"
    )


# -- where each link should lead -----------------------------------------------------------------------


def test_the_links_of_a_middle_page_and_of_the_ends() -> None:
    middle = expected_links(2, 2, 5)
    assert [(n, e.present, e.offsets) for n, e in middle.items()] == [
        ("href", None, range(2, 3)),
        ("first", None, range(0, 1)),
        ("prev", True, range(0, 1)),
        ("next", True, range(4, 5)),
        ("last", None, range(3, 5)),  # a page that starts before the end and reaches it: offset 3 or 4
    ]
    first, end = expected_links(0, 2, 5), expected_links(4, 2, 5)
    assert first["prev"].present is False and first["next"].offsets == range(2, 3)
    assert end["next"].present is False and end["prev"].offsets == range(2, 3)
    # prev never goes below 0, even from an offset that is not a multiple of the limit
    assert expected_links(1, 2, 5)["prev"].offsets == range(0, 1)
    # an empty collection's last page is its first; an unknown length leaves next optional and last open
    assert expected_links(0, 2, 0)["last"].offsets == range(0, 1)
    assert expected_links(0, 2, 0)["next"].present is False
    unknown = expected_links(2, 2, None)
    assert unknown["next"].present is None and unknown["next"].offsets == range(4, 5)
    assert unknown["last"].offsets is None


def test_a_link_is_read_for_its_path_offset_limit_and_other_parameters() -> None:
    prefixed = TargetUrls("http://proxy.local/cdp")
    at = address(prefixed, "https://elsewhere/cdp/v2.1/Orders?referenceId=R%201&limit=40&offset=80")
    assert (at.path, at.offset, at.limit, dict(at.params)) == ("/v2.1/orders", 80, 40, {"referenceId": "R 1"})
    # left out: the parameters' defaults (offset 0, limit 10); not a whole number: None
    assert (address(URLS, ITEMS).offset, address(URLS, ITEMS).limit) == (0, 10)
    assert address(URLS, f"{ITEMS}?offset=-2&limit=x").offset is None
    assert address(URLS, f"{ITEMS}?offset=-2&limit=x").limit is None


# -- what is wrong, said link by link ------------------------------------------------------------------


def test_the_pages_the_spec_describes_have_nothing_wrong() -> None:
    for offset in (0, 2, 4):
        assert problems(body(offset, 5), offset, 5) == []
        assert problems(body(offset, 5), offset, None) == []
        assert problems(body(offset, 5, referenceId="R1"), offset, 5, referenceId="R1") == []
    assert problems(body(0, 0), 0, 0) == []
    assert problems(body(0, 2, expand="True"), 0, 2, expand="true") == []  # true/false in any case


def test_prev_pointing_at_its_own_page_is_named() -> None:
    doc = body(2, 3)
    doc["prev"] = {"href": doc["href"]}
    assert problems(doc, 2, 3) == [
        f"page 2: `prev` (http://api.example{ITEMS}?offset=2&limit=2) leads to offset=2, "
        "it should lead to offset=0"
    ]


def test_an_href_without_its_offset_is_named() -> None:
    doc = body(2, 3)
    doc["href"] = f"http://api.example{ITEMS}?limit=2"
    assert problems(doc, 2, 3) == [
        f"page 2: `href` (http://api.example{ITEMS}?limit=2) leads to offset=0, it should lead to offset=2"
    ]


def test_links_at_the_ends_and_missing_links() -> None:
    doc = body(2, 3)
    doc["next"] = {"href": f"{ITEMS}?offset=4&limit=2"}
    del doc["prev"]
    assert problems(doc, 2, 3) == [
        "page 2: `prev` is missing, it should lead to offset=0",
        f"page 2: `next` is {ITEMS}?offset=4&limit=2 at the end of the collection; it should be absent or null",
    ]
    first = body(0, 3)
    first["prev"] = {"href": f"{ITEMS}?offset=0&limit=2"}
    del first["next"]
    first["next"] = None  # null counts as absent: here it is missing while an item follows
    assert problems(first, 0, 3) == [
        f"page 2: `prev` is {ITEMS}?offset=0&limit=2 at the first page; it should be absent or null",
        "page 2: `next` is missing, it should lead to offset=2",
    ]
    last = body(0, 3)
    last["last"] = dict(last["first"])
    assert problems(last, 0, 3) == [
        f"page 2: `last` (http://api.example{ITEMS}?offset=0&limit=2) leads to offset=0, "
        "it should lead to an offset from 1 to 2"
    ]


def test_a_link_that_drops_or_changes_the_requests_parameters_is_named() -> None:
    doc = body(2, 5, referenceId="R1")
    doc["next"] = {"href": f"{ITEMS}?offset=4"}
    doc["prev"] = {"href": "/v2.1/orders/other/orderItems?offset=0&limit=2&referenceId=R2"}
    assert problems(doc, 2, 5, referenceId="R1") == [
        "page 2: `prev` (/v2.1/orders/other/orderItems?offset=0&limit=2&referenceId=R2) leads to "
        f"/v2.1/orders/other/orderitems, not {ITEMS.lower()}, changes referenceId=R1 to referenceId=R2",
        f"page 2: `next` ({ITEMS}?offset=4) carries limit=10, the request asked limit=2, drops referenceId=R1",
    ]


# -- a walk tiles its collection -----------------------------------------------------------------------


def page(offset: int, count: int, *, limit: int = 2) -> WalkedPage:
    items = [f"{ITEMS.lower()}/i{offset + n}" for n in range(count)]
    return WalkedPage(f"http://testserver{ITEMS}?offset={offset}&limit={limit}", body(offset, 5), items)


def test_a_walk_with_a_gap_an_overlap_or_a_short_page_is_named() -> None:
    assert tiling_problems(URLS, [page(0, 2), page(2, 2), page(4, 1)], size=2, label="pages of 2") == []
    assert tiling_problems(URLS, [page(0, 2), page(3, 2)], size=2, label="pages of 2") == [
        "pages of 2, page 2 was asked at offset=3 (the `next` followed), but the pages before it hold 2 items: "
        "skipping 1 item(s)"
    ]
    echo = page(2, 2)
    echo.body["offset"] = 0
    assert tiling_problems(URLS, [page(0, 2), echo], size=2, label="pages of 2") == [
        "pages of 2, page 2 says `offset` is 0, but it was asked offset=2"
    ]
    assert tiling_problems(URLS, [page(0, 2), page(2, 2, limit=10)], size=2, label="pages of 2") == [
        "pages of 2, page 2 was asked with limit=10 (the `next` followed), not 2",
        "pages of 2, page 2 says `limit` is 2, but it was asked limit=10",
    ]
    overlap = tiling_problems(URLS, [page(0, 2), page(1, 2)], size=2, label="pages of 2")
    assert overlap[0].endswith("the pages before it hold 2 items: repeating 1 item(s)")
    short = tiling_problems(URLS, [page(0, 1), page(1, 2)], size=2, label="pages of 2")
    assert short == ["pages of 2, page 1 holds 1 items, fewer than limit=2, yet a page follows it"]
    big = tiling_problems(URLS, [page(0, 3)], size=2, label="pages of 2")
    assert big == ["pages of 2, page 1 holds 3 items, more than limit=2"]


# -- on the sandbox's own pages ------------------------------------------------------------------------


def walk(fault: str | None, path: str, params: dict[str, Any], setup: int = 5) -> list[WalkedPage]:
    """Create an order with `setup` items on a fresh sandbox, then walk `path` (`{order}` filled) by `next`."""
    app = app_factory([fault] if fault else [])()
    with httpx.Client(transport=ASGITransport(app), base_url="http://testserver", auth=AUTH) as client:
        order = client.post("/v2.1/orders", json=ORDER_V21).json()["ref"]
        for n in range(setup):
            client.post(f"/v2.1/orders/{order}/orderItems", json={**ITEM_V21, "name": f"item {n}"})
        pages = []
        answer = client.get(path.format(order=order), params=params)
        for _ in range(10):
            doc = answer.json()
            items = [URLS.api_path(i["href"]) for i in doc["items"]]
            pages.append(WalkedPage(str(answer.request.url), doc, items))
            if not isinstance(doc.get("next"), dict):
                break
            answer = client.get(doc["next"]["href"])
    return pages


def judged(fault: str | None, path: str, **carried: str) -> list[str]:
    pages = walk(fault, path, {**carried, "offset": 0, "limit": 2})
    total = sum(len(p.items) for p in pages)
    collection = URLS.api_path(pages[0].url)
    return walk_problems(
        URLS, pages, path=collection, size=2, carried=carried, total=total, label="pages of 2"
    )


def test_the_healthy_sandboxs_pages_keep_their_links_and_filters() -> None:
    assert len(walk(None, "/v2.1/orders/{order}/orderItems", {"limit": 2})) == 3
    assert judged(None, "/v2.1/orders/{order}/orderItems") == []
    assert judged(None, "/v2/orders/{order}/orderItems") == []
    assert judged(None, "/v2.1/orders", referenceId=str(ORDER_V21["referenceId"])) == []


@pytest.mark.parametrize(
    ("fault", "named"),
    [
        ("prev-link-wrong", "pages of 2, page 2 (offset=2): `prev` ("),
        ("page-href-wrong", "pages of 2, page 2 (offset=2): `href` ("),
        ("last-link-wrong", "pages of 2, page 1 (offset=0): `last` ("),
        ("next-link-missing", "pages of 2, page 1 (offset=0): `next` is missing"),
    ],
)
def test_each_link_fault_of_the_catalog_is_named(fault: str, named: str) -> None:
    found = judged(fault, "/v2.1/orders/{order}/orderItems")
    if fault == "next-link-missing":  # the walk stops after one page: judged against the collection's length
        pages = walk(fault, "/v2.1/orders/{order}/orderItems", {"offset": 0, "limit": 2})
        found = walk_problems(
            URLS, pages, path=URLS.api_path(pages[0].url), size=2, carried={}, total=5, label="pages of 2"
        )
    assert any(p.startswith(named) for p in found), found


# -- `prev` fetched once per walk ----------------------------------------------------------------------


class _Probes:
    """Answers every GET with the page at `serves`, counting the requests."""

    def __init__(self, serves: WalkedPage) -> None:
        self.serves, self.sent = serves, 0

    def probe(self, url: str, *, note: str) -> ProbeResult:
        self.sent += 1
        return ProbeResult(200, {"items": [{"href": h} for h in self.serves.items]}, url)


def prev_fetched(serves: int) -> tuple[list[str], int]:
    """`_prev_leads_back` on a walk of three pages whose `prev` links are right, the server answering the first
    of them with the page at index `serves`; (problems, requests sent)."""
    pages = [page(0, 2), page(2, 2), page(4, 1)]
    probes = _Probes(pages[serves])
    walked = Walk([i for p in pages for i in p.items], True, pages)
    v = cast(View, SimpleNamespace(probes=probes, urls=URLS))
    return _prev_leads_back(v, walked, 2), probes.sent


def test_prev_is_fetched_once_and_must_list_the_page_before() -> None:
    assert prev_fetched(serves=0) == ([], 1)
    found, sent = prev_fetched(serves=1)  # the server does not read its own `prev` as the page before
    assert sent == 1 and found == [
        f"pages of 2: `prev` of the page at offset=2 (http://api.example{ITEMS}?offset=0&limit=2) answered 200 "
        f"listing ['{ITEMS.lower()}/i2', '{ITEMS.lower()}/i3'], but the page before it (offset=0) lists "
        f"['{ITEMS.lower()}/i0', '{ITEMS.lower()}/i1']"
    ]
