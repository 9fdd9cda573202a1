"""Judge recorded exchanges with the suite's own checks and state, sending nothing.

Each exchange becomes what an active run would have: a schemathesis case for the operation it hit and the
response it got, judged by `RunContext.check` (every enabled built-in and custom check, the same narrowings,
provenance and reports), then remembered in `state.py`. The checks' follow-up reads (probes.py) are answered from
the recording instead of the network (`RecordedProbes`): the first later GET of the same URL, as long as no write
touched that resource in between. A rule whose evidence the recording does not hold does not apply
(check_registry.Unobserved). Nothing leaves the process: every `requests` adapter refuses to send while judging.

One engine serves `verify-har` (a whole recording, then close) and the proxy (exchanges fed as they pass, each
judged once it has settled: `settle` seconds old, so the reads that follow it are in the recording too).
"""

from __future__ import annotations

import base64
import binascii
import bisect
import json
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

import requests
from requests.structures import CaseInsensitiveDict
from schemathesis import Response
from schemathesis.specs.openapi.checks import ignored_auth

from .. import current, run_view
from ..check_registry import Unobserved
from ..context import RunContext, RunOptions
from ..model import OpInfo
from ..probes import ProbeResult, Probes, Walk
from ..results import FailureRecord
from ..transport import Exchange, refuse_all
from ..urls import origin_of
from .har import HOP_BY_HOP, Recorded

if TYPE_CHECKING:
    from schemathesis.specs.openapi.schemas import OpenApiCase

READS = frozenset({"GET", "HEAD", "OPTIONS"})
PRUNE_EVERY = 1000
_VERSION = frozenset({"v2", "v2.1"})


@dataclass(slots=True)
class Item:
    """A recorded exchange ready to judge: its API path, what it reads or writes, its decoded response."""

    seq: int
    recorded: Recorded
    arrived: float
    path: str
    read_key: tuple[str, tuple[tuple[str, str], ...]]
    refs: frozenset[str]
    body: Any
    exchange: Exchange | None = None


@dataclass(slots=True)
class Timeline:
    """The exchanges not yet judged, in order, indexed for the lookahead of `RecordedProbes`."""

    items: deque[Item] = field(default_factory=deque)
    reads: dict[tuple[str, tuple[tuple[str, str], ...]], list[int]] = field(default_factory=dict)
    writes_by_ref: dict[str, list[int]] = field(default_factory=dict)
    writes: list[int] = field(default_factory=list)
    by_seq: dict[int, Item] = field(default_factory=dict)

    def add(self, item: Item) -> None:
        self.items.append(item)
        self.by_seq[item.seq] = item
        if item.recorded.method in READS:
            self.reads.setdefault(item.read_key, []).append(item.seq)
            return
        self.writes.append(item.seq)
        for ref in item.refs:
            self.writes_by_ref.setdefault(ref, []).append(item.seq)

    def next_read(
        self, after: int, key: tuple[str, tuple[tuple[str, str], ...]], refs: frozenset[str]
    ) -> Item | None:
        """The first recorded read of `key` after seq `after`, unless a write touching it comes first."""
        read = _first_after(self.reads.get(key, []), after)
        if read is None:
            return None
        blockers = [self.writes] if not refs else [self.writes_by_ref.get(r, []) for r in refs]
        for seqs in blockers:
            write = _first_after(seqs, after)
            if write is not None and write < read:
                return None
        return self.by_seq.get(read)

    def forget_before(self, seq: int) -> None:
        """Drop what judged exchanges left in the indexes (a proxy runs for hours)."""
        for index in (*self.reads.values(), *self.writes_by_ref.values(), self.writes):
            del index[: bisect.bisect_left(index, seq)]
        for read in [k for k, v in self.reads.items() if not v]:
            del self.reads[read]
        for ref in [k for k, v in self.writes_by_ref.items() if not v]:
            del self.writes_by_ref[ref]
        for old in [s for s in self.by_seq if s < seq]:
            del self.by_seq[old]


def _first_after(seqs: list[int], after: int) -> int | None:
    at = bisect.bisect_right(seqs, after)
    return seqs[at] if at < len(seqs) else None


class RecordedProbes(Probes):
    """The checks' follow-up reads, answered by the recording's later exchanges; never by the network."""

    def __init__(self, run: RunContext, timeline: Timeline, literals: frozenset[str]) -> None:
        super().__init__(run.session, run.target.auth, run.urls, run.recorder, run.state)
        self.timeline = timeline
        self.literals = literals
        self.at = -1
        """The seq of the exchange being judged."""
        self.answered = 0

    def probe(self, path_or_url: str, *, note: str, params: dict[str, Any] | None = None) -> ProbeResult:
        url = self.urls.absolute(path_or_url, params)
        path = self.urls.api_path(url)
        key = (path, _query_key(urlsplit(url).query))
        later = self.timeline.next_read(self.at, key, refs_of(path, self.literals))
        if later is None:
            raise Unobserved(f"the recording shows no later GET {path} before that resource changed ({note})")
        if later.exchange is not None:
            self.recorder.keep(_as_evidence(later.exchange, note))
            if later.exchange.operation_id is not None:
                self.recorder.stats[later.exchange.operation_id].probes += 1
        self.answered += 1
        return ProbeResult(later.recorded.status, later.body, later.recorded.url)

    def get_as(self, url: str, auth: tuple[str, str], *, note: str) -> requests.Response:
        raise Unobserved(
            f"a request with other credentials is never in the traffic an application sends ({note})"
        )

    def walk_pages(
        self, path: str, *, note: str, query: dict[str, Any], page_size: int, max_pages: int
    ) -> Walk:
        raise Unobserved(f"walking {path} page by page is not something a recording shows ({note})")

    def once_per_state(self, key: str) -> bool:
        """Never: a collection walk is never in a recording, so checks judge the page they see instead."""
        return False


