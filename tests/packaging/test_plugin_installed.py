"""A user's own project, outside the repository: after installing the kit (and the client) its tests get the
`cdp_sandbox` fixture from the `pytest11` entry point, with no conftest, no `-p` and nothing of the checkout."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.packaging.helpers import ROOT, ok, run, uv

BIN = "Scripts" if os.name == "nt" else "bin"
CLIENT = ROOT / "generated" / "sitecore-cdp-client"

USER_TESTS = """
import datetime


def _order(cdp, reference_id):
    return cdp.orders.create(
        reference_id=reference_id,
        ordered_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
        currency_code="EUR",
        price=10.0,
    )


def test_sync(cdp_sandbox):
    with cdp_sandbox.client() as cdp:
        created = _order(cdp, "MY-APP-1")
        assert cdp.orders.retrieve(created.ref).reference_id == "MY-APP-1"


def test_each_test_starts_empty(cdp_sandbox):
    assert cdp_sandbox.base_url.startswith("http://127.0.0.1:")
    with cdp_sandbox.client() as cdp:
        assert list(cdp.orders.iter(reference_id="MY-APP-1")) == []
"""


@pytest.mark.slow
def test_a_users_project_uses_the_cdp_sandbox_fixture_after_installing_the_kit(
    kit_wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    project = tmp_path / "my-app"
    (project / "tests").mkdir(parents=True)
    (project / "tests" / "test_orders.py").write_text(USER_TESTS, encoding="utf-8")
    ok(run([uv(), "venv", "--python", sys.executable, venv], cwd=tmp_path, timeout=120))
    python = venv / BIN / "python"
    ok(run([uv(), "pip", "install", "--python", python, kit_wheel, CLIENT], cwd=tmp_path, timeout=600))
    out = ok(run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], cwd=project, timeout=300))
    assert "2 passed" in out, out
