"""Operations tagged order_items_v_2_1: `OrderItemsV21` (sync) and `AsyncOrderItemsV21`"""

from collections.abc import AsyncIterator, Iterator
from typing import cast

from ... import errors
from ..._pagination import DEFAULT_PAGE_SIZE, next_offset
from ...client import AuthenticatedClient
from ...models.delete_result import DeleteResult
from ...models.error import Error
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
    """order_items_v_2_1 operations (sync); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def list_order_items(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderItemPage:
        """List the items of an order (`GET /v2.1/orders/{order_ref}/orderItems`)."""
        return _list_order_items.sync(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    def iter_list_order_items(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[OrderItem]:
        """Every item of `list_order_items`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = _list_order_items.sync(
                client=self._client,
                order_ref=order_ref,
                offset=offset,
                limit=page_size,
                expand=True,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                if isinstance(item, Link):
                    raise errors.SitecoreCDPError("list_order_items: got links although expand=true was sent")
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def create_order_item(
        self,
        order_ref: str,
        *,
        body: OrderItemCreate,
    ) -> OrderItem:
        """Create an order item (`POST /v2.1/orders/{order_ref}/orderItems`)."""
        return _create_order_item.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    def retrieve_order_item(
        self,
        order_item_ref: str,
    ) -> OrderItem:
        """Retrieve an order item (`GET /v2.1/orderItems/{order_item_ref}`)."""
        return _retrieve_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
        )

    def update_order_item(
        self,
        order_item_ref: str,
        *,
        body: OrderItemCreate,
    ) -> OrderItem:
        """Update an order item (`PUT /v2.1/orderItems/{order_item_ref}`)."""
        return _update_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            body=body,
        )

    def delete_order_item(
        self,
        order_item_ref: str,
    ) -> DeleteResult | None:
        """Delete an order item (`DELETE /v2.1/orderItems/{order_item_ref}`)."""
        return _delete_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
        )

    def patch_order_item(
        self,
        order_item_ref: str,
        *,
        body: OrderItemPatch,
    ) -> OrderItem:
        """Partially update an order item (`PATCH /v2.1/orderItems/{order_item_ref}`)."""
        return _patch_order_item.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            body=body,
        )


class AsyncOrderItemsV21:
    """order_items_v_2_1 operations (async); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def list_order_items(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderItemPage:
        """List the items of an order (`GET /v2.1/orders/{order_ref}/orderItems`)."""
        return await _list_order_items.asyncio(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    async def iter_list_order_items(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[OrderItem]:
        """Every item of `list_order_items`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = await _list_order_items.asyncio(
                client=self._client,
                order_ref=order_ref,
                offset=offset,
                limit=page_size,
                expand=True,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                if isinstance(item, Link):
                    raise errors.SitecoreCDPError("list_order_items: got links although expand=true was sent")
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    async def create_order_item(
        self,
        order_ref: str,
        *,
        body: OrderItemCreate,
    ) -> OrderItem:
        """Create an order item (`POST /v2.1/orders/{order_ref}/orderItems`)."""
        return await _create_order_item.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    async def retrieve_order_item(
        self,
        order_item_ref: str,
    ) -> OrderItem:
        """Retrieve an order item (`GET /v2.1/orderItems/{order_item_ref}`)."""
        return await _retrieve_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
        )

    async def update_order_item(
        self,
        order_item_ref: str,
        *,
        body: OrderItemCreate,
    ) -> OrderItem:
        """Update an order item (`PUT /v2.1/orderItems/{order_item_ref}`)."""
        return await _update_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            body=body,
        )

    async def delete_order_item(
        self,
        order_item_ref: str,
    ) -> DeleteResult | None:
        """Delete an order item (`DELETE /v2.1/orderItems/{order_item_ref}`)."""
        return await _delete_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
        )

    async def patch_order_item(
        self,
        order_item_ref: str,
        *,
        body: OrderItemPatch,
    ) -> OrderItem:
        """Partially update an order item (`PATCH /v2.1/orderItems/{order_item_ref}`)."""
        return await _patch_order_item.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            body=body,
        )
