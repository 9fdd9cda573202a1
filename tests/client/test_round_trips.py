"""Round trips (issue 22 item 5): what a read returns goes straight back, and the client says what went wrong.

- `update`/`patch` take fields as a read returns them (`T | Unset`); a required one left unset is refused,
  named, before anything is sent (the typing side is test_typing.py's mypy run over typed_usage.py);
- `list(..., expand=True)` answers an `ExpandedPage[Item]`: full resources, never links;
- model reprs leave unset fields out;
- `APIError` carries the response headers, a request id and `Retry-After`;
- a client without credentials says which settings are missing, in one sentence;
- `cdp_sandbox`'s `client()` is annotated `SitecoreCDP`;
- `timeout` is per attempt, `total_timeout` bounds the whole call (attempts and waits between retries).
"""

from __future__ import annotations

import asyncio
import datetime
import email.utils
import importlib.util
import inspect
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from httpx_retries import Retry
from sitecore_cdp_client import (
    APIError,
    APITimeoutError,
    AsyncSitecoreCDP,
    ConfigurationError,
    InvalidRequestError,
    NotFoundError,
    RateLimitError,
    ServerError,
    SitecoreCDP,
    SitecoreCDPError,
    ValidationError,
)
from sitecore_cdp_client.models import Order, OrderContact, OrderPage
from sitecore_cdp_client.types import UNSET

from .helpers import API_TOKEN, BASE_URL, CLIENT_KEY

cdp_sandbox = pytest.importorskip("cdp_sandbox", reason="the sandbox package (cdp_sandbox) is not installed")
from tests.sandbox.helpers import ASGITransport  # noqa: E402  (after the skip)

HERE = Path(__file__).resolve().parent
SPEC = HERE.parents[1] / "spec" / "openapi.yaml"
ORDERED_AT = datetime.datetime(2025, 12, 19, 12, 7, 18, tzinfo=datetime.UTC)
ORDER_JSON = {"href": f"{BASE_URL}/v2.1/orders/o1", "ref": "o1"}


def _usage() -> ModuleType:
    spec = importlib.util.spec_from_file_location("typed_usage_round_trips", HERE / "typed_usage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _mock(handler: Any, **kwargs: Any) -> SitecoreCDP:
    return SitecoreCDP(
        client_key=CLIENT_KEY,
        api_token=API_TOKEN,
        base_url=BASE_URL,
        transport=httpx.MockTransport(handler),
        **kwargs,
    )


@pytest.fixture
def sandbox() -> Iterator[SitecoreCDP]:
    """The sandbox in process; every response is judged by the spec (`validate_responses="raise"`)."""
    app = cdp_sandbox.create_app(spec_path=SPEC, client_key=CLIENT_KEY, api_token=API_TOKEN)
    with SitecoreCDP(
        client_key=CLIENT_KEY,
        api_token=API_TOKEN,
        base_url="http://testserver",
        transport=ASGITransport(app),
        validate_responses="raise",
    ) as cdp:
        yield cdp


# -- read, then send back -------------------------------------------------------------------------------------


def test_the_readme_round_trip_runs_against_the_sandbox(sandbox: SitecoreCDP) -> None:
    guest = "f7aabbca-1c1b-4fc2-be72-3e16294a4f03"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # its legacy update
        seen = _usage().round_trip(sandbox, guest)
    assert seen[0] == "RT-1 CONFIRMED 12"  # the stored fields went back unchanged, the status changed
    assert seen[-1] == "legacy RT-1 12"


def test_a_required_field_read_as_unset_is_refused_before_sending() -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=ORDER_JSON)

    with _mock(handler) as cdp:
        order = Order.from_dict(ORDER_JSON)  # a read without referenceId, price, ...
        with pytest.raises(ValidationError) as info:
            cdp.orders.patch(
                order.ref,
                reference_id=order.reference_id,
                ordered_at=ORDERED_AT,
                currency_code="EUR",
                price=order.price,
            )
        # Optional fields given as UNSET are simply left out.
        cdp.orders.patch(
            "o1", reference_id="R", ordered_at=ORDERED_AT, currency_code="EUR", price=1, status=UNSET
        )
    assert info.value.field == "reference_id"
    assert "missing required fields reference_id, price for OrderPatch" in str(info.value)
    assert "given as UNSET" in str(info.value)
    assert len(sent) == 1 and b"status" not in sent[0].content


# -- expanded lists -------------------------------------------------------------------------------------------


