"""The JUnit report says how many slow tests ran (CI refuses a run without them), in one process and with
pytest-xdist workers alike (`nox -s tests` runs `-n auto`: there the workers collect, not the controller)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TESTS = """
import pytest

def test_fast() -> None:
    assert True

@pytest.mark.slow
def test_slow() -> None:
    assert True
"""


def run(tmp_path: Path, *args: str) -> tuple[str, str]:
    """pytest on a two-test folder with the project's conftest: (the slow_tests property, the output)."""
    tmp_path.mkdir()
    shutil.copy(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_two.py").write_text(TESTS)
    (tmp_path / "pytest.ini").write_text("[pytest]\nmarkers =\n    slow: a slow test\n")
    report = tmp_path / "junit.xml"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", f"--junitxml={report}", "-p", "no:cacheprovider", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    values = [
        p.get("value") for p in ET.parse(report).getroot().iter("property") if p.get("name") == "slow_tests"
    ]
    assert len(values) == 1, values
    return str(values[0]), done.stdout


@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["one-process", "xdist"])
def test_the_report_counts_the_slow_tests_that_ran(tmp_path: Path, workers: list[str]) -> None:
    fast, output = run(tmp_path / "fast", *workers)
    assert fast == "0" and "1 slow tests deselected" in output
    everything, _ = run(tmp_path / "all", *workers, "--slow")
    assert everything == "1"
