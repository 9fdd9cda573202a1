from http import HTTPStatus
from typing import Any, Unpack
from urllib.parse import quote

import httpx

from ... import errors
from ..._options import RequestOptions
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.order_item import OrderItem
from ...models.order_item_patch import OrderItemPatch
from ...types import Response

# The documented statuses and what each body holds (None: no body), for validate_responses.
_RESPONSES: dict[int, Any] = {
    200: {"model": "OrderItem"},
    400: {"model": "Error"},
    401: {"model": "Error"},
    404: {"model": "Error"},
    415: {"model": "Error"},
}


def _get_kwargs(
    order_item_ref: str,
    *,
    body: OrderItemPatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v2.1/orderItems/{order_item_ref}".format(
            order_item_ref=quote(str(order_item_ref), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | OrderItem | None:
    if response.status_code == 200:
        response_200 = OrderItem.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if 200 <= response.status_code <= 299:  # a 2xx the spec does not list: still the success
        return _decode_undocumented_success(response)

    if client.raise_on_unexpected_status:
        raise errors.APIError.from_response(response)
    else:
        return None


def _parse_success(response: httpx.Response) -> OrderItem:
    if not 200 <= response.status_code <= 299:
        raise errors.APIError.from_response(response)
    try:
        return _decode_success(response)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:  # ValidationError is a ValueError
        raise errors.APIResponseValidationError.from_response(
            response, "body fits the documented response", f"{type(exc).__name__}: {exc}"
        ) from exc


def _decode_success(response: httpx.Response) -> OrderItem:
    if response.status_code == 200:
        response_200 = OrderItem.from_dict(response.json())

        return response_200

    return _decode_undocumented_success(response)


def _decode_undocumented_success(response: httpx.Response) -> OrderItem:
    """A 2xx the spec does not list for this operation, read as its documented success.

    A success all the same (a create answered 200 instead of 201 did create: reading it as an error
    would make a caller retry into a duplicate); `validate_responses` warns or raises about the status.
    """
    response_200 = OrderItem.from_dict(response.json())

    return response_200


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | OrderItem]:
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
    order_item_ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: OrderItemPatch,
    **options: Unpack[RequestOptions],
) -> Response[Error | OrderItem]:
    """Partially update an order item

     Updates the fields sent and leaves the others alone.

    Args:
        order_item_ref (str): Resource reference, a UUID. Sitecore's examples use both upper- and
            lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.
        body (OrderItemPatch): Body of a v2.1 partial order item update; fields not sent are left
            alone. Unknown fields are allowed, as in OrderItemCreate (its page is cut). Example:
            {'quantity': 2}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OrderItem]
    """

    kwargs = _get_kwargs(
        order_item_ref=order_item_ref,
        body=body,
    )

    response = client.send(kwargs, options, _RESPONSES)

    return _build_response(client=client, response=response)


def sync(
    order_item_ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: OrderItemPatch,
    **options: Unpack[RequestOptions],
) -> OrderItem:
    """Partially update an order item

     Updates the fields sent and leaves the others alone.

    Args:
        order_item_ref (str): Resource reference, a UUID. Sitecore's examples use both upper- and
            lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.
        body (OrderItemPatch): Body of a v2.1 partial order item update; fields not sent are left
            alone. Unknown fields are allowed, as in OrderItemCreate (its page is cut). Example:
            {'quantity': 2}.

    Raises:
        errors.APIError: If the server answers with a status outside 2xx (subclasses per status:
            BadRequestError, AuthenticationError, NotFoundError, ...). A 2xx the spec does not list is
            read as the documented success (validate_responses reports it).
        errors.APITimeoutError: If the request takes longer than the timeout.
        errors.APIConnectionError: If no response came (the host could not be reached, ...).
        errors.APIResponseValidationError: If a success body is not what the spec describes.

    Returns:
        OrderItem
    """

    kwargs = _get_kwargs(
        order_item_ref=order_item_ref,
        body=body,
    )

    response = client.send(kwargs, options, _RESPONSES)

    return _parse_success(response)


async def asyncio_detailed(
    order_item_ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: OrderItemPatch,
    **options: Unpack[RequestOptions],
) -> Response[Error | OrderItem]:
    """Partially update an order item

     Updates the fields sent and leaves the others alone.

    Args:
        order_item_ref (str): Resource reference, a UUID. Sitecore's examples use both upper- and
            lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.
        body (OrderItemPatch): Body of a v2.1 partial order item update; fields not sent are left
            alone. Unknown fields are allowed, as in OrderItemCreate (its page is cut). Example:
            {'quantity': 2}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OrderItem]
    """

    kwargs = _get_kwargs(
        order_item_ref=order_item_ref,
        body=body,
    )

    response = await client.asend(kwargs, options, _RESPONSES)

    return _build_response(client=client, response=response)


async def asyncio(
    order_item_ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: OrderItemPatch,
    **options: Unpack[RequestOptions],
) -> OrderItem:
    """Partially update an order item

     Updates the fields sent and leaves the others alone.

    Args:
        order_item_ref (str): Resource reference, a UUID. Sitecore's examples use both upper- and
            lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.
        body (OrderItemPatch): Body of a v2.1 partial order item update; fields not sent are left
            alone. Unknown fields are allowed, as in OrderItemCreate (its page is cut). Example:
            {'quantity': 2}.

    Raises:
        errors.APIError: If the server answers with a status outside 2xx (subclasses per status:
            BadRequestError, AuthenticationError, NotFoundError, ...). A 2xx the spec does not list is
            read as the documented success (validate_responses reports it).
        errors.APITimeoutError: If the request takes longer than the timeout.
        errors.APIConnectionError: If no response came (the host could not be reached, ...).
        errors.APIResponseValidationError: If a success body is not what the spec describes.

    Returns:
        OrderItem
    """

    kwargs = _get_kwargs(
        order_item_ref=order_item_ref,
        body=body,
    )

    response = await client.asend(kwargs, options, _RESPONSES)

    return _parse_success(response)
