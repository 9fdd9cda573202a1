"""Operations tagged order_consumers_v_2_1: `OrderConsumersV21` (sync) and `AsyncOrderConsumersV21`"""

from collections.abc import AsyncIterator, Iterator
from typing import cast

from ... import errors
from ..._pagination import DEFAULT_PAGE_SIZE, next_offset
from ...client import AuthenticatedClient
from ...models.delete_result import DeleteResult
from ...models.error import Error
from ...models.link import Link
from ...models.link_page import LinkPage
from ...models.order_consumer import OrderConsumer
from ...models.order_consumer_create import OrderConsumerCreate
from ...models.order_consumer_page import OrderConsumerPage
from ...types import UNSET, Unset
from . import create_order_consumer as _create_order_consumer
from . import delete_order_consumer as _delete_order_consumer
from . import list_order_consumer_order_items as _list_order_consumer_order_items
from . import list_order_consumers as _list_order_consumers
from . import patch_order_consumer as _patch_order_consumer
from . import retrieve_order_consumer as _retrieve_order_consumer
from . import update_order_consumer as _update_order_consumer

__all__ = ["OrderConsumersV21", "AsyncOrderConsumersV21"]


class OrderConsumersV21:
    """order_consumers_v_2_1 operations (sync); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def list_order_consumers(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderConsumerPage:
        """List the consumers of an order (`GET /v2.1/orders/{order_ref}/consumers`)."""
        return _list_order_consumers.sync(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    def iter_list_order_consumers(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[OrderConsumer]:
        """Every item of `list_order_consumers`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = _list_order_consumers.sync(
                client=self._client,
                order_ref=order_ref,
                offset=offset,
                limit=page_size,
                expand=True,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                if isinstance(item, Link):
                    raise errors.SitecoreCDPError(
                        "list_order_consumers: got links although expand=true was sent"
                    )
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def create_order_consumer(
        self,
        order_ref: str,
        *,
        body: OrderConsumerCreate,
    ) -> OrderConsumer:
        """Create an order consumer (`POST /v2.1/orders/{order_ref}/consumers`)."""
        return _create_order_consumer.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    def retrieve_order_consumer(
        self,
        order_consumer_ref: str,
    ) -> OrderConsumer:
        """Retrieve an order consumer (`GET /v2.1/orderConsumers/{order_consumer_ref}`)."""
        return _retrieve_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
        )

    def update_order_consumer(
        self,
        order_consumer_ref: str,
        *,
        body: OrderConsumerCreate,
    ) -> OrderConsumer:
        """Update an order consumer (`PUT /v2.1/orderConsumers/{order_consumer_ref}`)."""
        return _update_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=body,
        )

    def delete_order_consumer(
        self,
        order_consumer_ref: str,
    ) -> DeleteResult | None:
        """Delete an order consumer (`DELETE /v2.1/orderConsumers/{order_consumer_ref}`)."""
        return _delete_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
        )

    def patch_order_consumer(
        self,
        order_consumer_ref: str,
        *,
        body: OrderConsumerCreate,
    ) -> OrderConsumer:
        """Partially update an order consumer (`PATCH /v2.1/orderConsumers/{order_consumer_ref}`)."""
        return _patch_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=body,
        )

    def list_order_consumer_order_items(
        self,
        order_consumer_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """List the items a consumer consumes (`GET /v2.1/orderConsumers/{order_consumer_ref}/orderItems`)."""
        return _list_order_consumer_order_items.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            offset=offset,
            limit=limit,
        )

    def iter_list_order_consumer_order_items(
        self,
        order_consumer_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[Link]:
        """Every item of `list_order_consumer_order_items`, page by page."""
        offset = 0
        while True:
            page = _list_order_consumer_order_items.sync(
                client=self._client,
                order_consumer_ref=order_consumer_ref,
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


class AsyncOrderConsumersV21:
    """order_consumers_v_2_1 operations (async); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def list_order_consumers(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderConsumerPage:
        """List the consumers of an order (`GET /v2.1/orders/{order_ref}/consumers`)."""
        return await _list_order_consumers.asyncio(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    async def iter_list_order_consumers(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[OrderConsumer]:
        """Every item of `list_order_consumers`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = await _list_order_consumers.asyncio(
                client=self._client,
                order_ref=order_ref,
                offset=offset,
                limit=page_size,
                expand=True,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                if isinstance(item, Link):
                    raise errors.SitecoreCDPError(
                        "list_order_consumers: got links although expand=true was sent"
                    )
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    async def create_order_consumer(
        self,
        order_ref: str,
        *,
        body: OrderConsumerCreate,
    ) -> OrderConsumer:
        """Create an order consumer (`POST /v2.1/orders/{order_ref}/consumers`)."""
        return await _create_order_consumer.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    async def retrieve_order_consumer(
        self,
        order_consumer_ref: str,
    ) -> OrderConsumer:
        """Retrieve an order consumer (`GET /v2.1/orderConsumers/{order_consumer_ref}`)."""
        return await _retrieve_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
        )

    async def update_order_consumer(
        self,
        order_consumer_ref: str,
        *,
        body: OrderConsumerCreate,
    ) -> OrderConsumer:
        """Update an order consumer (`PUT /v2.1/orderConsumers/{order_consumer_ref}`)."""
        return await _update_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=body,
        )

    async def delete_order_consumer(
        self,
        order_consumer_ref: str,
    ) -> DeleteResult | None:
        """Delete an order consumer (`DELETE /v2.1/orderConsumers/{order_consumer_ref}`)."""
        return await _delete_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
        )

    async def patch_order_consumer(
        self,
        order_consumer_ref: str,
        *,
        body: OrderConsumerCreate,
    ) -> OrderConsumer:
        """Partially update an order consumer (`PATCH /v2.1/orderConsumers/{order_consumer_ref}`)."""
        return await _patch_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=body,
        )

    async def list_order_consumer_order_items(
        self,
        order_consumer_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """List the items a consumer consumes (`GET /v2.1/orderConsumers/{order_consumer_ref}/orderItems`)."""
        return await _list_order_consumer_order_items.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            offset=offset,
            limit=limit,
        )

    async def iter_list_order_consumer_order_items(
        self,
        order_consumer_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[Link]:
        """Every item of `list_order_consumer_order_items`, page by page."""
        offset = 0
        while True:
            page = await _list_order_consumer_order_items.asyncio(
                client=self._client,
                order_consumer_ref=order_consumer_ref,
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
