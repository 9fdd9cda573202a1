"""One run of the suite: target, plan, schema, session, memory, and the results the report is made of.

The runner builds a `RunContext` and installs it with `install()` before pytest imports the suite; the
suite modules, hooks and checks reach it through `current()`. Run the suite modules with plain pytest and
`current()` builds one from the environment instead (in-process sandbox unless SITECORE_CDP_BASE_URL is set).
"""

from __future__ import annotations

import json
import os
import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import requests
import schemathesis
import yaml
from cdp_sandbox.app import default_spec_path as sandbox_spec_path
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.core.failures import FailureGroup, ResponseTimeExceeded

from . import checks, hooks
from . import config as config_mod
from .hooks import shape_case
from .model import ApiModel, OpInfo, SpecError, norm_path, with_overlay
from .network import Network
from .provenance import TargetKind, Verdict, classify, resolve_target_kind, vet_unconfirmed
from .safety import Plan, SafetyGuard, make_plan
from .state import ResourceState, parent_key, resource_key
from .targets import ASGI_BASE_URL, Target, target_from_env
from .transport import (
    Exchange,
    Recorder,
    Redactor,
    SwappableApp,
    asgi_session,
    http_session,
    rebase,
)


@dataclass(frozen=True, slots=True)
class RunOptions:
    """What the person asked for."""

    target: Target
    profile: str | None = None
    seed: int | None = None
    allow_writes: bool = False
    phases: tuple[str, ...] | None = None
    operations: tuple[str, ...] | None = None
    reports_dir: Path = Path("reports")
    spec_path: Path | None = None
    run_id: str = ""
    rerun_args: tuple[str, ...] = ()
    target_kind: str | None = None
    """`sandbox` or `real`; None: a sandbox when the runner launched it or runs it in-process, else real."""
    network: Network | None = None
    """Proxies and CA bundle for a real HTTP target; None: this process' environment (network.py)."""


@dataclass(slots=True)
class FailureRecord:
    """One deviation: which check, on what, with the exchanges that show it."""

    check: str
    operation_id: str
    label: str
    title: str
    message: str
    phase: str
    test_id: str
    exchanges: list[Exchange]
    curl: str


@dataclass(slots=True)
class ProbeResult:
    """A probe's answer, decoded."""

    status: int
    body: Any
    url: str


def default_spec_path() -> Path:
    """spec/openapi.yaml of this repository, or the copy shipped in the wheel."""
    return sandbox_spec_path()


def check_names() -> tuple[frozenset[str], frozenset[str]]:
    """(built-in schemathesis checks, this kit's custom checks), as registered."""
    load_all_checks()
    builtin = {
        c.__name__ for c in CHECKS.get_all() if getattr(c, "__module__", "").startswith("schemathesis")
    }
    builtin.add("max_response_time")
    return frozenset(builtin), frozenset(checks.CUSTOM_CHECKS)


