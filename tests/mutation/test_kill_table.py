"""The committed kill table (docs/mutation.md, written by `nox -s mutation`) names exactly the faults of the
catalog, each in its category (timings vary per run; the names must not), and the README links it instead of
carrying a copy."""

from __future__ import annotations

import re
from pathlib import Path

from cdp_sandbox.faults import CATALOG

from contract_tests.mutation import KILL_TABLE_BEGIN, KILL_TABLE_END

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "mutation.md"


def test_kill_table_lists_the_whole_catalog() -> None:
    text = DOCS.read_text(encoding="utf-8")
    table = text.split(KILL_TABLE_BEGIN, 1)[1].split(KILL_TABLE_END, 1)[0]
    named = re.findall(r"^\| `([a-z0-9-]+)` \| ([a-z-]+) \|", table, flags=re.MULTILINE)
    assert [name for name, _ in named] == list(CATALOG), (
        "run the whole catalog: python3 scripts/nox -s mutation -- --compare-plain (it rewrites docs/mutation.md)"
    )
    assert all(CATALOG[name].category == category for name, category in named)


def test_the_readme_links_the_kill_table_and_carries_none() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/mutation.md)" in readme
    assert KILL_TABLE_BEGIN not in readme and "| `create-answers-200` |" not in readme
