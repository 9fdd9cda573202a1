"""The live-tenant guard cannot be walked around (issue 11, item 1), and nothing here leaves 127.0.0.1.

Every spelling of a live host is live, for the plan and for each request; a host that cannot be read one way
only is refused; a write that reaches a live host is refused even when the run's base URL was not live; and no
redirect of a write, or to another origin, is followed. Each library case records what the installed
requests/urllib3 really do with the spelling, so a change in them shows up here.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests
import urllib3.util.connection
from schemathesis.transport.requests import SameHostRedirectsSession
from urllib3.util import parse_url

from contract_tests import config as config_mod
from contract_tests.context import RunOptions
from contract_tests.model import ApiModel
from contract_tests.runner import EXIT_UNUSABLE, execute
from contract_tests.safety import (
    Plan,
    SafetyError,
    SafetyGuard,
    make_plan,
    may_follow_redirect,
    request_host,
    request_origin,
)
from contract_tests.targets import SANDBOX_KEY, SANDBOX_TOKEN, url_target
from contract_tests.transport import Recorder, Redactor, hold_redirects, intercept, redirect_url

LIVE_HOST = "api-engage-eu.sitecorecloud.io"
LIVE = f"https://{LIVE_HOST}"
ORDERS = "/v2.1/orders"
ENV = {"SITECORE_CDP_CLIENT_KEY": SANDBOX_KEY, "SITECORE_CDP_API_TOKEN": SANDBOX_TOKEN}

# Spelling -> what requests 2.34 / urllib3 2.8 do with it: "live" (they connect to the live host), "literal"
# (they look up another literal name, which a resolver or proxy may still map to the live host), or "rejected"
# (they raise InvalidURL). The guard calls all of them live.
SPELLINGS: dict[str, tuple[str, str]] = {
    "percent-escaped dots": ("http://api-engage-eu%2esitecorecloud%2eio", "live"),
    "percent-escaped dots, upper-case hex": ("http://api-engage-eu%2Esitecorecloud%2Eio", "live"),
    "a percent-escaped letter": ("http://%61pi-engage-eu.sitecorecloud.io", "live"),
    "a doubly escaped dot": ("http://api-engage-eu%252esitecorecloud.io", "literal"),
    "an escaped ideographic full stop": ("http://api-engage-eu%E3%80%82sitecorecloud.io", "literal"),
    "upper case": ("HTTPS://API-ENGAGE-EU.SITECORECLOUD.IO", "live"),
    "a trailing dot": ("https://api-engage-eu.sitecorecloud.io.", "live"),
    "trailing dots and a port": ("https://api-engage-eu.sitecorecloud.io..:443", "literal"),
    "userinfo": ("http://user:pw@api-engage-eu.sitecorecloud.io", "live"),
    "an IP address as userinfo": ("http://127.0.0.1@api-engage-eu.sitecorecloud.io", "live"),
    "a backslash before @": ("http://api-engage-eu.sitecorecloud.io\\@127.0.0.1", "live"),
    "fullwidth dots": ("http://api-engage-eu\uff0esitecorecloud\uff0eio", "rejected"),
    "ideographic full stops": ("http://api-engage-eu\u3002sitecorecloud\u3002io", "rejected"),
    "halfwidth ideographic full stops": ("http://api-engage-eu\uff61sitecorecloud\uff61io", "rejected"),
    "fullwidth upper case": (
        "http://\uff21\uff30\uff29-\uff25\uff2e\uff27\uff21\uff27\uff25-\uff25\uff35.sitecorecloud.io",
        "rejected",
    ),
    "compatibility letters (long s, information source)": (
        "http://api-engage-eu.\u017fitecorecloud.\u2139o",
        "rejected",
    ),
    "a soft hyphen": ("http://a\u00adpi-engage-eu.sitecorecloud.io", "rejected"),
    "punycode of an ASCII label": ("http://xn--api-engage-eu-.sitecorecloud.io", "literal"),
    "punycode of every label, upper case": (
        "http://XN--API-ENGAGE-EU-.xn--sitecorecloud-.xn--io-",
        "literal",
    ),
}
SPELLING_IDS = list(SPELLINGS)
SPELLING_URLS = [url for url, _ in SPELLINGS.values()]

UNDECIDABLE = {
    "a malformed escape": "http://api-engage-eu%zzsitecorecloud.io",
    "a lone percent sign": "http://api-engage-eu.sitecorecloud.io%",
    "an escape that decodes to a percent sign": "http://api-engage-eu.sitecorecloud.io%25",
    "an escaped NUL": "http://api-engage-eu%00.sitecorecloud.io",
    "a raw NUL": "http://api-engage-eu.sitecorecloud.io\x00",
    "a raw tab": "http://api-engage-eu.sitecorecloud.io\t",
    "an escape that is not UTF-8": "http://api-engage-eu%ff.sitecorecloud.io",
    "an escaped @": "http://api-engage-eu.sitecorecloud.io%40127.0.0.1",
    "a zero-width joiner (fails IDNA)": "http://api-engage-eu\u200d.sitecorecloud.io",
    "a label IDNA disallows": "http://api-engage-eu.xn--a.io",
    "an empty host": "http:///v2.1/orders",
    "an empty label": "http://api-engage-eu..sitecorecloud.io",
    "a port out of range": "http://api-engage-eu.sitecorecloud.io:99999",
    "a malformed IP literal": "http://[api-engage-eu.sitecorecloud.io]",
    "credentials around a malformed escape": "http://user:s3cret-token@api-engage-eu%zz.io",
}


def plan_for(base_url: str, config: config_mod.SuiteConfig, model: ApiModel, **kwargs: Any) -> Plan:
    return make_plan(
        base_url=base_url, requested_profile=None, allow_writes=False, config=config, model=model, **kwargs
    )


@pytest.fixture
def only_loopback(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Fail any connection (or name lookup) to anything but 127.0.0.1; the attempts are listed, none made."""
    attempts: list[tuple[str, int]] = []
    connect = urllib3.util.connection.create_connection
    lookup = socket.getaddrinfo

    def create_connection(address: tuple[str, int], *args: Any, **kwargs: Any) -> Any:
        if address[0] != "127.0.0.1":
            attempts.append((address[0], address[1]))
            raise OSError(f"this test may only contact 127.0.0.1, not {address[0]}")
        return connect(address, *args, **kwargs)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in ("127.0.0.1", b"127.0.0.1"):
            attempts.append((str(host), -1))
            raise OSError(f"this test may only look up 127.0.0.1, not {host}")
        return lookup(host, *args, **kwargs)

    monkeypatch.setattr(urllib3.util.connection, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


def session_of(kind: type[requests.Session] = requests.Session) -> requests.Session:
    """A session that ignores proxy settings of the environment: requests go where the test says."""
    session = kind()
    session.trust_env = False
    return session


# -- every spelling is live -------------------------------------------------------------------------------


@pytest.mark.parametrize("url", SPELLING_URLS, ids=SPELLING_IDS)
def test_every_spelling_of_a_live_host_reads_as_the_live_host(url: str) -> None:
    assert request_host(url + ORDERS) == LIVE_HOST


@pytest.mark.parametrize(("url", "library"), list(SPELLINGS.values()), ids=SPELLING_IDS)
def test_what_requests_and_urllib3_do_with_each_spelling(url: str, library: str) -> None:
    """The guard is at least as strict as the library: where it connects to the live host, so does the guard."""
    try:
        prepared = str(requests.Request("POST", url + ORDERS).prepare().url)
    except requests.exceptions.InvalidURL:
        assert library == "rejected"
        return
    connects_to = parse_url(prepared).host
    assert library == ("live" if connects_to in (LIVE_HOST, LIVE_HOST + ".") else "literal"), connects_to
    assert request_host(prepared) == LIVE_HOST


@pytest.mark.parametrize("url", SPELLING_URLS, ids=SPELLING_IDS)
def test_a_base_url_in_any_spelling_gets_a_guarded_plan_that_refuses_writes(
    url: str, suite_config: config_mod.SuiteConfig, model: ApiModel
) -> None:
    plan = plan_for(url, suite_config, model)
    assert plan.live and plan.guarded and plan.profile.name == "safe"
    with pytest.raises(SafetyError, match="--allow-writes"):
        make_plan(
            base_url=url, requested_profile="quick", allow_writes=False, config=suite_config, model=model
        )
    guard = SafetyGuard(plan, model)
    guard.authorize("GET", url + ORDERS)
    with pytest.raises(SafetyError, match="live tenant"):
        guard.authorize("POST", url + ORDERS)
    assert guard.sent_writes == []


@pytest.mark.parametrize("url", SPELLING_URLS, ids=SPELLING_IDS)
def test_a_write_that_reaches_a_live_host_is_refused_although_the_base_url_was_local(
    url: str, suite_config: config_mod.SuiteConfig, model: ApiModel
) -> None:
    local = plan_for("http://127.0.0.1:9", suite_config, model)
    assert not local.live and local.profile.name == "quick"
    guard = SafetyGuard(local, model)
    guard.authorize("POST", "http://127.0.0.1:9" + ORDERS)
    guard.authorize("GET", url + ORDERS)
    with pytest.raises(SafetyError, match="live tenant"):
        guard.authorize("POST", url + ORDERS)
    assert guard.sent_writes == ["createOrder"]
    allowed = make_plan(
        base_url="http://127.0.0.1:9",
        requested_profile=None,
        allow_writes=True,
        config=suite_config,
        model=model,
    )
    SafetyGuard(allowed, model).authorize("POST", url + ORDERS)  # --allow-writes lifts it, wherever it goes


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080",
        "http://[::1]:8080",
        "http://testserver",
        "http://api-engage-eu.sitecorecloud.io%2f@127.0.0.1",  # the live name is only userinfo
        "http://127.0.0.1\\@api-engage-eu.sitecorecloud.io",  # urllib3 ends the authority at the backslash
        "https://sitecorecloud.io.example.com",
    ],
)
def test_hosts_that_are_not_live_stay_writable(
    url: str, suite_config: config_mod.SuiteConfig, model: ApiModel
) -> None:
    plan = plan_for(url, suite_config, model)
    assert not plan.live
    SafetyGuard(plan, model).authorize("POST", url + ORDERS)


