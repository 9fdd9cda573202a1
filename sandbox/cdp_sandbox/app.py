"""The ASGI application: one entry (`handle`) where each request goes in and each response comes out.

A raw ASGI callable with a precompiled router keeps per-request overhead small; the fault-injection layer
overrides `SandboxApp.answer` (request/response transformers and delays) and the `Store` (storage hooks), and
reuses this ASGI entry as it is. The app knows nothing of faults or seeds: `factory.py` builds it and wires in
what it needs from them (the state export of `GET /_sandbox/state`).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hmac
import logging
import re
import time
from collections.abc import Callable
from typing import Any

from . import jsonio
from .errors import UNAUTHORIZED_BODY, ApiError, error_body
from .handlers import Call, Handler, build_table
from .messages import Receive, Request, Response, Scope, Send
from .spec import Spec
from .storage import Store
from .validation import check_body, path_values, query_values

log = logging.getLogger("cdp_sandbox")
access_log = logging.getLogger("cdp_sandbox.access")

JSON_HEADERS = ((b"content-type", b"application/json"),)
ADMIN_PREFIX = "/_sandbox/"
_ADMIN_ACTIONS = {"reset": "POST", "state": "GET"}
_HOST = re.compile(r"[A-Za-z0-9.\-]{1,253}(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]{2,45}\](:[0-9]{1,5})?")
LEGACY_EXTRA_MEDIA = frozenset({"", "application/x-www-form-urlencoded"})

StateExport = Callable[[Store, Spec], Any]
"""The whole store as a JSON document, for `GET /_sandbox/state` (the factory passes `seeds.export`)."""


class SandboxApp:
    """Auth, routing, spec validation and dispatch; no I/O besides the store."""

    def __init__(
        self,
        spec: Spec,
        store: Store,
        client_key: str,
        api_token: str,
        *,
        admin: bool = False,
        state_export: StateExport | None = None,
    ) -> None:
        self.spec = spec
        self.store = store
        self.admin = admin
        """Whether the sandbox's own endpoints answer, `POST /_sandbox/reset` and `GET /_sandbox/state` (off by
        default)."""
        self.state_export = state_export
        """What `GET /_sandbox/state` answers with; without it that path is not there (404)."""
        self._credentials = (client_key.encode(), api_token.encode())
        self._expected_header = b"Basic " + base64.b64encode(b"%s:%s" % self._credentials)
        table = build_table()
        missing = sorted(set(spec.operations) - set(table))
        if missing:
            raise ValueError(f"no handler for operations: {', '.join(missing)}")
        self._handlers: dict[str, Handler] = {op_id: table[op_id] for op_id in spec.operations}

    # -- ASGI edge ---------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "http":
            logged = access_log.isEnabledFor(logging.INFO)
            started = time.perf_counter() if logged else 0.0
            request = await read_request(scope, receive)
            response, delay = self.answer(request)
            if self.store.dirty:
                response = await self._committed(response)
            if delay > 0:
                await asyncio.sleep(delay)
            await send_response(send, response, request.too_large)
            if logged:
                # Method, path and status only: never the query, headers or body (credentials live there).
                elapsed = (time.perf_counter() - started) * 1000
                access_log.info("%s %s %d %.1fms", request.method, request.path, response.status, elapsed)
        elif kind == "lifespan":
            await _lifespan(receive, send)

    async def _committed(self, response: Response) -> Response:
        """Hold the answer until its writes are committed (grouped with this loop turn's others)."""
        try:
            await self.store.committed()
        except Exception:
            log.exception("storage commit failed")
            return Response(503, error_body(503, "storage: the write could not be committed; retry"))
        return response

    # -- the seam ----------------------------------------------------------------------------

    def answer(self, request: Request) -> tuple[Response, float]:
        """(response, seconds to hold it back) for one request; the fault layer overrides this."""
        return self.handle(request), 0.0

    def handle(self, request: Request) -> Response:
        """Answer one request. Input faults become 4xx; anything else is a bug, logged and 500."""
        try:
            return self._dispatch(request)
        except ApiError as exc:
            return Response(exc.status, exc.body(), exc.headers)
        except Exception:
            log.exception("unhandled error on %s %s", request.method, request.path)
            return Response(500, error_body(500, "internal error in the sandbox (a bug: please report it)"))

    def _dispatch(self, request: Request) -> Response:
        if not self._authorized(request.authorization):
            return Response(401, UNAUTHORIZED_BODY, [(b"www-authenticate", b'Basic realm="cdp-sandbox"')])
        if self.admin and request.path.startswith(ADMIN_PREFIX):
            return self._admin(request)
        matched = self.spec.router.match(request.path)
        if matched is None:
            raise ApiError(404, f"path: no resource at {request.path}")
        entry, raw_path = matched
        op = entry.operations.get(request.method)
        if op is None:
            raise ApiError(
                405,
                f"method: {request.method} is not allowed on {entry.template}",
                headers=[(b"allow", entry.allow)],
            )
        path = path_values(op, raw_path)
        query = query_values(op, request.query_string)
        body: Any = None
        if op.body_validator is not None:
            body = self._body(op.legacy, op.media_types, op.body_required, request)
            check_body(op, body)
            if not isinstance(body, dict):
                raise ApiError(400, "body: must be a JSON object.")
        root = request.base_url + ("/v2" if op.legacy else "/v2.1")
        status, document = self._handlers[op.operation_id](Call(op, root, path, query, body, self.store))
        if document is None:
            return Response(status)
        return Response(status, jsonio.dumps(document))

    def _admin(self, request: Request) -> Response:
        """The sandbox's own endpoints, outside the API's paths and behind the same credentials."""
        action = request.path[len(ADMIN_PREFIX) :]
        allowed = _ADMIN_ACTIONS.get(action)
        if allowed is None or (action == "state" and self.state_export is None):
            raise ApiError(404, f"path: no resource at {request.path}")
        if request.method != allowed:
            raise ApiError(
                405,
                f"method: {request.method} is not allowed on {request.path}",
                headers=[(b"allow", allowed.encode())],
            )
        if action == "reset":
            self.store.reset()
            return Response(204)
        assert self.state_export is not None
        return Response(200, jsonio.dumps(self.state_export(self.store, self.spec)))

    @property
    def valid_authorization(self) -> bytes:
        """The Authorization header the sandbox accepts (seeding and faults that ignore auth send this)."""
        return self._expected_header

    def _authorized(self, header: bytes) -> bool:
        """Constant-time check of HTTP Basic credentials."""
        if hmac.compare_digest(header, self._expected_header):
            return True
        scheme, _, encoded = header.partition(b" ")
        if scheme.lower() != b"basic":
            return False
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True)
        except (binascii.Error, ValueError):
            return False
        user, sep, password = decoded.partition(b":")
        key, token = self._credentials
        user_ok = hmac.compare_digest(user, key)
        password_ok = hmac.compare_digest(password, token)
        return bool(sep) and user_ok and password_ok

    @staticmethod
    def _body(legacy: bool, declared: frozenset[str], required: bool, request: Request) -> Any:
        media, charset = _media_type(request.content_type)
        acceptable = media == "application/json" or media.endswith("+json") or media in declared
        if not acceptable and not (legacy and media in LEGACY_EXTRA_MEDIA):
            shown = media or "missing"
            raise ApiError(415, f"Content-Type: {shown} is not supported; send application/json.")
        if charset not in ("", "utf-8", "utf8"):
            raise ApiError(415, f"Content-Type: charset {charset} is not supported; send UTF-8.")
        if request.too_large:
            raise ApiError(413, f"body: larger than {jsonio.MAX_BODY_BYTES} bytes.")
        if not request.body.strip() and not required:
            return {}
        return jsonio.decode_body(request.body)


