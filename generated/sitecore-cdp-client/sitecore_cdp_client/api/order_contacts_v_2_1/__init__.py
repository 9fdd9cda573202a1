"""Operations tagged order_contacts_v_2_1: `OrderContactsV21` (sync) and `AsyncOrderContactsV21`, reached as `cdp.order_contacts`"""

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
from ...models.link import Link
from ...models.order_contact import OrderContact
from ...models.order_contact_create import OrderContactCreate
from ...models.order_contact_page import OrderContactPage
from ...types import UNSET, Unset
from . import create_order_contact as _create_order_contact
from . import delete_order_contact as _delete_order_contact
from . import list_order_contacts as _list_order_contacts
from . import patch_order_contact as _patch_order_contact
from . import retrieve_order_contact as _retrieve_order_contact
from . import update_order_contact as _update_order_contact

__all__ = ["OrderContactsV21", "AsyncOrderContactsV21"]


class OrderContactsV21:
    """`cdp.order_contacts` (sync): order_contacts_v_2_1 operations; any non-success status raises errors.APIError."""

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
    ) -> ExpandedPage[OrderContact]: ...

    @overload
    def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: Literal[False] | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderContactPage: ...

    @overload
    def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderContactPage | ExpandedPage[OrderContact]: ...

    def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderContactPage | ExpandedPage[OrderContact]:
        """List the contacts of an order (`GET /v2.1/orders/{order_ref}/contacts`). With `expand=True` the page's items are the full resources (an `ExpandedPage[OrderContact]`)."""
        page = _list_order_contacts.sync(
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
            raise errors.SitecoreCDPError("order_contacts.list: got links although expand=true was sent")
        return cast(ExpandedPage[OrderContact], page)

    def list_order_contacts(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderContactPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("order_contacts.list_order_contacts", "order_contacts.list")
        return _list_order_contacts.sync(
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
    ) -> Iterator[OrderContact]:
        """Every item of `list`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = _list_order_contacts.sync(
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
                        "order_contacts.iter: got links although expand=true was sent"
                    )
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def iter_list_order_contacts(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[OrderContact]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("order_contacts.iter_list_order_contacts", "order_contacts.iter")
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
        street: builtins.list[str] | Unset = UNSET,
        city: str | Unset = UNSET,
        state: str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderContact: ...

    @overload
    def create(
        self,
        order_ref: str,
        /,
        body: OrderContactCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderContact: ...

    def create(
        self,
        order_ref: str,
        /,
        body: OrderContactCreate | None = None,
        **kwargs: Any,
    ) -> OrderContact:
        """Create an order contact (`POST /v2.1/orders/{order_ref}/contacts`). The body is a `OrderContactCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderContactCreate, body, fields, "order_contacts.create")
        return _create_order_contact.sync(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    def create_order_contact(
        self,
        order_ref: str,
        *,
        body: OrderContactCreate,
    ) -> OrderContact:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("order_contacts.create_order_contact", "order_contacts.create")
        return _create_order_contact.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    def retrieve(
        self,
        order_contact_ref: str,
        **options: Unpack[RequestOptions],
    ) -> OrderContact:
        """Retrieve an order contact (`GET /v2.1/orderContacts/{order_contact_ref}`)."""
        return _retrieve_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
            **options,
        )

    def retrieve_order_contact(
        self,
        order_contact_ref: str,
    ) -> OrderContact:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("order_contacts.retrieve_order_contact", "order_contacts.retrieve")
        return _retrieve_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )

    @overload
    def update(
        self,
        order_contact_ref: str,
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
        street: builtins.list[str] | Unset = UNSET,
        city: str | Unset = UNSET,
        state: str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderContact: ...

    @overload
    def update(
        self,
        order_contact_ref: str,
        /,
        body: OrderContactCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderContact: ...

    def update(
        self,
        order_contact_ref: str,
        /,
        body: OrderContactCreate | None = None,
        **kwargs: Any,
    ) -> OrderContact:
        """Update an order contact (`PUT /v2.1/orderContacts/{order_contact_ref}`). The body is a `OrderContactCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderContactCreate, body, fields, "order_contacts.update")
        return _update_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=payload,
            **options,
        )

    def update_order_contact(
        self,
        order_contact_ref: str,
        *,
        body: OrderContactCreate,
    ) -> OrderContact:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("order_contacts.update_order_contact", "order_contacts.update")
        return _update_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=body,
        )

    def delete(
        self,
        order_contact_ref: str,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete an order contact (`DELETE /v2.1/orderContacts/{order_contact_ref}`)."""
        return _delete_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
            **options,
        )

    def delete_order_contact(
        self,
        order_contact_ref: str,
    ) -> None:
        """Deprecated alias of `delete` (removed in the next minor version)."""
        renamed("order_contacts.delete_order_contact", "order_contacts.delete")
        return _delete_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )

    @overload
    def patch(
        self,
        order_contact_ref: str,
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
        street: builtins.list[str] | Unset = UNSET,
        city: str | Unset = UNSET,
        state: str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderContact: ...

    @overload
    def patch(
        self,
        order_contact_ref: str,
        /,
        body: OrderContactCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderContact: ...

    def patch(
        self,
        order_contact_ref: str,
        /,
        body: OrderContactCreate | None = None,
        **kwargs: Any,
    ) -> OrderContact:
        """Partially update an order contact (`PATCH /v2.1/orderContacts/{order_contact_ref}`). The body is a `OrderContactCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderContactCreate, body, fields, "order_contacts.patch")
        return _patch_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=payload,
            **options,
        )

    def patch_order_contact(
        self,
        order_contact_ref: str,
        *,
        body: OrderContactCreate,
    ) -> OrderContact:
        """Deprecated alias of `patch` (removed in the next minor version)."""
        renamed("order_contacts.patch_order_contact", "order_contacts.patch")
        return _patch_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=body,
        )


class AsyncOrderContactsV21:
    """`cdp.order_contacts` (async): order_contacts_v_2_1 operations; any non-success status raises errors.APIError."""

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
    ) -> ExpandedPage[OrderContact]: ...

    @overload
    async def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: Literal[False] | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderContactPage: ...

    @overload
    async def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderContactPage | ExpandedPage[OrderContact]: ...

    async def list(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
        **options: Unpack[RequestOptions],
    ) -> OrderContactPage | ExpandedPage[OrderContact]:
        """List the contacts of an order (`GET /v2.1/orders/{order_ref}/contacts`). With `expand=True` the page's items are the full resources (an `ExpandedPage[OrderContact]`)."""
        page = await _list_order_contacts.asyncio(
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
            raise errors.SitecoreCDPError("order_contacts.list: got links although expand=true was sent")
        return cast(ExpandedPage[OrderContact], page)

    async def list_order_contacts(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderContactPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("order_contacts.list_order_contacts", "order_contacts.list")
        return await _list_order_contacts.asyncio(
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
    ) -> AsyncIterator[OrderContact]:
        """Every item of `list`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = await _list_order_contacts.asyncio(
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
                        "order_contacts.iter: got links although expand=true was sent"
                    )
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def iter_list_order_contacts(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[OrderContact]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("order_contacts.iter_list_order_contacts", "order_contacts.iter")
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
        street: builtins.list[str] | Unset = UNSET,
        city: str | Unset = UNSET,
        state: str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderContact: ...

    @overload
    async def create(
        self,
        order_ref: str,
        /,
        body: OrderContactCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderContact: ...

    async def create(
        self,
        order_ref: str,
        /,
        body: OrderContactCreate | None = None,
        **kwargs: Any,
    ) -> OrderContact:
        """Create an order contact (`POST /v2.1/orders/{order_ref}/contacts`). The body is a `OrderContactCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderContactCreate, body, fields, "order_contacts.create")
        return await _create_order_contact.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    async def create_order_contact(
        self,
        order_ref: str,
        *,
        body: OrderContactCreate,
    ) -> OrderContact:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("order_contacts.create_order_contact", "order_contacts.create")
        return await _create_order_contact.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    async def retrieve(
        self,
        order_contact_ref: str,
        **options: Unpack[RequestOptions],
    ) -> OrderContact:
        """Retrieve an order contact (`GET /v2.1/orderContacts/{order_contact_ref}`)."""
        return await _retrieve_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
            **options,
        )

    async def retrieve_order_contact(
        self,
        order_contact_ref: str,
    ) -> OrderContact:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("order_contacts.retrieve_order_contact", "order_contacts.retrieve")
        return await _retrieve_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )

    @overload
    async def update(
        self,
        order_contact_ref: str,
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
        street: builtins.list[str] | Unset = UNSET,
        city: str | Unset = UNSET,
        state: str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderContact: ...

    @overload
    async def update(
        self,
        order_contact_ref: str,
        /,
        body: OrderContactCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderContact: ...

    async def update(
        self,
        order_contact_ref: str,
        /,
        body: OrderContactCreate | None = None,
        **kwargs: Any,
    ) -> OrderContact:
        """Update an order contact (`PUT /v2.1/orderContacts/{order_contact_ref}`). The body is a `OrderContactCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderContactCreate, body, fields, "order_contacts.update")
        return await _update_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=payload,
            **options,
        )

    async def update_order_contact(
        self,
        order_contact_ref: str,
        *,
        body: OrderContactCreate,
    ) -> OrderContact:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("order_contacts.update_order_contact", "order_contacts.update")
        return await _update_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=body,
        )

    async def delete(
        self,
        order_contact_ref: str,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete an order contact (`DELETE /v2.1/orderContacts/{order_contact_ref}`)."""
        return await _delete_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
            **options,
        )

    async def delete_order_contact(
        self,
        order_contact_ref: str,
    ) -> None:
        """Deprecated alias of `delete` (removed in the next minor version)."""
        renamed("order_contacts.delete_order_contact", "order_contacts.delete")
        return await _delete_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )

    @overload
    async def patch(
        self,
        order_contact_ref: str,
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
        street: builtins.list[str] | Unset = UNSET,
        city: str | Unset = UNSET,
        state: str | Unset = UNSET,
        identifiers: builtins.list[Identifier] | Unset = UNSET,
        **options: Unpack[RequestOptions],
    ) -> OrderContact: ...

    @overload
    async def patch(
        self,
        order_contact_ref: str,
        /,
        body: OrderContactCreate,
        **options: Unpack[RequestOptions],
    ) -> OrderContact: ...

    async def patch(
        self,
        order_contact_ref: str,
        /,
        body: OrderContactCreate | None = None,
        **kwargs: Any,
    ) -> OrderContact:
        """Partially update an order contact (`PATCH /v2.1/orderContacts/{order_contact_ref}`). The body is a `OrderContactCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(OrderContactCreate, body, fields, "order_contacts.patch")
        return await _patch_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=payload,
            **options,
        )

    async def patch_order_contact(
        self,
        order_contact_ref: str,
        *,
        body: OrderContactCreate,
    ) -> OrderContact:
        """Deprecated alias of `patch` (removed in the next minor version)."""
        renamed("order_contacts.patch_order_contact", "order_contacts.patch")
        return await _patch_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=body,
        )
