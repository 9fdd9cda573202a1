"""`python -m contract_tests run`: pick the target, probe it, run the suite under pytest, exit with a verdict.

Exit codes: 0 the target conforms; 1 deviations found; 2 the target or the options are unusable (one sentence
on stderr, no traceback); 3 the run was incomplete (time budget) or pytest itself failed.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import os
import re
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from _pytest import junitxml

from . import assessment, concurrency, kit_version, progress, report, run_view, targets, workers
from .baseline import BaselineError, baseline_options
from .baseline import add_arguments as baseline_arguments
from .config import ALL_PHASES, ConfigError
from .context import RunContext, RunOptions
from .network import Network, NetworkError
from .passive import commands as passive
from .plugin import ConformancePlugin
from .redaction import RedactingStream
from .safety import SafetyError
from .targets import Target

SUITE_DIR = Path(__file__).resolve().parent / "suite"
EXIT_OK, EXIT_DEVIATIONS, EXIT_UNUSABLE, EXIT_INCOMPLETE = 0, 1, 2, 3
COMMAND_ENV = "CDP_CONFORMANCE_COMMAND"
"""What precedes the run's options in the command the person typed, when a wrapper started the runner (noxfile.py
sets `python3 scripts/nox -s conformance --`), for the reports' re-run lines; otherwise `PROG run`."""
MAX_WORKERS = 64


@dataclass(slots=True)
class Outcome:
    """What a run ended with (the tests of the suite read this)."""

    exit_code: int
    run: RunContext | None
    plugin: ConformancePlugin | None
    message: str = ""
    worker_results: list[workers.WorkerResult] = field(default_factory=list)
    """A run of several workers: what each left behind."""


def build_parser(prog: str = "python -m contract_tests") -> argparse.ArgumentParser:
    """The CLI (`prog` names it: `cdp-conformance` when installed, see cli.py)."""
    parser = argparse.ArgumentParser(prog=prog, description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {kit_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run", help="run the conformance suite against a target (default: a fresh local sandbox)"
    )
    where = run.add_mutually_exclusive_group()
    where.add_argument(
        "--base-url",
        help="target base URL (or SITECORE_CDP_BASE_URL); credentials from "
        "SITECORE_CDP_CLIENT_KEY / SITECORE_CDP_API_TOKEN",
    )
    where.add_argument(
        "--asgi",
        nargs="?",
        const=targets.DEFAULT_ASGI,
        metavar="MODULE:FACTORY",
        help=f"test an ASGI app in-process (default {targets.DEFAULT_ASGI}); the fast inner loop",
    )
    run.add_argument(
        "--profile",
        choices=["quick", "thorough", "safe"],
        help="default: safe on *.sitecorecloud.io, quick elsewhere",
    )
    run.add_argument(
        "--target-kind",
        choices=["sandbox", "real"],
        help="sandbox: built from the spec, every deviation is a target bug; real: a deviation from an inferred or "
        "unconfirmed rule is reported as evidence for fixing the spec (default: sandbox when the runner starts it "
        "or runs it in-process with --asgi, real otherwise)",
    )
    run.add_argument("--seed", type=int, help="replay a randomized (thorough) run")
    run.add_argument(
        "--allow-writes",
        action="store_true",
        help="on a live tenant, allow profiles with negative and fuzzed writes",
    )
    run.add_argument("--phases", help=f"comma-separated subset of {','.join(ALL_PHASES)}")
    run.add_argument("--operations", help="comma-separated operationIds for the stateless phases")
    run.add_argument("--reports", type=Path, default=Path("reports"), help="directory for the reports")
    run.add_argument("--spec", type=Path, help="OpenAPI document (default: spec/openapi.yaml)")
    run.add_argument(
        "--proxy",
        metavar="URL",
        help="send every request through this HTTP(S) proxy, both schemes (overrides HTTPS_PROXY, HTTP_PROXY and "
        "NO_PROXY; without it the environment's proxy settings are honoured)",
    )
    run.add_argument(
        "--ca-bundle",
        type=Path,
        metavar="FILE",
        help="verify TLS certificates against this CA bundle (overrides REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE and "
        "SSL_CERT_FILE, which are honoured otherwise)",
    )
    run.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="run the suite's tests in N processes side by side, one queue, one report (default: chosen from the "
        "target's round trip, timed on a few reads after the probe: 1 where the run is bound by the CPU, as with a "
        "local sandbox or --asgi; enough to hide the wait of a far target, also one behind a loopback port such as "
        "a tunnel; the report's header says what was measured and chosen)",
    )
    run.add_argument(
        "--rate-limit",
        type=float,
        metavar="RPS",
        help="send at most RPS requests per second in all (shared among the workers); answers 429 are waited out "
        "as their Retry-After asks either way",
    )
    baseline_arguments(run)
    # Set by the runner for the processes it starts with --workers; not for people.
    run.add_argument("--worker", help=argparse.SUPPRESS)
    run.add_argument("--work-dir", type=Path, help=argparse.SUPPRESS)
    run.add_argument("--run-id", help=argparse.SUPPRESS)
    run.add_argument("--forks", type=int, default=1, help=argparse.SUPPRESS)
    run.add_argument("-k", dest="keyword", help="pytest -k expression to run a subset of the suite's tests")
    run.add_argument("-q", "--quiet", action="store_true", help="less progress output")
    passive.add_parsers(sub)
    return parser


