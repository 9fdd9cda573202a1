"""Operations tagged orders_v_2_1: `OrdersV21` (sync) and `AsyncOrdersV21`, reached as `cdp.orders`"""

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
from ...models.link import Link
from ...models.list_orders_sort import ListOrdersSort
from ...models.order import Order
from ...models.order_channel import OrderChannel
from ...models.order_create import OrderCreate
from ...models.order_page import OrderPage
from ...models.order_patch import OrderPatch
from ...models.order_status import OrderStatus
from ...types import UNSET, Unset
from . import create_order as _create_order
from . import delete_order as _delete_order
from . import list_orders as _list_orders
from . import patch_order as _patch_order
from . import retrieve_order as _retrieve_order
from . import update_order as _update_order

__all__ = ["OrdersV21", "AsyncOrdersV21"]


class OrdersV21:
    """`cdp.orders` (sync): orders_v_2_1 operations; any non-success status raises errors.APIError."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    @overload
    def list(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | str | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: Literal[True],
        **options: Unpack[RequestOptions],
    ) -> ExpandedPage[Order]: ...

    @overload
    def list(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | str | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: Literal[False] | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderPage: ...

    @overload
    def list(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | str | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderPage | ExpandedPage[Order]: ...

    def list(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | str | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderPage | ExpandedPage[Order]:
        """List orders (`GET /v2.1/orders`). With `expand=True` the page's items are the full resources (an `ExpandedPage[Order]`)."""
        page = _list_orders.sync(
            client=self._client,
            reference_id=reference_id,
            guest_ref=guest_ref,
            sort=enum_or_unset(ListOrdersSort, sort),
            offset=offset,
            limit=limit,
            expand=expand,
            **options,
        )
        if expand is not True:
            return page
        items = [] if isinstance(page.items, Unset) else page.items
        if any(isinstance(item, Link) for item in items):
            raise errors.SitecoreCDPError("orders.list: got links although expand=true was sent")
        return cast(ExpandedPage[Order], page)

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
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("orders.list_orders", "orders.list")
        return _list_orders.sync(
            client=self._client,
            reference_id=reference_id,
            guest_ref=guest_ref,
            sort=sort,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    def iter(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | str | Unset = UNSET,
        page_size: int = DEFAULT_PAGE_SIZE,
        **options: Unpack[RequestOptions],
    ) -> Iterator[Order]:
        """Every item of `list`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = _list_orders.sync(
                client=self._client,
                reference_id=reference_id,
                guest_ref=guest_ref,
                sort=enum_or_unset(ListOrdersSort, sort),
                offset=offset,
                limit=page_size,
                expand=True,
                **options,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                if isinstance(item, Link):
                    raise errors.SitecoreCDPError("orders.iter: got links although expand=true was sent")
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def iter_list_orders(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | str | Unset = UNSET,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[Order]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("orders.iter_list_orders", "orders.iter")
        return self.iter(
            reference_id=reference_id,
            guest_ref=guest_ref,
            sort=sort,
            page_size=page_size,
        )

    @overload
    def create(
        self,
        *,
        reference_id: str,
        ordered_at: datetime.datetime,
        currency_code: str,
        price: float,
        point_of_sale: str | Unset = UNSET,
        channel: OrderChannel | str | Unset = UNSET,
        status: OrderStatus | str | Unset = UNSET,
        payment_type: str | Unset = UNSET,
        card_type: str | Unset = UNSET,
        created_at: datetime.datetime | Unset = UNSET,
        modified_at: datetime.datetime | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> Order: ...

    @overload
    def create(
        self,
        body: OrderCreate,
        **options: Unpack[RequestOptions],
    ) -> Order: ...

    def create(
        self,
        body: OrderCreate | None = None,
        **kwargs: Any,
    ) -> Order:
        """Create an order (`POST /v2.1/orders`). The body is a `OrderCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderCreate, body, fields, "orders.create")
        return _create_order.sync(
            client=self._client,
            body=payload,
            **options,
        )

    def create_order(
        self,
        *,
        body: OrderCreate,
    ) -> Order:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("orders.create_order", "orders.create")
        return _create_order.sync(
            client=self._client,
            body=body,
        )

    def retrieve(
        self,
        order_ref: str,
        **options: Unpack[RequestOptions],
    ) -> Order:
        """Retrieve an order (`GET /v2.1/orders/{order_ref}`)."""
        return _retrieve_order.sync(
            client=self._client,
            order_ref=order_ref,
            **options,
        )

    def retrieve_order(
        self,
        order_ref: str,
    ) -> Order:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("orders.retrieve_order", "orders.retrieve")
        return _retrieve_order.sync(
            client=self._client,
            order_ref=order_ref,
        )

    @overload
    def update(
        self,
        order_ref: str,
        /,
        *,
        reference_id: str | Unset,
        ordered_at: datetime.datetime | Unset,
        currency_code: str | Unset,
        price: float | Unset,
        point_of_sale: str | Unset = UNSET,
        channel: OrderChannel | str | Unset = UNSET,
        status: OrderStatus | str | Unset = UNSET,
        payment_type: str | Unset = UNSET,
        card_type: str | Unset = UNSET,
        created_at: datetime.datetime | Unset = UNSET,
        modified_at: datetime.datetime | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> Order: ...

    @overload
    def update(
        self,
        order_ref: str,
        /,
        body: OrderCreate,
        **options: Unpack[RequestOptions],
    ) -> Order: ...

    def update(
        self,
        order_ref: str,
        /,
        body: OrderCreate | None = None,
        **kwargs: Any,
    ) -> Order:
        """Update an order (`PUT /v2.1/orders/{order_ref}`). The body is a `OrderCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderCreate, body, fields, "orders.update")
        return _update_order.sync(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    def update_order(
        self,
        order_ref: str,
        *,
        body: OrderCreate,
    ) -> Order:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("orders.update_order", "orders.update")
        return _update_order.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    def delete(
        self,
        order_ref: str,
        **options: Unpack[RequestOptions],
    ) -> DeleteResult | None:
        """Delete an order (`DELETE /v2.1/orders/{order_ref}`)."""
        return _delete_order.sync(
            client=self._client,
            order_ref=order_ref,
            **options,
        )

    def delete_order(
        self,
        order_ref: str,
    ) -> DeleteResult | None:
        """Deprecated alias of `delete` (removed in the next minor version)."""
        renamed("orders.delete_order", "orders.delete")
        return _delete_order.sync(
            client=self._client,
            order_ref=order_ref,
        )

    @overload
    def patch(
        self,
        order_ref: str,
        /,
        *,
        reference_id: str | Unset,
        ordered_at: datetime.datetime | Unset,
        currency_code: str | Unset,
        price: float | Unset,
        point_of_sale: str | Unset = UNSET,
        channel: OrderChannel | str | Unset = UNSET,
        status: OrderStatus | str | Unset = UNSET,
        payment_type: str | Unset = UNSET,
        card_type: str | Unset = UNSET,
        created_at: datetime.datetime | Unset = UNSET,
        modified_at: datetime.datetime | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> Order: ...

    @overload
    def patch(
        self,
        order_ref: str,
        /,
        body: OrderPatch,
        **options: Unpack[RequestOptions],
    ) -> Order: ...

    def patch(
        self,
        order_ref: str,
        /,
        body: OrderPatch | None = None,
        **kwargs: Any,
    ) -> Order:
        """Partially update an order (`PATCH /v2.1/orders/{order_ref}`). The body is a `OrderPatch` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderPatch, body, fields, "orders.patch")
        return _patch_order.sync(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    def patch_order(
        self,
        order_ref: str,
        *,
        body: OrderPatch,
    ) -> Order:
        """Deprecated alias of `patch` (removed in the next minor version)."""
        renamed("orders.patch_order", "orders.patch")
        return _patch_order.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )


class AsyncOrdersV21:
    """`cdp.orders` (async): orders_v_2_1 operations; any non-success status raises errors.APIError."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    @overload
    async def list(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | str | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: Literal[True],
        **options: Unpack[RequestOptions],
    ) -> ExpandedPage[Order]: ...

    @overload
    async def list(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | str | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: Literal[False] | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderPage: ...

    @overload
    async def list(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | str | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderPage | ExpandedPage[Order]: ...

    async def list(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | str | Unset = UNSET,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderPage | ExpandedPage[Order]:
        """List orders (`GET /v2.1/orders`). With `expand=True` the page's items are the full resources (an `ExpandedPage[Order]`)."""
        page = await _list_orders.asyncio(
            client=self._client,
            reference_id=reference_id,
            guest_ref=guest_ref,
            sort=enum_or_unset(ListOrdersSort, sort),
            offset=offset,
            limit=limit,
            expand=expand,
            **options,
        )
        if expand is not True:
            return page
        items = [] if isinstance(page.items, Unset) else page.items
        if any(isinstance(item, Link) for item in items):
            raise errors.SitecoreCDPError("orders.list: got links although expand=true was sent")
        return cast(ExpandedPage[Order], page)

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
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("orders.list_orders", "orders.list")
        return await _list_orders.asyncio(
            client=self._client,
            reference_id=reference_id,
            guest_ref=guest_ref,
            sort=sort,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    async def iter(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | str | Unset = UNSET,
        page_size: int = DEFAULT_PAGE_SIZE,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[Order]:
        """Every item of `list`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = await _list_orders.asyncio(
                client=self._client,
                reference_id=reference_id,
                guest_ref=guest_ref,
                sort=enum_or_unset(ListOrdersSort, sort),
                offset=offset,
                limit=page_size,
                expand=True,
                **options,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                if isinstance(item, Link):
                    raise errors.SitecoreCDPError("orders.iter: got links although expand=true was sent")
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def iter_list_orders(
        self,
        *,
        reference_id: str | Unset = UNSET,
        guest_ref: str | Unset = UNSET,
        sort: ListOrdersSort | str | Unset = UNSET,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[Order]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("orders.iter_list_orders", "orders.iter")
        return self.iter(
            reference_id=reference_id,
            guest_ref=guest_ref,
            sort=sort,
            page_size=page_size,
        )

    @overload
    async def create(
        self,
        *,
        reference_id: str,
        ordered_at: datetime.datetime,
        currency_code: str,
        price: float,
        point_of_sale: str | Unset = UNSET,
        channel: OrderChannel | str | Unset = UNSET,
        status: OrderStatus | str | Unset = UNSET,
        payment_type: str | Unset = UNSET,
        card_type: str | Unset = UNSET,
        created_at: datetime.datetime | Unset = UNSET,
        modified_at: datetime.datetime | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> Order: ...

    @overload
    async def create(
        self,
        body: OrderCreate,
        **options: Unpack[RequestOptions],
    ) -> Order: ...

    async def create(
        self,
        body: OrderCreate | None = None,
        **kwargs: Any,
    ) -> Order:
        """Create an order (`POST /v2.1/orders`). The body is a `OrderCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderCreate, body, fields, "orders.create")
        return await _create_order.asyncio(
            client=self._client,
            body=payload,
            **options,
        )

    async def create_order(
        self,
        *,
        body: OrderCreate,
    ) -> Order:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("orders.create_order", "orders.create")
        return await _create_order.asyncio(
            client=self._client,
            body=body,
        )

    async def retrieve(
        self,
        order_ref: str,
        **options: Unpack[RequestOptions],
    ) -> Order:
        """Retrieve an order (`GET /v2.1/orders/{order_ref}`)."""
        return await _retrieve_order.asyncio(
            client=self._client,
            order_ref=order_ref,
            **options,
        )

    async def retrieve_order(
        self,
        order_ref: str,
    ) -> Order:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("orders.retrieve_order", "orders.retrieve")
        return await _retrieve_order.asyncio(
            client=self._client,
            order_ref=order_ref,
        )

    @overload
    async def update(
        self,
        order_ref: str,
        /,
        *,
        reference_id: str | Unset,
        ordered_at: datetime.datetime | Unset,
        currency_code: str | Unset,
        price: float | Unset,
        point_of_sale: str | Unset = UNSET,
        channel: OrderChannel | str | Unset = UNSET,
        status: OrderStatus | str | Unset = UNSET,
        payment_type: str | Unset = UNSET,
        card_type: str | Unset = UNSET,
        created_at: datetime.datetime | Unset = UNSET,
        modified_at: datetime.datetime | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> Order: ...

    @overload
    async def update(
        self,
        order_ref: str,
        /,
        body: OrderCreate,
        **options: Unpack[RequestOptions],
    ) -> Order: ...

    async def update(
        self,
        order_ref: str,
        /,
        body: OrderCreate | None = None,
        **kwargs: Any,
    ) -> Order:
        """Update an order (`PUT /v2.1/orders/{order_ref}`). The body is a `OrderCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderCreate, body, fields, "orders.update")
        return await _update_order.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    async def update_order(
        self,
        order_ref: str,
        *,
        body: OrderCreate,
    ) -> Order:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("orders.update_order", "orders.update")
        return await _update_order.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    async def delete(
        self,
        order_ref: str,
        **options: Unpack[RequestOptions],
    ) -> DeleteResult | None:
        """Delete an order (`DELETE /v2.1/orders/{order_ref}`)."""
        return await _delete_order.asyncio(
            client=self._client,
            order_ref=order_ref,
            **options,
        )

    async def delete_order(
        self,
        order_ref: str,
    ) -> DeleteResult | None:
        """Deprecated alias of `delete` (removed in the next minor version)."""
        renamed("orders.delete_order", "orders.delete")
        return await _delete_order.asyncio(
            client=self._client,
            order_ref=order_ref,
        )

    @overload
    async def patch(
        self,
        order_ref: str,
        /,
        *,
        reference_id: str | Unset,
        ordered_at: datetime.datetime | Unset,
        currency_code: str | Unset,
        price: float | Unset,
        point_of_sale: str | Unset = UNSET,
        channel: OrderChannel | str | Unset = UNSET,
        status: OrderStatus | str | Unset = UNSET,
        payment_type: str | Unset = UNSET,
        card_type: str | Unset = UNSET,
        created_at: datetime.datetime | Unset = UNSET,
        modified_at: datetime.datetime | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> Order: ...

    @overload
    async def patch(
        self,
        order_ref: str,
        /,
        body: OrderPatch,
        **options: Unpack[RequestOptions],
    ) -> Order: ...

    async def patch(
        self,
        order_ref: str,
        /,
        body: OrderPatch | None = None,
        **kwargs: Any,
    ) -> Order:
        """Partially update an order (`PATCH /v2.1/orders/{order_ref}`). The body is a `OrderPatch` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderPatch, body, fields, "orders.patch")
        return await _patch_order.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    async def patch_order(
        self,
        order_ref: str,
        *,
        body: OrderPatch,
    ) -> Order:
        """Deprecated alias of `patch` (removed in the next minor version)."""
        renamed("orders.patch_order", "orders.patch")
        return await _patch_order.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )
