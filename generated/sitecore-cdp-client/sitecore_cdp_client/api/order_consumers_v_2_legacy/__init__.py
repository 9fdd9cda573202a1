"""Operations tagged order_consumers_v_2_legacy: `OrderConsumersV2Legacy` (sync) and `AsyncOrderConsumersV2Legacy`"""

from collections.abc import AsyncIterator, Iterator
from typing import cast

from ... import errors
from ..._pagination import DEFAULT_PAGE_SIZE, next_offset
from ...client import AuthenticatedClient
from ...models.error import Error
from ...models.legacy_order_consumer import LegacyOrderConsumer
from ...models.legacy_order_consumer_create import LegacyOrderConsumerCreate
from ...models.link import Link
from ...models.link_page import LinkPage
from ...types import UNSET, Unset
from . import legacy_create_order_consumer as _legacy_create_order_consumer
from . import legacy_list_order_consumers as _legacy_list_order_consumers
from . import legacy_retrieve_order_consumer as _legacy_retrieve_order_consumer
from . import legacy_update_order_consumer as _legacy_update_order_consumer

__all__ = ["OrderConsumersV2Legacy", "AsyncOrderConsumersV2Legacy"]


class OrderConsumersV2Legacy:
    """order_consumers_v_2_legacy operations (sync); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def legacy_list_order_consumers(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Retrieve order consumer references (legacy) (`GET /v2/orders/{order_ref}/consumers`)."""
        return _legacy_list_order_consumers.sync(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
        )

    def iter_legacy_list_order_consumers(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[Link]:
        """Every item of `legacy_list_order_consumers`, page by page."""
        offset = 0
        while True:
            page = _legacy_list_order_consumers.sync(
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

    def legacy_create_order_consumer(
        self,
        order_ref: str,
        *,
        body: LegacyOrderConsumerCreate,
    ) -> LegacyOrderConsumer:
        """Create an order consumer (legacy) (`POST /v2/orders/{order_ref}/consumers`)."""
        return _legacy_create_order_consumer.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    def legacy_retrieve_order_consumer(
        self,
        order_consumer_ref: str,
    ) -> LegacyOrderConsumer:
        """Retrieve an order consumer (legacy) (`GET /v2/orderConsumers/{order_consumer_ref}`)."""
        return _legacy_retrieve_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
        )

    def legacy_update_order_consumer(
        self,
        order_consumer_ref: str,
        *,
        body: LegacyOrderConsumerCreate,
    ) -> LegacyOrderConsumer:
        """Update an order consumer (legacy) (`POST /v2/orderConsumers/{order_consumer_ref}`)."""
        return _legacy_update_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=body,
        )


class AsyncOrderConsumersV2Legacy:
    """order_consumers_v_2_legacy operations (async); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def legacy_list_order_consumers(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Retrieve order consumer references (legacy) (`GET /v2/orders/{order_ref}/consumers`)."""
        return await _legacy_list_order_consumers.asyncio(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
        )

    async def iter_legacy_list_order_consumers(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[Link]:
        """Every item of `legacy_list_order_consumers`, page by page."""
        offset = 0
        while True:
            page = await _legacy_list_order_consumers.asyncio(
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

    async def legacy_create_order_consumer(
        self,
        order_ref: str,
        *,
        body: LegacyOrderConsumerCreate,
    ) -> LegacyOrderConsumer:
        """Create an order consumer (legacy) (`POST /v2/orders/{order_ref}/consumers`)."""
        return await _legacy_create_order_consumer.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    async def legacy_retrieve_order_consumer(
        self,
        order_consumer_ref: str,
    ) -> LegacyOrderConsumer:
        """Retrieve an order consumer (legacy) (`GET /v2/orderConsumers/{order_consumer_ref}`)."""
        return await _legacy_retrieve_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
        )

    async def legacy_update_order_consumer(
        self,
        order_consumer_ref: str,
        *,
        body: LegacyOrderConsumerCreate,
    ) -> LegacyOrderConsumer:
        """Update an order consumer (legacy) (`POST /v2/orderConsumers/{order_consumer_ref}`)."""
        return await _legacy_update_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=body,
        )
