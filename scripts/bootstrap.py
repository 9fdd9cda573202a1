#!/usr/bin/env python3
"""Run nox from a fresh machine that has only Python 3.11+: the code of the `scripts/nox` command.

The first call creates .venv-nox/ with the pinned nox and uv, later calls reuse it; every argument is
passed to nox unchanged (`scripts/nox -s tests`). Standard library only: it runs before anything is installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

NOX = "nox==2026.10.20"
UV = "uv==0.13.9"
ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / ".venv-nox"


def main(argv: list[str] | None = None) -> int:
    """Create or reuse .venv-nox/, then run its nox with `argv` (default: the command line); nox's exit code."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be started by an older Python
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    bindir = TOOLS / ("Scripts" if os.name == "nt" else "bin")
    stamp = TOOLS / "pins.txt"
    if not stamp.exists() or stamp.read_text() != f"{NOX} {UV}\n":
        venv.create(TOOLS, with_pip=True, clear=True)
        subprocess.run([bindir / "python", "-m", "pip", "install", "-q", NOX, UV], check=True)
        stamp.write_text(f"{NOX} {UV}\n")
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"}
    os.chdir(ROOT)
    return subprocess.call([bindir / "nox", *(sys.argv[1:] if argv is None else argv)], env=env)


if __name__ == "__main__":
    raise SystemExit(main())
