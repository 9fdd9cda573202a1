"""The reports a person reads: the per-operation table, the failures with their exchanges, a HAR cassette.

Everything written here comes from the recorder, which redacts credentials before anything is kept; each file
passes the run's redactor once more as it is written (redaction.py: every form of every secret).
"""

from __future__ import annotations

import dataclasses
import json
import shlex
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Protocol

from . import html_report, reproducers
from .assessment import Assessment, Summary, assess, verdicts
from .baseline import Status
from .context import RunContext
from .findings import Finding, by_kind, record_fingerprint
from .passive.har import document as har_document
from .passive.har import entry as har_entry
from .provenance import DeviationKind, TargetKind, heading, message_prefix
from .results import FailureRecord
from .transport import Exchange

MAX_BODY_SHOWN = 1200


def _statuses(run: RunContext, op_id: str) -> tuple[str, str]:
    stats = run.recorder.stats.get(op_id)
    documented = run.model.operations[op_id].documented
    if stats is None or not stats.statuses:
        return "-", " ".join(sorted(documented))
    seen = []
    for status, count in sorted(stats.statuses.items()):
        mark = "" if str(status) in documented or f"{str(status)[0]}XX" in documented else "!"
        seen.append(f"{status}{mark} x{count}")
    return " ".join(seen), " ".join(sorted(documented))


def table(run: RunContext) -> str:
    """The per-operation table (Markdown), one row per operation of the spec."""
    rows = [
        "| Operation | Method and path | Requests (probes) | Checks passed | Checks failed | Statuses seen (! = undocumented) | Documented |",
        "|---|---|---|---|---|---|---|",
    ]
    for op_id, info in run.model.operations.items():
        stats = run.recorder.stats.get(op_id)
        requests = f"{stats.requests} ({stats.probes})" if stats else "0"
        passed = sum(stats.checks_passed.values()) if stats else 0
        failed_checks = sorted(stats.checks_failed) if stats else []
        failed = (
            (f"{sum(stats.checks_failed.values())}: " + ", ".join(failed_checks))
            if stats and failed_checks
            else "0"
        )
        seen, documented = _statuses(run, op_id)
        rows.append(
            f"| {op_id} | `{info.label}` | {requests} | {passed} | {failed} | {seen} | {documented} |"
        )
    return "\n".join(rows)


def _body(text: str) -> str:
    if not text:
        return "(empty)"
    return (
        text
        if len(text) <= MAX_BODY_SHOWN
        else text[:MAX_BODY_SHOWN] + f"... [{len(text) - MAX_BODY_SHOWN} more characters]"
    )


def _exchange(ex: Exchange) -> str:
    head = f"{ex.method} {ex.url}"
    if ex.role != "request":
        head += f"   [{ex.role}{': ' + ex.note if ex.note else ''}]"
    lines = [head]
    interesting = {
        k: v for k, v in ex.request_headers.items() if k.lower() in ("authorization", "content-type")
    }
    if interesting:
        lines.append("  request headers: " + ", ".join(f"{k}: {v}" for k, v in interesting.items()))
    if ex.request_body:
        lines.append("  request body: " + _body(ex.request_body))
    if ex.error:
        lines.append(f"  -> no response: {ex.error}")
    else:
        lines.append(f"  -> {ex.status}: {_body(ex.response_body)}")
    return "\n".join(lines)


def rerun_command(run: RunContext, failure: FailureRecord) -> str:
    """The command the person ran, narrowed to the test that found the deviation (same profile and seed, the
    options that matter); for a passive run, the command that judges the same traffic again."""
    if run.options.passive:
        return " ".join(shlex.quote(a) for a in run.options.rerun_args) or "(live traffic: not replayable)"
    args = [*run.options.rerun_args, "--profile", run.plan.profile.name]
    if run.seed is not None:
        args += ["--seed", str(run.seed)]
    if run.options.target_kind:
        args += ["--target-kind", run.options.target_kind]
    args += list(run.options.rerun_options)
    if failure.phase.startswith("stateless"):
        args += ["--phases", ",".join(run.plan.stateless_phases), "--operations", failure.operation_id]
    elif failure.phase.startswith("workflow"):
        args += ["--phases", "workflows"]
        version = failure.phase.removeprefix("workflow").strip()
        if version and version != "safe":
            args += ["-k", f"lifecycle and {version}"]
    else:
        args += ["--phases", "stateful"]
        group = failure.test_id.rsplit("::", 2)[-2] if failure.test_id.count("::") >= 2 else ""
        if group.startswith("TestStatefulGroup"):
            args += ["-k", group]
    return " ".join([run.options.command, *(shlex.quote(a) for a in args)])


