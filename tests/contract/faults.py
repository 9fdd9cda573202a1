"""Planted deviations: an ASGI wrapper around the healthy sandbox that breaks one contract rule at a time.

Each fault is an async function `(request, forward) -> response`; `forward` sends a request to the real
sandbox. The sandbox's own fault catalog comes later; these exist to prove each check can fail.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import parse_qsl, urlencode

from contract_tests.targets import fresh_sandbox_factory

VALID_AUTH = b"Basic c2FuZGJveC1jbGllbnQta2V5OnNhbmRib3gtYXBpLXRva2Vu"
UUID = r"[0-9a-fA-F-]{36}"


@dataclass
class Req:
    """A buffered request."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: list[tuple[bytes, bytes]]
    body: bytes
    scope: dict[str, Any]

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None

    def param(self, name: str) -> str | None:
        return next((v for k, v in self.query if k == name), None)


@dataclass
class Resp:
    """A buffered response."""

    status: int
    body: bytes = b""
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None

    def with_json(self, doc: Any, status: int | None = None) -> Resp:
        body = json.dumps(doc).encode()
        headers = [(k, v) for k, v in self.headers if k.lower() not in (b"content-length", b"content-type")]
        headers += [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        return Resp(status if status is not None else self.status, body, headers)


Forward = Callable[[Req], Awaitable[Resp]]
Fault = Callable[[Req, Forward], Awaitable[Resp]]


class Faulty:
    """ASGI app: the sandbox with one fault in front of it."""

    def __init__(self, app: Any, fault: Fault) -> None:
        self.app = app
        self.fault = fault

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        chunks = []
        for _ in range(10_000):
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        request = Req(
            method=scope["method"],
            path=scope["path"],
            query=parse_qsl(scope["query_string"].decode(), keep_blank_values=True),
            headers=list(scope["headers"]),
            body=b"".join(chunks),
            scope=scope,
        )
        response = await self.fault(request, self.forward)
        await send({"type": "http.response.start", "status": response.status, "headers": response.headers})
        await send({"type": "http.response.body", "body": response.body})

    async def forward(self, request: Req) -> Resp:
        scope = dict(request.scope)
        scope.update(
            method=request.method,
            path=request.path,
            raw_path=request.path.encode(),
            query_string=urlencode(request.query).encode(),
            headers=[(k, v) for k, v in request.headers if k != b"content-length"]
            + [(b"content-length", str(len(request.body)).encode())],
        )
        sent = False
        result = Resp(500)
        parts: list[bytes] = []

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": request.body, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                result.status = message["status"]
                result.headers = list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))

        await self.app(scope, receive, send)
        result.body = b"".join(parts)
        return result


def planted(make_fault: Callable[[], Fault]) -> Callable[[], Any]:
    """A factory of faulty sandboxes (fresh sandbox and fresh fault state each call), for `Target.app_factory`."""
    sandbox = fresh_sandbox_factory()
    return lambda: Faulty(sandbox(), make_fault())


def _get(request: Req, path: str) -> Req:
    return replace(request, method="GET", path=path, query=[], body=b"")


# -- the faults ----------------------------------------------------------------------------------------


async def wrong_status_on_create(request: Req, forward: Forward) -> Resp:
    """POST /v2.1/orders answers 200 instead of the documented 201."""
    response = await forward(request)
    if request.method == "POST" and request.path == "/v2.1/orders" and response.status == 201:
        response.status = 200
    return response


async def missing_required_field(request: Req, forward: Forward) -> Resp:
    """GET /v2.1/orders/{ref} leaves out `ref`, which the Order schema requires."""
    response = await forward(request)
    if (
        request.method == "GET"
        and re.fullmatch(rf"/v2\.1/orders/{UUID}", request.path)
        and response.status == 200
    ):
        doc = response.json()
        doc.pop("ref", None)
        return response.with_json(doc)
    return response


async def ignored_auth(request: Req, forward: Forward) -> Resp:
    """Every request is served as if it carried valid credentials."""
    headers = [(k, v) for k, v in request.headers if k != b"authorization"] + [(b"authorization", VALID_AUTH)]
    return await forward(replace(request, headers=headers))


