"""Exceptions raised by the API functions: see _errors"""

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
    UnexpectedStatus,
    UnsupportedMediaTypeError,
)

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
