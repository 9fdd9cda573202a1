"""Faults of the category auth: requests without valid credentials that are served anyway, and credentials
handed back."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import replace

import orjson

from ..messages import Response
from .core import (
    Forwarder,
    Hit,
    Injection,
    fault,
)


def _authorize(hit: Hit, app: Forwarder) -> None:
    hit.request = replace(hit.request, authorization=app.valid_authorization)


@fault("no-credentials-accepted", "auth", "security: BasicAuth on every operation (401 without credentials)")
def _no_credentials() -> Injection:
    """A request without an Authorization header is served as if it carried valid credentials."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
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

    def change(hit: Hit, app: Forwarder) -> Response | None:
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

    def change(hit: Hit, app: Forwarder) -> Response | None:
        if hit.op("listOrderConsumerOrderItems"):
            _authorize(hit, app)
        return None

    return Injection(before=change)


def _pair(header: bytes) -> tuple[str, str] | None:
    """(client key, API token) of a Basic Authorization header, None when it is not one."""
    scheme, _, value = header.strip().partition(b" ")
    if scheme.lower() != b"basic":
        return None
    try:
        text = base64.b64decode(value.strip(), validate=True).decode("latin-1")
    except (binascii.Error, ValueError):
        return None
    user, sep, password = text.partition(":")
    return (user, password) if sep else None


def _lenient(accepts: Callable[[tuple[str, str], tuple[str, str]], bool]) -> Injection:
    """A fault that serves credentials `accepts` deems close enough to the valid pair."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        sent, valid = _pair(hit.request.authorization), _pair(app.valid_authorization)
        if sent is not None and valid is not None and sent != valid and accepts(sent, valid):
            _authorize(hit, app)
        return None

    return Injection(before=change)


@fault(
    "credentials-case-insensitive",
    "auth",
    "security: BasicAuth (the client key and API token are compared exactly: 401 with either in another case)",
)
def _case_insensitive() -> Injection:
    """The client key and API token are compared ignoring case: `SANDBOX-CLIENT-KEY` is served."""
    return _lenient(
        lambda sent, valid: (sent[0].lower(), sent[1].lower()) == (valid[0].lower(), valid[1].lower())
    )


@fault(
    "credentials-trimmed",
    "auth",
    "security: BasicAuth (the client key and API token are compared exactly: 401 with a trailing space)",
)
def _trimmed() -> Injection:
    """Spaces around the client key and API token are trimmed before they are compared."""
    return _lenient(lambda sent, valid: (sent[0].strip(), sent[1].strip()) == valid)


@fault(
    "credentials-prefix-match",
    "auth",
    "security: BasicAuth (the API token is compared exactly: 401 with a character dropped or added)",
)
def _prefix_match() -> Injection:
    """The API token is compared only as far as the shorter of the two reaches: one with its last character
    dropped, or with a character added, is served."""

    def close(sent: tuple[str, str], valid: tuple[str, str]) -> bool:
        token, good = sent[1], valid[1]
        return sent[0] == valid[0] and bool(token) and (good.startswith(token) or token.startswith(good))

    return _lenient(close)


@fault(
    "unauthorized-delete-applied",
    "auth",
    "security: BasicAuth + components.responses.Unauthorized: a DELETE with wrong credentials is refused and deletes nothing",
)
def _unauthorized_delete() -> Injection:
    """A DELETE with wrong credentials answers 401 as it should, but the resource is deleted first."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        authorization = hit.request.authorization
        if hit.method != "DELETE" or not authorization.strip() or authorization == app.valid_authorization:
            return None
        app.forward(replace(hit.request, authorization=app.valid_authorization))
        return app.forward(hit.request)

    return Injection(before=change)


@fault(
    "error-echoes-authorization",
    "auth",
    "security: BasicAuth (the client key and API token are the caller's credentials: no answer hands them back)",
)
def _error_echoes_authorization() -> Injection:
    """4xx error bodies carry the request's Authorization header, as a debug gateway's do: `"debug":
    {"authorization": "Basic <base64 of key:token>"}` beside the error's own fields."""

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        authorization = hit.request.authorization.strip()
        if not 400 <= response.status < 500 or not authorization or not response.body:
            return response
        try:
            doc = orjson.loads(response.body)
        except orjson.JSONDecodeError:
            return response
        if not isinstance(doc, dict):
            return response
        doc["debug"] = {"authorization": authorization.decode("latin-1")}
        return Response(response.status, orjson.dumps(doc), list(response.headers))

    return Injection(after=change)
