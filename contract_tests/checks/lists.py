"""Lists: a created resource is listed once, pages are consistent slices, filters and `expand` are honoured."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from schemathesis import CheckContext, Response

from ..check_registry import custom
from ..model import EXTENSIONS, Action, Kind, ListFilter, collection_path
from ..probes import Walk
from ..state import Key
from .exchange import JSON_SAFE_INT, MAX_DESCENDANT_PROBES, View, page_items, page_query, view
from .page_links import address, link_href, walk_problems

if TYPE_CHECKING:
    from schemathesis.specs.openapi.schemas import OpenApiCase


@custom
def created_appears_in_list(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """A created resource is listed in its collection exactly once: an order under its referenceId, an item,
    contact or consumer under the order it was created on, a data extension under its owner. Spec: the list
    operations of each collection and listOrders' referenceId filter."""
    v = view(response, case)
    if v is None or not v.ok or v.info.action is not Action.CREATE or v.own_path() is None:
        return True
    info = v.info
    if v.model.find(info.version, Action.LIST, info.kind) is None:
        return True
    query: dict[str, Any] = {}
    if info.kind is Kind.ORDER:
        reference_id = v.sent.get("referenceId") if v.sent else None
        if not isinstance(reference_id, str):
            return True
        query = {"referenceId": reference_id}
    parent_ref = v.parent[1] if v.parent else None
    listed, _ = v.probes.walk(
        collection_path(info.version, info.kind, parent_ref),
        note="created_appears_in_list",
        query=query,
        page_size=100,
        max_pages=20,
    )
    own = (v.own_path() or "").lower()
    count = listed.count(own)
    assert count == 1, (
        f"{own} is listed {count} times in its collection ({len(listed)} items walked), expected once"
    )
    return None