def _split(value: str | None) -> tuple[str, ...] | None:
    return tuple(p.strip() for p in value.split(",") if p.strip()) if value else None


@contextlib.contextmanager
def resolve_target(args: argparse.Namespace, env: dict[str, str]) -> Iterator[tuple[Target, tuple[str, ...]]]:
    """The target and the flags that name it again (for re-run commands)."""
    if args.asgi:
        yield targets.asgi_target(args.asgi, env), ("--asgi", args.asgi)
        return
    url = args.base_url or env.get("SITECORE_CDP_BASE_URL")
    if url:
        yield targets.url_target(url, env), ("--base-url", url)
        return
    with targets.sandbox_server() as target:
        yield target, ()


def execute(
    options: RunOptions,
    *,
    keyword: str | None = None,
    quiet: bool = False,
    work_dir: Path | None = None,
    forks: int = 1,
) -> Outcome:
    """Build the run, probe the target, run the suite; never raises for a target or option problem. As one of
    several workers (`options.worker`, `work_dir`), run only the tests claimed from the shared queue and leave the
    findings for the runner that started it (workers.py); with `forks` > 1 the process forks into that many
    workers once the tests are collected."""
    try:
        run = RunContext(options)
    except (SafetyError, ConfigError, targets.TargetError, NetworkError, BaselineError) as exc:
        return Outcome(EXIT_UNUSABLE, None, None, str(exc))
    if options.worker is None:  # workers leave the probe to the runner that started them
        outcome = _probe(run)
        if outcome is not None:
            return outcome
    plugin = ConformancePlugin(run, options.reports_dir)
    plugins: list[object] = [plugin]
    worker_plugin = None
    if options.worker is not None and work_dir is not None:
        worker_plugin = workers.WorkerPlugin(
            workers.WorkQueue(work_dir / workers.QUEUE_NAME),
            forks=forks,
            on_fork=functools.partial(_become_forked_worker, run, plugin, work_dir),
        )
        plugins.append(worker_plugin)
    args = [str(SUITE_DIR), "-c", str(SUITE_DIR / "pytest.ini"), "--rootdir", str(SUITE_DIR)]
    args += [
        f"--junitxml={options.reports_dir / 'conformance-junit.xml'}",
        "-o",
        "junit_suite_name=conformance",
    ]
    args += [
        "--tb=no",
        "-q" if quiet else "-v",
        "-p",
        "no:randomly",
        "-W",
        "ignore::pytest.PytestAssertRewriteWarning",
    ]
    if keyword:
        args += ["-k", keyword]
    _forget_suite_modules()
    run_view.install(run)
    try:
        # Whatever pytest or a plugin prints (the failure summary quotes response bodies) passes the redactor.
        with contextlib.redirect_stdout(RedactingStream(sys.stdout, run.redactor)):
            code = pytest.main(args, plugins=plugins)
    finally:
        run_view.install(None)
        _forget_suite_modules()
        _redact_file(run.options.reports_dir / "conformance-junit.xml", run)
    if worker_plugin is not None and run.options.worker is not None:  # a forked worker has its own number
        workers.save(
            _worker_result(run, plugin, worker_plugin, run.options.worker[0], int(code)),
            run.options.reports_dir,
        )
    message = ""
    judgement = assessment.assess(run).judgement
    failed_plainly = [
        nodeid
        for nodeid, result in plugin.outcomes.items()
        if result == "failed" and not run.results.of_test(nodeid)
    ]
    if judgement.fails:
        verdict = EXIT_DEVIATIONS
    elif run.losses.unjudged:
        verdict, message = EXIT_INCOMPLETE, unjudged_message(run)
    elif code == pytest.ExitCode.OK or (code == pytest.ExitCode.TESTS_FAILED and not failed_plainly):
        # Tests that failed only for deviations the baseline accepts (--baseline-update accepted them at the end).
        verdict = EXIT_INCOMPLETE if plugin.incomplete and run.plan.profile.name != "thorough" else EXIT_OK
    else:
        verdict = EXIT_INCOMPLETE
        message = (
            "Tests failed without a recorded deviation (the target stopped answering, a request was refused by "
            f"the safety guard, or the suite erred); see {options.reports_dir / 'conformance-junit.xml'}."
        )
    return Outcome(verdict, run, plugin, message)


