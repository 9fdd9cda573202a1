from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.legacy_order_consumer import LegacyOrderConsumer
from ...models.legacy_order_consumer_create import LegacyOrderConsumerCreate
from ...types import Response


def _get_kwargs(
    order_ref: str,
    *,
    body: LegacyOrderConsumerCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/orders/{order_ref}/consumers".format(
            order_ref=quote(str(order_ref), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | LegacyOrderConsumer | None:
    if response.status_code == 201:
        response_201 = LegacyOrderConsumer.from_dict(response.json())

        return response_201

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

    if client.raise_on_unexpected_status:
        raise errors.APIError.from_response(response)
    else:
        return None


def _parse_success(response: httpx.Response) -> LegacyOrderConsumer:
    if response.status_code == 201:
        response_201 = LegacyOrderConsumer.from_dict(response.json())

        return response_201

    raise errors.APIError.from_response(response)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | LegacyOrderConsumer]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: LegacyOrderConsumerCreate,
) -> Response[Error | LegacyOrderConsumer]:
    """Create an order consumer (legacy)

     Creates a consumer on an order: the person who consumes some of its items, listed in
    `orderItems.items[].href`. `ref` in the response is the consumer's reference.

    Args:
        order_ref (str): Resource reference, a UUID. Sitecore's examples use both upper- and
            lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.
        body (LegacyOrderConsumerCreate): Body of a legacy order consumer create or update: the
            person who consumes order items (for flights, the passenger). Update replaces the whole
            consumer. Unknown fields are allowed: no page read lists the v2 consumer's fields in full.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | LegacyOrderConsumer]
    """

    kwargs = _get_kwargs(
        order_ref=order_ref,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: LegacyOrderConsumerCreate,
) -> LegacyOrderConsumer:
    """Create an order consumer (legacy)

     Creates a consumer on an order: the person who consumes some of its items, listed in
    `orderItems.items[].href`. `ref` in the response is the consumer's reference.

    Args:
        order_ref (str): Resource reference, a UUID. Sitecore's examples use both upper- and
            lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.
        body (LegacyOrderConsumerCreate): Body of a legacy order consumer create or update: the
            person who consumes order items (for flights, the passenger). Update replaces the whole
            consumer. Unknown fields are allowed: no page read lists the v2 consumer's fields in full.

    Raises:
        errors.APIError: If the server answers with any status other than the documented success
            (subclasses per status: BadRequestError, AuthenticationError, NotFoundError, ...).
        httpx.TimeoutException: If the request takes longer than the client's timeout.

    Returns:
        LegacyOrderConsumer
    """

    kwargs = _get_kwargs(
        order_ref=order_ref,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _parse_success(response)


async def asyncio_detailed(
    order_ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: LegacyOrderConsumerCreate,
) -> Response[Error | LegacyOrderConsumer]:
    """Create an order consumer (legacy)

     Creates a consumer on an order: the person who consumes some of its items, listed in
    `orderItems.items[].href`. `ref` in the response is the consumer's reference.

    Args:
        order_ref (str): Resource reference, a UUID. Sitecore's examples use both upper- and
            lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.
        body (LegacyOrderConsumerCreate): Body of a legacy order consumer create or update: the
            person who consumes order items (for flights, the passenger). Update replaces the whole
            consumer. Unknown fields are allowed: no page read lists the v2 consumer's fields in full.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | LegacyOrderConsumer]
    """

    kwargs = _get_kwargs(
        order_ref=order_ref,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: LegacyOrderConsumerCreate,
) -> LegacyOrderConsumer:
    """Create an order consumer (legacy)

     Creates a consumer on an order: the person who consumes some of its items, listed in
    `orderItems.items[].href`. `ref` in the response is the consumer's reference.

    Args:
        order_ref (str): Resource reference, a UUID. Sitecore's examples use both upper- and
            lower-case hex, so both are accepted. Example: d680c9be-4c07-4731-857e-9602034b15f2.
        body (LegacyOrderConsumerCreate): Body of a legacy order consumer create or update: the
            person who consumes order items (for flights, the passenger). Update replaces the whole
            consumer. Unknown fields are allowed: no page read lists the v2 consumer's fields in full.

    Raises:
        errors.APIError: If the server answers with any status other than the documented success
            (subclasses per status: BadRequestError, AuthenticationError, NotFoundError, ...).
        httpx.TimeoutException: If the request takes longer than the client's timeout.

    Returns:
        LegacyOrderConsumer
    """

    kwargs = _get_kwargs(
        order_ref=order_ref,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _parse_success(response)
