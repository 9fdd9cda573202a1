"""Shared fixtures for the generated client's tests.

The tests import the generated package from the working tree (not an installed copy), so they
always exercise what scripts/regenerate produced. `FakeCDP` is a small in-memory stand-in for
the Order API served through httpx.MockTransport: no sockets, no network.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from .helpers import API_TOKEN, BASE_URL, CLIENT_KEY

Handler = Callable[[httpx.Request], httpx.Response]


def error(status: int, message: str) -> httpx.Response:
    """A Sitecore-shaped error response."""
    return httpx.Response(
        status,
        json={
            "status": status,
            "code": status,
            "message": message,
            "developerMessage": f"dev: {message}",
            "moreInfoUrl": "https://support.sitecore.com",
        },
    )


class FakeCDP:
    """Enough of the v2.1 and v2 Order APIs for the client tests; records every request."""

    def __init__(self, max_limit: int = 100) -> None:
        self.max_limit = max_limit
        self.requests: list[httpx.Request] = []
        self.resources: dict[str, dict[str, Any]] = {}
        self.kinds: dict[str, str] = {}

    def _store(self, kind: str, path_prefix: str, body: dict[str, Any], **extra: Any) -> dict[str, Any]:
        ref = str(uuid.uuid4())
        resource = {"href": f"{BASE_URL}{path_prefix}/{ref}", "ref": ref, **body, **extra}
        self.resources[ref] = resource
        self.kinds[ref] = kind
        return resource

    def add_orders(self, count: int, guest_ref: str = "g1") -> None:
        """Seed v2.1 orders for paging tests."""
        for i in range(count):
            self._store(
                "order",
                "/v2.1/orders",
                {"referenceId": f"R-{i:04d}", "guestRef": guest_ref, "price": i, "currencyCode": "EUR"},
            )

    def _page(self, request: httpx.Request, kind: str, version: str, expand: bool) -> httpx.Response:
        params = request.url.params
        offset = int(params.get("offset", "0"))
        limit = min(int(params.get("limit", "10")), self.max_limit)
        refs = [r for r, k in self.kinds.items() if k == kind]
        guest = params.get("guestRef")
        if guest is not None:
            refs = [r for r in refs if self.resources[r].get("guestRef", guest) == guest]
        chosen = refs[offset : offset + limit]
        items = [self.resources[r] if expand else {"href": self.resources[r]["href"]} for r in chosen]
        return httpx.Response(
            200,
            json={
                "href": str(request.url),
                "offset": offset,
                "limit": limit,
                "items": items,
            },
        )

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        method = request.method
        body = json.loads(request.content) if request.content else {}
        expand = request.url.params.get("expand") == "true"

        if path == "/v2.1/orders":
            if method == "POST":
                return httpx.Response(201, json=self._store("order", "/v2.1/orders", body))
            return self._page(request, "order", "v2.1", expand)
        if path == "/v2/orders":
            if method == "POST":
                return httpx.Response(201, json=self._store("legacy_order", "/v2/orders", body))
            return self._page(request, "legacy_order", "v2", expand=False)
        if m := re.fullmatch(r"/v2(?:\.1)?/orders/([^/]+)/(contacts|consumers)", path):
            ref, sub = m.groups()
            if ref not in self.resources:
                return error(404, "Order not found")
            version = "v2.1" if path.startswith("/v2.1/") else "v2"
            prefix = f"/{version}/order{'Contacts' if sub == 'contacts' else 'Consumers'}"
            created = self._store(sub, prefix, body, order={"href": self.resources[ref]["href"]})
            # The v2.1 consumer create's page documents 200; the other creates answer 201.
            return httpx.Response(200 if (version, sub) == ("v2.1", "consumers") else 201, json=created)
        if m := re.fullmatch(r"/v2(?:\.1)?/(?:orders|orderContacts|orderConsumers)/([^/]+)", path):
            ref = m.group(1)
            if ref not in self.resources:
                return error(404, "Resource not found")
            if method == "GET":
                return httpx.Response(200, json=self.resources[ref])
            if method in {"PUT", "POST"}:
                keep = {k: self.resources[ref][k] for k in ("href", "ref")}
                self.resources[ref] = {**keep, **body}
                return httpx.Response(200, json=self.resources[ref])
            if method == "PATCH":
                self.resources[ref].update(body)
                return httpx.Response(200, json=self.resources[ref])
            if method == "DELETE":
                del self.resources[ref]
                del self.kinds[ref]
                # v2 deletes and the v2.1 contact delete are documented 204 with no body; the other v2.1
                # deletes may answer 204 or 200 with a JSON body: the fake answers 200, the sandbox 204.
                if path.startswith(("/v2/", "/v2.1/orderContacts/")):
                    return httpx.Response(204)
                return httpx.Response(200, json={"ref": ref, "deleted": True})
        return error(404, f"no route {method} {path}")


@pytest.fixture
def fake() -> FakeCDP:
    """A fresh fake API."""
    return FakeCDP()


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """Record the retry library's sleeps instead of sleeping."""
    slept: list[float] = []

    def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    async def fake_async_sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr("httpx_retries.retry.time.sleep", fake_sleep)
    monkeypatch.setattr("httpx_retries.retry.asyncio.sleep", fake_async_sleep)
    yield slept


@pytest.fixture
def creds() -> tuple[str, str, str]:
    """(base_url, client_key, api_token) used by every fake client."""
    return BASE_URL, CLIENT_KEY, API_TOKEN


MakeCDP = Callable[..., Any]


@pytest.fixture
def make_cdp(fake: FakeCDP) -> MakeCDP:
    """Build a SitecoreCDP (or AsyncSitecoreCDP with asynchronous=True) on a MockTransport."""
    from sitecore_cdp_client import AsyncSitecoreCDP, SitecoreCDP  # noqa: PLC0415

    def make(handler: Handler | None = None, *, asynchronous: bool = False, **kwargs: Any) -> Any:
        cls = AsyncSitecoreCDP if asynchronous else SitecoreCDP
        return cls(
            client_key=CLIENT_KEY,
            api_token=API_TOKEN,
            base_url=BASE_URL,
            transport=httpx.MockTransport(handler or fake),
            **kwargs,
        )

    return make
