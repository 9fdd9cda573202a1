"""`cdp-conformance proxy`: forward an application's traffic to the API unchanged and judge it as it passes.

The forwarding process does nothing but forward: a threaded HTTP/1.1 server on 127.0.0.1 sends each request
upstream as it came (hop-by-hop headers aside) through urllib3 connection pools with the machine's proxies and
CA bundle (network.py, as `run` uses them), and returns the response byte for byte (still compressed
if it was). A copy of each exchange goes on a queue to a judging process of its own, so judging never takes the
forwarding process' time; it feeds the passive engine, which judges each exchange once it has settled
(`--settle` seconds, so the reads that follow it are seen too) and prints each deviation as it finds it. The proxy
never sends a request of its own; a request the upstream does not answer gets a 502 from the proxy and is not
judged (it says nothing about the API).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing
import os
import queue
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import requests
import urllib3

from ..baseline import BaselineError, baseline_options
from ..config import ConfigError
from ..model import SpecError
from ..network import Network, NetworkError
from ..results import FailureRecord
from ..safety import SafetyError
from ..transport import Exchange
from .engine import PassiveEngine
from .har import HOP_BY_HOP, Recorded, document, entry
from .judging import EXIT_UNUSABLE, finish, passive_options

UPSTREAM_TIMEOUT = 60.0
MAX_BODY = 64 * 1024 * 1024
_STOP = "cdp-conformance: stop"  # crosses a process boundary, so a value, not an object
_NOT_FORWARDED = HOP_BY_HOP | {"host", "content-length"}


def add_arguments(parser: argparse.ArgumentParser, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """The proxy's options."""
    parser.add_argument("--upstream", required=True, metavar="URL", help="the API base URL to forward to")
    parser.add_argument("--port", type=int, required=True, metavar="P", help="listen on 127.0.0.1:P")
    parser.add_argument(
        "--har", type=Path, metavar="FILE", help="also record every exchange (redacted) as HAR"
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=2.0,
        metavar="SECONDS",
        help="judge an exchange this long after it passed, so the reads that follow it count as evidence "
        "(default 2)",
    )
    parser.add_argument("--proxy", metavar="URL", help="reach the upstream through this HTTP(S) proxy")
    parser.add_argument(
        "--ca-bundle", type=Path, metavar="FILE", help="verify the upstream's TLS with this bundle"
    )
    common(parser)


class ForwardingServer(ThreadingHTTPServer):
    """The proxy's listening socket and what its handlers share: where to forward, how, and the queue."""

    daemon_threads = True

    def __init__(self, port: int, upstream: str, network: Network, sink: Callable[[Recorded], None]) -> None:
        super().__init__(("127.0.0.1", port), Forward)
        self.upstream = upstream.rstrip("/")
        self.network = network
        self.sink = sink
        self.count = 0
        self.count_lock = threading.Lock()
        self.pools: dict[tuple[str | None, str], urllib3.PoolManager] = {}
        self.pools_lock = threading.Lock()

    def pool_for(self, url: str) -> urllib3.PoolManager:
        """The connection pool for `url`: straight, or through the proxy the network settings name for it, with
        the CA bundle they name (kept-alive connections, shared by the handler threads)."""
        settings = self.network.send_kwargs(url)
        proxies = settings["proxies"] or {}
        proxy = proxies.get(urlsplit(url).scheme) or proxies.get("all")
        verify = settings["verify"]
        ca_certs = verify if isinstance(verify, str) else requests.utils.DEFAULT_CA_BUNDLE_PATH
        key = (proxy, ca_certs)
        with self.pools_lock:
            pool = self.pools.get(key)
            if pool is None:
                pool = _pool(proxy, ca_certs)
                self.pools[key] = pool
        return pool

    def next_index(self) -> int:
        with self.count_lock:
            self.count += 1
            return self.count


class Forward(BaseHTTPRequestHandler):
    """One client connection: forward each request, answer with the upstream's response, queue a copy."""

    server: ForwardingServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body leave at once, not 40 ms apart

    def _forward(self) -> None:
        body = self._body()
        if body is None:
            return
        server = self.server
        url = server.upstream + self.path
        headers = [(k, v) for k, v in self.headers.items() if k.lower() not in _NOT_FORWARDED]
        started, began = time.perf_counter(), datetime.now(UTC).isoformat(timespec="milliseconds")
        try:
            response = server.pool_for(url).request(
                self.command,
                url,
                body=body or None,
                headers=dict(headers),
                preload_content=False,
                decode_content=False,
                redirect=False,
                retries=False,
                timeout=UPSTREAM_TIMEOUT,
            )
            raw = response.read(decode_content=False)
            response.release_conn()
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            self._answer(502, [("Content-Type", "application/json")], _proxy_error(exc))
            return
        out = [(k, v) for k, v in response.headers.items() if k.lower() not in _NOT_FORWARDED]
        self._answer(response.status, out, raw, reason=response.reason or "")
        server.sink(
            Recorded(
                index=server.next_index(),
                method=self.command,
                url=url,
                request_headers=headers,
                request_body=body,
                status=response.status,
                response_headers=out,
                response_body=raw,
                elapsed=time.perf_counter() - started,
                started=began,
            )
        )

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _forward

    def _body(self) -> bytes | None:
        """The request body (Content-Length or chunked); None after answering a body it cannot take."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
                if sum(map(len, chunks)) > MAX_BODY:
                    break
        else:
            length = int(self.headers.get("Content-Length") or 0)
            if length <= MAX_BODY:
                return self.rfile.read(length) if length else b""
        self._answer(413, [("Content-Type", "application/json")], b'{"proxy": "request body too large"}')
        self.close_connection = True
        return None

    def _answer(self, status: int, headers: list[tuple[str, str]], body: bytes, reason: str = "") -> None:
        self.send_response_only(status, reason or None)
        for name, value in headers:
            self.send_header(name, value)
        if self.command != "HEAD" or "content-length" not in {k.lower() for k, _ in headers}:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the proxy prints deviations, not an access log."""


