from http import HTTPStatus
from typing import Any, Unpack

import httpx

from ... import _query_rules, errors
from ..._deprecation import legacy_used
from ..._options import RequestOptions
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.link_page import LinkPage
from ...types import UNSET, Response, Unset

# The documented statuses and what each body holds (None: no body), for validate_responses.
_RESPONSES: dict[int, Any] = {
    200: {"model": "LinkPage"},
    400: {"model": "Error"},
    401: {"model": "Error"},
}


def _get_kwargs(
    *,
    reference_id: str | Unset = UNSET,
    guest_ref: str | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = 10,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["referenceId"] = reference_id

    params["guestRef"] = guest_ref

    params["offset"] = offset

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _query_rules.check("legacy_list_orders", params)

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/orders",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | LinkPage | None:
    if response.status_code == 200:
        response_200 = LinkPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if 200 <= response.status_code <= 299:  # a 2xx the spec does not list: still the success
        return _decode_undocumented_success(response)

    if client.raise_on_unexpected_status:
        raise errors.APIError.from_response(response)
    else:
        return None


def _parse_success(response: httpx.Response) -> LinkPage:
    if not 200 <= response.status_code <= 299:
        raise errors.APIError.from_response(response)
    try:
        return _decode_success(response)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:  # ValidationError is a ValueError
        raise errors.APIResponseValidationError.from_response(
            response, "body fits the documented response", f"{type(exc).__name__}: {exc}"
        ) from exc


def _decode_success(response: httpx.Response) -> LinkPage:
    if response.status_code == 200:
        response_200 = LinkPage.from_dict(response.json())

        return response_200

    return _decode_undocumented_success(response)


def _decode_undocumented_success(response: httpx.Response) -> LinkPage:
    """A 2xx the spec does not list for this operation, read as its documented success.

    A success all the same (a create answered 200 instead of 201 did create: reading it as an error
    would make a caller retry into a duplicate); `validate_responses` warns or raises about the status.
    """
    response_200 = LinkPage.from_dict(response.json())

    return response_200


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | LinkPage]:
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
    reference_id: str | Unset = UNSET,
    guest_ref: str | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = 10,
    **options: Unpack[RequestOptions],
) -> Response[Error | LinkPage]:
    """Retrieve orders (legacy)

     Lists links to the orders with a given `referenceId` or of a given guest (`guestRef`). One of the
    two is required; without either the request is rejected with 400. The ref of each order is the last
    path segment of its `href`.

    Args:
        reference_id (str | Unset):
        guest_ref (str | Unset): Resource reference, a UUID. Sitecore's examples use both upper-
            and lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | LinkPage]
    """

    legacy_used("legacy_list_orders")
    kwargs = _get_kwargs(
        reference_id=reference_id,
        guest_ref=guest_ref,
        offset=offset,
        limit=limit,
    )

    response = client.send(kwargs, options, _RESPONSES)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    reference_id: str | Unset = UNSET,
    guest_ref: str | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = 10,
    **options: Unpack[RequestOptions],
) -> LinkPage:
    """Retrieve orders (legacy)

     Lists links to the orders with a given `referenceId` or of a given guest (`guestRef`). One of the
    two is required; without either the request is rejected with 400. The ref of each order is the last
    path segment of its `href`.

    Args:
        reference_id (str | Unset):
        guest_ref (str | Unset): Resource reference, a UUID. Sitecore's examples use both upper-
            and lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.APIError: If the server answers with a status outside 2xx (subclasses per status:
            BadRequestError, AuthenticationError, NotFoundError, ...). A 2xx the spec does not list is
            read as the documented success (validate_responses reports it).
        errors.APITimeoutError: If the request takes longer than the timeout.
        errors.APIConnectionError: If no response came (the host could not be reached, ...).
        errors.APIResponseValidationError: If a success body is not what the spec describes.

    Returns:
        LinkPage
    """

    legacy_used("legacy_list_orders")
    kwargs = _get_kwargs(
        reference_id=reference_id,
        guest_ref=guest_ref,
        offset=offset,
        limit=limit,
    )

    response = client.send(kwargs, options, _RESPONSES)

    return _parse_success(response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    reference_id: str | Unset = UNSET,
    guest_ref: str | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = 10,
    **options: Unpack[RequestOptions],
) -> Response[Error | LinkPage]:
    """Retrieve orders (legacy)

     Lists links to the orders with a given `referenceId` or of a given guest (`guestRef`). One of the
    two is required; without either the request is rejected with 400. The ref of each order is the last
    path segment of its `href`.

    Args:
        reference_id (str | Unset):
        guest_ref (str | Unset): Resource reference, a UUID. Sitecore's examples use both upper-
            and lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | LinkPage]
    """

    legacy_used("legacy_list_orders")
    kwargs = _get_kwargs(
        reference_id=reference_id,
        guest_ref=guest_ref,
        offset=offset,
        limit=limit,
    )

    response = await client.asend(kwargs, options, _RESPONSES)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    reference_id: str | Unset = UNSET,
    guest_ref: str | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = 10,
    **options: Unpack[RequestOptions],
) -> LinkPage:
    """Retrieve orders (legacy)

     Lists links to the orders with a given `referenceId` or of a given guest (`guestRef`). One of the
    two is required; without either the request is rejected with 400. The ref of each order is the last
    path segment of its `href`.

    Args:
        reference_id (str | Unset):
        guest_ref (str | Unset): Resource reference, a UUID. Sitecore's examples use both upper-
            and lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.APIError: If the server answers with a status outside 2xx (subclasses per status:
            BadRequestError, AuthenticationError, NotFoundError, ...). A 2xx the spec does not list is
            read as the documented success (validate_responses reports it).
        errors.APITimeoutError: If the request takes longer than the timeout.
        errors.APIConnectionError: If no response came (the host could not be reached, ...).
        errors.APIResponseValidationError: If a success body is not what the spec describes.

    Returns:
        LinkPage
    """

    legacy_used("legacy_list_orders")
    kwargs = _get_kwargs(
        reference_id=reference_id,
        guest_ref=guest_ref,
        offset=offset,
        limit=limit,
    )

    response = await client.asend(kwargs, options, _RESPONSES)

    return _parse_success(response)
