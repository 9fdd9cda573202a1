"""The sandbox as an everyday tool: seeds, admin endpoints, the database lock, misuse that must not hurt it,
the access log, the command line's help; every server here listens on 127.0.0.1 only."""

from __future__ import annotations

import base64
import contextlib
import json
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests._spec import SHARED

from .helpers import AUTH, ORDER_V21, SANDBOX_SRC, SPEC, LiveServer, make_order

SEEDS_DIR = SHARED / "seeds"
SEED_FILES = sorted(SEEDS_DIR.glob("*.txt")) if SEEDS_DIR.is_dir() else []
MIB = 1024 * 1024


def _cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cdp_sandbox", "--spec", str(SPEC), *args],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SANDBOX_SRC), "PATH": "/usr/bin:/bin"},
        timeout=timeout,
        check=False,
    )


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


# -- query integers, page links ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["limit", "offset"])
@pytest.mark.parametrize("digits", [4300, 4301, 20_000])
def test_query_integers_with_thousands_of_digits_answer_400(
    client: httpx.Client, name: str, digits: int
) -> None:
    ref = make_order(client)["ref"]
    for path, extra in (("/v2.1/orders", "&referenceId=B94TXY-2"), (f"/v2.1/orders/{ref}/orderItems", "")):
        response = client.get(f"{path}?{name}={'9' * digits}{extra}")
        assert response.status_code == 400, response.text[:200]
        assert response.json()["message"].startswith(f"{name}:")


def test_page_links_carry_no_stray_ampersand(client: httpx.Client) -> None:
    ref = make_order(client)["ref"]
    for path in (
        f"/v2.1/orders/{ref}/orderItems",
        f"/v2/orders/{ref}/orderItems",
        f"/v2.1/orders/{ref}/contacts",
    ):
        page = client.get(path).json()
        for key in ("href", "first", "last"):
            link = page[key] if key == "href" else page[key]["href"]
            assert not link.endswith("&") and "&&" not in link, link
    filtered = client.get("/v2.1/orders", params={"referenceId": "B94TXY-2"}).json()
    assert filtered["first"]["href"].endswith("?offset=0&limit=10&referenceId=B94TXY-2")


# -- admin ---------------------------------------------------------------------------------------------------


def test_admin_endpoints_are_off_by_default_and_behind_the_credentials() -> None:
    plain = LiveServer()
    admin = LiveServer("--admin")
    try:
        with httpx.Client(base_url=plain.url, auth=AUTH, timeout=10) as c:
            assert c.post("/_sandbox/reset").status_code == 404
            assert c.get("/_sandbox/state").status_code == 404
        with httpx.Client(base_url=admin.url, timeout=10) as anon:
            assert anon.post("/_sandbox/reset").status_code == 401
            assert anon.get("/_sandbox/state").status_code == 401
        with httpx.Client(base_url=admin.url, auth=AUTH, timeout=10) as c:
            ref = c.post("/v2.1/orders", json=ORDER_V21).json()["ref"]
            state = c.get("/_sandbox/state").json()
            assert [o["ref"] for o in state["orders"]] == [ref]
            assert state["orders"][0]["referenceId"] == ORDER_V21["referenceId"]
            assert c.get("/_sandbox/reset").status_code == 405
            assert c.post("/_sandbox/reset").status_code == 204
            assert c.get(f"/v2.1/orders/{ref}").status_code == 404
            assert c.get("/_sandbox/state").json() == {"orders": []}
    finally:
        plain.stop()
        admin.stop()


# -- seeds ---------------------------------------------------------------------------------------------------


def _curls(text: str) -> list[str]:
    """The curl commands of a doc page, joined across their line continuations."""
    found = []
    for match in re.finditer(r"^curl .*?\}'[ \t]*$", text, re.MULTILINE | re.DOTALL):
        command = match.group(0).strip()
        # The docs' one quoting typo: the URL lacks its opening quote (`<baseURL>/v2/orders'`).
        command = re.sub(r"(-X \w+ )(<baseURL>\S*)'", r"\1'\2'", command)
        found.append(command)
    return found


@pytest.mark.skipif(not SEED_FILES, reason=f"doc seeds not found at {SEEDS_DIR}")
def test_the_seed_pages_curl_commands_answer_2xx_against_the_docs_seed() -> None:
    server = LiveServer("--seed", "docs")
    sent = []
    try:
        with httpx.Client(timeout=10) as http:
            for page in SEED_FILES:
                for command in _curls(page.read_text(encoding="utf-8")):
                    argv = shlex.split(command.replace("<baseURL>", server.url).replace("\\\n", " "))
                    assert argv[0] == "curl"
                    method = argv[argv.index("-X") + 1]
                    url = next(a for a in argv if a.startswith(server.url))
                    user = argv[argv.index("-u") + 1]
                    assert user == "<username>:<password>"
                    data = argv[argv.index("--data-raw") + 1] if "--data-raw" in argv else None
                    headers = {"Accept": "application/json", "Authorization": _basic(*AUTH)}
                    if data is not None:
                        headers["Content-Type"] = "application/x-www-form-urlencoded"  # what curl sends
                    response = http.request(method, url, content=data, headers=headers)
                    assert 200 <= response.status_code < 300, (page.name, method, url, response.text)
                    sent.append((page.name, method, response.status_code))
    finally:
        server.stop()
    assert len(sent) >= 4, sent


