"""Operations tagged order_items_v_2_1: `OrderItemsV21` (sync) and `AsyncOrderItemsV21`, reached as `cdp.order_items`"""

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
from ...models.delete_result import DeleteResult
from ...models.error import Error
from ...models.flight_segment import FlightSegment
from ...models.link import Link
from ...models.order_item import OrderItem
from ...models.order_item_create import OrderItemCreate
from ...models.order_item_page import OrderItemPage
from ...models.order_item_patch import OrderItemPatch
from ...types import UNSET, Unset
from . import create_order_item as _create_order_item
from . import delete_order_item as _delete_order_item
from . import list_order_items as _list_order_items
from . import patch_order_item as _patch_order_item
from . import retrieve_order_item as _retrieve_order_item
from . import update_order_item as _update_order_item

__all__ = ["OrderItemsV21", "AsyncOrderItemsV21"]


class OrderItemsV21:
    """`cdp.order_items` (sync): order_items_v_2_1 operations; any non-success status raises errors.APIError."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    @overload
    def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: Literal[True],
        **options: Unpack[RequestOptions],
    ) -> ExpandedPage[OrderItem]: ...

    @overload
    def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: Literal[False] | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderItemPage: ...

    @overload
    def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderItemPage | ExpandedPage[OrderItem]: ...

    def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderItemPage | ExpandedPage[OrderItem]:
        """List the items of an order (`GET /v2.1/orders/{order_ref}/orderItems`). With `expand=True` the page's items are the full resources (an `ExpandedPage[OrderItem]`)."""
        page = _list_order_items.sync(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            expand=expand,
            **options,
        )
        if expand is not True:
            return page
        items = [] if isinstance(page.items, Unset) else page.items
        if any(isinstance(item, Link) for item in items):
            raise errors.SitecoreCDPError("order_items.list: got links although expand=true was sent")
        return cast(ExpandedPage[OrderItem], page)

    def list_order_items(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderItemPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("order_items.list_order_items", "order_items.list")
        return _list_order_items.sync(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    def iter(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        **options: Unpack[RequestOptions],
    ) -> Iterator[OrderItem]:
        """Every item of `list`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = _list_order_items.sync(
                client=self._client,
                order_ref=order_ref,
                offset=offset,
                limit=page_size,
                expand=True,
                **options,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                if isinstance(item, Link):
                    raise errors.SitecoreCDPError("order_items.iter: got links although expand=true was sent")
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def iter_list_order_items(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[OrderItem]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("order_items.iter_list_order_items", "order_items.iter")
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
        name: str,
        type_: str,
        status: str,
        price: float,
        currency_code: str,
        description: str | Unset = UNSET,
        product_id: str | Unset = UNSET,
        quantity: int | Unset = UNSET,
        original_price: float | Unset = UNSET,
        original_currency_code: str | Unset = UNSET,
        reference_id: str | Unset = UNSET,
        vendor: str | Unset = UNSET,
        language: str | Unset = UNSET,
        channel: str | Unset = UNSET,
        ordered_at: datetime.datetime | Unset = UNSET,
        flight_segments: builtins.list[FlightSegment] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderItem: ...

    @overload
    def create(
        self,
        order_ref: str,
        /,
        body: OrderItemCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderItem: ...

    def create(
        self,
        order_ref: str,
        /,
        body: OrderItemCreate | None = None,
        **kwargs: Any,
    ) -> OrderItem:
        """Create an order item (`POST /v2.1/orders/{order_ref}/orderItems`). The body is a `OrderItemCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderItemCreate, body, fields, "order_items.create")
        return _create_order_item.sync(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    def create_order_item(
        self,
        order_ref: str,
        *,
        body: OrderItemCreate,
    ) -> OrderItem:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("order_items.create_order_item", "order_items.create")
        return _create_order_item.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    def retrieve(
        self,
        order_item_ref: str,
        **options: Unpack[RequestOptions],
    ) -> OrderItem:
        """Retrieve an order item (`GET /v2.1/orderItems/{order_item_ref}`)."""
        return _retrieve_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            **options,
        )

    def retrieve_order_item(
        self,
        order_item_ref: str,
    ) -> OrderItem:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("order_items.retrieve_order_item", "order_items.retrieve")
        return _retrieve_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
        )

    @overload
    def update(
        self,
        order_item_ref: str,
        /,
        *,
        name: str | Unset,
        type_: str | Unset,
        status: str | Unset,
        price: float | Unset,
        currency_code: str | Unset,
        description: str | Unset = UNSET,
        product_id: str | Unset = UNSET,
        quantity: int | Unset = UNSET,
        original_price: float | Unset = UNSET,
        original_currency_code: str | Unset = UNSET,
        reference_id: str | Unset = UNSET,
        vendor: str | Unset = UNSET,
        language: str | Unset = UNSET,
        channel: str | Unset = UNSET,
        ordered_at: datetime.datetime | Unset = UNSET,
        flight_segments: builtins.list[FlightSegment] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderItem: ...

    @overload
    def update(
        self,
        order_item_ref: str,
        /,
        body: OrderItemCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderItem: ...

    def update(
        self,
        order_item_ref: str,
        /,
        body: OrderItemCreate | None = None,
        **kwargs: Any,
    ) -> OrderItem:
        """Update an order item (`PUT /v2.1/orderItems/{order_item_ref}`). The body is a `OrderItemCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderItemCreate, body, fields, "order_items.update")
        return _update_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            body=payload,
            **options,
        )

    def update_order_item(
        self,
        order_item_ref: str,
        *,
        body: OrderItemCreate,
    ) -> OrderItem:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("order_items.update_order_item", "order_items.update")
        return _update_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            body=body,
        )

    def delete(
        self,
        order_item_ref: str,
        **options: Unpack[RequestOptions],
    ) -> DeleteResult | None:
        """Delete an order item (`DELETE /v2.1/orderItems/{order_item_ref}`)."""
        return _delete_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            **options,
        )

    def delete_order_item(
        self,
        order_item_ref: str,
    ) -> DeleteResult | None:
        """Deprecated alias of `delete` (removed in the next minor version)."""
        renamed("order_items.delete_order_item", "order_items.delete")
        return _delete_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
        )

    @overload
    def patch(
        self,
        order_item_ref: str,
        /,
        *,
        name: str | Unset = UNSET,
        type_: str | Unset = UNSET,
        status: str | Unset = UNSET,
        price: float | Unset = UNSET,
        currency_code: str | Unset = UNSET,
        description: str | Unset = UNSET,
        product_id: str | Unset = UNSET,
        quantity: int | Unset = UNSET,
        original_price: float | Unset = UNSET,
        original_currency_code: str | Unset = UNSET,
        reference_id: str | Unset = UNSET,
        vendor: str | Unset = UNSET,
        language: str | Unset = UNSET,
        channel: str | Unset = UNSET,
        ordered_at: datetime.datetime | Unset = UNSET,
        flight_segments: builtins.list[FlightSegment] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderItem: ...

    @overload
    def patch(
        self,
        order_item_ref: str,
        /,
        body: OrderItemPatch,
        **options: Unpack[RequestOptions],
    ) -> OrderItem: ...

    def patch(
        self,
        order_item_ref: str,
        /,
        body: OrderItemPatch | None = None,
        **kwargs: Any,
    ) -> OrderItem:
        """Partially update an order item (`PATCH /v2.1/orderItems/{order_item_ref}`). The body is a `OrderItemPatch` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderItemPatch, body, fields, "order_items.patch")
        return _patch_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            body=payload,
            **options,
        )

    def patch_order_item(
        self,
        order_item_ref: str,
        *,
        body: OrderItemPatch,
    ) -> OrderItem:
        """Deprecated alias of `patch` (removed in the next minor version)."""
        renamed("order_items.patch_order_item", "order_items.patch")
        return _patch_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            body=body,
        )


class AsyncOrderItemsV21:
    """`cdp.order_items` (async): order_items_v_2_1 operations; any non-success status raises errors.APIError."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    @overload
    async def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: Literal[True],
        **options: Unpack[RequestOptions],
    ) -> ExpandedPage[OrderItem]: ...

    @overload
    async def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: Literal[False] | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderItemPage: ...

    @overload
    async def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderItemPage | ExpandedPage[OrderItem]: ...

    async def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderItemPage | ExpandedPage[OrderItem]:
        """List the items of an order (`GET /v2.1/orders/{order_ref}/orderItems`). With `expand=True` the page's items are the full resources (an `ExpandedPage[OrderItem]`)."""
        page = await _list_order_items.asyncio(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            expand=expand,
            **options,
        )
        if expand is not True:
            return page
        items = [] if isinstance(page.items, Unset) else page.items
        if any(isinstance(item, Link) for item in items):
            raise errors.SitecoreCDPError("order_items.list: got links although expand=true was sent")
        return cast(ExpandedPage[OrderItem], page)

    async def list_order_items(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderItemPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("order_items.list_order_items", "order_items.list")
        return await _list_order_items.asyncio(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    async def iter(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[OrderItem]:
        """Every item of `list`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = await _list_order_items.asyncio(
                client=self._client,
                order_ref=order_ref,
                offset=offset,
                limit=page_size,
                expand=True,
                **options,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                if isinstance(item, Link):
                    raise errors.SitecoreCDPError("order_items.iter: got links although expand=true was sent")
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def iter_list_order_items(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[OrderItem]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("order_items.iter_list_order_items", "order_items.iter")
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
        name: str,
        type_: str,
        status: str,
        price: float,
        currency_code: str,
        description: str | Unset = UNSET,
        product_id: str | Unset = UNSET,
        quantity: int | Unset = UNSET,
        original_price: float | Unset = UNSET,
        original_currency_code: str | Unset = UNSET,
        reference_id: str | Unset = UNSET,
        vendor: str | Unset = UNSET,
        language: str | Unset = UNSET,
        channel: str | Unset = UNSET,
        ordered_at: datetime.datetime | Unset = UNSET,
        flight_segments: builtins.list[FlightSegment] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderItem: ...

    @overload
    async def create(
        self,
        order_ref: str,
        /,
        body: OrderItemCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderItem: ...

    async def create(
        self,
        order_ref: str,
        /,
        body: OrderItemCreate | None = None,
        **kwargs: Any,
    ) -> OrderItem:
        """Create an order item (`POST /v2.1/orders/{order_ref}/orderItems`). The body is a `OrderItemCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderItemCreate, body, fields, "order_items.create")
        return await _create_order_item.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    async def create_order_item(
        self,
        order_ref: str,
        *,
        body: OrderItemCreate,
    ) -> OrderItem:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("order_items.create_order_item", "order_items.create")
        return await _create_order_item.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    async def retrieve(
        self,
        order_item_ref: str,
        **options: Unpack[RequestOptions],
    ) -> OrderItem:
        """Retrieve an order item (`GET /v2.1/orderItems/{order_item_ref}`)."""
        return await _retrieve_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            **options,
        )

    async def retrieve_order_item(
        self,
        order_item_ref: str,
    ) -> OrderItem:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("order_items.retrieve_order_item", "order_items.retrieve")
        return await _retrieve_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
        )

    @overload
    async def update(
        self,
        order_item_ref: str,
        /,
        *,
        name: str | Unset,
        type_: str | Unset,
        status: str | Unset,
        price: float | Unset,
        currency_code: str | Unset,
        description: str | Unset = UNSET,
        product_id: str | Unset = UNSET,
        quantity: int | Unset = UNSET,
        original_price: float | Unset = UNSET,
        original_currency_code: str | Unset = UNSET,
        reference_id: str | Unset = UNSET,
        vendor: str | Unset = UNSET,
        language: str | Unset = UNSET,
        channel: str | Unset = UNSET,
        ordered_at: datetime.datetime | Unset = UNSET,
        flight_segments: builtins.list[FlightSegment] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderItem: ...

    @overload
    async def update(
        self,
        order_item_ref: str,
        /,
        body: OrderItemCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderItem: ...

    async def update(
        self,
        order_item_ref: str,
        /,
        body: OrderItemCreate | None = None,
        **kwargs: Any,
    ) -> OrderItem:
        """Update an order item (`PUT /v2.1/orderItems/{order_item_ref}`). The body is a `OrderItemCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderItemCreate, body, fields, "order_items.update")
        return await _update_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            body=payload,
            **options,
        )

    async def update_order_item(
        self,
        order_item_ref: str,
        *,
        body: OrderItemCreate,
    ) -> OrderItem:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("order_items.update_order_item", "order_items.update")
        return await _update_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            body=body,
        )

    async def delete(
        self,
        order_item_ref: str,
        **options: Unpack[RequestOptions],
    ) -> DeleteResult | None:
        """Delete an order item (`DELETE /v2.1/orderItems/{order_item_ref}`)."""
        return await _delete_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            **options,
        )

    async def delete_order_item(
        self,
        order_item_ref: str,
    ) -> DeleteResult | None:
        """Deprecated alias of `delete` (removed in the next minor version)."""
        renamed("order_items.delete_order_item", "order_items.delete")
        return await _delete_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
        )

    @overload
    async def patch(
        self,
        order_item_ref: str,
        /,
        *,
        name: str | Unset = UNSET,
        type_: str | Unset = UNSET,
        status: str | Unset = UNSET,
        price: float | Unset = UNSET,
        currency_code: str | Unset = UNSET,
        description: str | Unset = UNSET,
        product_id: str | Unset = UNSET,
        quantity: int | Unset = UNSET,
        original_price: float | Unset = UNSET,
        original_currency_code: str | Unset = UNSET,
        reference_id: str | Unset = UNSET,
        vendor: str | Unset = UNSET,
        language: str | Unset = UNSET,
        channel: str | Unset = UNSET,
        ordered_at: datetime.datetime | Unset = UNSET,
        flight_segments: builtins.list[FlightSegment] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderItem: ...

    @overload
    async def patch(
        self,
        order_item_ref: str,
        /,
        body: OrderItemPatch,
        **options: Unpack[RequestOptions],
    ) -> OrderItem: ...

    async def patch(
        self,
        order_item_ref: str,
        /,
        body: OrderItemPatch | None = None,
        **kwargs: Any,
    ) -> OrderItem:
        """Partially update an order item (`PATCH /v2.1/orderItems/{order_item_ref}`). The body is a `OrderItemPatch` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderItemPatch, body, fields, "order_items.patch")
        return await _patch_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            body=payload,
            **options,
        )

    async def patch_order_item(
        self,
        order_item_ref: str,
        *,
        body: OrderItemPatch,
    ) -> OrderItem:
        """Deprecated alias of `patch` (removed in the next minor version)."""
        renamed("order_items.patch_order_item", "order_items.patch")
        return await _patch_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            body=body,
        )
