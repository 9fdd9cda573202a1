"""Operations tagged orders_v_2_legacy: `OrdersV2Legacy` (sync) and `AsyncOrdersV2Legacy`, reached as `cdp.legacy.orders`"""

import builtins
import datetime
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, Literal, Unpack, cast, overload

from ... import errors
from ..._deprecation import renamed
from ..._options import RequestOptions
from ..._pagination import DEFAULT_PAGE_SIZE, ExpandedPage, next_offset
from ..._resource import build_body, build_values, enum_or_unset, enum_value, split_options
from ...client import AuthenticatedClient
from ...models.error import Error
from ...models.legacy_order import LegacyOrder
from ...models.legacy_order_create import LegacyOrderCreate
from ...models.legacy_order_status import LegacyOrderStatus
from ...models.legacy_retrieve_order_expand import LegacyRetrieveOrderExpand
from ...models.link import Link
from ...models.link_page import LinkPage
from ...models.order_channel import OrderChannel
from ...types import UNSET, Unset
from . import legacy_create_order as _legacy_create_order
from . import legacy_list_orders as _legacy_list_orders
from . import legacy_retrieve_order as _legacy_retrieve_order
from . import legacy_update_order as _legacy_update_order

__all__ = ["OrdersV2Legacy", "AsyncOrdersV2Legacy"]


class OrdersV2Legacy:
    """`cdp.legacy.orders` (sync): orders_v_2_legacy operations; any non-success status raises errors.APIError."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def list(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        **options: Unpack[RequestOptions],
    ) -> LinkPage:
        """Retrieve orders (legacy) (`GET /v2/orders`)."""
        return _legacy_list_orders.sync(
            client=self._client,
            reference_id=reference_id,
            guest_ref=guest_ref,
            offset=offset,
            limit=limit,
            **options,
        )

    def legacy_list_orders(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("legacy_orders.legacy_list_orders", "legacy.orders.list")
        return _legacy_list_orders.sync(
            client=self._client,
            reference_id=reference_id,
            guest_ref=guest_ref,
            offset=offset,
            limit=limit,
        )

    def iter(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        page_size: int = DEFAULT_PAGE_SIZE,
        **options: Unpack[RequestOptions],
    ) -> Iterator[Link]:
        """Every item of `list`, page by page."""
        offset = 0
        while True:
            page = _legacy_list_orders.sync(
                client=self._client,
                reference_id=reference_id,
                guest_ref=guest_ref,
                offset=offset,
                limit=page_size,
                **options,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def iter_legacy_list_orders(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[Link]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("legacy_orders.iter_legacy_list_orders", "legacy.orders.iter")
        return self.iter(
            reference_id=reference_id,
            guest_ref=guest_ref,
            page_size=page_size,
        )

    @overload
    def create(
        self,
        *,
        reference_id: str,
        point_of_sale: str,
        ordered_at: datetime.datetime,
        currency_code: str,
        price: float,
        channel: OrderChannel | str | Unset = UNSET,
        status: LegacyOrderStatus | str | Unset = UNSET,
        payment_type: str | Unset = UNSET,
        card_type: str | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrder: ...

    @overload
    def create(
        self,
        body: LegacyOrderCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrder: ...

    def create(
        self,
        body: LegacyOrderCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrder:
        """Create an order (legacy) (`POST /v2/orders`). The body is a `LegacyOrderCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderCreate, body, fields, "legacy.orders.create")
        return _legacy_create_order.sync(
            client=self._client,
            body=payload,
            **options,
        )

    def legacy_create_order(
        self,
        *,
        body: LegacyOrderCreate,
    ) -> LegacyOrder:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("legacy_orders.legacy_create_order", "legacy.orders.create")
        return _legacy_create_order.sync(
            client=self._client,
            body=body,
        )

    def retrieve(
        self,
        order_ref: str,
        *,
        expand: LegacyRetrieveOrderExpand | str | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrder:
        """Retrieve an order (legacy) (`GET /v2/orders/{order_ref}`)."""
        return _legacy_retrieve_order.sync(
            client=self._client,
            order_ref=order_ref,
            expand=enum_or_unset(LegacyRetrieveOrderExpand, expand),
            **options,
        )

    def legacy_retrieve_order(
        self,
        order_ref: str,
        *,
        expand: LegacyRetrieveOrderExpand | Unset = UNSET,
    ) -> LegacyOrder:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("legacy_orders.legacy_retrieve_order", "legacy.orders.retrieve")
        return _legacy_retrieve_order.sync(
            client=self._client,
            order_ref=order_ref,
            expand=expand,
        )

    @overload
    def update(
        self,
        order_ref: str,
        /,
        *,
        reference_id: str | Unset,
        point_of_sale: str | Unset,
        ordered_at: datetime.datetime | Unset,
        currency_code: str | Unset,
        price: float | Unset,
        channel: OrderChannel | str | Unset = UNSET,
        status: LegacyOrderStatus | str | Unset = UNSET,
        payment_type: str | Unset = UNSET,
        card_type: str | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrder: ...

    @overload
    def update(
        self,
        order_ref: str,
        /,
        body: LegacyOrderCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrder: ...

    def update(
        self,
        order_ref: str,
        /,
        body: LegacyOrderCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrder:
        """Update an order (legacy) (`POST /v2/orders/{order_ref}`). The body is a `LegacyOrderCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderCreate, body, fields, "legacy.orders.update")
        return _legacy_update_order.sync(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    def legacy_update_order(
        self,
        order_ref: str,
        *,
        body: LegacyOrderCreate,
    ) -> LegacyOrder:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("legacy_orders.legacy_update_order", "legacy.orders.update")
        return _legacy_update_order.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )


