"""The `cdp_sandbox` fixture from this checkout (the installed kit's entry point is tested in tests/packaging/)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .helpers import SANDBOX_SRC

USER_TESTS = """
import json
import urllib.request
import base64

import pytest


def _get(sandbox, path):
    token = base64.b64encode(f"{sandbox.client_key}:{sandbox.api_token}".encode()).decode()
    request = urllib.request.Request(sandbox.base_url + path, headers={"Authorization": f"Basic {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_first_writes(cdp_sandbox):
    assert cdp_sandbox.base_url.startswith("http://127.0.0.1:")
    body = json.dumps({"referenceId": "MINE-1", "orderedAt": "2024-01-01T16:17:16Z", "currencyCode": "EUR", "price": 5})
    token = base64.b64encode(f"{cdp_sandbox.client_key}:{cdp_sandbox.api_token}".encode()).decode()
    request = urllib.request.Request(
        cdp_sandbox.base_url + "/v2.1/orders", data=body.encode(), method="POST",
        headers={"Authorization": f"Basic {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 201
    assert len(_get(cdp_sandbox, "/v2.1/orders?referenceId=MINE-1")["items"]) == 1
    pytest.shared_url = cdp_sandbox.base_url


def test_second_sees_an_empty_store_on_the_same_server(cdp_sandbox):
    assert cdp_sandbox.base_url == pytest.shared_url
    assert _get(cdp_sandbox, "/v2.1/orders?referenceId=MINE-1")["items"] == []


def test_client_without_the_client_package_says_what_to_install(cdp_sandbox):
    with pytest.raises(RuntimeError, match="sitecore-cdp-client"):
        cdp_sandbox.client()
"""


def test_the_fixture_gives_each_test_an_empty_sandbox_on_one_server(tmp_path: Path) -> None:
    (tmp_path / "test_user.py").write_text(USER_TESTS, encoding="utf-8")
    # sitecore_cdp_client is made unimportable: client() must then say what to install.
    (tmp_path / "sitecore_cdp_client.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CDP_SANDBOX_", "PYTEST_"))}
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), str(SANDBOX_SRC)])
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "cdp_sandbox.pytest_plugin",
            "-p",
            "no:cacheprovider",
            "-q",
            "test_user.py",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "3 passed" in done.stdout
