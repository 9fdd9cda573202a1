"""The prose a contributor reads names only real things: every nox session it names exists in noxfile.py, every
session noxfile.py defines is in the README's table of sessions, and every repository path it names exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from contract_tests.checks import CUSTOM_CHECKS

ROOT = Path(__file__).resolve().parents[2]
DOCS = ("README.md", "CONTRIBUTING.md", "ARCHITECTURE.md")
SESSION = re.compile(r"nox -s ([A-Za-z0-9_-]+)")
SESSION_ROW = re.compile(r"^\| `([a-z_]+)` \|", re.MULTILINE)
LINK = re.compile(r"\]\(([^)\s]+)\)")
CODE = re.compile(r"`([^`\s]+)`")
PATHLIKE = re.compile(r"^\.?[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)*/?$")
# Paths a run writes (never committed) and places outside this repository may be named without existing here.
NOT_IN_THE_REPOSITORY = ("reports/", "dist/", "bench/results.json", ".venv-nox/", ".nox/", "../")
FILE_SUFFIXES = (".md", ".py", ".toml", ".yaml", ".yml", ".json", ".txt", ".ini")
IN_A_USERS_REPOSITORY = {
    ".github/workflows/cdp-conformance.yml"
}  # where README says to copy the example workflow


def nox_sessions() -> set[str]:
    """The sessions noxfile.py defines, read from its source: `@nox.session` functions (or their `name=`)."""
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            target = call.func if call is not None else decorator
            if isinstance(target, ast.Attribute) and target.attr == "session":
                named = [
                    k.value.value
                    for k in (call.keywords if call is not None else [])
                    if k.arg == "name" and isinstance(k.value, ast.Constant)
                ]
                names.add(str(named[0]) if named else node.name)
    return names


def _text(doc: str) -> str:
    return (ROOT / doc).read_text(encoding="utf-8")


def named_paths(text: str) -> set[str]:
    """Relative link targets, and code spans that look like paths with a folder in them (`a/b`, `a/`), anchors
    dropped. A bare file name (`conformance.toml`) may name a file in any folder, so it is not judged."""
    found = {m for m in LINK.findall(text) if not m.startswith(("http:", "https:", "#", "mailto:"))}
    for span in CODE.findall(text):
        # `application/json` is a media type, `docs/x.md` a path: a folder of the repository or a file suffix
        if "/" in span and ((ROOT / span.split("/", 1)[0]).exists() or span.endswith(FILE_SUFFIXES)):
            found.add(span)
    paths = set()
    for raw in found:
        path = raw.split("#", 1)[0]
        if not path or not PATHLIKE.match(path) or path.startswith(NOT_IN_THE_REPOSITORY):
            continue
        if path not in IN_A_USERS_REPOSITORY:
            paths.add(path)
    return paths


def test_the_sessions_are_read_from_the_noxfile() -> None:
    assert {"lint", "tests", "conformance", "mutation", "bench"} <= nox_sessions()


@pytest.mark.parametrize("doc", DOCS)
def test_every_session_a_doc_names_exists(doc: str) -> None:
    unknown = sorted(set(SESSION.findall(_text(doc))) - nox_sessions())
    assert not unknown, f"{doc} names nox sessions that noxfile.py does not define: {unknown}"


def test_the_readme_table_of_sessions_lists_every_session() -> None:
    text = _text("README.md")
    table = text.split("<!-- sessions:begin -->", 1)[1].split("<!-- sessions:end -->", 1)[0]
    assert sorted(SESSION_ROW.findall(table)) == sorted(nox_sessions()), (
        "README's sessions table (session, what, typical time) must list exactly noxfile.py's sessions"
    )


@pytest.mark.parametrize("doc", DOCS)
def test_every_path_a_doc_names_exists(doc: str) -> None:
    missing = sorted(p for p in named_paths(_text(doc)) if not (ROOT / p).exists())
    assert not missing, f"{doc} names paths that do not exist: {missing}"


def test_paths_are_found_in_links_and_code_spans() -> None:
    text = "[the spec](spec/openapi.yaml#x), [top](README.md), `contract_tests/checks/`, `noxfile.py`, `reports/x.json`"
    assert named_paths(text + ", `a / b`, `GET /v2.1/orders`, `application/json`, `nowhere/x.md`") == {
        "nowhere/x.md",
        "spec/openapi.yaml",
        "README.md",
        "contract_tests/checks/",
    }


def test_the_readme_names_every_targeted_check() -> None:
    """README's "What is checked" lists the kit's own checks by name: a new one is named there too."""
    readme = _text("README.md")
    missing = [name for name in CUSTOM_CHECKS if f"`{name}`" not in readme]
    assert not missing, f"README.md does not name these targeted checks: {missing}"