SENDING_BUILTINS = frozenset({"ignored_auth", "use_after_free", "ensure_resource_availability"})


def shown_exchanges(record: FailureRecord, limit: int = 12) -> list[Exchange]:
    """The exchanges that show a deviation: the requests of its case and the follow-up reads of the check that
    found it, not the probes other checks sent for the same case."""
    resends = record.check in SENDING_BUILTINS  # the built-ins whose evidence is a request of their own
    return [
        ex
        for ex in record.exchanges
        if ex.role == "request"
        or ex.note == record.check
        or (resends and ex.note == "schemathesis built-in check")
    ][:limit]


def failures_text(run: RunContext, assessment: Assessment | None = None) -> str:
    """Every deviation, one entry per root cause (findings.py), target deviations and spec evidence apart: check,
    rule, baseline status, count and operations, a few examples with their exchanges, how to reproduce."""
    if not run.results.failures:
        return "No deviations found."
    assessment = assessment or assess(run)
    sections = []
    number = 0
    for kind in DeviationKind:
        chosen = by_kind(assessment.findings, kind)
        if not chosen:
            continue
        total = sum(f.count for f in chosen)
        parts = [f"### {heading(kind, run.target_kind)} ({len(chosen)} causes, {total} deviations)"]
        for finding in chosen:
            number += 1
            parts.append(_finding_text(run, assessment, finding, number))
        sections.append("\n\n".join(parts))
    stale = assessment.judgement.stale
    if stale:
        sections.append(
            "### Stale baseline entries (tested, not reproduced: the target no longer does them)\n\n"
            + "\n".join(f"- {e.fingerprint}: {e.reason}" for e in stale)
        )
    return "\n\n".join(sections)


def _finding_text(run: RunContext, assessment: Assessment, finding: Finding, number: int) -> str:
    status = assessment.status(finding)
    badge = {Status.KNOWN: "KNOWN (baseline)", Status.EXPIRED: "NEW (baseline entry expired)"}.get(
        status, "NEW"
    )
    operations = finding.operations
    shown_ops = ", ".join(operations[:8]) + (
        f" and {len(operations) - 8} more" if len(operations) > 8 else ""
    )
    verdict = finding.verdict
    rule = f"{finding.rule.id}: {finding.rule.text}" if finding.rule.id else finding.rule.text
    lines = [
        f"{number}. [{badge}] [{finding.check}] {finding.difference}",
        f"  {finding.count} deviation(s) on {len(operations)} operation(s): {shown_ops}; phases: "
        f"{', '.join(finding.phases) or '-'}",
        f"  {dataclasses.replace(verdict, rule=rule or '(the check states none)').describe()}",
    ]
    if verdict.source:
        lines.append(f"  Source: {verdict.source}")
    if status is Status.KNOWN:
        entry = assessment.judgement.entries.get(finding.fingerprints[0])
        if entry is not None:
            lines.append(
                f"  Accepted: {entry.reason}" + (f" (until {entry.expires})" if entry.expires else "")
            )
    lines.append(
        f"  Fingerprints: {', '.join(finding.fingerprints[:6])}"
        + (" ..." if len(finding.fingerprints) > 6 else "")
    )
    for record in finding.examples():
        message = textwrap.indent(record.message.strip()[:2000], "    ")
        exchanges = "\n".join(textwrap.indent(_exchange(e), "    ") for e in shown_exchanges(record))
        lines += [
            f"  Example: {record.operation_id} `{record.label}` ({record.phase}): {record.title}",
            message,
            "  Exchanges (credentials redacted):",
            exchanges,
            f"  Reproduce: {record.curl}",
            f"  Re-run:    {rerun_command(run, record)}",
        ]
    return "\n".join(lines)


_TARGET_KIND_MEANING = {
    TargetKind.SANDBOX: "built from the spec: every deviation is a target bug",
    TargetKind.REAL: "a deviation from an inferred or unconfirmed rule is evidence for fixing the spec",
}


