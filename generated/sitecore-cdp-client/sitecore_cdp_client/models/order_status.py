from enum import StrEnum
from typing import Any


class OrderStatus(StrEnum):
    BROWSED = "BROWSED"
    CANCELLED = "CANCELLED"
    CONFIRMED = "CONFIRMED"
    DECLINED = "DECLINED"
    PARTIALY_CONFIRMED = "PARTIALY_CONFIRMED"
    PARTIALY_REFUNDED = "PARTIALY_REFUNDED"
    PAYMENT_PENDING = "PAYMENT_PENDING"
    PENDING = "PENDING"
    PURCHASED = "PURCHASED"
    REFUNDED = "REFUNDED"
    RESERVED = "RESERVED"
    SEARCHED = "SEARCHED"
    UNKNOWN = "UNKNOWN"

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
