"""Entry points: `SitecoreCDP` (sync) and `AsyncSitecoreCDP` (async), one attribute per resource, loaded on first use"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._client import CDPClient
from .._deprecation import renamed

if TYPE_CHECKING:
    from .order_consumers_v_2_1 import AsyncOrderConsumersV21, OrderConsumersV21
    from .order_consumers_v_2_legacy import AsyncOrderConsumersV2Legacy, OrderConsumersV2Legacy
    from .order_contacts_v_2_1 import AsyncOrderContactsV21, OrderContactsV21
    from .order_contacts_v_2_legacy import AsyncOrderContactsV2Legacy, OrderContactsV2Legacy
    from .order_data_extensions_v_2_1 import AsyncOrderDataExtensionsV21, OrderDataExtensionsV21
    from .order_item_data_extensions_v_2_1 import AsyncOrderItemDataExtensionsV21, OrderItemDataExtensionsV21
    from .order_items_v_2_1 import AsyncOrderItemsV21, OrderItemsV21
    from .order_items_v_2_legacy import AsyncOrderItemsV2Legacy, OrderItemsV2Legacy
    from .orders_v_2_1 import AsyncOrdersV21, OrdersV21
    from .orders_v_2_legacy import AsyncOrdersV2Legacy, OrdersV2Legacy

__all__ = ["AsyncLegacy", "AsyncSitecoreCDP", "Legacy", "SitecoreCDP"]


class Legacy:
    """`cdp.legacy` (sync): the legacy v2 resources. Deprecated: Sitecore points to v2.1 (see the README's migration table)."""

    def __init__(self, client: CDPClient) -> None:
        self._client = client

    @cached_property
    def order_consumers(self) -> OrderConsumersV2Legacy:
        """`cdp.legacy.order_consumers`: operations tagged order_consumers_v_2_legacy."""
        from .order_consumers_v_2_legacy import OrderConsumersV2Legacy

        return OrderConsumersV2Legacy(self._client)

    @cached_property
    def order_contacts(self) -> OrderContactsV2Legacy:
        """`cdp.legacy.order_contacts`: operations tagged order_contacts_v_2_legacy."""
        from .order_contacts_v_2_legacy import OrderContactsV2Legacy

        return OrderContactsV2Legacy(self._client)

    @cached_property
    def order_items(self) -> OrderItemsV2Legacy:
        """`cdp.legacy.order_items`: operations tagged order_items_v_2_legacy."""
        from .order_items_v_2_legacy import OrderItemsV2Legacy

        return OrderItemsV2Legacy(self._client)

    @cached_property
    def orders(self) -> OrdersV2Legacy:
        """`cdp.legacy.orders`: operations tagged orders_v_2_legacy."""
        from .orders_v_2_legacy import OrdersV2Legacy

        return OrdersV2Legacy(self._client)


class SitecoreCDP(CDPClient):
    """Sitecore CDP Order REST APIs (sync). Construct like CDPClient, e.g. `SitecoreCDP.from_env()`."""

    @cached_property
    def order_consumers(self) -> OrderConsumersV21:
        """`cdp.order_consumers`: operations tagged order_consumers_v_2_1."""
        from .order_consumers_v_2_1 import OrderConsumersV21

        return OrderConsumersV21(self)

    @cached_property
    def order_contacts(self) -> OrderContactsV21:
        """`cdp.order_contacts`: operations tagged order_contacts_v_2_1."""
        from .order_contacts_v_2_1 import OrderContactsV21

        return OrderContactsV21(self)

    @cached_property
    def order_data_extensions(self) -> OrderDataExtensionsV21:
        """`cdp.order_data_extensions`: operations tagged order_data_extensions_v_2_1."""
        from .order_data_extensions_v_2_1 import OrderDataExtensionsV21

        return OrderDataExtensionsV21(self)

    @cached_property
    def order_item_data_extensions(self) -> OrderItemDataExtensionsV21:
        """`cdp.order_item_data_extensions`: operations tagged order_item_data_extensions_v_2_1."""
        from .order_item_data_extensions_v_2_1 import OrderItemDataExtensionsV21

        return OrderItemDataExtensionsV21(self)

    @cached_property
    def order_items(self) -> OrderItemsV21:
        """`cdp.order_items`: operations tagged order_items_v_2_1."""
        from .order_items_v_2_1 import OrderItemsV21

        return OrderItemsV21(self)

    @cached_property
    def orders(self) -> OrdersV21:
        """`cdp.orders`: operations tagged orders_v_2_1."""
        from .orders_v_2_1 import OrdersV21

        return OrdersV21(self)

    @cached_property
    def legacy(self) -> Legacy:
        """The legacy v2 resources (`cdp.legacy.orders`, ...); deprecated, see the README's migration table."""
        return Legacy(self)

    @property
    def legacy_order_consumers(self) -> OrderConsumersV2Legacy:
        """Deprecated alias of `legacy.order_consumers` (removed in the next minor version)."""
        renamed("cdp.legacy_order_consumers", "cdp.legacy.order_consumers")
        return self.legacy.order_consumers

    @property
    def legacy_order_contacts(self) -> OrderContactsV2Legacy:
        """Deprecated alias of `legacy.order_contacts` (removed in the next minor version)."""
        renamed("cdp.legacy_order_contacts", "cdp.legacy.order_contacts")
        return self.legacy.order_contacts

    @property
    def legacy_order_items(self) -> OrderItemsV2Legacy:
        """Deprecated alias of `legacy.order_items` (removed in the next minor version)."""
        renamed("cdp.legacy_order_items", "cdp.legacy.order_items")
        return self.legacy.order_items

    @property
    def legacy_orders(self) -> OrdersV2Legacy:
        """Deprecated alias of `legacy.orders` (removed in the next minor version)."""
        renamed("cdp.legacy_orders", "cdp.legacy.orders")
        return self.legacy.orders


class AsyncLegacy:
    """`cdp.legacy` (async): the legacy v2 resources. Deprecated: Sitecore points to v2.1 (see the README's migration table)."""

    def __init__(self, client: CDPClient) -> None:
        self._client = client

    @cached_property
    def order_consumers(self) -> AsyncOrderConsumersV2Legacy:
        """`cdp.legacy.order_consumers`: operations tagged order_consumers_v_2_legacy."""
        from .order_consumers_v_2_legacy import AsyncOrderConsumersV2Legacy

        return AsyncOrderConsumersV2Legacy(self._client)

    @cached_property
    def order_contacts(self) -> AsyncOrderContactsV2Legacy:
        """`cdp.legacy.order_contacts`: operations tagged order_contacts_v_2_legacy."""
        from .order_contacts_v_2_legacy import AsyncOrderContactsV2Legacy

        return AsyncOrderContactsV2Legacy(self._client)

    @cached_property
    def order_items(self) -> AsyncOrderItemsV2Legacy:
        """`cdp.legacy.order_items`: operations tagged order_items_v_2_legacy."""
        from .order_items_v_2_legacy import AsyncOrderItemsV2Legacy

        return AsyncOrderItemsV2Legacy(self._client)

    @cached_property
    def orders(self) -> AsyncOrdersV2Legacy:
        """`cdp.legacy.orders`: operations tagged orders_v_2_legacy."""
        from .orders_v_2_legacy import AsyncOrdersV2Legacy

        return AsyncOrdersV2Legacy(self._client)


class AsyncSitecoreCDP(CDPClient):
    """Sitecore CDP Order REST APIs (async). Construct like CDPClient, e.g. `AsyncSitecoreCDP.from_env()`."""

    @cached_property
    def order_consumers(self) -> AsyncOrderConsumersV21:
        """`cdp.order_consumers`: operations tagged order_consumers_v_2_1."""
        from .order_consumers_v_2_1 import AsyncOrderConsumersV21

        return AsyncOrderConsumersV21(self)

    @cached_property
    def order_contacts(self) -> AsyncOrderContactsV21:
        """`cdp.order_contacts`: operations tagged order_contacts_v_2_1."""
        from .order_contacts_v_2_1 import AsyncOrderContactsV21

        return AsyncOrderContactsV21(self)

    @cached_property
    def order_data_extensions(self) -> AsyncOrderDataExtensionsV21:
        """`cdp.order_data_extensions`: operations tagged order_data_extensions_v_2_1."""
        from .order_data_extensions_v_2_1 import AsyncOrderDataExtensionsV21

        return AsyncOrderDataExtensionsV21(self)

    @cached_property
    def order_item_data_extensions(self) -> AsyncOrderItemDataExtensionsV21:
        """`cdp.order_item_data_extensions`: operations tagged order_item_data_extensions_v_2_1."""
        from .order_item_data_extensions_v_2_1 import AsyncOrderItemDataExtensionsV21

        return AsyncOrderItemDataExtensionsV21(self)

    @cached_property
    def order_items(self) -> AsyncOrderItemsV21:
        """`cdp.order_items`: operations tagged order_items_v_2_1."""
        from .order_items_v_2_1 import AsyncOrderItemsV21

        return AsyncOrderItemsV21(self)

    @cached_property
    def orders(self) -> AsyncOrdersV21:
        """`cdp.orders`: operations tagged orders_v_2_1."""
        from .orders_v_2_1 import AsyncOrdersV21

        return AsyncOrdersV21(self)

    @cached_property
    def legacy(self) -> AsyncLegacy:
        """The legacy v2 resources (`cdp.legacy.orders`, ...); deprecated, see the README's migration table."""
        return AsyncLegacy(self)

    @property
    def legacy_order_consumers(self) -> AsyncOrderConsumersV2Legacy:
        """Deprecated alias of `legacy.order_consumers` (removed in the next minor version)."""
        renamed("cdp.legacy_order_consumers", "cdp.legacy.order_consumers")
        return self.legacy.order_consumers

    @property
    def legacy_order_contacts(self) -> AsyncOrderContactsV2Legacy:
        """Deprecated alias of `legacy.order_contacts` (removed in the next minor version)."""
        renamed("cdp.legacy_order_contacts", "cdp.legacy.order_contacts")
        return self.legacy.order_contacts

    @property
    def legacy_order_items(self) -> AsyncOrderItemsV2Legacy:
        """Deprecated alias of `legacy.order_items` (removed in the next minor version)."""
        renamed("cdp.legacy_order_items", "cdp.legacy.order_items")
        return self.legacy.order_items

    @property
    def legacy_orders(self) -> AsyncOrdersV2Legacy:
        """Deprecated alias of `legacy.orders` (removed in the next minor version)."""
        renamed("cdp.legacy_orders", "cdp.legacy.orders")
        return self.legacy.orders