def markdown(run: RunContext, summary: Summary, incomplete: str, assessment: Assessment | None = None) -> str:
    """The whole report as Markdown (also printed)."""
    assessment = assessment or assess(run)
    plan = run.plan
    off = [f"- `{s.name}`: {s.reason}" for s in run.config.checks.values() if not s.enabled]
    gaps = [
        f"- {', '.join(g.operations)} also document {', '.join(g.add_statuses)}: {g.reason}"
        for g in run.config.spec_gaps
    ]
    header = ["# Conformance report", "", f"- Target: {run.target.description or run.target.base_url}"]
    if run.options.passive:
        header += _passive_header(run, summary)
    else:
        header += _active_header(run, summary)
    header += [
        f"- Target kind: {summary.target_kind.value} ({_TARGET_KIND_MEANING[summary.target_kind]})",
        f"- Deviations: {summary.deviations_line()}; causes: {len(assessment.findings)}",
    ]
    if assessment.judgement.path is not None:
        header.append(f"- Baseline: {assessment.judgement.line().removeprefix('baseline ')}")
    if run.baseline_note:
        header.append(f"- Baseline update: {run.baseline_note}")
    if run.network is not None and not run.options.passive:
        header.append(f"- Network: {run.network.describe(run.target.base_url)}")
    if run.options.concurrency and not run.options.passive:
        header.append(f"- Concurrency: {run.options.concurrency}")
    timing = run.config.builtin["max_response_time"]
    if timing.enabled and timing.limit and not run.options.passive:
        header.append(
            f"- Response times: max_response_time ({timing.limit:g} s) judges each answer's whole round trip as "
            "seen from this machine, the network's share included; a request with no answer at all is lost, "
            "not judged"
        )
    if plan.guarded and not run.options.passive:
        header.append(
            f"- Live tenant: safe profile; writes sent: {', '.join(run.guard.sent_writes) or 'none'}"
        )
    losses = run.losses.line()
    if losses and not run.options.passive:
        header.append(f"- Network: {losses[len('network: ') :]}")
    if incomplete:
        header.append(f"- INCOMPLETE: {incomplete}")
    sections = [
        "\n".join(header),
        "## Operations\n\n" + table(run),
        "## Checks turned off\n\n" + ("\n".join(off) or "None."),
        "## Known spec gaps bridged for this run\n\n" + ("\n".join(gaps) or "None."),
        "## Deviations\n\n" + failures_text(run, assessment),
    ]
    if run.options.passive:
        sections.append("## Exchanges not judged\n\n" + not_judged_text(run))
    elif run.losses.retries or run.losses.lost_count:
        sections.append("## Not judged: lost by the network\n\n" + lost_text(run))
    return "\n\n".join(sections) + "\n"


def _passive_header(run: RunContext, summary: Summary) -> list[str]:
    return [
        f"- Mode: passive, nothing sent: {run.options.passive}",
        f"- Exchanges judged: {summary.requests}; matching no operation: {len(run.unmatched)}; not judgeable: "
        f"{len(run.unjudged)}; later exchanges used as a check's follow-up read: {summary.probes}",
        f"- Operations seen: {summary.operations_exercised} of {summary.operations}; "
        f"operation x check pairs judged: {summary.cells_exercised} of {summary.operations} x {summary.checks_enabled}",
    ]


def _active_header(run: RunContext, summary: Summary) -> list[str]:
    plan = run.plan
    return [
        f"- Profile: {plan.profile.name} ({plan.profile.description})",
        f"- Seed: {run.seed if run.seed is not None else 'deterministic (derandomized)'}; run id: {run.run_id}",
        f"- Phases: {', '.join(plan.stateless_phases) or 'no stateless'}; stateful: {'yes' if plan.stateful else 'no'}; "
        f"workflows: {plan.workflows}",
        f"- Requests sent: {summary.requests} ({summary.probes} of them follow-up probes of checks); "
        f"wall time: {summary.wall_seconds:.1f} s",
        f"- Operations exercised: {summary.operations_exercised} of {summary.operations}; "
        f"operation x check pairs exercised: {summary.cells_exercised} of {summary.operations} x {summary.checks_enabled}",
    ]


def not_judged_text(run: RunContext, limit: int = 200) -> str:
    """The exchanges a passive run listed instead of judging, with why."""
    lines = [f"- {line}" for line in (run.unjudged + run.unmatched)[:limit]]
    more = len(run.unjudged) + len(run.unmatched) - limit
    if more > 0:
        lines.append(f"- ... and {more} more")
    return "\n".join(lines) or "None: every exchange matched an operation and was judged."


