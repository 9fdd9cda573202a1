"""The wheel installed, not editable and with no extras, into a fresh virtualenv (dependencies from PyPI): the
`cdp-conformance` command runs the suite from a folder outside the repository against the sandbox it starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from contract_tests import targets
from tests.packaging.helpers import ROOT, ok, run, uv

BIN = "Scripts" if os.name == "nt" else "bin"


@pytest.fixture(scope="module")
def venv(kit_wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with the kit's wheel installed (dependencies from PyPI)."""
    place = tmp_path_factory.mktemp("installed")
    venv = place / "venv"
    ok(run([uv(), "venv", "--python", sys.executable, venv], cwd=place, timeout=120))
    ok(run([uv(), "pip", "install", "--python", venv / BIN / "python", kit_wheel], cwd=place, timeout=600))
    return venv


@pytest.mark.slow
def test_installed_kit_runs_the_workflows_against_its_sandbox_from_another_folder(
    venv: Path, kit_wheel: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    python = venv / BIN / "python"

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


@pytest.mark.slow
def test_installed_kit_lives_with_a_known_deviation_in_an_empty_folder(venv: Path, tmp_path: Path) -> None:
    """README's CI workflow with the installed command only, in an empty folder: --baseline-update accepts a
    deviation, the next run with --baseline exits 0 and names it known, a new deviation exits 1, the fixed target
    leaves the entry stale (exit 0); every run leaves the HTML report and the reproducers."""
    empty = tmp_path / "empty"
    empty.mkdir()
    command = venv / BIN / "cdp-conformance"

    def conformance(fault: str | None, *flags: str) -> tuple[int, str]:
        extra = ("--fault", fault) if fault else ()
        with targets.sandbox_server(extra_args=extra, probe_ready=fault is None) as sandbox:
            env = {
                **os.environ,
                "SITECORE_CDP_CLIENT_KEY": sandbox.client_key,
                "SITECORE_CDP_API_TOKEN": sandbox.api_token,
            }
            argv = [str(command), "run", "--base-url", sandbox.base_url, "--target-kind", "sandbox"]
            argv += ["--phases", "examples,workflows", "--baseline", "conformance-baseline.yaml", *flags]
            done = subprocess.run(
                argv, cwd=empty, env=env, capture_output=True, text=True, timeout=600, check=False
            )
        for name in ("conformance-report.html", "test_conformance_deviations.py"):
            assert (empty / "reports" / name).is_file(), name
        return done.returncode, done.stdout + done.stderr

    code, out = conformance("create-answers-200", "--baseline-update")
    assert code == 0 and (empty / "conformance-baseline.yaml").is_file(), out[-3000:]
    code, out = conformance("create-answers-200")
    assert code == 0 and "[KNOWN (baseline)]" in out and "1 known, 0 new" in out, out[-3000:]
    code, out = conformance("order-ref-missing")
    assert code == 1 and "[NEW]" in out, out[-3000:]
    code, out = conformance(None)
    assert code == 0 and "1 stale" in out, out[-3000:]
