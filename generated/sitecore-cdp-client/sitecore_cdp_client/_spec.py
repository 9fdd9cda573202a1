"""The OpenAPI document this package was generated from (written by scripts/regenerate)."""

from typing import Any

__version__ = "0.3.0"
SPEC_SHA256 = "5ee4763f9e18bac593f2de65ec73bb0a0364b61aa63de2fb97ae90c1570a8b13"
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
