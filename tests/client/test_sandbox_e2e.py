"""End to end: the generated client against the project's sandbox (sandbox/cdp_sandbox).

Sync calls go over a real socket to uvicorn on 127.0.0.1; async calls go in-process through
httpx.ASGITransport. Both run the typed usage file, so what users write works against a server
that validates requests and responses against the same spec.
"""

from __future__ import annotations

import asyncio
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from sitecore_cdp_client import AsyncSitecoreCDP, AuthenticationError, NotFoundError, SitecoreCDP
from sitecore_cdp_client.models import OrderCreate

sandbox_app = pytest.importorskip(
    "cdp_sandbox.factory", reason="the sandbox package (cdp_sandbox) is not installed"
)
launcher = pytest.importorskip("cdp_sandbox.launcher")

HERE = Path(__file__).resolve().parent
SPEC = HERE.parents[1] / "spec" / "openapi.yaml"
KEY, TOKEN = "e2e-key", "e2e-token"


def _usage() -> ModuleType:
    spec = importlib.util.spec_from_file_location("typed_usage_e2e", HERE / "typed_usage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _app() -> Any:
    return sandbox_app.create_app(spec_path=SPEC, client_key=KEY, api_token=TOKEN)


@pytest.fixture
def sandbox_url() -> Iterator[str]:
    with launcher.serve("--spec", str(SPEC), client_key=KEY, api_token=TOKEN, admin=False) as sandbox:
        yield sandbox.base_url


def test_sync_usage_against_the_sandbox(sandbox_url: str) -> None:
    usage = _usage()
    with SitecoreCDP(client_key=KEY, api_token=TOKEN, base_url=sandbox_url) as cdp:
        seen = usage.v21_lifecycle(cdp, "f7aabbca-1c1b-4fc2-be72-3e16294a4f03")
        assert any(s.startswith("404") for s in seen)
        assert "deleted" in seen  # the sandbox's delete answers 204: the client returns None
        usage.legacy_lifecycle(cdp, "f7aabbca-1c1b-4fc2-be72-3e16294a4f03")


def test_wrong_credentials_raise_authentication_error(sandbox_url: str) -> None:
    with (
        SitecoreCDP(client_key=KEY, api_token="wrong", base_url=sandbox_url) as cdp,
        pytest.raises(AuthenticationError) as info,
    ):
        cdp.orders.retrieve("2d7de9df-45a2-45ea-872c-30e45139007d")
    assert info.value.status_code == 401
    assert "wrong" not in str(info.value)


def test_async_usage_in_process() -> None:
    usage = _usage()

    async def run() -> list[str]:
        transport = httpx.ASGITransport(app=_app())
        async with AsyncSitecoreCDP(
            client_key=KEY, api_token=TOKEN, base_url="http://sandbox.test", async_transport=transport
        ) as cdp:
            refs: list[str] = await usage.async_usage(cdp, "f7aabbca-1c1b-4fc2-be72-3e16294a4f03")
            with pytest.raises(NotFoundError):
                await cdp.orders.retrieve("00000000-0000-4000-8000-000000000000")
            return refs

    assert len(asyncio.run(run())) >= 1


def test_iteration_pages_against_the_sandbox(sandbox_url: str) -> None:
    import datetime  # noqa: PLC0415

    with SitecoreCDP(client_key=KEY, api_token=TOKEN, base_url=sandbox_url) as cdp:
        created = {
            cdp.orders.create(
                body=OrderCreate(
                    reference_id="PAGE",
                    ordered_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
                    currency_code="EUR",
                    price=float(i),
                )
            ).ref
            for i in range(7)
        }
        # GET /v2.1/orders needs exactly one filter: the seven share a referenceId (three pages of 3).
        listed = [o.ref for o in cdp.orders.iter(reference_id="PAGE", page_size=3)]
    assert len(listed) == 7 and set(listed) == created