def _media_type(header: bytes | None) -> tuple[str, str]:
    if header == b"application/json":
        return "application/json", ""
    if not header:
        return "", ""
    text = header.decode("latin-1")
    media, _, params = text.partition(";")
    charset = ""
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.strip().lower(), charset


async def read_request(scope: Scope, receive: Receive) -> Request:
    """Collect the headers the sandbox uses and the body, stopping at the size limit."""
    authorization = b""
    content_type = None
    host = None
    length = 0
    for name, value in scope["headers"]:
        if name == b"authorization":
            authorization = value
        elif name == b"content-type":
            content_type = value
        elif name == b"host":
            host = value
        elif name == b"content-length":
            length = int(value) if value.isdigit() and len(value) < 16 else 0
            if value.isdigit() and len(value) >= 16:
                length = jsonio.MAX_BODY_BYTES + 1
    request = Request(
        method=scope["method"],
        path=scope["path"],
        query_string=scope["query_string"],
        base_url=_base_url(scope, host),
        authorization=authorization,
        content_type=content_type,
    )
    if length > jsonio.MAX_BODY_BYTES:
        request.too_large = True
        return request
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > jsonio.MAX_BODY_BYTES:
            request.too_large = True
            return request
        chunks.append(chunk)
        more = message.get("more_body", False)
    request.body = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    return request


_BASE_CACHE: dict[tuple[str, bytes | None], str] = {}


def _base_url(scope: Scope, host: bytes | None) -> str:
    """Absolute base for hrefs: the Host the client used, else the listening address (memoized)."""
    scheme = scope.get("scheme", "http")
    key = (scheme, host)
    cached = _BASE_CACHE.get(key)
    if cached is not None:
        return cached
    base = _compute_base_url(scope, scheme, host)
    if len(_BASE_CACHE) < 256:
        _BASE_CACHE[key] = base
    return base


def _compute_base_url(scope: Scope, scheme: str, host: bytes | None) -> str:
    if host:
        text = host.decode("latin-1")
        if _HOST.fullmatch(text):
            return f"{scheme}://{text}"
    server = scope.get("server")
    if server:
        address, port = server[0], server[1]
        if ":" in str(address):
            address = f"[{address}]"
        return f"{scheme}://{address}:{port}" if port else f"{scheme}://{address}"
    return f"{scheme}://localhost"


async def send_response(send: Send, response: Response, close: bool = False) -> None:
    """Write the response; a body we did not read (413) closes the connection. A Content-Type among the
    response's headers (only ever set by the fault layer) replaces the JSON one."""
    body = response.body
    own_type = bool(response.headers) and any(name == b"content-type" for name, _ in response.headers)
    headers: list[tuple[bytes, bytes]] = [*JSON_HEADERS] if body and not own_type else []
    headers.append((b"content-length", b"%d" % len(body)))
    headers.extend(response.headers)
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
