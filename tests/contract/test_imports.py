"""The suite's modules import each other without a cycle, and each imports on its own in a fresh interpreter.

A cycle works until someone imports the modules in another order; reading the import graph from the source
catches one as soon as it is written. Imports under `if TYPE_CHECKING:` never run, but a cycle through one still
ties the modules together (a check typed against the whole run assembler): they count too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import contract_tests
from tests.import_graph import (
    find_cycle,
    import_each_alone,
    import_graph,
    package_modules,
    reachable,
    third_party,
)

PACKAGE = Path(contract_tests.__file__).resolve().parent
ROOT = PACKAGE.parent
NAME = PACKAGE.name


MODULES = package_modules(PACKAGE)
# The suite's own test modules need a run the moment they are imported; the graph covers them, the import not.
STANDALONE = sorted(
    m for m in MODULES if not m.startswith(f"{NAME}.suite.test_") and not m.endswith(".__main__")
)


def graph_of(*, type_only: bool = True) -> dict[str, set[str]]:
    return import_graph(MODULES, type_only=type_only)


def test_the_import_graph_is_read_from_the_source() -> None:
    graph = graph_of()
    assert f"{NAME}.run_view" in graph[f"{NAME}.checks.exchange"]
    assert f"{NAME}.results" in graph[f"{NAME}.context"]
    assert f"{NAME}.probes" in graph[f"{NAME}.run_view"]  # a TYPE_CHECKING import
    assert f"{NAME}.probes" not in graph_of(type_only=False)[f"{NAME}.run_view"]


def test_no_module_of_the_suite_imports_itself_through_others() -> None:
    cycle = find_cycle(graph_of())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_checks_and_hooks_do_not_depend_on_the_run_assembler() -> None:
    graph = graph_of()
    for module in graph:
        if module.startswith(
            (
                f"{NAME}.checks",
                f"{NAME}.hooks",
                f"{NAME}.current",
                f"{NAME}.run_view",
                f"{NAME}.check_registry",
            )
        ):
            assert f"{NAME}.context" not in reachable(graph, module), module


def test_a_cycle_is_found() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


@pytest.fixture(scope="module")
def imported_alone() -> dict[str, str]:
    return import_each_alone(STANDALONE, cwd=ROOT, preload=third_party(MODULES))


@pytest.mark.parametrize("module", STANDALONE)
def test_each_module_imports_alone_in_a_fresh_interpreter(
    module: str, imported_alone: dict[str, str]
) -> None:
    assert imported_alone[module] == "", imported_alone[module]
