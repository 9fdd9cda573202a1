"""`cdp-conformance proxy`: forward an application's traffic to the API unchanged and judge it as it passes.

The forwarding path does nothing but forward: the request goes upstream as it came (hop-by-hop headers aside),
the response comes back byte for byte (still compressed if it was), and a copy of the exchange goes on a queue.
One judging thread takes the copies and feeds the passive engine, which judges each exchange once it has settled
(`--settle` seconds, so the reads that follow it are seen too) and prints each deviation as it finds it. The
proxy never sends a request of its own; a request the upstream does not answer gets a 502 from the proxy and is
not judged (it says nothing about the API).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import queue
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import uvicorn

from ..results import FailureRecord
from ..transport import Exchange
from .engine import PassiveEngine
from .har import HOP_BY_HOP, Recorded, document, entry

UPSTREAM_TIMEOUT = 60.0
_STOP = object()


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
    common(parser)


class ForwardingApp:
    """The ASGI app of the proxy: forward, answer, hand a copy to `sink`."""

    def __init__(self, upstream: str, sink: Callable[[Recorded], None]) -> None:
        self.upstream = upstream.rstrip("/")
        self.sink = sink
        self.client: httpx.AsyncClient | None = None
        self.count = 0

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        body = bytearray()
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        path = scope.get("raw_path") or scope["path"].encode()
        query = scope.get("query_string") or b""
        url = self.upstream + path.decode("latin-1") + (("?" + query.decode("latin-1")) if query else "")
        headers = [
            (k.decode("latin-1"), v.decode("latin-1"))
            for k, v in scope["headers"]
            if k.decode("latin-1").lower() not in HOP_BY_HOP | {"host"}
        ]
        started, began = time.perf_counter(), datetime.now(UTC).isoformat(timespec="milliseconds")
        client = self.client or httpx.AsyncClient(timeout=UPSTREAM_TIMEOUT, follow_redirects=False)
        self.client = client
        try:
            request = client.build_request(scope["method"], url, headers=headers, content=bytes(body))
            response = await client.send(request, stream=True)
            try:
                raw = b"".join([chunk async for chunk in response.aiter_raw()])
            finally:
                await response.aclose()
        except httpx.HTTPError as exc:
            text = json.dumps({"proxy": f"the upstream did not answer: {type(exc).__name__}"}).encode()
            await _answer(send, 502, [(b"content-type", b"application/json")], text)
            return
        out = [
            (k.encode("latin-1"), v.encode("latin-1"))
            for k, v in response.headers.multi_items()
            if k.lower() not in HOP_BY_HOP
        ]
        await _answer(send, response.status_code, out, raw)
        self.count += 1
        decoded = httpx.Response(response.status_code, headers=response.headers, content=raw).content
        self.sink(
            Recorded(
                index=self.count,
                method=scope["method"].upper(),
                url=url,
                request_headers=headers,
                request_body=bytes(body),
                status=response.status_code,
                response_headers=list(response.headers.multi_items()),
                response_body=decoded,
                elapsed=time.perf_counter() - started,
                started=began,
            )
        )

    async def _lifespan(self, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self.client = httpx.AsyncClient(timeout=UPSTREAM_TIMEOUT, follow_redirects=False)
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self.client is not None:
                    await self.client.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return


async def _answer(send: Any, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Judge(threading.Thread):
    """The judging thread: builds the engine, feeds it what passed, judges what settled, prints deviations."""

    def __init__(
        self, make_engine: Callable[[Callable[[FailureRecord], None]], PassiveEngine], out: Any
    ) -> None:
        super().__init__(name="cdp-conformance-judge", daemon=True)
        self.inbox: queue.Queue[Any] = queue.Queue()
        self.make_engine = make_engine
        self.out = out
        self.engine: PassiveEngine | None = None
        self.recorded: list[Exchange] = []
        self.error: BaseException | None = None
        self.ready = threading.Event()

    def run(self) -> None:
        try:
            self.engine = self.make_engine(self._print)
        except BaseException as exc:  # reported by the command, which exits 2
            self.error = exc
            self.ready.set()
            return
        self.ready.set()
        engine = self.engine
        while True:
            try:
                item = self.inbox.get(timeout=0.2)
            except queue.Empty:
                item = None
            if item is _STOP:
                engine.close()
                return
            if item is not None:
                fed = engine.feed(item)
                if fed.exchange is not None:
                    self.recorded.append(fed.exchange)
            engine.judge_settled()

    def _print(self, failure: FailureRecord) -> None:
        assert self.engine is not None
        verdict = self.engine.run.results.verdict(failure)
        line = f"DEVIATION [{failure.check}] {failure.operation_id} `{failure.label}`: {failure.title} ({verdict.describe()})"
        print(self.engine.run.redactor.text(line), file=self.out, flush=True)


def serve(
    args: argparse.Namespace, make_engine: Callable[..., PassiveEngine], finish: Callable[..., int]
) -> int:
    """Run the proxy until SIGINT or SIGTERM; write the reports; the exit code."""
    upstream = urlsplit(args.upstream)
    if upstream.scheme not in ("http", "https") or not upstream.netloc:
        print(f"conformance: --upstream {args.upstream!r} is not an http(s) base URL.", file=sys.stderr)
        return 2
    if not 1 <= args.port <= 65535 or not _port_free(args.port):
        print(
            f"conformance: cannot listen on 127.0.0.1:{args.port} (in use, or not a port).", file=sys.stderr
        )
        return 2
    judge = Judge(make_engine, sys.stdout)
    judge.start()
    judge.ready.wait()
    if judge.error is not None or judge.engine is None:
        print(f"conformance: {judge.error}", file=sys.stderr)
        return 2
    app = ForwardingApp(args.upstream, judge.inbox.put)
    config = uvicorn.Config(app, host="127.0.0.1", port=args.port, log_level="warning", lifespan="on")
    server = _Server(config)
    print(
        f"proxy: http://127.0.0.1:{args.port} -> {args.upstream}; judging by the spec, sending nothing of its own; "
        "stop with Ctrl-C (or SIGTERM) to write the reports",
        flush=True,
    )
    started = time.monotonic()
    try:
        server.run()
    finally:
        judge.inbox.put(_STOP)
        judge.join(timeout=600)
    if args.har is not None:
        run = judge.engine.run
        text = json.dumps(
            document([entry(ex) for ex in judge.recorded], creator="cdp-conformance proxy"), indent=1
        )
        with contextlib.suppress(OSError):
            args.har.parent.mkdir(parents=True, exist_ok=True)
        args.har.write_text(run.redactor.text(text), encoding="utf-8")
    return finish(judge.engine, time.monotonic() - started)


class _Server(uvicorn.Server):
    """uvicorn's server, stopping gracefully on SIGINT or SIGTERM and then returning (uvicorn re-raises the signal
    after its shutdown, which would end the process before the reports are written)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        def stop(signum: int, frame: Any) -> None:
            self.force_exit = self.should_exit and signum == signal.SIGINT
            self.should_exit = True

        previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True
