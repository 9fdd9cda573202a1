from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import aware_isoformat, model_repr, required
from ..models.gender import Gender
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consumer_order_items import ConsumerOrderItems
    from ..models.identifier import Identifier
    from ..models.link import Link


T = TypeVar("T", bound="OrderConsumer")


def _to_gender_or_unset(value: Gender | str | Unset) -> Gender | Unset:
    return value if isinstance(value, (Gender, Unset)) else Gender(value)


@_attrs_define
class OrderConsumer:
    """A v2.1 order consumer.

    Attributes:
        href (str):  Example: https://api-engage-
            eu.sitecorecloud.io/v2.1/orderConsumers/2d7de9df-45a2-45ea-872c-30e45139007d.
        ref (str):  Example: 2d7de9df-45a2-45ea-872c-30e45139007d.
        created_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
            suffix. Example: 2025-12-19T12:07:18.149Z.
        modified_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
            suffix. Example: 2025-12-19T12:07:18.149Z.
        title (str | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        gender (Gender | Unset): Gender, lower case.
        date_of_birth (str | Unset):
        emails (list[str] | Unset):
        phone_numbers (list[str] | Unset):
        nationality (str | Unset):
        passport_number (str | Unset):
        country (str | Unset):
        identifiers (list[Identifier] | Unset):
        order_items (ConsumerOrderItems | Unset): The items a v2.1 consumer consumes, as links (the v2.1 shape
            `orderItems.orderItems[]`).
        order (Link | Unset): A link to another resource or page.
        guest (Link | Unset): A link to another resource or page.
    """

    href: str
    ref: str
    created_at: datetime.datetime | Unset = UNSET
    modified_at: datetime.datetime | Unset = UNSET
    title: str | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    gender: Gender | Unset = _attrs_field(default=UNSET, converter=_to_gender_or_unset)
    date_of_birth: str | Unset = UNSET
    emails: list[str] | Unset = UNSET
    phone_numbers: list[str] | Unset = UNSET
    nationality: str | Unset = UNSET
    passport_number: str | Unset = UNSET
    country: str | Unset = UNSET
    identifiers: list[Identifier] | Unset = UNSET
    order_items: ConsumerOrderItems | Unset = UNSET
    order: Link | Unset = UNSET
    guest: Link | Unset = UNSET
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

        title = self.title

        first_name = self.first_name

        last_name = self.last_name

        gender: str | Unset = UNSET
        if not isinstance(self.gender, Unset):
            gender = self.gender.value

        date_of_birth = self.date_of_birth

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails

        phone_numbers: list[str] | Unset = UNSET
        if not isinstance(self.phone_numbers, Unset):
            phone_numbers = self.phone_numbers

        nationality = self.nationality

        passport_number = self.passport_number

        country = self.country

        identifiers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.identifiers, Unset):
            identifiers = []
            for identifiers_item_data in self.identifiers:
                identifiers_item = identifiers_item_data.to_dict()
                identifiers.append(identifiers_item)

        order_items: dict[str, Any] | Unset = UNSET
        if not isinstance(self.order_items, Unset):
            order_items = self.order_items.to_dict()

        order: dict[str, Any] | Unset = UNSET
        if not isinstance(self.order, Unset):
            order = self.order.to_dict()

        guest: dict[str, Any] | Unset = UNSET
        if not isinstance(self.guest, Unset):
            guest = self.guest.to_dict()

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
        if title is not UNSET:
            field_dict["title"] = title
        if first_name is not UNSET:
            field_dict["firstName"] = first_name
        if last_name is not UNSET:
            field_dict["lastName"] = last_name
        if gender is not UNSET:
            field_dict["gender"] = gender
        if date_of_birth is not UNSET:
            field_dict["dateOfBirth"] = date_of_birth
        if emails is not UNSET:
            field_dict["emails"] = emails
        if phone_numbers is not UNSET:
            field_dict["phoneNumbers"] = phone_numbers
        if nationality is not UNSET:
            field_dict["nationality"] = nationality
        if passport_number is not UNSET:
            field_dict["passportNumber"] = passport_number
        if country is not UNSET:
            field_dict["country"] = country
        if identifiers is not UNSET:
            field_dict["identifiers"] = identifiers
        if order_items is not UNSET:
            field_dict["orderItems"] = order_items
        if order is not UNSET:
            field_dict["order"] = order
        if guest is not UNSET:
            field_dict["guest"] = guest

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consumer_order_items import ConsumerOrderItems  # noqa: PLC0415
        from ..models.identifier import Identifier  # noqa: PLC0415
        from ..models.link import Link  # noqa: PLC0415

        d = dict(src_dict)
        href = required(d, "href", "OrderConsumer")

        ref = required(d, "ref", "OrderConsumer")

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

        title = d.pop("title", UNSET)

        first_name = d.pop("firstName", UNSET)

        last_name = d.pop("lastName", UNSET)

        _gender = d.pop("gender", UNSET)
        gender: Gender | Unset
        if isinstance(_gender, Unset):
            gender = UNSET
        else:
            gender = Gender(_gender)

        date_of_birth = d.pop("dateOfBirth", UNSET)

        emails = cast(list[str], d.pop("emails", UNSET))

        phone_numbers = cast(list[str], d.pop("phoneNumbers", UNSET))

        nationality = d.pop("nationality", UNSET)

        passport_number = d.pop("passportNumber", UNSET)

        country = d.pop("country", UNSET)

        _identifiers = d.pop("identifiers", UNSET)
        identifiers: list[Identifier] | Unset = UNSET
        if _identifiers is not UNSET:
            identifiers = []
            for identifiers_item_data in _identifiers:
                identifiers_item = Identifier.from_dict(identifiers_item_data)

                identifiers.append(identifiers_item)

        _order_items = d.pop("orderItems", UNSET)
        order_items: ConsumerOrderItems | Unset
        if isinstance(_order_items, Unset):
            order_items = UNSET
        else:
            order_items = ConsumerOrderItems.from_dict(_order_items)

        _order = d.pop("order", UNSET)
        order: Link | Unset
        if isinstance(_order, Unset):
            order = UNSET
        else:
            order = Link.from_dict(_order)

        _guest = d.pop("guest", UNSET)
        guest: Link | Unset
        if isinstance(_guest, Unset):
            guest = UNSET
        else:
            guest = Link.from_dict(_guest)

        order_consumer = cls(
            href=href,
            ref=ref,
            created_at=created_at,
            modified_at=modified_at,
            title=title,
            first_name=first_name,
            last_name=last_name,
            gender=gender,
            date_of_birth=date_of_birth,
            emails=emails,
            phone_numbers=phone_numbers,
            nationality=nationality,
            passport_number=passport_number,
            country=country,
            identifiers=identifiers,
            order_items=order_items,
            order=order,
            guest=guest,
        )

        order_consumer.additional_properties = d
        return order_consumer

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
    "name": "OrderConsumer",
    "required": [
        "href",
        "ref",
    ],
    "properties": {
        "href": {"type": "string"},
        "ref": {"type": "string"},
        "createdAt": {"type": "string", "format": "date-time"},
        "modifiedAt": {"type": "string", "format": "date-time"},
        "title": {"type": "string"},
        "firstName": {"type": "string"},
        "lastName": {"type": "string"},
        "gender": {
            "enum": [
                "male",
                "female",
                "unknown",
            ]
        },
        "dateOfBirth": {"type": "string"},
        "emails": {"array": {"type": "string"}},
        "phoneNumbers": {"array": {"type": "string"}},
        "nationality": {"type": "string"},
        "passportNumber": {"type": "string"},
        "country": {"type": "string"},
        "identifiers": {"array": {"model": "Identifier"}},
        "orderItems": {"model": "ConsumerOrderItems"},
        "order": {"model": "Link"},
        "guest": {"model": "Link"},
    },
    "additional": {},
}
