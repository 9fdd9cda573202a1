"""Our quick conformance profile against the schemathesis CLI alone, same spec, same kind of target.

Each tool gets a fresh counting sandbox; the figure is seconds per request the server answered, so the
ratio is what our harness (workflows, custom checks, reports) costs per request over the generator's
own ceiling. The CLI runs the same phases and example budget with every check on.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench import targets

ROOT = Path(__file__).resolve().parent.parent
CLIENT_KEY = "sandbox-client-key"
API_TOKEN = "sandbox-api-token"  # noqa: S105 - the sandbox's documented local default
QUICK_EXAMPLES = "25"  # the quick profile's fuzzing-max-examples (contract_tests/conformance.toml)


def counting_sandbox() -> contextlib.AbstractContextManager[str]:
    port = targets.free_port()
    command = [
        sys.executable, "-m", "uvicorn", "bench.counting_sandbox:app", "--host", "127.0.0.1", "--port", str(port),
        "--loop", "uvloop", "--http", "httptools", "--lifespan", "off", "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    return targets.serving(command, f"http://127.0.0.1:{port}")


def count(base_url: str) -> int:
    """Requests the counting sandbox answered since its last reset."""
    return int(httpx.get(f"{base_url}/__bench__/count", timeout=10).text)


def reset_count(base_url: str) -> None:
    """Start counting from zero."""
    httpx.post(f"{base_url}/__bench__/count", timeout=10)


def _timed_run(command: list[str], base_url: str, env: dict[str, str]) -> tuple[float, int]:
    reset_count(base_url)
    started = time.perf_counter()
    # Either tool exits non-zero when it finds a deviation; that is a result, not a failure to run.
    subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=1800, check=False)
    elapsed = time.perf_counter() - started
    requests = count(base_url)
    if requests == 0:
        raise RuntimeError(f"{Path(command[0]).name} {' '.join(command[1:3])} sent no request to {base_url}")
    return elapsed, requests


def suite_run() -> tuple[float, int]:
    """Wall seconds and requests of `python -m contract_tests run --profile quick` against a fresh sandbox."""
    with counting_sandbox() as base_url, tempfile.TemporaryDirectory() as reports:
        env = {
            **os.environ,
            "SITECORE_CDP_CLIENT_KEY": CLIENT_KEY,
            "SITECORE_CDP_API_TOKEN": API_TOKEN,
        }
        command = [
            sys.executable, "-m", "contract_tests", "run", "--base-url", base_url, "--profile", "quick",
            "--reports", reports,
        ]  # fmt: skip
        return _timed_run(command, base_url, env)


def cli_run() -> tuple[float, int]:
    """Wall seconds and requests of `st run` with the same phases and example budget, every check on."""
    with counting_sandbox() as base_url, tempfile.TemporaryDirectory() as reports:
        command = [
            str(Path(sys.executable).parent / "st"), "run", str(ROOT / "spec" / "openapi.yaml"),
            "--url", base_url, "--auth", f"{CLIENT_KEY}:{API_TOKEN}",
            "--phases", "examples,coverage,fuzzing,stateful", "--max-examples", QUICK_EXAMPLES,
            "--checks", "all", "--generation-deterministic",  # deterministic implies no example database
            "--report-dir", reports,
        ]  # fmt: skip
        return _timed_run(command, base_url, dict(os.environ))
