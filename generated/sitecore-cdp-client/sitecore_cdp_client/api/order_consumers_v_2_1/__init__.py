"""Operations tagged order_consumers_v_2_1: `OrderConsumersV21` (sync) and `AsyncOrderConsumersV21`, reached as `cdp.order_consumers`"""

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
from ...models.gender import Gender
from ...models.identifier import Identifier
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
    """`cdp.order_consumers` (sync): order_consumers_v_2_1 operations; any non-success status raises errors.APIError."""

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
    ) -> ExpandedPage[OrderConsumer]: ...

    @overload
    def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: Literal[False] | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumerPage: ...

    @overload
    def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumerPage | ExpandedPage[OrderConsumer]: ...

    def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumerPage | ExpandedPage[OrderConsumer]:
        """List the consumers of an order (`GET /v2.1/orders/{order_ref}/consumers`). With `expand=True` the page's items are the full resources (an `ExpandedPage[OrderConsumer]`)."""
        page = _list_order_consumers.sync(
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
            raise errors.SitecoreCDPError("order_consumers.list: got links although expand=true was sent")
        return cast(ExpandedPage[OrderConsumer], page)

    def list_order_consumers(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderConsumerPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("order_consumers.list_order_consumers", "order_consumers.list")
        return _list_order_consumers.sync(
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
    ) -> Iterator[OrderConsumer]:
        """Every item of `list`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = _list_order_consumers.sync(
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
                    raise errors.SitecoreCDPError(
                        "order_consumers.iter: got links although expand=true was sent"
                    )
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def iter_list_order_consumers(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[OrderConsumer]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("order_consumers.iter_list_order_consumers", "order_consumers.iter")
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
        title: str | Unset = UNSET,
        first_name: str | Unset = UNSET,
        last_name: str | Unset = UNSET,
        gender: Gender | str | Unset = UNSET,
        date_of_birth: datetime.datetime | Unset = UNSET,
        emails: builtins.list[str] | Unset = UNSET,
        phone_numbers: builtins.list[str] | Unset = UNSET,
        nationality: str | Unset = UNSET,
        passport_number: str | Unset = UNSET,
        country: str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumer: ...

    @overload
    def create(
        self,
        order_ref: str,
        /,
        body: OrderConsumerCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumer: ...

    def create(
        self,
        order_ref: str,
        /,
        body: OrderConsumerCreate | None = None,
        **kwargs: Any,
    ) -> OrderConsumer:
        """Create an order consumer (`POST /v2.1/orders/{order_ref}/consumers`). The body is a `OrderConsumerCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderConsumerCreate, body, fields, "order_consumers.create")
        return _create_order_consumer.sync(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    def create_order_consumer(
        self,
        order_ref: str,
        *,
        body: OrderConsumerCreate,
    ) -> OrderConsumer:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("order_consumers.create_order_consumer", "order_consumers.create")
        return _create_order_consumer.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    def retrieve(
        self,
        order_consumer_ref: str,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumer:
        """Retrieve an order consumer (`GET /v2.1/orderConsumers/{order_consumer_ref}`)."""
        return _retrieve_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            **options,
        )

    def retrieve_order_consumer(
        self,
        order_consumer_ref: str,
    ) -> OrderConsumer:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("order_consumers.retrieve_order_consumer", "order_consumers.retrieve")
        return _retrieve_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
        )

    @overload
    def update(
        self,
        order_consumer_ref: str,
        /,
        *,
        title: str | Unset = UNSET,
        first_name: str | Unset = UNSET,
        last_name: str | Unset = UNSET,
        gender: Gender | str | Unset = UNSET,
        date_of_birth: datetime.datetime | Unset = UNSET,
        emails: builtins.list[str] | Unset = UNSET,
        phone_numbers: builtins.list[str] | Unset = UNSET,
        nationality: str | Unset = UNSET,
        passport_number: str | Unset = UNSET,
        country: str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumer: ...

    @overload
    def update(
        self,
        order_consumer_ref: str,
        /,
        body: OrderConsumerCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumer: ...

    def update(
        self,
        order_consumer_ref: str,
        /,
        body: OrderConsumerCreate | None = None,
        **kwargs: Any,
    ) -> OrderConsumer:
        """Update an order consumer (`PUT /v2.1/orderConsumers/{order_consumer_ref}`). The body is a `OrderConsumerCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderConsumerCreate, body, fields, "order_consumers.update")
        return _update_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=payload,
            **options,
        )

    def update_order_consumer(
        self,
        order_consumer_ref: str,
        *,
        body: OrderConsumerCreate,
    ) -> OrderConsumer:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("order_consumers.update_order_consumer", "order_consumers.update")
        return _update_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=body,
        )

    def delete(
        self,
        order_consumer_ref: str,
        **options: Unpack[RequestOptions],
    ) -> DeleteResult | None:
        """Delete an order consumer (`DELETE /v2.1/orderConsumers/{order_consumer_ref}`)."""
        return _delete_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            **options,
        )

    def delete_order_consumer(
        self,
        order_consumer_ref: str,
    ) -> DeleteResult | None:
        """Deprecated alias of `delete` (removed in the next minor version)."""
        renamed("order_consumers.delete_order_consumer", "order_consumers.delete")
        return _delete_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
        )

    @overload
    def patch(
        self,
        order_consumer_ref: str,
        /,
        *,
        title: str | Unset = UNSET,
        first_name: str | Unset = UNSET,
        last_name: str | Unset = UNSET,
        gender: Gender | str | Unset = UNSET,
        date_of_birth: datetime.datetime | Unset = UNSET,
        emails: builtins.list[str] | Unset = UNSET,
        phone_numbers: builtins.list[str] | Unset = UNSET,
        nationality: str | Unset = UNSET,
        passport_number: str | Unset = UNSET,
        country: str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumer: ...

    @overload
    def patch(
        self,
        order_consumer_ref: str,
        /,
        body: OrderConsumerCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumer: ...

    def patch(
        self,
        order_consumer_ref: str,
        /,
        body: OrderConsumerCreate | None = None,
        **kwargs: Any,
    ) -> OrderConsumer:
        """Partially update an order consumer (`PATCH /v2.1/orderConsumers/{order_consumer_ref}`). The body is a `OrderConsumerCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderConsumerCreate, body, fields, "order_consumers.patch")
        return _patch_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=payload,
            **options,
        )

    def patch_order_consumer(
        self,
        order_consumer_ref: str,
        *,
        body: OrderConsumerCreate,
    ) -> OrderConsumer:
        """Deprecated alias of `patch` (removed in the next minor version)."""
        renamed("order_consumers.patch_order_consumer", "order_consumers.patch")
        return _patch_order_consumer.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=body,
        )

    def list_order_items(
        self,
        order_consumer_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        **options: Unpack[RequestOptions],
    ) -> LinkPage:
        """List the items a consumer consumes (`GET /v2.1/orderConsumers/{order_consumer_ref}/orderItems`)."""
        return _list_order_consumer_order_items.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            offset=offset,
            limit=limit,
            **options,
        )

    def list_order_consumer_order_items(
        self,
        order_consumer_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Deprecated alias of `list_order_items` (removed in the next minor version)."""
        renamed("order_consumers.list_order_consumer_order_items", "order_consumers.list_order_items")
        return _list_order_consumer_order_items.sync(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            offset=offset,
            limit=limit,
        )

    def iter_order_items(
        self,
        order_consumer_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        **options: Unpack[RequestOptions],
    ) -> Iterator[Link]:
        """Every item of `list_order_items`, page by page."""
        offset = 0
        while True:
            page = _list_order_consumer_order_items.sync(
                client=self._client,
                order_consumer_ref=order_consumer_ref,
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

    def iter_list_order_consumer_order_items(
        self,
        order_consumer_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[Link]:
        """Deprecated alias of `iter_order_items` (removed in the next minor version)."""
        renamed("order_consumers.iter_list_order_consumer_order_items", "order_consumers.iter_order_items")
        return self.iter_order_items(
            order_consumer_ref=order_consumer_ref,
            page_size=page_size,
        )


class AsyncOrderConsumersV21:
    """`cdp.order_consumers` (async): order_consumers_v_2_1 operations; any non-success status raises errors.APIError."""

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
    ) -> ExpandedPage[OrderConsumer]: ...

    @overload
    async def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: Literal[False] | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumerPage: ...

    @overload
    async def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumerPage | ExpandedPage[OrderConsumer]: ...

    async def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumerPage | ExpandedPage[OrderConsumer]:
        """List the consumers of an order (`GET /v2.1/orders/{order_ref}/consumers`). With `expand=True` the page's items are the full resources (an `ExpandedPage[OrderConsumer]`)."""
        page = await _list_order_consumers.asyncio(
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
            raise errors.SitecoreCDPError("order_consumers.list: got links although expand=true was sent")
        return cast(ExpandedPage[OrderConsumer], page)

    async def list_order_consumers(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderConsumerPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("order_consumers.list_order_consumers", "order_consumers.list")
        return await _list_order_consumers.asyncio(
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
    ) -> AsyncIterator[OrderConsumer]:
        """Every item of `list`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = await _list_order_consumers.asyncio(
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
                    raise errors.SitecoreCDPError(
                        "order_consumers.iter: got links although expand=true was sent"
                    )
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def iter_list_order_consumers(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[OrderConsumer]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("order_consumers.iter_list_order_consumers", "order_consumers.iter")
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
        title: str | Unset = UNSET,
        first_name: str | Unset = UNSET,
        last_name: str | Unset = UNSET,
        gender: Gender | str | Unset = UNSET,
        date_of_birth: datetime.datetime | Unset = UNSET,
        emails: builtins.list[str] | Unset = UNSET,
        phone_numbers: builtins.list[str] | Unset = UNSET,
        nationality: str | Unset = UNSET,
        passport_number: str | Unset = UNSET,
        country: str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumer: ...

    @overload
    async def create(
        self,
        order_ref: str,
        /,
        body: OrderConsumerCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumer: ...

    async def create(
        self,
        order_ref: str,
        /,
        body: OrderConsumerCreate | None = None,
        **kwargs: Any,
    ) -> OrderConsumer:
        """Create an order consumer (`POST /v2.1/orders/{order_ref}/consumers`). The body is a `OrderConsumerCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderConsumerCreate, body, fields, "order_consumers.create")
        return await _create_order_consumer.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    async def create_order_consumer(
        self,
        order_ref: str,
        *,
        body: OrderConsumerCreate,
    ) -> OrderConsumer:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("order_consumers.create_order_consumer", "order_consumers.create")
        return await _create_order_consumer.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    async def retrieve(
        self,
        order_consumer_ref: str,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumer:
        """Retrieve an order consumer (`GET /v2.1/orderConsumers/{order_consumer_ref}`)."""
        return await _retrieve_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            **options,
        )

    async def retrieve_order_consumer(
        self,
        order_consumer_ref: str,
    ) -> OrderConsumer:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("order_consumers.retrieve_order_consumer", "order_consumers.retrieve")
        return await _retrieve_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
        )

    @overload
    async def update(
        self,
        order_consumer_ref: str,
        /,
        *,
        title: str | Unset = UNSET,
        first_name: str | Unset = UNSET,
        last_name: str | Unset = UNSET,
        gender: Gender | str | Unset = UNSET,
        date_of_birth: datetime.datetime | Unset = UNSET,
        emails: builtins.list[str] | Unset = UNSET,
        phone_numbers: builtins.list[str] | Unset = UNSET,
        nationality: str | Unset = UNSET,
        passport_number: str | Unset = UNSET,
        country: str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumer: ...

    @overload
    async def update(
        self,
        order_consumer_ref: str,
        /,
        body: OrderConsumerCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumer: ...

    async def update(
        self,
        order_consumer_ref: str,
        /,
        body: OrderConsumerCreate | None = None,
        **kwargs: Any,
    ) -> OrderConsumer:
        """Update an order consumer (`PUT /v2.1/orderConsumers/{order_consumer_ref}`). The body is a `OrderConsumerCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderConsumerCreate, body, fields, "order_consumers.update")
        return await _update_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=payload,
            **options,
        )

    async def update_order_consumer(
        self,
        order_consumer_ref: str,
        *,
        body: OrderConsumerCreate,
    ) -> OrderConsumer:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("order_consumers.update_order_consumer", "order_consumers.update")
        return await _update_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=body,
        )

    async def delete(
        self,
        order_consumer_ref: str,
        **options: Unpack[RequestOptions],
    ) -> DeleteResult | None:
        """Delete an order consumer (`DELETE /v2.1/orderConsumers/{order_consumer_ref}`)."""
        return await _delete_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            **options,
        )

    async def delete_order_consumer(
        self,
        order_consumer_ref: str,
    ) -> DeleteResult | None:
        """Deprecated alias of `delete` (removed in the next minor version)."""
        renamed("order_consumers.delete_order_consumer", "order_consumers.delete")
        return await _delete_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
        )

    @overload
    async def patch(
        self,
        order_consumer_ref: str,
        /,
        *,
        title: str | Unset = UNSET,
        first_name: str | Unset = UNSET,
        last_name: str | Unset = UNSET,
        gender: Gender | str | Unset = UNSET,
        date_of_birth: datetime.datetime | Unset = UNSET,
        emails: builtins.list[str] | Unset = UNSET,
        phone_numbers: builtins.list[str] | Unset = UNSET,
        nationality: str | Unset = UNSET,
        passport_number: str | Unset = UNSET,
        country: str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumer: ...

    @overload
    async def patch(
        self,
        order_consumer_ref: str,
        /,
        body: OrderConsumerCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderConsumer: ...

    async def patch(
        self,
        order_consumer_ref: str,
        /,
        body: OrderConsumerCreate | None = None,
        **kwargs: Any,
    ) -> OrderConsumer:
        """Partially update an order consumer (`PATCH /v2.1/orderConsumers/{order_consumer_ref}`). The body is a `OrderConsumerCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderConsumerCreate, body, fields, "order_consumers.patch")
        return await _patch_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=payload,
            **options,
        )

    async def patch_order_consumer(
        self,
        order_consumer_ref: str,
        *,
        body: OrderConsumerCreate,
    ) -> OrderConsumer:
        """Deprecated alias of `patch` (removed in the next minor version)."""
        renamed("order_consumers.patch_order_consumer", "order_consumers.patch")
        return await _patch_order_consumer.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            body=body,
        )

    async def list_order_items(
        self,
        order_consumer_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        **options: Unpack[RequestOptions],
    ) -> LinkPage:
        """List the items a consumer consumes (`GET /v2.1/orderConsumers/{order_consumer_ref}/orderItems`)."""
        return await _list_order_consumer_order_items.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            offset=offset,
            limit=limit,
            **options,
        )

    async def list_order_consumer_order_items(
        self,
        order_consumer_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Deprecated alias of `list_order_items` (removed in the next minor version)."""
        renamed("order_consumers.list_order_consumer_order_items", "order_consumers.list_order_items")
        return await _list_order_consumer_order_items.asyncio(
            client=self._client,
            order_consumer_ref=order_consumer_ref,
            offset=offset,
            limit=limit,
        )

    async def iter_order_items(
        self,
        order_consumer_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[Link]:
        """Every item of `list_order_items`, page by page."""
        offset = 0
        while True:
            page = await _list_order_consumer_order_items.asyncio(
                client=self._client,
                order_consumer_ref=order_consumer_ref,
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

    def iter_list_order_consumer_order_items(
        self,
        order_consumer_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[Link]:
        """Deprecated alias of `iter_order_items` (removed in the next minor version)."""
        renamed("order_consumers.iter_list_order_consumer_order_items", "order_consumers.iter_order_items")
        return self.iter_order_items(
            order_consumer_ref=order_consumer_ref,
            page_size=page_size,
        )
