"""The container image: builds, runs as a non-root user, reports healthy and answers the API on 127.0.0.1.

Skipped, saying why, where no docker engine answers (a `docker` command without a daemon counts as none)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import uuid
from pathlib import Path

import httpx
import pytest

from .helpers import AUTH, ORDER_V21

ROOT = Path(__file__).resolve().parents[2]


def _engine() -> str | None:
    """Why docker cannot be used here, or None when an engine answers."""
    docker = shutil.which("docker")
    if docker is None:
        return "no docker command on this machine"
    try:
        done = subprocess.run([docker, "info"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"`docker info` failed: {exc}"
    if done.returncode != 0:
        return "the docker command answers but no docker engine runs (`docker info` failed)"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.mark.slow
def test_the_image_builds_runs_non_root_reports_healthy_and_serves() -> None:
    why = _engine()
    if why is not None:
        pytest.skip(f"docker image not tested: {why}")
    tag = f"cdp-sandbox-test:{uuid.uuid4().hex[:12]}"
    name = f"cdp-sandbox-test-{uuid.uuid4().hex[:12]}"
    port = _free_port()
    subprocess.run(
        ["docker", "build", "-f", "sandbox/Dockerfile", "-t", tag, "."], cwd=ROOT, check=True, timeout=900
    )
    try:
        subprocess.run(
            ["docker", "run", "-d", "--name", name, "-p", f"127.0.0.1:{port}:8080", tag, "--seed", "docs"],
            check=True,
            timeout=60,
        )
        user = subprocess.run(
            ["docker", "exec", name, "id", "-u"], capture_output=True, text=True, timeout=30, check=True
        )
        assert user.stdout.strip() != "0"
        health = ""
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and health != "healthy":
            health = subprocess.run(
                ["docker", "inspect", "-f", "{{.State.Health.Status}}", name],
                capture_output=True,
                text=True,
                timeout=30,
                check=True,
            ).stdout.strip()
            time.sleep(1)
        assert health == "healthy"
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", auth=AUTH, timeout=10) as c:
            assert c.get("/v2.1/orders/2d7de9df-45a2-45ea-872c-30e45139007d").status_code == 200
            assert c.post("/v2.1/orders", json=ORDER_V21).status_code == 201
    finally:
        subprocess.run(["docker", "rm", "-f", name], capture_output=True, timeout=60, check=False)
        subprocess.run(["docker", "rmi", "-f", tag], capture_output=True, timeout=60, check=False)
