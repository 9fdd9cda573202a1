"""The suite's modules import each other without a cycle, and each imports on its own in a fresh interpreter.

A cycle works until someone imports the modules in another order; reading the import graph from the source
catches one as soon as it is written. Imports under `if TYPE_CHECKING:` never run, but a cycle through one still
ties the modules together (a check typed against the whole run assembler): they count too.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import contract_tests

PACKAGE = Path(contract_tests.__file__).resolve().parent
ROOT = PACKAGE.parent
NAME = PACKAGE.name


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
# The suite's own test modules need a run the moment they are imported; the graph covers them, the import not.
STANDALONE = sorted(m for m in MODULES if not m.startswith(f"{NAME}.suite.test_"))


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, *, type_only: bool) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement (in any function too); those under `if TYPE_CHECKING:` only with `type_only`."""
    found: list[ast.Import | ast.ImportFrom] = []
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node) and not type_only:
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return found


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The modules of this package an import statement loads."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in MODULES}
    if node.level:
        package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{node.module}" if node.module else package
    else:
        base = node.module or ""
    found = {base} if base in MODULES else set()
    found |= {f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES}
    return found


def import_graph(*, type_only: bool = True) -> dict[str, set[str]]:
    """module -> the package modules it imports (when it runs, and for types unless `type_only` is False)."""
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        edges: set[str] = set()
        for node in _imports(tree, type_only=type_only):
            edges |= _targets(module, node)
        graph[module] = edges - {module}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (its modules in order, the first repeated at the end), or None."""
    done: set[str] = set()
    path: list[str] = []
    on_path: set[str] = set()

    def visit(module: str) -> list[str] | None:
        path.append(module)
        on_path.add(module)
        for nxt in sorted(graph.get(module, ())):
            if nxt in on_path:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in done:
                cycle = visit(nxt)
                if cycle is not None:
                    return cycle
        path.pop()
        on_path.discard(module)
        done.add(module)
        return None

    for module in sorted(graph):
        if module not in done:
            cycle = visit(module)
            if cycle is not None:
                return cycle
    return None


def test_the_import_graph_is_read_from_the_source() -> None:
    graph = import_graph()
    assert f"{NAME}.run_view" in graph[f"{NAME}.checks.exchange"]
    assert f"{NAME}.results" in graph[f"{NAME}.context"]
    assert f"{NAME}.probes" in graph[f"{NAME}.run_view"]  # a TYPE_CHECKING import
    assert f"{NAME}.probes" not in import_graph(type_only=False)[f"{NAME}.run_view"]


def test_no_module_of_the_suite_imports_itself_through_others() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_checks_and_hooks_do_not_depend_on_the_run_assembler() -> None:
    graph = import_graph()
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
            assert f"{NAME}.context" not in _reachable(graph, module), module


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    stack = [start]
    while stack:
        for nxt in graph.get(stack.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def test_a_cycle_is_found() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


@pytest.mark.parametrize("module", STANDALONE)
def test_each_module_imports_alone_in_a_fresh_interpreter(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
