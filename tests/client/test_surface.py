"""The 0.4 surface (issue 13 items 1, 2 and 4): plain verbs, bodies as keyword fields, values as people
write them, per-request options and `with_options`, against the sandbox in process or a mock transport."""

from __future__ import annotations

import asyncio
import datetime
import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sitecore_cdp_client.api as api_package
from httpx_retries import Retry
from sitecore_cdp_client import (
    AsyncSitecoreCDP,
    InvalidRequestError,
    NotFoundError,
    ServerError,
    SitecoreCDP,
    ValidationError,
)
from sitecore_cdp_client.models import (
    LegacyOrderItemCreate,
    ListOrdersSort,
    OrderConsumerCreate,
    OrderCreate,
    OrderPatch,
    OrderStatus,
)

from .helpers import API_TOKEN, BASE_URL, CLIENT_KEY

cdp_sandbox = pytest.importorskip("cdp_sandbox", reason="the sandbox package (cdp_sandbox) is not installed")
from tests.sandbox.helpers import ASGITransport  # noqa: E402  (after the skip)

SPEC = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"
ORDERED_AT = datetime.datetime(2025, 12, 19, 12, 7, 18, tzinfo=datetime.UTC)

# Every resource and its plain verbs, as a user reads them in the README.
VERBS = {
    "orders": {"create", "retrieve", "list", "iter", "update", "patch", "delete"},
    "order_items": {"create", "retrieve", "list", "iter", "update", "patch", "delete"},
    "order_contacts": {"create", "retrieve", "list", "iter", "update", "patch", "delete"},
    "order_consumers": {
        "create",
        "retrieve",
        "list",
        "iter",
        "update",
        "patch",
        "delete",
        "list_order_items",
        "iter_order_items",
    },
    "order_data_extensions": {
        "create",
        "retrieve",
        "list",
        "iter",
        "update",
        "patch",
        "delete",
        "delete_fields",
    },
    "order_item_data_extensions": {
        "create",
        "retrieve",
        "list",
        "iter",
        "update",
        "patch",
        "delete",
        "delete_fields",
    },
    "legacy.orders": {"create", "retrieve", "list", "iter", "update"},
    "legacy.order_items": {"create", "retrieve", "list", "iter", "update", "delete"},
    "legacy.order_contacts": {"create", "retrieve", "list", "iter", "update", "delete"},
    "legacy.order_consumers": {"create", "retrieve", "list", "iter", "update"},
}


def _resource(cdp: Any, where: str) -> Any:
    for part in where.split("."):
        cdp = getattr(cdp, part)
    return cdp


def _verbs(resource: Any) -> set[str]:
    """The public methods that are not the 0.3 names kept as deprecated aliases."""
    return {
        n
        for n in dir(type(resource))
        if not n.startswith("_") and not (getattr(resource, n).__doc__ or "").startswith("Deprecated alias")
    }


@pytest.fixture
def sandbox() -> Iterator[SitecoreCDP]:
    """The client on a fresh in-process sandbox."""
    app = cdp_sandbox.create_app(spec_path=SPEC, client_key=CLIENT_KEY, api_token=API_TOKEN)
    with SitecoreCDP(
        client_key=CLIENT_KEY,
        api_token=API_TOKEN,
        base_url="http://testserver",
        transport=ASGITransport(app),
    ) as cdp:
        yield cdp


@pytest.mark.parametrize("asynchronous", [False, True])
def test_every_resource_has_its_plain_verbs(asynchronous: bool) -> None:
    cls = AsyncSitecoreCDP if asynchronous else SitecoreCDP
    cdp = cls(client_key=CLIENT_KEY, api_token=API_TOKEN, base_url=BASE_URL)
    for where, verbs in VERBS.items():
        assert _verbs(_resource(cdp, where)) == verbs, where


def test_every_operation_is_reachable_by_a_verb() -> None:
    """Each generated operation module is called by exactly one plain verb of its tag's resource."""
    for info in pkgutil.iter_modules(api_package.__path__):
        resource_module = importlib.import_module(f"{api_package.__name__}.{info.name}")
        source = Path(str(resource_module.__file__)).read_text(encoding="utf-8")
        for operation in pkgutil.iter_modules(resource_module.__path__):
            assert f"_{operation.name}.sync(" in source, operation.name