@custom
def pagination_is_consistent(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """Offset pagination honours `limit` and `offset` and loses nothing: a page holds at most `limit` items and
    echoes offset/limit (up to 2**53); walking the collection by `next` links in pages of 2 and in pages of 50 yields
    the same items, each once, the pages walked tile it (no gap, no overlap), and on each of them `href`, `first`,
    `prev`, `next` and `last` lead where the offset arithmetic says (page_links.py) and keep the request's filters
    and limit; `prev` fetched once per walk leads to the page before; this page is the matching slice, and its
    `first` and `last` lead to the first and the final page. Spec: Page ("offset pagination", `href` the current
    page, `next` and `prev` omitted at the ends), Offset and Limit parameters."""
    v = view(response, case)
    if v is None or v.status != 200 or v.info.action is not Action.LIST or not isinstance(v.body, dict):
        return True
    limit, offset = v.query.get("limit", 10), v.query.get("offset", 0)
    if not (isinstance(limit, int) and isinstance(offset, int)) or limit < 1 or offset < 0:
        return True
    items = page_items(v.body)
    problems = []
    if len(items) > limit:
        problems.append(f"{len(items)} items on a page asked with limit={limit}")
    for name, asked in (("offset", offset), ("limit", limit)):
        # Beyond 2**53 JSON integers lose precision in most parsers; a server may clamp such values.
        if isinstance(v.body.get(name), int) and v.body[name] != asked and asked <= JSON_SAFE_INT:
            problems.append(f"`{name}` is {v.body[name]} but {asked} was asked")
    assert not problems, "; ".join(problems)
    filters = page_query(v)
    unbounded = v.info.kind is Kind.ORDER and not filters
    path = v.urls.request_path(str(response.request.url))
    if unbounded or not v.probes.once_per_state(f"{path}?{sorted(filters.items())}"):
        return None
    walks = {
        size: v.probes.walk_pages(
            path, note="pagination_is_consistent", query=filters, page_size=size, max_pages=20
        )
        for size in (50, 2)
    }
    big, small = walks[50].items, walks[2].items
    for size, walked in walks.items():
        dups = sorted({h for h in walked.items if walked.items.count(h) > 1})
        assert not dups, f"walking {path} in pages of {size} repeats {dups[:3]}"
    expected = big if walks[2].complete else big[: len(small)]
    problems = _walked_link_problems(v, case, path, walks)
    assert small == expected, (
        f"walking {path} in pages of 2 gives {len(small)} items, in pages of 50 {len(big)}; "
        f"missing from the small walk: {sorted(set(expected) - set(small))[:3]}, extra: {sorted(set(small) - set(big))[:3]}"
        + "".join(f"; {problem}" for problem in problems[:3])
    )
    if not problems:
        problems = [p for size, walked in walks.items() for p in _prev_leads_back(v, walked, size)]
    assert not problems, "; ".join(problems[:6]) + (
        f" (and {len(problems) - 6} more)" if len(problems) > 6 else ""
    )
    if walks[50].complete:
        here = [v.urls.api_path(i["href"]) for i in items if isinstance(i.get("href"), str)]
        window = big[offset : offset + limit]
        assert here == window, (
            f"the page at offset={offset}, limit={limit} is not the matching slice of the collection"
        )
        problems = _edge_problems(v, big, limit)
        assert not problems, "; ".join(problems)
    return None


def _walked_link_problems(v: View, case: OpenApiCase, path: str, walks: dict[int, Walk]) -> list[str]:
    """The links and tiling of every page walked, by arithmetic (no request)."""
    declared = {p.name for p in case.operation.query}
    total = len(walks[50].items) if walks[50].complete else None
    problems = []
    for size, walked in walks.items():
        sent = address(v.urls, walked.pages[0].url).params if walked.pages else {}
        carried = {k: val for k, val in sent.items() if k in declared}
        problems += walk_problems(
            v.urls, walked.pages, path=path, size=size, carried=carried, total=total, label=f"pages of {size}"
        )
    return problems


def _prev_leads_back(v: View, walked: Walk, size: int) -> list[str]:
    """The first `prev` of a walk, fetched: it lists what the page before it listed (one request per walk)."""
    for before, page in zip(walked.pages, walked.pages[1:], strict=False):
        href = link_href(page.body, "prev")
        if href is None:
            continue
        got = v.probes.probe(href, note="pagination_is_consistent")
        listed = [v.urls.api_path(i["href"]) for i in page_items(got.body) if isinstance(i.get("href"), str)]
        if got.status == 200 and listed == before.items:
            return []
        here, there = address(v.urls, page.url).offset, address(v.urls, before.url).offset
        return [
            f"pages of {size}: `prev` of the page at offset={here} ({href}) answered {got.status} listing "
            f"{listed[:3]}, but the page before it (offset={there}) lists {before.items[:3]}"
        ]
    return []


def _edge_problems(v: View, collection: list[str], limit: int) -> list[str]:
    """`first` leads to the first page, `last` to a page that ends the collection and has no `next`."""
    problems = []
    assert isinstance(v.body, dict)
    for name in ("first", "last"):
        link = v.body.get(name)
        href = link.get("href") if isinstance(link, dict) else None
        if not isinstance(href, str) or not collection:
            continue
        page = v.probes.probe(href, note="pagination_is_consistent")
        got = [v.urls.api_path(i["href"]) for i in page_items(page.body) if isinstance(i.get("href"), str)]
        if name == "first" and got != collection[:limit]:
            problems.append(f"`first` ({href}) does not lead to the first {limit} items")
        more = isinstance(page.body, dict) and isinstance(page.body.get("next"), dict)
        if name == "last" and (not got or collection[-len(got) :] != got or more):
            problems.append(f"`last` ({href}) does not lead to the final page of the collection")
    return problems


@custom
def list_filter_honoured(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """A list holds only what it was asked for: every filter the spec declares on the list (`x-filter`: the
    orders' `referenceId`, the guest their contacts name, any filter a doc change adds) holds for every listed
    resource the suite reads back; items, contacts and consumers listed under an order belong to that order (as far
    as the suite created them). Spec: the `x-filter` of listOrders/legacyListOrders; the child collections."""
    v = view(response, case)
    if v is None or v.status != 200 or v.info.action is not Action.LIST:
        return True
    info = v.info
    problems: list[str] = []
    asked = [
        (f, v.query[f.param]) for f in info.filters if isinstance(v.query.get(f.param), str | int | float)
    ]
    if asked:
        path = v.urls.request_path(str(response.request.url))
        hrefs = [v.urls.api_path(i["href"]) for i in page_items(v.body) if isinstance(i.get("href"), str)]
        wanted = " ".join(f"{f.param}={value}" for f, value in asked)
        if v.probes.once_per_state(f"filter {path} {wanted}"):
            hrefs, _ = v.probes.walk(
                path, note="list_filter_honoured", query=page_query(v), page_size=50, max_pages=4
            )
        for href in hrefs[:MAX_DESCENDANT_PROBES]:
            seen = v.state.get((info.kind, href.rsplit("/", 1)[-1]))
            doc = seen.body if seen is not None else v.probes.probe(href, note="list_filter_honoured").body
            if not isinstance(doc, dict):
                continue
            for declared, value in asked:
                problem = _filter_problem(v, href, doc, declared, str(value))
                if problem:
                    problems.append(problem)
    elif info.parent_kind is Kind.ORDER and v.parent is not None and info.kind not in EXTENSIONS:
        for item in page_items(v.body):
            if not isinstance(item.get("href"), str):
                continue
            child: Key = (info.kind, v.urls.api_path(item["href"]).rsplit("/", 1)[-1])
            owner = v.state.parent_of(child)
            if owner is not None and owner != v.parent:
                problems.append(f"{item['href']} was created on order {owner[1]}, not {v.parent[1]}")
    else:
        return True
    assert not problems, "; ".join(problems[:10])
    return None


def _filter_problem(v: View, href: str, doc: dict[str, Any], declared: ListFilter, value: str) -> str | None:
    """Why a listed resource does not meet a declared filter (None when it does, or when what the filter reads is
    not there to judge: a field the resource leaves out, children none of which carries the field)."""
    if declared.of is None:
        if declared.field not in doc:
            return None
        stored = doc[declared.field]
        if declared.matches(stored, value):
            return None
        return f"{href} has {declared.field} {stored!r}, the list asked for {declared.param}={value!r}"
    link = doc.get(declared.of)
    if not isinstance(link, dict) or not isinstance(link.get("href"), str):
        return None
    # Read as an application reads it (no paging parameters: an order has a few contacts), so a recording's own
    # read of the collection answers it in a passive run.
    listed = v.probes.probe(link["href"].split("?", 1)[0], note="list_filter_honoured").body
    children = [i["href"] for i in page_items(listed) if isinstance(i.get("href"), str)]
    values = []
    for child in children[:MAX_DESCENDANT_PROBES]:
        body = v.probes.probe(child, note="list_filter_honoured").body
        if isinstance(body, dict) and declared.field in body:
            values.append(body[declared.field])
    if not values or any(declared.matches(stored, value) for stored in values):
        return None
    return (
        f"{href}: none of its {declared.of} has {declared.field} matching {value!r} "
        f"(the list asked for {declared.param}={value!r})"
    )


@custom
def expand_honoured(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """`expand` returns full resources instead of links: a v2.1 list asked with expand=true holds items that carry
    their `ref`, and a legacy order asked with expand=orderItems holds its items as a page of full items. Spec:
    Expand parameter ("the page holds the full resources instead of links"), legacyRetrieveOrder expand."""
    v = view(response, case)
    if v is None or v.status != 200 or not isinstance(v.body, dict):
        return True
    if v.info.action is Action.LIST and v.query.get("expand") in (True, "true"):
        bare = [i.get("href") for i in page_items(v.body) if "ref" not in i]
        assert not bare, f"expand=true but items are bare links: {bare[:3]}"
        return None
    if (
        v.info.legacy
        and v.info.kind is Kind.ORDER
        and v.info.action is Action.RETRIEVE
        and v.query.get("expand") == "orderItems"
    ):
        page = v.body.get("orderItems")
        assert isinstance(page, dict) and isinstance(page.get("items"), list), (
            "expand=orderItems but no page of items"
        )
        bare = [i.get("href") for i in page_items(page) if "ref" not in i]
        assert not bare, f"expand=orderItems but items are bare links: {bare[:3]}"
        return None
    return True
