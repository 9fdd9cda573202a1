from http import HTTPStatus
from typing import Any, Unpack
from urllib.parse import quote

import httpx

from ... import errors
from ..._options import RequestOptions
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.order_contact import OrderContact
from ...types import Response

# The documented statuses and what each body holds (None: no body), for validate_responses.
_RESPONSES: dict[int, Any] = {
    200: {"model": "OrderContact"},
    401: {"model": "Error"},
    404: {"model": "Error"},
}


def _get_kwargs(
    order_contact_ref: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2.1/orderContacts/{order_contact_ref}".format(
            order_contact_ref=quote(str(order_contact_ref), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | OrderContact | None:
    if response.status_code == 200:
        response_200 = OrderContact.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if 200 <= response.status_code <= 299:  # a 2xx the spec does not list: still the success
        return _decode_undocumented_success(response)

    if client.raise_on_unexpected_status:
        raise errors.APIError.from_response(response)
    else:
        return None


def _parse_success(response: httpx.Response) -> OrderContact:
    if not 200 <= response.status_code <= 299:
        raise errors.APIError.from_response(response)
    try:
        return _decode_success(response)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:  # ValidationError is a ValueError
        raise errors.APIResponseValidationError.from_response(
            response, "body fits the documented response", f"{type(exc).__name__}: {exc}"
        ) from exc


def _decode_success(response: httpx.Response) -> OrderContact:
    if response.status_code == 200:
        response_200 = OrderContact.from_dict(response.json())

        return response_200

    return _decode_undocumented_success(response)


def _decode_undocumented_success(response: httpx.Response) -> OrderContact:
    """A 2xx the spec does not list for this operation, read as its documented success.

    A success all the same (a create answered 200 instead of 201 did create: reading it as an error
    would make a caller retry into a duplicate); `validate_responses` warns or raises about the status.
    """
    response_200 = OrderContact.from_dict(response.json())

    return response_200


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | OrderContact]:
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
    order_contact_ref: str,
    *,
    client: AuthenticatedClient | Client,
    **options: Unpack[RequestOptions],
) -> Response[Error | OrderContact]:
    """Retrieve an order contact

     Retrieves an order contact.

    Args:
        order_contact_ref (str): Resource reference, a UUID. Sitecore's examples use both upper-
            and lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OrderContact]
    """

    kwargs = _get_kwargs(
        order_contact_ref=order_contact_ref,
    )

    response = client.send(kwargs, options, _RESPONSES)

    return _build_response(client=client, response=response)


def sync(
    order_contact_ref: str,
    *,
    client: AuthenticatedClient | Client,
    **options: Unpack[RequestOptions],
) -> OrderContact:
    """Retrieve an order contact

     Retrieves an order contact.

    Args:
        order_contact_ref (str): Resource reference, a UUID. Sitecore's examples use both upper-
            and lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.

    Raises:
        errors.APIError: If the server answers with a status outside 2xx (subclasses per status:
            BadRequestError, AuthenticationError, NotFoundError, ...). A 2xx the spec does not list is
            read as the documented success (validate_responses reports it).
        errors.APITimeoutError: If the request takes longer than the timeout.
        errors.APIConnectionError: If no response came (the host could not be reached, ...).
        errors.APIResponseValidationError: If a success body is not what the spec describes.

    Returns:
        OrderContact
    """

    kwargs = _get_kwargs(
        order_contact_ref=order_contact_ref,
    )

    response = client.send(kwargs, options, _RESPONSES)

    return _parse_success(response)


async def asyncio_detailed(
    order_contact_ref: str,
    *,
    client: AuthenticatedClient | Client,
    **options: Unpack[RequestOptions],
) -> Response[Error | OrderContact]:
    """Retrieve an order contact

     Retrieves an order contact.

    Args:
        order_contact_ref (str): Resource reference, a UUID. Sitecore's examples use both upper-
            and lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OrderContact]
    """

    kwargs = _get_kwargs(
        order_contact_ref=order_contact_ref,
    )

    response = await client.asend(kwargs, options, _RESPONSES)

    return _build_response(client=client, response=response)


async def asyncio(
    order_contact_ref: str,
    *,
    client: AuthenticatedClient | Client,
    **options: Unpack[RequestOptions],
) -> OrderContact:
    """Retrieve an order contact

     Retrieves an order contact.

    Args:
        order_contact_ref (str): Resource reference, a UUID. Sitecore's examples use both upper-
            and lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.

    Raises:
        errors.APIError: If the server answers with a status outside 2xx (subclasses per status:
            BadRequestError, AuthenticationError, NotFoundError, ...). A 2xx the spec does not list is
            read as the documented success (validate_responses reports it).
        errors.APITimeoutError: If the request takes longer than the timeout.
        errors.APIConnectionError: If no response came (the host could not be reached, ...).
        errors.APIResponseValidationError: If a success body is not what the spec describes.

    Returns:
        OrderContact
    """

    kwargs = _get_kwargs(
        order_contact_ref=order_contact_ref,
    )

    response = await client.asend(kwargs, options, _RESPONSES)

    return _parse_success(response)
