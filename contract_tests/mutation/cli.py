"""`python -m contract_tests.mutation`: measure what the suite catches, one injected fault at a time.

First the suite's CI (quick) profile runs against a healthy sandbox: any deviation there is a false positive and
fails the session. Then, for each fault of the sandbox's catalog (`cdp-sandbox --list-faults`), a sandbox process
starts with `--fault NAME` and the suite's own runner (`python -m contract_tests run --base-url ...`) runs the
same profile against it, phase group by phase group, cheapest first, stopping at the first group that reports a
deviation: the fault is then caught, by the checks that reported it. A fault no group reports survived.

Writes reports/mutation.json and reports/mutation.md (the kill table) and exits 0 only when the healthy run is
clean and every fault is caught. With `--write-docs PATH` (`nox -s mutation` passes docs/mutation.md), a run of the
whole catalog through every phase group with `--compare-plain` (each sandbox also judged by plain `st run --checks
all`, for the side-by-side column) also writes the committed kill table there; any other run leaves it alone.
Exit codes: 0 all caught; 1 a fault survived or a run failed; 2 bad options.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from cdp_sandbox.faults import CATALOG, UnknownFault, lookup

from .report import docs_page, documents_the_catalog, healthy_line, table, write
from .run import run_all
from .verdicts import STAGES, verdict_exit


def parse_stages(text: str | None) -> tuple[tuple[str, ...], ...]:
    """`workflows;examples,coverage` -> (("workflows",), ("examples", "coverage")); default: STAGES."""
    if not text:
        return STAGES
    groups = tuple(tuple(p.strip() for p in group.split(",") if p.strip()) for group in text.split(";"))
    return tuple(g for g in groups if g)


def build_parser() -> argparse.ArgumentParser:
    """The CLI."""
    parser = argparse.ArgumentParser(prog="python -m contract_tests.mutation", description=__doc__)
    parser.add_argument("--faults", help="comma-separated fault names (default: the whole catalog)")
    parser.add_argument("--jobs", type=int, default=2, help="faults tested at once (default 2, for 2 cores)")
    parser.add_argument("--reports", type=Path, default=Path("reports"), help="where mutation.json/.md go")
    parser.add_argument(
        "--max-seconds",
        type=float,
        help="time budget: no phase starts after it, what did not finish counts as not caught (CI uses one)",
    )
    parser.add_argument(
        "--write-docs",
        type=Path,
        metavar="PATH",
        help="also write the kill table to PATH (nox -s mutation: docs/mutation.md), only when the run covers the "
        "whole catalog through every phase group",
    )
    parser.add_argument(
        "--compare-plain",
        action="store_true",
        help="also judge every sandbox with plain `st run --checks all` (schemathesis alone, same spec, phases and "
        "example budget) for a side-by-side column; about 20 s more per fault. Only such a run rewrites --write-docs",
    )
    parser.add_argument(
        "--stages",
        help="phase groups in order, ';' between groups, ',' inside one (default: the quick profile, "
        + "; ".join(",".join(s) for s in STAGES)
        + ")",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point."""
    args = build_parser().parse_args(argv)
    try:
        names = (
            [f.name for f in lookup(n.strip() for n in args.faults.split(",") if n.strip())]
            if args.faults
            else list(CATALOG)
        )
    except UnknownFault as exc:
        print(f"mutation: {exc}", file=sys.stderr)
        return 2
    stages = parse_stages(args.stages)
    healthy, results, report = run_all(
        names, stages, args.reports, args.jobs, max_seconds=args.max_seconds, plain=args.compare_plain
    )
    write(report, results, healthy, args.reports)
    print()
    print(table(results, healthy) if results else "(no fault was run)")
    s = report["summary"]
    print(
        f"\nmutation: {s['caught']}/{s['faults']} faults caught (kill rate {s['kill_rate'] * 100:.1f}%), "
        f"{s['survived']} survived, {s['errors']} errors; healthy run: {healthy_line(healthy)}; "
        f"wall time {report['wall_seconds']:.0f} s"
    )
    if report["plain"]:
        p = report["plain"]
        print(
            f"mutation: plain `st run --checks all` caught {p['caught']}/{s['faults']} (missed {p['missed']}, "
            f"errors {p['errors']}); only the suite caught {len(p['only_ours'])}"
        )
    print(f"mutation: reports in {args.reports / 'mutation.md'} and {args.reports / 'mutation.json'}")
    if args.write_docs is not None:
        if documents_the_catalog(names, stages, args.compare_plain):
            args.write_docs.parent.mkdir(parents=True, exist_ok=True)
            args.write_docs.write_text(docs_page(report, results, os.cpu_count(), healthy), encoding="utf-8")
            print(f"mutation: kill table written to {args.write_docs}")
        else:
            print(
                f"mutation: {args.write_docs} left as it is (only a run of the whole catalog with --compare-plain "
                "rewrites it)"
            )
    return verdict_exit(healthy, results)
