"""Operations tagged order_contacts_v_2_1: `OrderContactsV21` (sync) and `AsyncOrderContactsV21`"""

from collections.abc import AsyncIterator, Iterator
from typing import cast

from ... import errors
from ..._pagination import DEFAULT_PAGE_SIZE, next_offset
from ...client import AuthenticatedClient
from ...models.error import Error
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
    """order_contacts_v_2_1 operations (sync); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def list_order_contacts(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderContactPage:
        """List the contacts of an order (`GET /v2.1/orders/{order_ref}/contacts`)."""
        return _list_order_contacts.sync(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    def iter_list_order_contacts(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Iterator[OrderContact]:
        """Every item of `list_order_contacts`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = _list_order_contacts.sync(
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
                        "list_order_contacts: got links although expand=true was sent"
                    )
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    def create_order_contact(
        self,
        order_ref: str,
        *,
        body: OrderContactCreate,
    ) -> OrderContact:
        """Create an order contact (`POST /v2.1/orders/{order_ref}/contacts`)."""
        return _create_order_contact.sync(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    def retrieve_order_contact(
        self,
        order_contact_ref: str,
    ) -> OrderContact:
        """Retrieve an order contact (`GET /v2.1/orderContacts/{order_contact_ref}`)."""
        return _retrieve_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )

    def update_order_contact(
        self,
        order_contact_ref: str,
        *,
        body: OrderContactCreate,
    ) -> OrderContact:
        """Update an order contact (`PUT /v2.1/orderContacts/{order_contact_ref}`)."""
        return _update_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=body,
        )

    def delete_order_contact(
        self,
        order_contact_ref: str,
    ) -> None:
        """Delete an order contact (`DELETE /v2.1/orderContacts/{order_contact_ref}`)."""
        return _delete_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )

    def patch_order_contact(
        self,
        order_contact_ref: str,
        *,
        body: OrderContactCreate,
    ) -> OrderContact:
        """Partially update an order contact (`PATCH /v2.1/orderContacts/{order_contact_ref}`)."""
        return _patch_order_contact.sync(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=body,
        )


class AsyncOrderContactsV21:
    """order_contacts_v_2_1 operations (async); raise errors.APIError on any non-success status."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def list_order_contacts(
        self,
        order_ref: str,
        *,
        offset: int | Unset = 0,
        limit: int | Unset = 10,
        expand: bool | Unset = False,
    ) -> OrderContactPage:
        """List the contacts of an order (`GET /v2.1/orders/{order_ref}/contacts`)."""
        return await _list_order_contacts.asyncio(
            client=self._client,
            order_ref=order_ref,
            offset=offset,
            limit=limit,
            expand=expand,
        )

    async def iter_list_order_contacts(
        self,
        order_ref: str,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[OrderContact]:
        """Every item of `list_order_contacts`, page by page with expand=true (no per-item requests)."""
        offset = 0
        while True:
            page = await _list_order_contacts.asyncio(
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
                        "list_order_contacts: got links although expand=true was sent"
                    )
                yield item
            following = next_offset(page, offset=offset, requested=page_size, received=len(items))
            if following is None:
                return
            offset = following

    async def create_order_contact(
        self,
        order_ref: str,
        *,
        body: OrderContactCreate,
    ) -> OrderContact:
        """Create an order contact (`POST /v2.1/orders/{order_ref}/contacts`)."""
        return await _create_order_contact.asyncio(
            client=self._client,
            order_ref=order_ref,
            body=body,
        )

    async def retrieve_order_contact(
        self,
        order_contact_ref: str,
    ) -> OrderContact:
        """Retrieve an order contact (`GET /v2.1/orderContacts/{order_contact_ref}`)."""
        return await _retrieve_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )

    async def update_order_contact(
        self,
        order_contact_ref: str,
        *,
        body: OrderContactCreate,
    ) -> OrderContact:
        """Update an order contact (`PUT /v2.1/orderContacts/{order_contact_ref}`)."""
        return await _update_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=body,
        )

    async def delete_order_contact(
        self,
        order_contact_ref: str,
    ) -> None:
        """Delete an order contact (`DELETE /v2.1/orderContacts/{order_contact_ref}`)."""
        return await _delete_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
        )

    async def patch_order_contact(
        self,
        order_contact_ref: str,
        *,
        body: OrderContactCreate,
    ) -> OrderContact:
        """Partially update an order contact (`PATCH /v2.1/orderContacts/{order_contact_ref}`)."""
        return await _patch_order_contact.asyncio(
            client=self._client,
            order_contact_ref=order_contact_ref,
            body=body,
        )
