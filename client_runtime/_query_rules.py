"""Query rules no OpenAPI parameter can state, checked before a request leaves.

Hand-written; scripts/regenerate copies it into the package and writes the rules themselves into
_spec.py from the operations' `x-query-rules` in the spec. A call that breaks one (GET /v2.1/orders
needs exactly one of referenceId and guestRef) would only earn a 400 from Sitecore; failing early
names the arguments instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ._errors import InvalidRequestError
from ._spec import QUERY_RULES

__all__ = ["check"]

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def _arg(name: str) -> str:
    """The Python argument for a query parameter: `guestRef` -> `guest_ref`."""
    return _CAMEL.sub("_", name).lower()


def _names(params: list[str]) -> str:
    return " and ".join(_arg(p) for p in params)


def check(function: str, params: Mapping[str, Any]) -> None:
    """Raise InvalidRequestError when the query breaks one of the operation's documented rules."""
    for rule in QUERY_RULES.get(function, ()):
        kind = rule["rule"]
        if kind in ("exactly-one", "at-least-one"):
            named: list[str] = list(rule["params"])
            given = [p for p in named if p in params]
            if not given:
                raise InvalidRequestError(f"{function} needs one of {_names(named)}.")
            if kind == "exactly-one" and len(given) > 1:
                raise InvalidRequestError(f"{function} takes only one of {_names(named)}, not both.")
        elif kind == "requires":
            param, value, needed = rule["param"], rule["value"], rule["requires"]
            sent = params.get(param)
            if sent is not None and str(sent) == str(value) and needed not in params:
                raise InvalidRequestError(
                    f"{function} with {_arg(param)}={value!r} needs {_arg(needed)} as well."
                )
