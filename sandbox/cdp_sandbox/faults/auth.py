"""Faults of the category auth: requests without valid credentials that are served anyway."""

from __future__ import annotations

from dataclasses import replace

from ..app import (
    Response,
)
from .core import (
    Hit,
    Injection,
    fault,
)
from .layer import FaultyApp


def _authorize(hit: Hit, app: FaultyApp) -> None:
    hit.request = replace(hit.request, authorization=app.valid_authorization)


@fault("no-credentials-accepted", "auth", "security: BasicAuth on every operation (401 without credentials)")
def _no_credentials() -> Injection:
    """A request without an Authorization header is served as if it carried valid credentials."""

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        if not hit.request.authorization.strip():
            _authorize(hit, app)
        return None

    return Injection(before=change)


@fault(
    "wrong-credentials-accepted",
    "auth",
    "security: BasicAuth on every operation (401 with wrong credentials)",
)
def _wrong_credentials() -> Injection:
    """Any credentials are accepted: a wrong client key or API token is served (no credentials still get 401)."""

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        if hit.request.authorization.strip():
            _authorize(hit, app)
        return None

    return Injection(before=change)


@fault(
    "unprotected-operation",
    "auth",
    "listOrderConsumerOrderItems security: BasicAuth (the global requirement applies to it too)",
)
def _unprotected() -> Injection:
    """GET /v2.1/orderConsumers/{ref}/orderItems is served without checking credentials."""

    def change(hit: Hit, app: FaultyApp) -> Response | None:
        if hit.op("listOrderConsumerOrderItems"):
            _authorize(hit, app)
        return None

    return Injection(before=change)