def test_the_issue_example_works_with_plain_strings(sandbox: SitecoreCDP) -> None:
    """Done-when of issue 13: a new user's first call, with the status as the docs' JSON spells it."""
    order = sandbox.orders.create(
        reference_id="B94TXY-1", currency_code="EUR", price=12, ordered_at=ORDERED_AT, status="PURCHASED"
    )
    assert order.status == OrderStatus.PURCHASED
    assert sandbox.orders.retrieve(order.ref).reference_id == "B94TXY-1"
    patched = sandbox.orders.patch(
        order.ref,
        reference_id="B94TXY-1",
        ordered_at=ORDERED_AT,
        currency_code="EUR",
        price=12,
        status="CONFIRMED",
    )
    assert patched.status == OrderStatus.CONFIRMED
    updated = sandbox.orders.update(
        order.ref, reference_id="B94TXY-1", ordered_at=ORDERED_AT, currency_code="EUR", price=13
    )
    assert updated.price == 13
    consumer = sandbox.order_consumers.create(order.ref, first_name="Jane", last_name="Doe", gender="female")
    assert str(consumer.gender) == "female"
    listed = [o.ref for o in sandbox.orders.iter(reference_id="B94TXY-1", sort="created")]
    assert listed == [order.ref]
    ext = sandbox.order_data_extensions.create(order.ref, "ext", {"loyaltyTier": "gold", "points": 3})
    assert ext.ref
    assert sandbox.order_data_extensions.retrieve(order.ref, "ext").ref == ext.ref
    sandbox.orders.delete(order.ref)
    with pytest.raises(NotFoundError):
        sandbox.orders.retrieve(order.ref)


def test_keyword_fields_and_model_give_the_same_request(make_cdp: Any, fake: Any) -> None:
    body = OrderCreate(
        reference_id="R", ordered_at=ORDERED_AT, currency_code="EUR", price=1.5, status="PURCHASED"
    )
    with make_cdp() as cdp:
        cdp.orders.create(body)
        cdp.orders.create(body=body)
        cdp.orders.create(
            reference_id="R", ordered_at=ORDERED_AT, currency_code="EUR", price=1.5, status="PURCHASED"
        )
    first, second, third = (r.content for r in fake.requests)
    assert first == second == third


def test_keyword_fields_name_what_is_wrong(make_cdp: Any, fake: Any) -> None:
    with make_cdp() as cdp:
        with pytest.raises(ValidationError, match=r"missing required field.*price") as missing:
            cdp.orders.create(reference_id="R", ordered_at=ORDERED_AT, currency_code="EUR")
        assert missing.value.field == "price"
        with pytest.raises(ValidationError, match=r"'curency_code' \(did you mean 'currency_code'\?\)"):
            cdp.orders.create(reference_id="R", ordered_at=ORDERED_AT, curency_code="EUR", price=1)
        body = OrderPatch(reference_id="R", ordered_at=ORDERED_AT, currency_code="EUR", price=1)
        with pytest.raises(InvalidRequestError, match="not both"):
            cdp.orders.patch("o1", body, price=2)
    assert fake.requests == []


def test_enum_fields_take_plain_strings_and_new_values() -> None:
    item = LegacyOrderItemCreate.from_dict(
        {
            "type": "FLIGHT",
            "productId": "p",
            "referenceId": "r",
            "status": "PURCHASED",
            "price": 1,
            "currencyCode": "EUR",
        }
    )
    built = LegacyOrderItemCreate(
        type_="FLIGHT", product_id="p", reference_id="r", status="PURCHASED", price=1, currency_code="EUR"
    )
    assert built == item
    assert built.to_dict()["type"] == "FLIGHT"
    # A value Sitecore added later is kept, not refused (the enums are tolerant by design).
    assert (
        OrderCreate(
            reference_id="R", ordered_at=ORDERED_AT, currency_code="EUR", price=1, status="ON_HOLD"
        ).to_dict()["status"]
        == "ON_HOLD"
    )
    patch = OrderPatch(reference_id="R", ordered_at=ORDERED_AT, currency_code="EUR", price=1)
    patch.channel = "WEB"  # type: ignore[assignment]  # attrs converts on assignment too (mypy sees the field type)
    assert patch.to_dict()["channel"] == "WEB"


def test_from_dict_refuses_unknown_and_missing_fields_by_name() -> None:
    good = {"referenceId": "R", "orderedAt": "2025-12-19T12:07:18.149Z", "currencyCode": "EUR", "price": 1}
    assert OrderCreate.from_dict(good).reference_id == "R"
    with pytest.raises(
        ValidationError, match=r"OrderCreate: unknown field 'refernceId' \(did you mean 'referenceId'\?\)"
    ) as err:
        OrderCreate.from_dict({**good, "refernceId": "R2"})
    assert (err.value.model, err.value.field) == ("OrderCreate", "refernceId")
    missing = dict(good)
    del missing["currencyCode"]
    with pytest.raises(ValidationError, match="OrderCreate: missing required field 'currencyCode'") as err:
        OrderCreate.from_dict(missing)
    assert err.value.field == "currencyCode"
    assert isinstance(err.value, ValueError)  # callers catching ValueError keep working
    # A body whose page was cut off accepts other fields (spec policy): they are kept, not dropped.
    consumer = OrderConsumerCreate.from_dict({"firstName": "J"})
    assert consumer.first_name == "J"


