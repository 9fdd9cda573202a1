"""Wall time of `scripts/regenerate` and of its drift check, as a user runs them.

The full regeneration writes into a temporary directory with a copy of the version file, so measuring
it can never change the committed client, whatever state the spec is in.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGENERATE = ROOT / "scripts" / "regenerate"


def _timed(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(REGENERATE), *args], cwd=ROOT, check=True, capture_output=True, timeout=300
    )
    return time.perf_counter() - started


def regenerate_seconds() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        version = Path(tmp) / "client-version"
        shutil.copyfile(ROOT / "spec" / "client-version", version)
        return _timed("--output", str(Path(tmp) / "sitecore-cdp-client"), "--version-file", str(version))


def check_seconds() -> float:
    return _timed("--check")
