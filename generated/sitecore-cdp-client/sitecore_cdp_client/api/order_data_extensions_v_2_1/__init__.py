"""Operations tagged order_data_extensions_v_2_1: `OrderDataExtensionsV21` (sync) and `AsyncOrderDataExtensionsV21`, reached as `cdp.order_data_extensions`"""

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
    """`cdp.order_data_extensions` (sync): order_data_extensions_v_2_1 operations; any non-success status raises errors.APIError."""

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
    ) -> ExpandedPage[OrderDataExtension]: ...

    @overload
    def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: Literal[False] | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtensionPage: ...

    @overload
    def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtensionPage | ExpandedPage[OrderDataExtension]: ...

    def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtensionPage | ExpandedPage[OrderDataExtension]:
        """List the data extensions of an order (`GET /v2.1/orders/{order_ref}/extensions`). With `expand=True` the page's items are the full resources (an `ExpandedPage[OrderDataExtension]`)."""
        page = _list_order_data_extensions.sync(
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
            raise errors.SitecoreCDPError(
                "order_data_extensions.list: got links although expand=true was sent"
            )
        return cast(ExpandedPage[OrderDataExtension], page)

    def list_order_data_extensions(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderDataExtensionPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("order_data_extensions.list_order_data_extensions", "order_data_extensions.list")
        return _list_order_data_extensions.sync(
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
    ) -> Iterator[OrderDataExtension]:
        """Every item of `list`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = _list_order_data_extensions.sync(
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
                        "order_data_extensions.iter: got links although expand=true was sent"
                    )
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def iter_list_order_data_extensions(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[OrderDataExtension]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("order_data_extensions.iter_list_order_data_extensions", "order_data_extensions.iter")
        return self.iter(
            order_ref=order_ref,
            page_size=page_size,
        )

    def retrieve(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName | str,
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtension:
        """Retrieve an order data extension (`GET /v2.1/orders/{order_ref}/extensions/{data_extension_name}`)."""
        return _retrieve_order_data_extension.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=enum_value(DataExtensionName, data_extension_name),
            **options,
        )

    def retrieve_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
    ) -> OrderDataExtension:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("order_data_extensions.retrieve_order_data_extension", "order_data_extensions.retrieve")
        return _retrieve_order_data_extension.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
        )

    def update(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName | str,
        values: DataExtensionValues | Mapping[str, bool | float | int | str],
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtension:
        """Update an order data extension (`PUT /v2.1/orders/{order_ref}/extensions/{data_extension_name}`). `values` is a mapping of the pairs (or a `DataExtensionValues`)."""
        return _update_order_data_extension.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=enum_value(DataExtensionName, data_extension_name),
            body=build_values(DataExtensionValues, values, "order_data_extensions.update"),
            **options,
        )

    def update_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderDataExtension:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("order_data_extensions.update_order_data_extension", "order_data_extensions.update")
        return _update_order_data_extension.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    def create(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName | str,
        values: DataExtensionValues | Mapping[str, bool | float | int | str],
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtension:
        """Create an order data extension (`POST /v2.1/orders/{order_ref}/extensions/{data_extension_name}`). `values` is a mapping of the pairs (or a `DataExtensionValues`)."""
        return _create_order_data_extension.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=enum_value(DataExtensionName, data_extension_name),
            body=build_values(DataExtensionValues, values, "order_data_extensions.create"),
            **options,
        )

    def create_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderDataExtension:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("order_data_extensions.create_order_data_extension", "order_data_extensions.create")
        return _create_order_data_extension.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    def delete(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName | str,
        **options: Unpack[RequestOptions],
    ) -> DeleteResult | None:
        """Delete an order data extension (`DELETE /v2.1/orders/{order_ref}/extensions/{data_extension_name}`)."""
        return _delete_order_data_extension.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=enum_value(DataExtensionName, data_extension_name),
            **options,
        )

    def delete_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
    ) -> DeleteResult | None:
        """Deprecated alias of `delete` (removed in the next minor version)."""
        renamed("order_data_extensions.delete_order_data_extension", "order_data_extensions.delete")
        return _delete_order_data_extension.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
        )

    def patch(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName | str,
        values: DataExtensionValues | Mapping[str, bool | float | int | str],
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtension:
        """Partially update an order data extension (`PATCH /v2.1/orders/{order_ref}/extensions/{data_extension_name}`). `values` is a mapping of the pairs (or a `DataExtensionValues`)."""
        return _patch_order_data_extension.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=enum_value(DataExtensionName, data_extension_name),
            body=build_values(DataExtensionValues, values, "order_data_extensions.patch"),
            **options,
        )

    def patch_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderDataExtension:
        """Deprecated alias of `patch` (removed in the next minor version)."""
        renamed("order_data_extensions.patch_order_data_extension", "order_data_extensions.patch")
        return _patch_order_data_extension.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    def delete_fields(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName | str,
        *,
        name: str | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtension:
        """Delete key-value pairs from an order data extension (`DELETE /v2.1/orders/{order_ref}/extensions/{data_extension_name}/fields`)."""
        return _delete_order_data_extension_fields.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=enum_value(DataExtensionName, data_extension_name),
            name=name,
            **options,
        )

    def delete_order_data_extension_fields(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        name: str | Unset = UNSET,
    ) -> OrderDataExtension:
        """Deprecated alias of `delete_fields` (removed in the next minor version)."""
        renamed(
            "order_data_extensions.delete_order_data_extension_fields", "order_data_extensions.delete_fields"
        )
        return _delete_order_data_extension_fields.sync(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            name=name,
        )


class AsyncOrderDataExtensionsV21:
    """`cdp.order_data_extensions` (async): order_data_extensions_v_2_1 operations; any non-success status raises errors.APIError."""

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
    ) -> ExpandedPage[OrderDataExtension]: ...

    @overload
    async def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: Literal[False] | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtensionPage: ...

    @overload
    async def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtensionPage | ExpandedPage[OrderDataExtension]: ...

    async def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtensionPage | ExpandedPage[OrderDataExtension]:
        """List the data extensions of an order (`GET /v2.1/orders/{order_ref}/extensions`). With `expand=True` the page's items are the full resources (an `ExpandedPage[OrderDataExtension]`)."""
        page = await _list_order_data_extensions.asyncio(
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
            raise errors.SitecoreCDPError(
                "order_data_extensions.list: got links although expand=true was sent"
            )
        return cast(ExpandedPage[OrderDataExtension], page)

    async def list_order_data_extensions(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderDataExtensionPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("order_data_extensions.list_order_data_extensions", "order_data_extensions.list")
        return await _list_order_data_extensions.asyncio(
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
    ) -> AsyncIterator[OrderDataExtension]:
        """Every item of `list`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = await _list_order_data_extensions.asyncio(
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
                        "order_data_extensions.iter: got links although expand=true was sent"
                    )
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def iter_list_order_data_extensions(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[OrderDataExtension]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("order_data_extensions.iter_list_order_data_extensions", "order_data_extensions.iter")
        return self.iter(
            order_ref=order_ref,
            page_size=page_size,
        )

    async def retrieve(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName | str,
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtension:
        """Retrieve an order data extension (`GET /v2.1/orders/{order_ref}/extensions/{data_extension_name}`)."""
        return await _retrieve_order_data_extension.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=enum_value(DataExtensionName, data_extension_name),
            **options,
        )

    async def retrieve_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
    ) -> OrderDataExtension:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("order_data_extensions.retrieve_order_data_extension", "order_data_extensions.retrieve")
        return await _retrieve_order_data_extension.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
        )

    async def update(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName | str,
        values: DataExtensionValues | Mapping[str, bool | float | int | str],
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtension:
        """Update an order data extension (`PUT /v2.1/orders/{order_ref}/extensions/{data_extension_name}`). `values` is a mapping of the pairs (or a `DataExtensionValues`)."""
        return await _update_order_data_extension.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=enum_value(DataExtensionName, data_extension_name),
            body=build_values(DataExtensionValues, values, "order_data_extensions.update"),
            **options,
        )

    async def update_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderDataExtension:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("order_data_extensions.update_order_data_extension", "order_data_extensions.update")
        return await _update_order_data_extension.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    async def create(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName | str,
        values: DataExtensionValues | Mapping[str, bool | float | int | str],
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtension:
        """Create an order data extension (`POST /v2.1/orders/{order_ref}/extensions/{data_extension_name}`). `values` is a mapping of the pairs (or a `DataExtensionValues`)."""
        return await _create_order_data_extension.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=enum_value(DataExtensionName, data_extension_name),
            body=build_values(DataExtensionValues, values, "order_data_extensions.create"),
            **options,
        )

    async def create_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderDataExtension:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("order_data_extensions.create_order_data_extension", "order_data_extensions.create")
        return await _create_order_data_extension.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    async def delete(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName | str,
        **options: Unpack[RequestOptions],
    ) -> DeleteResult | None:
        """Delete an order data extension (`DELETE /v2.1/orders/{order_ref}/extensions/{data_extension_name}`)."""
        return await _delete_order_data_extension.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=enum_value(DataExtensionName, data_extension_name),
            **options,
        )

    async def delete_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
    ) -> DeleteResult | None:
        """Deprecated alias of `delete` (removed in the next minor version)."""
        renamed("order_data_extensions.delete_order_data_extension", "order_data_extensions.delete")
        return await _delete_order_data_extension.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
        )

    async def patch(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName | str,
        values: DataExtensionValues | Mapping[str, bool | float | int | str],
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtension:
        """Partially update an order data extension (`PATCH /v2.1/orders/{order_ref}/extensions/{data_extension_name}`). `values` is a mapping of the pairs (or a `DataExtensionValues`)."""
        return await _patch_order_data_extension.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=enum_value(DataExtensionName, data_extension_name),
            body=build_values(DataExtensionValues, values, "order_data_extensions.patch"),
            **options,
        )

    async def patch_order_data_extension(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        body: DataExtensionValues,
    ) -> OrderDataExtension:
        """Deprecated alias of `patch` (removed in the next minor version)."""
        renamed("order_data_extensions.patch_order_data_extension", "order_data_extensions.patch")
        return await _patch_order_data_extension.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            body=body,
        )

    async def delete_fields(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName | str,
        *,
        name: str | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderDataExtension:
        """Delete key-value pairs from an order data extension (`DELETE /v2.1/orders/{order_ref}/extensions/{data_extension_name}/fields`)."""
        return await _delete_order_data_extension_fields.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=enum_value(DataExtensionName, data_extension_name),
            name=name,
            **options,
        )

    async def delete_order_data_extension_fields(
        self,
        order_ref: str,
        data_extension_name: DataExtensionName,
        *,
        name: str | Unset = UNSET,
    ) -> OrderDataExtension:
        """Deprecated alias of `delete_fields` (removed in the next minor version)."""
        renamed(
            "order_data_extensions.delete_order_data_extension_fields", "order_data_extensions.delete_fields"
        )
        return await _delete_order_data_extension_fields.asyncio(
            client=self._client,
            order_ref=order_ref,
            data_extension_name=data_extension_name,
            name=name,
        )
