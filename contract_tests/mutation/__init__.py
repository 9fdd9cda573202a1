"""Mutation testing of the suite: what it catches, one injected fault of the sandbox's catalog at a time.

`python -m contract_tests.mutation` (cli.py says how it runs and what it writes). The package keeps apart what a
newcomer looks for: `verdicts` (what a stage, a fault and the run amount to; pure), `run` (the processes:
sandboxes and the suite's runner against them), `report` (mutation.json, mutation.md and docs/mutation.md) and
`cli`. The names others use are re-exported here.
"""

from __future__ import annotations

from .cli import build_parser, main, parse_stages
from .report import (
    KILL_TABLE_BEGIN,
    KILL_TABLE_END,
    RULE_TABLE_BEGIN,
    RULE_TABLE_END,
    docs_page,
    documents_the_catalog,
    markdown,
    plain_summary,
    rule_section,
    rule_verdicts,
    table,
    write,
)
from .run import STAGE_TIMEOUT, STARTUP_SECONDS, run_all, run_one, run_plain, run_stage, sandbox
from .verdicts import (
    CAUGHT,
    CLEAN,
    ERROR,
    EXIT_DEVIATIONS,
    EXIT_OK,
    FALSE_POSITIVE,
    PLAIN_FOUND,
    PLAIN_MISSED,
    PROFILE,
    STAGES,
    SURVIVED,
    FaultResult,
    PlainResult,
    StageResult,
    classify,
    detection_seconds,
    failing_checks,
    first_exchange,
    plain_failures,
    plain_verdict,
    should_continue,
    summary,
    verdict_exit,
)

__all__ = [
    "CAUGHT",
    "CLEAN",
    "ERROR",
    "EXIT_DEVIATIONS",
    "EXIT_OK",
    "FALSE_POSITIVE",
    "KILL_TABLE_BEGIN",
    "KILL_TABLE_END",
    "PLAIN_FOUND",
    "PLAIN_MISSED",
    "PROFILE",
    "RULE_TABLE_BEGIN",
    "RULE_TABLE_END",
    "STAGES",
    "STAGE_TIMEOUT",
    "STARTUP_SECONDS",
    "SURVIVED",
    "FaultResult",
    "PlainResult",
    "StageResult",
    "build_parser",
    "classify",
    "detection_seconds",
    "docs_page",
    "documents_the_catalog",
    "failing_checks",
    "first_exchange",
    "main",
    "markdown",
    "parse_stages",
    "plain_failures",
    "plain_summary",
    "plain_verdict",
    "rule_section",
    "rule_verdicts",
    "run_all",
    "run_one",
    "run_plain",
    "run_stage",
    "sandbox",
    "should_continue",
    "summary",
    "table",
    "verdict_exit",
    "write",
]
