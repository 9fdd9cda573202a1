"""HAR 1.2 recordings in and out: browser devtools, mitmproxy, Charles and this kit's own reports write them.

Reading checks every entry the judging needs and names the first that cannot be read (`entry 7: ...`); entries
that can be read but cannot be judged (no response, a body the tool left out) are kept and marked, so the report
lists them instead of judging a body it never saw.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..transport import Exchange

HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "trailers",
        "transfer-encoding",
        "upgrade",
    }
)
"""Headers that belong to one connection, never to the message (RFC 9110, 7.6.1)."""
MAX_ENTRIES = 200_000


class HarError(Exception):
    """The recording cannot be read; the message is one sentence naming the entry and why."""


@dataclass(slots=True)
class Recorded:
    """One recorded exchange, bodies as bytes (None: the recording left the body out)."""

    index: int
    method: str
    url: str
    request_headers: list[tuple[str, str]]
    request_body: bytes | None
    status: int
    response_headers: list[tuple[str, str]]
    response_body: bytes | None
    elapsed: float = 0.0
    started: str = ""
    skip: str = ""
    """Why the entry cannot be judged (no response recorded, a body left out); empty: it can."""
    extra: dict[str, Any] = field(default_factory=dict)

    def header(self, name: str, *, response: bool = False) -> str | None:
        """The first value of a header, by name in any case."""
        wanted = name.lower()
        pairs = self.response_headers if response else self.request_headers
        return next((v for k, v in pairs if k.lower() == wanted), None)


def read(path: Path) -> list[Recorded]:
    """Every entry of a HAR file, in recorded order."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise HarError(f"{path}: no such file.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise HarError(f"{path}: cannot be read as UTF-8 text ({exc}).") from None
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise HarError(f"{path}: not JSON ({exc}); a HAR file is a JSON document.") from None
    return parse(document, source=str(path))


def parse(document: Any, *, source: str = "the recording") -> list[Recorded]:
    """The entries of a HAR document (already decoded from JSON)."""
    log = document.get("log") if isinstance(document, dict) else None
    entries = log.get("entries") if isinstance(log, dict) else None
    if not isinstance(entries, list):
        raise HarError(f"{source}: no log.entries list; is this a HAR 1.2 file?")
    if len(entries) > MAX_ENTRIES:
        raise HarError(f"{source}: {len(entries)} entries; split recordings above {MAX_ENTRIES}.")
    return [_entry(raw, number, source) for number, raw in enumerate(entries, start=1)]


def _entry(raw: Any, number: int, source: str) -> Recorded:
    where = f"{source}: entry {number}"
    if not isinstance(raw, dict):
        raise HarError(f"{where}: not an object.")
    request, response = raw.get("request"), raw.get("response")
    if not isinstance(request, dict) or not isinstance(response, dict):
        raise HarError(f"{where}: needs a request and a response object.")
    method, url = request.get("method"), request.get("url")
    if not isinstance(method, str) or not method.isalpha():
        raise HarError(f"{where}: request.method is missing or not an HTTP method ({method!r}).")
    if (
        not isinstance(url, str)
        or urlsplit(url).scheme.lower() not in ("http", "https")
        or not urlsplit(url).netloc
    ):
        raise HarError(f"{where}: request.url is missing or not an absolute http(s) URL ({url!r}).")
    status = response.get("status")
    if not isinstance(status, int) or isinstance(status, bool) or not 0 <= status <= 999:
        raise HarError(f"{where}: response.status is missing or not a status code ({status!r}).")
    recorded = Recorded(
        index=number,
        method=method.upper(),
        url=url,
        request_headers=_headers(request.get("headers"), f"{where}: request.headers"),
        request_body=_post_data(request, where),
        status=status,
        response_headers=_headers(response.get("headers"), f"{where}: response.headers"),
        response_body=_content(response, where),
        elapsed=_millis(raw.get("time")) / 1000,
        started=str(raw.get("startedDateTime") or ""),
    )
    if status == 0:
        recorded.skip = "no response was recorded (status 0: aborted or failed)"
    elif recorded.response_body is None and status not in (204, 304) and method.upper() != "HEAD":
        recorded.skip = "the recording left the response body out"
    elif recorded.request_body is None and method.upper() in ("POST", "PUT", "PATCH"):
        recorded.skip = "the recording left the request body out"
    return recorded


