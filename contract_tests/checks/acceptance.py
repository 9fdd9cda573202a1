"""Requests built to be accepted are accepted: the edges of each field's schema are the schema's, not the target's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from schemathesis import CheckContext, Response

from ..check_registry import custom
from ..current import expected_acceptance
from .exchange import short, view

if TYPE_CHECKING:
    from schemathesis.specs.openapi.schemas import OpenApiCase

NOT_ABOUT_THE_VALUES = frozenset({401, 403, 429})
"""Refusals that say nothing about the body (credentials, rate): other checks judge them."""


@custom
def edge_values_accepted(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """A write the workflows built at the edges its schema allows (strings at `maxLength` or, with none, long and
    with non-BMP characters; integers past 2**31 and 2**53 where no `maximum` forbids them; numbers with many
    decimals; arrays at their size; many items on one order; the largest `limit`) is accepted: a 4xx means the
    target has a bound the spec does not state. Spec: the request schemas (a value they allow is valid); where a
    schema sets no bound, the operation's x-doc-unconfirmed says no page bounds it, so against a real target this
    is evidence about the spec."""
    why = expected_acceptance()
    v = view(response, case)
    if not why or v is None or v.status >= 500 or v.status in NOT_ABOUT_THE_VALUES:
        return True
    if v.status < 400:
        return None
    said = v.body.get("message") if isinstance(v.body, dict) else None
    raise AssertionError(
        f"A request valid by its schema, at its edges ({why}), was refused with {v.status}"
        + (f": {short(said)}" if said else "")
    )
