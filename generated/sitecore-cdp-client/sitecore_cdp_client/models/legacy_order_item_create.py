from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import aware_isoformat, model_repr, reject_unknown, required
from ..models.legacy_order_item_status import LegacyOrderItemStatus
from ..models.legacy_order_item_type import LegacyOrderItemType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.flight_segment import FlightSegment


T = TypeVar("T", bound="LegacyOrderItemCreate")


def _to_legacy_order_item_type(value: LegacyOrderItemType | str) -> LegacyOrderItemType:
    return value if isinstance(value, LegacyOrderItemType) else LegacyOrderItemType(value)


def _to_legacy_order_item_status(value: LegacyOrderItemStatus | str) -> LegacyOrderItemStatus:
    return value if isinstance(value, LegacyOrderItemStatus) else LegacyOrderItemStatus(value)


@_attrs_define
class LegacyOrderItemCreate:
    """Body of a legacy order item create or update. Update replaces the whole item.

    Attributes:
        type_ (LegacyOrderItemType): Order item type in the legacy API. BAGGAGE, FEES, SEAT_UPGRADES and
            INFLIGHT_VOUCHERS are deprecated.
        product_id (str):  Example: DUB-LAS.
        reference_id (str):  Example: B94TXY-1.
        status (LegacyOrderItemStatus):
        price (float): Price of the item; may be negative (discounts). Example: -45.
        currency_code (str): Three-letter ISO 4217 currency code, upper case. Example: EUR.
        quantity (float | Unset):  Example: 2.
        ordered_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
            suffix. Example: 2025-12-19T12:07:18.149Z.
        original_price (float | Unset): Unit price before currency conversion. Example: 112.
        original_currency_code (str | Unset): Three-letter ISO 4217 currency code, upper case. Example: EUR.
        vendor (str | Unset):  Example: unknown.
        channel (str | Unset):  Example: WEB.
        language (str | Unset): ISO 639-1 code, upper case. Example: EN.
        name (str | Unset):  Example: Flight DUB-LAS.
        description (str | Unset):  Example: Flight DUB-LAS.
        passenger_type_code (str | Unset):  Example: ADT.
        flight_segments (list[FlightSegment] | Unset):
    """

    type_: LegacyOrderItemType = _attrs_field(converter=_to_legacy_order_item_type)
    product_id: str
    reference_id: str
    status: LegacyOrderItemStatus = _attrs_field(converter=_to_legacy_order_item_status)
    price: float
    currency_code: str
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

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        product_id = self.product_id

        reference_id = self.reference_id

        status = self.status.value

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "productId": product_id,
                "referenceId": reference_id,
                "status": status,
                "price": price,
                "currencyCode": currency_code,
            }
        )
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flight_segment import FlightSegment  # noqa: PLC0415

        d = dict(src_dict)
        type_ = LegacyOrderItemType(required(d, "type", "LegacyOrderItemCreate"))

        product_id = required(d, "productId", "LegacyOrderItemCreate")

        reference_id = required(d, "referenceId", "LegacyOrderItemCreate")

        status = LegacyOrderItemStatus(required(d, "status", "LegacyOrderItemCreate"))

        price = required(d, "price", "LegacyOrderItemCreate")

        currency_code = required(d, "currencyCode", "LegacyOrderItemCreate")

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

        reject_unknown(
            d,
            "LegacyOrderItemCreate",
            (
                "type",
                "productId",
                "referenceId",
                "status",
                "price",
                "currencyCode",
                "quantity",
                "orderedAt",
                "originalPrice",
                "originalCurrencyCode",
                "vendor",
                "channel",
                "language",
                "name",
                "description",
                "passengerTypeCode",
                "flightSegments",
            ),
        )
        legacy_order_item_create = cls(
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
        )

        return legacy_order_item_create


# What the spec says of this model, for validate_responses (_response_check).
SHAPE: dict[str, Any] = {
    "name": "LegacyOrderItemCreate",
    "required": [
        "type",
        "productId",
        "referenceId",
        "status",
        "price",
        "currencyCode",
    ],
    "properties": {
        "type": {
            "enum": [
                "FLIGHT",
                "HOTEL",
                "CAR",
                "BAG",
                "INSURANCE",
                "CAR_SEAT",
                "MEAL",
                "FEE",
                "LOUNGE_ACCESS",
                "HOTEL_WIFI",
                "HOTEL_BREAKFAST",
                "SEAT_UPGRADE",
                "TAXI",
                "PARKING",
                "SEAT",
                "UPGRADE",
                "TRANSPORT",
                "OTHER",
                "INFLIGHT_ENTERTAINMENT",
                "ACTIVITY",
                "CARBON_OFFSET",
                "PAID_SUBSCRIPTION",
                "COMFORT_PACK",
                "INFLIGHT_VOUCHER",
                "PACKAGE",
                "SMS_ITINERARY",
                "SPECIAL_ASSISTANCE",
                "CHARITY_DONATION",
                "TRANSFER",
                "BAGGAGE",
                "FEES",
                "SEAT_UPGRADES",
                "INFLIGHT_VOUCHERS",
            ]
        },
        "productId": {"type": "string"},
        "referenceId": {"type": "string"},
        "status": {
            "enum": [
                "RESERVED",
                "PENDING",
                "DECLINED",
                "CONFIRMED",
                "CANCELLED",
                "REFUNDED",
                "PURCHASED",
                "UNKNOWN",
            ]
        },
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
    },
    "additional": False,
}
