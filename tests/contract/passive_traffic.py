"""A small scripted integration for the passive tests: the calls a real one makes (create, read back, list,
update, delete, read after delete, one call without credentials), recorded as a HAR 1.2 document the way a
browser or mitmproxy would write it. It talks to the base URL it is given (a sandbox on 127.0.0.1) only."""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Callable
from typing import Any

import requests

AUTH = ("sandbox-client-key", "sandbox-api-token")
Send = Callable[..., requests.Response]


def _entry(response: requests.Response, elapsed: float) -> dict[str, Any]:
    request = response.request
    body = request.body.decode() if isinstance(request.body, bytes) else str(request.body or "")
    entry: dict[str, Any] = {
        "startedDateTime": "2026-12-01T00:00:00.000Z",
        "time": round(elapsed * 1000, 3),
        "request": {
            "method": request.method,
            "url": request.url,
            "httpVersion": "HTTP/1.1",
            "headers": [{"name": k, "value": v} for k, v in request.headers.items()],
            "queryString": [],
            "cookies": [],
            "headersSize": -1,
            "bodySize": len(body),
        },
        "response": {
            "status": response.status_code,
            "statusText": response.reason or "",
            "httpVersion": "HTTP/1.1",
            "headers": [{"name": k, "value": v} for k, v in response.headers.items()],
            "cookies": [],
            "content": {
                "size": len(response.content),
                "mimeType": response.headers.get("Content-Type", ""),
                "text": base64.b64encode(response.content).decode() if response.content else "",
                **({"encoding": "base64"} if response.content else {}),
            },
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": len(response.content),
        },
        "cache": {},
        "timings": {"send": 0, "wait": 0, "receive": 0},
    }
    if body:
        entry["request"]["postData"] = {"mimeType": request.headers.get("Content-Type", ""), "text": body}
    return entry


def integration(base_url: str, send: Send | None = None) -> list[requests.Response]:
    """The calls, in order, through `send` (a requests-like callable; default: a plain session)."""
    session = requests.Session()
    session.trust_env = False
    call = send or session.request
    reference = f"passive-{uuid.uuid4().hex[:10]}"
    order: dict[str, Any] = {
        "referenceId": reference,
        "orderedAt": "2026-11-30T10:00:00.000Z",
        "currencyCode": "EUR",
        "price": 12.5,
        "status": "PURCHASED",
        "channel": "WEB",
    }
    out = [call("POST", f"{base_url}/v2.1/orders", json=order, auth=AUTH, timeout=30)]
    ref = out[-1].json().get("ref", "missing") if out[-1].content else "missing"
    own = f"{base_url}/v2.1/orders/{ref}"
    out.append(call("GET", own, auth=AUTH, timeout=30))
    out.append(
        call("GET", f"{base_url}/v2.1/orders", params={"referenceId": reference}, auth=AUTH, timeout=30)
    )
    item: dict[str, Any] = {
        "name": "Ticket",
        "type": "Flight Item",
        "status": "CONFIRMED",
        "price": 10.0,
        "currencyCode": "EUR",
    }
    out.append(call("POST", f"{own}/orderItems", json=item, auth=AUTH, timeout=30))
    item_href = out[-1].json().get("href") if out[-1].status_code < 300 and out[-1].content else None
    item_ref = out[-1].json().get("ref") if out[-1].status_code < 300 and out[-1].content else None
    if item_ref:
        out.append(call("GET", f"{base_url}/v2.1/orderItems/{item_ref}", auth=AUTH, timeout=30))
    if item_href:
        out.append(call("GET", f"{own}/orderItems", auth=AUTH, timeout=30))
    patch = {
        **{k: order[k] for k in ("referenceId", "orderedAt", "currencyCode", "price")},
        "status": "CANCELLED",
    }
    out.append(call("PATCH", own, json=patch, auth=AUTH, timeout=30))
    out.append(call("GET", own, auth=AUTH, timeout=30))
    out.append(call("GET", own, timeout=30))  # no credentials: 401
    out.append(call("DELETE", own, auth=AUTH, timeout=30))
    out.append(call("GET", own, auth=AUTH, timeout=30))  # after the delete: 404
    return out


def record(base_url: str) -> dict[str, Any]:
    """The integration's traffic against `base_url` as a HAR document."""
    entries = []
    session = requests.Session()
    session.trust_env = False

    def send(method: str, url: str, **kwargs: Any) -> requests.Response:
        started = time.perf_counter()
        response = session.request(method, url, **kwargs)
        entries.append(_entry(response, time.perf_counter() - started))
        return response

    integration(base_url, send)
    return {
        "log": {"version": "1.2", "creator": {"name": "passive_traffic", "version": "1"}, "entries": entries}
    }


def dumps(document: dict[str, Any]) -> str:
    """The HAR as a file holds it."""
    return json.dumps(document, indent=1)
