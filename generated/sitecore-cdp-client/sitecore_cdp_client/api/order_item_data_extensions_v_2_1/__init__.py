"""Operations tagged order_item_data_extensions_v_2_1: `OrderItemDataExtensionsV21` (sync) and `AsyncOrderItemDataExtensionsV21`"""

from collections.abc import AsyncIterator, Iterator
from typing import cast

from ... import errors
from ..._pagination import DEFAULT_PAGE_SIZE, next_offset
from ...client import AuthenticatedClient
from ...models.data_extension_name import DataExtensionName
from ...models.data_extension_values import DataExtensionValues
from ...models.delete_result import DeleteResult
from ...models.error import Error
from ...models.link import Link
from ...models.order_item_data_extension import OrderItemDataExtension
from ...models.order_item_data_extension_page import OrderItemDataExtensionPage
from ...types import UNSET, Unset
from . import create_order_item_data_extension as _create_order_item_data_extension
from . import delete_order_item_data_extension as _delete_order_item_data_extension
from . import delete_order_item_data_extension_fields as _delete_order_item_data_extension_fields
from . import list_order_item_data_extensions as _list_order_item_data_extensions
from . import patch_order_item_data_extension as _patch_order_item_data_extension
from . import retrieve_order_item_data_extension as _retrieve_order_item_data_extension
from . import update_order_item_data_extension as _update_order_item_data_extension

__all__ = ["OrderItemDataExtensionsV21", "AsyncOrderItemDataExtensionsV21"]


class OrderItemDataExtensionsV21:
    """order_item_data_extensions_v_2_1 operations (sync); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def list_order_item_data_extensions(
        self,
        order_item_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderItemDataExtensionPage:
        """List the data extensions of an order item (`GET /v2.1/orderItems/{order_item_ref}/extensions`)."""
        return _list_order_item_data_extensions.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    def iter_list_order_item_data_extensions(
        self,
        order_item_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[OrderItemDataExtension]:
        """Every item of `list_order_item_data_extensions`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = _list_order_item_data_extensions.sync(
                client=self._client,
                order_item_ref=order_item_ref,
                offset=offset,
                limit=page_size,
                expand=True,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                if isinstance(item, Link):
                    raise errors.SitecoreCDPError(
                        "list_order_item_data_extensions: got links although expand=true was sent"
                    )
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def retrieve_order_item_data_extension(
        self,
        order_item_ref: str,
        data_extension_name: DataExtensionName,
    ) -> OrderItemDataExtension:
        """Retrieve an order item data extension (`GET /v2.1/orderItems/{order_item_ref}/extensions/{data_extension_name}`)."""
        return _retrieve_order_item_data_extension.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            data_extension_name=data_extension_name,
        )

    def update_order_item_data_extension(
        self,
        order_item_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderItemDataExtension:
        """Update an order item data extension (`PUT /v2.1/orderItems/{order_item_ref}/extensions/{data_extension_name}`)."""
        return _update_order_item_data_extension.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    def create_order_item_data_extension(
        self,
        order_item_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderItemDataExtension:
        """Create an order item data extension (`POST /v2.1/orderItems/{order_item_ref}/extensions/{data_extension_name}`)."""
        return _create_order_item_data_extension.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    def delete_order_item_data_extension(
        self,
        order_item_ref: str,
        data_extension_name: DataExtensionName,
    ) -> DeleteResult | None:
        """Delete an order item data extension (`DELETE /v2.1/orderItems/{order_item_ref}/extensions/{data_extension_name}`)."""
        return _delete_order_item_data_extension.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            data_extension_name=data_extension_name,
        )

    def patch_order_item_data_extension(
        self,
        order_item_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderItemDataExtension:
        """Partially update an order item data extension (`PATCH /v2.1/orderItems/{order_item_ref}/extensions/{data_extension_name}`)."""
        return _patch_order_item_data_extension.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    def delete_order_item_data_extension_fields(
        self,
        order_item_ref: str,
        data_extension_name: DataExtensionName,
        *,
        name: str | Unset = UNSET,
    ) -> OrderItemDataExtension:
        """Delete key-value pairs from an order item data extension (`DELETE /v2.1/orderItems/{order_item_ref}/extensions/{data_extension_name}/fields`)."""
        return _delete_order_item_data_extension_fields.sync(
            client=self._client,
            order_item_ref=order_item_ref,
            data_extension_name=data_extension_name,
            name=name,
        )


class AsyncOrderItemDataExtensionsV21:
    """order_item_data_extensions_v_2_1 operations (async); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def list_order_item_data_extensions(
        self,
        order_item_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderItemDataExtensionPage:
        """List the data extensions of an order item (`GET /v2.1/orderItems/{order_item_ref}/extensions`)."""
        return await _list_order_item_data_extensions.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    async def iter_list_order_item_data_extensions(
        self,
        order_item_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[OrderItemDataExtension]:
        """Every item of `list_order_item_data_extensions`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = await _list_order_item_data_extensions.asyncio(
                client=self._client,
                order_item_ref=order_item_ref,
                offset=offset,
                limit=page_size,
                expand=True,
            )
            items = [] if isinstance(page.items, Unset) else page.items
            for item in items:
                if isinstance(item, Link):
                    raise errors.SitecoreCDPError(
                        "list_order_item_data_extensions: got links although expand=true was sent"
                    )
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    async def retrieve_order_item_data_extension(
        self,
        order_item_ref: str,
        data_extension_name: DataExtensionName,
    ) -> OrderItemDataExtension:
        """Retrieve an order item data extension (`GET /v2.1/orderItems/{order_item_ref}/extensions/{data_extension_name}`)."""
        return await _retrieve_order_item_data_extension.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            data_extension_name=data_extension_name,
        )

    async def update_order_item_data_extension(
        self,
        order_item_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderItemDataExtension:
        """Update an order item data extension (`PUT /v2.1/orderItems/{order_item_ref}/extensions/{data_extension_name}`)."""
        return await _update_order_item_data_extension.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    async def create_order_item_data_extension(
        self,
        order_item_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderItemDataExtension:
        """Create an order item data extension (`POST /v2.1/orderItems/{order_item_ref}/extensions/{data_extension_name}`)."""
        return await _create_order_item_data_extension.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    async def delete_order_item_data_extension(
        self,
        order_item_ref: str,
        data_extension_name: DataExtensionName,
    ) -> DeleteResult | None:
        """Delete an order item data extension (`DELETE /v2.1/orderItems/{order_item_ref}/extensions/{data_extension_name}`)."""
        return await _delete_order_item_data_extension.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            data_extension_name=data_extension_name,
        )

    async def patch_order_item_data_extension(
        self,
        order_item_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderItemDataExtension:
        """Partially update an order item data extension (`PATCH /v2.1/orderItems/{order_item_ref}/extensions/{data_extension_name}`)."""
        return await _patch_order_item_data_extension.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    async def delete_order_item_data_extension_fields(
        self,
        order_item_ref: str,
        data_extension_name: DataExtensionName,
        *,
        name: str | Unset = UNSET,
    ) -> OrderItemDataExtension:
        """Delete key-value pairs from an order item data extension (`DELETE /v2.1/orderItems/{order_item_ref}/extensions/{data_extension_name}/fields`)."""
        return await _delete_order_item_data_extension_fields.asyncio(
            client=self._client,
            order_item_ref=order_item_ref,
            data_extension_name=data_extension_name,
            name=name,
        )