async def delete_does_not_delete(request: Req, forward: Forward) -> Resp:
    """DELETE /v2.1/orders/{ref} answers 200 {} but deletes nothing."""
    if request.method == "DELETE" and re.fullmatch(rf"/v2\.1/orders/{UUID}", request.path):
        current = await forward(_get(request, request.path))
        if current.status == 200:
            return current.with_json({}, status=200)
    return await forward(request)


async def href_not_self(request: Req, forward: Forward) -> Resp:
    """Order items come back with an href whose last segment is another ref."""
    response = await forward(request)
    doc = response.json() if response.body and response.status < 300 else None
    if (
        isinstance(doc, dict)
        and "/orderItems/" in str(doc.get("href", ""))
        and "extensions" not in doc["href"]
    ):
        doc["href"] = doc["href"].rsplit("/", 1)[0] + "/" + str(uuid.uuid4())
        return response.with_json(doc)
    return response


async def create_ref_differs(request: Req, forward: Forward) -> Resp:
    """Creating a contact returns a `ref` (and href) that is not the stored one."""
    response = await forward(request)
    if request.method == "POST" and request.path.endswith("/contacts") and response.status == 201:
        doc = response.json()
        other = str(uuid.uuid4())
        doc["href"] = doc["href"].replace(doc["ref"], other)
        doc["ref"] = other
        return response.with_json(doc)
    return response


async def put_not_applied(request: Req, forward: Forward) -> Resp:
    """PUT on a v2.1 order item answers 200 with the old item and changes nothing."""
    if request.method == "PUT" and re.fullmatch(rf"/v2\.1/orderItems/{UUID}", request.path):
        return await forward(_get(request, request.path))
    return await forward(request)


async def patch_clobbers(request: Req, forward: Forward) -> Resp:
    """PATCH on a v2.1 order item replaces it: fields not sent fall back to the required minimum."""
    if request.method == "PATCH" and re.fullmatch(rf"/v2\.1/orderItems/{UUID}", request.path):
        current = await forward(_get(request, request.path))
        if current.status == 200:
            doc = current.json()
            body = {k: doc[k] for k in ("name", "type", "status", "price", "currencyCode") if k in doc}
            body.update(request.json() or {})
            return await forward(replace(request, method="PUT", body=json.dumps(body).encode()))
    return await forward(request)


async def put_keeps_unsent(request: Req, forward: Forward) -> Resp:
    """PUT on a v2.1 contact behaves like PATCH: fields left out are kept."""
    if request.method == "PUT" and re.fullmatch(rf"/v2\.1/orderContacts/{UUID}", request.path):
        return await forward(replace(request, method="PATCH"))
    return await forward(request)


async def immutable_changed(request: Req, forward: Forward) -> Resp:
    """A v2.1 order PATCH that sends referenceId answers with it changed."""
    response = await forward(request)
    if (
        request.method == "PATCH"
        and re.fullmatch(rf"/v2\.1/orders/{UUID}", request.path)
        and response.status == 200
    ):
        sent = request.json() or {}
        if "referenceId" in sent:
            doc = response.json()
            doc["referenceId"] = sent["referenceId"]
            return response.with_json(doc)
    return response


async def new_child_not_listed(request: Req, forward: Forward) -> Resp:
    """Lists of an order's consumers leave out the most recent one."""
    response = await forward(request)
    if (
        request.method == "GET"
        and re.fullmatch(rf"/v2\.1/orders/{UUID}/consumers", request.path)
        and response.status == 200
    ):
        doc = response.json()
        if doc.get("items"):
            doc["items"] = doc["items"][:-1]
            return response.with_json(doc)
    return response


async def next_link_missing(request: Req, forward: Forward) -> Resp:
    """Pages of an order's items carry no `next` link."""
    response = await forward(request)
    if (
        request.method == "GET"
        and re.fullmatch(rf"/v2\.1/orders/{UUID}/orderItems", request.path)
        and response.status == 200
    ):
        doc = response.json()
        doc.pop("next", None)
        return response.with_json(doc)
    return response


