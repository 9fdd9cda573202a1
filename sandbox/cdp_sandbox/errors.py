"""Sitecore-shaped error bodies, so every failure looks like the real API's."""

from __future__ import annotations

import orjson

MORE_INFO_URL = "https://support.sitecore.com"
UNAUTHORIZED_MESSAGE = (
    "Authentication credentials are required to access the resource. All requests must be authenticated."
)


class ApiError(Exception):
    """Raised anywhere below the app to answer with a documented 4xx error body."""

    def __init__(
        self,
        status: int,
        message: str,
        developer_message: str | None = None,
        headers: list[tuple[bytes, bytes]] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.developer_message = developer_message or message
        self.headers = headers or []

    def body(self) -> bytes:
        """Encode the error in the documented 400/404/409/413/415 shape."""
        return error_body(self.status, self.message, self.developer_message)


def error_body(status: int, message: str, developer_message: str | None = None) -> bytes:
    """The v2.1 error shape: integer status, same code, field-prefixed message."""
    return orjson.dumps(
        {
            "status": status,
            "code": status,
            "message": message,
            "developerMessage": developer_message or message,
            "moreInfoUrl": MORE_INFO_URL,
        }
    )


UNAUTHORIZED_BODY = orjson.dumps(
    {"status": "UNAUTHORIZED", "code": 401, "message": UNAUTHORIZED_MESSAGE, "moreInfoUrl": MORE_INFO_URL}
)


def bad_request(field: str, problem: str, detail: str | None = None) -> ApiError:
    """A 400 naming the offending field, as Sitecore's `firstName: may not be null.`."""
    message = f"{field}: {problem}"
    return ApiError(400, message, f"{message} ({detail})" if detail else message)


def not_found(what: str, ref: str) -> ApiError:
    """A 404 for a ref that matches nothing."""
    return ApiError(404, f"{what}: no resource found with ref {ref}")
