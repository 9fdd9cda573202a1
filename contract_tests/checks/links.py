"""Links and identity: a resource's `href` names itself on the target's origin, its links lead to its relatives,
and a consumer's items are one relation whichever way it is read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from schemathesis import CheckContext, Response

from ..check_registry import custom
from ..model import EXTENSIONS, Action, Kind, resource_path
from ..urls import TargetUrls, origin_of
from .exchange import View, consumer_links, page_items, view

if TYPE_CHECKING:
    from schemathesis.specs.openapi.schemas import OpenApiCase


def _href_problems(urls: TargetUrls, href: Any, expected: str | None, what: str) -> list[str]:
    """An href must be absolute, on the target's origin, and (when known) at the expected path."""
    if not isinstance(href, str):
        return []
    parts = urlsplit(href)
    if not parts.scheme or not parts.netloc:
        return [f"{what}: href {href!r} is not an absolute URL"]
    problems = []
    if origin_of(href) != urls.origin:
        problems.append(f"{what}: href {href!r} is not on the target's origin {urls.origin}")
    if expected is not None and urls.api_path(href) != expected:
        problems.append(f"{what}: href {href!r} should have the path {expected}")
    return problems


def _listed_href_problems(v: View, request_url: str) -> list[str]:
    """Listed links point at resources of the listed kind; expanded items at themselves."""
    info = v.info
    if info.parent_kind is Kind.CONSUMER:
        kind_path = re.compile(rf"^/{re.escape(info.version)}/orderitems/[^/]+$")
    elif info.kind in EXTENSIONS:
        kind_path = re.compile(rf"^{re.escape(v.urls.api_path(request_url))}/[^/]+$")
    else:
        kind_path = re.compile(rf"^{re.escape(resource_path(info.version, info.kind, '')).lower()}[^/]+$")
    problems = []
    for index, item in enumerate(page_items(v.body)):
        href, ref = item.get("href"), item.get("ref")
        if isinstance(href, str) and not kind_path.match(v.urls.api_path(href)):
            problems.append(f"items[{index}].href {href!r} does not point at a {info.kind} of {info.version}")
        if isinstance(href, str) and isinstance(ref, str) and info.kind not in EXTENSIONS:
            expected = resource_path(info.version, info.kind, ref).lower()
            problems += _href_problems(v.urls, href, expected, f"items[{index}]")
    return problems


@custom
def href_points_to_self(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """`href` of a returned resource is an absolute URL on the target's own origin whose path is the resource's
    canonical path in the version asked: last segment equal to `ref` (a data extension: `.../extensions/ext` under
    the parent asked for); a retrieved or updated resource is the one the path named; listed links point at
    resources of the listed kind. Spec: Link.href "Absolute URL of the linked resource"; LinkPage "the ref of
    each linked resource is the last path segment of its href"."""
    v = view(response, case)
    if v is None or not v.ok or not isinstance(v.body, dict) or v.info.action is Action.DELETE:
        return True
    info = v.info
    if info.action is Action.LIST:
        problems = _listed_href_problems(v, str(response.request.url))
    else:
        expected = v.own_path()
        problems = _href_problems(
            v.urls, v.body.get("href"), expected.lower() if expected else None, "resource"
        )
        ref, path_ref = v.body.get("ref"), v.params.get(info.ref_param or "")
        named = info.kind not in EXTENSIONS and info.action is not Action.CREATE and path_ref is not None
        if named and isinstance(ref, str) and ref.lower() != str(path_ref).lower():
            problems.append(f"asked for {path_ref} but got the resource with ref {ref}")
    assert not problems, "; ".join(problems)
    return None


@custom
def links_point_to_parent(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """Links inside a resource lead to its relatives: an order's `contacts`, `consumers` and `orderItems` to its
    own collections, a child's `order` (a data extension's `order`/`orderItem`) to the parent it was created under.
    Spec: order contacts/consumers/orderItems links; LegacyOrderContact.order, OrderItem.order,
    OrderItemDataExtension.orderItem ("links the parent item")."""
    v = view(response, case)
    if v is None or not v.ok or not isinstance(v.body, dict) or v.info.action in (Action.LIST, Action.DELETE):
        return True
    info, body = v.info, v.body
    problems: list[str] = []
    if info.kind is Kind.ORDER and v.key is not None:
        own = resource_path(info.version, Kind.ORDER, v.key[1]).lower()
        for name in ("contacts", "consumers", "orderItems"):
            link = body.get(name)
            href = link.get("href") if isinstance(link, dict) else None
            if isinstance(href, str) and v.urls.api_path(href) != f"{own}/{name.lower()}":
                problems.append(f"{name}.href {href!r} is not this order's {name} collection")
    else:
        parent = v.parent if v.parent is not None else (v.state.parent_of(v.key) if v.key else None)
        if parent is None:
            return True
        field = "orderItem" if info.kind is Kind.ORDER_ITEM_EXT else "order"
        link = body.get(field)
        if not isinstance(link, dict) or not isinstance(link.get("href"), str):
            return True
        got = v.urls.api_path(link["href"])
        if got == f"/{info.version}/orders" and urlsplit(link["href"]).query:
            return True  # the docs' consumer example links a query of orders, not one order: nothing to judge
        expected = resource_path(info.version, parent[0], parent[1]).lower()
        if got != expected:
            problems.append(f"{field}.href {link['href']!r} should point at the parent {expected}")
    assert not problems, "; ".join(problems)
    return None


@custom
def consumer_items_consistent(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """A consumer's items are one relation seen two ways: the consumer's `orderItems` links and
    GET /v2.1/orderConsumers/{ref}/orderItems name the same existing items, and a create or full update keeps the
    links it sent. Spec: LegacyOrderConsumer.orderItems, ConsumerOrderItems, listOrderConsumerOrderItems."""
    v = view(response, case)
    actions = (Action.CREATE, Action.RETRIEVE, Action.REPLACE, Action.PATCH)
    if (
        v is None
        or not v.ok
        or v.info.kind is not Kind.CONSUMER
        or v.info.action not in actions
        or v.key is None
    ):
        return True
    linked = consumer_links(v.body)
    if linked is None or "listOrderConsumerOrderItems" not in v.model.operations:
        return True
    problems = []
    sent = consumer_links(v.sent) if v.info.action in (Action.CREATE, Action.REPLACE) else None
    if sent and not sent <= linked:
        problems.append(
            f"sent links to {sorted(sent - linked)[:3]} are missing from the consumer's orderItems"
        )
    path = resource_path("v2.1", Kind.CONSUMER, v.key[1]) + "/orderItems"
    listed, _ = v.probes.walk(path, note="consumer_items_consistent", query={}, page_size=50, max_pages=10)
    listed_refs = {h.rsplit("/", 1)[-1] for h in listed}
    if listed_refs - linked:
        problems.append(f"{path} lists {sorted(listed_refs - linked)[:3]} which the consumer does not link")
    existing = {r for r in linked if (Kind.ORDER_ITEM, r) in v.state.resources}
    if existing - listed_refs:
        problems.append(f"{path} leaves out linked items {sorted(existing - listed_refs)[:3]}")
    assert not problems, "; ".join(problems)
    return None
