from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import model_repr

T = TypeVar("T", bound="DataExtensionValues")


@_attrs_define
class DataExtensionValues:
    """The key-value pairs of a data extension: one flat object, at most 100 pairs, keys camelCase alphanumeric, values
    string, boolean, integer or number (no nesting: group related keys with a common prefix). Keys the resource itself
    uses are reserved.

        Example:
            {'firstTimeOrder': True, 'storeLocation': 'London', 'totalUnits': 8, 'totalDiscount': '20%'}

    """

    additional_properties: dict[str, bool | float | int | str] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        data_extension_values = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(data: object) -> bool | float | int | str:
                return cast(bool | float | int | str, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        data_extension_values.additional_properties = additional_properties
        return data_extension_values

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> bool | float | int | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: bool | float | int | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# What the spec says of this model, for validate_responses (_response_check).
SHAPE: dict[str, Any] = {
    "name": "DataExtensionValues",
    "required": [],
    "properties": {},
    "additional": {
        "any_of": [
            {"type": "string"},
            {"type": "boolean"},
            {"type": "integer"},
            {"type": "number"},
        ]
    },
}
