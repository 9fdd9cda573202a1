"""The machine's network settings (issue 11, item 3): proxies and CA bundles from the environment or the command
line reach every request of a run, the runner's probe and schemathesis' own sessions included. Every server here
is on 127.0.0.1; the forward proxy refuses any other host."""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import requests.adapters
from schemathesis.transport.requests import SameHostRedirectsSession

from contract_tests import targets
from contract_tests.context import RunOptions
from contract_tests.network import Network, NetworkError, bypasses
from contract_tests.runner import EXIT_OK, EXIT_UNUSABLE, execute, main
from contract_tests.safety import SafetyError, SafetyGuard
from contract_tests.transport import Recorder, Redactor, http_session, intercept
from tests.contract.helpers import plan_for, spec_model
from tests.contract.local_servers import ProxyLog, forward_proxy

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
RUN = ["--phases", "examples,coverage", "--operations", "retrieveOrder", "-q"]
BUNDLE = "/path/to/ca.pem"


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No proxy or CA setting of the machine leaks into a test unless it sets one."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture(scope="module")
def sandbox() -> Iterator[targets.Target]:
    with targets.sandbox_server() as target:
        yield target


@pytest.fixture
def proxy() -> Iterator[tuple[str, ProxyLog]]:
    with forward_proxy() as (port, log):
        yield f"http://127.0.0.1:{port}", log


def _dead_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _through_proxy(log: ProxyLog, base_url: str) -> list[str]:
    assert not log.refused
    return [url for _, url in log.requests if url.startswith(base_url)]


# -- through a forward proxy ------------------------------------------------------------------------------


def test_proxy_option_sends_every_request_of_the_run_through_the_proxy(
    clean_env: pytest.MonkeyPatch, sandbox: targets.Target, proxy: tuple[str, ProxyLog], tmp_path: Path
) -> None:
    """--proxy wins over HTTP_PROXY (a dead port here) and NO_PROXY; the probe, the generated cases and
    schemathesis' own re-sends (the coverage phase's missing-credential cases) all pass the proxy."""
    url, log = proxy
    clean_env.setenv("HTTP_PROXY", f"http://127.0.0.1:{_dead_port()}")
    clean_env.setenv("NO_PROXY", "127.0.0.1,localhost")
    network = Network.from_env(dict(os.environ), proxy=url)
    outcome = execute(
        RunOptions(
            target=sandbox,
            reports_dir=tmp_path,
            phases=("examples", "coverage"),
            operations=("retrieveOrder",),
            network=network,
        ),
        quiet=True,
    )
    assert outcome.exit_code == EXIT_OK, outcome.message
    assert outcome.run is not None
    seen = _through_proxy(log, sandbox.base_url)
    assert seen[0].startswith(sandbox.base_url + targets.PROBE_PATH + "?referenceId=cdpkit-probe")
    assert len(seen) == outcome.run.recorder.total + 1 > 10  # every recorded request, plus the probe
    report = (tmp_path / "conformance-report.md").read_text()
    assert f"- Network: through the proxy {url} (--proxy)" in report


def test_the_runner_option_proxy_reaches_the_traffic(
    clean_env: pytest.MonkeyPatch, sandbox: targets.Target, proxy: tuple[str, ProxyLog], tmp_path: Path
) -> None:
    url, log = proxy
    code = main(["run", "--base-url", sandbox.base_url, "--proxy", url, "--reports", str(tmp_path), *RUN])
    assert code == EXIT_OK
    assert len(_through_proxy(log, sandbox.base_url)) > 10


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "http_proxy", "ALL_PROXY"])
def test_the_environment_proxy_reaches_the_traffic(
    variable: str,
    clean_env: pytest.MonkeyPatch,
    sandbox: targets.Target,
    proxy: tuple[str, ProxyLog],
    tmp_path: Path,
) -> None:
    url, log = proxy
    clean_env.setenv(variable, url)
    code = main(["run", "--base-url", sandbox.base_url, "--reports", str(tmp_path), *RUN])
    assert code == EXIT_OK
    seen = _through_proxy(log, sandbox.base_url)
    assert len(seen) > 10 and targets.PROBE_PATH in seen[0]