def test_the_escaped_base_url_of_the_issue_cannot_run_quick_and_sends_nothing(
    only_loopback: list[tuple[str, int]], tmp_path: Path
) -> None:
    target = url_target("http://api-engage-eu%2esitecorecloud%2eio", ENV)
    outcome = execute(RunOptions(target=target, profile="quick", reports_dir=tmp_path), quiet=True)
    assert outcome.exit_code == EXIT_UNUSABLE and "--allow-writes" in outcome.message
    assert only_loopback == []


@pytest.mark.parametrize(
    "url",
    [url for url, library in SPELLINGS.values() if library == "live"],
    ids=[name for name, (_, library) in SPELLINGS.items() if library == "live"],
)
def test_a_write_through_the_intercepted_transport_is_refused_before_a_connection(
    url: str, only_loopback: list[tuple[str, int]], suite_config: config_mod.SuiteConfig, model: ApiModel
) -> None:
    guard = SafetyGuard(plan_for("http://127.0.0.1:9", suite_config, model), model)
    recorder = Recorder(model, Redactor(()))
    with intercept(guard, recorder), session_of() as session, pytest.raises(SafetyError):
        session.post(url + ORDERS, json={"referenceId": "x"}, timeout=5)
    assert only_loopback == [] and recorder.total == 0 and guard.sent_writes == []


