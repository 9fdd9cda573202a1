"""Targets: the sandbox as a real HTTP server (started and stopped), a TCP proxy in front, unusable targets."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from contract_tests import targets
from contract_tests.runner import EXIT_OK, EXIT_UNUSABLE, main
from tests.contract.helpers import RunSuite, reported_checks
from tests.contract.tcp_proxy import tcp_proxy

ENV = {"SITECORE_CDP_CLIENT_KEY": targets.SANDBOX_KEY, "SITECORE_CDP_API_TOKEN": targets.SANDBOX_TOKEN}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()


def test_the_sandbox_server_is_stopped_even_when_the_run_fails() -> None:
    with pytest.raises(RuntimeError), targets.sandbox_server() as target:
        pid = int(target.description.rsplit("pid ", 1)[1].rstrip(")"))
        assert urlsplit(target.base_url).hostname == "127.0.0.1"
        assert targets.probe(target).status == 200
        raise RuntimeError("the run failed")
    assert not _pid_alive(pid)


def test_a_target_that_is_down_gets_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["run", "--base-url", f"http://127.0.0.1:{_free_port()}", "--reports", "/dev/null/none"])
    err = capsys.readouterr().err
    assert code == EXIT_UNUSABLE
    assert err.count("\n") == 1 and "Cannot reach" in err and "Traceback" not in err


def test_rejected_credentials_get_one_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SITECORE_CDP_CLIENT_KEY", "wrong-key")
    monkeypatch.setenv("SITECORE_CDP_API_TOKEN", "wrong-token")
    code = main(["run", "--asgi", "--reports", "/dev/null/none"])
    err = capsys.readouterr().err
    assert code == EXIT_UNUSABLE
    assert err.count("\n") == 1 and "rejected the credentials (HTTP 401" in err


def test_a_remote_target_without_credentials_gets_one_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SITECORE_CDP_CLIENT_KEY", raising=False)
    monkeypatch.delenv("SITECORE_CDP_API_TOKEN", raising=False)
    assert main(["run", "--base-url", "https://api-engage-eu.sitecorecloud.io"]) == EXIT_UNUSABLE
    assert "Set SITECORE_CDP_CLIENT_KEY and SITECORE_CDP_API_TOKEN" in capsys.readouterr().err


def test_the_suite_passes_through_a_plain_tcp_proxy(run_suite: RunSuite) -> None:
    """Examples and workflows exercise every href the sandbox builds; through the proxy they must name the proxy."""
    with targets.sandbox_server() as sandbox:
        parts = urlsplit(sandbox.base_url)
        assert parts.hostname is not None and parts.port is not None
        with tcp_proxy(parts.hostname, parts.port) as port:
            target = targets.url_target(f"http://127.0.0.1:{port}", ENV)
            outcome = run_suite(target, profile="quick", phases=("examples", "workflows"))
    assert outcome.exit_code == EXIT_OK, sorted(reported_checks(outcome))
    assert outcome.run is not None and outcome.run.origin == f"http://127.0.0.1:{port}"
    assert outcome.run.results.applied[("createOrder", "href_points_to_self")] > 0


def test_python_m_contract_tests_help_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "contract_tests", "run", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and "--base-url" in done.stdout
