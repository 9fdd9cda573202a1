"""Opt-in response validation (issue 12 item 3): `validate_responses="raise"` turns a response that breaks the
spec into an APIResponseValidationError naming the rule; `"warn"` logs it and returns the data; off by default.

Judged against the sandbox in process, healthy (no false positive over whole lifecycles, v2.1 and legacy) and
with faults of its catalog switched on, and against a mock transport for each rule."""

from __future__ import annotations

import asyncio
import datetime
import importlib.util
import logging
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from sitecore_cdp_client import (
    APIResponseValidationError,
    AsyncSitecoreCDP,
    ConfigurationError,
    NotFoundError,
    ServerError,
    SitecoreCDP,
    SitecoreCDPError,
)
from sitecore_cdp_client.models import Order

from .helpers import API_TOKEN, CLIENT_KEY

cdp_sandbox = pytest.importorskip("cdp_sandbox", reason="the sandbox package (cdp_sandbox) is not installed")
from tests.sandbox.helpers import ASGITransport  # noqa: E402  (after the skip)

HERE = Path(__file__).resolve().parent
SPEC = HERE.parents[1] / "spec" / "openapi.yaml"
ORDERED_AT = datetime.datetime(2025, 12, 19, 12, 7, 18, tzinfo=datetime.UTC)
ORDER = {"href": "https://cdp.test/v2.1/orders/o1", "ref": "o1", "referenceId": "R", "status": "PURCHASED"}


