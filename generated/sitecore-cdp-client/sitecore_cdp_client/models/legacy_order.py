from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import aware_isoformat, model_repr, required
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.legacy_order_item import LegacyOrderItem
    from ..models.legacy_order_item_page import LegacyOrderItemPage
    from ..models.link import Link
    from ..models.link_page import LinkPage


T = TypeVar("T", bound="LegacyOrder")


@_attrs_define
class LegacyOrder:
    """A legacy order. Also describes the orders embedded in guest-context responses, which carry no `href` and a plain
    array of items; so only `ref` is required. Enumerated fields are plain strings here (tolerant reading): live tenants
    return values outside the documented lists.

        Attributes:
            ref (str):  Example: 15d0417e-75a8-4340-9052-51b9ca36aab0.
            href (str | Unset):  Example: https://api-engage-
                eu.sitecorecloud.io/v2/orders/15d0417e-75a8-4340-9052-51b9ca36aab0.
            created_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
                suffix. Example: 2025-12-19T12:07:18.149Z.
            modified_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
                suffix. Example: 2025-12-19T12:07:18.149Z.
            reference_id (str | Unset):
            point_of_sale (str | Unset):
            channel (str | Unset):  Example: WEB.
            status (str | Unset):  Example: PURCHASED.
            ordered_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
                suffix. Example: 2025-12-19T12:07:18.149Z.
            currency_code (str | Unset):
            price (float | Unset):
            payment_type (str | Unset):
            card_type (str | Unset):
            contacts (Link | LinkPage | Unset): A related collection, either as a link to it or as an inline page.
            consumers (Link | LinkPage | Unset): A related collection, either as a link to it or as an inline page.
            order_items (LegacyOrderItemPage | Link | LinkPage | list[LegacyOrderItem] | Unset): The items of a legacy
                order, in each shape the API returns: an expanded page of items (`expand=orderItems`), a page of links, a link
                to the collection, or (embedded in guest context) a plain array of items.
    """

    ref: str
    href: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    modified_at: datetime.datetime | Unset = UNSET
    reference_id: str | Unset = UNSET
    point_of_sale: str | Unset = UNSET
    channel: str | Unset = UNSET
    status: str | Unset = UNSET
    ordered_at: datetime.datetime | Unset = UNSET
    currency_code: str | Unset = UNSET
    price: float | Unset = UNSET
    payment_type: str | Unset = UNSET
    card_type: str | Unset = UNSET
    contacts: Link | LinkPage | Unset = UNSET
    consumers: Link | LinkPage | Unset = UNSET
    order_items: LegacyOrderItemPage | Link | LinkPage | list[LegacyOrderItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.legacy_order_item_page import LegacyOrderItemPage  # noqa: PLC0415
        from ..models.link import Link  # noqa: PLC0415
        from ..models.link_page import LinkPage  # noqa: PLC0415

        ref = self.ref

        href = self.href

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = aware_isoformat(self.created_at, "createdAt")

        modified_at: str | Unset = UNSET
        if not isinstance(self.modified_at, Unset):
            modified_at = aware_isoformat(self.modified_at, "modifiedAt")

        reference_id = self.reference_id

        point_of_sale = self.point_of_sale

        channel = self.channel

        status = self.status

        ordered_at: str | Unset = UNSET
        if not isinstance(self.ordered_at, Unset):
            ordered_at = aware_isoformat(self.ordered_at, "orderedAt")

        currency_code = self.currency_code

        price = self.price

        payment_type = self.payment_type

        card_type = self.card_type

        contacts: dict[str, Any] | Unset
        if isinstance(self.contacts, Unset):
            contacts = UNSET
        elif isinstance(self.contacts, LinkPage):
            contacts = self.contacts.to_dict()
        else:
            contacts = self.contacts.to_dict()

        consumers: dict[str, Any] | Unset
        if isinstance(self.consumers, Unset):
            consumers = UNSET
        elif isinstance(self.consumers, LinkPage):
            consumers = self.consumers.to_dict()
        else:
            consumers = self.consumers.to_dict()

        order_items: dict[str, Any] | list[dict[str, Any]] | Unset
        if isinstance(self.order_items, Unset):
            order_items = UNSET
        elif isinstance(self.order_items, LegacyOrderItemPage):
            order_items = self.order_items.to_dict()
        elif isinstance(self.order_items, LinkPage):
            order_items = self.order_items.to_dict()
        elif isinstance(self.order_items, Link):
            order_items = self.order_items.to_dict()
        else:
            order_items = []
            for componentsschemas_legacy_order_items_type_3_item_data in self.order_items:
                componentsschemas_legacy_order_items_type_3_item = (
                    componentsschemas_legacy_order_items_type_3_item_data.to_dict()
                )
                order_items.append(componentsschemas_legacy_order_items_type_3_item)

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
        if reference_id is not UNSET:
            field_dict["referenceId"] = reference_id
        if point_of_sale is not UNSET:
            field_dict["pointOfSale"] = point_of_sale
        if channel is not UNSET:
            field_dict["channel"] = channel
        if status is not UNSET:
            field_dict["status"] = status
        if ordered_at is not UNSET:
            field_dict["orderedAt"] = ordered_at
        if currency_code is not UNSET:
            field_dict["currencyCode"] = currency_code
        if price is not UNSET:
            field_dict["price"] = price
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
        from ..models.legacy_order_item import LegacyOrderItem  # noqa: PLC0415
        from ..models.legacy_order_item_page import LegacyOrderItemPage  # noqa: PLC0415
        from ..models.link import Link  # noqa: PLC0415
        from ..models.link_page import LinkPage  # noqa: PLC0415

        d = dict(src_dict)
        ref = required(d, "ref", "LegacyOrder")

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

        reference_id = d.pop("referenceId", UNSET)

        point_of_sale = d.pop("pointOfSale", UNSET)

        channel = d.pop("channel", UNSET)

        status = d.pop("status", UNSET)

        _ordered_at = d.pop("orderedAt", UNSET)
        ordered_at: datetime.datetime | Unset
        if isinstance(_ordered_at, Unset):
            ordered_at = UNSET
        else:
            ordered_at = datetime.datetime.fromisoformat(_ordered_at)

        currency_code = d.pop("currencyCode", UNSET)

        price = d.pop("price", UNSET)

        payment_type = d.pop("paymentType", UNSET)

        card_type = d.pop("cardType", UNSET)

        def _parse_contacts(data: object) -> Link | LinkPage | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_link_or_page_type_0 = LinkPage.from_dict(data)

                return componentsschemas_link_or_page_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_link_or_page_type_1 = Link.from_dict(data)

            return componentsschemas_link_or_page_type_1

        contacts = _parse_contacts(d.pop("contacts", UNSET))

        def _parse_consumers(data: object) -> Link | LinkPage | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_link_or_page_type_0 = LinkPage.from_dict(data)

                return componentsschemas_link_or_page_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_link_or_page_type_1 = Link.from_dict(data)

            return componentsschemas_link_or_page_type_1

        consumers = _parse_consumers(d.pop("consumers", UNSET))

        def _parse_order_items(
            data: object,
        ) -> LegacyOrderItemPage | Link | LinkPage | list[LegacyOrderItem] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_legacy_order_items_type_0 = LegacyOrderItemPage.from_dict(data)

                return componentsschemas_legacy_order_items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_legacy_order_items_type_1 = LinkPage.from_dict(data)

                return componentsschemas_legacy_order_items_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_legacy_order_items_type_2 = Link.from_dict(data)

                return componentsschemas_legacy_order_items_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            componentsschemas_legacy_order_items_type_3 = []
            _componentsschemas_legacy_order_items_type_3 = data
            for (
                componentsschemas_legacy_order_items_type_3_item_data
            ) in _componentsschemas_legacy_order_items_type_3:
                componentsschemas_legacy_order_items_type_3_item = LegacyOrderItem.from_dict(
                    componentsschemas_legacy_order_items_type_3_item_data
                )

                componentsschemas_legacy_order_items_type_3.append(
                    componentsschemas_legacy_order_items_type_3_item
                )

            return componentsschemas_legacy_order_items_type_3

        order_items = _parse_order_items(d.pop("orderItems", UNSET))

        legacy_order = cls(
            ref=ref,
            href=href,
            created_at=created_at,
            modified_at=modified_at,
            reference_id=reference_id,
            point_of_sale=point_of_sale,
            channel=channel,
            status=status,
            ordered_at=ordered_at,
            currency_code=currency_code,
            price=price,
            payment_type=payment_type,
            card_type=card_type,
            contacts=contacts,
            consumers=consumers,
            order_items=order_items,
        )

        legacy_order.additional_properties = d
        return legacy_order

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
    "name": "LegacyOrder",
    "required": [
        "ref",
    ],
    "properties": {
        "ref": {"type": "string"},
        "href": {"type": "string"},
        "createdAt": {"type": "string", "format": "date-time"},
        "modifiedAt": {"type": "string", "format": "date-time"},
        "referenceId": {"type": "string"},
        "pointOfSale": {"type": "string"},
        "channel": {"type": "string"},
        "status": {"type": "string"},
        "orderedAt": {"type": "string", "format": "date-time"},
        "currencyCode": {"type": "string"},
        "price": {"type": "number"},
        "paymentType": {"type": "string"},
        "cardType": {"type": "string"},
        "contacts": {
            "any_of": [
                {"model": "LinkPage"},
                {"model": "Link"},
            ]
        },
        "consumers": {
            "any_of": [
                {"model": "LinkPage"},
                {"model": "Link"},
            ]
        },
        "orderItems": {
            "any_of": [
                {"model": "LegacyOrderItemPage"},
                {"model": "LinkPage"},
                {"model": "Link"},
                {"array": {"model": "LegacyOrderItem"}},
            ]
        },
    },
    "additional": {},
}
