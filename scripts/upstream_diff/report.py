"""The comparison as Markdown text (stdout) and as JSON (`--json FILE`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict
from typing import Any

from .compare import Result
from .model import Difference, Operation

ONLY_OURS_WHY = {
    "pages": "not counted: a folder of pages cannot show that an operation is gone",
    "only-shared": "not counted: --only-shared",
}


def _op_line(op: Operation, where: str) -> str:
    label = f" ({op.label})" if op.label else ""
    return f"- `{op.method} {op.path}`{label}: {where}"


def _verdict(result: Result) -> str:
    counted = result.counted
    touched = len({d.operation for d in counted})
    tolerated = len(result.differences) - len(counted)
    parts = [
        f"{len(counted)} difference{'s' * (len(counted) != 1)} in {touched} of {len(result.shared)} shared operations"
    ]
    if tolerated:
        parts.append(f"{tolerated} more where our responses are deliberately more tolerant (not counted)")
    parts.append(
        f"{len(result.only_upstream)} operation{'s' * (len(result.only_upstream) != 1)} only upstream"
        + ("" if result.only_upstream_counted or not result.only_upstream else " (not counted)")
    )
    parts.append(
        f"{len(result.only_ours)} only in our spec"
        + ("" if result.only_ours_counted or not result.only_ours else " (not counted)")
    )
    return f"**{'AGREE' if result.agree else 'DIFFER'}**: " + "; ".join(parts) + "."


def _one_sided(result: Result, spec_label: str) -> list[str]:
    lines: list[str] = []
    if result.only_upstream:
        lines += [f"## Operations only upstream ({len(result.only_upstream)})", ""]
        for op in result.only_upstream:
            where = f"upstream at {op.location}; add as {spec_label}: paths.{op.path}.{op.method.lower()}"
            lines.append(_op_line(op, where))
        lines.append("")
    if result.only_ours:
        why = ONLY_OURS_WHY["pages" if result.upstream.kind == "pages" else "only-shared"]
        title = f"## Operations only in our spec ({len(result.only_ours)}"
        lines += [f"{title})" if result.only_ours_counted else f"{title}, {why})", ""]
        if result.only_ours_counted:
            lines += [_op_line(op, f"{spec_label}: {op.location}") for op in result.only_ours]
        else:
            lines.append(", ".join(op.label or f"{op.method} {op.path}" for op in result.only_ours))
        lines.append("")
    return lines


def _differences(result: Result, spec_label: str, show_tolerated: bool) -> list[str]:
    shown = [d for d in result.differences if show_tolerated or not d.tolerated]
    lines = ["## Differences", ""] if shown else []
    by_op: dict[str, list[Difference]] = defaultdict(list)
    for diff in shown:
        by_op[diff.operation].append(diff)
    sources = {ours.title(): theirs for ours, theirs in result.shared}
    for title, diffs in by_op.items():
        theirs = sources.get(title)
        page = theirs.location if theirs else ""
        origin = f" (upstream: {page}{', cut off' if theirs and theirs.cut else ''})" if page else ""
        lines += [f"### {title}{origin}", ""]
        for diff in diffs:
            lines.append(f"- [{diff.kind}]{' (tolerated)' if diff.tolerated else ''} {diff.message}")
            lines.append(f"  - edit: {spec_label}: {diff.location}")
            if diff.upstream and diff.upstream != page:
                lines.append(f"  - upstream: {diff.upstream}")
        lines.append("")
    tolerated = len(result.differences) - len(result.counted)
    if tolerated and not show_tolerated:
        lines += [f"{tolerated} tolerated differences not listed (`--show-tolerated` lists them).", ""]
    return lines


def _hidden_and_notes(result: Result) -> list[str]:
    lines: list[str] = []
    if result.not_visible:
        lines += ["## Not visible on the (cut) pages: neither confirmed nor contradicted", ""]
        hidden: dict[str, list[str]] = defaultdict(list)
        for item in result.not_visible:
            hidden[item.operation].append(item.what)
        lines += [f"- {title}: {', '.join(whats)}" for title, whats in hidden.items()]
        lines.append("")
    upstream = result.upstream
    notes = list(dict.fromkeys(upstream.notes))
    if upstream.skipped:
        notes.append(
            f"files without an endpoint, skipped ({len(upstream.skipped)}): {', '.join(upstream.skipped)}"
        )
    listed = [op for _ours, op in result.shared if op.listed_only]
    if listed:
        notes.append(
            f"{len(listed)} shared operation(s) only listed in an index upstream (existence compared, nothing else): "
            + ", ".join(f"{op.method} {op.path}" for op in listed)
        )
    if notes:
        lines += ["## Notes", "", *(f"- {note}" for note in notes), ""]
    return lines


def render_text(result: Result, spec_label: str, show_tolerated: bool = False) -> str:
    """A Markdown report: verdict, one-sided operations, differences by operation, what cuts hid, notes."""
    lines = [
        f"# {spec_label} compared with Sitecore's description",
        "",
        f"- ours: {spec_label} ({result.ours} operations)",
        f"- upstream: {result.upstream.description}",
        "",
        _verdict(result),
        "",
        *_one_sided(result, spec_label),
        *_differences(result, spec_label, show_tolerated),
        *_hidden_and_notes(result),
    ]
    return "\n".join(lines).rstrip() + "\n"


def _op(op: Operation) -> dict[str, Any]:
    return {
        "method": op.method,
        "path": op.path,
        "operation_id": op.label or None,
        "location": op.location,
        "cut_off": op.cut,
        "listed_only": op.listed_only,
    }


def render_json(result: Result, spec_label: str) -> dict[str, Any]:
    """A machine-readable report."""
    return {
        "spec": spec_label,
        "upstream": {"description": result.upstream.description, "kind": result.upstream.kind},
        "agree": result.agree,
        "counts": {
            "ours": result.ours,
            "upstream": len(result.upstream.operations),
            "shared": len(result.shared),
            "differences": len(result.counted),
            "tolerated": len(result.differences) - len(result.counted),
            "only_upstream": len(result.only_upstream),
            "only_ours": len(result.only_ours),
            "not_visible": len(result.not_visible),
        },
        "only_upstream_counted": result.only_upstream_counted,
        "only_ours_counted": result.only_ours_counted,
        "only_upstream": [_op(op) for op in result.only_upstream],
        "only_ours": [_op(op) for op in result.only_ours],
        "shared": [{"ours": _op(ours), "upstream": _op(theirs)} for ours, theirs in result.shared],
        "differences": [asdict(d) for d in result.differences],
        "not_visible": [asdict(n) for n in result.not_visible],
        "notes": list(dict.fromkeys(result.upstream.notes)),
        "skipped_files": result.upstream.skipped,
    }
