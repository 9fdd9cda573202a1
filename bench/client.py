"""The generated client against raw httpx, same request to the same local sandbox, and page decoding.

Both sides keep one connection alive and make sequential calls, so the difference is the client's own
cost per call (request building, retry transport, status dispatch, model decoding), not the network.
"""

from __future__ import annotations

import time
import timeit
from typing import Any

import httpx
from sitecore_cdp_client import SitecoreCDP
from sitecore_cdp_client.models import OrderItemPage

CLIENT_KEY = "sandbox-client-key"
API_TOKEN = "sandbox-api-token"  # noqa: S105 - the sandbox's documented local default


def _seed_order(base_url: str) -> str:
    with SitecoreCDP(client_key=CLIENT_KEY, api_token=API_TOKEN, base_url=base_url) as cdp:
        response = httpx.post(
            f"{base_url}/v2.1/orders",
            json={
                "referenceId": "BENCH-C",
                "orderedAt": "2024-01-01T16:17:16Z",
                "currencyCode": "EUR",
                "price": 5,
            },
            auth=(CLIENT_KEY, API_TOKEN),
        )
        ref = str(response.json()["ref"])
        cdp.orders.retrieve(ref)  # fail early if the client cannot read it
    return ref


def per_call_seconds(base_url: str, *, calls: int) -> tuple[float, float]:
    """Seconds per retrieve-order call: (generated client, raw httpx + json)."""
    ref = _seed_order(base_url)
    with (
        SitecoreCDP(client_key=CLIENT_KEY, api_token=API_TOKEN, base_url=base_url) as cdp,
        httpx.Client(
            base_url=base_url, auth=(CLIENT_KEY, API_TOKEN), headers={"Accept": "application/json"}
        ) as raw,
    ):

        def with_client() -> None:
            cdp.orders.retrieve(ref)

        def with_httpx() -> None:
            response = raw.get(f"/v2.1/orders/{ref}")
            response.raise_for_status()
            response.json()

        for warm in (with_client, with_httpx):
            warm()
        # Alternate short slices, swapping which side goes first, so drift on a shared machine
        # (other processes, GC, the sandbox's own state) lands on both sides alike.
        slices = 10
        per_slice = max(1, calls // slices)
        totals = {with_client: 0.0, with_httpx: 0.0}
        for index in range(slices):
            order = (with_client, with_httpx) if index % 2 == 0 else (with_httpx, with_client)
            for call in order:
                totals[call] += timeit.timeit(call, number=per_slice)
        done = per_slice * slices
    return totals[with_client] / done, totals[with_httpx] / done


def expanded_page(items: int = 100) -> dict[str, Any]:
    base = "http://127.0.0.1:8080/v2.1"
    order = "2d7de9df-45a2-45ea-872c-30e45139007d"
    return {
        "href": f"{base}/orders/{order}/orderItems?offset=0&limit={items}&expand=true",
        "offset": 0,
        "limit": items,
        "first": {"href": f"{base}/orders/{order}/orderItems?offset=0&limit={items}"},
        "last": {"href": f"{base}/orders/{order}/orderItems?offset=0&limit={items}"},
        "items": [
            {
                "href": f"{base}/orderItems/{index:08d}-feff-42b2-90fb-a6ed136ec333",
                "ref": f"{index:08d}-feff-42b2-90fb-a6ed136ec333",
                "createdAt": "2025-02-01T10:11:12.123Z",
                "modifiedAt": "2025-02-01T10:11:12.123Z",
                "name": f"Item {index}",
                "type": "MOBILE",
                "status": "CONFIRMED",
                "price": 105.5,
                "currencyCode": "EUR",
                "quantity": 1,
                "productId": "1233-44",
                "referenceId": "AAAAA-134",
                "orderedAt": "2024-01-01T16:17:16Z",
                "order": {"href": f"{base}/orders/{order}"},
            }
            for index in range(items)
        ],
    }


def decode_page_seconds(*, repeats: int) -> float:
    """Seconds to decode one 100-item expanded order-items page into models."""
    page = expanded_page()
    started = time.perf_counter()
    for _ in range(repeats):
        OrderItemPage.from_dict(page)
    return (time.perf_counter() - started) / repeats