async def offset_ignored(request: Req, forward: Forward) -> Resp:
    """Lists of an order's contacts always start at offset 0 (and say so)."""
    if request.method == "GET" and re.fullmatch(rf"/v2\.1/orders/{UUID}/contacts", request.path):
        request = replace(request, query=[(k, v) for k, v in request.query if k != "offset"])
    return await forward(request)


async def limit_ignored(request: Req, forward: Forward) -> Resp:
    """Legacy item lists return up to 10 items whatever `limit` asks (and echo the asked limit)."""
    if request.method == "GET" and re.fullmatch(rf"/v2/orders/{UUID}/orderItems", request.path):
        asked = request.param("limit")
        query = [(k, v) for k, v in request.query if k != "limit"]
        response = await forward(replace(request, query=query))
        if response.status == 200 and asked is not None:
            doc = response.json()
            doc["limit"] = int(asked)
            doc.pop("next", None)
            return response.with_json(doc)
        return response
    return await forward(request)


async def child_links_other_order(request: Req, forward: Forward) -> Resp:
    """An order item's `order` link points at some other order."""
    response = await forward(request)
    doc = response.json() if response.body and response.status < 300 else None
    if (
        isinstance(doc, dict)
        and "/orderItems/" in str(doc.get("href", ""))
        and isinstance(doc.get("order"), dict)
    ):
        doc["order"]["href"] = re.sub(UUID + "$", str(uuid.uuid4()), doc["order"]["href"])
        return response.with_json(doc)
    return response


async def filter_ignored(request: Req, forward: Forward) -> Resp:
    """GET /v2.1/orders ignores referenceId and lists every order."""
    if request.method == "GET" and request.path == "/v2.1/orders":
        request = replace(request, query=[(k, v) for k, v in request.query if k != "referenceId"])
    return await forward(request)


async def delete_fields_drops_all(request: Req, forward: Forward) -> Resp:
    """DELETE .../fields?name=a|b empties the whole extension."""
    if request.method == "DELETE" and request.path.endswith("/fields"):
        request = replace(request, query=[(k, v) for k, v in request.query if k != "name"])
    return await forward(request)


async def pair_limit_unenforced(request: Req, forward: Forward) -> Resp:
    """A PATCH that would take an order extension past 100 pairs answers 200 (and stores nothing)."""
    response = await forward(request)
    if request.method == "PATCH" and request.path.endswith("/extensions/ext") and response.status == 400:
        current = await forward(_get(request, request.path))
        if current.status == 200:
            return current.with_json(current.json(), status=200)
    return response


