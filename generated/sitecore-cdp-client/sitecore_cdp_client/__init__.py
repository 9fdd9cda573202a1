"""Typed client for the Sitecore CDP Order REST APIs (v2.1 and legacy v2), generated from this project's OpenAPI spec"""

from ._client import REGIONS, CDPClient, Region, default_retry
from ._errors import (
    APIError,
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
)
from ._spec import SPEC_SHA256, __version__
from .api import AsyncSitecoreCDP, SitecoreCDP

__all__ = (
    "REGIONS",
    "SPEC_SHA256",
    "APIError",
    "AsyncSitecoreCDP",
    "AuthenticationError",
    "BadRequestError",
    "CDPClient",
    "ConfigurationError",
    "ConflictError",
    "ErrorBody",
    "InvalidRequestError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "Region",
    "ServerError",
    "SitecoreCDP",
    "SitecoreCDPError",
    "UnsupportedMediaTypeError",
    "__version__",
    "default_retry",
)
