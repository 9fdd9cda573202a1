"""The wheel installed, not editable and with no extras, into a fresh virtualenv (dependencies from PyPI): the
`cdp-conformance` command runs the suite from a folder outside the repository against the sandbox it starts."""

from __future__ import annotations

import json
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.packaging.helpers import ROOT, ok, run, uv

BIN = "Scripts" if os.name == "nt" else "bin"


@pytest.mark.slow
def test_installed_kit_runs_the_workflows_against_its_sandbox_from_another_folder(
    kit_wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    ok(run([uv(), "venv", "--python", sys.executable, venv], cwd=tmp_path, timeout=120))
    python = venv / BIN / "python"
    ok(run([uv(), "pip", "install", "--python", python, kit_wheel], cwd=tmp_path, timeout=600))

    # The installed packages, not the checkout, answer: nothing of the repository is on the path.
    where = json.loads(
        ok(
            run(
                [
                    python,
                    "-c",
                    "import json, contract_tests, cdp_sandbox; "
                    "print(json.dumps([contract_tests.__file__, cdp_sandbox.__file__]))",
                ],
                cwd=elsewhere,
                timeout=60,
            )
        )
    )
    for path in map(Path, where):
        assert path.is_relative_to(venv), path
        assert not path.is_relative_to(ROOT), path

    command = venv / BIN / "cdp-conformance"
    version = ok(run([command, "--version"], cwd=elsewhere, timeout=60)).strip()
    assert version == f"cdp-conformance {kit_wheel.name.split('-')[1]}"

    reports = tmp_path / "r"
    result = run(
        [command, "run", "--phases", "workflows", "--reports", reports, "-q"], cwd=elsewhere, timeout=900
    )
    ok(result)
    for name in ("conformance-junit.xml", "conformance-report.md", "conformance-summary.json"):
        assert (reports / name).is_file(), f"{name} missing from {sorted(p.name for p in reports.iterdir())}"
    summary = json.loads((reports / "conformance-summary.json").read_text(encoding="utf-8"))
    assert summary["target"].startswith("sandbox started at http://127.0.0.1:"), summary["target"]
    assert summary["target_kind"] == "sandbox"
    assert summary["requests"] > 0
    assert summary["operations_exercised"] > 0
    junit = ET.parse(reports / "conformance-junit.xml").getroot()
    suites = [junit] if junit.tag == "testsuite" else list(junit)
    assert sum(int(s.get("tests", 0)) for s in suites) > 0
    assert sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites) == 0
    assert not (
        elsewhere / "reports"
    ).exists()  # --reports was honoured, nothing landed in the current folder
