from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import aware_isoformat, model_repr, required
from ..types import UNSET, Unset

T = TypeVar("T", bound="Identifier")


@_attrs_define
class Identifier:
    """An identifier of a person in another system; identity rules use it to resolve the guest.

    Attributes:
        provider (str): The system that issued the identifier. Example: ProfileSystem.
        id (str): The identifier in that system. Example: B7524AE6-CF1C-440F-B1A2-0C9D42F5CB41.
        expiry_date (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
            suffix. Example: 2025-12-19T12:07:18.149Z.
    """

    provider: str
    id: str
    expiry_date: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider

        id = self.id

        expiry_date: str | Unset = UNSET
        if not isinstance(self.expiry_date, Unset):
            expiry_date = aware_isoformat(self.expiry_date, "expiryDate")

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider": provider,
                "id": id,
            }
        )
        if expiry_date is not UNSET:
            field_dict["expiryDate"] = expiry_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        provider = required(d, "provider", "Identifier")

        id = required(d, "id", "Identifier")

        _expiry_date = d.pop("expiryDate", UNSET)
        expiry_date: datetime.datetime | Unset
        if isinstance(_expiry_date, Unset):
            expiry_date = UNSET
        else:
            expiry_date = datetime.datetime.fromisoformat(_expiry_date)

        identifier = cls(
            provider=provider,
            id=id,
            expiry_date=expiry_date,
        )

        identifier.additional_properties = d
        return identifier

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
    "name": "Identifier",
    "required": [
        "provider",
        "id",
    ],
    "properties": {
        "provider": {"type": "string"},
        "id": {"type": "string"},
        "expiryDate": {"type": "string", "format": "date-time"},
    },
    "additional": {},
}
