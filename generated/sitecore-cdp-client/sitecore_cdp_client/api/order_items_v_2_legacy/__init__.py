"""Operations tagged order_items_v_2_legacy: `OrderItemsV2Legacy` (sync) and `AsyncOrderItemsV2Legacy`, reached as `cdp.legacy.order_items`"""

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
from ...models.flight_segment import FlightSegment
from ...models.legacy_order_item import LegacyOrderItem
from ...models.legacy_order_item_create import LegacyOrderItemCreate
from ...models.legacy_order_item_status import LegacyOrderItemStatus
from ...models.legacy_order_item_type import LegacyOrderItemType
from ...models.link import Link
from ...models.link_page import LinkPage
from ...types import UNSET, Unset
from . import legacy_create_order_item as _legacy_create_order_item
from . import legacy_delete_order_item as _legacy_delete_order_item
from . import legacy_list_order_items as _legacy_list_order_items
from . import legacy_retrieve_order_item as _legacy_retrieve_order_item
from . import legacy_update_order_item as _legacy_update_order_item

__all__ = ["OrderItemsV2Legacy", "AsyncOrderItemsV2Legacy"]


class OrderItemsV2Legacy:
    """`cdp.legacy.order_items` (sync): order_items_v_2_legacy operations; any non-success status raises errors.APIError."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        **options: Unpack[RequestOptions],
    ) -> LinkPage:
        """Retrieve order item references (legacy) (`GET /v2/orders/{order_ref}/orderItems`)."""
        return _legacy_list_order_items.sync(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            **options,
        )

    def legacy_list_order_items(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("legacy_order_items.legacy_list_order_items", "legacy.order_items.list")
        return _legacy_list_order_items.sync(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
        )

    def iter(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        **options: Unpack[RequestOptions],
    ) -> Iterator[Link]:
        """Every item of `list`, page by page."""
        offset = 0
        while True:
            page = _legacy_list_order_items.sync(
                client=self._client,
                order_ref=order_ref,
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

    def iter_legacy_list_order_items(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[Link]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("legacy_order_items.iter_legacy_list_order_items", "legacy.order_items.iter")
        return self.iter(
            order_ref=order_ref,
            page_size=page_size,
        )

    @overload
    def create(
        self,
        order_ref: str,
        /,
        *,
        type_: LegacyOrderItemType | str,
        product_id: str,
        reference_id: str,
        status: LegacyOrderItemStatus | str,
        price: float,
        currency_code: str,
        quantity: float | Unset = UNSET,
        ordered_at: datetime.datetime | Unset = UNSET,
        original_price: float | Unset = UNSET,
        original_currency_code: str | Unset = UNSET,
        vendor: str | Unset = UNSET,
        channel: str | Unset = UNSET,
        language: str | Unset = UNSET,
        name: str | Unset = UNSET,
        description: str | Unset = UNSET,
        passenger_type_code: str | Unset = UNSET,
        flight_segments: builtins.list[FlightSegment] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderItem: ...

    @overload
    def create(
        self,
        order_ref: str,
        /,
        body: LegacyOrderItemCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderItem: ...

    def create(
        self,
        order_ref: str,
        /,
        body: LegacyOrderItemCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrderItem:
        """Create an order item (legacy) (`POST /v2/orders/{order_ref}/orderItems`). The body is a `LegacyOrderItemCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderItemCreate, body, fields, "legacy.order_items.create")
        return _legacy_create_order_item.sync(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    def legacy_create_order_item(
        self,
        order_ref: str,
        *,
        body: LegacyOrderItemCreate,
    ) -> LegacyOrderItem:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("legacy_order_items.legacy_create_order_item", "legacy.order_items.create")
        return _legacy_create_order_item.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    def retrieve(
        self,
        order_item_ref: str,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderItem:
        """Retrieve an order item (legacy) (`GET /v2/orderItems/{order_item_ref}`)."""
        return _legacy_retrieve_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            **options,
        )

    def legacy_retrieve_order_item(
        self,
        order_item_ref: str,
    ) -> LegacyOrderItem:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("legacy_order_items.legacy_retrieve_order_item", "legacy.order_items.retrieve")
        return _legacy_retrieve_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
        )

    @overload
    def update(
        self,
        order_item_ref: str,
        /,
        *,
        type_: LegacyOrderItemType | str | Unset,
        product_id: str | Unset,
        reference_id: str | Unset,
        status: LegacyOrderItemStatus | str | Unset,
        price: float | Unset,
        currency_code: str | Unset,
        quantity: float | Unset = UNSET,
        ordered_at: datetime.datetime | Unset = UNSET,
        original_price: float | Unset = UNSET,
        original_currency_code: str | Unset = UNSET,
        vendor: str | Unset = UNSET,
        channel: str | Unset = UNSET,
        language: str | Unset = UNSET,
        name: str | Unset = UNSET,
        description: str | Unset = UNSET,
        passenger_type_code: str | Unset = UNSET,
        flight_segments: builtins.list[FlightSegment] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderItem: ...

    @overload
    def update(
        self,
        order_item_ref: str,
        /,
        body: LegacyOrderItemCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderItem: ...

    def update(
        self,
        order_item_ref: str,
        /,
        body: LegacyOrderItemCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrderItem:
        """Update an order item (legacy) (`POST /v2/orderItems/{order_item_ref}`). The body is a `LegacyOrderItemCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderItemCreate, body, fields, "legacy.order_items.update")
        return _legacy_update_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            body=payload,
            **options,
        )

    def legacy_update_order_item(
        self,
        order_item_ref: str,
        *,
        body: LegacyOrderItemCreate,
    ) -> LegacyOrderItem:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("legacy_order_items.legacy_update_order_item", "legacy.order_items.update")
        return _legacy_update_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            body=body,
        )

    def delete(
        self,
        order_item_ref: str,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete an order item (legacy) (`DELETE /v2/orderItems/{order_item_ref}`)."""
        return _legacy_delete_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            **options,
        )

    def legacy_delete_order_item(
        self,
        order_item_ref: str,
    ) -> None:
        """Deprecated alias of `delete` (removed in the next minor version)."""
        renamed("legacy_order_items.legacy_delete_order_item", "legacy.order_items.delete")
        return _legacy_delete_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
        )


class AsyncOrderItemsV2Legacy:
    """`cdp.legacy.order_items` (async): order_items_v_2_legacy operations; any non-success status raises errors.APIError."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        **options: Unpack[RequestOptions],
    ) -> LinkPage:
        """Retrieve order item references (legacy) (`GET /v2/orders/{order_ref}/orderItems`)."""
        return await _legacy_list_order_items.asyncio(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            **options,
        )

    async def legacy_list_order_items(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("legacy_order_items.legacy_list_order_items", "legacy.order_items.list")
        return await _legacy_list_order_items.asyncio(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
        )

    async def iter(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[Link]:
        """Every item of `list`, page by page."""
        offset = 0
        while True:
            page = await _legacy_list_order_items.asyncio(
                client=self._client,
                order_ref=order_ref,
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

    def iter_legacy_list_order_items(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[Link]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("legacy_order_items.iter_legacy_list_order_items", "legacy.order_items.iter")
        return self.iter(
            order_ref=order_ref,
            page_size=page_size,
        )

    @overload
    async def create(
        self,
        order_ref: str,
        /,
        *,
        type_: LegacyOrderItemType | str,
        product_id: str,
        reference_id: str,
        status: LegacyOrderItemStatus | str,
        price: float,
        currency_code: str,
        quantity: float | Unset = UNSET,
        ordered_at: datetime.datetime | Unset = UNSET,
        original_price: float | Unset = UNSET,
        original_currency_code: str | Unset = UNSET,
        vendor: str | Unset = UNSET,
        channel: str | Unset = UNSET,
        language: str | Unset = UNSET,
        name: str | Unset = UNSET,
        description: str | Unset = UNSET,
        passenger_type_code: str | Unset = UNSET,
        flight_segments: builtins.list[FlightSegment] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderItem: ...

    @overload
    async def create(
        self,
        order_ref: str,
        /,
        body: LegacyOrderItemCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderItem: ...

    async def create(
        self,
        order_ref: str,
        /,
        body: LegacyOrderItemCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrderItem:
        """Create an order item (legacy) (`POST /v2/orders/{order_ref}/orderItems`). The body is a `LegacyOrderItemCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderItemCreate, body, fields, "legacy.order_items.create")
        return await _legacy_create_order_item.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    async def legacy_create_order_item(
        self,
        order_ref: str,
        *,
        body: LegacyOrderItemCreate,
    ) -> LegacyOrderItem:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("legacy_order_items.legacy_create_order_item", "legacy.order_items.create")
        return await _legacy_create_order_item.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    async def retrieve(
        self,
        order_item_ref: str,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderItem:
        """Retrieve an order item (legacy) (`GET /v2/orderItems/{order_item_ref}`)."""
        return await _legacy_retrieve_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            **options,
        )

    async def legacy_retrieve_order_item(
        self,
        order_item_ref: str,
    ) -> LegacyOrderItem:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("legacy_order_items.legacy_retrieve_order_item", "legacy.order_items.retrieve")
        return await _legacy_retrieve_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
        )

    @overload
    async def update(
        self,
        order_item_ref: str,
        /,
        *,
        type_: LegacyOrderItemType | str | Unset,
        product_id: str | Unset,
        reference_id: str | Unset,
        status: LegacyOrderItemStatus | str | Unset,
        price: float | Unset,
        currency_code: str | Unset,
        quantity: float | Unset = UNSET,
        ordered_at: datetime.datetime | Unset = UNSET,
        original_price: float | Unset = UNSET,
        original_currency_code: str | Unset = UNSET,
        vendor: str | Unset = UNSET,
        channel: str | Unset = UNSET,
        language: str | Unset = UNSET,
        name: str | Unset = UNSET,
        description: str | Unset = UNSET,
        passenger_type_code: str | Unset = UNSET,
        flight_segments: builtins.list[FlightSegment] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderItem: ...

    @overload
    async def update(
        self,
        order_item_ref: str,
        /,
        body: LegacyOrderItemCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderItem: ...

    async def update(
        self,
        order_item_ref: str,
        /,
        body: LegacyOrderItemCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrderItem:
        """Update an order item (legacy) (`POST /v2/orderItems/{order_item_ref}`). The body is a `LegacyOrderItemCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderItemCreate, body, fields, "legacy.order_items.update")
        return await _legacy_update_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            body=payload,
            **options,
        )

    async def legacy_update_order_item(
        self,
        order_item_ref: str,
        *,
        body: LegacyOrderItemCreate,
    ) -> LegacyOrderItem:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("legacy_order_items.legacy_update_order_item", "legacy.order_items.update")
        return await _legacy_update_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            body=body,
        )

    async def delete(
        self,
        order_item_ref: str,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete an order item (legacy) (`DELETE /v2/orderItems/{order_item_ref}`)."""
        return await _legacy_delete_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            **options,
        )

    async def legacy_delete_order_item(
        self,
        order_item_ref: str,
    ) -> None:
        """Deprecated alias of `delete` (removed in the next minor version)."""
        renamed("legacy_order_items.legacy_delete_order_item", "legacy.order_items.delete")
        return await _legacy_delete_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
        )
