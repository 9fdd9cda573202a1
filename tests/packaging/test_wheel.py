"""What the wheel carries: the spec, conformance.toml, the suite's modules and pytest.ini, the two commands, and
a declared range (no exact pin) for every third-party module the sandbox and the suite import."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
import zipfile
from email.parser import Parser
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from contract_tests import runner
from tests.packaging.helpers import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SHIPPED = (
    "cdp_sandbox/openapi.yaml",
    "cdp_sandbox/cli.py",
    "cdp_openapi/refs.py",
    "contract_tests/conformance.toml",
    "contract_tests/cli.py",
    "contract_tests/runner.py",
    "contract_tests/suite/__init__.py",
    "contract_tests/suite/conftest.py",
    "contract_tests/suite/pytest.ini",
    "contract_tests/suite/test_1_stateless.py",
    "contract_tests/suite/test_2_workflows.py",
    "contract_tests/suite/test_3_stateful.py",
)


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def _dist_info(wheel: Path, name: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        (member,) = [n for n in archive.namelist() if n.endswith(f".dist-info/{name}")]
        return archive.read(member).decode("utf-8")


def _requirements(wheel: Path) -> list[Requirement]:
    message = Parser().parsestr(_dist_info(wheel, "METADATA"))
    return [Requirement(r) for r in message.get_all("Requires-Dist") or []]


def test_wheel_ships_the_spec_the_config_and_the_suite(kit_wheel: Path) -> None:
    names = _names(kit_wheel)
    assert sorted(set(SHIPPED) - names) == []
    repo_suite = {f"contract_tests/suite/{p.name}" for p in (ROOT / "contract_tests" / "suite").iterdir()}
    assert sorted({n for n in repo_suite if not n.endswith("__pycache__")} - names) == []
    with zipfile.ZipFile(kit_wheel) as archive:
        assert archive.read("cdp_sandbox/openapi.yaml") == (ROOT / "spec" / "openapi.yaml").read_bytes()
        assert (
            archive.read("contract_tests/conformance.toml")
            == (ROOT / "contract_tests" / "conformance.toml").read_bytes()
        )
    assert not [n for n in names if "__pycache__" in n or n.startswith(("tests/", "spec/", "sandbox/"))]


def test_wheel_declares_both_commands_and_its_version(kit_wheel: Path) -> None:
    entry_points = _dist_info(kit_wheel, "entry_points.txt")
    assert re.search(r"^cdp-conformance = contract_tests\.cli:main$", entry_points, re.M)
    assert re.search(r"^cdp-sandbox = cdp_sandbox\.cli:main$", entry_points, re.M)
    version = Parser().parsestr(_dist_info(kit_wheel, "METADATA"))["Version"]
    assert version == PYPROJECT["project"]["version"]


def test_runtime_dependencies_are_ranges_that_admit_the_pinned_versions(kit_wheel: Path) -> None:
    requirements = [r for r in _requirements(kit_wheel) if r.marker is None]
    assert requirements, "the wheel declares no dependency"
    pins = {canonicalize_name(r.name): r for r in map(Requirement, PYPROJECT["dependency-groups"]["runtime"])}
    for req in requirements:
        assert not any(s.operator in ("==", "===") for s in req.specifier), f"{req} is an exact pin"
        assert any(s.operator == "<" for s in req.specifier), f"{req} has no upper bound"
        pin = pins.get(canonicalize_name(req.name))
        assert pin is not None, f"{req.name} has no exact pin in the `runtime` group"
        (exact,) = [s.version for s in pin.specifier]
        assert req.specifier.contains(exact), f"{req} excludes the pinned {pin}"
        assert pin.extras == req.extras, f"{req} and {pin} ask for different extras"
    assert {canonicalize_name(r.name) for r in requirements} == set(pins)


# Imported only inside `try: ... except ImportError` with a sentence saying what to install: not dependencies.
OPTIONAL_IMPORTS = {
    "sitecore_cdp_client"
}  # the generated client, a separate distribution (cdp_sandbox.client())


def _imported(node: ast.AST) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name.split(".")[0] for alias in node.names}
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        return {node.module.split(".")[0]}
    return set()


def _third_party_imports(wheel: Path) -> tuple[set[str], set[str]]:
    """(modules imported unconditionally, modules imported only under `except ImportError`); imports for type
    checkers only are neither."""
    own = {"contract_tests", "cdp_sandbox", "cdp_openapi", "__future__"}
    found: set[str] = set()
    optional: set[str] = set()
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if not name.endswith(".py"):
                continue
            tree = ast.parse(archive.read(name), filename=name)
            guarded = {
                id(inner)
                for node in ast.walk(tree)
                if isinstance(node, ast.Try)
                and any(
                    isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
                    for h in node.handlers
                )
                for stmt in node.body
                for inner in ast.walk(stmt)
            }
            typing_only = {  # `if TYPE_CHECKING:` imports never run: no dependency
                id(inner)
                for node in ast.walk(tree)
                if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
                for stmt in node.body
                for inner in ast.walk(stmt)
            }
            for node in ast.walk(tree):
                if id(node) not in typing_only:
                    (optional if id(node) in guarded else found).update(_imported(node))
    third = {m for m in found | optional if m not in own and m not in sys.stdlib_module_names}
    return {m for m in found if m in third}, {m for m in optional - found if m in third}


def test_every_imported_third_party_module_is_a_declared_dependency(kit_wheel: Path) -> None:
    declared = {canonicalize_name(r.name) for r in _requirements(kit_wheel) if r.marker is None}
    providers = metadata.packages_distributions()
    imports, optional = _third_party_imports(kit_wheel)
    assert optional == OPTIONAL_IMPORTS, (
        "a new optional import: say in OPTIONAL_IMPORTS why it is not a dependency"
    )
    assert {"schemathesis", "pytest", "hypothesis", "requests", "idna", "yaml", "uvicorn"} <= imports
    undeclared = {
        module: providers.get(module)
        for module in imports
        if not {canonicalize_name(d) for d in providers.get(module, [])} & declared
    }
    assert undeclared == {}


def test_the_command_line_names_itself_and_writes_reports_to_the_current_folder(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = runner.build_parser("cdp-conformance")
    assert parser.parse_args(["run"]).reports == Path("reports")
    with pytest.raises(SystemExit) as stop:
        parser.parse_args(["--version"])
    assert stop.value.code == 0
    assert (
        capsys.readouterr().out.strip() == f"cdp-conformance {metadata.version('sitecore-cdp-contract-kit')}"
    )
