"""Faults of the category status: answers with a status the spec does not declare for the case."""

from __future__ import annotations

import orjson

from ..errors import error_body
from ..messages import Response
from .core import (
    Forwarder,
    Hit,
    Injection,
    fault,
    internal_error,
)


@fault(
    "create-answers-200",
    "status",
    "createOrder (POST /v2.1/orders) responses: 201 is the only success status",
)
def _create_200() -> Injection:
    """POST /v2.1/orders answers 200 instead of the documented 201."""

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        if hit.op("createOrder") and response.status == 201:
            response.status = 200
        return response

    return Injection(after=change)


@fault(
    "missing-ref-answers-500",
    "status",
    "components.responses.NotFound: a ref that matches nothing is 404 (every operation with a ref in its path)",
)
def _missing_ref_500() -> Injection:
    """A ref that matches no resource answers 500 instead of 404."""

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        if response.status == 404 and hit.operation_id is not None and hit.params:
            return internal_error()
        return response

    return Injection(after=change)


@fault(
    "delete-order-answers-202",
    "status",
    "deleteOrder (DELETE /v2.1/orders/{orderRef}) responses: 204, or 200 with a JSON body; 202 is not declared",
)
def _delete_202() -> Injection:
    """DELETE /v2.1/orders/{ref} answers 202 Accepted (a queued delete) instead of 204 or 200."""

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        if hit.op("deleteOrder") and response.status == 204:
            return Response(202)
        return response

    return Injection(after=change)


@fault(
    "unauthorized-answers-403",
    "status",
    "security BasicAuth + components.responses.Unauthorized: missing or wrong credentials are 401; no operation documents 403",
)
def _forbidden() -> Injection:
    """Missing or wrong credentials answer 403 Forbidden instead of the documented 401."""

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        if response.status == 401:
            body = orjson.dumps({"status": "FORBIDDEN", "code": 403, "message": "Access denied."})
            return Response(403, body)
        return response

    return Injection(after=change)


def _upper_case_ref(hit: Hit) -> str | None:
    """The first ref in the request path spelled with upper-case letters (refs are UUIDs in either case)."""
    for name, value in hit.params.items():
        if name.endswith("Ref") and value != value.lower():
            return value
    return None


@fault(
    "uppercase-ref-not-found",
    "status",
    "info.description + schemas.Ref: refs are UUIDs in either case (retrieveOrder and every other ref path: 404 only for no resource)",
)
def _uppercase_not_found() -> Injection:
    """Refs are matched case-sensitively: a path naming an existing resource by its upper-case ref answers 404."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        ref = _upper_case_ref(hit)
        if ref is None or hit.operation_id is None or hit.request.authorization != app.valid_authorization:
            return None
        return Response(404, error_body(404, f"no resource found with ref {ref}"))

    return Injection(before=change)


@fault(
    "retrieve-consumer-answers-201",
    "status",
    "retrieveOrderConsumer (GET /v2.1/orderConsumers/{orderConsumerRef}) responses: 200 is the only success status "
    "(a retrieve creates nothing; the doc page's '201' label is unconfirmed)",
)
def _retrieve_consumer_201() -> Injection:
    """GET /v2.1/orderConsumers/{ref} answers 201 Created (the label of its doc page) instead of 200, with the same
    body."""

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        if hit.op("retrieveOrderConsumer") and response.status == 200:
            response.status = 201
        return response

    return Injection(after=change)
