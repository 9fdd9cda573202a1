"""The store's group commit: reads see pending inserts, responses wait for the commit, failures are 503."""

from __future__ import annotations

import asyncio
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import orjson
import pytest
from cdp_sandbox import SandboxApp, create_app
from cdp_sandbox.storage import ORDER, Store
from httpx import Client

from .helpers import AUTH, ORDER_V21, SPEC

AUTH_HEADER = (b"authorization", b"Basic c2FuZGJveC1jbGllbnQta2V5OnNhbmRib3gtYXBpLXRva2Vu")


def _count(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM resource").fetchone()[0])


def test_reads_commit_pending_inserts_first() -> None:
    store = Store()
    record = store.insert(ORDER, None, {"referenceId": "R"})
    assert store.dirty and _count(store) == 0
    found = store.get(ORDER, record.ref)
    assert found is not None and found.fields == {"referenceId": "R"}
    assert not store.dirty and _count(store) == 1


def test_committed_resolves_after_one_transaction() -> None:
    store = Store()

    async def scenario() -> None:
        for i in range(5):
            store.insert(ORDER, None, {"referenceId": f"R{i}"})
        waiter = store.committed()
        assert store.committed() is waiter, "one commit per loop turn"
        await waiter

    asyncio.run(scenario())
    assert _count(store) == 5 and not store.dirty


def test_concurrent_creates_are_all_committed_before_their_responses(app: SandboxApp) -> None:
    body = orjson.dumps(ORDER_V21)
    statuses: list[int] = []
    committed_at_send: list[int] = []

    async def one() -> None:
        scope = {
            "type": "http",
            "method": "POST",
            "path": "/v2.1/orders",
            "query_string": b"",
            "headers": [AUTH_HEADER, (b"content-type", b"application/json"), (b"host", b"t")],
        }

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                statuses.append(message["status"])
                committed_at_send.append(_count(app.store))

        await app(scope, receive, send)

    async def many() -> None:
        await asyncio.gather(*(one() for _ in range(20)))

    asyncio.run(many())
    assert statuses == [201] * 20
    assert min(committed_at_send) == 20, "every response left after the whole group was committed"


def test_a_failed_commit_answers_503_and_forgets_the_ref(app: SandboxApp, anon: Client) -> None:
    app.store.conn.close()
    response = anon.post("/v2.1/orders", json=ORDER_V21, auth=AUTH)
    assert response.status_code == 503
    assert response.json()["code"] == 503
    assert not app.store.dirty


def test_state_survives_a_clean_restart(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = create_app(spec_path=SPEC, db=db)
    record = first.store.insert(ORDER, None, {"referenceId": "KEEP"})
    first.store.close()
    second = create_app(spec_path=SPEC, db=db)
    again = second.store.get(ORDER, record.ref)
    assert again is not None and again.fields["referenceId"] == "KEEP"
    later = second.store.insert(ORDER, None, {"referenceId": "NEXT"})
    assert later.seq > record.seq


@pytest.mark.parametrize("legacy", [False, True])
def test_create_then_list_in_one_client_sees_the_row(client: Client, legacy: bool) -> None:
    path = "/v2/orders" if legacy else "/v2.1/orders"
    ref = client.post("/v2.1/orders", json={**ORDER_V21, "referenceId": "SEEN"}).json()["ref"]
    listed = client.get(path, params={"referenceId": "SEEN"}, auth=AUTH).json()["items"]
    assert [item["href"].rsplit("/", 1)[1] for item in listed] == [ref]