def test_an_expanded_list_holds_resources_and_a_plain_one_links(sandbox: SitecoreCDP) -> None:
    created = sandbox.orders.create(reference_id="EXP-1", ordered_at=ORDERED_AT, currency_code="EUR", price=3)
    expanded = sandbox.orders.list(reference_id="EXP-1", expand=True)
    assert isinstance(expanded, OrderPage)  # the page model at run time, typed ExpandedPage[Order]
    assert [(o.ref, o.price) for o in expanded.items] == [(created.ref, 3.0)]
    plain = sandbox.orders.list(reference_id="EXP-1")
    assert [type(item).__name__ for item in plain.items] == ["Link"]
    contact = sandbox.order_contacts.create(created.ref, first_name="John")
    contacts = sandbox.order_contacts.list(created.ref, expand=True)
    assert [(c.ref, c.first_name) for c in contacts.items] == [(contact.ref, "John")]
    assert all(isinstance(c, OrderContact) for c in contacts.items)


def test_an_expanded_list_refuses_links_when_the_server_ignored_expand() -> None:
    page = {
        "href": f"{BASE_URL}/v2.1/orders",
        "offset": 0,
        "limit": 10,
        "items": [{"href": ORDER_JSON["href"]}],
    }
    with _mock(lambda request: httpx.Response(200, json=page)) as cdp:
        assert len(cdp.orders.list(guest_ref="g1").items) == 1
        with pytest.raises(SitecoreCDPError, match=r"orders\.list: got links although expand=true was sent"):
            cdp.orders.list(guest_ref="g1", expand=True)

    async def run() -> None:
        async with AsyncSitecoreCDP(
            client_key=CLIENT_KEY,
            api_token=API_TOKEN,
            base_url=BASE_URL,
            transport=httpx.MockTransport(lambda request: httpx.Response(200, json=page)),
        ) as cdp:
            with pytest.raises(SitecoreCDPError, match="got links"):
                await cdp.orders.list(guest_ref="g1", expand=True)

    asyncio.run(run())


# -- reprs ------------------------------------------------------------------------------------------------------


def test_a_model_repr_shows_only_the_fields_that_are_set() -> None:
    order = Order.from_dict({**ORDER_JSON, "price": 12, "status": "PURCHASED", "x-extra": 1})
    text = repr(order)
    assert "Unset" not in text and "UNSET" not in text
    assert text.startswith(f"Order(href={ORDER_JSON['href']!r}, ref='o1', ")
    assert "price=12" in text and "status=" in text and "additional_properties={'x-extra': 1}" in text
    assert repr(Order.from_dict(ORDER_JSON)) == f"Order(href={ORDER_JSON['href']!r}, ref='o1')"
    page = OrderPage.from_dict({"items": [ORDER_JSON]})
    assert repr(page) == f"OrderPage(items=[Order(href={ORDER_JSON['href']!r}, ref='o1')])"


# -- APIError -------------------------------------------------------------------------------------------------


def test_an_api_error_carries_headers_and_the_request_id() -> None:
    answer = httpx.Response(404, json={"message": "Not found"}, headers={"X-Request-Id": "req-123"})
    with _mock(lambda request: answer) as cdp, pytest.raises(NotFoundError) as info:
        cdp.orders.retrieve("o1")
    assert info.value.headers["x-request-id"] == "req-123"
    assert info.value.request_id == "req-123"
    assert "(request id req-123)" in str(info.value)
    assert info.value.retry_after is None
    quiet = APIError(500, b"", headers={"X-Amzn-RequestId": "aws-1"})
    assert quiet.request_id == "aws-1" and APIError(500, b"").request_id is None


def test_an_api_error_reads_retry_after_in_seconds_or_as_a_date() -> None:
    answer = httpx.Response(429, json={"message": "slow down"}, headers={"Retry-After": "7"})
    with _mock(lambda request: answer) as cdp, pytest.raises(RateLimitError) as info:
        cdp.orders.create(
            reference_id="R", ordered_at=ORDERED_AT, currency_code="EUR", price=1
        )  # never retried
    assert info.value.retry_after == 7.0
    later = email.utils.format_datetime(datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=60))
    in_a_minute = APIError(503, b"", headers={"retry-after": later}).retry_after
    assert in_a_minute is not None and 50 < in_a_minute <= 60
    assert APIError(503, b"", headers={"Retry-After": "soon"}).retry_after is None


