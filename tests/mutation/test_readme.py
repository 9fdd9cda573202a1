"""The README's kill table names exactly the faults of the catalog (timings vary per run; the names must not)."""

from __future__ import annotations

import re
from pathlib import Path

from cdp_sandbox.faults import CATALOG

README = Path(__file__).resolve().parents[2] / "README.md"


def test_kill_table_lists_the_whole_catalog() -> None:
    text = README.read_text(encoding="utf-8")
    table = text.split("<!-- kill-table:begin -->", 1)[1].split("<!-- kill-table:end -->", 1)[0]
    named = re.findall(r"^\| `([a-z0-9-]+)` \| ([a-z-]+) \|", table, flags=re.MULTILINE)
    assert [name for name, _ in named] == list(CATALOG), "re-run nox -s mutation and copy the kill table"
    assert all(CATALOG[name].category == category for name, category in named)
