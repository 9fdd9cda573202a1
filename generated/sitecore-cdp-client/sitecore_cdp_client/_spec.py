"""The OpenAPI document this package was generated from (written by scripts/regenerate)."""

from typing import Any

__version__ = "0.5.1"
SPEC_SHA256 = "4f9d500ff627a2f182d448a6c114bcca66e6ba93fc6afc1fbdf6e6f8c77d6c15"
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