# -- credentials ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", [SitecoreCDP, AsyncSitecoreCDP])
def test_no_credentials_is_one_sentence_naming_the_settings(
    cls: type[SitecoreCDP], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITECORE_CDP_CLIENT_KEY", raising=False)
    monkeypatch.delenv("SITECORE_CDP_API_TOKEN", raising=False)
    with pytest.raises(ConfigurationError) as info:
        cls(base_url="http://127.0.0.1:8000")
    message = str(info.value)
    assert isinstance(info.value, SitecoreCDPError) and not isinstance(info.value, TypeError)
    for name in ("client_key=", "api_token=", "SITECORE_CDP_CLIENT_KEY", "SITECORE_CDP_API_TOKEN"):
        assert name in message
    assert (
        message.startswith(f"{cls.__name__} has no credentials") and f"{cls.__name__}.from_env()" in message
    )
    assert ". " not in message and "\n" not in message
    with pytest.raises(ConfigurationError) as only:
        cls(client_key="key", base_url="http://127.0.0.1:8000")
    assert str(only.value).startswith(f"{cls.__name__} has no api_token: pass api_token= (the API token of")
    assert "client_key" not in str(only.value)
    assert "SITECORE_CDP_API_TOKEN" in str(only.value) and "SITECORE_CDP_CLIENT_KEY" not in str(only.value)


def test_the_sandbox_client_is_annotated_sitecore_cdp() -> None:
    from cdp_sandbox.launcher import Sandbox  # noqa: PLC0415

    assert inspect.signature(Sandbox.client).return_annotation == "SitecoreCDP"


# -- timeouts ---------------------------------------------------------------------------------------------------


def _timing_out(attempts: list[dict[str, float]]) -> Any:
    """A transport that waits out each attempt's read timeout, then times out (as a stalled server would)."""

    def handler(request: httpx.Request) -> httpx.Response:
        timeouts = dict(request.extensions["timeout"])
        attempts.append(timeouts)
        time.sleep(timeouts["read"])
        raise httpx.ReadTimeout("timed out", request=request)

    return handler


def test_timeout_is_per_attempt_and_total_timeout_bounds_the_call() -> None:
    attempts: list[dict[str, float]] = []
    retry = Retry(total=3, backoff_factor=0.05, allowed_methods=["GET"])
    with _mock(_timing_out(attempts), retry=retry) as cdp:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            cdp.orders.retrieve("o1", timeout=0.25)
        assert len(attempts) == 4  # per attempt: 4 x 0.25 s and the waits between them
        per_attempt = time.monotonic() - started
        attempts.clear()
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            cdp.orders.retrieve("o1", timeout=0.25, total_timeout=0.5)
        bounded = time.monotonic() - started
    assert per_attempt >= 1.0
    assert 0.5 <= bounded < 0.9, bounded
    assert all(a["read"] <= 0.25 for a in attempts) and attempts[-1]["read"] < 0.25  # the last one was cut
    assert sum(a["read"] for a in attempts) <= 0.5


def test_total_timeout_cuts_a_single_attempt_and_the_waits(no_sleep: list[float]) -> None:
    attempts: list[dict[str, float]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(dict(request.extensions["timeout"]))
        if request.method == "POST":
            return httpx.Response(201, json=ORDER_JSON)
        return httpx.Response(503, headers={"Retry-After": "30"})

    with _mock(handler, total_timeout=2.0) as cdp:
        cdp.orders.create(reference_id="R", ordered_at=ORDERED_AT, currency_code="EUR", price=1)
        assert attempts[0]["read"] <= 2.0 and attempts[0]["connect"] <= 2.0  # 30 s and 10 s by default
        with pytest.raises(ServerError):
            cdp.orders.retrieve("o1")
    # Retry-After asked for 30 s: the wait was cut to what was left of the 2 s, then no retry followed.
    assert len(no_sleep) == 1 and no_sleep[0] <= 2.0
    assert len(attempts) == 3


def test_total_timeout_used_up_is_an_api_timeout_error() -> None:
    attempts: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(time.monotonic())
        return httpx.Response(503, headers={"Retry-After": "30"})

    with _mock(handler) as cdp, pytest.raises(APITimeoutError) as info:
        cdp.with_options(total_timeout=0.3).orders.retrieve("o1")
    assert "the total_timeout of 0.3 s is used up" in str(info.value)
    assert len(attempts) == 1  # the wait took what was left: no second attempt


def test_total_timeout_on_the_async_client(no_sleep: list[float]) -> None:
    attempts: list[dict[str, float]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(dict(request.extensions["timeout"]))
        return httpx.Response(503, headers={"Retry-After": "30"})

    async def run() -> None:
        async with AsyncSitecoreCDP(
            client_key=CLIENT_KEY,
            api_token=API_TOKEN,
            base_url=BASE_URL,
            transport=httpx.MockTransport(handler),
        ) as cdp:
            with pytest.raises(ServerError):
                await cdp.orders.retrieve("o1", total_timeout=1.5)

    asyncio.run(run())
    assert attempts[0]["read"] <= 1.5 and len(no_sleep) == 1 and no_sleep[0] <= 1.5


@pytest.mark.parametrize("value", [0, -1, "3", True])
def test_total_timeout_must_be_positive_seconds(value: Any) -> None:
    with pytest.raises(ConfigurationError, match="total_timeout must be a positive number"):
        SitecoreCDP(client_key="k", api_token="t", region="eu", total_timeout=value)
    with (
        _mock(lambda request: httpx.Response(200, json=ORDER_JSON)) as cdp,
        pytest.raises(InvalidRequestError, match="total_timeout"),
    ):
        cdp.orders.retrieve("o1", total_timeout=value)
