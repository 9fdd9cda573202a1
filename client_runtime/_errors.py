"""Exceptions raised by the client.

Hand-written; scripts/regenerate copies it into the package. Every non-success response
becomes an `APIError` carrying the status code and the parsed Sitecore error body, so callers
never get a silent `None` or lose the server's explanation. Messages never contain
credentials: they are built from the method, the URL (credentials travel in a header, never in
the URL) and the response body only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx

__all__ = [
    "APIError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "ErrorBody",
    "InvalidRequestError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
    "SitecoreCDPError",
    "UnexpectedStatus",
    "UnsupportedMediaTypeError",
]

_MAX_BODY_IN_MESSAGE = 500


class SitecoreCDPError(Exception):
    """Base class of every exception this package raises on purpose."""


class ConfigurationError(SitecoreCDPError, ValueError):
    """The client was constructed with missing or invalid settings."""


class InvalidRequestError(SitecoreCDPError, ValueError):
    """A call the API documents as invalid (e.g. a list without its required filter); refused before sending."""


@dataclass(frozen=True, slots=True)
class ErrorBody:
    """The Sitecore error document; every field is optional because real bodies vary.

    `status` is an integer (400) on validation errors and a string ("UNAUTHORIZED") on
    authentication errors, so it is typed as both.
    """

    status: int | str | None = None
    code: int | None = None
    message: str | None = None
    developer_message: str | None = None
    more_info_url: str | None = None

    @classmethod
    def parse(cls, content: bytes) -> ErrorBody | None:
        """Parse a response body; None when it is not a JSON object (e.g. a proxy's HTML page)."""
        try:
            data: Any = json.loads(content)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None

        def text(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) else None

        status = data.get("status")
        code = data.get("code")
        return cls(
            status=status if isinstance(status, int | str) and not isinstance(status, bool) else None,
            code=code if isinstance(code, int) and not isinstance(code, bool) else None,
            message=text("message"),
            developer_message=text("developerMessage"),
            more_info_url=text("moreInfoUrl"),
        )


class APIError(SitecoreCDPError):
    """The API answered with a status the operation does not treat as success.

    Attributes:
        status_code: the HTTP status code.
        content: the raw response body.
        error: the parsed Sitecore error body, or None when the body was not one.
        method, url: the request that failed (no credentials).
    """

    def __init__(
        self,
        status_code: int,
        content: bytes,
        *,
        method: str | None = None,
        url: str | None = None,
        error: ErrorBody | None = None,
    ) -> None:
        self.status_code = status_code
        self.content = content
        self.method = method
        self.url = url
        self.error = error if error is not None else ErrorBody.parse(content)
        super().__init__(self._describe())

    @classmethod
    def from_response(cls, response: httpx.Response) -> APIError:
        """Build the most specific subclass for a response's status code."""
        error_class = _BY_STATUS.get(response.status_code)
        if error_class is None:
            error_class = ServerError if response.status_code >= 500 else APIError
        request = response.request if _has_request(response) else None
        return error_class(
            response.status_code,
            response.content,
            method=request.method if request is not None else None,
            url=str(request.url) if request is not None else None,
        )

    def _describe(self) -> str:
        where = f" from {self.method} {self.url}" if self.method and self.url else ""
        head = f"HTTP {self.status_code}{where}"
        if self.error is not None and (self.error.message or self.error.developer_message):
            detail = self.error.message or ""
            if self.error.developer_message and self.error.developer_message != detail:
                detail = (
                    f"{detail} ({self.error.developer_message})" if detail else self.error.developer_message
                )
            return f"{head}: {detail}"
        body = self.content[:_MAX_BODY_IN_MESSAGE].decode("utf-8", errors="replace")
        return f"{head}: {body}" if body else head


def _has_request(response: httpx.Response) -> bool:
    try:
        _ = response.request
    except RuntimeError:
        return False
    return True


class BadRequestError(APIError):
    """400: the request body or parameters were rejected."""


class AuthenticationError(APIError):
    """401: missing or wrong client key / API token."""


class PermissionDeniedError(APIError):
    """403: the credentials may not use this resource."""


class NotFoundError(APIError):
    """404: no such order, item, contact, consumer or extension."""


class ConflictError(APIError):
    """409: the resource already exists (e.g. a data extension)."""


class UnsupportedMediaTypeError(APIError):
    """415: the request was not sent as application/json."""


class RateLimitError(APIError):
    """429 after the retries for idempotent methods were used up (or on POST/PATCH)."""


class ServerError(APIError):
    """5xx from Sitecore or a proxy in front of it."""


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    415: UnsupportedMediaTypeError,
    429: RateLimitError,
}

# The name the generator's own code and documentation use.
UnexpectedStatus = APIError
