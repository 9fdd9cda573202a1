from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import aware_isoformat, model_repr, reject_unknown, required
from ..models.order_channel import OrderChannel
from ..models.order_status import OrderStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderCreate")


def _to_order_channel_or_unset(value: OrderChannel | str | Unset) -> OrderChannel | Unset:
    return value if isinstance(value, (OrderChannel, Unset)) else OrderChannel(value)


def _to_order_status_or_unset(value: OrderStatus | str | Unset) -> OrderStatus | Unset:
    return value if isinstance(value, (OrderStatus, Unset)) else OrderStatus(value)


@_attrs_define
class OrderCreate:
    """Body of a v2.1 order create and full update (PUT). On update, `referenceId` and `orderedAt` identify the order and
    cannot be changed: they are accepted and the stored values are kept. `createdAt` and `modifiedAt` are listed by the
    docs as request fields; the server sets them and ignores what is sent.

        Attributes:
            reference_id (str): Your own order ID; for flights, often the PNR. Example: B94TXY-1.
            ordered_at (datetime.datetime): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z` suffix.
                Example: 2025-12-19T12:07:18.149Z.
            currency_code (str): Three-letter ISO 4217 currency code, upper case. Example: EUR.
            price (float): Amount paid for the order. Example: 50.
            point_of_sale (str | Unset):  Example: home.
            channel (OrderChannel | Unset): Channel the order was made on.
            status (OrderStatus | Unset): Order status. "PARTIALY" is Sitecore's literal spelling.
            payment_type (str | Unset):  Example: Card.
            card_type (str | Unset):  Example: Visa.
            created_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
                suffix. Example: 2025-12-19T12:07:18.149Z.
            modified_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
                suffix. Example: 2025-12-19T12:07:18.149Z.
    """

    reference_id: str
    ordered_at: datetime.datetime
    currency_code: str
    price: float
    point_of_sale: str | Unset = UNSET
    channel: OrderChannel | Unset = _attrs_field(default=UNSET, converter=_to_order_channel_or_unset)
    status: OrderStatus | Unset = _attrs_field(default=UNSET, converter=_to_order_status_or_unset)
    payment_type: str | Unset = UNSET
    card_type: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    modified_at: datetime.datetime | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        reference_id = self.reference_id

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

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = aware_isoformat(self.created_at, "createdAt")

        modified_at: str | Unset = UNSET
        if not isinstance(self.modified_at, Unset):
            modified_at = aware_isoformat(self.modified_at, "modifiedAt")

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "referenceId": reference_id,
                "orderedAt": ordered_at,
                "currencyCode": currency_code,
                "price": price,
            }
        )
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
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if modified_at is not UNSET:
            field_dict["modifiedAt"] = modified_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reference_id = required(d, "referenceId", "OrderCreate")

        ordered_at = datetime.datetime.fromisoformat(required(d, "orderedAt", "OrderCreate"))

        currency_code = required(d, "currencyCode", "OrderCreate")

        price = required(d, "price", "OrderCreate")

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

        reject_unknown(
            d,
            "OrderCreate",
            (
                "referenceId",
                "orderedAt",
                "currencyCode",
                "price",
                "pointOfSale",
                "channel",
                "status",
                "paymentType",
                "cardType",
                "createdAt",
                "modifiedAt",
            ),
        )
        order_create = cls(
            reference_id=reference_id,
            ordered_at=ordered_at,
            currency_code=currency_code,
            price=price,
            point_of_sale=point_of_sale,
            channel=channel,
            status=status,
            payment_type=payment_type,
            card_type=card_type,
            created_at=created_at,
            modified_at=modified_at,
        )

        return order_create


# What the spec says of this model, for validate_responses (_response_check).
SHAPE: dict[str, Any] = {
    "name": "OrderCreate",
    "required": [
        "referenceId",
        "orderedAt",
        "currencyCode",
        "price",
    ],
    "properties": {
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
        "createdAt": {"type": "string", "format": "date-time"},
        "modifiedAt": {"type": "string", "format": "date-time"},
    },
    "additional": False,
}
