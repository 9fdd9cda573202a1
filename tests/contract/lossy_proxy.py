"""A lossy, slow reverse proxy on 127.0.0.1 in its own process: a network that drops a connection now and then.

Every `--every`-th request of `--methods` (any method when left out) has its connection reset before it is
forwarded, so the target never sees it (with `--answer-lost`: after the target answered it, so the work is done
and the answer lost), `--times` times at most; every forwarded one is answered `--delay` seconds late. The Host
header goes upstream as sent, so a sandbox's hrefs name the proxy. It runs in a process of its own so that its
threads do not share the suite's interpreter lock (in-process, every exchange waited for the lock, and a quick
profile took minutes longer). `GET /__lossy__/log` answers what it did (not forwarded, not counted); it forwards to
127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

ROOT = Path(__file__).resolve().parents[2]
MAX_BODY = 1 << 20
HOP_BY_HOP = {"connection", "proxy-connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade"}
LOG_PATH = "/__lossy__/log"


@dataclass
class LossLog:
    """What the proxy did: requests forwarded and requests whose connection it reset instead."""

    forwarded: list[tuple[str, str]] = field(default_factory=list)
    reset: list[tuple[str, str]] = field(default_factory=list)
    seen: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


class _Lossy(BaseHTTPRequestHandler):
    protocol_version = (
        "HTTP/1.1"  # keep-alive, as a real gateway: a reset also drops the client's pooled connection
    )
    upstream_port = 0
    every = 0
    methods: frozenset[str] | None = None
    delay = 0.0
    answer_lost = False
    times: int | None = None
    log: LossLog
    _upstream: http.client.HTTPConnection | None = None

    def _reset(self) -> None:
        # Linger 0: closing sends RST, and the client reads ConnectionResetError (or an early EOF).
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True

    def _send(self, status: int, headers: list[tuple[str, str]], data: bytes) -> None:
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, MAX_BODY)) if length else b""
        if self.path == LOG_PATH:
            with self.log.lock:
                data = json.dumps({"forwarded": self.log.forwarded, "reset": self.log.reset}).encode()
            self._send(200, [("Content-Type", "application/json")], data)
            return
        drop = False
        if self.every and (self.methods is None or self.command in self.methods):
            with self.log.lock:
                self.log.seen += 1
                drop = self.log.seen % self.every == 0 and (
                    self.times is None or len(self.log.reset) < self.times
                )
                if drop:
                    self.log.reset.append((self.command, self.path))
        if drop and not self.answer_lost:
            self._reset()
            return
        if self.delay:
            time.sleep(self.delay)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        try:
            if self._upstream is None:
                self._upstream = http.client.HTTPConnection("127.0.0.1", self.upstream_port, timeout=60)
            self._upstream.request(self.command, self.path, body=body or None, headers=headers)
            answer = self._upstream.getresponse()
            data = answer.read(MAX_BODY)
        except (OSError, http.client.HTTPException) as exc:
            self._close_upstream()
            self._send(502, [("Content-Type", "text/plain")], f"upstream failed: {exc}".encode())
            return
        with self.log.lock:
            self.log.forwarded.append((self.command, self.path))
        if drop:  # forwarded, the target did the work, and its answer is lost on the way back
            self._reset()
            return
        kept = [(k, v) for k, v in answer.getheaders() if k.lower() not in HOP_BY_HOP | {"content-length"}]
        self._send(answer.status, kept, data)

    def _close_upstream(self) -> None:
        if self._upstream is not None:
            self._upstream.close()
        self._upstream = None

    def finish(self) -> None:
        self._close_upstream()  # one upstream connection per client connection, closed with it
        super().finish()

    def __getattr__(self, name: str) -> Any:  # forward any method
        if name.startswith("do_"):
            return self._forward
        raise AttributeError(name)

    def log_message(self, format: str, *args: Any) -> None:
        return


def serve(args: argparse.Namespace) -> None:
    """Serve until stopped; print the port first."""
    parts = urlsplit(args.upstream)
    if parts.hostname != "127.0.0.1" or parts.port is None:
        raise SystemExit(f"the lossy proxy forwards to http://127.0.0.1:PORT only, not {args.upstream}")
    handler = type(
        "Lossy",
        (_Lossy,),
        {
            "upstream_port": parts.port,
            "every": args.every,
            "methods": frozenset(args.methods.split(",")) if args.methods else None,
            "delay": args.delay,
            "answer_lost": args.answer_lost,
            "times": args.times,
            "log": LossLog(),
        },
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.request_queue_size = 256
    print(server.server_address[1], flush=True)
    server.serve_forever(poll_interval=0.05)


@dataclass
class LossyProxy:
    """A running proxy: its base URL, and what it did so far (`log()`)."""

    url: str

    def log(self) -> LossLog:
        """What the proxy forwarded and reset."""
        found = requests.get(self.url + LOG_PATH, timeout=10).json()
        return LossLog(
            forwarded=[tuple(x) for x in found["forwarded"]],
            reset=[tuple(x) for x in found["reset"]],
        )


@contextlib.contextmanager
def lossy_proxy(
    upstream: str,
    *,
    every: int = 0,
    methods: frozenset[str] | None = None,
    delay: float = 0.0,
    answer_lost: bool = False,
    times: int | None = None,
) -> Iterator[LossyProxy]:
    """The proxy in its own process in front of `upstream` (http://127.0.0.1:PORT) for the `with` block."""
    argv = [sys.executable, "-m", "tests.contract.lossy_proxy", "--upstream", upstream, "--every", str(every)]
    argv += ["--delay", repr(delay)]
    if methods:
        argv += ["--methods", ",".join(sorted(methods))]
    if answer_lost:
        argv.append("--answer-lost")
    if times is not None:
        argv += ["--times", str(times)]
    process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()  # the port, or nothing if it failed to start
        if not line.isdigit():
            raise RuntimeError(f"the lossy proxy did not start (exit {process.poll()})")
        yield LossyProxy(f"http://127.0.0.1:{line}")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def main(argv: list[str] | None = None) -> None:
    """`python -m tests.contract.lossy_proxy --upstream URL [--every N] [--methods GET,...] [--delay S] ...`."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--upstream", required=True)
    parser.add_argument("--every", type=int, default=0)
    parser.add_argument("--methods", default="")
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--answer-lost", action="store_true")
    parser.add_argument("--times", type=int)
    serve(parser.parse_args(argv))


if __name__ == "__main__":
    main()
