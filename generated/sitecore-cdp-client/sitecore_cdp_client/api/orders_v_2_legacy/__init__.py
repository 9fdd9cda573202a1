"""Operations tagged orders_v_2_legacy: `OrdersV2Legacy` (sync) and `AsyncOrdersV2Legacy`"""

from collections.abc import AsyncIterator, Iterator
from typing import cast

from ... import errors
from ..._pagination import DEFAULT_PAGE_SIZE, next_offset
from ...client import AuthenticatedClient
from ...models.error import Error
from ...models.legacy_order import LegacyOrder
from ...models.legacy_order_create import LegacyOrderCreate
from ...models.legacy_retrieve_order_expand import LegacyRetrieveOrderExpand
from ...models.link import Link
from ...models.link_page import LinkPage
from ...types import UNSET, Unset
from . import legacy_create_order as _legacy_create_order
from . import legacy_list_orders as _legacy_list_orders
from . import legacy_retrieve_order as _legacy_retrieve_order
from . import legacy_update_order as _legacy_update_order

__all__ = ["OrdersV2Legacy", "AsyncOrdersV2Legacy"]


class OrdersV2Legacy:
    """orders_v_2_legacy operations (sync); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def legacy_list_orders(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Retrieve orders (legacy) (`GET /v2/orders`)."""
        return _legacy_list_orders.sync(
            client=self._client,
            reference_id=reference_id,
            guest_ref=guest_ref,
            offset=offset,
            limit=limit,
        )

    def iter_legacy_list_orders(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[Link]:
        """Every item of `legacy_list_orders`, page by page."""
        offset = 0
        while True:
            page = _legacy_list_orders.sync(
                client=self._client,
                reference_id=reference_id,
                guest_ref=guest_ref,
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

    def legacy_create_order(
        self,
        *,
        body: LegacyOrderCreate,
    ) -> LegacyOrder:
        """Create an order (legacy) (`POST /v2/orders`)."""
        return _legacy_create_order.sync(
            client=self._client,
            body=body,
        )

    def legacy_retrieve_order(
        self,
        order_ref: str,
        *,
        expand: LegacyRetrieveOrderExpand | Unset = UNSET,
    ) -> LegacyOrder:
        """Retrieve an order (legacy) (`GET /v2/orders/{order_ref}`)."""
        return _legacy_retrieve_order.sync(
            client=self._client,
            order_ref=order_ref,
            expand=expand,
        )

    def legacy_update_order(
        self,
        order_ref: str,
        *,
        body: LegacyOrderCreate,
    ) -> LegacyOrder:
        """Update an order (legacy) (`POST /v2/orders/{order_ref}`)."""
        return _legacy_update_order.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )


class AsyncOrdersV2Legacy:
    """orders_v_2_legacy operations (async); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def legacy_list_orders(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Retrieve orders (legacy) (`GET /v2/orders`)."""
        return await _legacy_list_orders.asyncio(
            client=self._client,
            reference_id=reference_id,
            guest_ref=guest_ref,
            offset=offset,
            limit=limit,
        )

    async def iter_legacy_list_orders(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[Link]:
        """Every item of `legacy_list_orders`, page by page."""
        offset = 0
        while True:
            page = await _legacy_list_orders.asyncio(
                client=self._client,
                reference_id=reference_id,
                guest_ref=guest_ref,
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

    async def legacy_create_order(
        self,
        *,
        body: LegacyOrderCreate,
    ) -> LegacyOrder:
        """Create an order (legacy) (`POST /v2/orders`)."""
        return await _legacy_create_order.asyncio(
            client=self._client,
            body=body,
        )

    async def legacy_retrieve_order(
        self,
        order_ref: str,
        *,
        expand: LegacyRetrieveOrderExpand | Unset = UNSET,
    ) -> LegacyOrder:
        """Retrieve an order (legacy) (`GET /v2/orders/{order_ref}`)."""
        return await _legacy_retrieve_order.asyncio(
            client=self._client,
            order_ref=order_ref,
            expand=expand,
        )

    async def legacy_update_order(
        self,
        order_ref: str,
        *,
        body: LegacyOrderCreate,
    ) -> LegacyOrder:
        """Update an order (legacy) (`POST /v2/orders/{order_ref}`)."""
        return await _legacy_update_order.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )
