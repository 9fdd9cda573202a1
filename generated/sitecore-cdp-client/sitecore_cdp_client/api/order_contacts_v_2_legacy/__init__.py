"""Operations tagged order_contacts_v_2_legacy: `OrderContactsV2Legacy` (sync) and `AsyncOrderContactsV2Legacy`, reached as `cdp.legacy.order_contacts`"""

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
from ...models.legacy_order_contact import LegacyOrderContact
from ...models.legacy_order_contact_create import LegacyOrderContactCreate
from ...models.link import Link
from ...models.link_page import LinkPage
from ...types import UNSET, Unset
from . import legacy_create_order_contact as _legacy_create_order_contact
from . import legacy_delete_order_contact as _legacy_delete_order_contact
from . import legacy_list_order_contacts as _legacy_list_order_contacts
from . import legacy_retrieve_order_contact as _legacy_retrieve_order_contact
from . import legacy_update_order_contact as _legacy_update_order_contact

__all__ = ["OrderContactsV2Legacy", "AsyncOrderContactsV2Legacy"]


class OrderContactsV2Legacy:
    """`cdp.legacy.order_contacts` (sync): order_contacts_v_2_legacy operations; any non-success status raises errors.APIError."""

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
        """Retrieve order contact references (legacy) (`GET /v2/orders/{order_ref}/contacts`)."""
        return _legacy_list_order_contacts.sync(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            **options,
        )

    def legacy_list_order_contacts(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("legacy_order_contacts.legacy_list_order_contacts", "legacy.order_contacts.list")
        return _legacy_list_order_contacts.sync(
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
            page = _legacy_list_order_contacts.sync(
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

    def iter_legacy_list_order_contacts(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[Link]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("legacy_order_contacts.iter_legacy_list_order_contacts", "legacy.order_contacts.iter")
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
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderContact: ...

    @overload
    def create(
        self,
        order_ref: str,
        /,
        body: LegacyOrderContactCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderContact: ...

    def create(
        self,
        order_ref: str,
        /,
        body: LegacyOrderContactCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrderContact:
        """Create an order contact (legacy) (`POST /v2/orders/{order_ref}/contacts`). The body is a `LegacyOrderContactCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderContactCreate, body, fields, "legacy.order_contacts.create")
        return _legacy_create_order_contact.sync(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    def legacy_create_order_contact(
        self,
        order_ref: str,
        *,
        body: LegacyOrderContactCreate,
    ) -> LegacyOrderContact:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("legacy_order_contacts.legacy_create_order_contact", "legacy.order_contacts.create")
        return _legacy_create_order_contact.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    def retrieve(
        self,
        order_contact_ref: str,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderContact:
        """Retrieve an order contact (legacy) (`GET /v2/orderContacts/{order_contact_ref}`)."""
        return _legacy_retrieve_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
            **options,
        )

    def legacy_retrieve_order_contact(
        self,
        order_contact_ref: str,
    ) -> LegacyOrderContact:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("legacy_order_contacts.legacy_retrieve_order_contact", "legacy.order_contacts.retrieve")
        return _legacy_retrieve_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )

    @overload
    def update(
        self,
        order_contact_ref: str,
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
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderContact: ...

    @overload
    def update(
        self,
        order_contact_ref: str,
        /,
        body: LegacyOrderContactCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderContact: ...

    def update(
        self,
        order_contact_ref: str,
        /,
        body: LegacyOrderContactCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrderContact:
        """Update an order contact (legacy) (`POST /v2/orderContacts/{order_contact_ref}`). The body is a `LegacyOrderContactCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderContactCreate, body, fields, "legacy.order_contacts.update")
        return _legacy_update_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=payload,
            **options,
        )

    def legacy_update_order_contact(
        self,
        order_contact_ref: str,
        *,
        body: LegacyOrderContactCreate,
    ) -> LegacyOrderContact:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("legacy_order_contacts.legacy_update_order_contact", "legacy.order_contacts.update")
        return _legacy_update_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=body,
        )

    def delete(
        self,
        order_contact_ref: str,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete an order contact (legacy) (`DELETE /v2/orderContacts/{order_contact_ref}`)."""
        return _legacy_delete_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
            **options,
        )

    def legacy_delete_order_contact(
        self,
        order_contact_ref: str,
    ) -> None:
        """Deprecated alias of `delete` (removed in the next minor version)."""
        renamed("legacy_order_contacts.legacy_delete_order_contact", "legacy.order_contacts.delete")
        return _legacy_delete_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )


class AsyncOrderContactsV2Legacy:
    """`cdp.legacy.order_contacts` (async): order_contacts_v_2_legacy operations; any non-success status raises errors.APIError."""

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
        """Retrieve order contact references (legacy) (`GET /v2/orders/{order_ref}/contacts`)."""
        return await _legacy_list_order_contacts.asyncio(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            **options,
        )

    async def legacy_list_order_contacts(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Deprecated alias of `list` (removed in the next minor version)."""
        renamed("legacy_order_contacts.legacy_list_order_contacts", "legacy.order_contacts.list")
        return await _legacy_list_order_contacts.asyncio(
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
            page = await _legacy_list_order_contacts.asyncio(
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

    def iter_legacy_list_order_contacts(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[Link]:
        """Deprecated alias of `iter` (removed in the next minor version)."""
        renamed("legacy_order_contacts.iter_legacy_list_order_contacts", "legacy.order_contacts.iter")
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
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderContact: ...

    @overload
    async def create(
        self,
        order_ref: str,
        /,
        body: LegacyOrderContactCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderContact: ...

    async def create(
        self,
        order_ref: str,
        /,
        body: LegacyOrderContactCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrderContact:
        """Create an order contact (legacy) (`POST /v2/orders/{order_ref}/contacts`). The body is a `LegacyOrderContactCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderContactCreate, body, fields, "legacy.order_contacts.create")
        return await _legacy_create_order_contact.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=payload,
            **options,
        )

    async def legacy_create_order_contact(
        self,
        order_ref: str,
        *,
        body: LegacyOrderContactCreate,
    ) -> LegacyOrderContact:
        """Deprecated alias of `create` (removed in the next minor version)."""
        renamed("legacy_order_contacts.legacy_create_order_contact", "legacy.order_contacts.create")
        return await _legacy_create_order_contact.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    async def retrieve(
        self,
        order_contact_ref: str,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderContact:
        """Retrieve an order contact (legacy) (`GET /v2/orderContacts/{order_contact_ref}`)."""
        return await _legacy_retrieve_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
            **options,
        )

    async def legacy_retrieve_order_contact(
        self,
        order_contact_ref: str,
    ) -> LegacyOrderContact:
        """Deprecated alias of `retrieve` (removed in the next minor version)."""
        renamed("legacy_order_contacts.legacy_retrieve_order_contact", "legacy.order_contacts.retrieve")
        return await _legacy_retrieve_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )

    @overload
    async def update(
        self,
        order_contact_ref: str,
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
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderContact: ...

    @overload
    async def update(
        self,
        order_contact_ref: str,
        /,
        body: LegacyOrderContactCreate,
        **options: Unpack[RequestOptions],
    ) -> LegacyOrderContact: ...

    async def update(
        self,
        order_contact_ref: str,
        /,
        body: LegacyOrderContactCreate | None = None,
        **kwargs: Any,
    ) -> LegacyOrderContact:
        """Update an order contact (legacy) (`POST /v2/orderContacts/{order_contact_ref}`). The body is a `LegacyOrderContactCreate` or its fields as keywords."""
        options, fields = split_options(kwargs)
        payload = build_body(LegacyOrderContactCreate, body, fields, "legacy.order_contacts.update")
        return await _legacy_update_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=payload,
            **options,
        )

    async def legacy_update_order_contact(
        self,
        order_contact_ref: str,
        *,
        body: LegacyOrderContactCreate,
    ) -> LegacyOrderContact:
        """Deprecated alias of `update` (removed in the next minor version)."""
        renamed("legacy_order_contacts.legacy_update_order_contact", "legacy.order_contacts.update")
        return await _legacy_update_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=body,
        )

    async def delete(
        self,
        order_contact_ref: str,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete an order contact (legacy) (`DELETE /v2/orderContacts/{order_contact_ref}`)."""
        return await _legacy_delete_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
            **options,
        )

    async def legacy_delete_order_contact(
        self,
        order_contact_ref: str,
    ) -> None:
        """Deprecated alias of `delete` (removed in the next minor version)."""
        renamed("legacy_order_contacts.legacy_delete_order_contact", "legacy.order_contacts.delete")
        return await _legacy_delete_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )
