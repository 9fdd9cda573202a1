"""Every request of a run goes through one `requests` session whose adapter guards, then records.

Generated cases, schemathesis' own probes (e.g. ignored_auth) and this kit's check probes all share it, so
the safety guard sees every byte that leaves and the report counts every request. In-process (ASGI) runs use
the same session shape with an adapter that calls the application instead of a socket.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlparse

import requests
import requests.adapters
import requests.sessions
import requests.utils
from schemathesis.python import asgi

from .current import current_phase
from .losses import LostRequest, NetworkLedger, no_answer
from .model import ApiModel
from .network import Network
from .pacing import Pacer
from .redaction import REDACTED, Redactor
from .safety import SafetyGuard, may_follow_redirect

_ROLE: ContextVar[tuple[str, str]] = ContextVar("contract_role", default=("request", ""))
Asgi = Callable[..., Any]
_SEND_ARGS = (
    "stream",
    "timeout",
    "verify",
    "cert",
    "proxies",
)  # HTTPAdapter.send's parameters after the request
__all__ = [  # Redactor and REDACTED live in redaction.py and are re-exported for the code that imports them here
    "REDACTED",
    "Exchange",
    "OperationStats",
    "Recorder",
    "Redactor",
    "SwappableApp",
    "asgi_session",
    "hold_redirects",
    "http_session",
    "intercept",
    "redirect_url",
    "refuse_all",
]


@dataclass(slots=True)
class Exchange:
    """One request and its response, with credentials already removed."""

    method: str
    url: str
    request_headers: dict[str, str]
    request_body: str
    status: int | None
    response_headers: dict[str, str]
    response_body: str
    elapsed: float
    started: str
    role: str
    note: str
    operation_id: str | None
    error: str = ""


@dataclass(slots=True)
class OperationStats:
    """Per-operation counts for the report."""

    requests: int = 0
    probes: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    checks_passed: Counter[str] = field(default_factory=Counter)
    checks_failed: Counter[str] = field(default_factory=Counter)


def _text(body: Any, limit: int = 64_000) -> str:
    if body is None:
        return ""
    raw = body if isinstance(body, bytes) else str(body).encode()
    text = raw[:limit].decode("utf-8", errors="replace")
    return text if len(raw) <= limit else text + f"... [{len(raw) - limit} more bytes]"


class Recorder:
    """Counts every exchange and keeps the detail of the current case until its checks are done.

    The detail is kept per context (a context variable): a case judged in another thread keeps its own, so
    phases can later run side by side. Requests are counted under the phase of the enclosing `current.phase`.
    """

    def __init__(self, model: ApiModel, redactor: Redactor) -> None:
        self.model = model
        self.redactor = redactor
        self.stats: dict[str, OperationStats] = defaultdict(OperationStats)
        self.undeclared = OperationStats()
        self.total = 0
        self.by_phase: Counter[str] = Counter()
        # (phase, method, url, body) of every request the suite itself generated: determinism is judged on these.
        self.generated: list[tuple[str, str, str, str]] = []
        self.made: dict[int, str] = {}
        """Index in `generated` -> the ref a create's 2xx answer named (the reproducers bind each ref to its create)."""
        self._buffer: ContextVar[list[Exchange] | None] = ContextVar(f"exchanges_{id(self)}", default=None)
        self._case_operation: ContextVar[str | None] = ContextVar(f"case_operation_{id(self)}", default=None)

    @contextlib.contextmanager
    def role(self, role: str, note: str = "") -> Iterator[None]:
        """Tag the exchanges sent inside the block (`request`, `probe` with the check's name, ...)."""
        token = _ROLE.set((role, note))
        try:
            yield
        finally:
            _ROLE.reset(token)

    def begin(self, operation_id: str | None = None) -> None:
        """Start collecting the detail of a new case (in this context); `operation_id` is the case's operation,
        whose row of the report counts the statuses of requests no operation declares (a coverage case's
        undeclared method on its path answering 405 or 501)."""
        self._buffer.set([])
        self._case_operation.set(operation_id)

    def take(self) -> list[Exchange]:
        """The detail collected since `begin` in this context (kept for a failure)."""
        return list(self._buffer.get() or [])

    def describe(
        self,
        request: requests.PreparedRequest,
        response: requests.Response | None,
        elapsed: float,
        error: str = "",
    ) -> Exchange:
        """One exchange, redacted and tagged with the enclosing role, without counting or keeping it."""
        role, note = _ROLE.get()
        method = str(request.method or "GET")
        url = str(request.url)
        info = self.model.match(method, url)
        return Exchange(
            method=method,
            url=self.redactor.text(url),
            request_headers=self.redactor.headers(request.headers),
            request_body=self.redactor.text(_text(request.body)),
            status=response.status_code if response is not None else None,
            response_headers=self.redactor.headers(response.headers) if response is not None else {},
            response_body=self.redactor.text(_text(response.content)) if response is not None else "",
            elapsed=elapsed,
            started=datetime.now(UTC).isoformat(timespec="milliseconds"),
            role=role,
            note=note,
            operation_id=info.operation_id if info is not None else None,
            error=self.redactor.text(error),
        )

    def record(
        self,
        request: requests.PreparedRequest,
        response: requests.Response | None,
        elapsed: float,
        error: str = "",
    ) -> Exchange:
        """Count one exchange and keep its redacted detail in the current buffer."""
        exchange = self.describe(request, response, elapsed, error)
        stats = self.stats[exchange.operation_id] if exchange.operation_id is not None else self.undeclared
        stats.requests += 1
        if exchange.role != "request":
            stats.probes += 1
        if response is not None:
            case_operation = self._case_operation.get()
            shown = (
                stats
                if exchange.operation_id is not None or case_operation is None
                else self.stats[case_operation]
            )
            shown.statuses[response.status_code] += 1
        self.total += 1
        self.by_phase[current_phase() or "other"] += 1
        if exchange.role == "request":
            if exchange.method == "POST" and exchange.status is not None and 200 <= exchange.status < 300:
                ref = _ref_of(exchange.response_body)
                if ref is not None:
                    self.made[len(self.generated)] = ref
            self.generated.append((current_phase(), exchange.method, exchange.url, exchange.request_body))
        self.keep(exchange)
        return exchange

    def keep(self, exchange: Exchange) -> None:
        """Keep an exchange with the current case's detail without counting it (passive judging shows the later
        recorded read that served as a check's evidence this way)."""
        buffer = self._buffer.get()
        if buffer is None:
            buffer = []
            self._buffer.set(buffer)
        if len(buffer) < 200:
            buffer.append(exchange)


@contextlib.contextmanager
def intercept(
    guard: SafetyGuard,
    recorder: Recorder,
    network: Network | None = None,
    pacer: Pacer | None = None,
    losses: NetworkLedger | None = None,
) -> Iterator[None]:
    """Route every request the process sends through the guard and the recorder while the run lasts.

    Schemathesis' own probes (ignored_auth re-sends a request without credentials) open their own sessions, so a
    guarded adapter on our session alone would miss them: instead the two adapters every `requests` session ends
    in (the network one and schemathesis' in-process ASGI one) are wrapped for the duration of the run and
    restored afterwards. This is the single choke point the live-tenant guard relies on. Redirects are held
    back there too (`hold_redirects`), and every hop that is followed passes the guard like any request.

    With `network` (a run against a real HTTP target), every request the network adapter sends gets that run's
    proxies and CA bundle, whichever session sent it: the machine's settings (or --proxy, --ca-bundle) hold for
    all of them alike, and no session's own reading of the environment decides the route.

    With `pacer`, every request waits for its slot under the run's rate ceiling, and a 429 is waited out as its
    Retry-After asks and sent again (pacing.py); only the answer the checks finally see is recorded.

    A request that gets no HTTP answer is sent again when that is safe (`losses`, losses.py) and otherwise raises
    `TransportLost`, which the suite reports as unjudged, never as a deviation. Every attempt is recorded.
    """
    losses = losses if losses is not None else NetworkLedger()
    classes: list[type[Any]] = [requests.adapters.HTTPAdapter, asgi._ASGIAdapter]
    originals = {cls: cls.send for cls in classes}

    def wrap(original: Callable[..., requests.Response], routed: bool) -> Callable[..., requests.Response]:
        def send(
            self: Any, request: requests.PreparedRequest, *args: Any, **kwargs: Any
        ) -> requests.Response:
            if getattr(request, "_contract_seen", False):  # an adapter delegating to another: judge it once
                return original(self, request, *args, **kwargs)
            request._contract_seen = True  # type: ignore[attr-defined]
            guard.authorize(str(request.method), str(request.url))
            if routed and network is not None:
                args, kwargs = (), {**dict(zip(_SEND_ARGS, args, strict=False)), **kwargs}
                kwargs.update(network.send_kwargs(str(request.url)))
            method = str(request.method or "GET").upper()
            throttled = failed = 0
            # Bounded: every pass either waits out a 429 (at most the pacer's retries), sends again after no answer
            # (at most the ledger's retries), or leaves the loop.
            for _ in range((pacer.max_retries if pacer is not None else 0) + losses.max_retries + 2):
                if pacer is not None:
                    pacer.before_request()
                started = time.perf_counter()
                try:
                    response = original(self, request, *args, **kwargs)
                    _ = response.content
                except requests.RequestException as exc:
                    error = f"{type(exc).__name__}: {exc}"
                    attempt = recorder.record(request, None, time.perf_counter() - started, error=error)
                    if not no_answer(exc):
                        raise
                    if losses.may_retry(method, exc, failed):
                        failed += 1
                        continue
                    raise losses.give_up(_lost(attempt, failed + 1)) from exc
                if (
                    response.status_code == 429
                    and pacer is not None
                    and pacer.wait_for_429(response.headers.get("Retry-After"), throttled)
                ):
                    throttled += 1
                    response.close()
                    continue
                break
            losses.answered(failed + 1)
            exchange = recorder.record(request, response, time.perf_counter() - started)
            if failed and method == "DELETE" and response.status_code == 404:
                # An earlier attempt got no answer and may have deleted the resource: the retry's 404 shows nothing.
                lost = _lost(exchange, failed + 1)
                lost.error = "an earlier attempt got no answer and may have done the delete; the 404 of the retry cannot be judged"
                raise losses.give_up(lost)
            return response

        return send

    for cls, original in originals.items():
        cls.send = wrap(original, routed=cls is requests.adapters.HTTPAdapter)
    try:
        with hold_redirects():
            yield
    finally:
        for cls, original in originals.items():
            cls.send = original


def _lost(exchange: Exchange, attempts: int) -> LostRequest:
    return LostRequest(
        method=exchange.method,
        url=exchange.url,
        operation_id=exchange.operation_id,
        attempts=attempts,
        error=exchange.error,
        role=exchange.role,
        note=exchange.note,
    )


class SendingRefused(requests.RequestException):
    """A request was about to leave a passive run, which sends nothing."""


_REFUSED = [0]


def refused_count() -> int:
    """How many requests `refuse_all` has refused in this process (a check that tried to send does not apply)."""
    return _REFUSED[0]


@contextlib.contextmanager
def refuse_all() -> Iterator[list[str]]:
    """While the block runs, no `requests` session of the process sends anything: each attempt raises
    SendingRefused and is listed (passive judging promises not one request of its own)."""
    classes: list[type[Any]] = [requests.adapters.HTTPAdapter, asgi._ASGIAdapter]
    originals = {cls: cls.send for cls in classes}
    attempts: list[str] = []

    def send(self: Any, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        attempts.append(f"{request.method} {request.url}")
        _REFUSED[0] += 1
        raise SendingRefused(f"passive judging sends nothing; refused {request.method} {request.url}")

    for cls in classes:
        cls.send = send
    try:
        yield attempts
    finally:
        for cls, original in originals.items():
            cls.send = original


@contextlib.contextmanager
def hold_redirects() -> Iterator[None]:
    """While the block runs, no `requests` session follows a redirect of a write, or to another origin.

    Every session (ours, schemathesis' SameHostRedirectsSession, its ASGI client) asks `get_redirect_target`
    where to go next; answering None hands the 3xx back to the caller, where the checks judge it as is.
    """
    mixin: type[Any] = requests.sessions.SessionRedirectMixin
    original = mixin.get_redirect_target

    def get_redirect_target(self: Any, resp: requests.Response) -> str | None:
        location: str | None = original(self, resp)
        if location is None:
            return None
        sent = resp.request
        from_url = str(resp.url or (sent.url if sent is not None else "") or "")
        method = str(sent.method if sent is not None else "")
        return location if may_follow_redirect(method, from_url, redirect_url(from_url, location)) else None

    mixin.get_redirect_target = get_redirect_target
    try:
        yield
    finally:
        mixin.get_redirect_target = original


def redirect_url(from_url: str, location: str) -> str:
    """The URL `requests` would send the next hop to (as `Session.resolve_redirects` builds it)."""
    url = location
    if url.startswith("//"):
        url = f"{urlparse(from_url).scheme}:{url}"
    try:
        parsed = urlparse(url)
        url = parsed.geturl()
        return (
            urljoin(from_url, requests.utils.requote_uri(url))
            if not parsed.netloc
            else requests.utils.requote_uri(url)
        )
    except (ValueError, requests.RequestException):
        return location


class SwappableApp:
    """An ASGI app whose target can be replaced, so each stateful scenario can start from a fresh sandbox."""

    def __init__(self, factory: Callable[[], Asgi]) -> None:
        self.factory = factory
        self.target = factory()

    def reset(self) -> None:
        """Replace the application with a fresh one (empty state)."""
        self.target = self.factory()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.target(scope, receive, send)


def http_session() -> requests.Session:
    """A session for a real HTTP target. It does not read the environment itself: the run's proxies and CA bundle
    (network.py, from the environment and the command line) are applied where every request is sent (`intercept`)."""
    session = requests.Session()
    session.trust_env = False
    return session


def asgi_session(app: SwappableApp) -> requests.Session:
    """A session that calls an ASGI application in-process (schemathesis' ASGI client)."""
    session: requests.Session = asgi.get_client(app)
    return session


def _ref_of(body: str) -> str | None:
    """The `ref` a JSON answer names at its top level (None when it names none)."""
    if '"ref"' not in body:
        return None
    try:
        doc = json.loads(body)
    except ValueError:
        return None
    ref = doc.get("ref") if isinstance(doc, dict) else None
    return ref if isinstance(ref, str) else None
