"""Behaviour of the hand-written client layer: auth, configuration, retries, errors, paging, secrets."""

from __future__ import annotations

import asyncio
import base64
import datetime
import http.server
import logging
import threading
from collections.abc import Iterator
from typing import Any, ClassVar

import httpx
import pytest
from sitecore_cdp_client import (
    REGIONS,
    APIConnectionError,
    APIError,
    AsyncSitecoreCDP,
    AuthenticationError,
    BadRequestError,
    CDPClient,
    ConfigurationError,
    NotFoundError,
    RateLimitError,
    ServerError,
    SitecoreCDP,
    SitecoreCDPError,
)
from sitecore_cdp_client.api.orders_v_2_1 import list_orders
from sitecore_cdp_client.models import (
    LegacyOrderCreate,
    Link,
    OrderCreate,
    OrderPatch,
    OrderStatus,
)

ORDER_BODY = OrderCreate(
    reference_id="R-1",
    ordered_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
    currency_code="EUR",
    price=1.0,
)


def scripted(*responses: httpx.Response | Exception) -> tuple[list[httpx.Request], Any]:
    """A handler that answers with the given responses (or raises the given errors) in order."""
    seen: list[httpx.Request] = []
    queue = list(responses)

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        item = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(item, Exception):
            raise item
        return item

    return seen, handler


# A PATCH carries the four fields its page marks required.
PATCH_BODY = OrderPatch(
    reference_id="R-1",
    ordered_at=ORDER_BODY.ordered_at,
    currency_code="EUR",
    price=2.0,
)
ORDER_JSON = {"href": "https://cdp.test/v2.1/orders/o1", "ref": "o1"}


# --- authentication and construction ---------------------------------------------------------


def test_basic_auth_accept_and_user_agent(make_cdp: Any, creds: tuple[str, str, str]) -> None:
    seen, handler = scripted(httpx.Response(200, json=ORDER_JSON))
    with make_cdp(handler) as cdp:
        cdp.orders.retrieve("o1")
    _, key, token = creds
    expected = "Basic " + base64.b64encode(f"{key}:{token}".encode()).decode()
    assert seen[0].headers["Authorization"] == expected
    assert seen[0].headers["Accept"] == "application/json"
    assert seen[0].headers["User-Agent"].startswith("sitecore-cdp-client/")
    assert str(seen[0].url) == "https://cdp.test/v2.1/orders/o1"


@pytest.mark.parametrize("region", ["eu", "us", "ap", "jpe", "EU", " jpe "])
def test_regions(region: str) -> None:
    cdp = SitecoreCDP(client_key="k", api_token="t", region=region)
    assert cdp.base_url == f"https://api-engage-{region.strip().lower()}.sitecorecloud.io"
    assert set(REGIONS) == {"eu", "us", "ap", "jpe"}


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"region": "mars"}, "unknown region 'mars'"),
        ({}, "pass region"),
        ({"region": "eu", "base_url": "https://x.test"}, "not both"),
        ({"base_url": "ftp://x.test"}, "absolute http(s) URL"),
        ({"base_url": "https://user:pw@x.test"}, "must not contain credentials"),
        ({"region": "eu", "client_key": ""}, "client_key is empty"),
        ({"region": "eu", "api_token": ""}, "api_token is empty"),
    ],
)
def test_construction_errors(kwargs: dict[str, str], needle: str) -> None:
    args: dict[str, Any] = {"client_key": "k", "api_token": "t", **kwargs}
    with pytest.raises(ConfigurationError, match=needle.replace("(", r"\(").replace(")", r"\)")) as info:
        SitecoreCDP(**args)
    assert "pw" not in str(info.value)


def test_explicit_base_url_trailing_slash_is_dropped() -> None:
    assert SitecoreCDP(client_key="k", api_token="t", base_url="http://127.0.0.1:8000/").base_url == (
        "http://127.0.0.1:8000"
    )


def test_from_env_names_every_missing_variable() -> None:
    with pytest.raises(ConfigurationError) as info:
        SitecoreCDP.from_env({})
    message = str(info.value)
    for name in (
        "SITECORE_CDP_BASE_URL or SITECORE_CDP_REGION",
        "SITECORE_CDP_CLIENT_KEY",
        "SITECORE_CDP_API_TOKEN",
    ):
        assert name in message