class AsyncOrdersV2Legacy:
    """`cdp.legacy.orders` (async): orders_v_2_legacy operations; any non-success status raises errors.APIError."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def list(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        **options: Unpack[RequestOptions],
    ) -> LinkPage:
        """Retrieve orders (legacy) (`GET /v2/orders`)."""
        return await _legacy_list_orders.asyncio(
            client=self._client,
            reference_id=reference_id,
            guest_ref=guest_ref,
            offset=offset,
            limit=limit,
            **options,
        )

    async def legacy_list_orders(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("legacy_orders.legacy_list_orders", "legacy.orders.list")
        return await _legacy_list_orders.asyncio(
            client=self._client,
            reference_id=reference_id,
            guest_ref=guest_ref,
            offset=offset,
            limit=limit,
        )

    async def iter(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        page_size: int = DEFAULT_PAGE_SIZE,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[Link]:
        """Every item of `list`, page by page."""
        offset = 0
        while True:
            page = await _legacy_list_orders.asyncio(
                client=self._client,
                reference_id=reference_id,
                guest_ref=guest_ref,
                offset=offset,
                limit=page_size,
                **options,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def iter_legacy_list_orders(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[Link]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("legacy_orders.iter_legacy_list_orders", "legacy.orders.iter")
        return self.iter(
            reference_id=reference_id,
            guest_ref=guest_ref,
            page_size=page_size,
        )

    @overload
    async def create(
        self,
        *,
        reference_id: str,
        point_of_sale: str,
        ordered_at: datetime.datetime,
        currency_code: str,
        price: float,
        channel: OrderChannel | str | Unset = UNSET,
        status: LegacyOrderStatus | str | Unset = UNSET,
        payment_type: str | Unset = UNSET,
        card_type: str | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrder: ...

    @overload
    async def create(
        self,
        body: LegacyOrderCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrder: ...

    async def create(
        self,
        body: LegacyOrderCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrder:
        """Create an order (legacy) (`POST /v2/orders`). The body is a `LegacyOrderCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderCreate, body, fields, "legacy.orders.create")
        return await _legacy_create_order.asyncio(
            client=self._client,
            body=payload,
            **options,
        )

    async def legacy_create_order(
        self,
        *,
        body: LegacyOrderCreate,
    ) -> LegacyOrder:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("legacy_orders.legacy_create_order", "legacy.orders.create")
        return await _legacy_create_order.asyncio(
            client=self._client,
            body=body,
        )

    async def retrieve(
        self,
        order_ref: str,
        *,
        expand: LegacyRetrieveOrderExpand | str | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrder:
        """Retrieve an order (legacy) (`GET /v2/orders/{order_ref}`)."""
        return await _legacy_retrieve_order.asyncio(
            client=self._client,
            order_ref=order_ref,
            expand=enum_or_unset(LegacyRetrieveOrderExpand, expand),
            **options,
        )

    async def legacy_retrieve_order(
        self,
        order_ref: str,
        *,
        expand: LegacyRetrieveOrderExpand | Unset = UNSET,
    ) -> LegacyOrder:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("legacy_orders.legacy_retrieve_order", "legacy.orders.retrieve")
        return await _legacy_retrieve_order.asyncio(
            client=self._client,
            order_ref=order_ref,
            expand=expand,
        )

    @overload
    async def update(
        self,
        order_ref: str,
        /,
        *,
        reference_id: str | Unset,
        point_of_sale: str | Unset,
        ordered_at: datetime.datetime | Unset,
        currency_code: str | Unset,
        price: float | Unset,
        channel: OrderChannel | str | Unset = UNSET,
        status: LegacyOrderStatus | str | Unset = UNSET,
        payment_type: str | Unset = UNSET,
        card_type: str | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrder: ...

    @overload
    async def update(
        self,
        order_ref: str,
        /,
        body: LegacyOrderCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrder: ...

    async def update(
        self,
        order_ref: str,
        /,
        body: LegacyOrderCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrder:
        """Update an order (legacy) (`POST /v2/orders/{order_ref}`). The body is a `LegacyOrderCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderCreate, body, fields, "legacy.orders.update")
        return await _legacy_update_order.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    async def legacy_update_order(
        self,
        order_ref: str,
        *,
        body: LegacyOrderCreate,
    ) -> LegacyOrder:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("legacy_orders.legacy_update_order", "legacy.orders.update")
        return await _legacy_update_order.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )
