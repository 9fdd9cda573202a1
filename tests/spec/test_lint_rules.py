"""The project's Spectral rules catch what they claim to: each planted fault is reported, the spec is clean."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests._spec import ROOT, SPEC_PATH, load_spec

SPECTRAL = ROOT / "tools" / "npm" / "node_modules" / ".bin" / "spectral"
RULESET = ROOT / "spec" / ".spectral.yaml"
pytestmark = pytest.mark.skipif(
    not SPECTRAL.exists(), reason="Spectral not installed: run `npm ci --prefix tools/npm` (nox does it)"
)


def _lint(*spec_files: Path) -> dict[Path, list[str]]:
    """The rule codes Spectral reports for each file, from one run over all of them (a run costs seconds)."""
    result = subprocess.run(
        [
            str(SPECTRAL),
            "lint",
            "--fail-severity=hint",
            "--format=json",
            "-r",
            str(RULESET),
            *map(str, spec_files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    start = result.stdout.find("[")
    assert start >= 0, result.stdout + result.stderr
    found: dict[Path, list[str]] = {Path(f).resolve(): [] for f in spec_files}
    for problem in json.loads(result.stdout[start:]):
        found.setdefault(Path(problem["source"]).resolve(), []).append(str(problem["code"]))
    return found


def _first_op(spec: dict[str, Any], prefix: str) -> dict[str, Any]:
    path = next(p for p in spec["paths"] if p.startswith(prefix) and "post" in spec["paths"][p])
    op: dict[str, Any] = spec["paths"][path]["post"]
    return op


def _drop_source(spec: dict[str, Any]) -> None:
    del _first_op(spec, "/v2.1/")["x-doc-source"]


def _inferred_without_notes(spec: dict[str, Any]) -> None:
    op = _first_op(spec, "/v2.1/")
    op["x-doc-status"] = "inferred"
    op.pop("x-doc-notes", None)


def _drop_401(spec: dict[str, Any]) -> None:
    del _first_op(spec, "/v2/")["responses"]["401"]


def _unmarked_legacy(spec: dict[str, Any]) -> None:
    _first_op(spec, "/v2/")["operationId"] = "createOrderAgain"


def _two_tags(spec: dict[str, Any]) -> None:
    _first_op(spec, "/v2.1/")["tags"] = ["Orders v2.1", "Orders v2 (legacy)"]


def _list_orders_params(spec: dict[str, Any]) -> list[dict[str, Any]]:
    params: list[dict[str, Any]] = spec["paths"]["/v2.1/orders"]["get"]["parameters"]
    return params


def _undeclared_filter(spec: dict[str, Any]) -> None:
    """A documented new filter added without saying what it filters on."""
    _list_orders_params(spec).append({"name": "status", "in": "query", "schema": {"type": "string"}})


def _unknown_match(spec: dict[str, Any]) -> None:
    param = next(p for p in _list_orders_params(spec) if p.get("name") == "referenceId")
    param["x-filter"] = {"field": "referenceId", "match": "fuzzy"}


FAULTS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "missing doc source": (_drop_source, "doc-source"),
    "inferred without notes": (_inferred_without_notes, "doc-status"),
    "401 not documented": (_drop_401, "unauthorized-documented"),
    "legacy op without marker": (_unmarked_legacy, "legacy-operation-ids"),
    "two tags": (_two_tags, "one-tag-per-operation"),
    "list filter without x-filter": (_undeclared_filter, "list-parameters-declare-behaviour"),
    "x-filter with an unknown match": (_unknown_match, "list-parameters-declare-behaviour"),
}


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """fault (or "committed") -> the rules Spectral reports on the spec with that fault planted."""
    folder = tmp_path_factory.mktemp("planted")
    files = {"committed": SPEC_PATH}
    for name, (mutate, _) in FAULTS.items():
        spec = yaml.safe_load(yaml.safe_dump(load_spec()))
        mutate(spec)
        files[name] = folder / f"{len(files)}.yaml"
        files[name].write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    found = _lint(*files.values())
    return {name: found[path.resolve()] for name, path in files.items()}


def test_the_committed_spec_is_clean(reported: dict[str, list[str]]) -> None:
    assert reported["committed"] == []


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_planted_fault_is_reported(fault: str, reported: dict[str, list[str]]) -> None:
    assert FAULTS[fault][1] in reported[fault], reported[fault]
