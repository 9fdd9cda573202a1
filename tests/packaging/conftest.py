"""The kit's wheel, built once per session from the working tree (as `pip install <repo or git URL>` builds it)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.packaging.helpers import ROOT, clean_env, uv


@pytest.fixture(scope="session")
def kit_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`uv build --wheel` of the repository (the noxfile's builder), straight from the source tree like pip."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [uv(), "build", "--wheel", "--out-dir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        cwd=out,
        env=clean_env(),
        timeout=300,
    )
    (wheel,) = out.glob("sitecore_cdp_contract_kit-*.whl")
    return wheel