def _as_evidence(exchange: Exchange, note: str) -> Exchange:
    """The later recorded read a check used, shown with the deviation as its follow-up read."""
    return Exchange(
        **{name: getattr(exchange, name) for name in Exchange.__dataclass_fields__}
        | {"role": "probe", "note": f"{note}: a later exchange of the recording"}
    )


def refs_of(path: str, literals: frozenset[str]) -> frozenset[str]:
    """The resource refs in an API path: the segments no path template of the spec spells literally."""
    return frozenset(s for s in path.lower().split("/") if s and s not in literals and s not in _VERSION)


def _query_key(query: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(parse_qsl(query, keep_blank_values=True)))


def spec_literals(run: RunContext) -> frozenset[str]:
    """Every literal path segment of the spec (`orders`, `orderItems`, `extensions`, ...), lower-cased."""
    return frozenset(
        segment.lower()
        for info in run.model.operations.values()
        for segment in info.path.split("/")
        if segment and not segment.startswith("{")
    )


class PassiveEngine:
    """One passive run: feed recorded exchanges, judge them in order, read the verdicts off `run`."""

    def __init__(
        self,
        options: RunOptions,
        *,
        settle: float = 0.0,
        on_deviation: Callable[[FailureRecord], None] | None = None,
    ) -> None:
        self.run = RunContext(options)
        self.timeline = Timeline()
        self.literals = spec_literals(self.run)
        self.probes = RecordedProbes(self.run, self.timeline, self.literals)
        self.run.probes = self.probes
        self.settle = settle
        self.on_deviation = on_deviation
        self.refused: list[str] = []
        self._seq = 0
        run_view.install(self.run)

    def close(self) -> None:
        """Judge what is left and let go of the current run."""
        self.judge_settled(closing=True)
        if run_view.current() is self.run:
            run_view.install(None)

    def feed(self, recorded: Recorded) -> Item:
        """Add one exchange, in the order it happened (its credentials are masked from now on)."""
        credentials = basic_credentials(recorded.header("Authorization"))
        if credentials is not None:
            self.run.redactor.learn(*credentials)
        self._seq += 1
        path = self.run.urls.api_path(recorded.url)
        body = _json(recorded.response_body)
        refs = set(refs_of(path, self.literals))
        if recorded.method == "POST" and isinstance(body, dict) and isinstance(body.get("ref"), str):
            refs.add(body["ref"].lower())  # a create writes the resource its answer names
        item = Item(
            seq=self._seq,
            recorded=recorded,
            arrived=time.monotonic(),
            path=path,
            read_key=(path, _query_key(urlsplit(recorded.url).query)),
            refs=frozenset(refs),
            body=body,
        )
        prepared, response = _requests_pair(recorded)
        with self.run.recorder.role("request"):
            item.exchange = self.run.recorder.describe(prepared, response, recorded.elapsed)
        self.timeline.add(item)
        return item

    def judge_settled(self, *, closing: bool = False) -> int:
        """Judge, in order, every exchange old enough (all of them when closing); how many were judged."""
        count = 0
        now = time.monotonic()
        while self.timeline.items:
            head = self.timeline.items[0]
            if not closing and now - head.arrived < self.settle:
                break
            self.timeline.items.popleft()
            self._judge(head)
            count += 1
            if head.seq % PRUNE_EVERY == 0:
                self.timeline.forget_before(head.seq)
        return count

    def _judge(self, item: Item) -> None:
        recorded = item.recorded
        where = f"entry {recorded.index}: {recorded.method} {self.run.redactor.text(recorded.url)}"
        if recorded.skip:
            self.run.unjudged.append(f"{where}: {recorded.skip}")
            return
        info = self._operation(recorded)
        if info is None:
            return
        before = set(self.run.results.failures)
        self.probes.at = item.seq
        prepared, raw = _requests_pair(recorded)
        case = self._case(info, recorded, prepared)
        response = _response(recorded, prepared)
        self.run.recorder.begin()
        self.run.probes.new_case()
        with self.run.recorder.role("request"):
            self.run.recorder.record(prepared, raw, recorded.elapsed)
        # ignored_auth re-sends a request without credentials; judged passively it may only read the request.
        excluded = [ignored_auth] if recorded.header("Authorization") else None
        with (
            refuse_all() as attempts,
            current.phase("passive"),
            current.running_test(f"passive::{info.operation_id}"),
        ):
            self.run.check(case, response, excluded=excluded)
        self.refused += attempts
        if self.on_deviation is not None:
            for key in self.run.results.failures.keys() - before:
                self.on_deviation(self.run.results.failures[key])

    def _operation(self, recorded: Recorded) -> OpInfo | None:
        where = f"entry {recorded.index}: {recorded.method} {self.run.redactor.text(recorded.url)}"
        if origin_of(recorded.url) != self.run.urls.origin:
            self.run.unmatched.append(f"{where}: another host than {self.run.urls.origin}")
            return None
        info = self.run.model.match(recorded.method, self.run.urls.request_path(recorded.url))
        if info is None:
            self.run.unmatched.append(f"{where}: no operation of the spec has this method and path")
        return info

    def _case(self, info: OpInfo, recorded: Recorded, prepared: requests.PreparedRequest) -> OpenApiCase:
        operation = self.run.operation(info.operation_id)
        path = self.run.urls.request_path(recorded.url)
        params = dict(zip(_names(info.path), _values(info.path, path), strict=False))
        headers = {k: v for k, v in recorded.request_headers if k.lower() not in _NOT_CASE_HEADERS}
        query = _typed_query(self.run, info, urlsplit(recorded.url).query)
        kwargs: dict[str, Any] = {"path_parameters": params, "query": query, "headers": headers}
        if recorded.request_body:
            media_type = (recorded.header("Content-Type") or "application/json").split(";")[0].strip()
            kwargs["media_type"] = media_type
            kwargs["body"] = _json(recorded.request_body) if "json" in media_type else recorded.request_body
            if kwargs["body"] is None:
                kwargs["body"] = recorded.request_body
        case: OpenApiCase = operation.Case(**kwargs)
        return case