@pytest.mark.parametrize("no_proxy", ["127.0.0.1", "localhost,127.0.0.0/8", "*"])
@pytest.mark.parametrize("case", [str.upper, str.lower], ids=["upper", "lower"])
def test_no_proxy_bypasses_the_environment_proxy(
    no_proxy: str,
    case: Any,
    clean_env: pytest.MonkeyPatch,
    sandbox: targets.Target,
    proxy: tuple[str, ProxyLog],
    tmp_path: Path,
) -> None:
    url, log = proxy
    clean_env.setenv(case("HTTP_PROXY"), url)
    clean_env.setenv(case("NO_PROXY"), no_proxy)
    code = main(["run", "--base-url", sandbox.base_url, "--reports", str(tmp_path), *RUN])
    assert code == EXIT_OK
    assert log.requests == []


def test_a_proxy_that_does_not_answer_gets_one_sentence(
    clean_env: pytest.MonkeyPatch, sandbox: targets.Target, capsys: pytest.CaptureFixture[str]
) -> None:
    proxy = f"http://user:s3cret-pass@127.0.0.1:{_dead_port()}"
    code = main(["run", "--base-url", sandbox.base_url, "--proxy", proxy, "--reports", "/dev/null/none"])
    err = capsys.readouterr().err
    assert code == EXIT_UNUSABLE and err.count("\n") == 1
    assert "through the proxy http://[redacted]@127.0.0.1" in err and "s3cret" not in err


def test_the_guard_judges_the_requested_host_not_the_proxy(
    clean_env: pytest.MonkeyPatch, proxy: tuple[str, ProxyLog]
) -> None:
    """A write to a live host is refused before anything is sent, also when a local proxy would carry it."""
    url, log = proxy
    model = spec_model()
    plan = plan_for("http://127.0.0.1:9")
    recorder = Recorder(model, Redactor(()))
    with (
        intercept(SafetyGuard(plan, model), recorder, Network(proxy=url)),
        http_session() as session,
        pytest.raises(SafetyError, match="live tenant"),
    ):
        session.post("https://api-engage-eu.sitecorecloud.io/v2.1/orders", json={}, timeout=5)
    assert log.requests == [] and recorder.total == 0


# -- what reaches the adapter -----------------------------------------------------------------------------


