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


T = TypeVar("T", bound="OrderItemCreate")


@_attrs_define
class OrderItemCreate:
    """Body of a v2.1 order item create and full update (PUT). Unknown fields are allowed: the update page is cut at
    `channel`, so its field list is not whole and may name fields this schema does not.

        Attributes:
            name (str):  Example: Mobile AZ10.
            type_ (str): Free-form item type (e.g. "MOBILE", "Flight Item"). The types FLIGHT, HOTEL, MORTGAGE,
                MORTGAGE_APPLICATION, LOAN_APPLICATION, PERSONAL_LOAN and RAIL are reserved and rejected. Example: MOBILE.
            status (str): Free-form status (examples use CONFIRMED and Accepted). Example: CONFIRMED.
            price (float):  Example: 105.
            currency_code (str): Three-letter ISO 4217 currency code, upper case. Example: EUR.
            description (str | Unset):  Example: Mobile AZ10 description.
            product_id (str | Unset):  Example: 1233-44.
            quantity (int | Unset):  Example: 1.
            original_price (float | Unset):  Example: 110.
            original_currency_code (str | Unset): Three-letter ISO 4217 currency code, upper case. Example: EUR.
            reference_id (str | Unset):  Example: AAAAA-134.
            vendor (str | Unset):  Example: Vendor XYZ.
            language (str | Unset):  Example: EN.
            channel (str | Unset):  Example: WEB.
            ordered_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
                suffix. Example: 2025-12-19T12:07:18.149Z.
            flight_segments (list[FlightSegment] | Unset):
    """

    name: str
    type_: str
    status: str
    price: float
    currency_code: str
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
                "status": status,
                "price": price,
                "currencyCode": currency_code,
            }
        )
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flight_segment import FlightSegment  # noqa: PLC0415

        d = dict(src_dict)
        name = required(d, "name", "OrderItemCreate")

        type_ = required(d, "type", "OrderItemCreate")

        status = required(d, "status", "OrderItemCreate")

        price = required(d, "price", "OrderItemCreate")

        currency_code = required(d, "currencyCode", "OrderItemCreate")

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

        order_item_create = cls(
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
        )

        order_item_create.additional_properties = d
        return order_item_create

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
    "name": "OrderItemCreate",
    "required": [
        "name",
        "type",
        "status",
        "price",
        "currencyCode",
    ],
    "properties": {
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
    },
    "additional": {},
}
