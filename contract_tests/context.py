"""One run of the suite, assembled: options -> config, model, plan, guard, recorder, session, schema.

The runner builds a `RunContext` and installs it (current.py) before pytest imports the suite; the suite
modules reach it through `require()`, the checks through `current()`. Run the suite modules with plain pytest
and `require()` builds one from the environment instead (in-process sandbox unless SITECORE_CDP_BASE_URL is
set). The jobs a run needs live in their own modules and are held here: URLs (urls.py), the checks' follow-up
GETs (probes.py), the deviations found (results.py), the schemathesis configuration (schema_config.py).
"""

from __future__ import annotations

import json
import os
import secrets
import traceback
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import requests
import schemathesis
import yaml
from cdp_sandbox.factory import default_spec_path as sandbox_spec_path
from schemathesis import CheckFunction, CheckResult, HookContext, Response
from schemathesis.checks import CHECKS
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.engine.recorder import ScenarioRecorder

from . import config as config_mod
from . import run_view
from .baseline import Baseline, BaselineOptions
from .checks import check_names
from .curl import curl_for_request
from .hooks import NARROWINGS, shape_case
from .losses import LostRequest, NetworkLedger, TransportLost, no_answer
from .model import ApiModel, OpInfo, SpecError, with_overlay
from .network import Network
from .pacing import Pacer
from .probes import Probes
from .provenance import TargetKind, Verdict, classify, resolve_target_kind, vet_unconfirmed
from .results import FailureRecord, Results
from .safety import Plan, SafetyGuard, make_plan
from .schema_config import request_timeout, schemathesis_config
from .state import ResourceState, parent_key, resource_key
from .targets import ASGI_BASE_URL, Target, target_from_env
from .transport import Recorder, Redactor, SwappableApp, asgi_session, http_session
from .urls import TargetUrls

if TYPE_CHECKING:  # schemathesis names the OpenAPI case and operation types for type checkers only
    from schemathesis.specs.openapi.schemas import OpenApiCase, OpenApiOperation


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
    rate_limit: float | None = None
    """Requests per second this process may send (pacing.py); None: no ceiling."""
    worker: tuple[int, int] | None = None
    """(k, n): this process is worker k of n of one run (workers.py); None: the run's only process."""
    concurrency: str = ""
    """How many workers the run uses and why (concurrency.py), for the report's header."""
    baseline: BaselineOptions = field(default_factory=BaselineOptions)
    """The accepted deviations (baseline.py); no file: every deviation is new."""
    command: str = "python -m contract_tests run"
    """What precedes the options in the command the person typed (`cdp-conformance run`, `python3 scripts/nox -s
    conformance --`), for the re-run lines of the reports."""
    rerun_options: tuple[str, ...] = ()
    """The options a re-run line repeats (--workers, --reports, --baseline, ...)."""
    passive: str = ""
    """What a passive run judges (`recording traffic.har`, `traffic through the proxy`); empty: the suite sends its
    own requests. A passive run sends nothing (passive/)."""


