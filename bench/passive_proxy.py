"""What the passive proxy (`cdp-conformance proxy`) adds to each call: the same retrieve-order calls to one sandbox,
straight and through the proxy, interleaved in batches on kept-alive connections; the difference of the medians.

The proxy runs as a user runs it (its own process, judging every exchange in its judging thread while it forwards),
so the figure includes whatever judging takes away from forwarding.
"""

from __future__ import annotations

import contextlib
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from bench import targets

ROOT = Path(__file__).resolve().parent.parent
AUTH = ("sandbox-client-key", "sandbox-api-token")
ORDER = {"referenceId": "BENCH-PROXY", "orderedAt": "2026-01-01T00:00:00Z", "currencyCode": "EUR", "price": 5}


@contextlib.contextmanager
def proxy(upstream: str) -> Iterator[str]:
    """`python -m contract_tests proxy` in front of `upstream`, until the block ends (then SIGTERM)."""
    port = targets.free_port()
    with tempfile.TemporaryDirectory() as reports:
        command = [
            sys.executable, "-m", "contract_tests", "proxy", "--upstream", upstream, "--port", str(port),
            "--reports", reports, "--target-kind", "sandbox",
        ]  # fmt: skip
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                with contextlib.suppress(httpx.TransportError):
                    httpx.get(f"{url}/v2.1/orders?referenceId=ready", auth=AUTH, timeout=2)
                    break
                time.sleep(0.1)
            else:
                raise RuntimeError("the passive proxy did not start within 60 s")
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _latencies(client: httpx.Client, url: str, calls: int) -> list[float]:
    out = []
    for _ in range(calls):
        started = time.perf_counter()
        response = client.get(url)
        out.append((time.perf_counter() - started) * 1e3)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} answered {response.status_code}")
    return out


def median_latencies(calls: int = 200, batches: int = 10) -> tuple[float, float]:
    """(straight, through the proxy) median milliseconds of a retrieve-order call."""
    with targets.sandbox() as base_url, proxy(base_url) as proxied:
        ref = httpx.post(f"{base_url}/v2.1/orders", json=ORDER, auth=AUTH, timeout=10).json()["ref"]
        straight: list[float] = []
        through: list[float] = []
        with httpx.Client(auth=AUTH, timeout=10) as direct, httpx.Client(auth=AUTH, timeout=10) as via:
            _latencies(direct, f"{base_url}/v2.1/orders/{ref}", 20)  # warm both paths
            _latencies(via, f"{proxied}/v2.1/orders/{ref}", 20)
            for _ in range(batches):
                straight += _latencies(direct, f"{base_url}/v2.1/orders/{ref}", calls // batches)
                through += _latencies(via, f"{proxied}/v2.1/orders/{ref}", calls // batches)
    return statistics.median(straight), statistics.median(through)
