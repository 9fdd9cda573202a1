from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import model_repr, required
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.legacy_order_item import LegacyOrderItem
    from ..models.link import Link


T = TypeVar("T", bound="LegacyOrderItemPage")


@_attrs_define
class LegacyOrderItemPage:
    """A page of full legacy order items.

    Attributes:
        items (list[LegacyOrderItem]):
        href (str | Unset):
        offset (int | Unset):
        limit (int | Unset):
        first (Link | Unset): A link to another resource or page.
        last (Link | Unset): A link to another resource or page.
        next_ (Link | None | Unset):
        prev (Link | None | Unset):
    """

    items: list[LegacyOrderItem]
    href: str | Unset = UNSET
    offset: int | Unset = UNSET
    limit: int | Unset = UNSET
    first: Link | Unset = UNSET
    last: Link | Unset = UNSET
    next_: Link | None | Unset = UNSET
    prev: Link | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.link import Link  # noqa: PLC0415

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        href = self.href

        offset = self.offset

        limit = self.limit

        first: dict[str, Any] | Unset = UNSET
        if not isinstance(self.first, Unset):
            first = self.first.to_dict()

        last: dict[str, Any] | Unset = UNSET
        if not isinstance(self.last, Unset):
            last = self.last.to_dict()

        next_: dict[str, Any] | None | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        elif isinstance(self.next_, Link):
            next_ = self.next_.to_dict()
        else:
            next_ = self.next_

        prev: dict[str, Any] | None | Unset
        if isinstance(self.prev, Unset):
            prev = UNSET
        elif isinstance(self.prev, Link):
            prev = self.prev.to_dict()
        else:
            prev = self.prev

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
            }
        )
        if href is not UNSET:
            field_dict["href"] = href
        if offset is not UNSET:
            field_dict["offset"] = offset
        if limit is not UNSET:
            field_dict["limit"] = limit
        if first is not UNSET:
            field_dict["first"] = first
        if last is not UNSET:
            field_dict["last"] = last
        if next_ is not UNSET:
            field_dict["next"] = next_
        if prev is not UNSET:
            field_dict["prev"] = prev

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.legacy_order_item import LegacyOrderItem  # noqa: PLC0415
        from ..models.link import Link  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = required(d, "items", "LegacyOrderItemPage")
        for items_item_data in _items:
            items_item = LegacyOrderItem.from_dict(items_item_data)

            items.append(items_item)

        href = d.pop("href", UNSET)

        offset = d.pop("offset", UNSET)

        limit = d.pop("limit", UNSET)

        _first = d.pop("first", UNSET)
        first: Link | Unset
        if isinstance(_first, Unset):
            first = UNSET
        else:
            first = Link.from_dict(_first)

        _last = d.pop("last", UNSET)
        last: Link | Unset
        if isinstance(_last, Unset):
            last = UNSET
        else:
            last = Link.from_dict(_last)

        def _parse_next_(data: object) -> Link | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_type_0 = Link.from_dict(data)

                return next_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Link | None | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        def _parse_prev(data: object) -> Link | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prev_type_0 = Link.from_dict(data)

                return prev_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Link | None | Unset, data)

        prev = _parse_prev(d.pop("prev", UNSET))

        legacy_order_item_page = cls(
            items=items,
            href=href,
            offset=offset,
            limit=limit,
            first=first,
            last=last,
            next_=next_,
            prev=prev,
        )

        legacy_order_item_page.additional_properties = d
        return legacy_order_item_page

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
    "name": "LegacyOrderItemPage",
    "required": [
        "items",
    ],
    "properties": {
        "items": {"array": {"model": "LegacyOrderItem"}},
        "href": {"type": "string"},
        "offset": {"type": "integer"},
        "limit": {"type": "integer"},
        "first": {"model": "Link"},
        "last": {"model": "Link"},
        "next": {
            "any_of": [
                {"model": "Link"},
                {"type": "null"},
            ]
        },
        "prev": {
            "any_of": [
                {"model": "Link"},
                {"type": "null"},
            ]
        },
    },
    "additional": {},
}
