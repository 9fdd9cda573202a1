"""Operations tagged order_data_extensions_v_2_1: `OrderDataExtensionsV21` (sync) and `AsyncOrderDataExtensionsV21`"""

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
from ...models.order_data_extension import OrderDataExtension
from ...models.order_data_extension_page import OrderDataExtensionPage
from ...types import UNSET, Unset
from . import create_order_data_extension as _create_order_data_extension
from . import delete_order_data_extension as _delete_order_data_extension
from . import delete_order_data_extension_fields as _delete_order_data_extension_fields
from . import list_order_data_extensions as _list_order_data_extensions
from . import patch_order_data_extension as _patch_order_data_extension
from . import retrieve_order_data_extension as _retrieve_order_data_extension
from . import update_order_data_extension as _update_order_data_extension

__all__ = ["OrderDataExtensionsV21", "AsyncOrderDataExtensionsV21"]


class OrderDataExtensionsV21:
    """order_data_extensions_v_2_1 operations (sync); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def list_order_data_extensions(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderDataExtensionPage:
        """List the data extensions of an order (`GET /v2.1/orders/{order_ref}/extensions`)."""
        return _list_order_data_extensions.sync(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    def iter_list_order_data_extensions(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[OrderDataExtension]:
        """Every item of `list_order_data_extensions`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = _list_order_data_extensions.sync(
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
                        "list_order_data_extensions: got links although expand=true was sent"
                    )
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def retrieve_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
    ) -> OrderDataExtension:
        """Retrieve an order data extension (`GET /v2.1/orders/{order_ref}/extensions/{data_extension_name}`)."""
        return _retrieve_order_data_extension.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
        )

    def update_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderDataExtension:
        """Update an order data extension (`PUT /v2.1/orders/{order_ref}/extensions/{data_extension_name}`)."""
        return _update_order_data_extension.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    def create_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderDataExtension:
        """Create an order data extension (`POST /v2.1/orders/{order_ref}/extensions/{data_extension_name}`)."""
        return _create_order_data_extension.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    def delete_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
    ) -> DeleteResult | None:
        """Delete an order data extension (`DELETE /v2.1/orders/{order_ref}/extensions/{data_extension_name}`)."""
        return _delete_order_data_extension.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
        )

    def patch_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderDataExtension:
        """Partially update an order data extension (`PATCH /v2.1/orders/{order_ref}/extensions/{data_extension_name}`)."""
        return _patch_order_data_extension.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    def delete_order_data_extension_fields(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        name: str | Unset = UNSET,
    ) -> OrderDataExtension:
        """Delete key-value pairs from an order data extension (`DELETE /v2.1/orders/{order_ref}/extensions/{data_extension_name}/fields`)."""
        return _delete_order_data_extension_fields.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            name=name,
        )


class AsyncOrderDataExtensionsV21:
    """order_data_extensions_v_2_1 operations (async); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def list_order_data_extensions(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderDataExtensionPage:
        """List the data extensions of an order (`GET /v2.1/orders/{order_ref}/extensions`)."""
        return await _list_order_data_extensions.asyncio(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    async def iter_list_order_data_extensions(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[OrderDataExtension]:
        """Every item of `list_order_data_extensions`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = await _list_order_data_extensions.asyncio(
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
                        "list_order_data_extensions: got links although expand=true was sent"
                    )
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    async def retrieve_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
    ) -> OrderDataExtension:
        """Retrieve an order data extension (`GET /v2.1/orders/{order_ref}/extensions/{data_extension_name}`)."""
        return await _retrieve_order_data_extension.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
        )

    async def update_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderDataExtension:
        """Update an order data extension (`PUT /v2.1/orders/{order_ref}/extensions/{data_extension_name}`)."""
        return await _update_order_data_extension.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    async def create_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderDataExtension:
        """Create an order data extension (`POST /v2.1/orders/{order_ref}/extensions/{data_extension_name}`)."""
        return await _create_order_data_extension.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    async def delete_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
    ) -> DeleteResult | None:
        """Delete an order data extension (`DELETE /v2.1/orders/{order_ref}/extensions/{data_extension_name}`)."""
        return await _delete_order_data_extension.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
        )

    async def patch_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderDataExtension:
        """Partially update an order data extension (`PATCH /v2.1/orders/{order_ref}/extensions/{data_extension_name}`)."""
        return await _patch_order_data_extension.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    async def delete_order_data_extension_fields(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        name: str | Unset = UNSET,
    ) -> OrderDataExtension:
        """Delete key-value pairs from an order data extension (`DELETE /v2.1/orders/{order_ref}/extensions/{data_extension_name}/fields`)."""
        return await _delete_order_data_extension_fields.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            name=name,
        )