def lost_text(run: RunContext, limit: int = 200) -> str:
    """What the network lost: per operation, then each thing left unjudged with its request and error. None of
    it is a deviation: the target may never have seen these requests."""
    losses = run.losses
    lines = [
        f"{losses.retries} attempts were sent again after no answer; {losses.recovered} requests were answered on "
        f"a later attempt; {losses.lost_count} got no answer after the attempts that were safe (a POST or PATCH "
        "is sent again only when the connection was never made)."
    ]
    by_op = losses.summary()["lost_by_operation"]
    if isinstance(by_op, dict) and by_op:
        lines += ["", "Lost per operation: " + ", ".join(f"{op} {n}" for op, n in sorted(by_op.items()))]
    if losses.unjudged:
        lines += ["", "Left unjudged (reported apart; the run exits 3, not 1):", ""]
        lines += [f"- {u.describe()}" for u in losses.unjudged[:limit]]
        if len(losses.unjudged) > limit:
            lines.append(f"- ... and {len(losses.unjudged) - limit} more")
    return "\n".join(lines)


def har(run: RunContext) -> dict[str, Any]:
    """The failing exchanges as a HAR 1.2 document (one entry per exchange, the check in the comment)."""
    entries = []
    seen: set[int] = set()
    for failure in run.results.failures.values():
        for ex in failure.exchanges:
            if id(ex) in seen:
                continue
            seen.add(id(ex))
            note = f"{ex.role}{': ' + ex.note if ex.note else ''}"
            entries.append(har_entry(ex, f"{failure.check} on {failure.operation_id} ({note})"))
    return har_document(entries)


def junit(run: RunContext) -> str:
    """A JUnit XML report with one test per operation judged and one failure per deviation (passive runs, which
    have no pytest session to write it)."""
    suite = ET.Element("testsuite", name="conformance")
    judged = sorted({op for op, _ in run.results.applied})
    failures: dict[str, list[FailureRecord]] = {}
    for failure in run.results.failures.values():
        failures.setdefault(failure.operation_id, []).append(failure)
    judgement = assess(run).judgement
    skipped = 0
    for op in judged:
        case = ET.SubElement(suite, "testcase", classname="passive", name=op)
        found = failures.get(op, [])
        prints = [record_fingerprint(f) for f in found]
        if found and all(judgement.status(fp) is Status.KNOWN for fp in prints):
            ET.SubElement(
                case, "skipped", message=f"known deviation(s), accepted by the baseline: {', '.join(prints)}"
            )
            skipped += 1
            continue
        if found:
            prefix = message_prefix(run.results.verdict(f) for f in found)
            checks = ", ".join(sorted({f.check for f in found}))
            element = ET.SubElement(
                case, "failure", message=f"{prefix}{len(found)} deviation(s): {checks}"[:500]
            )
            element.text = "\n\n".join(f"[{f.check}] {f.title}\n{f.message}" for f in found)
    suite.set("tests", str(len(judged)))
    suite.set("failures", str(sum(1 for op in judged if failures.get(op)) - skipped))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    return run.redactor.text(ET.tostring(suite, encoding="unicode"))


def write(run: RunContext, summary: Summary, incomplete: str, directory: Path) -> dict[str, Path]:
    """Write the Markdown and HTML reports, the reproducers, failures.har and summary.json; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = {
        "report": directory / "conformance-report.md",
        "cassette": directory / "conformance-failures.har",
        "summary": directory / "conformance-summary.json",
        "html": directory / "conformance-report.html",
        "reproducers": directory / reproducers.FILE_NAME,
    }
    clean = run.redactor.text
    assessment = assess(run)
    paths["report"].write_text(clean(markdown(run, summary, incomplete, assessment)), encoding="utf-8")
    page = html_report.render(run, summary, assessment, incomplete, rerun=lambda r: rerun_command(run, r))
    paths["html"].write_text(clean(page), encoding="utf-8")
    paths["cassette"].write_text(clean(json.dumps(har(run), indent=1)), encoding="utf-8")
    reproducers_note = reproducers.write(run, assessment, paths["reproducers"])
    coverage = sorted({f"{op} {check}" for op, check in run.results.applied})
    paths["summary"].write_text(
        clean(
            json.dumps(
                {
                    "target": run.target.description or run.target.base_url,
                    "network": run.network.describe(run.target.base_url)
                    if run.network is not None
                    else "in-process",
                    "profile": run.plan.profile.name,
                    "seed": run.seed,
                    "run_id": run.run_id,
                    "requests": summary.requests,
                    "requests_by_phase": dict(run.recorder.by_phase),
                    "throttled": {
                        "answers_429": run.pacer.throttled,
                        "seconds_waited": round(run.pacer.waited, 1),
                    },
                    "concurrency": run.options.concurrency,
                    "baseline": {**assessment.judgement.summary(), "written": run.baseline_note},
                    "causes": [
                        {
                            "key": f.key,
                            "status": assessment.status(f).value,
                            "kind": f.kind.value,
                            "check": f.check,
                            "rule_id": f.rule.id,
                            "rule": f.rule.text,
                            "difference": f.difference,
                            "count": f.count,
                            "operations": f.operations,
                            "fingerprints": f.fingerprints,
                        }
                        for f in assessment.findings
                    ],
                    "network_losses": run.losses.summary(),
                    "reproducers": reproducers_note,
                    "probes": summary.probes,
                    "wall_seconds": round(summary.wall_seconds, 2),
                    "operations": summary.operations,
                    "operations_exercised": summary.operations_exercised,
                    "checks_enabled": summary.checks_enabled,
                    "cells_exercised": summary.cells_exercised,
                    "incomplete": incomplete,
                    "target_kind": summary.target_kind.value,
                    "deviations": {
                        "total": summary.failures,
                        "target": summary.target_deviations,
                        "spec_evidence": summary.spec_evidence,
                        "by_provenance": summary.by_provenance or {},
                    },
                    "failures": [
                        {
                            "check": f.check,
                            "operation": f.operation_id,
                            "title": f.title,
                            "message": f.message[:2000],
                            "phase": f.phase,
                            "provenance": v.provenance.value,
                            "kind": v.kind.value,
                            "scope": v.scope.value,
                            "rule": v.rule,
                            "source": v.source,
                        }
                        for f, v in verdicts(run)
                    ],
                    "coverage": coverage,
                },
                indent=1,
            )
        ),
        encoding="utf-8",
    )
    return paths


def coverage_line(order: list[str], outcomes: dict[str, str]) -> str:
    """How much of the run's tests ran to the end, per kind: what a time budget that ran out did cover."""
    kinds = {
        "stateless operations": "test_1_stateless",
        "workflows": "test_2_workflows",
        "stateful groups": "test_3_stateful",
    }
    parts = []
    for label, module in kinds.items():
        planned = [n for n in order if module in n]
        if planned:
            done = sum(1 for n in planned if outcomes.get(n) in ("passed", "failed"))
            parts.append(f"{label} {done}/{len(planned)}")
    return "covered " + ", ".join(parts) if parts else ""


