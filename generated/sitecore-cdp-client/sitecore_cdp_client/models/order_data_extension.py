from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import aware_isoformat, model_repr, required
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.link import Link


T = TypeVar("T", bound="OrderDataExtension")


@_attrs_define
class OrderDataExtension:
    """An order's data extension: `name` is always "ext", `key` always "default", and the stored key-value pairs sit at the
    top level beside them.

        Attributes:
            href (str):  Example: https://api-engage-
                eu.sitecorecloud.io/v2.1/orders/f7aabbca-1c1b-4fc2-be72-3e16294a4f03/extensions/ext.
            ref (str):  Example: 6a5cb3c2-1a4a-56d8-8a01-1ede232b9db2.
            name (str | Unset):  Example: ext.
            key (str | Unset):  Example: default.
            created_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
                suffix. Example: 2025-12-19T12:07:18.149Z.
            modified_at (datetime.datetime | Unset): ISO 8601 date and time in UTC; Sitecore writes milliseconds and a `Z`
                suffix. Example: 2025-12-19T12:07:18.149Z.
            order (Link | Unset): A link to another resource or page.
    """

    href: str
    ref: str
    name: str | Unset = UNSET
    key: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    modified_at: datetime.datetime | Unset = UNSET
    order: Link | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        href = self.href

        ref = self.ref

        name = self.name

        key = self.key

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = aware_isoformat(self.created_at, "createdAt")

        modified_at: str | Unset = UNSET
        if not isinstance(self.modified_at, Unset):
            modified_at = aware_isoformat(self.modified_at, "modifiedAt")

        order: dict[str, Any] | Unset = UNSET
        if not isinstance(self.order, Unset):
            order = self.order.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "href": href,
                "ref": ref,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if key is not UNSET:
            field_dict["key"] = key
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if modified_at is not UNSET:
            field_dict["modifiedAt"] = modified_at
        if order is not UNSET:
            field_dict["order"] = order

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.link import Link  # noqa: PLC0415

        d = dict(src_dict)
        href = required(d, "href", "OrderDataExtension")

        ref = required(d, "ref", "OrderDataExtension")

        name = d.pop("name", UNSET)

        key = d.pop("key", UNSET)

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

        _order = d.pop("order", UNSET)
        order: Link | Unset
        if isinstance(_order, Unset):
            order = UNSET
        else:
            order = Link.from_dict(_order)

        order_data_extension = cls(
            href=href,
            ref=ref,
            name=name,
            key=key,
            created_at=created_at,
            modified_at=modified_at,
            order=order,
        )

        order_data_extension.additional_properties = d
        return order_data_extension

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
    "name": "OrderDataExtension",
    "required": [
        "href",
        "ref",
    ],
    "properties": {
        "href": {"type": "string"},
        "ref": {"type": "string"},
        "name": {"type": "string"},
        "key": {"type": "string"},
        "createdAt": {"type": "string", "format": "date-time"},
        "modifiedAt": {"type": "string", "format": "date-time"},
        "order": {"model": "Link"},
    },
    "additional": {},
}
