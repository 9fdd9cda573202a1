"""A 2xx is never an error (issue 22 item 4).

A target that answers a create with 200 where the spec declares only 201 did create the order: reading the
body as an error (`APIError: HTTP 200 ...` with `ErrorBody(status='PURCHASED')`) made callers retry into a
duplicate. An undocumented 2xx is read with the operation's documented success model, on every call path
(resources, `sync`/`asyncio`, `*_detailed`), and `validate_responses` warns or raises about the status. Judged
against mock transports answering 200 for a 201 and 201 for a 200, against every generated operation, and
against the sandbox in process with its `create-answers-200` and `delete-order-answers-202` faults.
"""

from __future__ import annotations

import asyncio
import datetime
import functools
import importlib
import logging
import pkgutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import sitecore_cdp_client.api as api_package
from sitecore_cdp_client import (
    APIError,
    APIResponseValidationError,
    AsyncSitecoreCDP,
    SitecoreCDP,
)
from sitecore_cdp_client.api.orders_v_2_1 import create_order, delete_order, retrieve_order
from sitecore_cdp_client.models import DeleteResult, Order, OrderConsumer, OrderCreate

from .helpers import API_TOKEN, BASE_URL, CLIENT_KEY

cdp_sandbox = pytest.importorskip("cdp_sandbox", reason="the sandbox package (cdp_sandbox) is not installed")
from tests.sandbox.helpers import ASGITransport  # noqa: E402  (after the skip)

SPEC = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"
ORDERED_AT = datetime.datetime(2025, 12, 19, 12, 7, 18, tzinfo=datetime.UTC)
ORDER_JSON = {
    "href": f"{BASE_URL}/v2.1/orders/o1",
    "ref": "o1",
    "referenceId": "R-1",
    "status": "PURCHASED",
    "price": 12,
}
BODY = OrderCreate(
    reference_id="R-1", ordered_at=ORDERED_AT, currency_code="EUR", price=12, status="PURCHASED"
)


def _answering(status: int, json: Any = ORDER_JSON) -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(status, json=json))


def _cdp(transport: httpx.BaseTransport, mode: str | None = None) -> SitecoreCDP:
    return SitecoreCDP(
        client_key=CLIENT_KEY,
        api_token=API_TOKEN,
        base_url=BASE_URL,
        transport=transport,
        retry=False,
        validate_responses=mode,  # type: ignore[arg-type]
    )


# (call, the status the target answers instead of the documented one, the model the call returns)
CALLS: list[tuple[str, Callable[[SitecoreCDP], Any], int, type[Any]]] = [
    ("orders.create 200 for 201", lambda cdp: cdp.orders.create(BODY), 200, Order),
    ("orders.retrieve 201 for 200", lambda cdp: cdp.orders.retrieve("o1"), 201, Order),
    (
        "orders.patch 201 for 200",
        lambda cdp: cdp.orders.patch(
            "o1", reference_id="R-1", ordered_at=ORDERED_AT, currency_code="EUR", price=1
        ),
        201,
        Order,
    ),
    (
        "order_consumers.create 201 for 200",
        lambda cdp: cdp.order_consumers.create("o1", first_name="Jane"),
        201,
        OrderConsumer,
    ),
]


@pytest.mark.parametrize(("name", "call", "status", "model"), CALLS, ids=[c[0] for c in CALLS])
def test_an_undocumented_2xx_returns_the_success_model(
    name: str,
    call: Callable[[SitecoreCDP], Any],
    status: int,
    model: type[Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="sitecore_cdp_client")
    with _cdp(_answering(status)) as cdp:
        result = call(cdp)
    assert isinstance(result, model) and result.ref == "o1"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]  # validate_responses is off