def test_from_env_names_only_what_is_missing_and_never_values() -> None:
    env = {
        "SITECORE_CDP_REGION": "us",
        "SITECORE_CDP_CLIENT_KEY": "visible-key",
        "SITECORE_CDP_API_TOKEN": " ",
    }
    with pytest.raises(ConfigurationError) as info:
        SitecoreCDP.from_env(env)
    message = str(info.value)
    assert "SITECORE_CDP_API_TOKEN" in message
    assert "SITECORE_CDP_CLIENT_KEY" not in message
    assert "visible-key" not in message


def test_from_env_base_url_wins_over_region(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITECORE_CDP_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("SITECORE_CDP_REGION", "eu")
    monkeypatch.setenv("SITECORE_CDP_CLIENT_KEY", "k")
    monkeypatch.setenv("SITECORE_CDP_API_TOKEN", "t")
    assert SitecoreCDP.from_env().base_url == "http://127.0.0.1:9"
    monkeypatch.delenv("SITECORE_CDP_BASE_URL")
    cdp = AsyncSitecoreCDP.from_env(timeout=3.0)
    assert cdp.base_url == REGIONS["eu"]
    assert cdp.get_async_httpx_client().timeout == httpx.Timeout(3.0)


def test_default_timeouts() -> None:
    client = SitecoreCDP(client_key="k", api_token="t", region="eu").get_httpx_client()
    assert client.timeout.connect == 10.0
    assert client.timeout.read == 30.0


# --- retries ------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 502, 503, 504])
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_idempotent_methods_are_retried(
    make_cdp: Any, no_sleep: list[float], status: int, method: str
) -> None:
    ok = httpx.Response(200, json=ORDER_JSON)
    seen, handler = scripted(httpx.Response(status), httpx.Response(status), ok)
    with make_cdp(handler) as cdp:
        if method == "GET":
            cdp.orders.retrieve("o1")
        elif method == "PUT":
            cdp.orders.update("o1", body=ORDER_BODY)
        else:
            cdp.orders.delete("o1")
    assert [r.method for r in seen] == [method] * 3
    assert len(no_sleep) == 2


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_post_and_patch_are_never_retried(make_cdp: Any, no_sleep: list[float], status: int) -> None:
    # A retry would get the success that follows each busy answer.
    busy = httpx.Response(status, json={"message": "busy"})
    seen, handler = scripted(busy, busy, httpx.Response(200, json=ORDER_JSON))
    with make_cdp(handler) as cdp:
        with pytest.raises(APIError) as info:
            cdp.orders.create(body=ORDER_BODY)
        assert info.value.status_code == status
        assert isinstance(info.value, RateLimitError if status == 429 else ServerError)
        with pytest.raises(APIError):
            cdp.orders.patch("o1", body=PATCH_BODY)
    assert [r.method for r in seen] == ["POST", "PATCH"]
    assert no_sleep == []


def test_retry_after_is_honoured(make_cdp: Any, no_sleep: list[float]) -> None:
    seen, handler = scripted(
        httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200, json=ORDER_JSON)
    )
    with make_cdp(handler) as cdp:
        cdp.orders.retrieve("o1")
    assert len(seen) == 2
    assert no_sleep == [7.0]


def test_retries_are_bounded(make_cdp: Any, no_sleep: list[float]) -> None:
    seen, handler = scripted(httpx.Response(503, text="<html>down</html>"))
    with make_cdp(handler) as cdp, pytest.raises(ServerError) as info:
        cdp.orders.retrieve("o1")
    assert len(seen) == 4  # the first try and three retries
    assert info.value.error is None
    assert "<html>down</html>" in str(info.value)


def test_connection_errors_retried_for_get_only(make_cdp: Any, no_sleep: list[float]) -> None:
    refused = httpx.ConnectError("connection refused")
    seen, handler = scripted(refused, httpx.Response(200, json=ORDER_JSON))
    with make_cdp(handler) as cdp:
        assert cdp.orders.retrieve("o1").ref == "o1"
    assert len(seen) == 2

    seen, handler = scripted(refused, httpx.Response(201, json=ORDER_JSON))
    with make_cdp(handler) as cdp, pytest.raises(APIConnectionError):
        cdp.orders.create(body=ORDER_BODY)
    assert len(seen) == 1


def test_retry_can_be_disabled(make_cdp: Any, no_sleep: list[float]) -> None:
    seen, handler = scripted(httpx.Response(503))
    with make_cdp(handler, retry=False) as cdp, pytest.raises(ServerError):
        cdp.orders.retrieve("o1")
    assert len(seen) == 1