def unjudged_message(run: RunContext) -> str:
    """Why a run without deviations is still incomplete: what the network lost."""
    return (
        f"{len(run.losses.unjudged)} case(s), check(s) or step(s) could not be judged: the network lost "
        f"{run.losses.lost_count} request(s) (no answer, not a deviation); they are listed under 'Not judged: lost "
        f"by the network' in {run.options.reports_dir / 'conformance-report.md'}."
    )


def _probe(run: RunContext) -> Outcome | None:
    """The one authenticated GET before anything else; an Outcome when the target is unusable."""
    try:
        if run.app is not None:
            targets.probe(run.target, session=run.session)
        else:
            targets.probe(run.target, network=run.network)
    except targets.TargetError as exc:
        return Outcome(EXIT_UNUSABLE, run, None, run.redactor.text(str(exc)))
    return None


def _become_forked_worker(
    run: RunContext, plugin: ConformancePlugin, work_dir: Path, offset: int, config: pytest.Config
) -> None:
    """In a child forked by the WorkerPlugin: be the worker `offset` places after the one that forked, with its
    own folder, log, JUnit file, referenceId tag and connections."""
    assert run.options.worker is not None
    first, total = run.options.worker
    directory = workers.worker_directory(work_dir, first + offset)
    directory.mkdir(parents=True, exist_ok=True)
    log = os.open(directory / "worker.log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)
    run.as_worker((first + offset, total), directory)
    plugin.reports_dir = directory
    xml = config.stash.get(junitxml.xml_key, None)
    if xml is not None:
        xml.logfile = str(directory / "conformance-junit.xml")
    for adapter in run.session.adapters.values():
        adapter.close()  # no connection of the parent's is shared (none is open before the tests start)


def _worker_result(
    run: RunContext, plugin: ConformancePlugin, worker_plugin: workers.WorkerPlugin, worker: int, code: int
) -> workers.WorkerResult:
    recorder = run.recorder
    return workers.WorkerResult(
        worker=worker,
        order=worker_plugin.order,
        outcomes=dict(plugin.outcomes),
        stats=dict(recorder.stats),
        undeclared=recorder.undeclared,
        total=recorder.total,
        by_phase=recorder.by_phase,
        generated=recorder.generated,
        made=recorder.made,
        failures=run.results.failures,
        applied=run.results.applied,
        sent_writes=run.guard.sent_writes,
        throttled=run.pacer.throttled,
        waited=run.pacer.waited,
        losses=run.losses,
        incomplete=plugin.incomplete,
        exit_code=code,
        junit=run.options.reports_dir / "conformance-junit.xml",
        started=worker_plugin.started,
        finished=worker_plugin.finished,
    )


def execute_parallel(options: RunOptions, child_args: list[str], count: int) -> Outcome:
    """Run the suite in `count` worker processes against an HTTP target and merge what they found into one set
    of reports (workers.py); the exit code means what it means for one process."""
    try:
        run = RunContext(options)
    except (SafetyError, ConfigError, targets.TargetError, NetworkError, BaselineError) as exc:
        return Outcome(EXIT_UNUSABLE, None, None, str(exc))
    outcome = _probe(run)
    if outcome is not None:
        return outcome
    started = time.monotonic()
    work_dir = options.reports_dir / "workers"
    shutil.rmtree(work_dir, ignore_errors=True)
    work_dir.mkdir(parents=True)
    args = [
        *child_args,
        "--base-url",
        run.target.base_url,
        "--profile",
        run.plan.profile.name,
        "--target-kind",
        run.target_kind.value,
        "--run-id",
        run.run_id,
    ]
    if run.seed is not None:
        args += ["--seed", str(run.seed)]
    if options.rate_limit is not None:
        args += ["--rate-limit", repr(options.rate_limit / count)]
    env = dict(os.environ)
    if run.target.local_sandbox:  # the sandbox the runner started: its workers use its credentials
        env.update(SITECORE_CDP_CLIENT_KEY=run.target.client_key, SITECORE_CDP_API_TOKEN=run.target.api_token)
    # One process collects the tests and forks into `count` workers (workers.WorkerPlugin): the start-up is paid
    # once, not once a worker.
    # Workers judge their tests by the same baseline (a test whose deviations are all known is skipped, not failed);
    # only this process updates or prunes the file.
    # A file --baseline-update is about to create does not exist yet: the workers then judge without one.
    if run.baseline is not None and run.baseline.exists:
        args += options.baseline.cli_args()
    problem, directories = _launch(run, args, count, work_dir, env)
    results = [workers.load(directory) for directory in directories]
    found = [r for r in results if r is not None]
    if len(found) < count:
        missing = [
            str(directory / "worker.log")
            for directory, r in zip(directories, results, strict=True)
            if r is None
        ]
        problem = problem or f"{len(missing)} worker(s) left no result; see {', '.join(missing)}"
    orders = {tuple(r.order) for r in found if r.order}
    if len(orders) > 1:
        problem = problem or "the workers collected different tests (the run cannot be merged)"
    order = list(next(iter(orders))) if orders else []
    outcomes: dict[str, str] = {}
    for result in found:
        _absorb(run, result)
        outcomes.update(result.outcomes)
    incomplete = next((r.incomplete for r in found if r.incomplete), "")
    if incomplete or problem:
        covered = report.coverage_line(order, outcomes)
        incomplete = "; ".join(p for p in (incomplete or problem, covered) if p)
    assessment.settle_baseline(run)
    summary = assessment.summarize(run, time.monotonic() - started)
    paths = report.write(run, summary, incomplete, options.reports_dir)
    junit = options.reports_dir / "conformance-junit.xml"
    workers.merge_junit([r.junit for r in found if r.junit is not None], order, junit)
    _redact_file(junit, run)
    if not problem and all(r.exit_code in (0, 1) for r in found):
        shutil.rmtree(
            work_dir, ignore_errors=True
        )  # the workers' own folders; their logs stay when one failed
    report.print_closing(run, summary, incomplete, paths, report.ConsoleWriter())
    outcome = _parallel_verdict(run, found, problem, incomplete, work_dir)
    outcome.worker_results = found
    return outcome


def _launch(
    run: RunContext, args: list[str], count: int, work_dir: Path, env: dict[str, str]
) -> tuple[str, list[Path]]:
    """Start the workers (one process forking into `count`), show progress until they end; what went wrong ("" when
    nothing did) and the workers' folders."""
    launches = workers.plan_launches(args, count, work_dir, forks=count)
    directories = [workers.worker_directory(work_dir, k) for k in range(1, count + 1)]
    shown = progress.Reporter()
    target = run.redactor.text(run.target.description or run.target.base_url)
    print(f"conformance: {target}; {run.options.concurrency or f'{count} workers'}", flush=True)
    shown.update(progress.Counts(), force=True)
    problem = workers.run_workers(
        launches,
        budget_seconds=run.plan.profile.max_seconds,
        env=env,
        on_tick=lambda: shown.update(progress.read_workers(directories)),
    )
    shown.update(progress.read_workers(directories), force=True)
    shown.finish()
    return problem, directories


def _parallel_verdict(
    run: RunContext, found: list[workers.WorkerResult], problem: str, incomplete: str, work_dir: Path
) -> Outcome:
    """The exit code of a run of several workers, as for one process."""
    if assessment.assess(run).judgement.fails:
        return Outcome(EXIT_DEVIATIONS, run, None, problem)
    if run.losses.unjudged:
        return Outcome(EXIT_INCOMPLETE, run, None, unjudged_message(run))
    if problem or any(r.exit_code not in (0, 1) for r in found):
        return Outcome(EXIT_INCOMPLETE, run, None, problem or f"a worker failed; see the logs in {work_dir}")
    if incomplete and run.plan.profile.name != "thorough":
        return Outcome(EXIT_INCOMPLETE, run, None, "")
    return Outcome(EXIT_OK, run, None, "")


def _absorb(run: RunContext, result: workers.WorkerResult) -> None:
    """Add one worker's findings to the run the reports are written from."""
    recorder = run.recorder
    workers.merge_stats(recorder.stats, result.stats)
    workers.add_stats(recorder.undeclared, result.undeclared)
    recorder.total += result.total
    recorder.by_phase.update(result.by_phase)
    offset = len(recorder.generated)
    recorder.made.update({offset + index: ref for index, ref in result.made.items()})
    recorder.generated.extend(result.generated)
    for key, failure in result.failures.items():
        run.results.failures.setdefault(key, failure)
    run.results.applied.update(result.applied)
    run.guard.sent_writes.extend(result.sent_writes)
    run.pacer.throttled += result.throttled
    run.pacer.waited += result.waited
    run.losses.absorb(result.losses)


_HYPOTHESIS_STATISTICS = re.compile(r'\s*<property name="hypothesis-statistics-[^"]*" value="[^"]*"\s*/>')


def _redact_file(path: Path, run: RunContext) -> None:
    """Mask the credentials in a report pytest wrote (JUnit: failure messages and captured output quote bodies),
    and drop the base64 Hypothesis statistics its plugin adds there (most of the file's size, read by nobody)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return
    clean = _HYPOTHESIS_STATISTICS.sub("", run.redactor.text(text))
    if clean != text:
        path.write_text(clean, encoding="utf-8")


def _forget_suite_modules() -> None:
    """Let a second run in the same process import the suite afresh (it binds the current run at import)."""
    prefix = str(SUITE_DIR)
    for name, module in list(sys.modules.items()):
        if (getattr(module, "__file__", None) or "").startswith(prefix):
            del sys.modules[name]


def main(argv: Sequence[str] | None = None, *, prog: str = "python -m contract_tests") -> int:
    """Entry point of `python -m contract_tests` (and of `cdp-conformance`, cli.py)."""
    args = build_parser(prog).parse_args(argv)
    judged = passive.dispatch(args, prog)
    if judged is not None:
        return judged
    env = dict(os.environ)
    try:
        network = Network.from_env(env, proxy=args.proxy, ca_bundle=args.ca_bundle)
    except NetworkError as exc:
        print(f"conformance: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    problem = _vet_pacing(args)
    if problem:
        print(f"conformance: {problem}", file=sys.stderr)
        return EXIT_UNUSABLE
    worker = _worker(args.worker) if args.worker else None
    try:
        accepted = baseline_options(args, env)
        if worker is None:
            accepted.load()  # a file that cannot be used is one sentence and exit 2 before anything is sent
    except BaselineError as exc:
        print(f"conformance: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        with resolve_target(args, env) as (target, rerun_args):
            options = RunOptions(
                target=target,
                profile=args.profile,
                seed=args.seed,
                allow_writes=args.allow_writes,
                phases=_split(args.phases),
                operations=_split(args.operations),
                reports_dir=args.reports,
                spec_path=args.spec,
                rerun_args=rerun_args,
                target_kind=args.target_kind,
                network=network,
                rate_limit=args.rate_limit,
                worker=worker,
                run_id=args.run_id or "",
                baseline=accepted,
                command=env.get(COMMAND_ENV) or f"{prog} run",
                rerun_options=_rerun_options(args),
            )
            if worker is not None:
                outcome = execute(
                    options, keyword=args.keyword, quiet=True, work_dir=args.work_dir, forks=args.forks
                )
            else:
                outcome = _run_chosen(options, args, target, network)
    except targets.TargetError as exc:
        print(f"conformance: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    if outcome.message:
        print(f"conformance: {outcome.message}", file=sys.stderr)
    return outcome.exit_code


def _run_chosen(options: RunOptions, args: argparse.Namespace, target: Target, network: Network) -> Outcome:
    """Choose the concurrency (concurrency.py) and run in one process or in that many workers."""
    chosen = concurrency.choose(target, network, requested=args.workers, rate_limit=args.rate_limit)
    count = chosen.workers
    options = dataclasses.replace(options, concurrency=chosen.describe())
    if count > 1:
        if target.app_factory is not None:
            raise targets.TargetError("--workers needs an HTTP target: an --asgi app lives in one process.")
        return execute_parallel(options, _child_args(args), count)
    return execute(options, keyword=args.keyword, quiet=args.quiet)


def _vet_pacing(args: argparse.Namespace) -> str:
    if args.workers is not None and not 1 <= args.workers <= MAX_WORKERS:
        return f"--workers must be between 1 and {MAX_WORKERS}, not {args.workers}."
    if args.rate_limit is not None and not args.rate_limit > 0:
        return f"--rate-limit must be a positive number of requests per second, not {args.rate_limit}."
    if args.forks != 1 and (not args.worker or not 1 <= args.forks <= MAX_WORKERS):
        return "--forks is set by the runner for the processes it starts (--workers); leave it out."
    if args.worker and (_worker(args.worker) is None or args.work_dir is None):
        return "--worker is set by the runner for the processes it starts (--workers); leave it out."
    return ""


def _worker(text: str) -> tuple[int, int] | None:
    number, _, count = text.partition("/")
    if not (number.isdigit() and count.isdigit()) or not 1 <= int(number) <= int(count):
        return None
    return int(number), int(count)


def _child_args(args: argparse.Namespace) -> list[str]:
    """The options every worker repeats (the runner adds the target, profile, seed, kind and run id)."""
    child: list[str] = []
    for flag, value in (
        ("--phases", args.phases),
        ("--operations", args.operations),
        ("--spec", args.spec),
        ("--proxy", args.proxy),
        ("--ca-bundle", args.ca_bundle),
        ("-k", args.keyword),
    ):
        if value is not None:
            child += [flag, str(value)]
    if args.allow_writes:
        child.append("--allow-writes")
    return child


def _rerun_options(args: argparse.Namespace) -> tuple[str, ...]:
    """The options a re-run line repeats because they change what the run does or where it writes."""
    found: list[str] = []
    if args.workers is not None:
        found += ["--workers", str(args.workers)]
    if args.reports != Path("reports"):
        found += ["--reports", str(args.reports)]
    if args.baseline is not None:
        found += ["--baseline", str(args.baseline)]
    if args.spec is not None:
        found += ["--spec", str(args.spec)]
    if args.proxy is not None:
        found += ["--proxy", str(args.proxy)]
    if args.ca_bundle is not None:
        found += ["--ca-bundle", str(args.ca_bundle)]
    return tuple(found)
