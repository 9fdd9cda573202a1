from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validation import model_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="FlightSegment")


@_attrs_define
class FlightSegment:
    """One flight of a flight order item. Times are local times written with a trailing `Z`.

    Attributes:
        id (str | Unset):  Example: 1234.
        origin (str | Unset):  Example: DUB.
        destination (str | Unset):  Example: LHR.
        departure_date_time (str | Unset):  Example: 2025-02-01T09:20:00.000Z.
        arrival_date_time (str | Unset):  Example: 2025-02-01T10:40:00.000Z.
        flight_number (str | Unset):  Example: 1459.
        fare_class (str | Unset):  Example: Economy.
        fare_family (str | Unset):  Example: Plus.
        booking_class (str | Unset):  Example: Y.
        equipment (str | Unset):  Example: A320.
        carrier (str | Unset):  Example: BX.
        operating_carrier (str | Unset):  Example: BX.
        operating_flight_number (str | Unset):  Example: 1459.
        origin_destination (str | Unset):  Example: DUB-LHR.
    """

    id: str | Unset = UNSET
    origin: str | Unset = UNSET
    destination: str | Unset = UNSET
    departure_date_time: str | Unset = UNSET
    arrival_date_time: str | Unset = UNSET
    flight_number: str | Unset = UNSET
    fare_class: str | Unset = UNSET
    fare_family: str | Unset = UNSET
    booking_class: str | Unset = UNSET
    equipment: str | Unset = UNSET
    carrier: str | Unset = UNSET
    operating_carrier: str | Unset = UNSET
    operating_flight_number: str | Unset = UNSET
    origin_destination: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        origin = self.origin

        destination = self.destination

        departure_date_time = self.departure_date_time

        arrival_date_time = self.arrival_date_time

        flight_number = self.flight_number

        fare_class = self.fare_class

        fare_family = self.fare_family

        booking_class = self.booking_class

        equipment = self.equipment

        carrier = self.carrier

        operating_carrier = self.operating_carrier

        operating_flight_number = self.operating_flight_number

        origin_destination = self.origin_destination

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if origin is not UNSET:
            field_dict["origin"] = origin
        if destination is not UNSET:
            field_dict["destination"] = destination
        if departure_date_time is not UNSET:
            field_dict["departureDateTime"] = departure_date_time
        if arrival_date_time is not UNSET:
            field_dict["arrivalDateTime"] = arrival_date_time
        if flight_number is not UNSET:
            field_dict["flightNumber"] = flight_number
        if fare_class is not UNSET:
            field_dict["fareClass"] = fare_class
        if fare_family is not UNSET:
            field_dict["fareFamily"] = fare_family
        if booking_class is not UNSET:
            field_dict["bookingClass"] = booking_class
        if equipment is not UNSET:
            field_dict["equipment"] = equipment
        if carrier is not UNSET:
            field_dict["carrier"] = carrier
        if operating_carrier is not UNSET:
            field_dict["operatingCarrier"] = operating_carrier
        if operating_flight_number is not UNSET:
            field_dict["operatingFlightNumber"] = operating_flight_number
        if origin_destination is not UNSET:
            field_dict["originDestination"] = origin_destination

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        origin = d.pop("origin", UNSET)

        destination = d.pop("destination", UNSET)

        departure_date_time = d.pop("departureDateTime", UNSET)

        arrival_date_time = d.pop("arrivalDateTime", UNSET)

        flight_number = d.pop("flightNumber", UNSET)

        fare_class = d.pop("fareClass", UNSET)

        fare_family = d.pop("fareFamily", UNSET)

        booking_class = d.pop("bookingClass", UNSET)

        equipment = d.pop("equipment", UNSET)

        carrier = d.pop("carrier", UNSET)

        operating_carrier = d.pop("operatingCarrier", UNSET)

        operating_flight_number = d.pop("operatingFlightNumber", UNSET)

        origin_destination = d.pop("originDestination", UNSET)

        flight_segment = cls(
            id=id,
            origin=origin,
            destination=destination,
            departure_date_time=departure_date_time,
            arrival_date_time=arrival_date_time,
            flight_number=flight_number,
            fare_class=fare_class,
            fare_family=fare_family,
            booking_class=booking_class,
            equipment=equipment,
            carrier=carrier,
            operating_carrier=operating_carrier,
            operating_flight_number=operating_flight_number,
            origin_destination=origin_destination,
        )

        flight_segment.additional_properties = d
        return flight_segment

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
    "name": "FlightSegment",
    "required": [],
    "properties": {
        "id": {"type": "string"},
        "origin": {"type": "string"},
        "destination": {"type": "string"},
        "departureDateTime": {"type": "string"},
        "arrivalDateTime": {"type": "string"},
        "flightNumber": {"type": "string"},
        "fareClass": {"type": "string"},
        "fareFamily": {"type": "string"},
        "bookingClass": {"type": "string"},
        "equipment": {"type": "string"},
        "carrier": {"type": "string"},
        "operatingCarrier": {"type": "string"},
        "operatingFlightNumber": {"type": "string"},
        "originDestination": {"type": "string"},
    },
    "additional": {},
}
