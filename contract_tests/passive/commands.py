"""`verify-har` and `proxy`: the passive commands of `cdp-conformance`, their options, exit codes and reports.

Exit codes as `run`: 0 the traffic conforms, 1 deviations, 2 unusable input (one sentence: which entry, why).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from ..baseline import BaselineError
from ..baseline import add_arguments as baseline_arguments
from ..config import ConfigError
from ..model import SpecError
from ..safety import SafetyError
from ..urls import origin_of
from .engine import PassiveEngine
from .har import HarError, Recorded, read
from .judging import EXIT_UNUSABLE, finish, passive_options
from .proxy import add_arguments, serve

VERSION_SEGMENTS = ("v2", "v2.1")


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`verify-har` and `proxy` beside `run`."""
    verify = sub.add_parser(
        "verify-har",
        help="judge a HAR recording of real traffic by the spec, sending nothing",
        description="Judge every exchange of a HAR 1.2 recording (browser devtools, mitmproxy, Charles, this kit's "
        "own reports) with the suite's checks: statuses, schemas, media types, errors, auth, and the rules that "
        "need several exchanges wherever the recording shows them. Sends nothing.",
    )
    verify.add_argument("har", type=Path, metavar="FILE", help="the HAR file")
    verify.add_argument(
        "--base-url",
        help="the API base URL the traffic went to, with any path prefix (default: the origin and prefix of the "
        "first exchange with a /v2/ or /v2.1/ path); exchanges elsewhere are listed, not judged",
    )
    _common(verify)
    add_arguments(
        sub.add_parser(
            "proxy",
            help="forward an application's traffic to the API and judge it as it passes, sending nothing of its own",
            description="A forwarding proxy on 127.0.0.1: point your application's base URL at it. Requests and "
            "responses pass unchanged; each exchange is judged by the suite's checks and each deviation printed. On "
            "SIGINT or SIGTERM the reports are written; exit 1 if a deviation was seen, else 0.",
        ),
        _common,
    )


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reports", type=Path, default=Path("reports"), help="directory for the reports")
    baseline_arguments(parser)
    parser.add_argument("--spec", type=Path, help="OpenAPI document (default: spec/openapi.yaml)")
    parser.add_argument(
        "--target-kind",
        choices=["sandbox", "real"],
        default="real",
        help="real (default): a deviation from an inferred or unconfirmed rule is evidence for fixing the spec; "
        "sandbox: every deviation is a target bug",
    )


def verify_har(args: argparse.Namespace, prog: str) -> int:
    """Judge a recording; the exit code."""
    try:
        entries = read(args.har)
        if not entries:
            raise HarError(f"{args.har}: the recording holds no entries, so there is nothing to judge.")
        base_url = args.base_url or infer_base_url(entries)
        if base_url is None:
            raise HarError(
                f"{args.har}: no exchange has a /v2/ or /v2.1/ path, so nothing in it is an Order API call."
            )
        engine = PassiveEngine(
            passive_options(
                args,
                base_url,
                f"recording {args.har} ({len(entries)} entries)",
                rerun=(*prog.split(), "verify-har", str(args.har)),
            )
        )
    except (HarError, ConfigError, SpecError, SafetyError, BaselineError) as exc:
        print(f"conformance: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    started = time.monotonic()
    try:
        for entry in entries:
            engine.feed(entry)
    finally:
        engine.close()
    return finish(engine, time.monotonic() - started)


def infer_base_url(entries: Iterable[Recorded]) -> str | None:
    """Origin and path prefix of the first exchange whose path has a /v2/ or /v2.1/ segment."""
    for entry in entries:
        path = entry.url.split("?", 1)[0].split("#", 1)[0]
        origin = origin_of(path)
        segments = path[len(path.split("//", 1)[0]) + 2 :].split("/")[1:]
        for at, segment in enumerate(segments):
            if segment.lower() in VERSION_SEGMENTS:
                prefix = "/".join(segments[:at])
                return origin + ("/" + prefix if prefix else "")
    return None


def proxy(args: argparse.Namespace, prog: str) -> int:
    """Forward and judge until stopped; the exit code."""
    return serve(args)


def dispatch(args: argparse.Namespace, prog: str) -> int | None:
    """Run a passive command, or None when the command is not one of them."""
    if args.command == "verify-har":
        return verify_har(args, prog)
    if args.command == "proxy":
        return proxy(args, prog)
    return None
