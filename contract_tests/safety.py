"""Live-tenant safety: decide what a run may send, and refuse anything else at the transport.

Two layers, so one mistake cannot reach a customer's tenant: `make_plan` leaves every write operation out of
the generated (stateless, stateful) phases and keeps only the budgeted workflow; `SafetyGuard` sits in the
HTTP adapter and refuses, on every request, any non-read request whose own host is live unless the safe
workflow holds a permit for exactly that operation, within the budget. Both read a host with `request_host`,
so no spelling of a live host (escapes, case, trailing dots, userinfo, Unicode, punycode) passes for another.
Both are pure and unit-tested without network.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from urllib.parse import urlsplit

from .config import STATELESS_PHASES, Profile, SuiteConfig
from .hosts import HostError, canonical_host, canonical_origin
from .model import ApiModel

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
SAFE_UNEXPECTED_METHODS = ("options", "trace")


class SafetyError(Exception):
    """A request or a profile that the live-tenant rules forbid; the message is one sentence."""


def request_host(url: str) -> str:
    """The host a request to `url` goes to, one spelling per host; SafetyError when it cannot be decided."""
    try:
        return canonical_host(url)
    except HostError as exc:
        raise SafetyError(str(exc)) from None


def request_origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of a request, read like `request_host`; SafetyError when it cannot be decided."""
    try:
        return canonical_origin(url)
    except HostError as exc:
        raise SafetyError(str(exc)) from None


def host_is_live(host: str, patterns: tuple[str, ...]) -> bool:
    """Whether a host from `request_host` matches a live-tenant pattern such as `*.sitecorecloud.io`."""
    return any(fnmatchcase(host, pattern.lower().rstrip(".")) for pattern in patterns)


def is_live_host(url: str, patterns: tuple[str, ...]) -> bool:
    """Whether the URL's host, however spelled, matches a live-tenant pattern (SafetyError if undecidable)."""
    return host_is_live(request_host(url), patterns)


def may_follow_redirect(method: str, from_url: str, to_url: str) -> bool:
    """Writes never follow a redirect (the 3xx is the answer judged); reads only within scheme, host and port."""
    if method.upper() not in READ_METHODS:
        return False
    try:
        return request_origin(from_url) == request_origin(to_url)
    except SafetyError:
        return False


@dataclass(frozen=True, slots=True)
class Plan:
    """What a run will send: phases, operations and, on a live tenant, the write budget."""

    profile: Profile
    live: bool
    allow_writes: bool
    stateless_operations: tuple[str, ...]
    stateless_phases: tuple[str, ...]
    stateful: bool
    workflows: str
    unexpected_methods: tuple[str, ...] | None
    live_hosts: tuple[str, ...]
    write_budget: dict[str, int] = field(default_factory=dict)
    checks_off_on_writes: dict[str, str] = field(default_factory=dict)

    @property
    def guarded(self) -> bool:
        """True when writes must stay inside the budget (a live host without --allow-writes)."""
        return self.live and not self.allow_writes


def choose_profile(requested: str | None, *, live: bool, allow_writes: bool, config: SuiteConfig) -> Profile:
    """The profile to run: `safe` by default on a live tenant, `quick` elsewhere."""
    name = requested or ("safe" if live else "quick")
    if name not in config.profiles:
        raise SafetyError(f"Unknown profile {name!r}; choose one of {', '.join(sorted(config.profiles))}.")
    if live and name != "safe" and not allow_writes:
        raise SafetyError(
            f"The {name} profile sends negative and fuzzed writes, so against a live Sitecore tenant it needs "
            "--allow-writes (the default there is the safe profile)."
        )
    return config.profiles[name]


