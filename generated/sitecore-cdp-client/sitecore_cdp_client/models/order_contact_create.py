from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import aware_isoformat, model_repr
from ..models.gender import Gender
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.identifier import Identifier


T = TypeVar("T", bound="OrderContactCreate")


def _to_gender_or_unset(value: Gender | str | Unset) -> Gender | Unset:
    return value if isinstance(value, (Gender, Unset)) else Gender(value)


@_attrs_define
class OrderContactCreate:
    """Body of a v2.1 order contact create or full update (PUT). Give enough `identifiers` for your organization's identity
    rules: they resolve the guest the contact belongs to. `dateOfBirth` must lie in the past. Unknown fields are
    allowed: the create page is cut after `dateOfBirth`, so its field list is not whole and may name fields this schema
    does not.

        Attributes:
            title (str | Unset):  Example: Mr.
            first_name (str | Unset):  Example: John.
            last_name (str | Unset):  Example: Doe.
            gender (Gender | Unset): Gender, lower case.
            date_of_birth (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
                suffix. Example: 2025-12-19T12:07:18.149Z.
            emails (list[str] | Unset):  Example: ['john.doe@gmail.com'].
            phone_numbers (list[str] | Unset):  Example: ['+353161123345', '+353161123346'].
            nationality (str | Unset):  Example: Irish.
            passport_number (str | Unset):  Example: PZ4A9565.
            country (str | Unset):  Example: IE.
            street (list[str] | Unset):  Example: ['Tara St.', 'Main Ave.'].
            city (str | Unset):  Example: Dublin.
            state (str | Unset): The docs describe it as a post code (example "10001"). Example: 10001.
            identifiers (list[Identifier] | Unset):
    """

    title: str | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    gender: Gender | Unset = _attrs_field(default=UNSET, converter=_to_gender_or_unset)
    date_of_birth: datetime.datetime | Unset = UNSET
    emails: list[str] | Unset = UNSET
    phone_numbers: list[str] | Unset = UNSET
    nationality: str | Unset = UNSET
    passport_number: str | Unset = UNSET
    country: str | Unset = UNSET
    street: list[str] | Unset = UNSET
    city: str | Unset = UNSET
    state: str | Unset = UNSET
    identifiers: list[Identifier] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        first_name = self.first_name

        last_name = self.last_name

        gender: str | Unset = UNSET
        if not isinstance(self.gender, Unset):
            gender = self.gender.value

        date_of_birth: str | Unset = UNSET
        if not isinstance(self.date_of_birth, Unset):
            date_of_birth = aware_isoformat(self.date_of_birth, "dateOfBirth")

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails

        phone_numbers: list[str] | Unset = UNSET
        if not isinstance(self.phone_numbers, Unset):
            phone_numbers = self.phone_numbers

        nationality = self.nationality

        passport_number = self.passport_number

        country = self.country

        street: list[str] | Unset = UNSET
        if not isinstance(self.street, Unset):
            street = self.street

        city = self.city

        state = self.state

        identifiers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.identifiers, Unset):
            identifiers = []
            for identifiers_item_data in self.identifiers:
                identifiers_item = identifiers_item_data.to_dict()
                identifiers.append(identifiers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
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
        if street is not UNSET:
            field_dict["street"] = street
        if city is not UNSET:
            field_dict["city"] = city
        if state is not UNSET:
            field_dict["state"] = state
        if identifiers is not UNSET:
            field_dict["identifiers"] = identifiers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.identifier import Identifier  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title", UNSET)

        first_name = d.pop("firstName", UNSET)

        last_name = d.pop("lastName", UNSET)

        _gender = d.pop("gender", UNSET)
        gender: Gender | Unset
        if isinstance(_gender, Unset):
            gender = UNSET
        else:
            gender = Gender(_gender)

        _date_of_birth = d.pop("dateOfBirth", UNSET)
        date_of_birth: datetime.datetime | Unset
        if isinstance(_date_of_birth, Unset):
            date_of_birth = UNSET
        else:
            date_of_birth = datetime.datetime.fromisoformat(_date_of_birth)

        emails = cast(list[str], d.pop("emails", UNSET))

        phone_numbers = cast(list[str], d.pop("phoneNumbers", UNSET))

        nationality = d.pop("nationality", UNSET)

        passport_number = d.pop("passportNumber", UNSET)

        country = d.pop("country", UNSET)

        street = cast(list[str], d.pop("street", UNSET))

        city = d.pop("city", UNSET)

        state = d.pop("state", UNSET)

        _identifiers = d.pop("identifiers", UNSET)
        identifiers: list[Identifier] | Unset = UNSET
        if _identifiers is not UNSET:
            identifiers = []
            for identifiers_item_data in _identifiers:
                identifiers_item = Identifier.from_dict(identifiers_item_data)

                identifiers.append(identifiers_item)

        order_contact_create = cls(
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
            street=street,
            city=city,
            state=state,
            identifiers=identifiers,
        )

        order_contact_create.additional_properties = d
        return order_contact_create

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
    "name": "OrderContactCreate",
    "required": [],
    "properties": {
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
        "dateOfBirth": {"type": "string", "format": "date-time"},
        "emails": {"array": {"type": "string"}},
        "phoneNumbers": {"array": {"type": "string"}},
        "nationality": {"type": "string"},
        "passportNumber": {"type": "string"},
        "country": {"type": "string"},
        "street": {"array": {"type": "string"}},
        "city": {"type": "string"},
        "state": {"type": "string"},
        "identifiers": {"array": {"model": "Identifier"}},
    },
    "additional": {},
}
