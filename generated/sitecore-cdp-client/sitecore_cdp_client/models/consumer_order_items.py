from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import model_repr
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.link import Link


T = TypeVar("T", bound="ConsumerOrderItems")


@_attrs_define
class ConsumerOrderItems:
    """The items a v2.1 consumer consumes, as links (the v2.1 shape `orderItems.orderItems[]`).

    Attributes:
        order_items (list[Link] | Unset):
    """

    order_items: list[Link] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        order_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.order_items, Unset):
            order_items = []
            for order_items_item_data in self.order_items:
                order_items_item = order_items_item_data.to_dict()
                order_items.append(order_items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if order_items is not UNSET:
            field_dict["orderItems"] = order_items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.link import Link  # noqa: PLC0415

        d = dict(src_dict)
        _order_items = d.pop("orderItems", UNSET)
        order_items: list[Link] | Unset = UNSET
        if _order_items is not UNSET:
            order_items = []
            for order_items_item_data in _order_items:
                order_items_item = Link.from_dict(order_items_item_data)

                order_items.append(order_items_item)

        consumer_order_items = cls(
            order_items=order_items,
        )

        consumer_order_items.additional_properties = d
        return consumer_order_items

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
    "name": "ConsumerOrderItems",
    "required": [],
    "properties": {
        "orderItems": {"array": {"model": "Link"}},
    },
    "additional": {},
}
