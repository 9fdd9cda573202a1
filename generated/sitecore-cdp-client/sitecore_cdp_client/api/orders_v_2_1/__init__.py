"""Operations tagged orders_v_2_1: `OrdersV21` (sync) and `AsyncOrdersV21`"""

from collections.abc import AsyncIterator, Iterator
from typing import cast

from ... import errors
from ..._pagination import DEFAULT_PAGE_SIZE, next_offset
from ...client import AuthenticatedClient
from ...models.delete_result import DeleteResult
from ...models.error import Error
from ...models.link import Link
from ...models.list_orders_sort import ListOrdersSort
from ...models.order import Order
from ...models.order_create import OrderCreate
from ...models.order_page import OrderPage
from ...models.order_patch import OrderPatch
from ...types import UNSET, Unset
from . import create_order as _create_order
from . import delete_order as _delete_order
from . import list_orders as _list_orders
from . import patch_order as _patch_order
from . import retrieve_order as _retrieve_order
from . import update_order as _update_order

__all__ = ["OrdersV21", "AsyncOrdersV21"]


class OrdersV21:
    """orders_v_2_1 operations (sync); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def list_orders(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderPage:
        """List orders (`GET /v2.1/orders`)."""
        return _list_orders.sync(
            client=self._client,
            reference_id=reference_id,
            guest_ref=guest_ref,
            sort=sort,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    def iter_list_orders(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | Unset = UNSET,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[Order]:
        """Every item of `list_orders`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = _list_orders.sync(
                client=self._client,
                reference_id=reference_id,
                guest_ref=guest_ref,
                sort=sort,
                offset=offset,
                limit=page_size,
                expand=True,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                if isinstance(item, Link):
                    raise errors.SitecoreCDPError("list_orders: got links although expand=true was sent")
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def create_order(
        self,
        *,
        body: OrderCreate,
    ) -> Order:
        """Create an order (`POST /v2.1/orders`)."""
        return _create_order.sync(
            client=self._client,
            body=body,
        )

    def retrieve_order(
        self,
        order_ref: str,
    ) -> Order:
        """Retrieve an order (`GET /v2.1/orders/{order_ref}`)."""
        return _retrieve_order.sync(
            client=self._client,
            order_ref=order_ref,
        )

    def update_order(
        self,
        order_ref: str,
        *,
        body: OrderCreate,
    ) -> Order:
        """Update an order (`PUT /v2.1/orders/{order_ref}`)."""
        return _update_order.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    def delete_order(
        self,
        order_ref: str,
    ) -> DeleteResult | None:
        """Delete an order (`DELETE /v2.1/orders/{order_ref}`)."""
        return _delete_order.sync(
            client=self._client,
            order_ref=order_ref,
        )

    def patch_order(
        self,
        order_ref: str,
        *,
        body: OrderPatch,
    ) -> Order:
        """Partially update an order (`PATCH /v2.1/orders/{order_ref}`)."""
        return _patch_order.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )


class AsyncOrdersV21:
    """orders_v_2_1 operations (async); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def list_orders(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderPage:
        """List orders (`GET /v2.1/orders`)."""
        return await _list_orders.asyncio(
            client=self._client,
            reference_id=reference_id,
            guest_ref=guest_ref,
            sort=sort,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    async def iter_list_orders(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | Unset = UNSET,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[Order]:
        """Every item of `list_orders`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = await _list_orders.asyncio(
                client=self._client,
                reference_id=reference_id,
                guest_ref=guest_ref,
                sort=sort,
                offset=offset,
                limit=page_size,
                expand=True,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                if isinstance(item, Link):
                    raise errors.SitecoreCDPError("list_orders: got links although expand=true was sent")
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    async def create_order(
        self,
        *,
        body: OrderCreate,
    ) -> Order:
        """Create an order (`POST /v2.1/orders`)."""
        return await _create_order.asyncio(
            client=self._client,
            body=body,
        )

    async def retrieve_order(
        self,
        order_ref: str,
    ) -> Order:
        """Retrieve an order (`GET /v2.1/orders/{order_ref}`)."""
        return await _retrieve_order.asyncio(
            client=self._client,
            order_ref=order_ref,
        )

    async def update_order(
        self,
        order_ref: str,
        *,
        body: OrderCreate,
    ) -> Order:
        """Update an order (`PUT /v2.1/orders/{order_ref}`)."""
        return await _update_order.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    async def delete_order(
        self,
        order_ref: str,
    ) -> DeleteResult | None:
        """Delete an order (`DELETE /v2.1/orders/{order_ref}`)."""
        return await _delete_order.asyncio(
            client=self._client,
            order_ref=order_ref,
        )

    async def patch_order(
        self,
        order_ref: str,
        *,
        body: OrderPatch,
    ) -> Order:
        """Partially update an order (`PATCH /v2.1/orders/{order_ref}`)."""
        return await _patch_order.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )
