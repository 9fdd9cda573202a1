"""A passive run's beginning and end, shared by `verify-har` and the proxy's judging process: the run options
(the target is where the traffic went) and the reports, closing lines and exit code."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

from .. import assessment, report
from ..baseline import baseline_options
from ..context import RunOptions
from ..redaction import RedactingStream
from ..targets import Target
from .engine import PassiveEngine

EXIT_OK, EXIT_DEVIATIONS, EXIT_UNUSABLE = 0, 1, 2


def finish(engine: PassiveEngine, wall: float) -> int:
    """Write the reports, print the closing lines; the exit code."""
    run = engine.run
    assessment.settle_baseline(run)
    summary = assessment.summarize(run, wall)
    paths = report.write(run, summary, "", run.options.reports_dir)
    junit = run.options.reports_dir / "conformance-junit.xml"
    junit.write_text(report.junit(run), encoding="utf-8")
    paths["junit"] = junit
    with contextlib.redirect_stdout(RedactingStream(sys.stdout, run.redactor)):
        report.print_closing(run, summary, "", paths, report.ConsoleWriter())
        if engine.refused:
            print(
                f"conformance: {len(engine.refused)} request(s) that checks would have sent were refused (nothing "
                "was sent); those checks did not apply"
            )
    return EXIT_DEVIATIONS if assessment.assess(run).judgement.fails else EXIT_OK


def passive_options(
    args: argparse.Namespace,
    base_url: str,
    what: str,
    *,
    rerun: tuple[str, ...] = (),
) -> RunOptions:
    """The run options of a passive run: the target is where the traffic went. The environment's credentials are
    masked in every report from the start, the ones the traffic carries as the engine meets them (`feed`)."""
    key = os.environ.get("SITECORE_CDP_CLIENT_KEY", "")
    token = os.environ.get("SITECORE_CDP_API_TOKEN", "")
    target = Target(base_url=base_url.rstrip("/"), client_key=key, api_token=token, description=base_url)
    return RunOptions(
        target=target,
        reports_dir=args.reports,
        spec_path=args.spec,
        target_kind=args.target_kind,
        passive=what,
        rerun_args=rerun,
        baseline=baseline_options(args, os.environ),
    )
