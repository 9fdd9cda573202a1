"""Typed client for the Sitecore CDP Order REST APIs (v2.1 and legacy v2), generated from this project's OpenAPI spec"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    ErrorBody,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    SitecoreCDPError,
    UnsupportedMediaTypeError,
    ValidationError,
)
from ._spec import SPEC_SHA256, __version__

if TYPE_CHECKING:
    from ._client import REGIONS, CDPClient, Region, default_retry
    from ._options import RequestOptions
    from ._pagination import ExpandedPage
    from .api import AsyncSitecoreCDP, SitecoreCDP

_LAZY = {
    "REGIONS": "._client",
    "CDPClient": "._client",
    "Region": "._client",
    "default_retry": "._client",
    "RequestOptions": "._options",
    "ExpandedPage": "._pagination",
    "AsyncSitecoreCDP": ".api",
    "SitecoreCDP": ".api",
}

if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(module, __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = (
    "REGIONS",
    "SPEC_SHA256",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APITimeoutError",
    "AsyncSitecoreCDP",
    "AuthenticationError",
    "BadRequestError",
    "CDPClient",
    "ConfigurationError",
    "ConflictError",
    "ErrorBody",
    "ExpandedPage",
    "InvalidRequestError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "Region",
    "RequestOptions",
    "ServerError",
    "SitecoreCDP",
    "SitecoreCDPError",
    "UnsupportedMediaTypeError",
    "ValidationError",
    "__version__",
    "default_retry",
)
