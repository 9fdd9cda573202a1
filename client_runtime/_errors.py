"""Exceptions raised by the client: one family, every one a `SitecoreCDPError`.

Hand-written; scripts/regenerate copies it into the package. Every response outside 2xx
becomes an `APIError` carrying the status code, the parsed Sitecore error body and the headers
(with the request id and `Retry-After` read from them), so callers never get a silent `None` or
lose the server's explanation; a 2xx is never one, even a status the spec does not list. A
request that got no response at all is an `APIConnectionError` (`APITimeoutError` when it ran
out of time); a success whose body is not what the spec describes is an
`APIResponseValidationError`; data a model refuses is a `ValidationError`. Messages never
contain credentials: they are built from the method, the URL (credentials travel in a header,
never in the URL), a request id header and the response body only.
"""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

__all__ = [
    "REQUEST_ID_HEADERS",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APITimeoutError",
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
    "ValidationError",
]

_MAX_BODY_IN_MESSAGE = 500
# Sitecore documents no request id header; these are the ones gateways and proxies in front of an API commonly
# set (AWS API Gateway among them), read in this order by APIError.request_id.
REQUEST_ID_HEADERS = (
    "x-request-id",
    "request-id",
    "x-correlation-id",
    "x-amzn-requestid",
    "x-amz-request-id",
)
_log = logging.getLogger("sitecore_cdp_client")


class SitecoreCDPError(Exception):
    """Base class of every exception this package raises on purpose."""


class ConfigurationError(SitecoreCDPError, ValueError):
    """The client was constructed with missing or invalid settings."""


class InvalidRequestError(SitecoreCDPError, ValueError):
    """A call the API documents as invalid (e.g. a list without its required filter); refused before sending."""


class ValidationError(SitecoreCDPError, ValueError):
    """A model refused its data: an unknown or missing field, a value of the wrong kind, a naive datetime.

    Attributes:
        model: the model's class name (e.g. "OrderCreate").
        field: the field in question, as the API spells it (e.g. "referenceId"), when there is one.
    """

    def __init__(self, message: str, *, model: str, field: str | None = None) -> None:
        self.model = model
        self.field = field
        super().__init__(message)


class APIConnectionError(SitecoreCDPError):
    """No response: the host could not be reached, the connection broke, or the transport failed.

    Attributes:
        method, url: the request that failed (no credentials).
    """

    def __init__(self, message: str, *, method: str | None = None, url: str | None = None) -> None:
        self.method = method
        self.url = url
        super().__init__(message)

    @classmethod
    def from_exception(cls, exc: Exception, method: str, url: str) -> APIConnectionError:
        """The error for an httpx transport exception: APITimeoutError for a timeout, else this class."""
        import httpx  # noqa: PLC0415 - already loaded by whoever sent the request

        kind: type[APIConnectionError] = APITimeoutError if isinstance(exc, httpx.TimeoutException) else cls
        what = "timed out" if kind is APITimeoutError else "failed"
        reason = str(exc) or type(exc).__name__
        error = kind(f"{method} {url} {what}: {reason} ({type(exc).__name__})", method=method, url=url)
        _log.debug("error %s %s -> %s (%s)", method, _path(url), kind.__name__, type(exc).__name__)
        return error


class APITimeoutError(APIConnectionError):
    """The request ran out of time (connect, read, write or pool timeout), retries included."""


