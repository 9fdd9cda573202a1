"""The mutation run written down: reports/mutation.json and mutation.md, and the committed kill table and
rule-by-rule table of docs/mutation.md."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from cdp_sandbox.faults import CATALOG

from .. import rule_register
from .verdicts import (
    CAUGHT,
    CLEAN,
    ERROR,
    EXIT_OK,
    PLAIN_EXAMPLES,
    PLAIN_FOUND,
    PLAIN_MISSED,
    STAGES,
    FaultResult,
    plain_verdict,
)


def shown(result: FaultResult) -> tuple[str, str, str]:
    """(verdict, checks, seconds to first detection) as a table row and the progress lines show them."""
    verdict = result.verdict if result.verdict != ERROR else f"ERROR ({result.message[:80]})"
    checks = ", ".join(result.checks) or "-"
    seconds = f"{result.detection_seconds:.1f}" if result.detection_seconds is not None else "-"
    return verdict, checks, seconds


def plain_cell(result: FaultResult, healthy: FaultResult | None) -> str:
    """What plain `st run --checks all` made of the same fault: caught (by which of its failures), missed, error."""
    verdict, new = plain_verdict(result.plain, healthy.plain if healthy else None)
    if verdict == ERROR:
        message = (result.plain.message if result.plain else "") or (
            healthy.plain.message if healthy and healthy.plain else ""
        )
        return f"error ({message[:60]})"
    if verdict == PLAIN_FOUND:
        titles = sorted({failure.split(": ", 1)[-1] for failure in new})
        return "caught: " + ", ".join(titles[:2]) + (f" (+{len(titles) - 2})" if len(titles) > 2 else "")
    return verdict or "-"


def table(results: Sequence[FaultResult], healthy: FaultResult | None = None) -> str:
    """The kill table as Markdown: fault, category, verdict, checks, phase group, time to first detection, and,
    when the run compared, what plain `st run --checks all` made of the same fault."""
    compared = healthy is not None and healthy.plain is not None
    head = "| Fault | Category | Verdict | Caught by | Phase | First detection (s) |"
    rows = [
        head + (" Plain `st run --checks all` |" if compared else ""),
        "|---|---|---|---|---|---|" + ("---|" if compared else ""),
    ]
    for result in results:
        verdict, checks, seconds = shown(result)
        row = f"| `{result.name}` | {result.category} | {verdict} | {checks} | {result.stage or '-'} | {seconds} |"
        rows.append(row + (f" {plain_cell(result, healthy)} |" if compared else ""))
    return "\n".join(rows)


def plain_summary(healthy: FaultResult, results: Sequence[FaultResult]) -> dict[str, Any]:
    """The side-by-side counts: faults plain schemathesis caught, missed, could not judge; those only ours caught."""
    verdicts = {r.name: plain_verdict(r.plain, healthy.plain)[0] for r in results}
    return {
        "caught": sum(v == PLAIN_FOUND for v in verdicts.values()),
        "missed": sum(v == PLAIN_MISSED for v in verdicts.values()),
        "errors": sum(v == ERROR for v in verdicts.values()),
        "healthy_failures": list(healthy.plain.failures) if healthy.plain else [],
        "only_ours": [r.name for r in results if r.verdict == CAUGHT and verdicts[r.name] == PLAIN_MISSED],
        "only_plain": [r.name for r in results if r.verdict != CAUGHT and verdicts[r.name] == PLAIN_FOUND],
        "by_category": {
            category: sum(r.category == category and verdicts[r.name] == PLAIN_FOUND for r in results)
            for category in dict.fromkeys(r.category for r in results)
        },
    }


def category_table(report: dict[str, Any]) -> list[str]:
    """Faults and catches per category (and plain schemathesis' catches, when the run compared)."""
    plain = (report.get("plain") or {}).get("by_category")
    rows = [
        "| Category | Faults | Caught |" + (" Plain `st run` |" if plain else ""),
        "|---|---|---|" + ("---|" if plain else ""),
    ]
    for category, counts in report["summary"]["by_category"].items():
        row = f"| {category} | {counts['faults']} | {counts['caught']} |"
        rows.append(row + (f" {plain.get(category, 0)} |" if plain else ""))
    return rows


def plain_lines(report: dict[str, Any]) -> list[str]:
    """The paragraph that introduces the side-by-side column (nothing when the run did not compare)."""
    plain = report.get("plain")
    if not plain:
        return []
    s = report["summary"]
    healthy = plain["healthy_failures"]
    return [
        f"Side by side: plain `st run --checks all` (schemathesis alone: the same spec, the quick profile's phases "
        f"and {PLAIN_EXAMPLES} examples per operation, deterministic data) against a fresh sandbox with the same fault "
        f"caught {plain['caught']} of {s['faults']} faults (missed {plain['missed']}, could not judge {plain['errors']}); "
        f"the suite caught {s['caught']}. Only the suite caught {len(plain['only_ours'])}"
        + (
            f"; only plain schemathesis caught {', '.join(plain['only_plain'])}"
            if plain["only_plain"]
            else ""
        )
        + ". Plain counts a fault caught when it reports a failure it does not report on the healthy sandbox, where "
        f"it reports {len(healthy)}"
        + (f" ({'; '.join(healthy[:3])})" if healthy else "")
        + ": the spec's own guesses and cross-parameter rules it cannot know.",
        "",
    ]


def markdown(report: dict[str, Any], results: Sequence[FaultResult], healthy: FaultResult | None) -> str:
    """reports/mutation.md: the verdict, the per-category counts, the kill table and what each fault breaks."""
    s = report["summary"]
    clean = healthy is not None and healthy.verdict == CLEAN
    lines = [
        "# Mutation report: what the contract suite catches",
        "",
        f"- Profile: {report['profile']} (phase groups in order: {', '.join('+'.join(g) for g in report['stages'])})",
        f"- Healthy sandbox: {'no deviation (no false positive)' if clean else 'FAILED: ' + (healthy.message if healthy else 'not run')}",
        f"- Faults: {s['faults']}; caught {s['caught']}, survived {s['survived']}, errors {s['errors']}; "
        f"kill rate {s['kill_rate'] * 100:.1f}%",
        f"- Wall time: {report['wall_seconds']:.0f} s with {report['jobs']} parallel runs",
        "",
        *category_table(report),
        "",
        "## Kill table",
        "",
        *plain_lines(report),
        table(results, healthy),
        "",
        *rule_section(results),
        "",
        "## What each fault breaks",
        "",
        *(f"- `{r.name}`: {r.description} Breaks: {r.breaks}." for r in results),
    ]
    return "\n".join(lines) + "\n"


KILL_TABLE_BEGIN, KILL_TABLE_END = "<!-- kill-table:begin -->", "<!-- kill-table:end -->"
RULE_TABLE_BEGIN, RULE_TABLE_END = "<!-- rule-table:begin -->", "<!-- rule-table:end -->"


def rule_verdicts(results: Sequence[FaultResult]) -> list[rule_register.RuleVerdict]:
    """The register's rules that name faults (spec/rules.yaml), each proved when one of its faults was caught by one
    of its checks."""
    caught = {r.name: r.checks for r in results if r.verdict == CAUGHT}
    return rule_register.verdicts(rule_register.provable(rule_register.load()), caught)


def rule_section(results: Sequence[FaultResult]) -> list[str]:
    """The rule-by-rule table between its markers, with a line saying how many rules were proved and one naming
    the rules the table leaves out (no fault breaks them yet, or no check judges them yet)."""
    rows = rule_verdicts(results)
    proved = sum(row.caught for row in rows)
    rules = rule_register.load()
    unproved = [r.id for r in rules if r.judged and not r.faults]
    unjudged = [r.id for r in rules if not r.judged]
    left_out = []
    if unproved:
        left_out.append(
            f"{len(unproved)} judged by checks no catalog fault proves yet ({', '.join(unproved)})"
        )
    if unjudged:
        left_out.append(f"{len(unjudged)} no check judges yet ({', '.join(unjudged)})")
    return [
        "## Rule by rule",
        "",
        f"{proved} of {len(rows)} rules of the register (spec/rules.yaml) proved: a fault that breaks the rule was "
        "caught by one of the rule's own checks. Caught names those faults.",
        *(
            ["", "Not in the table, with the reason in the register: " + "; ".join(left_out) + "."]
            if left_out
            else []
        ),
        "",
        RULE_TABLE_BEGIN,
        rule_register.rule_table(rows),
        RULE_TABLE_END,
    ]


def documents_the_catalog(
    names: Sequence[str], stages: Sequence[tuple[str, ...]], plain: bool = True
) -> bool:
    """Whether a run may rewrite the committed kill table: the whole catalog, in order, through every phase group,
    side by side with plain schemathesis (the committed page keeps that column)."""
    return list(names) == list(CATALOG) and tuple(stages) == STAGES and plain


def docs_page(
    report: dict[str, Any],
    results: Sequence[FaultResult],
    cpus: int | None,
    healthy: FaultResult | None = None,
) -> str:
    """docs/mutation.md: the last full run's verdict, the per-category counts and the kill table between markers
    (tests/mutation/test_kill_table.py holds its fault names to the catalog)."""
    s = report["summary"]
    verdict = report["healthy"]["verdict"]
    date = str(report["finished"])[:10]
    machine = f"{cpus} cores" if cpus else "this machine"
    return (
        "\n".join(
            [
                "# What the suite catches: the kill table",
                "",
                "<!-- Written by `nox -s mutation` (python -m contract_tests.mutation --write-docs docs/mutation.md) from "
                "its last run of the whole catalog; edits here are overwritten. -->",
                "",
                f"Last full run ({date}, {machine}, {report['jobs']} faults at a time): {s['caught']} of {s['faults']} "
                f"faults caught (kill rate {s['kill_rate'] * 100:.0f}%), healthy run "
                f"{'clean (no false positive)' if verdict == CLEAN else verdict}, {report['wall_seconds']:.0f} s wall "
                "time. How the run works is in the README (What the suite catches); the fault catalog, with the rule "
                "each fault breaks, is `cdp-sandbox --list-faults`.",
                "",
                "First detection counts from the start of the fault's first runner invocation (about 2 s of it is the "
                "runner starting) to the first exchange of the first reported deviation. Phase is the phase group that "
                "reported it; groups run cheapest first and the first that reports ends the fault's run.",
                "",
                *category_table(report),
                "",
                *plain_lines(report),
                KILL_TABLE_BEGIN,
                table(results, healthy),
                KILL_TABLE_END,
                "",
                *rule_section(results),
                "",
                "## What each fault breaks",
                "",
                *(f"- `{r.name}`: {r.description} Breaks: {r.breaks}." for r in results),
            ]
        )
        + "\n"
    )


def healthy_line(healthy: FaultResult) -> str:
    if healthy.verdict == CLEAN:
        return "no deviation"
    failed = [s for s in healthy.stages if s.exit_code != EXIT_OK]
    detail = "; ".join(f"{'+'.join(s.phases)}: {', '.join(s.checks) or s.message}" for s in failed)
    return f"FALSE POSITIVE or failure ({detail or healthy.message})"


def as_json(result: FaultResult) -> dict[str, Any]:
    data = asdict(result)
    for stage in data["stages"]:
        stage["seconds"] = round(stage["seconds"], 2)
    data["run_seconds"] = round(result.run_seconds, 2)
    if result.detection_seconds is not None:
        data["detection_seconds"] = round(result.detection_seconds, 2)
    return data


def write(
    report: dict[str, Any], results: Sequence[FaultResult], healthy: FaultResult, reports: Path
) -> None:
    """reports/mutation.json and reports/mutation.md."""
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "mutation.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    (reports / "mutation.md").write_text(markdown(report, results, healthy), encoding="utf-8")
