"""Operations tagged order_items_v_2_legacy: `OrderItemsV2Legacy` (sync) and `AsyncOrderItemsV2Legacy`"""

from collections.abc import AsyncIterator, Iterator
from typing import cast

from ... import errors
from ..._pagination import DEFAULT_PAGE_SIZE, next_offset
from ...client import AuthenticatedClient
from ...models.error import Error
from ...models.legacy_order_item import LegacyOrderItem
from ...models.legacy_order_item_create import LegacyOrderItemCreate
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
    """order_items_v_2_legacy operations (sync); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def legacy_list_order_items(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Retrieve order item references (legacy) (`GET /v2/orders/{order_ref}/orderItems`)."""
        return _legacy_list_order_items.sync(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
        )

    def iter_legacy_list_order_items(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[Link]:
        """Every item of `legacy_list_order_items`, page by page."""
        offset = 0
        while True:
            page = _legacy_list_order_items.sync(
                client=self._client,
                order_ref=order_ref,
                offset=offset,
                limit=page_size,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def legacy_create_order_item(
        self,
        order_ref: str,
        *,
        body: LegacyOrderItemCreate,
    ) -> LegacyOrderItem:
        """Create an order item (legacy) (`POST /v2/orders/{order_ref}/orderItems`)."""
        return _legacy_create_order_item.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    def legacy_retrieve_order_item(
        self,
        order_item_ref: str,
    ) -> LegacyOrderItem:
        """Retrieve an order item (legacy) (`GET /v2/orderItems/{order_item_ref}`)."""
        return _legacy_retrieve_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
        )

    def legacy_update_order_item(
        self,
        order_item_ref: str,
        *,
        body: LegacyOrderItemCreate,
    ) -> LegacyOrderItem:
        """Update an order item (legacy) (`POST /v2/orderItems/{order_item_ref}`)."""
        return _legacy_update_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            body=body,
        )

    def legacy_delete_order_item(
        self,
        order_item_ref: str,
    ) -> None:
        """Delete an order item (legacy) (`DELETE /v2/orderItems/{order_item_ref}`)."""
        return _legacy_delete_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
        )


class AsyncOrderItemsV2Legacy:
    """order_items_v_2_legacy operations (async); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def legacy_list_order_items(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Retrieve order item references (legacy) (`GET /v2/orders/{order_ref}/orderItems`)."""
        return await _legacy_list_order_items.asyncio(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
        )

    async def iter_legacy_list_order_items(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[Link]:
        """Every item of `legacy_list_order_items`, page by page."""
        offset = 0
        while True:
            page = await _legacy_list_order_items.asyncio(
                client=self._client,
                order_ref=order_ref,
                offset=offset,
                limit=page_size,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    async def legacy_create_order_item(
        self,
        order_ref: str,
        *,
        body: LegacyOrderItemCreate,
    ) -> LegacyOrderItem:
        """Create an order item (legacy) (`POST /v2/orders/{order_ref}/orderItems`)."""
        return await _legacy_create_order_item.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    async def legacy_retrieve_order_item(
        self,
        order_item_ref: str,
    ) -> LegacyOrderItem:
        """Retrieve an order item (legacy) (`GET /v2/orderItems/{order_item_ref}`)."""
        return await _legacy_retrieve_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
        )

    async def legacy_update_order_item(
        self,
        order_item_ref: str,
        *,
        body: LegacyOrderItemCreate,
    ) -> LegacyOrderItem:
        """Update an order item (legacy) (`POST /v2/orderItems/{order_item_ref}`)."""
        return await _legacy_update_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            body=body,
        )

    async def legacy_delete_order_item(
        self,
        order_item_ref: str,
    ) -> None:
        """Delete an order item (legacy) (`DELETE /v2/orderItems/{order_item_ref}`)."""
        return await _legacy_delete_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
        )
