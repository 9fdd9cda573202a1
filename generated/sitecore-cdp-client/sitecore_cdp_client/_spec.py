"""The OpenAPI document this package was generated from (written by scripts/regenerate)."""

from typing import Any

__version__ = "0.3.1"
SPEC_SHA256 = "719d5a198f77827c9771d6432546e0ee6686e4730f78e1873bfd17ef723e9560"
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
