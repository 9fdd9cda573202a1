from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import aware_isoformat, model_repr, reject_unknown, required
from ..models.gender import Gender
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.identifier import Identifier
    from ..models.link import Link


T = TypeVar("T", bound="LegacyOrderContactCreate")


def _to_gender_or_unset(value: Gender | str | Unset) -> Gender | Unset:
    return value if isinstance(value, (Gender, Unset)) else Gender(value)


@_attrs_define
class LegacyOrderContactCreate:
    """Body of a legacy order contact create or update. Update replaces the whole contact.

    Attributes:
        first_name (str): First name; title case recommended. Example: John.
        last_name (str): Last name; title case recommended. Example: Doe.
        title (str | Unset): Title, title case (Mr, Mrs, Ms, Dr, ...). Example: Mr.
        gender (Gender | Unset): Gender, lower case.
        date_of_birth (datetime.datetime | str | Unset): A date of the legacy contact and consumer APIs (date of birth,
            passport expiry): ISO 8601 in UTC, with or without seconds. The docs' own example (order contact v2 data model
            page) has no seconds, a form RFC 3339 `date-time` alone would refuse. Example: 1985-12-24T00:00Z.
        emails (list[str] | Unset):  Example: ['john.doe@example.com'].
        phone_numbers (list[str] | Unset):  Example: ['+353161123345'].
        nationality (str | Unset):  Example: Irish.
        country (str | Unset): ISO 3166-1 alpha-2, upper case. Example: IE.
        passport_number (str | Unset):  Example: PZ4A9565.
        passport_expiry (datetime.datetime | str | Unset): A date of the legacy contact and consumer APIs (date of
            birth, passport expiry): ISO 8601 in UTC, with or without seconds. The docs' own example (order contact v2 data
            model page) has no seconds, a form RFC 3339 `date-time` alone would refuse. Example: 1985-12-24T00:00Z.
        identifiers (list[Identifier] | Unset):
        guest (Link | Unset): A link to another resource or page.
    """

    first_name: str
    last_name: str
    title: str | Unset = UNSET
    gender: Gender | Unset = _attrs_field(default=UNSET, converter=_to_gender_or_unset)
    date_of_birth: datetime.datetime | str | Unset = UNSET
    emails: list[str] | Unset = UNSET
    phone_numbers: list[str] | Unset = UNSET
    nationality: str | Unset = UNSET
    country: str | Unset = UNSET
    passport_number: str | Unset = UNSET
    passport_expiry: datetime.datetime | str | Unset = UNSET
    identifiers: list[Identifier] | Unset = UNSET
    guest: Link | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        first_name = self.first_name

        last_name = self.last_name

        title = self.title

        gender: str | Unset = UNSET
        if not isinstance(self.gender, Unset):
            gender = self.gender.value

        date_of_birth: str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        elif isinstance(self.date_of_birth, datetime.datetime):
            date_of_birth = aware_isoformat(self.date_of_birth, "/components/schemas/LegacyDate_type_0")
        else:
            date_of_birth = self.date_of_birth

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails

        phone_numbers: list[str] | Unset = UNSET
        if not isinstance(self.phone_numbers, Unset):
            phone_numbers = self.phone_numbers

        nationality = self.nationality

        country = self.country

        passport_number = self.passport_number

        passport_expiry: str | Unset
        if isinstance(self.passport_expiry, Unset):
            passport_expiry = UNSET
        elif isinstance(self.passport_expiry, datetime.datetime):
            passport_expiry = aware_isoformat(self.passport_expiry, "/components/schemas/LegacyDate_type_0")
        else:
            passport_expiry = self.passport_expiry

        identifiers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.identifiers, Unset):
            identifiers = []
            for identifiers_item_data in self.identifiers:
                identifiers_item = identifiers_item_data.to_dict()
                identifiers.append(identifiers_item)

        guest: dict[str, Any] | Unset = UNSET
        if not isinstance(self.guest, Unset):
            guest = self.guest.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "firstName": first_name,
                "lastName": last_name,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
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
        if country is not UNSET:
            field_dict["country"] = country
        if passport_number is not UNSET:
            field_dict["passportNumber"] = passport_number
        if passport_expiry is not UNSET:
            field_dict["passportExpiry"] = passport_expiry
        if identifiers is not UNSET:
            field_dict["identifiers"] = identifiers
        if guest is not UNSET:
            field_dict["guest"] = guest

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.identifier import Identifier  # noqa: PLC0415
        from ..models.link import Link  # noqa: PLC0415

        d = dict(src_dict)
        first_name = required(d, "firstName", "LegacyOrderContactCreate")

        last_name = required(d, "lastName", "LegacyOrderContactCreate")

        title = d.pop("title", UNSET)

        _gender = d.pop("gender", UNSET)
        gender: Gender | Unset
        if isinstance(_gender, Unset):
            gender = UNSET
        else:
            gender = Gender(_gender)

        def _parse_date_of_birth(data: object) -> datetime.datetime | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_legacy_date_type_0 = datetime.datetime.fromisoformat(data)

                return componentsschemas_legacy_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | str | Unset, data)

        date_of_birth = _parse_date_of_birth(d.pop("dateOfBirth", UNSET))

        emails = cast(list[str], d.pop("emails", UNSET))

        phone_numbers = cast(list[str], d.pop("phoneNumbers", UNSET))

        nationality = d.pop("nationality", UNSET)

        country = d.pop("country", UNSET)

        passport_number = d.pop("passportNumber", UNSET)

        def _parse_passport_expiry(data: object) -> datetime.datetime | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_legacy_date_type_0 = datetime.datetime.fromisoformat(data)

                return componentsschemas_legacy_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | str | Unset, data)

        passport_expiry = _parse_passport_expiry(d.pop("passportExpiry", UNSET))

        _identifiers = d.pop("identifiers", UNSET)
        identifiers: list[Identifier] | Unset = UNSET
        if _identifiers is not UNSET:
            identifiers = []
            for identifiers_item_data in _identifiers:
                identifiers_item = Identifier.from_dict(identifiers_item_data)

                identifiers.append(identifiers_item)

        _guest = d.pop("guest", UNSET)
        guest: Link | Unset
        if isinstance(_guest, Unset):
            guest = UNSET
        else:
            guest = Link.from_dict(_guest)

        reject_unknown(
            d,
            "LegacyOrderContactCreate",
            (
                "firstName",
                "lastName",
                "title",
                "gender",
                "dateOfBirth",
                "emails",
                "phoneNumbers",
                "nationality",
                "country",
                "passportNumber",
                "passportExpiry",
                "identifiers",
                "guest",
            ),
        )
        legacy_order_contact_create = cls(
            first_name=first_name,
            last_name=last_name,
            title=title,
            gender=gender,
            date_of_birth=date_of_birth,
            emails=emails,
            phone_numbers=phone_numbers,
            nationality=nationality,
            country=country,
            passport_number=passport_number,
            passport_expiry=passport_expiry,
            identifiers=identifiers,
            guest=guest,
        )

        return legacy_order_contact_create


# What the spec says of this model, for validate_responses (_response_check).
SHAPE: dict[str, Any] = {
    "name": "LegacyOrderContactCreate",
    "required": [
        "firstName",
        "lastName",
    ],
    "properties": {
        "firstName": {"type": "string"},
        "lastName": {"type": "string"},
        "title": {"type": "string"},
        "gender": {
            "enum": [
                "male",
                "female",
                "unknown",
            ]
        },
        "dateOfBirth": {
            "any_of": [
                {"type": "string", "format": "date-time"},
                {"type": "string"},
            ]
        },
        "emails": {"array": {"type": "string"}},
        "phoneNumbers": {"array": {"type": "string"}},
        "nationality": {"type": "string"},
        "country": {"type": "string"},
        "passportNumber": {"type": "string"},
        "passportExpiry": {
            "any_of": [
                {"type": "string", "format": "date-time"},
                {"type": "string"},
            ]
        },
        "identifiers": {"array": {"model": "Identifier"}},
        "guest": {"model": "Link"},
    },
    "additional": False,
}
