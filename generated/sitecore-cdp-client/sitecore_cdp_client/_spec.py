"""The OpenAPI document this package was generated from (written by scripts/regenerate)."""

from typing import Any

__version__ = "0.4.0"
SPEC_SHA256 = "30a7e48846d99caacb9bd06777c0590719766a0f146440cd32f6b700e0b255b7"
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