@contextlib.contextmanager
def adapter_calls() -> Iterator[list[dict[str, Any]]]:
    """Replace the network adapter's send (before `intercept` wraps it): record its keyword arguments, answer 200."""
    calls: list[dict[str, Any]] = []
    original = requests.adapters.HTTPAdapter.send

    def send(self: Any, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        calls.append({"url": request.url, **kwargs})
        response = requests.Response()
        response.status_code = 200
        response._content = b"{}"
        response.headers["Content-Type"] = "application/json"
        response.request = request
        response.url = str(request.url)
        return response

    requests.adapters.HTTPAdapter.send = send  # type: ignore[method-assign,assignment]
    try:
        yield calls
    finally:
        requests.adapters.HTTPAdapter.send = original  # type: ignore[method-assign]


def test_the_ca_bundle_and_proxy_reach_every_session_and_the_probe(
    clean_env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    # schemathesis' own sessions trust the environment: give them other settings than the run's
    clean_env.setenv("REQUESTS_CA_BUNDLE", str(tmp_path))
    clean_env.setenv("HTTPS_PROXY", "http://127.0.0.1:1")
    network = Network.from_env({}, proxy="http://127.0.0.1:3128", ca_bundle=bundle)
    expected = {
        "verify": str(bundle),
        "proxies": {"http": "http://127.0.0.1:3128", "https": "http://127.0.0.1:3128"},
    }
    model = spec_model()
    plan = plan_for("https://127.0.0.1:9")
    target = targets.Target("https://127.0.0.1:9", "k" * 8, "t" * 8)
    with adapter_calls() as calls:
        targets.probe(target, network=network)
        with intercept(SafetyGuard(plan, model), Recorder(model, Redactor(())), network):
            for session in (http_session(), requests.Session(), SameHostRedirectsSession()):
                with session:
                    session.get("https://127.0.0.1:9/v2.1/orders/x", timeout=5, verify=True, proxies={})
    assert len(calls) == 4
    assert [{k: c[k] for k in expected} for c in calls] == [expected] * 4


def test_without_overrides_the_environment_decides(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bundle = tmp_path / "corp.pem"
    bundle.write_text("x")
    network = Network.from_env(
        {
            "https_proxy": "http://127.0.0.1:8443",
            "HTTPS_PROXY": "http://127.0.0.1:1",
            "SSL_CERT_FILE": str(bundle),
        }
    )
    assert network.proxies_for("https://api.example.com/x") == {"https": "http://127.0.0.1:8443"}
    assert network.verify == str(bundle) and network.ca_source == "SSL_CERT_FILE"
    assert (
        Network.from_env({"REQUESTS_CA_BUNDLE": str(bundle), "SSL_CERT_FILE": "/nowhere"}).ca_source
        == "REQUESTS_CA_BUNDLE"
    )
    assert Network.from_env({}).verify is True and Network.from_env({}).proxies_for("http://x.io") == {}


@pytest.mark.parametrize(
    ("url", "no_proxy", "bypass"),
    [
        ("http://127.0.0.1:8080/a", "127.0.0.1", True),
        ("http://127.0.0.1:8080/a", "127.0.0.0/8", True),
        ("http://127.0.0.1:8080/a", "127.0.0.1:8080", True),
        ("http://127.0.0.1:8080/a", "127.0.0.1:9090", False),
        ("http://10.1.2.3/a", "127.0.0.0/8", False),
        ("https://api.example.com/a", "example.com", True),
        ("https://api.example.com/a", ".example.com", True),
        ("https://example.com/a", ".example.com", True),
        ("https://notexample.com/a", "example.com", False),
        ("https://API.Example.COM./a", " example.com , other.org", True),
        ("https://api-engage-eu.sitecorecloud.io/a", "localhost,127.0.0.1", False),
        ("http://[::1]:8080/a", "::1", True),
        ("https://anything.io/a", "*", True),
        ("https://anything.io/a", "", False),
    ],
)
def test_which_hosts_no_proxy_sends_direct(url: str, no_proxy: str, bypass: bool) -> None:
    assert bypasses(url, no_proxy) is bypass


# -- options that cannot work -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["--ca-bundle", "/nonexistent/ca.pem"],
            "Cannot read the CA bundle /nonexistent/ca.pem (--ca-bundle): ",
        ),
        (["--ca-bundle", "/"], "is a directory, not a file"),
        (["--proxy", "socks5://u:s3cret@127.0.0.1:1080"], "is not an http(s) proxy URL"),
        (["--proxy", "http://"], "is not an http(s) proxy URL"),
    ],
)
def test_an_unusable_network_option_gets_one_sentence_and_exit_2(
    args: list[str], says: str, clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["run", "--asgi", "--reports", "/dev/null/none", *args])
    err = capsys.readouterr().err
    assert code == EXIT_UNUSABLE
    assert err.count("\n") == 1 and err.rstrip().endswith(".") and says in err
    assert "Traceback" not in err and "s3cret" not in err


def test_a_missing_ca_bundle_from_the_environment_names_the_variable(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clean_env.setenv("REQUESTS_CA_BUNDLE", "/nonexistent/corp-ca.pem")
    assert main(["run", "--asgi", "--reports", "/dev/null/none"]) == EXIT_UNUSABLE
    assert "(REQUESTS_CA_BUNDLE)" in capsys.readouterr().err
    with pytest.raises(NetworkError):
        Network.from_env({"SSL_CERT_FILE": "/nonexistent"})
