"""Reliability against a real server process: concurrent writers, kill -9 durability, a bad-input corpus."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
from cdp_sandbox import SandboxApp

from .helpers import AUTH, CONTACT_V21, ORDER_V21, LiveServer

WRITERS = 8
ORDERS_PER_WRITER = 25


def _all_refs(client: httpx.Client, reference_id: str) -> list[str]:
    page = client.get("/v2.1/orders", params={"referenceId": reference_id, "limit": 1000}).json()
    return [item["href"].rsplit("/", 1)[1] for item in page["items"]]


def test_concurrent_writers_lose_and_duplicate_nothing(live_server: LiveServer) -> None:
    created: dict[int, list[tuple[str, str]]] = {}
    errors: list[str] = []

    def writer(index: int) -> None:
        pairs: list[tuple[str, str]] = []
        with httpx.Client(base_url=live_server.url, auth=AUTH, timeout=30) as client:
            for _ in range(ORDERS_PER_WRITER):
                order = client.post("/v2.1/orders", json={**ORDER_V21, "referenceId": f"W{index}"})
                if order.status_code != 201:
                    errors.append(order.text)
                    return
                ref = order.json()["ref"]
                contact = client.post(f"/v2.1/orders/{ref}/contacts", json=CONTACT_V21)
                if contact.status_code != 201:
                    errors.append(contact.text)
                    return
                pairs.append((ref, contact.json()["ref"]))
        created[index] = pairs

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    assert len(created) == WRITERS
    with httpx.Client(base_url=live_server.url, auth=AUTH, timeout=30) as client:
        all_orders = [ref for pairs in created.values() for ref, _ in pairs]
        assert len(set(all_orders)) == WRITERS * ORDERS_PER_WRITER
        for index, pairs in created.items():
            assert _all_refs(client, f"W{index}") == [ref for ref, _ in pairs]
            for order_ref, contact_ref in pairs:
                contacts = client.get(f"/v2.1/orders/{order_ref}/contacts").json()["items"]
                assert [c["href"].rsplit("/", 1)[1] for c in contacts] == [contact_ref]


def test_acknowledged_writes_survive_kill_9(tmp_path: Path) -> None:
    db = tmp_path / "sandbox.db"
    server = LiveServer("--db", str(db))
    acknowledged: list[tuple[str, str]] = []
    stop = threading.Event()

    def writer() -> None:
        with httpx.Client(base_url=server.url, auth=AUTH, timeout=5) as client:
            for i in range(5000):
                if stop.is_set():
                    return
                try:
                    order = client.post("/v2.1/orders", json={**ORDER_V21, "referenceId": "CRASH"})
                    if order.status_code != 201:
                        return
                    ref = order.json()["ref"]
                    acknowledged.append((ref, ""))
                    ext = client.post(f"/v2.1/orders/{ref}/extensions/ext", json={"n": i})
                    if ext.status_code == 201:
                        acknowledged[-1] = (ref, "ext")
                except httpx.HTTPError:
                    return

    thread = threading.Thread(target=writer)
    thread.start()
    deadline = time.monotonic() + 30
    while len(acknowledged) < 150 and time.monotonic() < deadline and thread.is_alive():
        time.sleep(0.01)
    server.kill()
    stop.set()
    thread.join(timeout=30)
    assert len(acknowledged) >= 150
    restarted = LiveServer("--db", str(db))
    try:
        with httpx.Client(base_url=restarted.url, auth=AUTH, timeout=30) as client:
            stored = []
            offset = 0
            while True:
                page = client.get(
                    "/v2.1/orders", params={"referenceId": "CRASH", "offset": offset, "limit": 1000}
                )
                items = page.json()["items"]
                stored += [item["href"].rsplit("/", 1)[1] for item in items]
                offset += 1000
                if len(items) < 1000 or offset > 100_000:
                    break
            counts = Counter(stored)
            assert not [ref for ref, n in counts.items() if n > 1]
            for ref, ext in acknowledged:
                assert ref in counts
                if ext:
                    assert client.get(f"/v2.1/orders/{ref}/extensions/ext").status_code == 200
            assert len(stored) - len(acknowledged) <= 1, (
                "at most the one in-flight create may be unacknowledged"
            )
            # the restarted store keeps accepting writes
            assert client.post("/v2.1/orders", json=ORDER_V21).status_code == 201
    finally:
        restarted.stop()


# -- bad input ---------------------------------------------------------------------------------

BODIES: list[bytes] = [
    b"",
    b"{",
    b"}",
    b"null",
    b"true",
    b"0",
    b"[]",
    b"{}",
    b'{"a":1,}',
    b"\xff\xfe\xfd",
    b'{"referenceId": "\xed\xa0\x80"}',
    b'{"referenceId": "\\ud800"}',
    b'{"referenceId": "\\udfff\\ud800"}',
    b'{"price": NaN}',
    b'{"price": Infinity}',
    b'{"price": -1e999}',
    b'{"price": 1' + b"0" * 400 + b"}",
    b'{"price": 0.' + b"0" * 400 + b"1}",
    b'{"price": 18446744073709551616}',
    b'{"price": -9223372036854775809}',
    b"[" * 5000 + b"]" * 5000,
    b'{"a":' * 2000 + b"1" + b"}" * 2000,
    b'{"referenceId": "' + "\u202e\u0000\ufeff🚀".encode() * 100 + b'"}',
    b'{"' + b"k" * 10000 + b'": 1}',
    b'{"firstName": ' + b'"x",' * 3 + b'"lastName": "y"}',
    b'{"identifiers": [{"provider": {"nested": true}, "id": [1]}]}',
    b'{"orderItems": {"items": [{"href": 12}, {"href": "///"}, "x", null]}}',
    b'{"orderItems": {"orderItems": [{"href": "http://x/v2.1/orderItems/ZZZ"}]}}',
    b'{"guest": {"href": ""}}',
    b'{"guest": {"href": "/"}}',
    b'{"dateOfBirth": "9999-99-99T99:99:99Z"}',
    b"\x00" * 64,
    b'{"a": "b"}' * 3,
]
CONTENT_TYPES = [
    None,
    "application/json",
    "text/plain",
    "application/json; charset=utf-16",
    "multipart/form-data",
]


def _concrete(template: str, refs: dict[str, str]) -> str:
    path = template
    for name, value in refs.items():
        path = path.replace("{" + name + "}", value)
    return path.replace("{dataExtensionName}", "ext")


def test_bad_input_corpus_never_yields_5xx_in_process(app: SandboxApp, client: httpx.Client) -> None:
    order = client.post("/v2.1/orders", json=ORDER_V21).json()["ref"]
    item = client.post(
        f"/v2.1/orders/{order}/orderItems",
        json={"name": "n", "type": "MOBILE", "status": "S", "price": 1, "currencyCode": "EUR"},
    ).json()["ref"]
    contact = client.post(f"/v2.1/orders/{order}/contacts", json=CONTACT_V21).json()["ref"]
    consumer = client.post(f"/v2.1/orders/{order}/consumers", json={"firstName": "a"}).json()["ref"]
    client.post(f"/v2.1/orders/{order}/extensions/ext", json={"a": 1})
    refs = {"orderRef": order, "orderItemRef": item, "orderContactRef": contact, "orderConsumerRef": consumer}
    with_body = [op for op in app.spec.operations.values() if op.body_validator is not None]
    seen: Counter[int] = Counter()
    for op in with_body:
        path = _concrete(op.template, refs)
        for body in BODIES:
            for content_type in CONTENT_TYPES:
                headers = {"Content-Type": content_type} if content_type else {}
                response = client.request(op.method, path, content=body, headers=headers)
                seen[response.status_code] += 1
                assert response.status_code < 500, (op.operation_id, body[:40], content_type, response.text)
    assert seen[400] and seen[415]


@pytest.mark.parametrize(
    "path",
    [
        "/v2.1/orders?offset=%00&limit=%ff",
        "/v2.1/orders?offset=99999999999999999999999999999&limit=1",
        "/v2.1/orders?offset=1e3",
        "/v2.1/orders?limit=-0",
        "/v2.1/orders?expand=TRUE&sort=",
        "/v2.1/orders?referenceId=&guestRef=",
        "/v2.1/orders?offset=1&offset=2&offset=x",
        "/v2.1/orders/%2e%2e/%2e%2e/etc/passwd",
        "/v2.1/orders/" + "a" * 5000,
        "/v2.1//orders",
        "/v2.1/orders/0840FF0D-685A-41C8-8F29-4DD9FA2E3245/extensions/ext/fields?name=%7C%7C",
        "/v2.1/orderItems/0840ff0d-685a-41c8-8f29-4dd9fa2e3245/extensions/EXT",
        "/v2/orders?guestRef=%F0%9F%9A%80",
        "/%ff%fe",
    ],
)
def test_odd_urls_never_yield_5xx(client: httpx.Client, path: str) -> None:
    for method in ("GET", "DELETE", "POST", "OPTIONS"):
        response = client.request(method, path)
        assert response.status_code < 500, (method, path, response.text)


def _raw(url: str, payload: bytes) -> bytes:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(payload)
        data = b""
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    return data


AUTH_HEADER = b"Authorization: Basic c2FuZGJveC1jbGllbnQta2V5OnNhbmRib3gtYXBpLXRva2Vu\r\n"


@pytest.mark.parametrize(
    "payload",
    [
        b"POST /v2.1/orders HTTP/1.1\r\nHost: x\r\n" + AUTH_HEADER + b"Content-Type: application/json\r\n"
        b"Content-Length: 99999999999999999999\r\n\r\n{}",
        b"POST /v2.1/orders HTTP/1.1\r\nHost: x\r\n" + AUTH_HEADER + b"Content-Type: application/json\r\n"
        b"Content-Length: 2000000\r\n\r\n{",
        b"POST /v2.1/orders HTTP/1.1\r\nHost: \xff\xfe\r\n" + AUTH_HEADER + b"Content-Length: 2\r\n\r\n{}",
        b"GET /v2.1/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + b"A" * 60000 + b"\r\n\r\n",
        b"GET /v2.1/orders HTTP/1.1\r\nHost: <script>\r\n" + AUTH_HEADER + b"\r\n",
        b"BREW /v2.1/orders HTTP/1.1\r\nHost: x\r\n" + AUTH_HEADER + b"\r\n",
    ],
)
def test_raw_http_oddities_never_yield_5xx(live_server: LiveServer, payload: bytes) -> None:
    status_line = _raw(live_server.url, payload).split(b"\r\n", 1)[0]
    assert not status_line.startswith(b"HTTP/1.1 5"), status_line


def test_oversized_and_chunked_bodies_over_http(live_server: LiveServer) -> None:
    with httpx.Client(base_url=live_server.url, auth=AUTH, timeout=30) as client:
        big = b'{"referenceId": "' + b"x" * (2 * 1024 * 1024) + b'"}'
        headers = {"Content-Type": "application/json"}
        assert client.post("/v2.1/orders", content=big, headers=headers).status_code == 413

        def chunks() -> Any:
            yield b'{"referenceId": "'
            for _ in range(40):
                yield b"y" * 65536
            yield b'"}'

        assert client.post("/v2.1/orders", content=chunks(), headers=headers).status_code == 413
        assert client.post("/v2.1/orders", json=ORDER_V21).status_code == 201