def _basic(key: str, token: str) -> str:
    return "Basic " + base64.b64encode(f"{key}:{token}".encode()).decode()


def test_the_docs_seed_holds_the_documented_records() -> None:
    server = LiveServer("--seed", "docs")
    try:
        with httpx.Client(base_url=server.url, auth=AUTH, timeout=10) as c:
            order = c.get("/v2.1/orders/2d7de9df-45a2-45ea-872c-30e45139007d").json()
            assert order["currencyCode"] == "EUR"
            items = c.get(f"/v2.1/orders/{order['ref']}/orderItems").json()["items"]
            assert any(i["href"].endswith("/111d106a-feff-42b2-90fb-a6ed136ec333") for i in items)
            assert (
                c.get("/v2.1/orders/2d7de9df-45a2-45ea-872c-30e45139007d/extensions/ext").status_code == 200
            )
            consumer = c.get("/v2/orderConsumers/F8D1F0D5-365D-46B7-BECF-D041E93A5705").json()
            assert consumer["order"]["href"].endswith("/v2/orders/d680c9be-4c07-4731-857e-9602034b15f2")
            assert consumer["orderItems"]["items"] == [
                {"href": f"{server.url}/v2/orderItems/fecbb7ed-6dfe-4e8c-85a9-b894b17ef4f3"}
            ]
            assert c.get("/v2/orderContacts/f8d1f0d5-365d-46b7-becf-d041e93a5705").status_code == 200
    finally:
        server.stop()


def test_a_seed_file_loads_and_a_bad_record_is_named(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    ref = "0b0e6b5e-1c0a-4d6e-9f4a-2a1f3c4d5e6f"
    item: dict[str, object] = {
        "ref": "1b0e6b5e-1c0a-4d6e-9f4a-2a1f3c4d5e6f",
        "name": "Phone",
        "type": "MOBILE",
    }
    item |= {"price": 5, "currencyCode": "EUR", "status": "CONFIRMED"}
    good.write_text(json.dumps({"orders": [{"ref": ref, **ORDER_V21, "orderItems": [item]}]}))
    server = LiveServer("--seed", str(good))
    try:
        with httpx.Client(base_url=server.url, auth=AUTH, timeout=10) as c:
            assert c.get(f"/v2.1/orders/{ref}").json()["referenceId"] == ORDER_V21["referenceId"]
            assert c.get(f"/v2.1/orderItems/{item['ref']}").json()["name"] == "Phone"
    finally:
        server.stop()
    bad = tmp_path / "bad.json"
    wrong = {**item, "currencyCode": "eur"}
    bad.write_text(json.dumps({"orders": [{**ORDER_V21}, {"ref": ref, **ORDER_V21, "orderItems": [wrong]}]}))
    done = _cli("--port", "0", "--seed", str(bad))
    assert done.returncode == 2
    assert f"orders[1].orderItems[0] (ref {item['ref']})" in done.stderr and "currencyCode" in done.stderr
    assert str(bad) in done.stderr and "Traceback" not in done.stderr


# -- the database lock ---------------------------------------------------------------------------------------


def test_a_second_process_on_the_same_db_refuses_to_start_naming_the_file(tmp_path: Path) -> None:
    db = tmp_path / "orders.db"
    first = LiveServer("--db", str(db))
    try:
        done = _cli("--port", "0", "--db", str(db))
        assert done.returncode == 2
        assert str(db) in done.stderr and "already in use" in done.stderr
        with httpx.Client(base_url=first.url, auth=AUTH, timeout=10) as c:
            assert c.post("/v2.1/orders", json=ORDER_V21).status_code == 201
    finally:
        first.stop()
    second = LiveServer("--db", str(db))  # the lock went with the first process
    second.stop()


# -- connections ---------------------------------------------------------------------------------------------


def _connect(url: str) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=10)
    assert host == "127.0.0.1"
    return sock


def test_connections_past_the_cap_are_answered_503_and_the_cap_frees_up() -> None:
    server = LiveServer("--max-connections", "4")
    held: list[socket.socket] = []
    try:
        held = [_connect(server.url) for _ in range(4)]
        time.sleep(0.3)
        with httpx.Client(base_url=server.url, auth=AUTH, timeout=10) as c:
            assert c.get("/v2.1/orders", params={"referenceId": "x"}).status_code == 503
        for sock in held:
            sock.close()
        held = []
        deadline = time.monotonic() + 10
        status = 0
        while time.monotonic() < deadline and status != 200:
            with httpx.Client(base_url=server.url, auth=AUTH, timeout=10) as c:
                status = c.get("/v2.1/orders", params={"referenceId": "x"}).status_code
            time.sleep(0.1)
        assert status == 200
    finally:
        for sock in held:
            sock.close()
        server.stop()