def _usage() -> ModuleType:
    spec = importlib.util.spec_from_file_location("typed_usage_validated", HERE / "typed_usage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sandbox_cdp(*faults: str, mode: str = "raise") -> SitecoreCDP:
    app = cdp_sandbox.create_app(spec_path=SPEC, client_key=CLIENT_KEY, api_token=API_TOKEN, faults=faults)
    return SitecoreCDP(
        client_key=CLIENT_KEY,
        api_token=API_TOKEN,
        base_url="http://testserver",
        transport=ASGITransport(app),
        validate_responses=mode,  # type: ignore[arg-type]
        retry=False,
    )


def _create(cdp: SitecoreCDP) -> Order:
    return cdp.orders.create(
        reference_id="B94TXY-1", ordered_at=ORDERED_AT, currency_code="EUR", price=12, status="PURCHASED"
    )


@pytest.fixture
def healthy() -> Iterator[SitecoreCDP]:
    with _sandbox_cdp() as cdp:
        yield cdp


def test_a_healthy_sandbox_passes_whole_lifecycles(healthy: SitecoreCDP) -> None:
    usage = _usage()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        seen = usage.v21_lifecycle(healthy, "f7aabbca-1c1b-4fc2-be72-3e16294a4f03")
        usage.legacy_lifecycle(healthy, "f7aabbca-1c1b-4fc2-be72-3e16294a4f03")
    assert any(s.startswith("404") for s in seen)  # a documented 404 with Sitecore's error body passes too
    order = _create(healthy)
    healthy.order_items.create(
        order.ref, name="Seat", type_="SEAT", status="CONFIRMED", price=1, currency_code="EUR"
    )
    assert [i.name for i in healthy.order_items.iter(order.ref)] == ["Seat"]
    healthy.order_data_extensions.create(order.ref, "ext", {"tier": "gold"})
    assert healthy.order_data_extensions.list(order.ref).items


@pytest.mark.parametrize(
    ("fault", "rule", "detail"),
    [
        ("create-answers-200", "status is documented", "200 is not among the documented 201, 400, 401, 415"),
        ("order-status-outside-enum", "body fits the schema", "$.status: 'purchased' is not one of"),
        ("order-ref-missing", "body fits the schema", "$: missing required 'ref' (Order)"),
        ("malformed-timestamps", "body fits the schema", "is not a date-time"),
        ("json-as-text-plain", "content type is JSON", "got 'text/plain'"),
    ],
)
def test_raise_names_the_rule_a_faulty_sandbox_breaks(fault: str, rule: str, detail: str) -> None:
    with _sandbox_cdp(fault) as cdp, pytest.raises(APIResponseValidationError) as err:
        order = _create(cdp)
        cdp.orders.retrieve(order.ref)
    assert isinstance(err.value, SitecoreCDPError)
    assert err.value.rule == rule
    assert f"breaks the rule {rule!r}" in str(err.value) and detail in str(err.value)


def test_warn_logs_and_returns_the_data(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="sitecore_cdp_client")
    with _sandbox_cdp("order-status-outside-enum", mode="warn") as cdp:
        order = _create(cdp)
        got = cdp.orders.retrieve(order.ref)
    assert got.ref == order.ref and str(got.status) == "purchased"  # the data, as without validation
    lines = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(lines) == 2  # the create's answer and the retrieve's
    assert all("breaks the rule 'body fits the schema'" in line and "'purchased'" in line for line in lines)
    assert not any(API_TOKEN in line or CLIENT_KEY in line for line in lines)


def test_off_by_default_and_checked_when_set() -> None:
    with _sandbox_cdp("order-status-outside-enum", mode=None) as cdp:  # type: ignore[arg-type]
        assert cdp.validate_responses is None
        assert str(_create(cdp).status) == "purchased"
    with pytest.raises(ConfigurationError, match="validate_responses"):
        SitecoreCDP(client_key="k", api_token="t", region="eu", validate_responses="strict")  # type: ignore[arg-type]


def _mock(handler: Callable[[httpx.Request], httpx.Response], mode: str = "raise") -> SitecoreCDP:
    return SitecoreCDP(
        client_key=CLIENT_KEY,
        api_token=API_TOKEN,
        base_url="https://cdp.test",
        transport=httpx.MockTransport(handler),
        validate_responses=mode,  # type: ignore[arg-type]
        retry=False,
    )


@pytest.mark.parametrize(
    ("response", "rule", "detail"),
    [
        (
            httpx.Response(200, content=b"{not json", headers={"Content-Type": "application/json"}),
            "body is JSON",
            "",
        ),
        (
            httpx.Response(200, json={**ORDER, "price": "12"}),
            "body fits the schema",
            "$.price: expected number",
        ),
        (
            httpx.Response(200, json={**ORDER, "orderItems": [1]}),
            "body fits the schema",
            "$.orderItems: fits none",
        ),
        (httpx.Response(200, json={"ref": "o1"}), "body fits the schema", "missing required 'href'"),
        (httpx.Response(404, json={"status": True}), "body fits the schema", "$.status: fits none"),
        (
            httpx.Response(409, json={}),
            "status is documented",
            "409 is not among the documented 200, 401, 404",
        ),
    ],
)
def test_each_rule_against_a_mock(response: httpx.Response, rule: str, detail: str) -> None:
    with _mock(lambda r: response) as cdp, pytest.raises(APIResponseValidationError) as err:
        cdp.orders.retrieve("o1")
    assert err.value.rule == rule and detail in str(err.value)


def test_server_errors_keep_their_own_error() -> None:
    """5xx and 429 are not drift: they stay APIErrors (a ServerError here), validation or not."""
    with _mock(lambda r: httpx.Response(503, text="<html>busy</html>")) as cdp, pytest.raises(ServerError):
        cdp.orders.retrieve("o1")
    with (
        _mock(lambda r: httpx.Response(404, json={"status": 404, "message": "Not found"})) as cdp,
        pytest.raises(NotFoundError),
    ):
        cdp.orders.retrieve("o1")


def test_the_async_client_validates_too() -> None:
    async def run(mode: str) -> Order:
        async with AsyncSitecoreCDP(
            client_key=CLIENT_KEY,
            api_token=API_TOKEN,
            base_url="https://cdp.test",
            transport=httpx.MockTransport(lambda r: httpx.Response(200, json={**ORDER, "status": "on hold"})),
            validate_responses=mode,  # type: ignore[arg-type]
        ) as cdp:
            return await cdp.orders.retrieve("o1")

    with pytest.raises(APIResponseValidationError, match="'on hold' is not one of"):
        asyncio.run(run("raise"))
    assert str(asyncio.run(run("warn")).status) == "on hold"


def test_undocumented_extra_fields_are_not_drift() -> None:
    """Response schemas accept unknown properties (the spec's tolerance policy): validation agrees."""
    with _mock(lambda r: httpx.Response(200, json={**ORDER, "clientKey": "x", "guestRef": "g"})) as cdp:
        assert cdp.orders.retrieve("o1").additional_properties["guestRef"] == "g"