def test_async_retries_idempotent_only(make_cdp: Any, no_sleep: list[float]) -> None:
    seen, handler = scripted(httpx.Response(503), httpx.Response(200, json=ORDER_JSON))

    seen2, handler2 = scripted(httpx.Response(503))

    async def run_post() -> None:
        async with make_cdp(handler2, asynchronous=True) as cdp:
            with pytest.raises(ServerError):
                await cdp.orders.create(body=ORDER_BODY)

    async def run_get() -> None:
        async with make_cdp(handler, asynchronous=True) as cdp:
            assert (await cdp.orders.retrieve("o1")).ref == "o1"

    asyncio.run(run_get())
    asyncio.run(run_post())
    assert [r.method for r in seen] == ["GET", "GET"]
    assert [r.method for r in seen2] == ["POST"]


# --- errors -------------------------------------------------------------------------------------


def test_documented_error_carries_parsed_body(make_cdp: Any) -> None:
    body = {
        "status": 400,
        "code": 400,
        "message": "firstName: may not be null.",
        "developerMessage": "firstName: may not be null.",
        "moreInfoUrl": "https://support.sitecore.com",
    }
    _, handler = scripted(httpx.Response(400, json=body))
    with make_cdp(handler) as cdp, pytest.raises(BadRequestError) as info:
        cdp.orders.create(body=ORDER_BODY)
    err = info.value
    assert err.status_code == 400
    assert err.error is not None
    assert (err.error.status, err.error.code, err.error.message) == (400, 400, "firstName: may not be null.")
    assert err.error.developer_message == "firstName: may not be null."
    assert err.error.more_info_url == "https://support.sitecore.com"
    assert err.method == "POST"
    assert err.url == "https://cdp.test/v2.1/orders"
    assert "HTTP 400 from POST https://cdp.test/v2.1/orders: firstName: may not be null." in str(err)


def test_unauthorized_status_is_a_string(make_cdp: Any) -> None:
    body = {"status": "UNAUTHORIZED", "code": 401, "message": "Authentication credentials are required"}
    _, handler = scripted(httpx.Response(401, json=body))
    with make_cdp(handler) as cdp, pytest.raises(AuthenticationError) as info:
        cdp.orders.retrieve("o1")
    assert info.value.error is not None
    assert info.value.error.status == "UNAUTHORIZED"


def test_undocumented_status_raises_api_error(make_cdp: Any) -> None:
    _, handler = scripted(httpx.Response(418, json={"message": "teapot"}))
    with make_cdp(handler) as cdp:
        with pytest.raises(APIError) as info:
            cdp.orders.retrieve("o1")
        assert info.value.status_code == 418
        assert isinstance(info.value, SitecoreCDPError)
        # The detailed variant raises too (raise_on_unexpected_status defaults to True).
        with pytest.raises(APIError):
            list_orders.sync_detailed(client=cdp, reference_id="R-1")


def test_detailed_variant_returns_documented_errors(make_cdp: Any) -> None:
    _, handler = scripted(httpx.Response(401, json={"status": "UNAUTHORIZED", "code": 401}))
    with make_cdp(handler) as cdp:
        response = list_orders.sync_detailed(client=cdp, reference_id="R-1")
    assert response.status_code == 401
    assert response.parsed is not None


def test_not_found_on_missing_resource(make_cdp: Any) -> None:
    with make_cdp() as cdp, pytest.raises(NotFoundError):
        cdp.orders.retrieve("missing")


def test_unknown_enum_value_is_kept(make_cdp: Any) -> None:
    _, handler = scripted(httpx.Response(200, json={**ORDER_JSON, "status": "SHIPPED_SOMEDAY"}))
    with make_cdp(handler) as cdp:
        order = cdp.orders.retrieve("o1")
    assert order.status == "SHIPPED_SOMEDAY"
    assert isinstance(order.status, OrderStatus)
    assert order.to_dict()["status"] == "SHIPPED_SOMEDAY"
    assert OrderStatus("PURCHASED") is OrderStatus.PURCHASED


# --- pagination ---------------------------------------------------------------------------------


def test_iteration_pages_with_expand_and_no_per_item_requests(make_cdp: Any, fake: Any) -> None:
    fake.add_orders(250, guest_ref="g1")
    with make_cdp() as cdp:
        orders = list(cdp.orders.iter(guest_ref="g1"))
    assert [o.reference_id for o in orders] == [f"R-{i:04d}" for i in range(250)]
    assert len(fake.requests) == 3
    for i, request in enumerate(fake.requests):
        assert request.method == "GET"
        assert request.url.path == "/v2.1/orders"
        assert request.url.params["expand"] == "true"
        assert request.url.params["offset"] == str(100 * i)
        assert request.url.params["limit"] == "100"
        assert request.url.params["guestRef"] == "g1"


