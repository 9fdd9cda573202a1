"""The quick profile against a far tenant: the same sandbox behind a proxy that answers 100 ms late, and not.

Both runs go through the delaying proxy (bench/delaying_proxy.py), one with the delay and one without, with the
runner's default options (it measures the round trip and chooses its workers from it); the ratio of their wall times is what real latency costs
a run. A run counts only when it finishes clean (exit 0): a fast run that found deviations proves nothing.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench import conformance, targets

ROOT = Path(__file__).resolve().parent.parent
DELAY_MS = 100


@contextlib.contextmanager
def delaying_proxy(upstream: str, delay_ms: int) -> Iterator[str]:
    """The delaying proxy in its own process, in front of `upstream`."""
    port = targets.free_port()
    command = [
        sys.executable, "-m", "uvicorn", "bench.delaying_proxy:app", "--host", "127.0.0.1", "--port", str(port),
        "--loop", "uvloop", "--http", "httptools", "--lifespan", "off", "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    env = {**os.environ, "BENCH_UPSTREAM": upstream, "BENCH_DELAY_MS": str(delay_ms)}
    with targets.serving(command, f"http://127.0.0.1:{port}", env=env) as url:
        yield url


def quick_profile_through_proxy(delay_ms: int) -> tuple[float, int, int]:
    """Wall seconds, requests the sandbox answered, and the runner's exit code, for one quick-profile run with
    the runner's default options (it chooses its workers from the round trip it measures)."""
    with (
        conformance.counting_sandbox() as upstream,
        delaying_proxy(upstream, delay_ms) as url,
        tempfile.TemporaryDirectory() as reports,
    ):
        env = {
            **os.environ,
            "SITECORE_CDP_CLIENT_KEY": conformance.CLIENT_KEY,
            "SITECORE_CDP_API_TOKEN": conformance.API_TOKEN,
        }
        command = [
            sys.executable, "-m", "contract_tests", "run", "--base-url", url, "--profile", "quick",
            "--target-kind", "sandbox", "--reports", reports, "-q",
        ]  # fmt: skip
        conformance.reset_count(upstream)
        started = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=1800, check=False)
        elapsed = time.perf_counter() - started
        return elapsed, conformance.count(upstream), done.returncode