def _headers(raw: Any, where: str) -> list[tuple[str, str]]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise HarError(f"{where}: not a list of name/value objects.")
    pairs = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise HarError(f"{where}: holds an item without a name.")
        name = item["name"]
        if name.startswith(":"):  # HTTP/2 pseudo-headers say what the URL and status already say
            continue
        pairs.append((name, str(item.get("value", ""))))
    return pairs


def _post_data(request: dict[str, Any], where: str) -> bytes | None:
    data = request.get("postData")
    if data is None:
        size = request.get("bodySize")
        return b"" if not isinstance(size, int) or size <= 0 else None
    if not isinstance(data, dict):
        raise HarError(f"{where}: request.postData is not an object.")
    text = data.get("text")
    if text is None:
        return None
    if not isinstance(text, str):
        raise HarError(f"{where}: request.postData.text is not a string.")
    return _decode(text, data.get("encoding"), f"{where}: request.postData")


def _content(response: dict[str, Any], where: str) -> bytes | None:
    content = response.get("content")
    if content is None:
        return None
    if not isinstance(content, dict):
        raise HarError(f"{where}: response.content is not an object.")
    text = content.get("text")
    if text is None:
        size = content.get("size")
        return b"" if isinstance(size, int) and size == 0 else None
    if not isinstance(text, str):
        raise HarError(f"{where}: response.content.text is not a string.")
    return _decode(text, content.get("encoding"), f"{where}: response.content")


def _decode(text: str, encoding: Any, where: str) -> bytes:
    if encoding in (None, ""):
        return text.encode("utf-8")
    if encoding != "base64":
        raise HarError(f"{where}: encoding {encoding!r} is not one HAR knows (only base64).")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise HarError(f"{where}: says base64 but is not valid base64.") from None


def _millis(value: Any) -> float:
    return (
        float(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
        else 0.0
    )


def entry(exchange: Exchange, comment: str = "") -> dict[str, Any]:
    """One (already redacted) exchange as a HAR 1.2 entry."""
    content_type = next((v for k, v in exchange.response_headers.items() if k.lower() == "content-type"), "")
    request_type = next((v for k, v in exchange.request_headers.items() if k.lower() == "content-type"), "")
    request: dict[str, Any] = {
        "method": exchange.method,
        "url": exchange.url,
        "httpVersion": "HTTP/1.1",
        "headers": [{"name": k, "value": v} for k, v in exchange.request_headers.items()],
        "queryString": [],
        "cookies": [],
        "headersSize": -1,
        "bodySize": len(exchange.request_body.encode()),
    }
    if exchange.request_body:
        request["postData"] = {"mimeType": request_type, "text": exchange.request_body}
    return {
        "startedDateTime": exchange.started or datetime.now(UTC).isoformat(timespec="milliseconds"),
        "time": round(exchange.elapsed * 1000, 3),
        **({"comment": comment} if comment else {}),
        "request": request,
        "response": {
            "status": exchange.status or 0,
            "statusText": exchange.error,
            "httpVersion": "HTTP/1.1",
            "headers": [{"name": k, "value": v} for k, v in exchange.response_headers.items()],
            "cookies": [],
            "content": {
                "size": len(exchange.response_body.encode()),
                "mimeType": content_type,
                "text": exchange.response_body,
            },
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": len(exchange.response_body.encode()),
        },
        "cache": {},
        "timings": {"send": 0, "wait": round(exchange.elapsed * 1000, 3), "receive": 0},
    }


def document(entries: list[dict[str, Any]], creator: str = "contract_tests") -> dict[str, Any]:
    """A HAR 1.2 document around entries."""
    return {"log": {"version": "1.2", "creator": {"name": creator, "version": "1"}, "entries": entries}}
