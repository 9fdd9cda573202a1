"""No hand-written Python module grows past 800 lines: past that, a module has several jobs and should be split.

Hand-written means every Python file of the repository except the generated client: the packages, the scripts
(with or without a .py suffix), the benchmarks, the client's templates and the tests themselves.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 800
GENERATED = ("generated/",)


def hand_written_modules() -> list[Path]:
    """Python files tracked or new (not ignored), by suffix or by a python shebang, outside generated/."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    found = []
    for name in listed:
        path = ROOT / name
        if name.startswith(GENERATED) or not path.is_file():
            continue
        if name.endswith(".py") or (
            "." not in path.name and path.read_bytes()[:64].startswith(b"#!/usr/bin/env python")
        ):
            found.append(path)
    return sorted(found)


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_the_modules_are_found() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in hand_written_modules()}
    assert {
        "noxfile.py",
        "scripts/regenerate",
        "contract_tests/runner.py",
        "tests/house/test_module_size.py",
    } <= names
    assert not any(n.startswith("generated/") for n in names)


def test_no_hand_written_module_is_over_800_lines() -> None:
    over = {p.relative_to(ROOT).as_posix(): n for p in hand_written_modules() if (n := _lines(p)) > LIMIT}
    assert not over, f"split these modules (at most {LIMIT} lines each): {over}"
