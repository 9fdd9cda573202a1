"""Entry points: `SitecoreCDP` (sync) and `AsyncSitecoreCDP` (async), one attribute per API tag"""

from functools import cached_property

from .._client import CDPClient
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

__all__ = ["AsyncSitecoreCDP", "SitecoreCDP"]


class SitecoreCDP(CDPClient):
    """Sitecore CDP Order REST APIs (sync). Construct like CDPClient, e.g. `SitecoreCDP.from_env()`."""

    @cached_property
    def order_consumers(self) -> OrderConsumersV21:
        """Operations tagged order_consumers_v_2_1."""
        return OrderConsumersV21(self)

    @cached_property
    def legacy_order_consumers(self) -> OrderConsumersV2Legacy:
        """Operations tagged order_consumers_v_2_legacy."""
        return OrderConsumersV2Legacy(self)

    @cached_property
    def order_contacts(self) -> OrderContactsV21:
        """Operations tagged order_contacts_v_2_1."""
        return OrderContactsV21(self)

    @cached_property
    def legacy_order_contacts(self) -> OrderContactsV2Legacy:
        """Operations tagged order_contacts_v_2_legacy."""
        return OrderContactsV2Legacy(self)

    @cached_property
    def order_data_extensions(self) -> OrderDataExtensionsV21:
        """Operations tagged order_data_extensions_v_2_1."""
        return OrderDataExtensionsV21(self)

    @cached_property
    def order_item_data_extensions(self) -> OrderItemDataExtensionsV21:
        """Operations tagged order_item_data_extensions_v_2_1."""
        return OrderItemDataExtensionsV21(self)

    @cached_property
    def order_items(self) -> OrderItemsV21:
        """Operations tagged order_items_v_2_1."""
        return OrderItemsV21(self)

    @cached_property
    def legacy_order_items(self) -> OrderItemsV2Legacy:
        """Operations tagged order_items_v_2_legacy."""
        return OrderItemsV2Legacy(self)

    @cached_property
    def orders(self) -> OrdersV21:
        """Operations tagged orders_v_2_1."""
        return OrdersV21(self)

    @cached_property
    def legacy_orders(self) -> OrdersV2Legacy:
        """Operations tagged orders_v_2_legacy."""
        return OrdersV2Legacy(self)


class AsyncSitecoreCDP(CDPClient):
    """Sitecore CDP Order REST APIs (async). Construct like CDPClient, e.g. `AsyncSitecoreCDP.from_env()`."""

    @cached_property
    def order_consumers(self) -> AsyncOrderConsumersV21:
        """Operations tagged order_consumers_v_2_1."""
        return AsyncOrderConsumersV21(self)

    @cached_property
    def legacy_order_consumers(self) -> AsyncOrderConsumersV2Legacy:
        """Operations tagged order_consumers_v_2_legacy."""
        return AsyncOrderConsumersV2Legacy(self)

    @cached_property
    def order_contacts(self) -> AsyncOrderContactsV21:
        """Operations tagged order_contacts_v_2_1."""
        return AsyncOrderContactsV21(self)

    @cached_property
    def legacy_order_contacts(self) -> AsyncOrderContactsV2Legacy:
        """Operations tagged order_contacts_v_2_legacy."""
        return AsyncOrderContactsV2Legacy(self)

    @cached_property
    def order_data_extensions(self) -> AsyncOrderDataExtensionsV21:
        """Operations tagged order_data_extensions_v_2_1."""
        return AsyncOrderDataExtensionsV21(self)

    @cached_property
    def order_item_data_extensions(self) -> AsyncOrderItemDataExtensionsV21:
        """Operations tagged order_item_data_extensions_v_2_1."""
        return AsyncOrderItemDataExtensionsV21(self)

    @cached_property
    def order_items(self) -> AsyncOrderItemsV21:
        """Operations tagged order_items_v_2_1."""
        return AsyncOrderItemsV21(self)

    @cached_property
    def legacy_order_items(self) -> AsyncOrderItemsV2Legacy:
        """Operations tagged order_items_v_2_legacy."""
        return AsyncOrderItemsV2Legacy(self)

    @cached_property
    def orders(self) -> AsyncOrdersV21:
        """Operations tagged orders_v_2_1."""
        return AsyncOrdersV21(self)

    @cached_property
    def legacy_orders(self) -> AsyncOrdersV2Legacy:
        """Operations tagged orders_v_2_legacy."""
        return AsyncOrdersV2Legacy(self)
