"""Operations tagged order_contacts_v_2_legacy: `OrderContactsV2Legacy` (sync) and `AsyncOrderContactsV2Legacy`"""

from collections.abc import AsyncIterator, Iterator
from typing import cast

from ... import errors
from ..._pagination import DEFAULT_PAGE_SIZE, next_offset
from ...client import AuthenticatedClient
from ...models.error import Error
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
    """order_contacts_v_2_legacy operations (sync); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def legacy_list_order_contacts(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Retrieve order contact references (legacy) (`GET /v2/orders/{order_ref}/contacts`)."""
        return _legacy_list_order_contacts.sync(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
        )

    def iter_legacy_list_order_contacts(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[Link]:
        """Every item of `legacy_list_order_contacts`, page by page."""
        offset = 0
        while True:
            page = _legacy_list_order_contacts.sync(
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

    def legacy_create_order_contact(
        self,
        order_ref: str,
        *,
        body: LegacyOrderContactCreate,
    ) -> LegacyOrderContact:
        """Create an order contact (legacy) (`POST /v2/orders/{order_ref}/contacts`)."""
        return _legacy_create_order_contact.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    def legacy_retrieve_order_contact(
        self,
        order_contact_ref: str,
    ) -> LegacyOrderContact:
        """Retrieve an order contact (legacy) (`GET /v2/orderContacts/{order_contact_ref}`)."""
        return _legacy_retrieve_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )

    def legacy_update_order_contact(
        self,
        order_contact_ref: str,
        *,
        body: LegacyOrderContactCreate,
    ) -> LegacyOrderContact:
        """Update an order contact (legacy) (`POST /v2/orderContacts/{order_contact_ref}`)."""
        return _legacy_update_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=body,
        )

    def legacy_delete_order_contact(
        self,
        order_contact_ref: str,
    ) -> None:
        """Delete an order contact (legacy) (`DELETE /v2/orderContacts/{order_contact_ref}`)."""
        return _legacy_delete_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )


class AsyncOrderContactsV2Legacy:
    """order_contacts_v_2_legacy operations (async); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def legacy_list_order_contacts(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
    ) -> LinkPage:
        """Retrieve order contact references (legacy) (`GET /v2/orders/{order_ref}/contacts`)."""
        return await _legacy_list_order_contacts.asyncio(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
        )

    async def iter_legacy_list_order_contacts(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[Link]:
        """Every item of `legacy_list_order_contacts`, page by page."""
        offset = 0
        while True:
            page = await _legacy_list_order_contacts.asyncio(
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

    async def legacy_create_order_contact(
        self,
        order_ref: str,
        *,
        body: LegacyOrderContactCreate,
    ) -> LegacyOrderContact:
        """Create an order contact (legacy) (`POST /v2/orders/{order_ref}/contacts`)."""
        return await _legacy_create_order_contact.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    async def legacy_retrieve_order_contact(
        self,
        order_contact_ref: str,
    ) -> LegacyOrderContact:
        """Retrieve an order contact (legacy) (`GET /v2/orderContacts/{order_contact_ref}`)."""
        return await _legacy_retrieve_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )

    async def legacy_update_order_contact(
        self,
        order_contact_ref: str,
        *,
        body: LegacyOrderContactCreate,
    ) -> LegacyOrderContact:
        """Update an order contact (legacy) (`POST /v2/orderContacts/{order_contact_ref}`)."""
        return await _legacy_update_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=body,
        )

    async def legacy_delete_order_contact(
        self,
        order_contact_ref: str,
    ) -> None:
        """Delete an order contact (legacy) (`DELETE /v2/orderContacts/{order_contact_ref}`)."""
        return await _legacy_delete_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )
