"""`cdp-conformance proxy` end to end (issue 12, item 2): an integration's traffic through the proxy to a sandbox
process on 127.0.0.1; responses pass unchanged; SIGTERM writes the reports; exit 0 healthy, 1 faulty."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from contract_tests.targets import sandbox_server
from tests.contract.local_servers import forward_proxy
from tests.contract.passive_traffic import AUTH, integration

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def proxy(upstream: str, reports: Path, *extra: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """The proxy as a process (as a user runs it), ready to forward; stopped with SIGTERM by the caller."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SITECORE_CDP_")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "contract_tests",
            "proxy",
            "--upstream",
            upstream,
            "--port",
            str(port),
            "--reports",
            str(reports),
            "--har",
            str(reports / "traffic.har"),
            "--settle",
            "0.2",
            "--target-kind",
            "sandbox",
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                requests.get(f"{url}/v2.1/orders?referenceId=ready", auth=AUTH, timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        else:
            pytest.fail("the proxy did not start listening within 60 s")
        yield url, process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


def _stop(process: subprocess.Popen[str]) -> tuple[int, str]:
    process.send_signal(signal.SIGTERM)
    out, _ = process.communicate(timeout=120)
    return process.returncode, out


def test_traffic_through_the_proxy_is_unchanged_and_judged_clean(tmp_path: Path) -> None:
    with sandbox_server() as target, proxy(target.base_url, tmp_path) as (url, process):
        through = integration(url)
        created = through[0].json()["ref"]
        direct = requests.get(f"{target.base_url}/v2.1/orders?referenceId=nothing", auth=AUTH, timeout=10)
        proxied = requests.get(f"{url}/v2.1/orders?referenceId=nothing", auth=AUTH, timeout=10)
        code, out = _stop(process)
    assert [r.status_code for r in through][:3] == [201, 200, 200] and created
    assert proxied.status_code == direct.status_code
    # Byte for byte: the upstream sees its own Host (a tenant behind TLS must), so hrefs name the upstream.
    assert proxied.content == direct.content
    assert code == 0, out
    summary = json.loads((tmp_path / "conformance-summary.json").read_text())
    assert summary["requests"] >= len(through) and summary["deviations"]["total"] == 0
    recorded = (tmp_path / "traffic.har").read_text()
    assert len(json.loads(recorded)["log"]["entries"]) >= len(through)
    assert AUTH[1] not in recorded and "[redacted]" in recorded


def test_a_faulty_target_behind_the_proxy_is_reported_as_it_happens_and_exits_1(tmp_path: Path) -> None:
    fault = ["--fault", "order-item-price-as-string"]
    with sandbox_server(extra_args=fault) as target, proxy(target.base_url, tmp_path) as (url, process):
        through = integration(url)
        code, out = _stop(process)
    assert through[3].status_code == 201
    assert code == 1, out
    assert "DEVIATION [response_schema_conformance] createOrderItem" in out
    assert (tmp_path / "conformance-report.md").exists()


def test_the_proxy_reaches_its_upstream_through_the_network_settings(tmp_path: Path) -> None:
    """--proxy (as for `run`): the forwarded traffic goes through that forward proxy, with its credentials."""
    with (
        sandbox_server() as target,
        forward_proxy() as (port, log),
        proxy(target.base_url, tmp_path, "--proxy", f"http://user:p%40ss@127.0.0.1:{port}") as (url, process),
    ):
        created = requests.post(
            f"{url}/v2.1/orders",
            json={
                "referenceId": "via-proxy",
                "orderedAt": "2026-01-01T00:00:00Z",
                "currencyCode": "EUR",
                "price": 1,
            },
            auth=AUTH,
            timeout=10,
        )
        code, out = _stop(process)
    assert created.status_code == 201 and code == 0, out
    assert ("POST", f"{target.base_url}/v2.1/orders") in log.requests
    assert log.proxy_authorization and all(a == "Basic dXNlcjpwQHNz" for a in log.proxy_authorization)
