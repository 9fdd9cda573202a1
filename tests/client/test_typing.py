"""mypy --strict over the generated package and the typed usage file, and the usage run for real."""

from __future__ import annotations

import asyncio
import importlib.util
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
GENERATED = HERE.parents[1] / "generated" / "sitecore-cdp-client"


def _usage() -> ModuleType:
    spec = importlib.util.spec_from_file_location("typed_usage", HERE / "typed_usage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_mypy_strict_generated_package_and_usage(tmp_path: Path) -> None:
    """A regeneration that breaks typing, or breaks code written against the client, fails here."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(GENERATED / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            "sitecore_cdp_client",
            str(HERE / "typed_usage.py"),
        ],
        cwd=GENERATED,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_usage_runs_against_fake_api(make_cdp: Any, fake: Any) -> None:
    usage = _usage()
    fake.add_orders(3, guest_ref="g1")
    with make_cdp() as cdp:
        seen = usage.v21_lifecycle(cdp, "g1")
        assert "404 Resource not found" in seen
        assert "CONFIRMED" in seen
        assert "deleted ['deleted', 'ref']" in seen  # the fake's delete answers 200 with a JSON body
        legacy = usage.legacy_lifecycle(cdp, "g1")
        assert len(legacy) >= 4
    assert usage.construction()[:2] == ["https://api-engage-eu.sitecorecloud.io", "http://127.0.0.1:8000"]


def test_failures_and_old_names_run_against_fake_api(make_cdp: Any, fake: Any) -> None:
    usage = _usage()
    with make_cdp(retry=False) as cdp:
        seen = usage.failures(cdp)
        assert seen[:2] == ["status 404", "invalid OrderCreate.stauts"] and seen[2].startswith("raw 404 ")
        with pytest.warns(DeprecationWarning):
            refs = usage.deprecated_names(cdp, "g1")
    assert len(refs) >= 2


def test_async_usage_runs_against_fake_api(make_cdp: Any, fake: Any) -> None:
    usage = _usage()
    fake.add_orders(2, guest_ref="g2")

    async def run() -> list[str]:
        async with make_cdp(asynchronous=True) as cdp:
            result: list[str] = await usage.async_usage(cdp, "g2")
            return result

    refs = asyncio.run(run())
    assert len(refs) == 4  # the retrieved order, then the created one and the two seeded ones


def test_readme_examples_type_check(tmp_path: Path) -> None:
    """Each Python block of the package README, on its own in a function, passes mypy --strict."""
    readme = (GENERATED / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert len(blocks) >= 4
    lines = ["from __future__ import annotations", ""]
    for index, block in enumerate(blocks):
        lines += [f"async def _readme_block_{index}() -> None:", textwrap.indent(block, "    ")]
    target = tmp_path / "readme_examples.py"
    target.write_text("\n".join(lines), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), str(target)],
        cwd=GENERATED,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_round_trip_and_sandbox_client_usage_run() -> None:
    """typed_usage's newer functions run too: the sandbox's `client()` (typed SitecoreCDP) builds a client.

    (`round_trip` needs a server with item lists: test_round_trips.py runs it against the sandbox.)"""
    launcher = pytest.importorskip("cdp_sandbox.launcher")
    usage = _usage()
    sandbox = launcher.Sandbox(process=None, base_url="http://127.0.0.1:9")
    with usage.sandbox_client(sandbox) as cdp:
        assert cdp.base_url == "http://127.0.0.1:9"
        assert type(cdp).__name__ == "SitecoreCDP"