class APIResponseValidationError(SitecoreCDPError):
    """A success response whose body is not what the spec describes for it.

    Raised when a body is not JSON or does not fit the operation's response model, and, with
    `validate_responses="raise"`, for any rule of the spec the response breaks.

    Attributes:
        status_code, content: the response.
        rule: which rule was broken, in words (e.g. "body is JSON", "status is documented").
        method, url: the request (no credentials).
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        content: bytes,
        rule: str,
        method: str | None = None,
        url: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.content = content
        self.rule = rule
        self.method = method
        self.url = url
        super().__init__(message)

    @classmethod
    def from_response(cls, response: httpx.Response, rule: str, detail: str) -> APIResponseValidationError:
        """The error for a response that breaks `rule`; `detail` says how."""
        request = response.request if _has_request(response) else None
        method = request.method if request is not None else None
        url = str(request.url) if request is not None else None
        where = f" from {method} {url}" if method and url else ""
        _log.debug("error %s %s -> %d breaks %r", method or "?", _path(url), response.status_code, rule)
        return cls(
            f"HTTP {response.status_code}{where} breaks the rule {rule!r}: {detail}",
            status_code=response.status_code,
            content=response.content,
            rule=rule,
            method=method,
            url=url,
        )


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
    """The API answered with a status outside 2xx (a 2xx is never an error, even one the spec does not list).

    Attributes:
        status_code: the HTTP status code.
        content: the raw response body.
        error: the parsed Sitecore error body, or None when the body was not one.
        headers: the response headers (an `httpx.Headers`, case-insensitive, when built from a response).
        method, url: the request that failed (no credentials).

    Properties:
        request_id: the request id a server or gateway sent, for a support ticket, or None. Sitecore documents
            no such header, so the first of `REQUEST_ID_HEADERS` present is used (`X-Request-Id`,
            `Request-Id`, `X-Correlation-Id`, AWS's `x-amzn-RequestId`, `x-amz-request-id`).
        retry_after: the `Retry-After` header in seconds (a number or an HTTP date), or None.
    """

    def __init__(
        self,
        status_code: int,
        content: bytes,
        *,
        method: str | None = None,
        url: str | None = None,
        error: ErrorBody | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.status_code = status_code
        self.content = content
        self.method = method
        self.url = url
        self.headers: Mapping[str, str] = headers if headers is not None else {}
        self.error = error if error is not None else ErrorBody.parse(content)
        super().__init__(self._describe())

    def _header(self, name: str) -> str | None:
        value = self.headers.get(name)
        if value is None:  # a plain dict: compare names without case
            value = next((v for k, v in self.headers.items() if k.lower() == name), None)
        if value is None:
            return None
        return value.strip() or None

    @property
    def request_id(self) -> str | None:
        """The request id of the response (the first of REQUEST_ID_HEADERS present), or None."""
        for name in REQUEST_ID_HEADERS:
            value = self._header(name)
            if value:
                return value
        return None

    @property
    def retry_after(self) -> float | None:
        """Seconds the server asked to wait (`Retry-After`, seconds or an HTTP date), or None."""
        value = self._header("retry-after")
        if value is None:
            return None
        if value.isascii() and value.isdigit():
            return float(value)
        import email.utils  # noqa: PLC0415 - only for an HTTP date, rare

        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.UTC)
        return max(0.0, (when - datetime.datetime.now(datetime.UTC)).total_seconds())

    @classmethod
    def from_response(cls, response: httpx.Response) -> APIError:
        """Build the most specific subclass for a response's status code."""
        error_class = _BY_STATUS.get(response.status_code)
        if error_class is None:
            error_class = ServerError if response.status_code >= 500 else APIError
        request = response.request if _has_request(response) else None
        error = error_class(
            response.status_code,
            response.content,
            method=request.method if request is not None else None,
            url=str(request.url) if request is not None else None,
            headers=response.headers,
        )
        _log.debug(
            "error %s %s -> %d (%s)",
            error.method or "?",
            _path(error.url),
            response.status_code,
            error_class.__name__,
        )
        return error

    def _describe(self) -> str:
        where = f" from {self.method} {self.url}" if self.method and self.url else ""
        request_id = self.request_id
        head = f"HTTP {self.status_code}{where}" + (f" (request id {request_id})" if request_id else "")
        if self.error is not None and (self.error.message or self.error.developer_message):
            detail = self.error.message or ""
            if self.error.developer_message and self.error.developer_message != detail:
                detail = (
                    f"{detail} ({self.error.developer_message})" if detail else self.error.developer_message
                )
            return f"{head}: {detail}"
        body = self.content[:_MAX_BODY_IN_MESSAGE].decode("utf-8", errors="replace")
        return f"{head}: {body}" if body else head


def _path(url: str | None) -> str:
    """The path of a URL for a log line: never the query (nor anything before the path)."""
    if not url:
        return "?"
    rest = url.split("://", 1)[-1]
    path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
    return path.split("?", 1)[0].split("#", 1)[0]


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