def test_iteration_follows_a_server_capped_limit(make_cdp: Any, fake: Any) -> None:
    fake.max_limit = 40
    fake.add_orders(95)
    with make_cdp() as cdp:
        assert len(list(cdp.orders.iter(guest_ref="g1", page_size=100))) == 95
    assert [r.url.params["offset"] for r in fake.requests] == ["0", "40", "80"]


def test_iteration_of_an_empty_list_makes_one_request(make_cdp: Any, fake: Any) -> None:
    with make_cdp() as cdp:
        assert list(cdp.orders.iter(guest_ref="nobody")) == []
    assert len(fake.requests) == 1


def test_iteration_refuses_links_when_expand_was_ignored(make_cdp: Any) -> None:
    page = {"offset": 0, "limit": 10, "items": [{"href": "https://cdp.test/v2.1/orders/o1"}]}
    _, handler = scripted(httpx.Response(200, json=page))
    with make_cdp(handler) as cdp, pytest.raises(SitecoreCDPError, match="links although expand=true"):
        list(cdp.orders.iter(guest_ref="g1"))


def test_legacy_iteration_yields_links(make_cdp: Any, fake: Any) -> None:
    with make_cdp() as cdp:
        for i in range(3):
            cdp.legacy.orders.create(
                body=LegacyOrderCreate(
                    reference_id=f"L-{i}",
                    point_of_sale="spinair.com",
                    ordered_at=ORDER_BODY.ordered_at,
                    currency_code="EUR",
                    price=1.0,
                )
            )
        links = list(cdp.legacy.orders.iter(guest_ref="g1", page_size=2))
    assert all(isinstance(link, Link) for link in links)
    assert len(links) == 3


def test_async_iteration(make_cdp: Any, fake: Any) -> None:
    fake.add_orders(5)

    async def run() -> list[str]:
        async with make_cdp(asynchronous=True) as cdp:
            return [o.ref async for o in cdp.orders.iter(guest_ref="g1", page_size=2)]

    assert len(asyncio.run(run())) == 5
    assert len(fake.requests) == 3


# --- secrets ------------------------------------------------------------------------------------


def test_no_secret_in_repr_errors_or_logs(
    make_cdp: Any, creds: tuple[str, str, str], caplog: pytest.LogCaptureFixture, no_sleep: list[float]
) -> None:
    _, key, token = creds
    basic = base64.b64encode(f"{key}:{token}".encode()).decode()
    caplog.set_level(logging.DEBUG)
    _, handler = scripted(httpx.Response(503), httpx.Response(401, json={"message": "bad credentials"}))
    cdp = make_cdp(handler)
    texts = [repr(cdp), str(cdp), repr(cdp.orders)]
    with cdp, pytest.raises(AuthenticationError) as info:
        cdp.orders.retrieve("o1")
    texts += [str(info.value), repr(info.value), caplog.text]
    texts.append(repr(cdp.get_httpx_client()))
    for text in texts:
        assert token not in text
        assert key not in text
        assert basic not in text
    assert repr(cdp) == "SitecoreCDP(base_url='https://cdp.test')"


# --- over a real socket on 127.0.0.1 ------------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: ClassVar[list[tuple[str, str, str | None]]] = []

    def do_GET(self) -> None:
        type(self).seen.append((self.command, self.path, self.headers.get("Authorization")))
        payload = b'{"href": "http://127.0.0.1/v2.1/orders/o1", "ref": "o1", "extra": 1}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def local_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_real_http_round_trip(local_server: str) -> None:
    _Recorder.seen.clear()
    with SitecoreCDP(client_key="k", api_token="t", base_url=local_server) as cdp:
        order = cdp.orders.retrieve("o1")
    assert order.ref == "o1"
    assert order["extra"] == 1
    assert _Recorder.seen == [("GET", "/v2.1/orders/o1", "Basic " + base64.b64encode(b"k:t").decode())]


def test_cdpclient_is_the_generated_authenticated_client() -> None:
    from sitecore_cdp_client.client import AuthenticatedClient, Client  # noqa: PLC0415

    assert AuthenticatedClient is CDPClient
    assert Client is CDPClient
    assert issubclass(SitecoreCDP, CDPClient)
    assert issubclass(AsyncSitecoreCDP, CDPClient)
