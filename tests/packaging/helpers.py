"""Shared by the packaging tests: where the repository is, which uv to use, a clean environment."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def uv() -> str:
    """The uv the nox sessions use: on PATH under `scripts/nox`, else the one in `.venv-nox/`."""
    bindir = "Scripts" if os.name == "nt" else "bin"
    found = shutil.which("uv") or shutil.which("uv", path=str(ROOT / ".venv-nox" / bindir))
    if found is None:
        pytest.fail("uv is needed to build and install the kit; run the tests through `python3 scripts/nox`")
    return found


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without this venv, the repository on the path, or any target or pytest settings."""
    drop = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTEST_ADDOPTS", "PYTEST_PLUGINS", "UV_PROJECT")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in drop and not k.startswith(("SITECORE_CDP_", "CDP_SANDBOX_", "CONTRACT_"))
    }
    return {**env, **extra}


def run(argv: list[str | Path], *, cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run a command in the clean environment, capturing its output."""
    return subprocess.run(
        [str(a) for a in argv],
        cwd=cwd,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    """The output of a command that must have succeeded (its tail is shown when it did not)."""
    assert result.returncode == 0, (
        f"{result.args}: exit {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result.stdout
