"""scripts/regenerate (the module scripts/regenerate.py): pins, drift check, version bumps and the tree comparison."""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from scripts import regenerate as regen
from scripts import spec_changes

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "regenerate"
SPEC = ROOT / "spec" / "openapi.yaml"
GENERATED = ROOT / "generated" / "sitecore-cdp-client"


# The drift check in CI is `nox -s generate -- --check`; these run too when the test environment
# has the `generate` dependency group.
needs_generator = pytest.mark.skipif(
    importlib.util.find_spec("openapi_python_client") is None,
    reason="openapi-python-client is not installed (install the `generate` dependency group)",
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False, cwd=ROOT
    )


def test_script_pins_match_the_generate_dependency_group() -> None:
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["dependency-groups"]
    assert f"openapi-python-client=={regen.GENERATOR_VERSION}" in groups["generate"]
    assert f"ruff=={regen.RUFF_VERSION}" in groups["generate"]


@needs_generator
def test_committed_client_matches_the_spec() -> None:
    """The drift check CI runs: fails naming files when someone edits the spec and forgets."""
    result = run("--check")
    assert result.returncode == 0, result.stderr
    recorded = (GENERATED / "sitecore_cdp_client" / "_spec.py").read_text(encoding="utf-8")
    assert hashlib.sha256(SPEC.read_bytes()).hexdigest() in recorded


@needs_generator
def test_check_fails_naming_files_when_the_spec_changes(tmp_path: Path) -> None:
    doc = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    order = doc["components"]["schemas"]["Order"]
    order["properties"]["loyaltyTier"] = {"type": "string", "description": "added without regenerating"}
    mutated = tmp_path / "openapi.yaml"
    mutated.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    result = run("--check", "--spec", str(mutated))
    assert result.returncode == 1
    assert "is stale" in result.stderr
    assert "differs:  sitecore_cdp_client/models/order.py" in result.stderr
    assert "differs:  sitecore_cdp_client/_spec.py" in result.stderr
    assert not any(tmp_path.glob("cdp-regenerate-*"))


@needs_generator
def test_regenerate_bumps_the_version_on_a_breaking_change(tmp_path: Path) -> None:
    """Regenerating into a copy of the committed tree: breaking spec change -> new version everywhere."""
    doc = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    del doc["paths"]["/v2.1/orders"]["get"]  # remove listOrders
    mutated = tmp_path / "openapi.yaml"
    mutated.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    output = tmp_path / "sitecore-cdp-client"
    shutil.copytree(GENERATED, output, ignore=shutil.ignore_patterns("__pycache__"))
    version_file = tmp_path / "client-version"
    current = (ROOT / "spec" / "client-version").read_text(encoding="utf-8").strip()
    version_file.write_text(current + "\n", encoding="utf-8")

    result = run("--spec", str(mutated), "--output", str(output), "--version-file", str(version_file))
    assert result.returncode == 0, result.stderr
    new = version_file.read_text(encoding="utf-8").strip()
    assert new != current
    if "no commit has the spec" not in result.stdout:  # full history: the report decides
        assert "BREAKING" in result.stdout
        assert "listOrders" in result.stdout
        assert new == spec_changes.bump_version(current, "major")
        # The new version's changelog entry, from the same report, kept beside the version file and shipped.
        kept = (tmp_path / "client-changelog.md").read_text(encoding="utf-8")
        assert kept == (output / "CHANGELOG.md").read_text(encoding="utf-8")
        entry = kept.split(f"## {new} (", 1)[1].split("\n## ", 1)[0]
        assert "### Breaking" in entry
        assert "- `orders.list()` (API `listOrders`, `GET /v2.1/orders`): method removed" in entry
        # The report it printed says the bump it applied.
        assert f"Version: {current} -> {new}" in result.stdout
        assert "Implied bump: minor (" in result.stdout or not current.startswith("0.")
    assert f'__version__ = "{new}"' in (output / "sitecore_cdp_client" / "_spec.py").read_text()
    assert f'version = "{new}"' in (output / "pyproject.toml").read_text()
    assert "removed: sitecore_cdp_client/api/orders_v_2_1/list_orders.py" in result.stdout
    assert not list(output.rglob(".ruff_cache"))


def test_compare_trees_names_every_difference(tmp_path: Path) -> None:
    fresh, committed = tmp_path / "fresh", tmp_path / "committed"
    for tree in (fresh, committed):
        (tree / "pkg").mkdir(parents=True)
        (tree / "pkg" / "same.py").write_text("x = 1\n")
    (fresh / "pkg" / "changed.py").write_text("a = 1\n")
    (committed / "pkg" / "changed.py").write_text("a = 2\n")
    (fresh / "pkg" / "new.py").write_text("")
    (committed / "pkg" / "old.py").write_text("")
    (committed / "pkg" / "__pycache__").mkdir()
    (committed / "pkg" / "__pycache__" / "same.cpython-311.pyc").write_bytes(b"\0")
    assert regen.compare_trees(fresh, committed) == [
        "missing:  pkg/new.py",
        "extra:    pkg/old.py",
        "differs:  pkg/changed.py",
    ]


@needs_generator
def test_unknown_config_keys_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "openapi-python-client.yaml"
    config.write_text("project_name_override: x\npost_hook:\n  - ruff format .\n")
    monkeypatch.setattr(regen, "CONFIG", config)
    with pytest.raises(regen.RegenerateError, match=r"unknown keys \['post_hook'\]"):
        regen._load_config("0.1.0")


@needs_generator
def test_the_config_has_only_known_keys() -> None:
    config = regen._load_config("9.9.9")
    assert config["package_version_override"] == "9.9.9"
    assert config["project_name_override"] == "sitecore-cdp-client"
    assert config["package_name_override"] == "sitecore_cdp_client"


