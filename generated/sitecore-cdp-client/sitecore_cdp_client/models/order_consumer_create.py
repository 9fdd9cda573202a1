from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import aware_isoformat, model_repr, reject_unknown
from ..models.gender import Gender
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.identifier import Identifier


T = TypeVar("T", bound="OrderConsumerCreate")


def _to_gender_or_unset(value: Gender | str | Unset) -> Gender | Unset:
    return value if isinstance(value, (Gender, Unset)) else Gender(value)


@_attrs_define
class OrderConsumerCreate:
    """Body of a v2.1 order consumer create or full update (PUT). Give enough `identifiers` for your organization's
    identity rules. `dateOfBirth` must lie in the past.

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
    identifiers: list[Identifier] | Unset = UNSET

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

        identifiers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.identifiers, Unset):
            identifiers = []
            for identifiers_item_data in self.identifiers:
                identifiers_item = identifiers_item_data.to_dict()
                identifiers.append(identifiers_item)

        field_dict: dict[str, Any] = {}

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

        _identifiers = d.pop("identifiers", UNSET)
        identifiers: list[Identifier] | Unset = UNSET
        if _identifiers is not UNSET:
            identifiers = []
            for identifiers_item_data in _identifiers:
                identifiers_item = Identifier.from_dict(identifiers_item_data)

                identifiers.append(identifiers_item)

        reject_unknown(
            d,
            "OrderConsumerCreate",
            (
                "title",
                "firstName",
                "lastName",
                "gender",
                "dateOfBirth",
                "emails",
                "phoneNumbers",
                "nationality",
                "passportNumber",
                "country",
                "identifiers",
            ),
        )
        order_consumer_create = cls(
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
        )

        return order_consumer_create


# What the spec says of this model, for validate_responses (_response_check).
SHAPE: dict[str, Any] = {
    "name": "OrderConsumerCreate",
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
        "identifiers": {"array": {"model": "Identifier"}},
    },
    "additional": False,
}
