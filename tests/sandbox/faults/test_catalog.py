"""The fault catalog: each fault changes the sandbox exactly as its description says, the healthy sandbox does not.

Every scenario (tests/sandbox/faults/scenarios_<category>.py, one module per category module of
`sandbox/cdp_sandbox/faults/`) runs the same requests against a healthy sandbox (whose answers are checked against the
spec) and against a sandbox with one fault, and asserts both sides; a catalog entry without a scenario fails.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable

import httpx
import pytest
from cdp_sandbox import SandboxApp, create_app
from cdp_sandbox import faults as F
from cdp_sandbox.cli import parse_args
from cdp_sandbox.factory import app_factory
from cdp_sandbox.spec import Spec
from cdp_sandbox.storage import Store

from ..helpers import AUTH, ORDER_V21, SANDBOX_SRC, SPEC, LiveServer

# Each scenarios module registers its scenarios when imported.
from . import (  # noqa: F401
    scenarios_auth,
    scenarios_headers_media,
    scenarios_response_schema,
    scenarios_robustness,
    scenarios_state,
    scenarios_status,
    scenarios_validation,
)
from .scenarios import SCENARIOS, Pair, clients, order, with_items

# -- the tests ------------------------------------------------------------------------------------------


def test_every_fault_has_a_scenario() -> None:
    assert sorted(SCENARIOS) == sorted(F.CATALOG)
    # Each in the scenarios module named after its fault's category module (`auth` -> scenarios_auth.py).
    misplaced = {
        name: check.__module__
        for name, check in SCENARIOS.items()
        if check.__module__.rsplit(".", 1)[-1] != "scenarios_" + F.CATALOG[name].category.replace("-", "_")
    }
    assert not misplaced, misplaced


@pytest.mark.parametrize("name", list(F.CATALOG))
def test_fault_behaves_as_described(pair_for: Callable[[str], Pair], name: str) -> None:
    SCENARIOS[name](pair_for(name))


def test_catalog_is_data_covering_every_category() -> None:
    assert len(F.CATALOG) >= 30
    assert {f.category for f in F.CATALOG.values()} == set(F.CATEGORIES)
    for name, entry in F.CATALOG.items():
        assert entry.name == name and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name)
        assert entry.description.endswith(".") and len(entry.description) > 20
        # Each names the spec element it breaks: an operationId, a schema, a parameter, a status or security.
        assert re.search(
            r"[a-z]+[A-Z]\w+|schemas\.|parameters\.|responses\.|security|RFC|\b[2-5]\d\d\b", entry.breaks
        ), name


def test_the_healthy_app_is_unaffected(spec: Spec) -> None:
    """A faulty app with no fault answers a scripted session exactly as the plain sandbox does."""
    plain, _ = clients(SandboxApp(spec, Store(None), *AUTH), checked=True)
    layered, _ = clients(F.build(spec, None, AUTH[0], AUTH[1], []), checked=True)
    seen = []
    for c in (plain, layered):
        ref, items = with_items(c, 3)
        steps = [
            c.get(f"/v2.1/orders/{ref}/orderItems", params={"limit": 2, "offset": 1}),
            c.patch(f"/v2.1/orderItems/{items[0]}", json={"quantity": 3}),
            c.delete(f"/v2.1/orderItems/{items[1]}"),
            c.get("/v2/orders"),
            c.put("/v2/orders", json={}),
            c.delete(f"/v2.1/orders/{ref}"),
            c.get(f"/v2.1/orderItems/{items[0]}"),
        ]
        seen.append([(r.status_code, r.headers.get("content-type"), r.headers.get("allow")) for r in steps])
        c.close()
    assert seen[0] == seen[1]
    assert create_app(spec_path=SPEC).__class__ is SandboxApp


def test_create_app_switches_faults_on_and_rejects_unknown_names() -> None:
    app = create_app(spec_path=SPEC, faults=["create-answers-200", "json-as-text-plain"])
    assert isinstance(app, F.FaultyApp)
    assert [f.name for f in app.faults] == ["create-answers-200", "json-as-text-plain"]
    with pytest.raises(ValueError, match=r"unknown fault 'nope'.*create-answers-200"):
        create_app(spec_path=SPEC, faults=["nope"])


def test_the_asgi_entry_awaits_the_delay(spec: Spec, monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr("cdp_sandbox.faults.asyncio.sleep", fake_sleep)
    app = F.build(spec, None, AUTH[0], AUTH[1], ["slow-order-delete"])
    c, _ = clients(app, checked=False)
    ref = order(c)["ref"]
    assert c.delete(f"/v2.1/orders/{ref}").status_code == 204
    assert slept == [F.HANG_SECONDS]
    c.close()


def test_faults_compose(spec: Spec) -> None:
    c, anon = clients(
        F.build(spec, None, AUTH[0], AUTH[1], ["create-answers-200", "no-credentials-accepted"]),
        checked=False,
    )
    assert anon.post("/v2.1/orders", json=ORDER_V21).status_code == 200
    c.close()


def test_app_factory_builds_fresh_apps() -> None:
    make = app_factory(["delete-keeps-order"], spec_path=SPEC)
    first, second = make(), make()
    assert first is not second and first.store is not second.store
    assert isinstance(first, F.FaultyApp)


# -- the command line ------------------------------------------------------------------------------------


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {**os.environ, "PYTHONPATH": str(SANDBOX_SRC), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "cdp_sandbox", "--spec", str(SPEC), *args],
        capture_output=True,
        text=True,
        env=base,
        timeout=60,
        check=False,
    )


def test_list_faults_prints_the_catalog() -> None:
    done = _cli("--list-faults")
    assert done.returncode == 0
    for name, entry in F.CATALOG.items():
        assert name in done.stdout and entry.breaks in done.stdout


def test_unknown_fault_is_a_clear_error_listing_the_catalog() -> None:
    done = _cli("--port", "0", "--fault", "no-such-fault")
    assert done.returncode == 2
    assert "unknown fault 'no-such-fault'" in done.stderr and "create-answers-200" in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_serves_with_repeated_faults() -> None:
    server = LiveServer("--fault", "create-answers-200", "--fault", "json-as-text-plain")
    try:
        with httpx.Client(base_url=server.url, auth=AUTH, timeout=10) as client:
            created = client.post("/v2.1/orders", json=ORDER_V21)
            assert created.status_code == 200
            assert created.headers["content-type"].startswith("text/plain")
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=15) == 0
        assert server.process.stderr is not None
        assert "faults injected: create-answers-200, json-as-text-plain" in server.process.stderr.read()
    finally:
        server.stop()


def test_faults_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CDP_SANDBOX_FAULTS", "create-answers-200, no-allow-on-405")
    assert parse_args([]).faults == ["create-answers-200", "no-allow-on-405"]
    assert parse_args(["--fault", "order-ref-missing"]).faults == ["order-ref-missing"]
    monkeypatch.delenv("CDP_SANDBOX_FAULTS")
    assert parse_args([]).faults == []