class RunContext:
    """Everything one run shares; see the module docstring."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.target = options.target
        self.run_id = options.run_id or datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(
            3
        )
        builtin, custom = check_names()
        self.config = config_mod.load(
            builtin_names=builtin, custom_names=custom, narrowing_names=frozenset(hooks.NARROWINGS)
        )
        spec_path = options.spec_path or default_spec_path()
        with spec_path.open(encoding="utf-8") as handle:
            raw = yaml.safe_load(handle)
        self.document = with_overlay(
            raw, [(list(g.operations), list(g.add_statuses)) for g in self.config.spec_gaps]
        )
        try:
            self.model = ApiModel(self.document)
        except SpecError as exc:
            raise config_mod.ConfigError(f"{spec_path}: {exc}") from None
        problems = vet_unconfirmed(self.model, set(self.config.checks), self.config.api_wide)
        if problems:
            raise config_mod.ConfigError(f"{spec_path}: " + "; ".join(problems) + ".")
        self.plan: Plan = make_plan(
            base_url=self.target.base_url,
            requested_profile=options.profile,
            allow_writes=options.allow_writes,
            config=self.config,
            model=self.model,
            phases=options.phases,
            operations=options.operations,
        )
        self.target_kind: TargetKind = resolve_target_kind(
            options.target_kind, local_sandbox=self.target.local_sandbox
        )
        if self.target_kind is TargetKind.SANDBOX and self.plan.live:
            raise config_mod.ConfigError(
                f"{self.target.base_url} is a live tenant, not a sandbox: leave out --target-kind sandbox."
            )
        self.seed = (
            options.seed
            if options.seed is not None
            else (None if self.plan.profile.deterministic else secrets.randbelow(2**31))
        )
        # Records a run leaves on a target it does not own carry this prefix (see conformance.toml [safe]).
        self.reference_prefix = (
            None if self.target.local_sandbox else f"{self.config.safe.reference_prefix}{self.run_id}-"
        )
        # Only a real HTTP target goes over the network; an in-process app has no route to configure.
        self.network: Network | None = (
            None if self.target.app_factory is not None else (options.network or Network.from_process())
        )
        self.redactor = Redactor.for_credentials(
            self.target.client_key,
            self.target.api_token,
            extra=self.network.credentials if self.network is not None else (),
        )
        self.recorder = Recorder(self.model, self.redactor)
        self.recorder.phase = lambda: self.phase
        self.guard = SafetyGuard(self.plan, self.model)
        self.app: SwappableApp | None = None
        if self.target.app_factory is not None:
            self.app = SwappableApp(self.target.app_factory)
            self.session = asgi_session(self.app)
        else:
            self.session = http_session()
        self.state = ResourceState()
        self.failures: dict[tuple[str, str, str], FailureRecord] = {}
        self.applied: Counter[tuple[str, str]] = Counter()
        self.phase = "stateless"
        self.test_id = ""
        self._probe_cache: dict[str, ProbeResult] = {}
        self._paged: set[tuple[str, int]] = set()
        self.schema = self._build_schema()

    # -- schemathesis ----------------------------------------------------------------------------

    def schemathesis_config(self) -> dict[str, Any]:
        """The schemathesis configuration this run's profile and conformance.toml amount to."""
        plan, cfg = self.plan, self.config
        checks: dict[str, Any] = {
            name: {"enabled": setting.enabled}
            for name, setting in cfg.checks.items()
            if name != "max_response_time"
        }
        timing = cfg.builtin["max_response_time"]
        if timing.enabled and timing.limit is not None:
            checks["max_response_time"] = timing.limit
        phases: dict[str, Any] = {
            p: {"enabled": p in plan.stateless_phases} for p in config_mod.STATELESS_PHASES
        }
        # Enabled only so the schema exposes its links to the state machine; pytest runs the machine itself.
        phases["stateful"] = {"enabled": plan.stateful, "max-steps": max(plan.profile.stateful_max_steps, 2)}
        if plan.unexpected_methods is not None:
            phases["coverage"]["unexpected-methods"] = list(plan.unexpected_methods)
        operations: list[dict[str, Any]] = [
            {
                "include-operation-id": list(exc.operations),
                "checks": {exc.check: {"expected-statuses": list(exc.expected_statuses)}},
            }
            for exc in cfg.exceptions
        ]
        if plan.guarded and plan.checks_off_on_writes:
            operations.append(
                {
                    "include-operation-id": sorted(plan.write_budget),
                    "checks": {name: {"enabled": False} for name in plan.checks_off_on_writes},
                }
            )
        result: dict[str, Any] = {
            "generation": {
                "deterministic": plan.profile.deterministic,
                "database": "none",
                "max-examples": max(plan.profile.fuzzing_max_examples, 1),
            },
            "phases": phases,
            "checks": checks,
            "output": {"sanitization": {"enabled": True}},
            "suppress-health-check": ["too_slow", "filter_too_much", "data_too_large", "large_base_example"],
        }
        result["request-timeout"] = self.request_timeout
        if self.seed is not None:
            result["seed"] = self.seed
        if operations:
            result["operations"] = operations
        return result

    @property
    def request_timeout(self) -> float:
        """Seconds a request may wait for its answer: twice the response-time bound, so a slow answer is measured
        and reported by max_response_time, and a hung one still ends the wait (then reported the same way)."""
        timing = self.config.builtin["max_response_time"]
        return 2 * timing.limit if timing.enabled and timing.limit else 30.0

    def _build_schema(self) -> Any:
        sconfig = schemathesis.Config.from_dict(self.schemathesis_config())
        schema = schemathesis.openapi.from_dict(self.document, config=sconfig)
        base_url = ASGI_BASE_URL if self.app is not None else self.target.base_url
        schema.config.update(base_url=base_url, basic_auth=self.target.auth)
        if self.app is not None:
            schema.app = self.app  # schemathesis' own probes (ignored_auth) reach the same in-process app
        schema.hooks.register_hook_with_name(self._after_validate, "after_validate")
        narrowings = [
            hooks.NARROWINGS[n.rule] for n in self.config.narrowed if self.config.checks[n.check].enabled
        ]

        def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
            return not any(drop(self, failure, case) for drop in narrowings)

        schema.hooks.register_hook_with_name(filter_failure, "filter_failure")
        return schema

    @property
    def base_url(self) -> str:
        """The base URL requests are sent to (http://testserver for in-process runs)."""
        return ASGI_BASE_URL if self.app is not None else self.target.base_url.rstrip("/")

    @property
    def origin(self) -> str:
        """scheme://host[:port] of the base URL, default ports dropped."""
        return origin_of(self.base_url)

    @property
    def base_prefix(self) -> str:
        """A path prefix in the base URL (e.g. a proxy mounted under /cdp), else empty."""
        return urlsplit(self.base_url).path.rstrip("/").lower()

    def api_path(self, url: str) -> str:
        """The API path of a URL or href (base prefix removed), lower-cased."""
        path = norm_path(url)
        prefix = self.base_prefix
        return path[len(prefix) :] if prefix and path.startswith(prefix) else path

    def request_path(self, url: str) -> str:
        """The API path of a URL with its case kept (for sending), base prefix removed."""
        path = urlsplit(url).path.rstrip("/")
        prefix = self.base_prefix
        return path[len(prefix) :] if prefix and path.lower().startswith(prefix) else path

    def call_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `case.call`/`validate_response`: our session (credentials travel in the case,
        so the cases that test missing or wrong credentials stay without them)."""
        return {"session": self.session}

    def operation(self, operation_id: str) -> Any:
        """The schemathesis APIOperation for an operationId."""
        return self.schema.find_operation_by_id(operation_id)

    # -- executing and validating ----------------------------------------------------------------

    def info_for(self, case: Any, response: Any | None = None) -> OpInfo | None:
        """The declared operation the request really hit (coverage probes may use another method)."""
        if response is not None:
            return self.model.match(str(response.request.method), str(response.request.url))
        return self.model.by_label(case.operation.label)

    def send(self, case: Any, *, permit: str | None = None, shape: bool = True) -> Any:
        """Send one case through the run's session (a budgeted write to a live tenant needs its permit).

        `shape=False` sends a case exactly as built: the workflows use it to break a documented rule on purpose.
        """
        self.recorder.begin()
        self._probe_cache.clear()
        if shape:
            shape_case(case, self)
        try:
            if permit is not None:
                with self.guard.permit(permit):
                    return case.call(**self.call_kwargs())
            return case.call(**self.call_kwargs())
        except requests.Timeout:
            raise self._unanswered(case) from None

    def _unanswered(self, case: Any) -> FailureGroup:
        """A request that got no answer within the timeout: a response-time deviation (max_response_time), recorded
        with its exchange like any other, so a hanging target is reported rather than ending the run as an error."""
        limit = self.request_timeout
        info = self.info_for(case)
        op_id = info.operation_id if info is not None else case.operation.label
        failure = ResponseTimeExceeded(
            operation=case.operation.label,
            elapsed=limit,
            deadline=self.config.builtin["max_response_time"].limit or limit,
            message=f"No answer within {limit:.0f} s (the request timed out)",
        )
        self.recorder.stats[op_id].checks_failed["max_response_time"] += 1
        self.applied[(op_id, "max_response_time")] += 1
        exchanges = self.recorder.take()
        self.failures[(op_id, "max_response_time", "timed out")] = FailureRecord(
            check="max_response_time",
            operation_id=op_id,
            label=case.operation.label,
            title=self.redactor.text(failure.title),
            message=self.redactor.text(failure.message),
            phase=self.phase,
            test_id=self.test_id,
            exchanges=exchanges,
            curl=(
                f'curl -X {exchanges[-1].method} -u "$SITECORE_CDP_CLIENT_KEY:$SITECORE_CDP_API_TOKEN" '
                f"{_quote(exchanges[-1].url)}"
                if exchanges
                else case.operation.label
            ),
        )
        return FailureGroup([failure], f"{case.operation.label}: {failure.message}")

    def check(self, case: Any, response: Any, *, recorder: Any | None = None) -> FailureGroup | None:
        """Run every enabled check on a response, then remember it; the deviations, if any."""
        try:
            with self.recorder.role("probe", "schemathesis built-in check"):
                case.validate_response(response, transport_kwargs=self.call_kwargs(), recorder=recorder)
        except FailureGroup as failures:
            return failures
        finally:
            self.observe(case, response)
        return None

    def execute(self, case: Any) -> Any:
        """Send, check, remember; raise FailureGroup on deviations (the stateless tests use this)."""
        response = self.send(case)
        failures = self.check(case, response)
        if failures is not None:
            raise failures
        return response

    def observe(self, case: Any, response: Any) -> None:
        """Update the memory of the target with this response."""
        info = self.info_for(case, response)
        if info is None:
            return
        body = _json(response)
        params = dict(case.path_parameters or {})
        self.state.observe(
            info, resource_key(info, params, body), parent_key(info, params), response.status_code, body
        )

    def _after_validate(self, context: Any, case: Any, response: Any, results: list[Any]) -> None:
        """Count every check result per operation and keep each failure with its exchanges."""
        info = self.info_for(case, response) or self.model.by_label(case.operation.label)
        op_id = info.operation_id if info is not None else case.operation.label
        stats = self.recorder.stats[op_id]
        for result in results:
            if result.failure is None:
                stats.checks_passed[result.name] += 1
                self.applied[(op_id, result.name)] += 1
                continue
            stats.checks_failed[result.name] += 1
            self.applied[(op_id, result.name)] += 1
            failure = result.failure
            first_line = (
                (failure.message or failure.title).strip().splitlines()[0]
                if (failure.message or failure.title)
                else ""
            )
            key = (op_id, result.name, first_line[:160])
            self.failures[key] = FailureRecord(
                check=result.name,
                operation_id=op_id,
                label=case.operation.label,
                title=self.redactor.text(failure.title or ""),
                message=self.redactor.text(failure.message or ""),
                phase=self.phase,
                test_id=self.test_id,
                exchanges=self.recorder.take(),
                curl=self.curl(response),
            )

    def verdict(self, failure: FailureRecord) -> Verdict:
        """Where the rule a failure broke came from, and whether it is a target bug or evidence about the spec."""
        info = self.model.operations.get(failure.operation_id)
        return classify(info, failure.check, self.target_kind, self.config.api_wide)

    def curl(self, response: Any) -> str:
        """A one-line curl that replays the request, credentials read from the environment."""
        request = response.request
        parts = [
            "curl",
            "-X",
            str(request.method),
            "-u",
            '"$SITECORE_CDP_CLIENT_KEY:$SITECORE_CDP_API_TOKEN"',
        ]
        for name, value in request.headers.items():
            if name.lower() in ("content-type",):
                parts += ["-H", _quote(f"{name}: {value}")]
        if request.body:
            body = (
                request.body.decode("utf-8", "replace")
                if isinstance(request.body, bytes)
                else str(request.body)
            )
            parts += ["--data-raw", _quote(self.recorder.redactor.text(body))]
        url = str(request.url)
        if self.app is not None:
            url = "$SITECORE_CDP_BASE_URL" + url[len(ASGI_BASE_URL) :]
        parts.append(_quote(self.recorder.redactor.text(url)))
        return " ".join(parts)

    def reset_target(self) -> None:
        """Start a stateful scenario from an empty target when we own it (in-process); forget what we saw."""
        if self.app is not None:
            self.app.reset()
        self.state.reset()
        self._paged.clear()

    # -- probes (follow-up requests of the custom checks) -----------------------------------------

    def probe(self, path_or_url: str, *, note: str, params: dict[str, Any] | None = None) -> ProbeResult:
        """GET a path (or an href, rebased onto the target) as a follow-up of a check; cached per case."""
        url = rebase(path_or_url, self.base_url) if "://" in path_or_url else self.base_url + path_or_url
        if params:
            url += ("&" if "?" in url else "?") + urlencode(params)
        cached = self._probe_cache.get(url)
        if cached is not None:
            return cached
        with self.recorder.role("probe", note):
            try:
                response = self.session.get(url, auth=self.target.auth, timeout=30)
            except requests.RequestException as exc:
                raise AssertionError(f"follow-up GET {url} failed: {type(exc).__name__}: {exc}") from None
        result = ProbeResult(response.status_code, _json_text(response.text), url)
        self._probe_cache[url] = result
        return result

    def walk(
        self, path: str, *, note: str, query: dict[str, Any], page_size: int, max_pages: int
    ) -> tuple[list[str], bool]:
        """Item hrefs (API paths) of a collection, following `next`; (items, complete?)."""
        seen: list[str] = []
        url: str | None = path
        params: dict[str, Any] | None = {**query, "offset": 0, "limit": page_size}
        for _ in range(max_pages):
            assert url is not None
            result = self.probe(url, note=note, params=params)
            if result.status != 200 or not isinstance(result.body, dict):
                raise AssertionError(f"walking {path}: GET {result.url} answered {result.status}")
            items = result.body.get("items") or []
            seen.extend(
                self.api_path(i["href"])
                for i in items
                if isinstance(i, dict) and isinstance(i.get("href"), str)
            )
            nxt = result.body.get("next")
            if not items or not isinstance(nxt, dict) or not isinstance(nxt.get("href"), str):
                return seen, True
            url, params = nxt["href"], None
        return seen, False

    def once_per_state(self, key: str) -> bool:
        """True the first time `key` is asked for since the last write the suite saw (bounds repeated walks)."""
        marker = (key, self.state.writes)
        if marker in self._paged:
            return False
        self._paged.add(marker)
        return True


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL, lower-cased, default ports dropped."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    suffix = f":{port}" if port and port != default else ""
    return f"{parts.scheme.lower()}://{host}{suffix}"


def _json(response: Any) -> Any:
    try:
        return json.loads(response.content) if response.content else None
    except (ValueError, UnicodeDecodeError):
        return None


def _json_text(text: str) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


_CURRENT: list[RunContext] = []


def install(run: RunContext | None) -> None:
    """Make `run` the current run (None clears it)."""
    _CURRENT.clear()
    if run is not None:
        _CURRENT.append(run)


def current() -> RunContext | None:
    """The current run, if one is installed."""
    return _CURRENT[0] if _CURRENT else None


def require() -> RunContext:
    """The current run, building one from the environment when the suite runs under plain pytest."""
    run = current()
    if run is None:
        run = RunContext(RunOptions(target=target_from_env(os.environ)))
        install(run)
    return run


def raise_collected(failures: list[FailureGroup]) -> None:
    """Raise the failures of a multi-step workflow together."""
    if not failures:
        return
    if len(failures) == 1:
        raise failures[0]
    merged = [f for group in failures for f in group.exceptions]
    raise FailureGroup(merged, "\n".join(str(group) for group in failures))