class Writer(Protocol):
    """What the closing lines are written to: pytest's terminal reporter, or `ConsoleWriter` outside pytest."""

    def write_sep(self, sep: str, title: str = ..., **markup: bool) -> None: ...

    def write_line(self, line: str, **markup: bool) -> None: ...


class ConsoleWriter:
    """Closing lines on stdout when no pytest session prints them (a run of several workers)."""

    width = 80

    def write_sep(self, sep: str, title: str = "", **markup: bool) -> None:
        """A separator line with a title in the middle, as pytest draws it."""
        text = f" {title} " if title else ""
        side = max(3, (self.width - len(text)) // 2)
        print(f"{sep * side}{text}{sep * side}")

    def write_line(self, line: str, **markup: bool) -> None:
        """One line as it is."""
        print(line)


def print_closing(
    run: RunContext, summary: Summary, incomplete: str, paths: dict[str, Path], out: Writer
) -> None:
    """The per-operation table, the deviations, the totals and where the reports are."""
    out.write_sep("=", "conformance report")
    out.write_line(run.redactor.text(table(run)))
    assessment = assess(run)
    out.write_sep("-", f"deviations: {summary.deviations_line()}; causes: {len(assessment.findings)}")
    out.write_line(run.redactor.text(failures_text(run, assessment)))
    s = summary
    out.write_sep("-", "summary")
    sent = (
        f"exchanges judged: {s.requests} (nothing sent; {s.probes} later exchanges used as follow-up reads)"
        if run.options.passive
        else f"requests: {s.requests} ({s.probes} probes)"
    )
    out.write_line(
        f"{sent}; wall time: {s.wall_seconds:.1f} s; "
        f"operations exercised: {s.operations_exercised}/{s.operations}; "
        f"operation x check pairs: {s.cells_exercised}/{s.operations * s.checks_enabled}"
    )
    out.write_line(f"target kind: {s.target_kind.value}; deviations: {s.deviations_line()}")
    if assessment.judgement.path is not None:
        out.write_line(assessment.judgement.line(), yellow=bool(assessment.judgement.stale))
    if run.baseline_note:
        out.write_line(run.baseline_note)
    if run.losses.line() and not run.options.passive:
        out.write_line(run.redactor.text(run.losses.line()))
    if run.pacer.throttled:
        out.write_line(f"throttled: {run.pacer.throttled} answers 429 waited out ({run.pacer.waited:.1f} s)")
    if incomplete:
        out.write_line(f"INCOMPLETE: {incomplete}", red=True)
    for name, path in paths.items():
        out.write_line(f"{name}: {path}")
