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


T = TypeVar("T", bound="LegacyOrderItem")


@_attrs_define
class LegacyOrderItem:
    """A legacy order item. Only `ref` is required: items embedded in guest context carry no `href`. `type` and `status`
    are plain strings here: live tenants return values outside the documented lists (e.g. PRODUCT).

        Attributes:
            ref (str):
            href (str | Unset):
            created_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
                suffix. Example: 2025-12-19T12:07:18.149Z.
            modified_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
                suffix. Example: 2025-12-19T12:07:18.149Z.
            type_ (str | Unset):  Example: FLIGHT.
            product_id (str | Unset):
            reference_id (str | Unset):
            status (str | Unset):  Example: PURCHASED.
            price (float | Unset):
            currency_code (str | Unset):
            quantity (float | Unset):
            ordered_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
                suffix. Example: 2025-12-19T12:07:18.149Z.
            original_price (float | Unset):
            original_currency_code (str | Unset):
            vendor (str | Unset):
            channel (str | Unset):
            language (str | Unset):
            name (str | Unset):
            description (str | Unset):
            passenger_type_code (str | Unset):
            flight_segments (list[FlightSegment] | Unset):
            order (Link | Unset): A link to another resource or page.
    """

    ref: str
    href: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    modified_at: datetime.datetime | Unset = UNSET
    type_: str | Unset = UNSET
    product_id: str | Unset = UNSET
    reference_id: str | Unset = UNSET
    status: str | Unset = UNSET
    price: float | Unset = UNSET
    currency_code: str | Unset = UNSET
    quantity: float | Unset = UNSET
    ordered_at: datetime.datetime | Unset = UNSET
    original_price: float | Unset = UNSET
    original_currency_code: str | Unset = UNSET
    vendor: str | Unset = UNSET
    channel: str | Unset = UNSET
    language: str | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    passenger_type_code: str | Unset = UNSET
    flight_segments: list[FlightSegment] | Unset = UNSET
    order: Link | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        href = self.href

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = aware_isoformat(self.created_at, "createdAt")

        modified_at: str | Unset = UNSET
        if not isinstance(self.modified_at, Unset):
            modified_at = aware_isoformat(self.modified_at, "modifiedAt")

        type_ = self.type_

        product_id = self.product_id

        reference_id = self.reference_id

        status = self.status

        price = self.price

        currency_code = self.currency_code

        quantity = self.quantity

        ordered_at: str | Unset = UNSET
        if not isinstance(self.ordered_at, Unset):
            ordered_at = aware_isoformat(self.ordered_at, "orderedAt")

        original_price = self.original_price

        original_currency_code = self.original_currency_code

        vendor = self.vendor

        channel = self.channel

        language = self.language

        name = self.name

        description = self.description

        passenger_type_code = self.passenger_type_code

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
                "ref": ref,
            }
        )
        if href is not UNSET:
            field_dict["href"] = href
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if modified_at is not UNSET:
            field_dict["modifiedAt"] = modified_at
        if type_ is not UNSET:
            field_dict["type"] = type_
        if product_id is not UNSET:
            field_dict["productId"] = product_id
        if reference_id is not UNSET:
            field_dict["referenceId"] = reference_id
        if status is not UNSET:
            field_dict["status"] = status
        if price is not UNSET:
            field_dict["price"] = price
        if currency_code is not UNSET:
            field_dict["currencyCode"] = currency_code
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if ordered_at is not UNSET:
            field_dict["orderedAt"] = ordered_at
        if original_price is not UNSET:
            field_dict["originalPrice"] = original_price
        if original_currency_code is not UNSET:
            field_dict["originalCurrencyCode"] = original_currency_code
        if vendor is not UNSET:
            field_dict["vendor"] = vendor
        if channel is not UNSET:
            field_dict["channel"] = channel
        if language is not UNSET:
            field_dict["language"] = language
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if passenger_type_code is not UNSET:
            field_dict["passengerTypeCode"] = passenger_type_code
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
        ref = required(d, "ref", "LegacyOrderItem")

        href = d.pop("href", UNSET)

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

        type_ = d.pop("type", UNSET)

        product_id = d.pop("productId", UNSET)

        reference_id = d.pop("referenceId", UNSET)

        status = d.pop("status", UNSET)

        price = d.pop("price", UNSET)

        currency_code = d.pop("currencyCode", UNSET)

        quantity = d.pop("quantity", UNSET)

        _ordered_at = d.pop("orderedAt", UNSET)
        ordered_at: datetime.datetime | Unset
        if isinstance(_ordered_at, Unset):
            ordered_at = UNSET
        else:
            ordered_at = datetime.datetime.fromisoformat(_ordered_at)

        original_price = d.pop("originalPrice", UNSET)

        original_currency_code = d.pop("originalCurrencyCode", UNSET)

        vendor = d.pop("vendor", UNSET)

        channel = d.pop("channel", UNSET)

        language = d.pop("language", UNSET)

        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        passenger_type_code = d.pop("passengerTypeCode", UNSET)

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

        legacy_order_item = cls(
            ref=ref,
            href=href,
            created_at=created_at,
            modified_at=modified_at,
            type_=type_,
            product_id=product_id,
            reference_id=reference_id,
            status=status,
            price=price,
            currency_code=currency_code,
            quantity=quantity,
            ordered_at=ordered_at,
            original_price=original_price,
            original_currency_code=original_currency_code,
            vendor=vendor,
            channel=channel,
            language=language,
            name=name,
            description=description,
            passenger_type_code=passenger_type_code,
            flight_segments=flight_segments,
            order=order,
        )

        legacy_order_item.additional_properties = d
        return legacy_order_item

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
    "name": "LegacyOrderItem",
    "required": [
        "ref",
    ],
    "properties": {
        "ref": {"type": "string"},
        "href": {"type": "string"},
        "createdAt": {"type": "string", "format": "date-time"},
        "modifiedAt": {"type": "string", "format": "date-time"},
        "type": {"type": "string"},
        "productId": {"type": "string"},
        "referenceId": {"type": "string"},
        "status": {"type": "string"},
        "price": {"type": "number"},
        "currencyCode": {"type": "string"},
        "quantity": {"type": "number"},
        "orderedAt": {"type": "string", "format": "date-time"},
        "originalPrice": {"type": "number"},
        "originalCurrencyCode": {"type": "string"},
        "vendor": {"type": "string"},
        "channel": {"type": "string"},
        "language": {"type": "string"},
        "name": {"type": "string"},
        "description": {"type": "string"},
        "passengerTypeCode": {"type": "string"},
        "flightSegments": {"array": {"model": "FlightSegment"}},
        "order": {"model": "Link"},
    },
    "additional": {},
}
