from enum import StrEnum
from typing import Any


class LegacyOrderItemType(StrEnum):
    ACTIVITY = "ACTIVITY"
    BAG = "BAG"
    BAGGAGE = "BAGGAGE"
    CAR = "CAR"
    CARBON_OFFSET = "CARBON_OFFSET"
    CAR_SEAT = "CAR_SEAT"
    CHARITY_DONATION = "CHARITY_DONATION"
    COMFORT_PACK = "COMFORT_PACK"
    FEE = "FEE"
    FEES = "FEES"
    FLIGHT = "FLIGHT"
    HOTEL = "HOTEL"
    HOTEL_BREAKFAST = "HOTEL_BREAKFAST"
    HOTEL_WIFI = "HOTEL_WIFI"
    INFLIGHT_ENTERTAINMENT = "INFLIGHT_ENTERTAINMENT"
    INFLIGHT_VOUCHER = "INFLIGHT_VOUCHER"
    INFLIGHT_VOUCHERS = "INFLIGHT_VOUCHERS"
    INSURANCE = "INSURANCE"
    LOUNGE_ACCESS = "LOUNGE_ACCESS"
    MEAL = "MEAL"
    OTHER = "OTHER"
    PACKAGE = "PACKAGE"
    PAID_SUBSCRIPTION = "PAID_SUBSCRIPTION"
    PARKING = "PARKING"
    SEAT = "SEAT"
    SEAT_UPGRADE = "SEAT_UPGRADE"
    SEAT_UPGRADES = "SEAT_UPGRADES"
    SMS_ITINERARY = "SMS_ITINERARY"
    SPECIAL_ASSISTANCE = "SPECIAL_ASSISTANCE"
    TAXI = "TAXI"
    TRANSFER = "TRANSFER"
    TRANSPORT = "TRANSPORT"
    UPGRADE = "UPGRADE"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> Any:
        """Keep an undocumented value as a pseudo-member (not listed, compares equal to the string)."""
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return cls._value2member_map_.setdefault(value, member)
