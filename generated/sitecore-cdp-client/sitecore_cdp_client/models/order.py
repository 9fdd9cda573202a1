from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import aware_isoformat, model_repr, required
from ..models.order_channel import OrderChannel
from ..models.order_status import OrderStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.link import Link
    from ..models.link_page import LinkPage
    from ..models.order_item_page import OrderItemPage


T = TypeVar("T", bound="Order")


def _to_order_channel_or_unset(value: OrderChannel | str | Unset) -> OrderChannel | Unset:
    return value if isinstance(value, (OrderChannel, Unset)) else OrderChannel(value)


def _to_order_status_or_unset(value: OrderStatus | str | Unset) -> OrderStatus | Unset:
    return value if isinstance(value, (OrderStatus, Unset)) else OrderStatus(value)


@_attrs_define
class Order:
    """A v2.1 order.

    Attributes:
        href (str):  Example: https://api-engage-eu.sitecorecloud.io/v2.1/orders/2d7de9df-45a2-45ea-872c-30e45139007d.
        ref (str):  Example: 2d7de9df-45a2-45ea-872c-30e45139007d.
        created_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
            suffix. Example: 2025-12-19T12:07:18.149Z.
        modified_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
            suffix. Example: 2025-12-19T12:07:18.149Z.
        reference_id (str | Unset):
        ordered_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
            suffix. Example: 2025-12-19T12:07:18.149Z.
        currency_code (str | Unset):
        price (float | Unset):
        point_of_sale (str | Unset):
        channel (OrderChannel | Unset): Channel the order was made on.
        status (OrderStatus | Unset): Order status. "PARTIALY" is Sitecore's literal spelling.
        payment_type (str | Unset):
        card_type (str | Unset):
        contacts (Link | Unset): A link to another resource or page.
        consumers (Link | Unset): A link to another resource or page.
        order_items (Link | LinkPage | OrderItemPage | Unset): The items of a v2.1 order, as an expanded page, a page of
            links, or a link to the collection.
    """

    href: str
    ref: str
    created_at: datetime.datetime | Unset = UNSET
    modified_at: datetime.datetime | Unset = UNSET
    reference_id: str | Unset = UNSET
    ordered_at: datetime.datetime | Unset = UNSET
    currency_code: str | Unset = UNSET
    price: float | Unset = UNSET
    point_of_sale: str | Unset = UNSET
    channel: OrderChannel | Unset = _attrs_field(default=UNSET, converter=_to_order_channel_or_unset)
    status: OrderStatus | Unset = _attrs_field(default=UNSET, converter=_to_order_status_or_unset)
    payment_type: str | Unset = UNSET
    card_type: str | Unset = UNSET
    contacts: Link | Unset = UNSET
    consumers: Link | Unset = UNSET
    order_items: Link | LinkPage | OrderItemPage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.link_page import LinkPage  # noqa: PLC0415
        from ..models.order_item_page import OrderItemPage  # noqa: PLC0415

        href = self.href

        ref = self.ref

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = aware_isoformat(self.created_at, "createdAt")

        modified_at: str | Unset = UNSET
        if not isinstance(self.modified_at, Unset):
            modified_at = aware_isoformat(self.modified_at, "modifiedAt")

        reference_id = self.reference_id

        ordered_at: str | Unset = UNSET
        if not isinstance(self.ordered_at, Unset):
            ordered_at = aware_isoformat(self.ordered_at, "orderedAt")

        currency_code = self.currency_code

        price = self.price

        point_of_sale = self.point_of_sale

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        payment_type = self.payment_type

        card_type = self.card_type

        contacts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contacts, Unset):
            contacts = self.contacts.to_dict()

        consumers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.consumers, Unset):
            consumers = self.consumers.to_dict()

        order_items: dict[str, Any] | Unset
        if isinstance(self.order_items, Unset):
            order_items = UNSET
        elif isinstance(self.order_items, OrderItemPage):
            order_items = self.order_items.to_dict()
        elif isinstance(self.order_items, LinkPage):
            order_items = self.order_items.to_dict()
        else:
            order_items = self.order_items.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "href": href,
                "ref": ref,
            }
        )
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if modified_at is not UNSET:
            field_dict["modifiedAt"] = modified_at
        if reference_id is not UNSET:
            field_dict["referenceId"] = reference_id
        if ordered_at is not UNSET:
            field_dict["orderedAt"] = ordered_at
        if currency_code is not UNSET:
            field_dict["currencyCode"] = currency_code
        if price is not UNSET:
            field_dict["price"] = price
        if point_of_sale is not UNSET:
            field_dict["pointOfSale"] = point_of_sale
        if channel is not UNSET:
            field_dict["channel"] = channel
        if status is not UNSET:
            field_dict["status"] = status
        if payment_type is not UNSET:
            field_dict["paymentType"] = payment_type
        if card_type is not UNSET:
            field_dict["cardType"] = card_type
        if contacts is not UNSET:
            field_dict["contacts"] = contacts
        if consumers is not UNSET:
            field_dict["consumers"] = consumers
        if order_items is not UNSET:
            field_dict["orderItems"] = order_items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.link import Link  # noqa: PLC0415
        from ..models.link_page import LinkPage  # noqa: PLC0415
        from ..models.order_item_page import OrderItemPage  # noqa: PLC0415

        d = dict(src_dict)
        href = required(d, "href", "Order")

        ref = required(d, "ref", "Order")

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _modified_at = d.pop("modifiedAt", UNSET)
        modified_at: datetime.datetime | Unset
        if isinstance(_modified_at, Unset):
            modified_at = UNSET
        else:
            modified_at = datetime.datetime.fromisoformat(_modified_at)

        reference_id = d.pop("referenceId", UNSET)

        _ordered_at = d.pop("orderedAt", UNSET)
        ordered_at: datetime.datetime | Unset
        if isinstance(_ordered_at, Unset):
            ordered_at = UNSET
        else:
            ordered_at = datetime.datetime.fromisoformat(_ordered_at)

        currency_code = d.pop("currencyCode", UNSET)

        price = d.pop("price", UNSET)

        point_of_sale = d.pop("pointOfSale", UNSET)

        _channel = d.pop("channel", UNSET)
        channel: OrderChannel | Unset
        if isinstance(_channel, Unset):
            channel = UNSET
        else:
            channel = OrderChannel(_channel)

        _status = d.pop("status", UNSET)
        status: OrderStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = OrderStatus(_status)

        payment_type = d.pop("paymentType", UNSET)

        card_type = d.pop("cardType", UNSET)

        _contacts = d.pop("contacts", UNSET)
        contacts: Link | Unset
        if isinstance(_contacts, Unset):
            contacts = UNSET
        else:
            contacts = Link.from_dict(_contacts)

        _consumers = d.pop("consumers", UNSET)
        consumers: Link | Unset
        if isinstance(_consumers, Unset):
            consumers = UNSET
        else:
            consumers = Link.from_dict(_consumers)

        def _parse_order_items(data: object) -> Link | LinkPage | OrderItemPage | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_order_items_type_0 = OrderItemPage.from_dict(data)

                return componentsschemas_order_items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_order_items_type_1 = LinkPage.from_dict(data)

                return componentsschemas_order_items_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_order_items_type_2 = Link.from_dict(data)

            return componentsschemas_order_items_type_2

        order_items = _parse_order_items(d.pop("orderItems", UNSET))

        order = cls(
            href=href,
            ref=ref,
            created_at=created_at,
            modified_at=modified_at,
            reference_id=reference_id,
            ordered_at=ordered_at,
            currency_code=currency_code,
            price=price,
            point_of_sale=point_of_sale,
            channel=channel,
            status=status,
            payment_type=payment_type,
            card_type=card_type,
            contacts=contacts,
            consumers=consumers,
            order_items=order_items,
        )

        order.additional_properties = d
        return order

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# What the spec says of this model, for validate_responses (_response_check).
SHAPE: dict[str, Any] = {
    "name": "Order",
    "required": [
        "href",
        "ref",
    ],
    "properties": {
        "href": {"type": "string"},
        "ref": {"type": "string"},
        "createdAt": {"type": "string", "format": "date-time"},
        "modifiedAt": {"type": "string", "format": "date-time"},
        "referenceId": {"type": "string"},
        "orderedAt": {"type": "string", "format": "date-time"},
        "currencyCode": {"type": "string"},
        "price": {"type": "number"},
        "pointOfSale": {"type": "string"},
        "channel": {
            "enum": [
                "WEB",
                "MOBILE_WEB",
                "MOBILE_APP",
                "CALL_CENTER",
                "AIRPORT_KIOSK",
                "BRANCH",
                "KIOSK",
                "OFFLINE",
                "GDS",
                "OTA",
                "OTHER",
            ]
        },
        "status": {
            "enum": [
                "BROWSED",
                "CANCELLED",
                "CONFIRMED",
                "DECLINED",
                "PARTIALY_CONFIRMED",
                "PARTIALY_REFUNDED",
                "PAYMENT_PENDING",
                "PENDING",
                "PURCHASED",
                "REFUNDED",
                "RESERVED",
                "SEARCHED",
                "UNKNOWN",
            ]
        },
        "paymentType": {"type": "string"},
        "cardType": {"type": "string"},
        "contacts": {"model": "Link"},
        "consumers": {"model": "Link"},
        "orderItems": {
            "any_of": [
                {"model": "OrderItemPage"},
                {"model": "LinkPage"},
                {"model": "Link"},
            ]
        },
    },
    "additional": {},
}