# -- undecidable hosts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", list(UNDECIDABLE.values()), ids=list(UNDECIDABLE))
def test_a_host_that_cannot_be_decided_is_refused_for_any_method(
    url: str, suite_config: config_mod.SuiteConfig, model: ApiModel
) -> None:
    with pytest.raises(SafetyError) as refused:
        request_host(url)
    message = str(refused.value)
    assert message.endswith(".") and "\n" not in message
    assert "s3cret" not in message
    with pytest.raises(SafetyError):
        plan_for(url, suite_config, model)
    guard = SafetyGuard(plan_for("http://127.0.0.1:9", suite_config, model), model)
    for method in ("GET", "OPTIONS", "POST", "DELETE"):
        with pytest.raises(SafetyError, match="Cannot tell whether host"):
            guard.authorize(method, url + ORDERS)


# -- redirects --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "from_url", "to_url", "follow"),
    [
        ("GET", "http://127.0.0.1:8080/a", "http://127.0.0.1:8080/b", True),
        ("HEAD", "http://127.0.0.1:8080/a", "http://127.0.0.1.:8080/b", True),
        ("GET", "http://127.0.0.1:8080/a", f"{LIVE}/v2.1/orders", False),
        ("GET", "http://127.0.0.1/a", "https://127.0.0.1/a", False),
        ("GET", "http://127.0.0.1:8080/a", "http://127.0.0.1:8081/a", False),
        ("GET", "http://127.0.0.1:8080/a", "http://api-engage-eu%zz.io/", False),
        ("POST", "http://127.0.0.1:8080/a", "http://127.0.0.1:8080/b", False),
        ("DELETE", f"{LIVE}/a", f"{LIVE}/b", False),
    ],
)
def test_which_redirects_may_be_followed(method: str, from_url: str, to_url: str, follow: bool) -> None:
    assert may_follow_redirect(method, from_url, to_url) is follow


