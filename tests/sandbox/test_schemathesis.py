"""A quick schemathesis 4.32.5 run (all phases, all checks) against a live sandbox: zero failures expected.

The full contract suite lives elsewhere; this keeps the sandbox and the spec from drifting apart. The
only exceptions are in schemathesis.toml beside this file, each with its reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import AUTH, SPEC, LiveServer

CONFIG = Path(__file__).with_name("schemathesis.toml")


def _st() -> list[str]:
    found = shutil.which("st", path=str(Path(sys.executable).parent)) or shutil.which("st")
    if found is None:
        pytest.skip("schemathesis CLI not installed")
    return [found]


def test_schemathesis_finds_no_failure(tmp_path: Path) -> None:
    server = LiveServer()
    try:
        command = [
            *_st(),
            "--config-file",
            str(CONFIG),
            "run",
            str(SPEC),
            "--url",
            server.url,
            "--auth",
            ":".join(AUTH),
            "--phases",
            "examples,coverage,fuzzing,stateful",
            "--max-examples",
            "10",
            "--workers",
            "1",
            "--request-timeout",
            "10",
        ]
        env = {**os.environ, "HYPOTHESIS_STORAGE_DIRECTORY": str(tmp_path / "hypothesis"), "NO_COLOR": "1"}
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=540, env=env, cwd=tmp_path, check=False
        )
    finally:
        server.stop()
    tail = "\n".join(done.stdout.splitlines()[-60:])
    assert done.returncode == 0, f"schemathesis reported failures:\n{tail}\n{done.stderr[-2000:]}"
