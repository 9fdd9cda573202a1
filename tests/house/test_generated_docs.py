"""The tables the mutation and benchmark runs write into docs/: what writes them, and that the committed pages
stay in step with the code (the kill table's fault names are held to the catalog in tests/mutation/)."""

from __future__ import annotations

from pathlib import Path

from cdp_sandbox.faults import CATALOG

from bench import run as bench
from contract_tests import mutation as M

ROOT = Path(__file__).resolve().parents[2]


def _results() -> list[M.FaultResult]:
    return [
        M.FaultResult(
            name, entry.category, entry.description, entry.breaks, M.CAUGHT, ["c"], "workflows", 2.0, 3.0
        )
        for name, entry in CATALOG.items()
    ]


def test_only_a_run_of_the_whole_catalog_through_every_phase_group_rewrites_the_docs() -> None:
    assert M.documents_the_catalog(list(CATALOG), M.STAGES)
    assert not M.documents_the_catalog(list(CATALOG)[:2], M.STAGES)
    assert not M.documents_the_catalog(list(CATALOG), M.STAGES[:1])


def test_the_docs_page_carries_the_verdict_the_categories_and_the_kill_table() -> None:
    results = _results()
    report = {
        "summary": M.summary(results),
        "healthy": {"verdict": M.CLEAN},
        "finished": "2027-01-02T03:04:05+00:00",
        "jobs": 2,
        "wall_seconds": 300.4,
    }
    page = M.docs_page(report, results, 2)
    assert (
        f"(2027-01-02, 2 cores, 2 faults at a time): {len(CATALOG)} of {len(CATALOG)} faults caught" in page
    )
    table = page.split(M.KILL_TABLE_BEGIN, 1)[1].split(M.KILL_TABLE_END, 1)[0]
    assert table.strip() == M.table(results)
    assert "| state |" in page and "healthy run clean (no false positive)" in page


def test_the_benchmark_page_has_a_row_for_every_goal() -> None:
    page = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip() for line in page.splitlines() if line.startswith("| ")}
    missing = [goal.label for goal in bench.ALL_GOALS if goal.label not in rows]
    assert not missing, (
        f"run every benchmark (python3 scripts/nox -s bench) to rewrite docs/benchmarks.md: {missing}"
    )


def test_the_benchmark_page_is_the_run_table_with_its_notes() -> None:
    figures = {
        name: bench.Figure(name, "s", [2.0, 3.0, 4.0]) for name in ("regenerate", "regenerate --check")
    }
    machine = {"date": "2027-01-02", "platform": "Linux", "cpus": 2, "python": "3.11", "prism": "5"}
    table = bench.render(bench.REGEN_GOALS, figures, machine)
    page = bench.docs_page(table, ["a note"], 12.3)
    assert table in page and "- a note" in page and "| scripts/regenerate, s | 3.00 |" in page
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/benchmarks.md)" in readme and "| sandbox / Prism" not in readme
