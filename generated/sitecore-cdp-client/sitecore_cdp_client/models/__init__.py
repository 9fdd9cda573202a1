"""Every data model of the API, each imported on first use"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .consumer_order_items import ConsumerOrderItems
    from .data_extension_name import DataExtensionName
    from .data_extension_values import DataExtensionValues
    from .delete_result import DeleteResult
    from .error import Error
    from .flight_segment import FlightSegment
    from .gender import Gender
    from .identifier import Identifier
    from .legacy_order import LegacyOrder
    from .legacy_order_consumer import LegacyOrderConsumer
    from .legacy_order_consumer_create import LegacyOrderConsumerCreate
    from .legacy_order_contact import LegacyOrderContact
    from .legacy_order_contact_create import LegacyOrderContactCreate
    from .legacy_order_create import LegacyOrderCreate
    from .legacy_order_item import LegacyOrderItem
    from .legacy_order_item_create import LegacyOrderItemCreate
    from .legacy_order_item_page import LegacyOrderItemPage
    from .legacy_order_item_status import LegacyOrderItemStatus
    from .legacy_order_item_type import LegacyOrderItemType
    from .legacy_order_status import LegacyOrderStatus
    from .legacy_retrieve_order_expand import LegacyRetrieveOrderExpand
    from .link import Link
    from .link_page import LinkPage
    from .list_orders_sort import ListOrdersSort
    from .order import Order
    from .order_channel import OrderChannel
    from .order_consumer import OrderConsumer
    from .order_consumer_create import OrderConsumerCreate
    from .order_consumer_page import OrderConsumerPage
    from .order_contact import OrderContact
    from .order_contact_create import OrderContactCreate
    from .order_contact_page import OrderContactPage
    from .order_create import OrderCreate
    from .order_data_extension import OrderDataExtension
    from .order_data_extension_page import OrderDataExtensionPage
    from .order_item import OrderItem
    from .order_item_create import OrderItemCreate
    from .order_item_data_extension import OrderItemDataExtension
    from .order_item_data_extension_page import OrderItemDataExtensionPage
    from .order_item_page import OrderItemPage
    from .order_item_patch import OrderItemPatch
    from .order_page import OrderPage
    from .order_patch import OrderPatch
    from .order_status import OrderStatus
    from .page import Page

_MODULES = {
    "ConsumerOrderItems": ".consumer_order_items",
    "DataExtensionName": ".data_extension_name",
    "DataExtensionValues": ".data_extension_values",
    "DeleteResult": ".delete_result",
    "Error": ".error",
    "FlightSegment": ".flight_segment",
    "Gender": ".gender",
    "Identifier": ".identifier",
    "LegacyOrder": ".legacy_order",
    "LegacyOrderConsumer": ".legacy_order_consumer",
    "LegacyOrderConsumerCreate": ".legacy_order_consumer_create",
    "LegacyOrderContact": ".legacy_order_contact",
    "LegacyOrderContactCreate": ".legacy_order_contact_create",
    "LegacyOrderCreate": ".legacy_order_create",
    "LegacyOrderItem": ".legacy_order_item",
    "LegacyOrderItemCreate": ".legacy_order_item_create",
    "LegacyOrderItemPage": ".legacy_order_item_page",
    "LegacyOrderItemStatus": ".legacy_order_item_status",
    "LegacyOrderItemType": ".legacy_order_item_type",
    "LegacyOrderStatus": ".legacy_order_status",
    "LegacyRetrieveOrderExpand": ".legacy_retrieve_order_expand",
    "Link": ".link",
    "LinkPage": ".link_page",
    "ListOrdersSort": ".list_orders_sort",
    "Order": ".order",
    "OrderChannel": ".order_channel",
    "OrderConsumer": ".order_consumer",
    "OrderConsumerCreate": ".order_consumer_create",
    "OrderConsumerPage": ".order_consumer_page",
    "OrderContact": ".order_contact",
    "OrderContactCreate": ".order_contact_create",
    "OrderContactPage": ".order_contact_page",
    "OrderCreate": ".order_create",
    "OrderDataExtension": ".order_data_extension",
    "OrderDataExtensionPage": ".order_data_extension_page",
    "OrderItem": ".order_item",
    "OrderItemCreate": ".order_item_create",
    "OrderItemDataExtension": ".order_item_data_extension",
    "OrderItemDataExtensionPage": ".order_item_data_extension_page",
    "OrderItemPage": ".order_item_page",
    "OrderItemPatch": ".order_item_patch",
    "OrderPage": ".order_page",
    "OrderPatch": ".order_patch",
    "OrderStatus": ".order_status",
    "Page": ".page",
}

if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(module, __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = (
    "ConsumerOrderItems",
    "DataExtensionName",
    "DataExtensionValues",
    "DeleteResult",
    "Error",
    "FlightSegment",
    "Gender",
    "Identifier",
    "LegacyOrder",
    "LegacyOrderConsumer",
    "LegacyOrderConsumerCreate",
    "LegacyOrderContact",
    "LegacyOrderContactCreate",
    "LegacyOrderCreate",
    "LegacyOrderItem",
    "LegacyOrderItemCreate",
    "LegacyOrderItemPage",
    "LegacyOrderItemStatus",
    "LegacyOrderItemType",
    "LegacyOrderStatus",
    "LegacyRetrieveOrderExpand",
    "Link",
    "LinkPage",
    "ListOrdersSort",
    "Order",
    "OrderChannel",
    "OrderConsumer",
    "OrderConsumerCreate",
    "OrderConsumerPage",
    "OrderContact",
    "OrderContactCreate",
    "OrderContactPage",
    "OrderCreate",
    "OrderDataExtension",
    "OrderDataExtensionPage",
    "OrderItem",
    "OrderItemCreate",
    "OrderItemDataExtension",
    "OrderItemDataExtensionPage",
    "OrderItemPage",
    "OrderItemPatch",
    "OrderPage",
    "OrderPatch",
    "OrderStatus",
    "Page",
)