class RetrieveLagsCreate:
    """A consumer is not readable right after its creation (404 on the first GET)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    async def __call__(self, request: Req, forward: Forward) -> Resp:
        path = request.path
        if (
            request.method == "GET"
            and re.fullmatch(rf"/v2\.1/orderConsumers/{UUID}", path)
            and path not in self.seen
        ):
            self.seen.add(path)
            return Resp(404).with_json({"status": 404, "code": 404, "message": "not found"})
        return await forward(request)


class ChildSurvivesParentDelete:
    """Deleting a v2.1 order leaves its items readable."""

    def __init__(self) -> None:
        self.kept: set[str] = set()

    async def __call__(self, request: Req, forward: Forward) -> Resp:
        if request.method == "DELETE" and re.fullmatch(rf"/v2\.1/orders/{UUID}", request.path):
            items = await forward(_get(request, request.path + "/orderItems"))
            if items.status == 200:
                self.kept.update(
                    re.sub(r"^https?://[^/]+", "", i["href"]) for i in items.json().get("items", [])
                )
            return await forward(request)
        if request.method == "GET" and request.path in self.kept:
            ref = request.path.rsplit("/", 1)[-1]
            return Resp(200).with_json({"ref": ref, "href": "http://testserver" + request.path})
        return await forward(request)


async def consumer_items_empty(request: Req, forward: Forward) -> Resp:
    """GET /v2.1/orderConsumers/{ref}/orderItems always answers an empty page."""
    response = await forward(request)
    consumer_items = request.path.endswith("/orderItems") and "/orderConsumers/" in request.path
    if request.method == "GET" and consumer_items and response.status == 200:
        doc = response.json()
        doc["items"] = []
        doc.pop("next", None)
        return response.with_json(doc)
    return response


class ConsumerKeepsDeletedItem:
    """Consumers keep linking an item after it was deleted."""

    def __init__(self) -> None:
        self.deleted: list[str] = []

    async def __call__(self, request: Req, forward: Forward) -> Resp:
        response = await forward(request)
        if request.method == "DELETE" and re.fullmatch(rf"/v2(\.1)?/orderItems/{UUID}", request.path):
            self.deleted.append(request.path.rsplit("/", 1)[-1])
        doc = (
            response.json() if request.method == "GET" and response.status == 200 and response.body else None
        )
        if isinstance(doc, dict) and "/orderConsumers/" in str(doc.get("href")) and self.deleted:
            block = doc.get("orderItems") or {}
            key = "items" if "items" in block else "orderItems"
            block.setdefault(key, []).extend(
                {"href": f"http://testserver/v2.1/orderItems/{r}"} for r in self.deleted
            )
            doc["orderItems"] = block
            return response.with_json(doc)
        return response


async def expand_ignored(request: Req, forward: Forward) -> Resp:
    """expand=true on an order's item list is ignored (bare links come back)."""
    if request.method == "GET" and re.fullmatch(rf"/v2\.1/orders/{UUID}/orderItems", request.path):
        request = replace(request, query=[(k, v) for k, v in request.query if k != "expand"])
    return await forward(request)


async def created_at_taken_from_body(request: Req, forward: Forward) -> Resp:
    """A v2.1 order PUT answers with the createdAt the body sent."""
    response = await forward(request)
    if (
        request.method == "PUT"
        and re.fullmatch(rf"/v2\.1/orders/{UUID}", request.path)
        and response.status == 200
    ):
        sent = request.json() or {}
        if "createdAt" in sent:
            doc = response.json()
            doc["createdAt"] = sent["createdAt"]
            return response.with_json(doc)
    return response


async def extension_created_twice(request: Req, forward: Forward) -> Resp:
    """Creating an order data extension that exists overwrites it (201) instead of answering 409."""
    response = await forward(request)
    if request.method == "POST" and request.path.endswith("/extensions/ext") and response.status == 409:
        replaced = await forward(replace(request, method="PUT"))
        replaced.status = 201 if replaced.status == 200 else replaced.status
        return replaced
    return response


async def future_birth_date_accepted(request: Req, forward: Forward) -> Resp:
    """v2.1 contacts with a future dateOfBirth are accepted (stored with the year moved back)."""
    if request.method == "POST" and re.fullmatch(rf"/v2\.1/orders/{UUID}/contacts", request.path):
        body = request.json() or {}
        born = str(body.get("dateOfBirth", ""))
        if born[:4].isdigit() and int(born[:4]) > 2030:
            body["dateOfBirth"] = "1990" + born[4:]
            request = replace(request, body=json.dumps(body).encode())
    return await forward(request)


async def unfiltered_legacy_list_accepted(request: Req, forward: Forward) -> Resp:
    """GET /v2/orders without referenceId or guestRef answers 200 (an empty page)."""
    if (
        request.method == "GET"
        and request.path == "/v2/orders"
        and not (request.param("referenceId") or request.param("guestRef"))
    ):
        request = replace(request, query=[*request.query, ("referenceId", "no-such-order")])
    return await forward(request)


async def last_link_wrong(request: Req, forward: Forward) -> Resp:
    """Pages of an order's contacts point `last` at the first page."""
    response = await forward(request)
    if (
        request.method == "GET"
        and re.fullmatch(rf"/v2\.1/orders/{UUID}/contacts", request.path)
        and response.status == 200
    ):
        doc = response.json()
        if isinstance(doc.get("first"), dict):
            doc["last"] = dict(doc["first"])
            return response.with_json(doc)
    return response