def default_spec_path() -> Path:
    """spec/openapi.yaml of this repository, or the copy shipped in the wheel."""
    return sandbox_spec_path()


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
            builtin_names=builtin, custom_names=custom, narrowing_names=frozenset(NARROWINGS)
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
        self._tag_records(options)
        self.pacer = Pacer(rate=options.rate_limit)
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
        self.guard = SafetyGuard(self.plan, self.model)
        self.app: SwappableApp | None = None
        if self.target.app_factory is not None:
            self.app = SwappableApp(self.target.app_factory)
            self.session = asgi_session(self.app)
        else:
            self.session = http_session()
        self.urls = TargetUrls(ASGI_BASE_URL if self.app is not None else self.target.base_url.rstrip("/"))
        self.state = ResourceState()
        self.probes = Probes(self.session, self.target.auth, self.urls, self.recorder, self.state)
        self.results = Results(self.recorder, self.redactor, self._verdict)
        self.losses = NetworkLedger()
        """What the network lost and what was left unjudged for it (losses.py)."""
        self.unmatched: list[str] = []
        """Passive runs: the exchanges that match no operation of the spec (listed, not judged)."""
        self.unjudged: list[str] = []
        """Passive runs: exchanges of the spec's operations that cannot be judged (no response, a body left out)."""
        self.baseline: Baseline | None = options.baseline.load()
        """The accepted deviations in use (None: none); BaselineError when the file cannot be used."""
        self.baseline_note = ""
        """What --baseline-update or --baseline-prune wrote, once done (report.settle_baseline)."""
        self.schema = self._build_schema()

    def _tag_records(self, options: RunOptions) -> None:
        """Records a run leaves on a target it does not own carry a prefix (see conformance.toml [safe]); each test
        of such a run, and of any run of several workers, tags its own (tag_test), so none lists another's."""
        self.reference_prefix = (
            None if self.target.local_sandbox else f"{self.config.safe.reference_prefix}{self.run_id}-"
        )
        self._untagged_prefix = self.reference_prefix
        if options.worker is not None:
            self.as_worker(options.worker, options.reports_dir)
        self._tags_tests = self.reference_prefix is not None

    def as_worker(self, worker: tuple[int, int], reports_dir: Path) -> None:
        """Be worker k of n (workers.py): its own reports folder and its own referenceId tag, so no worker lists
        (and pages through) another's orders. A forked worker calls this again with its own number."""
        self.options = replace(self.options, worker=worker, reports_dir=reports_dir)
        base = self._untagged_prefix or f"{self.config.safe.reference_prefix}{self.run_id}-"
        self.reference_prefix = f"{base}w{worker[0]}-"

    def tag_test(self, index: int) -> None:
        """Tag the records of the run's `index`-th test (collection order) as its own: a test then lists only what
        it created itself, whichever worker runs it and whatever ran before it there, so a run finds the same with
        one worker or thirty (a target the run does not own, or any run of several workers)."""
        if self._tags_tests:
            base = self._untagged_prefix or f"{self.config.safe.reference_prefix}{self.run_id}-"
            self.reference_prefix = f"{base}t{index}-"

    # -- schemathesis ----------------------------------------------------------------------------

    def schemathesis_config(self) -> dict[str, Any]:
        """The schemathesis configuration this run's profile and conformance.toml amount to."""
        return schemathesis_config(self.plan, self.config, seed=self.seed, timeout=self.request_timeout)

    @property
    def request_timeout(self) -> float:
        """Seconds a request may wait for its answer (schema_config.request_timeout)."""
        return request_timeout(self.config)

    def _build_schema(self) -> Any:
        sconfig = schemathesis.Config.from_dict(self.schemathesis_config())
        schema = schemathesis.openapi.from_dict(self.document, config=sconfig)
        base_url = ASGI_BASE_URL if self.app is not None else self.target.base_url
        schema.config.update(base_url=base_url, basic_auth=self.target.auth)
        if self.app is not None:
            schema.app = self.app  # schemathesis' own probes (ignored_auth) reach the same in-process app
        schema.hooks.register_hook_with_name(self._after_validate, "after_validate")
        narrowings = [NARROWINGS[n.rule] for n in self.config.narrowed if self.config.checks[n.check].enabled]

        def filter_failure(
            context: HookContext, failure: Failure, case: OpenApiCase, response: Response
        ) -> bool:
            return not any(drop(self.model, self.state, failure, case) for drop in narrowings)

        schema.hooks.register_hook_with_name(filter_failure, "filter_failure")
        return schema

    @property
    def base_url(self) -> str:
        """The base URL requests are sent to (http://testserver for in-process runs)."""
        return self.urls.base_url

    @property
    def origin(self) -> str:
        """scheme://host[:port] of the base URL, default ports dropped."""
        return self.urls.origin

    def call_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `case.call`/`validate_response`: our session (credentials travel in the case,
        so the cases that test missing or wrong credentials stay without them)."""
        return {"session": self.session}

    def operation(self, operation_id: str) -> OpenApiOperation:
        """The schemathesis operation for an operationId."""
        found: OpenApiOperation = self.schema.find_operation_by_id(operation_id)
        return found

    # -- executing and validating ----------------------------------------------------------------

    def info_for(self, case: OpenApiCase, response: Response | None = None) -> OpInfo | None:
        """The declared operation the request really hit (coverage probes may use another method)."""
        if response is not None:
            return self.model.match(str(response.request.method), str(response.request.url))
        return self.model.by_label(case.operation.label)

    def send(self, case: OpenApiCase, *, permit: str | None = None, shape: bool = True) -> Response:
        """Send one case through the run's session (a budgeted write to a live tenant needs its permit).

        `shape=False` sends a case exactly as built: the workflows use it to break a documented rule on purpose.
        """
        known = self.model.by_label(case.operation.label)
        self.recorder.begin(known.operation_id if known is not None else None)
        self.probes.new_case()
        if shape:
            shape_case(case, self.model, self.reference_prefix)
        try:
            if permit is not None:
                with self.guard.permit(permit):
                    return case.call(**self.call_kwargs())
            return case.call(**self.call_kwargs())
        except TransportLost:
            raise
        except requests.RequestException as exc:
            if not no_answer(exc):
                raise
            # Sent without the run's transport (a test driving the run directly): no retries, the same verdict.
            exchanges = self.recorder.take()
            info = self.info_for(case)
            raise self.losses.give_up(
                LostRequest(
                    method=str(case.method).upper(),
                    url=exchanges[-1].url if exchanges else case.operation.label,
                    operation_id=info.operation_id if info is not None else None,
                    attempts=1,
                    error=self.redactor.text(f"{type(exc).__name__}: {exc}"),
                )
            ) from None

    def check(
        self,
        case: OpenApiCase,
        response: Response,
        *,
        recorder: ScenarioRecorder | None = None,
        excluded: list[CheckFunction] | None = None,
    ) -> FailureGroup | None:
        """Run every enabled check (but `excluded`) on a response, then remember it; the deviations, if any.

        A built-in check that sends requests of its own (ignored_auth) and lost one to the network is left out of
        this response's judgement (unjudged) and the others run again without it; the kit's own checks handle a
        lost follow-up read in their `@custom` wrapper."""
        left_out = list(excluded or [])
        try:
            for _ in range(len(self.config.checks) + 1):  # each pass leaves one more check out, or ends
                try:
                    with self.recorder.role("probe", "schemathesis built-in check"):
                        case.validate_response(
                            response,
                            transport_kwargs=self.call_kwargs(),
                            recorder=recorder,
                            excluded_checks=left_out or None,
                        )
                except FailureGroup as failures:
                    return failures
                except TransportLost as exc:
                    check = _check_that_sent(exc)
                    info = self.info_for(case, response)
                    op_id = info.operation_id if info is not None else case.operation.label
                    self.losses.unjudge(f"check {check.__name__ if check else '?'}", op_id, exc.lost)
                    if check is None or check in left_out:
                        return None
                    left_out.append(check)
                    continue
                return None
            return None
        finally:
            self.observe(case, response)

    def execute(self, case: OpenApiCase) -> Response | None:
        """Send, check, remember; raise FailureGroup on deviations (the stateless tests use this). A case whose
        request the network lost is unjudged (None), and the test goes on with its other cases."""
        try:
            response = self.send(case)
        except TransportLost as exc:
            info = self.info_for(case)
            self.losses.unjudge(
                "case", info.operation_id if info is not None else case.operation.label, exc.lost
            )
            return None
        failures = self.check(case, response)
        if failures is not None:
            raise failures
        return response

    def observe(self, case: OpenApiCase, response: Response) -> None:
        """Update the memory of the target with this response."""
        info = self.info_for(case, response)
        if info is None:
            return
        body = _json(response)
        params = dict(case.path_parameters or {})
        self.state.observe(
            info, resource_key(info, params, body), parent_key(info, params), response.status_code, body
        )

    def _after_validate(
        self, context: HookContext, case: OpenApiCase, response: Response, results: list[CheckResult]
    ) -> None:
        """Count every check result per operation and keep each failure with its exchanges."""
        info = self.info_for(case, response) or self.model.by_label(case.operation.label)
        op_id = info.operation_id if info is not None else case.operation.label
        self.results.judged(
            op_id,
            case.operation.label,
            results,
            lambda: curl_for_request(response.request, self.redactor.text, in_process=self.app is not None),
        )

    def _verdict(self, failure: FailureRecord) -> Verdict:
        info = self.model.operations.get(failure.operation_id)
        return classify(info, failure.check, self.target_kind, self.config.api_wide)

    def reset_target(self) -> None:
        """Start a stateful scenario from an empty target when we own it (in-process); forget what we saw."""
        if self.app is not None:
            self.app.reset()
        self.state.reset()
        self.probes.reset()


def _check_that_sent(exc: TransportLost) -> CheckFunction | None:
    """The built-in check whose own request was lost (the innermost frame of the traceback that is one)."""
    builtin: dict[str, CheckFunction] = {c.__name__: c for c in CHECKS.get_all() if not isinstance(c, type)}
    found: CheckFunction | None = None
    for frame, _ in traceback.walk_tb(exc.__traceback__):
        check = builtin.get(frame.f_code.co_name)
        if check is not None:
            found = check
    return found


def _json(response: Response) -> Any:
    try:
        return json.loads(response.content) if response.content else None
    except (ValueError, UnicodeDecodeError):
        return None


def require() -> RunContext:
    """The current run, building one from the environment (and installing it) when the suite runs under plain
    pytest."""
    run = run_view.current()
    if run is None:
        run = RunContext(RunOptions(target=target_from_env(os.environ)))
        run_view.install(run)
    if not isinstance(run, RunContext):
        raise TypeError(
            f"the installed run is a {type(run).__name__}, not a RunContext: the suite needs a whole run"
        )
    return run


def raise_collected(failures: list[FailureGroup]) -> None:
    """Raise the failures of a multi-step workflow together."""
    if not failures:
        return
    if len(failures) == 1:
        raise failures[0]
    merged = [f for group in failures for f in group.exceptions]
    raise FailureGroup(merged, "\n".join(str(group) for group in failures))