def make_plan(
    *,
    base_url: str,
    requested_profile: str | None,
    allow_writes: bool,
    config: SuiteConfig,
    model: ApiModel,
    phases: tuple[str, ...] | None = None,
    operations: tuple[str, ...] | None = None,
) -> Plan:
    """Plan a run. On a live host without --allow-writes only reads are generated; writes come from the budget."""
    live = is_live_host(base_url, config.safe.live_hosts)
    profile = choose_profile(requested_profile, live=live, allow_writes=allow_writes, config=config)
    chosen = tuple(p for p in profile.phases if phases is None or p in phases)
    selected = [op for op in model.operations if operations is None or op in operations]
    stateless = tuple(p for p in chosen if p in STATELESS_PHASES)
    workflows = profile.workflows if "workflows" in chosen else "none"
    if live and not allow_writes:
        return Plan(
            profile=profile,
            live=True,
            allow_writes=False,
            stateless_operations=tuple(op for op in selected if not model.operations[op].is_write),
            stateless_phases=stateless,
            stateful=False,
            workflows="safe" if workflows != "none" else "none",
            unexpected_methods=SAFE_UNEXPECTED_METHODS,
            live_hosts=config.safe.live_hosts,
            write_budget=dict(config.safe.budget),
            checks_off_on_writes=dict(config.safe.checks_off_on_writes),
        )
    return Plan(
        profile=profile,
        live=live,
        allow_writes=allow_writes,
        stateless_operations=tuple(selected),
        stateless_phases=stateless,
        stateful="stateful" in chosen and profile.stateful_max_examples > 0,
        workflows=workflows,
        unexpected_methods=None,
        live_hosts=config.safe.live_hosts,
    )


def generated_writes(plan: Plan, model: ApiModel) -> list[str]:
    """Write operations that generated phases (stateless or stateful) may send: negative and fuzzed data."""
    writes = [
        op for op in plan.stateless_operations if model.operations[op].is_write and plan.stateless_phases
    ]
    if plan.stateful:
        writes.extend(op for op, info in model.operations.items() if info.is_write and op not in writes)
    if plan.unexpected_methods is None and plan.stateless_phases and "coverage" in plan.stateless_phases:
        writes.append("<undeclared methods, coverage phase>")
    return writes


class SafetyGuard:
    """The last line: every outgoing request passes `authorize`, which refuses unbudgeted writes to a live host."""

    def __init__(self, plan: Plan, model: ApiModel) -> None:
        self.plan = plan
        self.model = model
        self.remaining: Counter[str] = Counter(plan.write_budget)
        self._permit: str | None = None
        self.sent_writes: list[str] = []

    @contextmanager
    def permit(self, operation_id: str) -> Iterator[None]:
        """Allow exactly one request of one budgeted operation while the block runs."""
        if self.plan.guarded and self.remaining[operation_id] <= 0:
            raise SafetyError(f"The safe profile's write budget has no {operation_id} left.")
        self._permit = operation_id
        try:
            yield
        finally:
            self._permit = None

    def authorize(self, method: str, url: str) -> None:
        """Return if the request may go out; raise SafetyError otherwise (nothing is sent).

        Judged on the host this very request goes to, not the run's base URL: a write that ends up at a live
        host (a redirect, an href, a spelling the plan did not foresee) is held to the budget all the same.
        """
        host = request_host(url)  # an undecidable host is refused whatever the method
        method = method.upper()
        if method in READ_METHODS:
            return
        info = self.model.match(method, url)
        name = info.operation_id if info is not None else f"{method} {urlsplit(url).path}"
        if self.plan.allow_writes or not host_is_live(host, self.plan.live_hosts):
            self.sent_writes.append(name)
            return
        if info is not None and self._permit == info.operation_id and self.remaining[info.operation_id] > 0:
            self.remaining[info.operation_id] -= 1
            self._permit = None
            self.sent_writes.append(name)
            return
        raise SafetyError(
            f"Refused to send {method} {urlsplit(url).path} to the live tenant {host}: it is outside the safe "
            "profile's write budget (--allow-writes permits it)."
        )
