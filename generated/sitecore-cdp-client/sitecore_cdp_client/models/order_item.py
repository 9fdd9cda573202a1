from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import aware_isoformat, model_repr, required
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.flight_segment import FlightSegment
    from ..models.link import Link


T = TypeVar("T", bound="OrderItem")


@_attrs_define
class OrderItem:
    """A v2.1 order item.

    Attributes:
        href (str):  Example: https://api-engage-
            eu.sitecorecloud.io/v2.1/orderItems/111d106a-feff-42b2-90fb-a6ed136ec333.
        ref (str):
        created_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
            suffix. Example: 2025-12-19T12:07:18.149Z.
        modified_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
            suffix. Example: 2025-12-19T12:07:18.149Z.
        name (str | Unset):
        type_ (str | Unset):
        status (str | Unset):
        price (float | Unset):
        currency_code (str | Unset):
        description (str | Unset):
        product_id (str | Unset):
        quantity (int | Unset):
        original_price (float | Unset):
        original_currency_code (str | Unset):
        reference_id (str | Unset):
        vendor (str | Unset):
        language (str | Unset):
        channel (str | Unset):
        ordered_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
            suffix. Example: 2025-12-19T12:07:18.149Z.
        flight_segments (list[FlightSegment] | Unset):
        order (Link | Unset): A link to another resource or page.
    """

    href: str
    ref: str
    created_at: datetime.datetime | Unset = UNSET
    modified_at: datetime.datetime | Unset = UNSET
    name: str | Unset = UNSET
    type_: str | Unset = UNSET
    status: str | Unset = UNSET
    price: float | Unset = UNSET
    currency_code: str | Unset = UNSET
    description: str | Unset = UNSET
    product_id: str | Unset = UNSET
    quantity: int | Unset = UNSET
    original_price: float | Unset = UNSET
    original_currency_code: str | Unset = UNSET
    reference_id: str | Unset = UNSET
    vendor: str | Unset = UNSET
    language: str | Unset = UNSET
    channel: str | Unset = UNSET
    ordered_at: datetime.datetime | Unset = UNSET
    flight_segments: list[FlightSegment] | Unset = UNSET
    order: Link | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        href = self.href

        ref = self.ref

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = aware_isoformat(self.created_at, "createdAt")

        modified_at: str | Unset = UNSET
        if not isinstance(self.modified_at, Unset):
            modified_at = aware_isoformat(self.modified_at, "modifiedAt")

        name = self.name

        type_ = self.type_

        status = self.status

        price = self.price

        currency_code = self.currency_code

        description = self.description

        product_id = self.product_id

        quantity = self.quantity

        original_price = self.original_price

        original_currency_code = self.original_currency_code

        reference_id = self.reference_id

        vendor = self.vendor

        language = self.language

        channel = self.channel

        ordered_at: str | Unset = UNSET
        if not isinstance(self.ordered_at, Unset):
            ordered_at = aware_isoformat(self.ordered_at, "orderedAt")

        flight_segments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.flight_segments, Unset):
            flight_segments = []
            for flight_segments_item_data in self.flight_segments:
                flight_segments_item = flight_segments_item_data.to_dict()
                flight_segments.append(flight_segments_item)

        order: dict[str, Any] | Unset = UNSET
        if not isinstance(self.order, Unset):
            order = self.order.to_dict()

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
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if status is not UNSET:
            field_dict["status"] = status
        if price is not UNSET:
            field_dict["price"] = price
        if currency_code is not UNSET:
            field_dict["currencyCode"] = currency_code
        if description is not UNSET:
            field_dict["description"] = description
        if product_id is not UNSET:
            field_dict["productId"] = product_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if original_price is not UNSET:
            field_dict["originalPrice"] = original_price
        if original_currency_code is not UNSET:
            field_dict["originalCurrencyCode"] = original_currency_code
        if reference_id is not UNSET:
            field_dict["referenceId"] = reference_id
        if vendor is not UNSET:
            field_dict["vendor"] = vendor
        if language is not UNSET:
            field_dict["language"] = language
        if channel is not UNSET:
            field_dict["channel"] = channel
        if ordered_at is not UNSET:
            field_dict["orderedAt"] = ordered_at
        if flight_segments is not UNSET:
            field_dict["flightSegments"] = flight_segments
        if order is not UNSET:
            field_dict["order"] = order

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flight_segment import FlightSegment  # noqa: PLC0415
        from ..models.link import Link  # noqa: PLC0415

        d = dict(src_dict)
        href = required(d, "href", "OrderItem")

        ref = required(d, "ref", "OrderItem")

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

        name = d.pop("name", UNSET)

        type_ = d.pop("type", UNSET)

        status = d.pop("status", UNSET)

        price = d.pop("price", UNSET)

        currency_code = d.pop("currencyCode", UNSET)

        description = d.pop("description", UNSET)

        product_id = d.pop("productId", UNSET)

        quantity = d.pop("quantity", UNSET)

        original_price = d.pop("originalPrice", UNSET)

        original_currency_code = d.pop("originalCurrencyCode", UNSET)

        reference_id = d.pop("referenceId", UNSET)

        vendor = d.pop("vendor", UNSET)

        language = d.pop("language", UNSET)

        channel = d.pop("channel", UNSET)

        _ordered_at = d.pop("orderedAt", UNSET)
        ordered_at: datetime.datetime | Unset
        if isinstance(_ordered_at, Unset):
            ordered_at = UNSET
        else:
            ordered_at = datetime.datetime.fromisoformat(_ordered_at)

        _flight_segments = d.pop("flightSegments", UNSET)
        flight_segments: list[FlightSegment] | Unset = UNSET
        if _flight_segments is not UNSET:
            flight_segments = []
            for flight_segments_item_data in _flight_segments:
                flight_segments_item = FlightSegment.from_dict(flight_segments_item_data)

                flight_segments.append(flight_segments_item)

        _order = d.pop("order", UNSET)
        order: Link | Unset
        if isinstance(_order, Unset):
            order = UNSET
        else:
            order = Link.from_dict(_order)

        order_item = cls(
            href=href,
            ref=ref,
            created_at=created_at,
            modified_at=modified_at,
            name=name,
            type_=type_,
            status=status,
            price=price,
            currency_code=currency_code,
            description=description,
            product_id=product_id,
            quantity=quantity,
            original_price=original_price,
            original_currency_code=original_currency_code,
            reference_id=reference_id,
            vendor=vendor,
            language=language,
            channel=channel,
            ordered_at=ordered_at,
            flight_segments=flight_segments,
            order=order,
        )

        order_item.additional_properties = d
        return order_item

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
    "name": "OrderItem",
    "required": [
        "href",
        "ref",
    ],
    "properties": {
        "href": {"type": "string"},
        "ref": {"type": "string"},
        "createdAt": {"type": "string", "format": "date-time"},
        "modifiedAt": {"type": "string", "format": "date-time"},
        "name": {"type": "string"},
        "type": {"type": "string"},
        "status": {"type": "string"},
        "price": {"type": "number"},
        "currencyCode": {"type": "string"},
        "description": {"type": "string"},
        "productId": {"type": "string"},
        "quantity": {"type": "integer"},
        "originalPrice": {"type": "number"},
        "originalCurrencyCode": {"type": "string"},
        "referenceId": {"type": "string"},
        "vendor": {"type": "string"},
        "language": {"type": "string"},
        "channel": {"type": "string"},
        "orderedAt": {"type": "string", "format": "date-time"},
        "flightSegments": {"array": {"model": "FlightSegment"}},
        "order": {"model": "Link"},
    },
    "additional": {},
}