@pytest.mark.parametrize(
    "location",
    [
        "/landed?x=1",
        "landed",
        "//127.0.0.1:8081/elsewhere",
        f"{LIVE}/v2.1/orders",
        "http://127.0.0.1\\@api-engage-eu.sitecorecloud.io/",
        "http://api-engage-eu%2esitecorecloud%2eio/x y",
    ],
)
def test_redirect_url_is_where_requests_would_send_the_next_hop(location: str) -> None:
    """Built without a socket: requests yields the next request instead of sending it."""
    original = requests.Request("GET", "http://127.0.0.1:8080/start").prepare()
    response = requests.Response()
    response.status_code = 307
    response.headers["Location"] = location
    response.url = str(original.url)
    response.request = original
    response._content = b""
    response._content_consumed = True
    with session_of() as session:
        following = session.resolve_redirects(response, original, yield_requests=True)
        hop: Any = next(iter(following))
    assert redirect_url(str(original.url), location) == hop.url


def test_requests_reads_a_backslash_redirect_as_the_live_host() -> None:
    target = redirect_url("http://127.0.0.1:8080/start", "http://127.0.0.1\\@api-engage-eu.sitecorecloud.io/")
    assert request_origin(target) == ("http", LIVE_HOST, 80)


class _Redirecting(BaseHTTPRequestHandler):
    """/to-live answers a redirect to the live tenant, /to-same one to /landed on this server."""

    seen: list[tuple[str, str]]
    status = 307

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(min(length, 1 << 16))
        self.seen.append((self.command, self.path))
        if self.path.startswith("/to-live"):
            self._redirect(f"{LIVE}/v2.1/orders")
        elif self.path.startswith("/to-same"):
            self._redirect("/landed")
        else:
            body = b"{}"
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(self.status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, format: str, *args: Any) -> None:
        return


@contextlib.contextmanager
def redirecting_server(status: int) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    seen: list[tuple[str, str]] = []
    handler = type("Handler", (_Redirecting,), {"seen": seen, "status": status})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def guarded_transport(
    suite_config: config_mod.SuiteConfig, model: ApiModel
) -> Iterator[tuple[SafetyGuard, Recorder]]:
    guard = SafetyGuard(plan_for("http://127.0.0.1:9", suite_config, model), model)
    recorder = Recorder(model, Redactor(()))
    with intercept(guard, recorder):
        yield guard, recorder


def test_the_loopback_tripwire_catches_an_unheld_redirect_to_the_live_host(
    only_loopback: list[tuple[str, int]],
) -> None:
    """Without the guard, requests follows the redirect: the tripwire stops it and lists it (nothing leaves)."""
    with (
        redirecting_server(307) as (base, seen),
        session_of() as session,
        pytest.raises(requests.ConnectionError),
    ):
        session.get(base + "/to-live", timeout=5)
    assert seen == [("GET", "/to-live")]
    assert only_loopback and only_loopback[0][0] == LIVE_HOST


@pytest.mark.parametrize("status", [302, 307])
@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("session_type", [requests.Session, SameHostRedirectsSession])
def test_a_redirect_to_a_live_host_is_not_followed(
    status: int,
    method: str,
    session_type: type[requests.Session],
    only_loopback: list[tuple[str, int]],
    guarded_transport: tuple[SafetyGuard, Recorder],
) -> None:
    _, recorder = guarded_transport
    with redirecting_server(status) as (base, seen), session_of(session_type) as session:
        response = session.request(method, base + "/to-live" + ORDERS, json={}, timeout=5)
    assert response.status_code == status and response.history == []
    assert response.headers["Location"].startswith(LIVE)
    assert seen == [(method, "/to-live" + ORDERS)]
    assert only_loopback == [] and recorder.total == 1


@pytest.mark.parametrize("session_type", [requests.Session, SameHostRedirectsSession])
def test_a_write_does_not_follow_a_redirect_even_to_the_same_host(
    session_type: type[requests.Session],
    only_loopback: list[tuple[str, int]],
    guarded_transport: tuple[SafetyGuard, Recorder],
) -> None:
    guard, recorder = guarded_transport
    with redirecting_server(307) as (base, seen), session_of(session_type) as session:
        response = session.post(base + "/to-same", json={}, timeout=5)
        read = session.get(base + "/to-same", timeout=5)
    assert response.status_code == 307 and response.history == []
    assert read.status_code == 200 and [r.status_code for r in read.history] == [307]  # reads still follow
    assert seen == [("POST", "/to-same"), ("GET", "/to-same"), ("GET", "/landed")]
    assert only_loopback == [] and recorder.total == 3 and guard.sent_writes == ["POST /to-same"]


def test_redirects_are_followed_again_once_the_run_is_over(only_loopback: list[tuple[str, int]]) -> None:
    with hold_redirects():
        pass
    with redirecting_server(307) as (base, seen), session_of() as session:
        response = session.post(base + "/to-same", json={}, timeout=5)
    assert response.status_code == 200 and seen == [("POST", "/to-same"), ("POST", "/landed")]
