"""Operations tagged order_consumers_v_2_legacy: `OrderConsumersV2Legacy` (sync) and `AsyncOrderConsumersV2Legacy`, reached as `cdp.legacy.order_consumers`"""

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
from ...models.gender import Gender
from ...models.identifier import Identifier
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
    """`cdp.legacy.order_consumers` (sync): order_consumers_v_2_legacy operations; any non-success status raises errors.APIError."""

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
        """Retrieve order consumer references (legacy) (`GET /v2/orders/{order_ref}/consumers`)."""
        return _legacy_list_order_consumers.sync(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            **options,
        )

    def legacy_list_order_consumers(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("legacy_order_consumers.legacy_list_order_consumers", "legacy.order_consumers.list")
        return _legacy_list_order_consumers.sync(
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
            page = _legacy_list_order_consumers.sync(
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

    def iter_legacy_list_order_consumers(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[Link]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("legacy_order_consumers.iter_legacy_list_order_consumers", "legacy.order_consumers.iter")
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
        first_name: str,
        last_name: str,
        title: str | Unset = UNSET,
        gender: Gender | str | Unset = UNSET,
        date_of_birth: datetime.datetime | str | Unset = UNSET,
        emails: builtins.list[str] | Unset = UNSET,
        phone_numbers: builtins.list[str] | Unset = UNSET,
        nationality: str | Unset = UNSET,
        country: str | Unset = UNSET,
        passport_number: str | Unset = UNSET,
        passport_expiry: datetime.datetime | str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        guest: Link | Unset = UNSET,
        order_items: LinkPage | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderConsumer: ...

    @overload
    def create(
        self,
        order_ref: str,
        /,
        body: LegacyOrderConsumerCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderConsumer: ...

    def create(
        self,
        order_ref: str,
        /,
        body: LegacyOrderConsumerCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrderConsumer:
        """Create an order consumer (legacy) (`POST /v2/orders/{order_ref}/consumers`). The body is a `LegacyOrderConsumerCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderConsumerCreate, body, fields, "legacy.order_consumers.create")
        return _legacy_create_order_consumer.sync(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    def legacy_create_order_consumer(
        self,
        order_ref: str,
        *,
        body: LegacyOrderConsumerCreate,
    ) -> LegacyOrderConsumer:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("legacy_order_consumers.legacy_create_order_consumer", "legacy.order_consumers.create")
        return _legacy_create_order_consumer.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    def retrieve(
        self,
        order_consumer_ref: str,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderConsumer:
        """Retrieve an order consumer (legacy) (`GET /v2/orderConsumers/{order_consumer_ref}`)."""
        return _legacy_retrieve_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            **options,
        )

    def legacy_retrieve_order_consumer(
        self,
        order_consumer_ref: str,
    ) -> LegacyOrderConsumer:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("legacy_order_consumers.legacy_retrieve_order_consumer", "legacy.order_consumers.retrieve")
        return _legacy_retrieve_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
        )

    @overload
    def update(
        self,
        order_consumer_ref: str,
        /,
        *,
        first_name: str | Unset,
        last_name: str | Unset,
        title: str | Unset = UNSET,
        gender: Gender | str | Unset = UNSET,
        date_of_birth: datetime.datetime | str | Unset = UNSET,
        emails: builtins.list[str] | Unset = UNSET,
        phone_numbers: builtins.list[str] | Unset = UNSET,
        nationality: str | Unset = UNSET,
        country: str | Unset = UNSET,
        passport_number: str | Unset = UNSET,
        passport_expiry: datetime.datetime | str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        guest: Link | Unset = UNSET,
        order_items: LinkPage | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderConsumer: ...

    @overload
    def update(
        self,
        order_consumer_ref: str,
        /,
        body: LegacyOrderConsumerCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderConsumer: ...

    def update(
        self,
        order_consumer_ref: str,
        /,
        body: LegacyOrderConsumerCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrderConsumer:
        """Update an order consumer (legacy) (`POST /v2/orderConsumers/{order_consumer_ref}`). The body is a `LegacyOrderConsumerCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderConsumerCreate, body, fields, "legacy.order_consumers.update")
        return _legacy_update_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=payload,
            **options,
        )

    def legacy_update_order_consumer(
        self,
        order_consumer_ref: str,
        *,
        body: LegacyOrderConsumerCreate,
    ) -> LegacyOrderConsumer:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("legacy_order_consumers.legacy_update_order_consumer", "legacy.order_consumers.update")
        return _legacy_update_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=body,
        )


class AsyncOrderConsumersV2Legacy:
    """`cdp.legacy.order_consumers` (async): order_consumers_v_2_legacy operations; any non-success status raises errors.APIError."""

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
        """Retrieve order consumer references (legacy) (`GET /v2/orders/{order_ref}/consumers`)."""
        return await _legacy_list_order_consumers.asyncio(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            **options,
        )

    async def legacy_list_order_consumers(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("legacy_order_consumers.legacy_list_order_consumers", "legacy.order_consumers.list")
        return await _legacy_list_order_consumers.asyncio(
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
            page = await _legacy_list_order_consumers.asyncio(
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

    def iter_legacy_list_order_consumers(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[Link]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("legacy_order_consumers.iter_legacy_list_order_consumers", "legacy.order_consumers.iter")
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
        first_name: str,
        last_name: str,
        title: str | Unset = UNSET,
        gender: Gender | str | Unset = UNSET,
        date_of_birth: datetime.datetime | str | Unset = UNSET,
        emails: builtins.list[str] | Unset = UNSET,
        phone_numbers: builtins.list[str] | Unset = UNSET,
        nationality: str | Unset = UNSET,
        country: str | Unset = UNSET,
        passport_number: str | Unset = UNSET,
        passport_expiry: datetime.datetime | str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        guest: Link | Unset = UNSET,
        order_items: LinkPage | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderConsumer: ...

    @overload
    async def create(
        self,
        order_ref: str,
        /,
        body: LegacyOrderConsumerCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderConsumer: ...

    async def create(
        self,
        order_ref: str,
        /,
        body: LegacyOrderConsumerCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrderConsumer:
        """Create an order consumer (legacy) (`POST /v2/orders/{order_ref}/consumers`). The body is a `LegacyOrderConsumerCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderConsumerCreate, body, fields, "legacy.order_consumers.create")
        return await _legacy_create_order_consumer.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    async def legacy_create_order_consumer(
        self,
        order_ref: str,
        *,
        body: LegacyOrderConsumerCreate,
    ) -> LegacyOrderConsumer:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("legacy_order_consumers.legacy_create_order_consumer", "legacy.order_consumers.create")
        return await _legacy_create_order_consumer.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    async def retrieve(
        self,
        order_consumer_ref: str,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderConsumer:
        """Retrieve an order consumer (legacy) (`GET /v2/orderConsumers/{order_consumer_ref}`)."""
        return await _legacy_retrieve_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            **options,
        )

    async def legacy_retrieve_order_consumer(
        self,
        order_consumer_ref: str,
    ) -> LegacyOrderConsumer:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("legacy_order_consumers.legacy_retrieve_order_consumer", "legacy.order_consumers.retrieve")
        return await _legacy_retrieve_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
        )

    @overload
    async def update(
        self,
        order_consumer_ref: str,
        /,
        *,
        first_name: str | Unset,
        last_name: str | Unset,
        title: str | Unset = UNSET,
        gender: Gender | str | Unset = UNSET,
        date_of_birth: datetime.datetime | str | Unset = UNSET,
        emails: builtins.list[str] | Unset = UNSET,
        phone_numbers: builtins.list[str] | Unset = UNSET,
        nationality: str | Unset = UNSET,
        country: str | Unset = UNSET,
        passport_number: str | Unset = UNSET,
        passport_expiry: datetime.datetime | str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        guest: Link | Unset = UNSET,
        order_items: LinkPage | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderConsumer: ...

    @overload
    async def update(
        self,
        order_consumer_ref: str,
        /,
        body: LegacyOrderConsumerCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderConsumer: ...

    async def update(
        self,
        order_consumer_ref: str,
        /,
        body: LegacyOrderConsumerCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrderConsumer:
        """Update an order consumer (legacy) (`POST /v2/orderConsumers/{order_consumer_ref}`). The body is a `LegacyOrderConsumerCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderConsumerCreate, body, fields, "legacy.order_consumers.update")
        return await _legacy_update_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=payload,
            **options,
        )

    async def legacy_update_order_consumer(
        self,
        order_consumer_ref: str,
        *,
        body: LegacyOrderConsumerCreate,
    ) -> LegacyOrderConsumer:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("legacy_order_consumers.legacy_update_order_consumer", "legacy.order_consumers.update")
        return await _legacy_update_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=body,
        )
