from http import HTTPStatus
from typing import Any, Unpack

import httpx

from ... import errors
from ..._deprecation import legacy_used
from ..._options import RequestOptions
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.legacy_order import LegacyOrder
from ...models.legacy_order_create import LegacyOrderCreate
from ...types import Response

# The documented statuses and what each body holds (None: no body), for validate_responses.
_RESPONSES: dict[int, Any] = {
    201: {"model": "LegacyOrder"},
    400: {"model": "Error"},
    401: {"model": "Error"},
    415: {"model": "Error"},
}


def _get_kwargs(
    *,
    body: LegacyOrderCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/orders",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | LegacyOrder | None:
    if response.status_code == 201:
        response_201 = LegacyOrder.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if 200 <= response.status_code <= 299:  # a 2xx the spec does not list: still the success
        return _decode_undocumented_success(response)

    if client.raise_on_unexpected_status:
        raise errors.APIError.from_response(response)
    else:
        return None


def _parse_success(response: httpx.Response) -> LegacyOrder:
    if not 200 <= response.status_code <= 299:
        raise errors.APIError.from_response(response)
    try:
        return _decode_success(response)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:  # ValidationError is a ValueError
        raise errors.APIResponseValidationError.from_response(
            response, "body fits the documented response", f"{type(exc).__name__}: {exc}"
        ) from exc


def _decode_success(response: httpx.Response) -> LegacyOrder:
    if response.status_code == 201:
        response_201 = LegacyOrder.from_dict(response.json())

        return response_201

    return _decode_undocumented_success(response)


def _decode_undocumented_success(response: httpx.Response) -> LegacyOrder:
    """A 2xx the spec does not list for this operation, read as its documented success.

    A success all the same (a create answered 200 instead of 201 did create: reading it as an error
    would make a caller retry into a duplicate); `validate_responses` warns or raises about the status.
    """
    response_201 = LegacyOrder.from_dict(response.json())

    return response_201


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | LegacyOrder]:
    try:
        parsed = _parse_response(client=client, response=response)
    except errors.APIError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        if 200 <= response.status_code <= 299:
            raise errors.APIResponseValidationError.from_response(
                response, "body fits the documented response", f"{type(exc).__name__}: {exc}"
            ) from exc
        parsed = None  # an error body that is not Sitecore's JSON (a gateway's HTML page): content keeps it
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LegacyOrderCreate,
    **options: Unpack[RequestOptions],
) -> Response[Error | LegacyOrder]:
    """Create an order (legacy)

     Creates an order. `ref` in the response is the new order's reference. The docs' curl example sends
    no Content-Type; send `application/json`.

    Args:
        body (LegacyOrderCreate): Body of a legacy order create or update. Update replaces the
            whole order. Unknown fields are allowed: the create page lists only the required fields,
            and the v2 order data model page (which also names contacts, consumers and orderItems) was
            not read whole.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | LegacyOrder]
    """

    legacy_used("legacy_create_order")
    kwargs = _get_kwargs(
        body=body,
    )

    response = client.send(kwargs, options, _RESPONSES)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: LegacyOrderCreate,
    **options: Unpack[RequestOptions],
) -> LegacyOrder:
    """Create an order (legacy)

     Creates an order. `ref` in the response is the new order's reference. The docs' curl example sends
    no Content-Type; send `application/json`.

    Args:
        body (LegacyOrderCreate): Body of a legacy order create or update. Update replaces the
            whole order. Unknown fields are allowed: the create page lists only the required fields,
            and the v2 order data model page (which also names contacts, consumers and orderItems) was
            not read whole.

    Raises:
        errors.APIError: If the server answers with a status outside 2xx (subclasses per status:
            BadRequestError, AuthenticationError, NotFoundError, ...). A 2xx the spec does not list is
            read as the documented success (validate_responses reports it).
        errors.APITimeoutError: If the request takes longer than the timeout.
        errors.APIConnectionError: If no response came (the host could not be reached, ...).
        errors.APIResponseValidationError: If a success body is not what the spec describes.

    Returns:
        LegacyOrder
    """

    legacy_used("legacy_create_order")
    kwargs = _get_kwargs(
        body=body,
    )

    response = client.send(kwargs, options, _RESPONSES)

    return _parse_success(response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LegacyOrderCreate,
    **options: Unpack[RequestOptions],
) -> Response[Error | LegacyOrder]:
    """Create an order (legacy)

     Creates an order. `ref` in the response is the new order's reference. The docs' curl example sends
    no Content-Type; send `application/json`.

    Args:
        body (LegacyOrderCreate): Body of a legacy order create or update. Update replaces the
            whole order. Unknown fields are allowed: the create page lists only the required fields,
            and the v2 order data model page (which also names contacts, consumers and orderItems) was
            not read whole.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | LegacyOrder]
    """

    legacy_used("legacy_create_order")
    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.asend(kwargs, options, _RESPONSES)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LegacyOrderCreate,
    **options: Unpack[RequestOptions],
) -> LegacyOrder:
    """Create an order (legacy)

     Creates an order. `ref` in the response is the new order's reference. The docs' curl example sends
    no Content-Type; send `application/json`.

    Args:
        body (LegacyOrderCreate): Body of a legacy order create or update. Update replaces the
            whole order. Unknown fields are allowed: the create page lists only the required fields,
            and the v2 order data model page (which also names contacts, consumers and orderItems) was
            not read whole.

    Raises:
        errors.APIError: If the server answers with a status outside 2xx (subclasses per status:
            BadRequestError, AuthenticationError, NotFoundError, ...). A 2xx the spec does not list is
            read as the documented success (validate_responses reports it).
        errors.APITimeoutError: If the request takes longer than the timeout.
        errors.APIConnectionError: If no response came (the host could not be reached, ...).
        errors.APIResponseValidationError: If a success body is not what the spec describes.

    Returns:
        LegacyOrder
    """

    legacy_used("legacy_create_order")
    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.asend(kwargs, options, _RESPONSES)

    return _parse_success(response)
