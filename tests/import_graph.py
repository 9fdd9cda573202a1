"""The import graph of a package read from its source, for the cycle tests of the suite and the sandbox.

Not a test module: tests/contract/test_imports.py and tests/sandbox/test_imports.py use it. An edge is an import
statement anywhere in a module (at module level, inside functions, and, unless asked otherwise, under
`if TYPE_CHECKING:`). `from . import x` of a submodule is an edge to the submodule only; the package a module sits
in is not an edge (Python imports it first whatever the module says).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

# The project's own top-level packages: a fresh import preloads none of them.
FIRST_PARTY = frozenset(
    {
        "bench",
        "cdp_openapi",
        "cdp_sandbox",
        "client_runtime",
        "contract_tests",
        "scripts",
        "sitecore_cdp_client",
        "tests",
    }
)


def module_name(path: Path, root: Path) -> str:
    """`pkg.sub.mod` of a file below `root` (a package's `__init__.py` is the package)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules(package: Path) -> dict[str, Path]:
    """Every module of the package by dotted name."""
    return {module_name(p, package.parent): p for p in sorted(package.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(tree: ast.AST, *, type_only: bool = True) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement of a module; those under `if TYPE_CHECKING:` only with `type_only`."""
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


def targets(module: str, path: Path, node: ast.Import | ast.ImportFrom, known: set[str]) -> set[str]:
    """The modules among `known` an import statement of `module` (the file `path`) loads."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in known}
    if node.level:
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{node.module}" if node.module else package
    else:
        base = node.module or ""
    submodules = {f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in known}
    # A name that is not a submodule is read from the module itself (`from .faults import build`).
    reads_base = base in known and len(submodules) < len(node.names)
    return submodules | ({base} if reads_base else set())


def import_graph(modules: dict[str, Path], *, type_only: bool = True) -> dict[str, set[str]]:
    """module -> the modules of `modules` it imports."""
    known = set(modules)
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        edges: set[str] = set()
        for node in imports(tree, type_only=type_only):
            edges |= targets(module, path, node, known)
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


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    """Every module `start` imports, directly or through others."""
    seen: set[str] = set()
    stack = [start]
    while stack:
        for nxt in graph.get(stack.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def third_party(modules: dict[str, Path], first_party: frozenset[str] = FIRST_PARTY) -> list[str]:
    """The top-level packages the modules import that are not the project's own (what a fresh run preloads)."""
    names: set[str] = set()
    for path in modules.values():
        for node in imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.partition(".")[0] for alias in node.names}
            elif not node.level and node.module:
                names.add(node.module.partition(".")[0])
    return sorted(n for n in names if n not in first_party and n != "__future__")


_IMPORT_EACH = r"""
import importlib, importlib.util, json, os, sys, traceback
preload, modules, first_party = json.loads(sys.argv[1])
for name in preload:
    if importlib.util.find_spec(name) is not None:
        importlib.import_module(name)
leaked = sorted(m for m in sys.modules if m.partition(".")[0] in first_party)
results = {}
for module in modules:
    if leaked:
        results[module] = f"preloading third-party packages imported the project's own {leaked}"
        continue
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            importlib.import_module(module)
            message = b""
        except BaseException:
            message = traceback.format_exc().encode()
        os.write(write, message[-4000:])
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status and not message:
        message = f"the import ended the process (wait status {status})".encode()
    results[module] = message.decode(errors="replace")
print(json.dumps(results))
"""


def import_each_alone(
    modules: list[str], *, cwd: Path, preload: list[str], first_party: frozenset[str] = FIRST_PARTY
) -> dict[str, str]:
    """Import each module first, in a process that has imported nothing of the project: module -> its traceback
    ("" when it imported).

    A fresh interpreter per module would pay for importing schemathesis, Hypothesis and httpx again each time (most
    of a second); one interpreter loads those third-party packages, then forks a child per module, which is just as
    fresh for the project's own modules (a cycle among them shows the same way) at a fraction of the cost.
    """
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_EACH, json.dumps([preload, modules, sorted(first_party)])],
        check=False,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the importer failed: {done.stderr[-2000:]}")
    results: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
    return results
