"""The README's coverage table is the one the spec produces."""

from __future__ import annotations

from scripts.coverage_table import BEGIN, END, render
from tests._spec import ROOT


def test_readme_coverage_table_matches_the_spec() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    embedded = readme.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert embedded == render().strip(), "run: python scripts/coverage_table.py --write"
