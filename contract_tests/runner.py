"""`python -m contract_tests run`: pick the target, probe it, run the suite under pytest, exit with a verdict.

Exit codes: 0 the target conforms; 1 deviations found; 2 the target or the options are unusable (one sentence
on stderr, no traceback); 3 the run was incomplete (time budget) or pytest itself failed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from . import current, kit_version, targets
from .config import ALL_PHASES, ConfigError
from .context import RunContext, RunOptions
from .network import Network, NetworkError
from .plugin import ConformancePlugin
from .safety import SafetyError
from .targets import Target

SUITE_DIR = Path(__file__).resolve().parent / "suite"
EXIT_OK, EXIT_DEVIATIONS, EXIT_UNUSABLE, EXIT_INCOMPLETE = 0, 1, 2, 3


@dataclass(slots=True)
class Outcome:
    """What a run ended with (the tests of the suite read this)."""

    exit_code: int
    run: RunContext | None
    plugin: ConformancePlugin | None
    message: str = ""


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
    run.add_argument("-k", dest="keyword", help="pytest -k expression to run a subset of the suite's tests")
    run.add_argument("-q", "--quiet", action="store_true", help="less progress output")
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


def execute(options: RunOptions, *, keyword: str | None = None, quiet: bool = False) -> Outcome:
    """Build the run, probe the target, run the suite; never raises for a target or option problem."""
    try:
        run = RunContext(options)
    except (SafetyError, ConfigError, targets.TargetError, NetworkError) as exc:
        return Outcome(EXIT_UNUSABLE, None, None, str(exc))
    try:
        if run.app is not None:
            targets.probe(run.target, session=run.session)
        else:
            targets.probe(run.target, network=run.network)
    except targets.TargetError as exc:
        return Outcome(EXIT_UNUSABLE, run, None, run.redactor.text(str(exc)))
    plugin = ConformancePlugin(run, options.reports_dir)
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
    current.install(run)
    try:
        code = pytest.main(args, plugins=[plugin])
    finally:
        current.install(None)
        _forget_suite_modules()
        _redact_file(options.reports_dir / "conformance-junit.xml", run)
    message = ""
    if run.results.failures:
        verdict = EXIT_DEVIATIONS
    elif code == pytest.ExitCode.OK:
        verdict = EXIT_INCOMPLETE if plugin.incomplete and run.plan.profile.name != "thorough" else EXIT_OK
    else:
        verdict = EXIT_INCOMPLETE
        message = (
            "Tests failed without a recorded deviation (the target stopped answering, a request was refused by "
            f"the safety guard, or the suite erred); see {options.reports_dir / 'conformance-junit.xml'}."
        )
    return Outcome(verdict, run, plugin, message)


def _redact_file(path: Path, run: RunContext) -> None:
    """Mask the credentials in a report pytest wrote (JUnit: failure messages and captured output quote bodies)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return
    clean = run.redactor.text(text)
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
    env = dict(os.environ)
    try:
        network = Network.from_env(env, proxy=args.proxy, ca_bundle=args.ca_bundle)
    except NetworkError as exc:
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
            )
            outcome = execute(options, keyword=args.keyword, quiet=args.quiet)
    except targets.TargetError as exc:
        print(f"conformance: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    if outcome.message:
        print(f"conformance: {outcome.message}", file=sys.stderr)
    return outcome.exit_code
