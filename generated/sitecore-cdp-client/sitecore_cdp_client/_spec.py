"""The OpenAPI document this package was generated from (written by scripts/regenerate)."""

from typing import Any

__version__ = "0.5.0"
SPEC_SHA256 = "ce26a70c96b17f9257a0bdc5ffea6590f807d437013e1b115481403c23c7f8d0"
GENERATOR = "openapi-python-client 0.29.1"

# x-query-rules of the spec, by function name (checked by _query_rules before a request is sent).
QUERY_RULES: dict[str, list[dict[str, Any]]] = {
    "legacy_list_orders": [
        {
            "rule": "at-least-one",
            "params": [
                "referenceId",
                "guestRef"
            ]
        }
    ],
    "list_orders": [
        {
            "rule": "exactly-one",
            "params": [
                "referenceId",
                "guestRef"
            ]
        },
        {
            "rule": "requires",
            "param": "sort",
            "value": "orderedAt",
            "requires": "guestRef"
        }
    ]
}
