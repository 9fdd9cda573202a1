"""The `cdp-sandbox` command: announces its URL, honours flags and environment, stops cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from cdp_sandbox.cli import parse_args

from .helpers import AUTH, ORDER_V21, SANDBOX_SRC, LiveServer


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_stops_cleanly_on_signal(sig: signal.Signals) -> None:
    server = LiveServer()
    with httpx.Client(base_url=server.url, auth=AUTH, timeout=10) as client:
        assert client.post("/v2.1/orders", json=ORDER_V21).status_code == 201
    server.process.send_signal(sig)
    assert server.process.wait(timeout=15) == 0
    server.stop()


def test_custom_credentials_and_persistent_db(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    server = LiveServer("--db", str(db), "--client-key", "k1", "--api-token", "t1")
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            assert client.get("/v2.1/orders", auth=AUTH).status_code == 401
            ref = client.post("/v2.1/orders", json=ORDER_V21, auth=("k1", "t1")).json()["ref"]
    finally:
        assert server.stop() == 0
    again = LiveServer("--db", str(db))
    try:
        with httpx.Client(base_url=again.url, auth=AUTH, timeout=10) as client:
            assert client.get(f"/v2.1/orders/{ref}").status_code == 200
    finally:
        again.stop()


def test_flags_win_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CDP_SANDBOX_CLIENT_KEY", "from-env")
    monkeypatch.setenv("CDP_SANDBOX_PORT", "9999")
    args = parse_args(["--client-key", "from-flag"])
    assert args.client_key == "from-flag"
    assert args.port == 9999
    assert args.api_token == "sandbox-api-token"
    assert args.host == "127.0.0.1"


def test_missing_spec_fails_fast(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(SANDBOX_SRC)}
    done = subprocess.run(
        [sys.executable, "-m", "cdp_sandbox", "--port", "0", "--spec", str(tmp_path / "none.yaml")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "cdp-sandbox:" in done.stderr