_NOT_CASE_HEADERS = HOP_BY_HOP | {"host", "content-length"}


def _names(template: str) -> list[str]:
    return [s[1:-1] for s in template.split("/") if s.startswith("{") and s.endswith("}")]


def _values(template: str, path: str) -> list[str]:
    parts = path.rstrip("/").split("/")
    return [parts[i] for i, s in enumerate(template.split("/")) if s.startswith("{") and i < len(parts)]


def _typed_query(run: RunContext, info: OpInfo, query: str) -> dict[str, Any]:
    """The query as the checks read it: integers and booleans typed by the operation's parameter schemas."""
    declared = {}
    item = run.model.document["paths"][info.path]
    for raw in [*item.get("parameters", []), *item[info.method.lower()].get("parameters", [])]:
        parameter = run.model.resolve(raw)
        if isinstance(parameter, dict) and parameter.get("in") == "query":
            declared[parameter.get("name")] = run.model.resolve(parameter.get("schema", {})) or {}
    typed: dict[str, Any] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        kind = declared.get(name, {}).get("type") if isinstance(declared.get(name), dict) else None
        typed[name] = _typed(value, kind)
    return typed


def _typed(value: str, kind: Any) -> Any:
    if kind == "integer" and value.lstrip("-").isdigit():
        return int(value)
    if kind == "boolean" and value in ("true", "false"):
        return value == "true"
    return value


def basic_credentials(value: str | None) -> tuple[str, str] | None:
    """(user, password) of an HTTP Basic Authorization value, or None."""
    scheme, _, encoded = (value or "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("latin-1")
    except (binascii.Error, ValueError):
        return None
    user, _, password = decoded.partition(":")
    return user, password


def _json(body: bytes | None) -> Any:
    if not body:
        return None
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None


def _requests_pair(recorded: Recorded) -> tuple[requests.PreparedRequest, requests.Response]:
    """The exchange as `requests` objects, the shape the recorder and curl lines read."""
    prepared = requests.PreparedRequest()
    prepared.method = recorded.method
    prepared.url = recorded.url
    prepared.headers = CaseInsensitiveDict(
        {k: v for k, v in recorded.request_headers if k.lower() not in HOP_BY_HOP}
    )
    prepared.body = recorded.request_body or None
    raw = requests.Response()
    raw.status_code = recorded.status
    raw.headers = CaseInsensitiveDict(dict(_response_headers(recorded)))
    raw._content = recorded.response_body or b""
    raw.url = recorded.url
    raw.request = prepared
    raw.elapsed = timedelta(seconds=recorded.elapsed)
    return prepared, raw


def _response_headers(recorded: Recorded) -> Iterator[tuple[str, str]]:
    """Response headers as the body is held: decoded (a HAR holds the decoded text), so no Content-Encoding."""
    for name, value in recorded.response_headers:
        if name.lower() not in HOP_BY_HOP and name.lower() not in ("content-encoding", "content-length"):
            yield name, value


def _response(recorded: Recorded, prepared: requests.PreparedRequest) -> Response:
    headers: dict[str, list[str]] = {}
    for name, value in _response_headers(recorded):
        headers.setdefault(name.lower(), []).append(value)
    return Response(
        status_code=recorded.status,
        headers=headers,
        content=recorded.response_body or b"",
        request=prepared,
        elapsed=recorded.elapsed,
        verify=True,
    )
