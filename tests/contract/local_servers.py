"""Small HTTP servers on 127.0.0.1 for the network tests: an echoing gateway and a forward proxy.

Both are threaded `http.server`s with bounded reads; the proxy forwards absolute-form requests
(`GET http://127.0.0.1:PORT/...`) to 127.0.0.1 only and answers 502 for any other host, so nothing a test sends
can leave the machine through it. HTTPS CONNECT is not handled.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import quote, quote_plus, urlsplit

MAX_BODY = 1 << 20
HOP_BY_HOP = {"connection", "proxy-connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade"}


def spellings(secret: str) -> dict[str, str]:
    """Every form of one credential string an echoing target or a report format may give it (named)."""
    raw = secret.encode("utf-8")
    forms = {
        "raw": secret,
        "base64": base64.b64encode(raw).decode(),
        "base64 unpadded": base64.b64encode(raw).decode().rstrip("="),
        "base64 url-safe": base64.urlsafe_b64encode(raw).decode(),
        "base64 url-safe unpadded": base64.urlsafe_b64encode(raw).decode().rstrip("="),
        "quote": quote(secret, safe=""),
        "quote lower-case hex": _lower_hex(quote(secret, safe="")),
        "quote keeping /": quote(secret),
        "quote_plus": quote_plus(secret, safe=""),
        "quote_plus lower-case hex": _lower_hex(quote_plus(secret, safe="")),
    }
    escapes = {
        "JSON-escaped": lambda v: json.dumps(v)[1:-1],
        "JSON-escaped (non-ASCII kept)": lambda v: json.dumps(v, ensure_ascii=False)[1:-1],
        "JSON-escaped with \\/": lambda v: json.dumps(v)[1:-1].replace("/", "\\/"),
        "XML-escaped": _xml,
    }
    result = dict(forms)
    for name, value in forms.items():
        for escape, spell in escapes.items():
            text = spell(value)
            if text not in result.values():
                result[f"{name}, {escape}"] = text
    return result


def _lower_hex(text: str) -> str:
    return re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), text)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _read_body(handler: BaseHTTPRequestHandler) -> bytes:
    length = int(handler.headers.get("Content-Length") or 0)
    return handler.rfile.read(min(length, MAX_BODY)) if length else b""


class _Echo(BaseHTTPRequestHandler):
    """Answers 200 with the request it got: headers and body in the JSON body, credentials in headers too, and
    every spelling of the Basic credentials it decoded (as a careless debug gateway might)."""

    def _answer(self) -> None:
        body = _read_body(self)
        headers = {k: v for k, v in self.headers.items()}
        decoded: dict[str, dict[str, str]] = {}
        for name in ("Authorization", "Proxy-Authorization"):
            value = self.headers.get(name, "")
            if value.startswith("Basic "):
                pair = base64.b64decode(value[6:]).decode("latin-1")
                user, _, secret = pair.partition(":")
                decoded[name] = {
                    f"{part} {form}": text
                    for part, whole in (("pair", pair), ("user", user), ("secret", secret))
                    for form, text in spellings(whole).items()
                    if "escaped" not in form
                }
        payload = json.dumps(
            {
                "method": self.command,
                "path": self.path,
                "headers": headers,
                "body": body.decode("latin-1"),
                "decoded": decoded,
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Echo-Authorization", self.headers.get("Authorization", ""))
        pair = decoded.get("Authorization", {}).get("pair raw", "")
        self.send_header("X-Echo-Credentials", quote(pair, safe=""))
        self.end_headers()
        self.wfile.write(payload)

    def __getattr__(self, name: str) -> Any:  # any method (the coverage phase also sends QUERY, PROPFIND...)
        if name.startswith("do_") and name != "do_HEAD":
            return self._answer
        raise AttributeError(name)

    def do_HEAD(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        return


@dataclass
class ProxyLog:
    """What the forward proxy was asked: (method, absolute URL) and each request's Proxy-Authorization."""

    requests: list[tuple[str, str]] = field(default_factory=list)
    proxy_authorization: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Forward(BaseHTTPRequestHandler):
    log: ProxyLog
    leak_proxy_authorization = False

    def _forward(self) -> None:
        body = _read_body(self)
        with self.log.lock:
            self.log.requests.append((self.command, self.path))
            self.log.proxy_authorization.append(self.headers.get("Proxy-Authorization", ""))
        parts = urlsplit(self.path)
        if parts.scheme != "http" or parts.hostname != "127.0.0.1" or parts.port is None:
            with self.log.lock:
                self.log.refused.append(self.path)
            self._reply(
                502, [("Content-Type", "text/plain")], b"this proxy only forwards to http://127.0.0.1"
            )
            return
        headers = {
            k: v
            for k, v in self.headers.items()
            if k.lower() not in HOP_BY_HOP
            and (self.leak_proxy_authorization or k.lower() != "proxy-authorization")
        }
        upstream = http.client.HTTPConnection("127.0.0.1", parts.port, timeout=30)
        try:
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            upstream.request(self.command, target or "/", body=body or None, headers=headers)
            answer = upstream.getresponse()
            data = answer.read(MAX_BODY)
            kept = [
                (k, v) for k, v in answer.getheaders() if k.lower() not in HOP_BY_HOP | {"content-length"}
            ]
            self._reply(answer.status, kept, data, head=self.command == "HEAD")
        except OSError as exc:
            self._reply(502, [("Content-Type", "text/plain")], f"upstream failed: {exc}".encode())
        finally:
            upstream.close()

    def _reply(self, status: int, headers: list[tuple[str, str]], data: bytes, head: bool = False) -> None:
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def __getattr__(self, name: str) -> Any:  # forward any method
        if name.startswith("do_"):
            return self._forward
        raise AttributeError(name)

    def log_message(self, format: str, *args: Any) -> None:
        return


@contextlib.contextmanager
def _serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextlib.contextmanager
def echo_server() -> Iterator[str]:
    """An echoing target on 127.0.0.1; yields its base URL."""
    with _serve(_Echo) as port:
        yield f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def forward_proxy(*, leak_proxy_authorization: bool = False) -> Iterator[tuple[int, ProxyLog]]:
    """A forward proxy on 127.0.0.1 (to 127.0.0.1 only); yields its port and what it was asked.

    `leak_proxy_authorization` passes the client's Proxy-Authorization on to the target, as a careless proxy would.
    """
    log = ProxyLog()
    handler = type("Forward", (_Forward,), {"log": log, "leak_proxy_authorization": leak_proxy_authorization})
    with _serve(handler) as port:
        yield port, log
