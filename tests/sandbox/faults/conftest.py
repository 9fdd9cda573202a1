"""Fixtures of the fault catalog's tests: the compiled spec and the healthy/faulty pair of a fault."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from cdp_sandbox import SandboxApp
from cdp_sandbox import faults as F
from cdp_sandbox.spec import Spec, compile_spec, load_document
from cdp_sandbox.storage import Store

from ..helpers import AUTH, SPEC
from .scenarios import Pair, clients


@pytest.fixture(scope="module")
def spec() -> Spec:
    return compile_spec(load_document(SPEC))


@pytest.fixture
def pair_for(spec: Spec) -> Iterator[Callable[[str], Pair]]:
    """Builds the healthy/faulty pair for a fault name; closes the clients afterwards."""
    opened: list[httpx.Client] = []

    def make(name: str) -> Pair:
        healthy = SandboxApp(spec, Store(None), *AUTH)
        faulty = F.build(spec, None, AUTH[0], AUTH[1], [name])
        ok, ok_anon = clients(healthy, checked=True)
        bad, bad_anon = clients(faulty, checked=False)
        opened.extend([ok, ok_anon, bad, bad_anon])
        return Pair(ok, bad, ok_anon, bad_anon, faulty)

    yield make
    for client in opened:
        client.close()