@pytest.mark.parametrize(("name", "call", "status", "model"), CALLS, ids=[c[0] for c in CALLS])
def test_validate_responses_warns_or_raises_about_the_status(
    name: str,
    call: Callable[[SitecoreCDP], Any],
    status: int,
    model: type[Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="sitecore_cdp_client")
    with _cdp(_answering(status), mode="warn") as cdp:
        assert isinstance(call(cdp), model)
    (line,) = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert (
        "breaks the rule 'status is documented'" in line and f"{status} is not among the documented" in line
    )
    with _cdp(_answering(status), mode="raise") as cdp, pytest.raises(APIResponseValidationError) as info:
        call(cdp)
    assert not isinstance(info.value, APIError)
    assert info.value.status_code == status and info.value.rule == "status is documented"


def test_the_detailed_functions_parse_an_undocumented_2xx_as_the_success() -> None:
    with _cdp(_answering(200)) as cdp:
        created = create_order.sync_detailed(client=cdp, body=BODY)
        cdp.raise_on_unexpected_status = False
        quiet = create_order.sync_detailed(client=cdp, body=BODY)
    assert created.status_code == 200 and isinstance(created.parsed, Order) and created.parsed.ref == "o1"
    assert isinstance(quiet.parsed, Order)
    with _cdp(_answering(201)) as cdp:
        read = retrieve_order.sync_detailed(client=cdp, order_ref="o1")
    assert read.status_code == 201 and isinstance(read.parsed, Order)


def test_the_async_paths_too() -> None:
    async def run() -> tuple[Order, Any, Order]:
        async with AsyncSitecoreCDP(
            client_key=CLIENT_KEY,
            api_token=API_TOKEN,
            base_url=BASE_URL,
            transport=_answering(200),
            retry=False,
        ) as cdp:
            created = await cdp.orders.create(BODY)
            detailed = await create_order.asyncio_detailed(client=cdp, body=BODY)
            plain = await create_order.asyncio(client=cdp, body=BODY)
            return created, detailed, plain

    created, detailed, plain = asyncio.run(run())
    assert created.ref == plain.ref == "o1" and isinstance(detailed.parsed, Order)


def test_an_undocumented_2xx_of_a_delete_is_read_by_its_body() -> None:
    """The v2.1 order delete documents 204 (no body) and 200 (a JSON body): a 202 follows its body."""
    with _cdp(httpx.MockTransport(lambda request: httpx.Response(202))) as cdp:
        assert cdp.orders.delete("o1") is None
        assert delete_order.sync_detailed(client=cdp, order_ref="o1").parsed is None
    with _cdp(_answering(202, {"deleted": True})) as cdp:
        result = cdp.orders.delete("o1")
    assert isinstance(result, DeleteResult) and result["deleted"] is True
    # The contact delete documents 204 only: any 2xx is its bodiless success.
    with _cdp(_answering(200, {"deleted": True})) as cdp:
        cdp.order_contacts.delete("c1")


def _operation_modules() -> list[ModuleType]:
    found = []
    for package in pkgutil.iter_modules(api_package.__path__):
        tag = importlib.import_module(f"{api_package.__name__}.{package.name}")
        found += [
            importlib.import_module(f"{tag.__name__}.{m.name}") for m in pkgutil.iter_modules(tag.__path__)
        ]
    return found


@pytest.mark.parametrize("status", [200, 201, 202, 203, 204, 206, 226])
def test_no_operation_reads_any_2xx_as_an_error(status: int) -> None:
    """Every generated operation, every 2xx: the success model or None, or (a body that does not fit) an
    APIResponseValidationError, never an APIError."""
    modules = _operation_modules()
    assert len(modules) == 57
    body = {"href": f"{BASE_URL}/v2.1/orders/o1", "ref": "o1", "items": [], "deleted": True}
    request = httpx.Request("GET", f"{BASE_URL}/anything")
    with _cdp(_answering(200)) as cdp:
        for module in modules:
            for content in (body, None):
                response = (
                    httpx.Response(status, json=content, request=request)
                    if content is not None
                    else httpx.Response(status, request=request)
                )
                for parse in (module._parse_success, functools.partial(module._build_response, client=cdp)):
                    try:
                        parse(response=response)
                    except APIResponseValidationError:
                        assert content is None, module.__name__  # only an empty body may fail to fit
                    except APIError as exc:  # pragma: no cover - the failure this test is about
                        pytest.fail(f"{module.__name__} read HTTP {status} as an error: {exc}")


def _sandbox_cdp(fault: str, mode: str | None = None) -> SitecoreCDP:
    app = cdp_sandbox.create_app(spec_path=SPEC, client_key=CLIENT_KEY, api_token=API_TOKEN, faults=(fault,))
    return SitecoreCDP(
        client_key=CLIENT_KEY,
        api_token=API_TOKEN,
        base_url="http://testserver",
        transport=ASGITransport(app),
        validate_responses=mode,  # type: ignore[arg-type]
    )


def test_a_sandbox_creating_with_200_gives_the_order_once(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="sitecore_cdp_client")
    with _sandbox_cdp("create-answers-200", mode="warn") as cdp:
        created = cdp.orders.create(BODY)
        assert created.status == "PURCHASED" and created.reference_id == "R-1"
        assert cdp.orders.retrieve(created.ref).ref == created.ref
        assert [o.ref for o in cdp.orders.iter(reference_id="R-1")] == [
            created.ref
        ]  # one order, no duplicate
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warned) == 1 and "POST /v2.1/orders -> 200 breaks the rule 'status is documented'" in warned[0]


def test_a_sandbox_deleting_with_202_is_a_delete() -> None:
    with _sandbox_cdp("delete-order-answers-202") as cdp:
        created = cdp.orders.create(BODY)
        assert cdp.orders.delete(created.ref) is None
        assert list(cdp.orders.iter(reference_id="R-1")) == []
