"""Servers the benchmark compares, each started as its own process on a free 127.0.0.1 port."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from cdp_sandbox import launcher

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
PRISM = ROOT / "tools" / "npm" / "node_modules" / ".bin" / "prism"
READY_TIMEOUT_S = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_serving(process: subprocess.Popen[bytes], base_url: str) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args!r} exited with {process.returncode} before serving")
        with contextlib.suppress(httpx.HTTPError):
            httpx.get(base_url + "/", timeout=1.0)
            return
        time.sleep(0.1)
    raise RuntimeError(f"{process.args!r} did not serve {base_url} within {READY_TIMEOUT_S:.0f} s")


@contextlib.contextmanager
def serving(command: list[str], base_url: str, env: dict[str, str] | None = None) -> Iterator[str]:
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env
    )
    try:
        _wait_until_serving(process, base_url)
        yield base_url
    finally:
        launcher.stop_process(process)


@contextlib.contextmanager
def sandbox() -> Iterator[str]:
    """`cdp-sandbox` started by its own launcher (free port, ready when its probe answers)."""
    with launcher.serve(admin=False, timeout=READY_TIMEOUT_S) as running:
        yield running.base_url


def bare() -> contextlib.AbstractContextManager[str]:
    """The same uvicorn configuration as `cdp-sandbox`, serving bench.bare_app."""
    port = free_port()
    command = [
        sys.executable, "-m", "uvicorn", "bench.bare_app:app", "--host", "127.0.0.1", "--port", str(port),
        "--loop", "uvloop", "--http", "httptools", "--lifespan", "off", "--no-access-log",
        "--no-server-header", "--no-date-header", "--log-level", "warning",
    ]  # fmt: skip
    return serving(command, f"http://127.0.0.1:{port}")


def prism() -> contextlib.AbstractContextManager[str]:
    if not PRISM.exists():
        raise RuntimeError("Prism is not installed: run `npm ci --prefix tools/npm` (nox -s bench does)")
    port = free_port()
    command = [str(PRISM), "mock", str(SPEC), "--host", "127.0.0.1", "--port", str(port), "--errors", "false"]
    return serving(command, f"http://127.0.0.1:{port}")


def prism_version() -> str:
    output = subprocess.run([str(PRISM), "--version"], capture_output=True, text=True, check=True, timeout=60)
    return output.stdout.strip()
