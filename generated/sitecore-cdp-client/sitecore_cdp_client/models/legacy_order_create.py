from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import aware_isoformat, model_repr, required
from ..models.legacy_order_status import LegacyOrderStatus
from ..models.order_channel import OrderChannel
from ..types import UNSET, Unset

T = TypeVar("T", bound="LegacyOrderCreate")


def _to_order_channel_or_unset(value: OrderChannel | str | Unset) -> OrderChannel | Unset:
    return value if isinstance(value, (OrderChannel, Unset)) else OrderChannel(value)


def _to_legacy_order_status_or_unset(value: LegacyOrderStatus | str | Unset) -> LegacyOrderStatus | Unset:
    return value if isinstance(value, (LegacyOrderStatus, Unset)) else LegacyOrderStatus(value)


@_attrs_define
class LegacyOrderCreate:
    """Body of a legacy order create or update. Update replaces the whole order. Unknown fields are allowed: the create
    page lists only the required fields, and the v2 order data model page (which also names contacts, consumers and
    orderItems) was not read whole.

        Attributes:
            reference_id (str): Your own order ID; for flights, often the PNR. Example: B94TXY-1.
            point_of_sale (str): Point of sale the order was made on (defined by your organization). Example: spinair.com.
            ordered_at (datetime.datetime): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z` suffix.
                Example: 2025-12-19T12:07:18.149Z.
            currency_code (str): Three-letter ISO 4217 currency code, upper case. Example: EUR.
            price (float): Amount paid for the order. Example: 30.6.
            channel (OrderChannel | Unset): Channel the order was made on.
            status (LegacyOrderStatus | Unset): Order status in the legacy API. "PARTIALY" is Sitecore's literal spelling.
            payment_type (str | Unset): Payment type, title case recommended (Card, Paypal, Voucher, ATM, Cash, Other).
                Example: Card.
            card_type (str | Unset): Card type, title case (Mastercard, Visa, Diners, American Express). Example: Visa.
    """

    reference_id: str
    point_of_sale: str
    ordered_at: datetime.datetime
    currency_code: str
    price: float
    channel: OrderChannel | Unset = _attrs_field(default=UNSET, converter=_to_order_channel_or_unset)
    status: LegacyOrderStatus | Unset = _attrs_field(
        default=UNSET, converter=_to_legacy_order_status_or_unset
    )
    payment_type: str | Unset = UNSET
    card_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        reference_id = self.reference_id

        point_of_sale = self.point_of_sale

        ordered_at = aware_isoformat(self.ordered_at, "orderedAt")

        currency_code = self.currency_code

        price = self.price

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        payment_type = self.payment_type

        card_type = self.card_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "referenceId": reference_id,
                "pointOfSale": point_of_sale,
                "orderedAt": ordered_at,
                "currencyCode": currency_code,
                "price": price,
            }
        )
        if channel is not UNSET:
            field_dict["channel"] = channel
        if status is not UNSET:
            field_dict["status"] = status
        if payment_type is not UNSET:
            field_dict["paymentType"] = payment_type
        if card_type is not UNSET:
            field_dict["cardType"] = card_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reference_id = required(d, "referenceId", "LegacyOrderCreate")

        point_of_sale = required(d, "pointOfSale", "LegacyOrderCreate")

        ordered_at = datetime.datetime.fromisoformat(required(d, "orderedAt", "LegacyOrderCreate"))

        currency_code = required(d, "currencyCode", "LegacyOrderCreate")

        price = required(d, "price", "LegacyOrderCreate")

        _channel = d.pop("channel", UNSET)
        channel: OrderChannel | Unset
        if isinstance(_channel, Unset):
            channel = UNSET
        else:
            channel = OrderChannel(_channel)

        _status = d.pop("status", UNSET)
        status: LegacyOrderStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = LegacyOrderStatus(_status)

        payment_type = d.pop("paymentType", UNSET)

        card_type = d.pop("cardType", UNSET)

        legacy_order_create = cls(
            reference_id=reference_id,
            point_of_sale=point_of_sale,
            ordered_at=ordered_at,
            currency_code=currency_code,
            price=price,
            channel=channel,
            status=status,
            payment_type=payment_type,
            card_type=card_type,
        )

        legacy_order_create.additional_properties = d
        return legacy_order_create

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
    "name": "LegacyOrderCreate",
    "required": [
        "referenceId",
        "pointOfSale",
        "orderedAt",
        "currencyCode",
        "price",
    ],
    "properties": {
        "referenceId": {"type": "string"},
        "pointOfSale": {"type": "string"},
        "orderedAt": {"type": "string", "format": "date-time"},
        "currencyCode": {"type": "string"},
        "price": {"type": "number"},
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
                "RESERVED",
                "PAYMENT_PENDING",
                "DECLINED",
                "PURCHASED",
                "PENDING",
                "CONFIRMED",
                "PARTIALY_CONFIRMED",
                "CANCELLED",
                "REFUNDED",
                "PARTIALY_REFUNDED",
                "UNKNOWN",
            ]
        },
        "paymentType": {"type": "string"},
        "cardType": {"type": "string"},
    },
    "additional": {},
}
