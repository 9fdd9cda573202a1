"""Contains all the data models used in inputs/outputs"""

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