def test_wrong_ruff_version_fails_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_ruff = tmp_path / "ruff"
    fake_ruff.write_text("#!/bin/sh\necho 'ruff 0.16.9'\n")
    fake_ruff.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    with pytest.raises(regen.RegenerateError, match=r"ruff 0\.16\.9, need ruff 0\.17\.0 exactly"):
        regen._find_ruff()


def test_query_rules_come_from_the_spec_by_function_name() -> None:
    rules = regen.query_rules(yaml.safe_load(SPEC.read_text(encoding="utf-8")))
    assert rules["list_orders"][0] == {"rule": "exactly-one", "params": ["referenceId", "guestRef"]}
    assert rules["legacy_list_orders"] == [{"rule": "at-least-one", "params": ["referenceId", "guestRef"]}]


@pytest.mark.parametrize(
    "rule",
    [
        {"rule": "one-of", "params": ["a", "b"]},  # not in the vocabulary
        {"rule": "exactly-one"},  # its keys missing
        {"rule": "requires", "param": "sort", "value": True, "requires": "guestRef"},  # not a string
        "exactly-one",
    ],
)
def test_a_malformed_query_rule_is_refused_naming_the_operation(rule: object) -> None:
    doc = {"paths": {"/x": {"get": {"operationId": "listThings", "x-query-rules": [rule]}}}}
    with pytest.raises(regen.RegenerateError, match="listThings: x-query-rules entry"):
        regen.query_rules(doc)


def test_every_query_rule_reaches_the_endpoint_that_checks_it() -> None:
    """regenerate keys the rules by the generated function's name; an endpoint whose name differs would silently
    go unchecked, so each key must be a name some endpoint module passes to _query_rules.check."""
    rules = regen.query_rules(yaml.safe_load(SPEC.read_text(encoding="utf-8")))
    api = ROOT / "generated" / "sitecore-cdp-client" / "sitecore_cdp_client" / "api"
    checked = {
        line.split('"')[1]
        for module in api.rglob("*.py")
        for line in module.read_text(encoding="utf-8").splitlines()
        if "_query_rules.check(" in line
    }
    assert rules and set(rules) <= checked


# -- the version regenerate sets is the one its report prints; --strict and stale provenance (issue 22) -----


def _committed_client(tmp_path: Path, version: str) -> tuple[Path, bytes]:
    """An output tree whose _spec.py records HEAD's spec at `version` (what a committed client records), and
    HEAD's spec."""
    head = subprocess.run(
        ["git", "show", f"HEAD:{spec_changes.SPEC_RELPATH}"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    package = tmp_path / "client" / regen.PACKAGE
    package.mkdir(parents=True)
    sha = hashlib.sha256(head).hexdigest()
    (package / "_spec.py").write_text(f'__version__ = "{version}"\nSPEC_SHA256 = "{sha}"\n', encoding="utf-8")
    return tmp_path / "client", head


def _documented_change(spec: bytes, notes: bool = False) -> bytes:
    doc = yaml.safe_load(spec)
    doc["components"]["schemas"]["Order"]["properties"]["loyaltyTier"] = {"type": "string"}
    list_orders = doc["paths"]["/v2.1/orders"]["get"]
    list_orders["parameters"].append({"name": "status", "in": "query", "schema": {"type": "string"}})
    if notes:
        for item in doc["paths"].values():
            for op in item.values():
                if isinstance(op, dict) and "x-doc-notes" in op:
                    op["x-doc-notes"] += " Compared on 2027-01-04: loyaltyTier and status documented."
    return yaml.safe_dump(doc, sort_keys=False).encode()


def test_the_version_set_is_the_one_the_report_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output, head = _committed_client(tmp_path, "0.4.1")
    version_file = tmp_path / "client-version"
    version_file.write_text("0.4.1\n", encoding="utf-8")
    version, report = regen._decide_version(_documented_change(head), version_file, output, announce=True)
    out = capsys.readouterr().out
    if report is None:
        pytest.skip("no commit has HEAD's spec (a shallow checkout)")
    assert version == "0.4.2"
    assert "Implied bump: patch (0 breaking, 2 total; 0.x: a compatible change bumps the patch)" in out
    assert "Version: 0.4.1 -> 0.4.2" in out
    assert "WARNING  operation listOrders (GET /v2.1/orders) changed" in out
    # A version changed by hand since is kept, and the report says so.
    version_file.write_text("0.6.0\n", encoding="utf-8")
    kept, report = regen._decide_version(_documented_change(head), version_file, output, announce=True)
    assert kept == "0.6.0" and report is not None
    assert "Version: 0.4.1 -> 0.6.0" in capsys.readouterr().out


def test_strict_refuses_a_change_whose_provenance_is_stale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output, head = _committed_client(tmp_path, "0.4.1")
    version_file = tmp_path / "client-version"
    version_file.write_text("0.4.1\n", encoding="utf-8")
    if spec_changes.find_revision(hashlib.sha256(head).hexdigest()) is None:
        pytest.skip("no commit has HEAD's spec (a shallow checkout)")
    with pytest.raises(
        regen.RegenerateError, match=r"5 changed operations kept their provenance \(--strict\)"
    ):
        regen._decide_version(_documented_change(head), version_file, output, announce=False, strict=True)
    assert "ERROR  operation retrieveOrder (GET /v2.1/orders/{orderRef}) changed" in capsys.readouterr().err
    version, _ = regen._decide_version(
        _documented_change(head, notes=True), version_file, output, announce=False, strict=True
    )
    assert version == "0.4.2"
