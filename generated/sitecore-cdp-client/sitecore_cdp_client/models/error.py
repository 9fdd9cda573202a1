from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import model_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Sitecore's error body. Tolerant by design: every field is optional, and `status` is an integer on 400 but the string
    "UNAUTHORIZED" on 401.

        Attributes:
            status (int | str | Unset): HTTP status, as an integer or as its name.
            code (int | Unset): HTTP status code.
            message (str | Unset): What went wrong.
            developer_message (str | Unset): More detail for the developer.
            more_info_url (str | Unset): Where to read more.
    """

    status: int | str | Unset = UNSET
    code: int | Unset = UNSET
    message: str | Unset = UNSET
    developer_message: str | Unset = UNSET
    more_info_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        status: int | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        code = self.code

        message = self.message

        developer_message = self.developer_message

        more_info_url = self.more_info_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if developer_message is not UNSET:
            field_dict["developerMessage"] = developer_message
        if more_info_url is not UNSET:
            field_dict["moreInfoUrl"] = more_info_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_status(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        code = d.pop("code", UNSET)

        message = d.pop("message", UNSET)

        developer_message = d.pop("developerMessage", UNSET)

        more_info_url = d.pop("moreInfoUrl", UNSET)

        error = cls(
            status=status,
            code=code,
            message=message,
            developer_message=developer_message,
            more_info_url=more_info_url,
        )

        error.additional_properties = d
        return error

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
    "name": "Error",
    "required": [],
    "properties": {
        "status": {
            "any_of": [
                {"type": "integer"},
                {"type": "string"},
            ]
        },
        "code": {"type": "integer"},
        "message": {"type": "string"},
        "developerMessage": {"type": "string"},
        "moreInfoUrl": {"type": "string"},
    },
    "additional": {},
}
