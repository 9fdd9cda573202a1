"""The client's changelog (scripts/changelog.py): an entry for every version, written from the API change report,
kept in spec/client-changelog.md and shipped as the package's CHANGELOG.md."""

from __future__ import annotations

import datetime
from pathlib import Path

from scripts import changelog, spec_changes

ROOT = Path(__file__).resolve().parents[2]
KEPT = ROOT / "spec" / "client-changelog.md"
SHIPPED = ROOT / "generated" / "sitecore-cdp-client" / "CHANGELOG.md"
DAY = datetime.date(2026, 12, 1)


def test_the_current_version_has_an_entry_and_the_package_ships_the_kept_changelog() -> None:
    version = (ROOT / "spec" / "client-version").read_text(encoding="utf-8").strip()
    text = KEPT.read_text(encoding="utf-8")
    assert changelog.has_entry(text, version)
    assert text.startswith(changelog.HEADER)
    assert SHIPPED.read_text(encoding="utf-8") == text


def test_an_entry_lists_breaking_changes_first_then_compatible_ones() -> None:
    report = spec_changes.Report(
        (
            spec_changes.Change(False, "listOrders (GET /v2.1/orders)", "operation deprecated"),
            spec_changes.Change(True, "OrderPatch.price", "request field optional -> required"),
        ),
        "major",
    )
    assert changelog.entry("1.0.0", report, DAY) == (
        "## 1.0.0 (2026-12-01)\n\n### Breaking\n\n- `OrderPatch.price`: request field optional -> required\n\n"
        "### Compatible\n\n- `listOrders (GET /v2.1/orders)`: operation deprecated\n"
    )
    text_only = spec_changes.Report((), "patch")
    assert "the API did not" in changelog.entry("1.0.1", text_only, DAY)
    assert changelog.NO_API_CHANGE in changelog.entry("1.1.0", None, DAY)


def test_a_new_entry_goes_first_under_the_header_and_keeps_the_older_ones() -> None:
    first = changelog.insert(changelog.HEADER, changelog.entry("0.1.0", None, DAY, "The first version."))
    second = changelog.insert(first, changelog.entry("0.2.0", None, DAY))
    assert second.startswith(changelog.HEADER)
    assert second.index("## 0.2.0 (") < second.index("## 0.1.0 (")
    assert "The first version." in second
    assert changelog.has_entry(second, "0.1.0")
    assert not changelog.has_entry(second, "0.1")
