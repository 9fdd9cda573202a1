"""The default run is the fast loop: tests marked `slow` are deselected unless `--slow` (or a `-m` expression) asks.

`slow` marks a test that repeats what a session of its own already does at full size (the conformance profile,
the mutation run, the packaging install into a fresh virtualenv, ...), or that takes more than about 30 s.
`nox -s tests` leaves them out; `nox -s tests -- --slow` and CI (.ci/run) run them too. The JUnit report records
how many slow tests were selected (the testsuite property `slow_tests`), so CI can prove they ran; with
pytest-xdist (`nox -s tests` runs `-n auto`) the workers collect, so each tells the controller its counts and the
controller writes them.
"""

from __future__ import annotations

from typing import Any

import pytest
from _pytest.junitxml import xml_key

SLOW = "slow"
_deselected_key = pytest.StashKey[int]()
"""How many slow tests this run left out (for the closing line)."""
_recorded_key = pytest.StashKey[bool]()
"""Whether a worker's counts were written already."""


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
    left_out = 0
    if slow and not _runs_slow(config):
        items[:] = [item for item in items if item.get_closest_marker(SLOW) is None]
        config.hook.pytest_deselected(items=slow)
        left_out, slow = len(slow), []
    if hasattr(config, "workerinput"):  # an xdist worker: the controller writes the report and the summary
        config.workeroutput.update(slow_tests=len(slow), slow_left_out=left_out)  # type: ignore[attr-defined]
        return
    _record(config, len(slow), left_out)


def _record(config: pytest.Config, selected: int, left_out: int) -> None:
    """The slow tests selected, in the JUnit report, and those left out, for the closing line."""
    config.stash[_deselected_key] = left_out
    xml = config.stash.get(xml_key, None)
    if xml is not None:
        xml.add_global_property("slow_tests", str(selected))


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """An xdist worker finished: its counts (every worker collects the same tests) reach the report once."""
    output = getattr(node, "workeroutput", {})
    config: pytest.Config = node.config
    if "slow_tests" in output and _recorded_key not in config.stash:
        config.stash[_recorded_key] = True
        _record(config, int(output["slow_tests"]), int(output["slow_left_out"]))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    left_out = config.stash.get(_deselected_key, 0)
    if left_out:
        terminalreporter.write_line(
            f"{left_out} slow tests deselected (the fast loop); `--slow` or `nox -s tests -- --slow` runs them"
        )