def test_a_connection_that_stalls_its_headers_or_body_is_closed() -> None:
    server = LiveServer("--header-timeout", "0.5", "--body-timeout", "0.5")
    try:
        stalled_headers = _connect(server.url)
        stalled_headers.sendall(b"POST /v2.1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        stalled_body = _connect(server.url)
        stalled_body.sendall(b"POST /v2.1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{")
        for sock in (stalled_headers, stalled_body):
            sock.settimeout(5)
            started = time.monotonic()
            data = sock.recv(65536)
            while data and time.monotonic() - started < 5:  # bounded: the server closes within the timeout
                data = sock.recv(65536)
            assert time.monotonic() - started < 4
            sock.close()
    finally:
        server.stop()


def test_memory_stays_bounded_with_300_half_sent_1_mib_bodies(capsys: pytest.CaptureFixture[str]) -> None:
    server = LiveServer()
    held: list[socket.socket] = []
    try:
        with httpx.Client(base_url=server.url, auth=AUTH, timeout=10) as c:
            assert c.post("/v2.1/orders", json=ORDER_V21).status_code == 201
        before = _rss_kib(server.process.pid)
        head = (
            b"POST /v2.1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % MIB
        )
        half = b"[" + b"1," * (MIB // 4)
        for _ in range(300):
            sock = _connect(server.url)
            held.append(sock)
            sock.setblocking(False)
            # BlockingIOError: the server stopped reading, which costs it nothing. Past --max-connections (100) it
            # answers 503 and closes, so the write may also meet a closed socket: an expected answer, not a failure.
            with contextlib.suppress(BlockingIOError, BrokenPipeError, ConnectionResetError):
                sock.sendall(head + half)
        time.sleep(2)
        peak = _rss_kib(server.process.pid)
        grown_mib = (peak - before) / 1024
        with capsys.disabled():
            print(f"\n[memory] 300 half-sent 1 MiB bodies: resident {before // 1024} -> {peak // 1024} MiB")
        assert grown_mib < 100, f"resident memory grew by {grown_mib:.0f} MiB"
    finally:
        for sock in held:
            sock.close()
        server.stop()


# -- what it says --------------------------------------------------------------------------------------------


def test_info_logs_one_line_per_request_without_credentials() -> None:
    server = LiveServer(
        "--log-level", "info", "--client-key", "secret-key-1", "--api-token", "secret-token-2"
    )
    try:
        with httpx.Client(base_url=server.url, auth=("secret-key-1", "secret-token-2"), timeout=10) as c:
            ref = c.post("/v2.1/orders", json=ORDER_V21).json()["ref"]
            c.get(f"/v2.1/orders/{ref}", params={"apiToken": "secret-token-2"})
        with httpx.Client(base_url=server.url, auth=("secret-key-1", "nope"), timeout=10) as c:
            c.get("/v2.1/orders")
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(timeout=15)
        assert server.process.stderr is not None
        log = server.process.stderr.read()
    finally:
        server.stop()
    lines = [line for line in log.splitlines() if "cdp_sandbox.access" in line]
    assert len(lines) == 3, log
    assert re.search(r"POST /v2\.1/orders 201 \d+\.\dms$", lines[0]), lines
    assert re.search(rf"GET /v2\.1/orders/{ref} 200 \d+\.\dms$", lines[1]), lines
    assert re.search(r"GET /v2\.1/orders 401 \d+\.\dms$", lines[2]), lines
    encoded = base64.b64encode(b"secret-key-1:secret-token-2").decode()
    for secret in ("secret-key-1", "secret-token-2", encoded):
        assert secret not in log


def test_help_shows_every_default_and_the_environment_and_version_answers() -> None:
    done = _cli("--help")
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    for default in ("(default: 8080)", "(default: sandbox-client-key)", "(default: sandbox-api-token)"):
        assert default in text
    for flag in (
        "--host",
        "--db",
        "--seed",
        "--admin",
        "--log-level",
        "--max-connections",
        "--header-timeout",
    ):
        assert flag in text
    for variable in (
        "CDP_SANDBOX_PORT",
        "CDP_SANDBOX_CLIENT_KEY",
        "CDP_SANDBOX_API_TOKEN",
        "CDP_SANDBOX_FAULTS",
    ):
        assert variable in text
    version = _cli("--version")
    assert version.returncode == 0 and re.fullmatch(r"cdp-sandbox \S+\n", version.stdout)
