"""The sandbox's modules import each other without a cycle, each imports on its own in a fresh interpreter, and
nothing outside the sandbox reaches into its app or store.

A cycle works until someone imports the modules in another order, and a lazy import inside a function only hides
one; reading the import graph from the source catches one as soon as it is written. Every import statement
counts: at module level, inside functions, and under `if TYPE_CHECKING:` (a module typed against another is tied
to it all the same). `from . import x` of a submodule is an edge to the submodule only; the parent package a
module sits in is not an edge (Python imports it first whatever the module says).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.import_graph import (
    find_cycle,
    import_each_alone,
    import_graph,
    imports,
    module_name,
    package_modules,
    reachable,
    targets,
    third_party,
)

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "sandbox" / "cdp_sandbox"
NAME = PACKAGE.name
# The suite, the benchmark and the scripts use the sandbox through its public doors only (ARCHITECTURE.md).
OUTSIDE = ("contract_tests", "bench", "scripts", "cdp_openapi")
INTERNALS = (f"{NAME}.app", f"{NAME}.storage")


MODULES = package_modules(PACKAGE)
# `python -m cdp_sandbox` runs the command the moment it is imported; the graph covers it, the import not.
STANDALONE = sorted(m for m in MODULES if m != f"{NAME}.__main__")


def test_the_import_graph_is_read_from_the_source() -> None:
    graph = import_graph(MODULES)
    assert f"{NAME}.messages" in graph[f"{NAME}.app"]
    assert f"{NAME}.faults.core" in graph[f"{NAME}.faults.state"]
    # the catalog's modules, imported by the package in the catalog's order
    assert f"{NAME}.faults.robustness" in graph[f"{NAME}.faults"]
    assert {f"{NAME}.app", f"{NAME}.faults", f"{NAME}.seeds"} <= graph[f"{NAME}.factory"]
    # `from .. import jsonio` loads the submodule, not the package's own names
    assert f"{NAME}.jsonio" in graph[f"{NAME}.faults.core"]
    assert NAME not in graph[f"{NAME}.faults.core"]


def test_no_module_of_the_sandbox_imports_itself_through_others() -> None:
    cycle = find_cycle(import_graph(MODULES))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_layers_point_one_way() -> None:
    """The messages import nothing of the sandbox; the app knows neither faults nor seeds nor the factory; the
    fault layer's vocabulary does not know the faulty app; only the factory (and what stands on it) builds."""
    graph = import_graph(MODULES)
    assert graph[f"{NAME}.messages"] == set()
    below_app = reachable(graph, f"{NAME}.app")
    assert not {m for m in below_app if m.startswith((f"{NAME}.faults", f"{NAME}.seeds", f"{NAME}.factory"))}
    assert f"{NAME}.faults.layer" not in reachable(graph, f"{NAME}.faults.core")
    for module in MODULES:
        if module.startswith(f"{NAME}.faults"):
            assert f"{NAME}.factory" not in reachable(graph, module), module


def test_a_cycle_is_found() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_imports_in_functions_and_for_types_count() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from .app import SandboxApp\n"
        "def f():\n    from . import seeds\n"
    )
    path = PACKAGE / "factory.py"
    found: set[str] = set()
    for node in imports(ast.parse(source)):
        found |= targets(f"{NAME}.factory", path, node, set(MODULES))
    assert found == {f"{NAME}.app", f"{NAME}.seeds"}


def _outside_files() -> list[Path]:
    return [p for top in OUTSIDE for p in sorted((ROOT / top).rglob("*.py"))]


def test_nothing_outside_the_sandbox_imports_its_app_or_store() -> None:
    """The suite, the benchmark and the scripts build sandboxes through `cdp_sandbox.factory` (or the package,
    or the launcher), never from `SandboxApp` and `Store` themselves."""
    known = set(MODULES)
    offenders = []
    for path in _outside_files():
        module = module_name(path, ROOT)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in imports(tree):
            reached = targets(module, path, node, known)
            names = {alias.name for alias in node.names}
            if reached & set(INTERNALS) or (
                isinstance(node, ast.ImportFrom) and node.module == NAME and names & {"SandboxApp", "Store"}
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, f"these import the sandbox's app or store: {offenders}"


@pytest.fixture(scope="module")
def imported_alone() -> dict[str, str]:
    return import_each_alone(STANDALONE, cwd=PACKAGE.parent, preload=third_party(MODULES))


@pytest.mark.parametrize("module", STANDALONE)
def test_each_module_imports_alone_in_a_fresh_interpreter(
    module: str, imported_alone: dict[str, str]
) -> None:
    assert imported_alone[module] == "", imported_alone[module]


def test_an_import_that_only_works_in_one_order_is_found(tmp_path: Path) -> None:
    """`loop.b` imported first fails (it imports `loop.a`, which reads a name `loop.b` has not defined yet);
    `loop.a` first works: the importer must see each module on its own."""
    package = tmp_path / "loop"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from loop.b import B\nA = 1\n")
    (package / "b.py").write_text("import loop.a\nB = 1\n")
    results = import_each_alone(["loop.a", "loop.b"], cwd=tmp_path, preload=["json"])
    assert results["loop.a"] == "", results
    assert "ImportError" in results["loop.b"], results
