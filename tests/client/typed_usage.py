"""How users call the client, checked by `mypy --strict` (test_typing.py) and run against a fake API.

If a regeneration renames an operation, a model or a field that this code uses, the type check
fails in CI before users find out. Keep it to the public surface a user would touch.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, assert_type

from sitecore_cdp_client import (
    REGIONS,
    APIConnectionError,
    APIError,
    APITimeoutError,
    AsyncSitecoreCDP,
    ExpandedPage,
    NotFoundError,
    RequestOptions,
    SitecoreCDP,
    SitecoreCDPError,
    ValidationError,
)
from sitecore_cdp_client.api.orders_v_2_1 import retrieve_order
from sitecore_cdp_client.models import (
    DeleteResult,
    Identifier,
    LegacyOrder,
    LegacyOrderConsumerCreate,
    LegacyOrderContactCreate,
    LegacyOrderCreate,
    Link,
    Order,
    OrderConsumerCreate,
    OrderContactCreate,
    OrderCreate,
    OrderItem,
    OrderPage,
    OrderPatch,
    OrderStatus,
)
from sitecore_cdp_client.types import Unset

if TYPE_CHECKING:
    from cdp_sandbox.launcher import Sandbox


def v21_lifecycle(cdp: SitecoreCDP, guest_ref: str) -> list[str]:
    """Create an order, add a contact and a consumer, list, update, patch, delete (v2.1)."""
    # Keyword fields, with values as the docs' JSON writes them.
    order: Order = cdp.orders.create(
        reference_id="B94TXY-1",
        ordered_at=datetime(2025, 12, 19, 12, 7, 18, tzinfo=UTC),
        currency_code="EUR",
        price=50,
        status="PURCHASED",
        channel="WEB",
    )
    contact = cdp.order_contacts.create(
        order.ref,
        body=OrderContactCreate(
            first_name="John",
            last_name="Doe",
            emails=["john.doe@example.com"],
            identifiers=[Identifier(provider="email", id="john.doe@example.com")],
        ),
    )
    consumer = cdp.order_consumers.create(
        order.ref, body=OrderConsumerCreate(first_name="Jane", last_name="Doe"), timeout=10.0
    )
    seen = [order.ref, contact.ref, consumer.ref]
    for listed in cdp.orders.iter(guest_ref=guest_ref, page_size=10):
        seen.append(listed.ref)
    page = cdp.orders.list(guest_ref=guest_ref, offset=0, limit=5)
    for item in page.items:
        if isinstance(item, Link):
            seen.append(item.href)
    updated = cdp.orders.update(
        order.ref,
        body=OrderCreate(
            reference_id="B94TXY-1",
            ordered_at=datetime(2025, 12, 19, 12, 7, 18, tzinfo=UTC),
            currency_code="EUR",
            price=55.0,
        ),
    )
    # The patch page marks referenceId, orderedAt, currencyCode and price required: send the stored values.
    patched = cdp.orders.patch(
        updated.ref,
        OrderPatch(
            reference_id="B94TXY-1",
            ordered_at=datetime(2025, 12, 19, 12, 7, 18, tzinfo=UTC),
            currency_code="EUR",
            price=55.0,
            status=OrderStatus.CONFIRMED,
        ),
        extra_headers={"X-Request-Id": "typed-usage"},
    )
    status: OrderStatus | Unset = patched.status
    seen.append(str(status))
    # 204 (no body) returns None; a 200 with a JSON body returns a DeleteResult.
    deleted: DeleteResult | None = cdp.orders.delete(order.ref)
    seen.append("deleted" if deleted is None else f"deleted {sorted(deleted.additional_keys)}")
    try:
        cdp.with_options(retry=False).orders.retrieve(order.ref)
    except NotFoundError as err:
        message = err.error.message if err.error is not None else None
        seen.append(f"{err.status_code} {message}")
    return seen


def round_trip(cdp: SitecoreCDP, guest_ref: str) -> list[str]:
    """Written like the README: create, read, send what was read back (patch, update), list expanded."""
    created = cdp.orders.create(
        reference_id="RT-1",
        ordered_at=datetime(2025, 12, 19, 12, 7, 18, tzinfo=UTC),
        currency_code="EUR",
        price=12,
        status="PURCHASED",
        point_of_sale="spinair.com",
    )
    order = cdp.orders.retrieve(created.ref)
    # The patch page marks the four fields required: send the stored ones, as read (`T | Unset`).
    patched = cdp.orders.patch(
        order.ref,
        reference_id=order.reference_id,
        ordered_at=order.ordered_at,
        currency_code=order.currency_code,
        price=order.price,
        status="CONFIRMED",
    )
    updated = cdp.orders.update(
        patched.ref,
        reference_id=patched.reference_id,
        ordered_at=patched.ordered_at,
        currency_code=patched.currency_code,
        price=patched.price,
        status=patched.status,
        channel=patched.channel,
        point_of_sale=patched.point_of_sale,
    )
    seen = [f"{updated.reference_id} {updated.status} {updated.price}"]
    # expand=True: the items are orders, so `.price` type-checks without an isinstance.
    expanded = cdp.orders.list(guest_ref=guest_ref, expand=True)
    assert_type(expanded, ExpandedPage[Order])
    seen += [f"price {o.price}" for o in expanded.items]
    plain = cdp.orders.list(guest_ref=guest_ref)
    assert_type(plain, OrderPage)
    seen += [f"link {item.href}" for item in plain.items if isinstance(item, Link)]
    items: ExpandedPage[OrderItem] = cdp.order_items.list(order.ref, expand=True)
    seen += [f"item {i.name}" for i in items.items]
    legacy = cdp.legacy.orders.retrieve(updated.ref)
    again = cdp.legacy.orders.update(
        legacy.ref,
        reference_id=legacy.reference_id,
        point_of_sale=legacy.point_of_sale,
        ordered_at=legacy.ordered_at,
        currency_code=legacy.currency_code,
        price=legacy.price,
        status=legacy.status,
    )
    seen.append(f"legacy {again.reference_id} {again.price}")
    return seen


def legacy_lifecycle(cdp: SitecoreCDP, guest_ref: str) -> list[str]:
    """The same with the legacy v2 API: create, contact, consumer, list, update, delete contact."""
    order: LegacyOrder = cdp.legacy.orders.create(
        body=LegacyOrderCreate(
            reference_id="B94TXY-1",
            point_of_sale="spinair.com",
            ordered_at=datetime(2025, 12, 19, 12, 7, 18, tzinfo=UTC),
            currency_code="EUR",
            price=12.0,
        )
    )
    contact = cdp.legacy.order_contacts.create(
        order.ref, body=LegacyOrderContactCreate(first_name="John", last_name="Doe")
    )
    consumer = cdp.legacy.order_consumers.create(
        order.ref, body=LegacyOrderConsumerCreate(first_name="Jane", last_name="Doe")
    )
    links = [link.href for link in cdp.legacy.orders.iter(guest_ref=guest_ref)]
    updated = cdp.legacy.orders.update(
        order.ref,
        body=LegacyOrderCreate(
            reference_id="B94TXY-1",
            point_of_sale="spinair.com",
            ordered_at=datetime(2025, 12, 19, 12, 7, 18, tzinfo=UTC),
            currency_code="EUR",
            price=13.0,
        ),
    )
    cdp.legacy.order_contacts.delete(contact.ref)  # 204, returns None
    return [order.ref, contact.ref, consumer.ref, updated.ref, *links]


async def async_usage(cdp: AsyncSitecoreCDP, guest_ref: str) -> list[str]:
    """Async: create, iterate, retrieve."""
    order = await cdp.orders.create(
        body=OrderCreate(
            reference_id="ASYNC-1",
            ordered_at=datetime(2025, 1, 1, tzinfo=UTC),
            currency_code="EUR",
            price=1.0,
        )
    )
    refs = [o.ref async for o in cdp.orders.iter(guest_ref=guest_ref)]
    again = await cdp.orders.retrieve(order.ref)
    page = await cdp.orders.list(guest_ref=guest_ref, expand=True)
    assert_type(page, ExpandedPage[Order])
    assert [o.ref for o in page.items] == refs[: len(page.items)]
    await cdp.orders.patch(
        again.ref,
        reference_id=again.reference_id,
        ordered_at=again.ordered_at,
        currency_code=again.currency_code,
        price=again.price,
    )
    return [again.ref, *refs]


def construction() -> list[str]:
    """Every way to build a client; errors share one base class."""
    clients = [
        SitecoreCDP(client_key="key", api_token="token", region="eu"),
        SitecoreCDP(client_key="key", api_token="token", base_url="http://127.0.0.1:8000"),
    ]
    try:
        clients.append(SitecoreCDP.from_env({}))
    except SitecoreCDPError as err:
        assert not isinstance(err, APIError)
    return [c.base_url for c in clients] + sorted(REGIONS)


def failures(cdp: SitecoreCDP) -> list[str]:
    """Every failure is a SitecoreCDPError; the transport ones have their own classes."""
    seen: list[str] = []
    options: RequestOptions = {"timeout": 0.5, "retry": False}
    try:
        cdp.orders.retrieve("missing", **options)
    except APITimeoutError as err:
        seen.append(f"timeout {err.url}")
    except APIConnectionError as err:
        seen.append(f"connection {err.method} {err.url}")
    except APIError as err:
        seen.append(f"status {err.status_code}")
    try:
        OrderCreate.from_dict(
            {
                "referenceId": "R",
                "orderedAt": "2025-12-19T12:07:18.149Z",
                "currencyCode": "EUR",
                "price": 12,
                "stauts": "PURCHASED",
            }
        )
    except ValidationError as err:
        seen.append(f"invalid {err.model}.{err.field}")
    raw = retrieve_order.sync_detailed(client=cdp, order_ref="missing", timeout=2.0)
    seen.append(f"raw {int(raw.status_code)} {len(raw.content)}")
    return seen


def deprecated_names(cdp: SitecoreCDP, guest_ref: str) -> list[str]:
    """The 0.3 names still type-check (and warn at run time) until the next minor version."""
    order: Order = cdp.orders.create_order(
        body=OrderCreate(
            reference_id="OLD-1",
            ordered_at=datetime(2025, 12, 19, 12, 7, 18, tzinfo=UTC),
            currency_code="EUR",
            price=1.0,
        )
    )
    again: Order = cdp.orders.retrieve_order(order_ref=order.ref)
    refs = [o.ref for o in cdp.orders.iter_list_orders(guest_ref=guest_ref)]
    legacy: LegacyOrder = cdp.legacy_orders.legacy_create_order(
        body=LegacyOrderCreate(
            reference_id="OLD-2",
            point_of_sale="spinair.com",
            ordered_at=datetime(2025, 12, 19, 12, 7, 18, tzinfo=UTC),
            currency_code="EUR",
            price=1.0,
        )
    )
    links = [link.href for link in cdp.legacy_orders.iter_legacy_list_orders(guest_ref=guest_ref)]
    cdp.orders.delete_order(order.ref)
    return [again.ref, legacy.ref, *refs, *links]


def sandbox_client(sandbox: Sandbox) -> SitecoreCDP:
    """The pytest plugin's `cdp_sandbox.client()` is a SitecoreCDP to a type checker, not Any."""
    cdp = sandbox.client(retry=False)
    assert_type(cdp, SitecoreCDP)
    return cdp
