"""The `cdp_sandbox` pytest fixture, active wherever the kit is installed (a `pytest11` entry point).

    def test_order_round_trip(cdp_sandbox):
        with cdp_sandbox.client() as cdp:  # a configured sitecore_cdp_client.SitecoreCDP
            ...
        requests.get(cdp_sandbox.base_url + "/v2.1/orders", params=..., auth=cdp_sandbox.auth)

One sandbox process per test session on a free 127.0.0.1 port (started at the first test that asks for it),
emptied before each test, so every test starts from an empty store and stays fast. `--cdp-sandbox-arg`
passes flags to it (`--cdp-sandbox-arg=--log-level=info`).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .launcher import Sandbox, serve


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cdp_sandbox", "Sitecore CDP sandbox fixture")
    group.addoption(
        "--cdp-sandbox-arg",
        action="append",
        default=[],
        metavar="ARG",
        help="an extra cdp-sandbox flag for the session's sandbox (repeatable), e.g. --cdp-sandbox-arg=--seed=docs",
    )


@pytest.fixture(scope="session")
def cdp_sandbox_server(request: pytest.FixtureRequest) -> Iterator[Sandbox]:
    """The session's sandbox process (started with `--admin` so tests can be isolated by a reset)."""
    extra: list[str] = request.config.getoption("--cdp-sandbox-arg")
    with serve(*extra) as sandbox:
        yield sandbox


@pytest.fixture
def cdp_sandbox(cdp_sandbox_server: Sandbox) -> Sandbox:
    """A running, empty sandbox: `base_url`, `client_key`, `api_token`, `auth`, `client()`, `state()`."""
    cdp_sandbox_server.reset()
    return cdp_sandbox_server
