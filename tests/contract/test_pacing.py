"""Pacing: the rate ceiling spaces requests, and a 429 is waited out as Retry-After asks, a bounded number of times."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
import requests

from contract_tests.pacing import MAX_RETRIES, Pacer, retry_after_seconds
from contract_tests.safety import SafetyGuard
from contract_tests.transport import Recorder, Redactor, http_session, intercept
from tests.contract.helpers import plan_for, spec_model


class FakeTime:
    """A clock that moves only when slept on, so pacing is judged exactly."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_the_rate_ceiling_spaces_requests_evenly() -> None:
    time = FakeTime()
    pacer = Pacer(rate=4.0, sleep=time.sleep, clock=time.clock)
    for _ in range(5):
        pacer.before_request()
    assert time.slept == pytest.approx([0.25, 0.25, 0.25, 0.25])
    assert time.now == pytest.approx(101.0)


def test_no_ceiling_never_waits() -> None:
    time = FakeTime()
    pacer = Pacer(sleep=time.sleep, clock=time.clock)
    for _ in range(10):
        pacer.before_request()
    assert time.slept == []


def test_a_ceiling_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        Pacer(rate=0)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("7", 7.0), ("0", 0.0), (None, None), ("", None), ("soon", None), ("-3", None)],
)
def test_retry_after_in_seconds(header: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(header) == seconds


def test_retry_after_as_an_http_date() -> None:
    now = datetime(2026, 12, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30.0
    assert retry_after_seconds(format_datetime(now - timedelta(seconds=30), usegmt=True), now) == 0.0


def test_429_waits_as_asked_with_a_cap_and_then_gives_up() -> None:
    time = FakeTime()
    pacer = Pacer(sleep=time.sleep, clock=time.clock, max_wait=60)
    assert pacer.wait_for_429("5", 0)
    assert pacer.wait_for_429("3600", 1)  # an hour is asked, the cap waits a minute
    assert pacer.wait_for_429(None, 2)  # no Retry-After: exponential backoff 1, 2, 4, ...
    assert not pacer.wait_for_429("1", MAX_RETRIES)
    assert time.slept == [5.0, 60.0, 4.0]
    assert (pacer.throttled, pacer.waited) == (3, 69.0)


class _Throttling(BaseHTTPRequestHandler):
    """Answers 429 (Retry-After: 2) to the first `limit` requests of each path, then 200."""

    seen: ClassVar[dict[str, int]] = {}
    limit = 1

    def _answer(self) -> None:
        count = self.seen.get(self.path, 0)
        self.seen[self.path] = count + 1
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if count < self.limit:
            self.send_response(429)
            self.send_header("Retry-After", "2")
            body = b'{"status": 429}'
        else:
            self.send_response(200)
            body = b"{}"
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = _answer
    do_POST = _answer

    def log_message(self, format: str, *args: object) -> None:
        return


@contextlib.contextmanager
def throttling_server(limit: int) -> Iterator[str]:
    _Throttling.seen = {}
    _Throttling.limit = limit
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Throttling)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _send(base: str, pacer: Pacer, method: str = "GET") -> tuple[requests.Response, Recorder]:
    model = spec_model()
    recorder = Recorder(model, Redactor(()))
    with intercept(SafetyGuard(plan_for(base), model), recorder, None, pacer), http_session() as session:
        response = session.request(method, f"{base}/v2.1/orders", params={"referenceId": "A"}, timeout=10)
    return response, recorder


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_429_is_waited_out_and_only_the_final_answer_is_judged(method: str) -> None:
    time = FakeTime()
    pacer = Pacer(sleep=time.sleep, clock=time.clock)
    with throttling_server(limit=2) as base:
        response, recorder = _send(base, pacer, method)
    assert response.status_code == 200
    assert time.slept == [2.0, 2.0]
    assert pacer.throttled == 2
    assert recorder.total == 1  # the checks see one exchange: the answer that ended the wait


def test_a_target_that_keeps_answering_429_gets_its_429_judged() -> None:
    time = FakeTime()
    pacer = Pacer(sleep=time.sleep, clock=time.clock)
    with throttling_server(limit=100) as base:
        response, recorder = _send(base, pacer)
    assert response.status_code == 429
    assert len(time.slept) == MAX_RETRIES
    assert recorder.stats["listOrders"].statuses[429] == 1
