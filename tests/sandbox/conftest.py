"""Fixtures: an in-process sandbox whose every response is checked against the spec, and a live server."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from cdp_sandbox import SandboxApp, create_app

from .helpers import AUTH, SPEC, ASGITransport, LiveServer, SpecChecker


@pytest.fixture
def app() -> SandboxApp:
    """A fresh in-memory sandbox per test."""
    return create_app(spec_path=SPEC)


@pytest.fixture
def client(app: SandboxApp) -> Iterator[httpx.Client]:
    """An authenticated in-process client whose responses are all checked against the spec."""
    checker = SpecChecker(app)
    transport = ASGITransport(app)
    with httpx.Client(
        transport=transport,
        base_url="http://testserver",
        auth=AUTH,
        event_hooks={"response": [checker.check]},
    ) as test_client:
        yield test_client


@pytest.fixture
def anon(app: SandboxApp) -> Iterator[httpx.Client]:
    """A client without credentials (responses not checked: some tests send what the spec forbids)."""
    with httpx.Client(transport=ASGITransport(app), base_url="http://testserver") as test_client:
        yield test_client


@pytest.fixture
def live_server() -> Iterator[LiveServer]:
    """A real uvicorn server in a subprocess, in-memory store."""
    server = LiveServer()
    try:
        yield server
    finally:
        server.stop()