def _pool(proxy: str | None, ca_certs: str) -> urllib3.PoolManager:
    """A pool straight to the upstream, or through `proxy` (its user and password, if any, as Basic auth)."""
    if proxy is None:
        return urllib3.PoolManager(maxsize=16, ca_certs=ca_certs)
    parts = urlsplit(proxy)
    headers = None
    if parts.username is not None:
        login = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        headers = urllib3.make_headers(proxy_basic_auth=login)
    return urllib3.ProxyManager(proxy, maxsize=16, ca_certs=ca_certs, proxy_headers=headers)


def _proxy_error(exc: BaseException) -> bytes:
    return json.dumps({"proxy": f"the upstream did not answer: {type(exc).__name__}"}).encode()


def decoded(recorded: Recorded) -> Recorded:
    """The exchange with its response body decoded as the application read it (gzip, deflate, br, zstd)."""
    encoding = next((v for k, v in recorded.response_headers if k.lower() == "content-encoding"), "")
    if encoding and recorded.response_body:
        response = urllib3.response.HTTPResponse(
            body=io.BytesIO(recorded.response_body),
            headers={"content-encoding": encoding},
            preload_content=False,
        )
        try:
            recorded.response_body = response.read(decode_content=True)
        except urllib3.exceptions.DecodeError:
            recorded.skip = f"the response body could not be decoded ({encoding})"
    return recorded


def judge(inbox: Any, ready: Any, args: argparse.Namespace) -> None:
    """The judging process: build the passive run, feed it what passed, judge what settled, print each deviation;
    on the stop message write the reports (and the HAR) and exit with the run's code. It ignores SIGINT and
    SIGTERM: Ctrl-C reaches the whole process group, and the forwarding process tells it when to stop. It runs at
    a lower CPU priority than the forwarding process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)  # judging is background work: forwarding (and the application) come first for the CPU
    what = f"traffic through the proxy on 127.0.0.1:{args.port} to {args.upstream}"
    try:
        engine = PassiveEngine(
            passive_options(args, args.upstream, what), settle=max(0.0, args.settle), on_deviation=None
        )
    except (ConfigError, SpecError, SafetyError, BaselineError) as exc:
        print(f"conformance: {exc}", file=sys.stderr, flush=True)
        sys.exit(EXIT_UNUSABLE)
    engine.on_deviation = lambda failure: _print_deviation(engine, failure)
    recorded: list[Exchange] = []
    started = time.monotonic()
    ready.set()
    while True:
        try:
            item = inbox.get(timeout=0.2)
        except queue.Empty:
            item = None
        if item == _STOP:
            break
        if item is not None:
            fed = engine.feed(decoded(item))
            if args.har is not None and fed.exchange is not None:
                recorded.append(fed.exchange)
        engine.judge_settled()
    engine.close()
    if args.har is not None:
        text = json.dumps(document([entry(ex) for ex in recorded], creator="cdp-conformance proxy"), indent=1)
        args.har.parent.mkdir(parents=True, exist_ok=True)
        args.har.write_text(engine.run.redactor.text(text), encoding="utf-8")
    sys.exit(finish(engine, time.monotonic() - started))


def _print_deviation(engine: PassiveEngine, failure: FailureRecord) -> None:
    verdict = engine.run.results.verdict(failure)
    line = (
        f"DEVIATION [{failure.check}] {failure.operation_id} `{failure.label}`: {failure.title} "
        f"({verdict.describe()})"
    )
    print(engine.run.redactor.text(line), flush=True)


def serve(args: argparse.Namespace) -> int:
    """Run the proxy until SIGINT or SIGTERM; the judging process writes the reports; its exit code."""
    upstream = urlsplit(args.upstream)
    if upstream.scheme not in ("http", "https") or not upstream.netloc:
        print(f"conformance: --upstream {args.upstream!r} is not an http(s) base URL.", file=sys.stderr)
        return EXIT_UNUSABLE
    if not 1 <= args.port <= 65535 or not _port_free(args.port):
        print(
            f"conformance: cannot listen on 127.0.0.1:{args.port} (in use, or not a port).", file=sys.stderr
        )
        return EXIT_UNUSABLE
    try:
        network = Network.from_env(dict(os.environ), proxy=args.proxy, ca_bundle=args.ca_bundle)
        baseline_options(
            args, os.environ
        ).load()  # an unusable baseline: one sentence before anything listens
    except (NetworkError, BaselineError) as exc:
        print(f"conformance: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    context = multiprocessing.get_context("spawn")
    inbox, ready = context.Queue(), context.Event()
    judging = context.Process(target=judge, args=(inbox, ready, args), name="cdp-conformance-judge")
    judging.start()
    while not ready.wait(0.2):
        if not judging.is_alive():
            return judging.exitcode or EXIT_UNUSABLE
    server = ForwardingServer(args.port, args.upstream, network, inbox.put)
    print(
        f"proxy: http://127.0.0.1:{args.port} -> {args.upstream}; judging by the spec in a process of its own, "
        "sending nothing of its own; stop with Ctrl-C (or SIGTERM) to write the reports",
        flush=True,
    )
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
        inbox.put(_STOP)
        judging.join(timeout=900)
        if judging.is_alive():
            judging.kill()
    return judging.exitcode if judging.exitcode is not None else EXIT_UNUSABLE


def _interrupt(signum: int, frame: Any) -> None:
    """SIGTERM ends the proxy the way Ctrl-C does."""
    raise KeyboardInterrupt


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True