def test_a_naive_datetime_is_refused_naming_the_field(make_cdp: Any, fake: Any) -> None:
    naive = datetime.datetime(2025, 12, 19, 12, 7, 18)
    with make_cdp() as cdp, pytest.raises(ValidationError, match=r"orderedAt: naive datetime") as err:
        cdp.orders.create(reference_id="R", ordered_at=naive, currency_code="EUR", price=1)
    assert err.value.field == "orderedAt"
    assert fake.requests == []
    # Any time zone is fine: it is sent with its offset.
    cet = datetime.timezone(datetime.timedelta(hours=1))
    body = OrderCreate(reference_id="R", ordered_at=naive.replace(tzinfo=cet), currency_code="EUR", price=1)
    assert body.to_dict()["orderedAt"] == "2025-12-19T12:07:18+01:00"


def test_enumerated_parameters_take_plain_strings(make_cdp: Any, fake: Any) -> None:
    with make_cdp() as cdp:
        cdp.orders.list(guest_ref="g1", sort="orderedAt")
        cdp.orders.list(guest_ref="g1", sort=ListOrdersSort.ORDEREDAT)
    assert [r.url.params["sort"] for r in fake.requests] == ["orderedAt", "orderedAt"]


def test_per_request_options(make_cdp: Any, no_sleep: list[float]) -> None:
    seen: list[httpx.Request] = []
    answers = iter(
        [httpx.Response(503), httpx.Response(503), httpx.Response(200, json={"ref": "o1", "href": "h"})]
    )

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return next(answers, httpx.Response(200, json={"ref": "o1", "href": "h"}))

    with make_cdp(handler) as cdp:
        with pytest.raises(ServerError):
            cdp.orders.retrieve("o1", retry=False, timeout=2.5, extra_headers={"X-Trace": "t1"})
        assert len(seen) == 1
        assert seen[0].extensions["timeout"] == {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}
        assert seen[0].headers["X-Trace"] == "t1"
        assert seen[0].headers["Accept"] == "application/json"  # the client's own headers stay
        assert cdp.orders.retrieve("o1").ref == "o1"  # the client's default policy retries the next 503
        assert len(seen) == 3
        assert "X-Trace" not in seen[-1].headers
        with pytest.raises(InvalidRequestError, match="Authorization"):
            cdp.orders.retrieve("o1", extra_headers={"authorization": "Basic eA=="})


def test_retry_can_be_switched_on_for_one_request(make_cdp: Any, no_sleep: list[float]) -> None:
    seen: list[httpx.Request] = []
    answers = iter([httpx.Response(503)])

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return next(answers, httpx.Response(200, json={"ref": "o1", "href": "h"}))

    with make_cdp(handler, retry=False) as cdp:
        assert cdp.orders.retrieve("o1", retry=Retry(total=2, backoff_factor=0)).ref == "o1"
    assert len(seen) == 2


def test_with_options_is_a_copy_with_other_defaults(make_cdp: Any, fake: Any) -> None:
    with make_cdp() as cdp:
        fast = cdp.with_options(timeout=1.0, extra_headers={"X-App": "a"})
        traced = fast.with_options(extra_headers={"X-Trace": "t"})
        assert fast.orders is not cdp.orders and fast.orders._client is fast
        assert fast.legacy.orders._client is fast
        fast.orders.list(guest_ref="g1")
        traced.orders.list(guest_ref="g1", timeout=3.0)
        cdp.orders.list(guest_ref="g1")
    first, second, plain = fake.requests
    assert first.extensions["timeout"]["read"] == 1.0 and first.headers["X-App"] == "a"
    assert second.extensions["timeout"]["read"] == 3.0
    assert (second.headers["X-App"], second.headers["X-Trace"]) == ("a", "t")
    assert plain.extensions["timeout"]["read"] == 30.0 and "X-App" not in plain.headers


def test_raw_response_through_the_detailed_functions(make_cdp: Any, fake: Any) -> None:
    from sitecore_cdp_client.api.orders_v_2_1 import create_order  # noqa: PLC0415

    body = OrderCreate(reference_id="R", ordered_at=ORDERED_AT, currency_code="EUR", price=1)
    with make_cdp() as cdp:
        raw = create_order.sync_detailed(client=cdp, body=body, extra_headers={"X-Trace": "raw"})
    assert raw.status_code == 201
    assert raw.parsed is not None and raw.headers["content-type"] == "application/json"
    assert fake.requests[0].headers["X-Trace"] == "raw"


def test_the_async_client_has_the_same_surface(make_cdp: Any, fake: Any) -> None:
    async def run() -> list[str]:
        async with make_cdp(asynchronous=True) as cdp:
            order = await cdp.orders.create(
                reference_id="R", ordered_at=ORDERED_AT, currency_code="EUR", price=1, status="PURCHASED"
            )
            got = await cdp.with_options(timeout=4).orders.retrieve(order.ref, extra_headers={"X-A": "1"})
            refs = [o.ref async for o in cdp.orders.iter(guest_ref="g1")]
            return [got.ref, *refs]

    got = asyncio.run(run())
    assert fake.requests[1].url.path == f"/v2.1/orders/{got[0]}"
    assert got[1:] == [got[0]]
    assert fake.requests[1].headers["X-A"] == "1"
    assert fake.requests[1].extensions["timeout"]["read"] == 4.0
