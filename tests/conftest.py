"""The default run is the fast loop: tests marked `slow` are deselected unless `--slow` (or a `-m` expression) asks.

`slow` marks a test that repeats what a session of its own already does at full size (the conformance profile,
the mutation run, the packaging install into a fresh virtualenv, ...), or that takes more than about 30 s.
`nox -s tests` leaves them out; `nox -s tests -- --slow` and CI (.ci/run) run them too. The JUnit report records
how many slow tests were selected (the testsuite property `slow_tests`), so CI can prove they ran.
"""

from __future__ import annotations

import pytest
from _pytest.junitxml import xml_key

SLOW = "slow"
_deselected_key = pytest.StashKey[int]()
"""How many slow tests this run left out (for the closing line)."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow",
        action="store_true",
        default=False,
        help="also run the tests marked slow (deselected by default; CI runs them)",
    )


def _runs_slow(config: pytest.Config) -> bool:
    """--slow runs everything; an explicit -m expression decides for itself (`-m slow` runs only those)."""
    return bool(config.getoption("--slow") or config.getoption("markexpr"))


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected theirs, so the count is of tests that run
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    slow = [item for item in items if item.get_closest_marker(SLOW) is not None]
    if slow and not _runs_slow(config):
        items[:] = [item for item in items if item.get_closest_marker(SLOW) is None]
        config.hook.pytest_deselected(items=slow)
        config.stash[_deselected_key] = len(slow)
        slow = []
    xml = config.stash.get(xml_key, None)
    if xml is not None:
        xml.add_global_property("slow_tests", str(len(slow)))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    left_out = config.stash.get(_deselected_key, 0)
    if left_out:
        terminalreporter.write_line(
            f"{left_out} slow tests deselected (the fast loop); `--slow` or `nox -s tests -- --slow` runs them"
        )
