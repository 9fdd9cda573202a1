"""One error family (issue 13 item 3): every failure a caller can meet is a SitecoreCDPError.

A closed port and a slow server on 127.0.0.1 (real sockets, nothing leaves the machine), and a
gateway's HTML page on every generated call path: sync, asyncio and both *_detailed functions of
every operation.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import pkgutil
import socket
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import ModuleType
from typing import Any

import httpx
import pytest
import sitecore_cdp_client.api as api_package
from sitecore_cdp_client import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    AsyncSitecoreCDP,
    ServerError,
    SitecoreCDP,
    SitecoreCDPError,
)

from .helpers import API_TOKEN, CLIENT_KEY

HTML = b"<html><body><h1>502 Bad Gateway</h1></body></html>"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


class _Slow(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        time.sleep(1.0)
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def slow_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_closed_port_is_an_api_connection_error() -> None:
    base_url = f"http://127.0.0.1:{_closed_port()}"
    with (
        SitecoreCDP(client_key=CLIENT_KEY, api_token=API_TOKEN, base_url=base_url, retry=False) as cdp,
        pytest.raises(APIConnectionError) as err,
    ):
        cdp.orders.retrieve("o1")
    assert not isinstance(err.value, APITimeoutError)
    assert isinstance(err.value, SitecoreCDPError)
    assert isinstance(err.value.__cause__, httpx.ConnectError)
    assert err.value.method == "GET" and err.value.url == f"{base_url}/v2.1/orders/o1"
    assert API_TOKEN not in str(err.value) and CLIENT_KEY not in str(err.value)


def test_a_closed_port_async() -> None:
    base_url = f"http://127.0.0.1:{_closed_port()}"

    async def run() -> None:
        async with AsyncSitecoreCDP(client_key=CLIENT_KEY, api_token=API_TOKEN, base_url=base_url) as cdp:
            await cdp.orders.create(
                reference_id="R", ordered_at=_aware(), currency_code="EUR", price=1
            )  # POST: not retried

    with pytest.raises(APIConnectionError):
        asyncio.run(run())


def test_a_slow_server_is_an_api_timeout_error(slow_server: str) -> None:
    with SitecoreCDP(client_key=CLIENT_KEY, api_token=API_TOKEN, base_url=slow_server) as cdp:
        started = time.perf_counter()
        with pytest.raises(APITimeoutError) as err:
            cdp.orders.retrieve("o1", timeout=0.2, retry=False)
        assert time.perf_counter() - started < 0.9
    assert isinstance(err.value, APIConnectionError)
    assert isinstance(err.value.__cause__, httpx.TimeoutException)
    assert "timed out" in str(err.value)


def test_a_slow_server_async(slow_server: str) -> None:
    async def run() -> None:
        async with AsyncSitecoreCDP(
            client_key=CLIENT_KEY, api_token=API_TOKEN, base_url=slow_server, timeout=0.2, retry=False
        ) as cdp:
            await cdp.orders.retrieve("o1")

    with pytest.raises(APITimeoutError):
        asyncio.run(run())


def _aware() -> Any:
    import datetime  # noqa: PLC0415

    return datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)


def _operations() -> list[ModuleType]:
    found = []
    for tag in pkgutil.iter_modules(api_package.__path__):
        package = importlib.import_module(f"{api_package.__name__}.{tag.name}")
        for op in pkgutil.iter_modules(package.__path__):
            found.append(importlib.import_module(f"{package.__name__}.{op.name}"))
    return found


OPERATIONS = _operations()


def _documented_errors(module: ModuleType) -> list[int]:
    source = inspect.getsource(module._parse_response)
    return [s for s in (400, 401, 403, 404, 409, 415) if f"status_code == {s}" in source]


def _call_args(function: Any) -> dict[str, Any]:
    """Placeholders for the required arguments (the operation's _get_kwargs is replaced in these tests)."""
    args: dict[str, Any] = {}
    for name, parameter in inspect.signature(function).parameters.items():
        if (
            name != "client"
            and parameter.default is inspect.Parameter.empty
            and parameter.kind
            not in (
                inspect.Parameter.VAR_KEYWORD,
                inspect.Parameter.VAR_POSITIONAL,
            )
        ):
            args[name] = None
    return args


@pytest.mark.parametrize("module", OPERATIONS, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_an_html_body_never_crashes_a_call_path(module: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    """For every status the operation documents as an error, and a gateway's 502, with an HTML body:
    sync/asyncio raise the APIError of the status; *_detailed return the response with `parsed=None`
    (or raise the APIError, for a status the spec does not list). For its success status, an HTML body
    is an APIResponseValidationError. Never a JSONDecodeError, never a raw httpx error."""
    monkeypatch.setattr(module, "_get_kwargs", lambda **_: {"method": "GET", "url": "/v2.1/x"})
    status = {"value": 502}

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status["value"], content=HTML, headers={"Content-Type": "text/html"})

    transport = httpx.MockTransport(handler)
    args = _call_args(module.sync)
    sync_cdp = SitecoreCDP(
        client_key=CLIENT_KEY,
        api_token=API_TOKEN,
        base_url="https://cdp.test",
        transport=transport,
        retry=False,
    )
    async_cdp = AsyncSitecoreCDP(
        client_key=CLIENT_KEY,
        api_token=API_TOKEN,
        base_url="https://cdp.test",
        transport=transport,
        retry=False,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the legacy operations warn; not the point here
        for code in [*_documented_errors(module), 502]:
            status["value"] = code
            with pytest.raises(APIError) as err:
                module.sync(client=sync_cdp, **args)
            assert err.value.status_code == code and err.value.error is None
            assert "502 Bad Gateway" in str(err.value)
            with pytest.raises(APIError):
                asyncio.run(module.asyncio(client=async_cdp, **args))
            detailed_calls: list[Callable[[], Any]] = [
                lambda: module.sync_detailed(client=sync_cdp, **args),
                lambda: asyncio.run(module.asyncio_detailed(client=async_cdp, **args)),
            ]
            for detailed in detailed_calls:
                try:
                    response = detailed()
                except APIError as raised:
                    assert code == 502 and raised.status_code == 502
                else:
                    assert response.status_code == code and response.parsed is None
                    assert response.content == HTML
        success = _success_status(module)
        if success is not None:
            status["value"] = success
            success_calls: list[Callable[[], Any]] = [
                lambda: module.sync(client=sync_cdp, **args),
                lambda: module.sync_detailed(client=sync_cdp, **args),
                lambda: asyncio.run(module.asyncio(client=async_cdp, **args)),
            ]
            for call in success_calls:
                with pytest.raises(APIResponseValidationError) as bad:
                    call()
                assert (
                    bad.value.status_code == success and bad.value.rule == "body fits the documented response"
                )


def _success_status(module: ModuleType) -> int | None:
    """The first documented success status with a JSON body, if any."""
    source = inspect.getsource(module._decode_success)
    for code in (200, 201):
        marker = f"status_code == {code}:"
        if marker in source and "from_dict" in source.split(marker, 1)[1].split("if response", 1)[0]:
            return code
    return None


def test_a_json_error_body_of_another_shape_is_kept(make_cdp: Any) -> None:
    """A JSON error body that is not Sitecore's (a list, say) is not parsed into ErrorBody, and does not crash."""
    with (
        make_cdp(lambda r: httpx.Response(502, json=["upstream", "down"]), retry=False) as cdp,
        pytest.raises(ServerError) as err,
    ):
        cdp.orders.retrieve("o1")
    assert err.value.error is None and "upstream" in str(err.value)


def test_a_success_body_that_does_not_fit_its_model_names_the_field(make_cdp: Any) -> None:
    """Valid JSON, but not the documented model (no `href`): the response's error, naming the field."""
    from sitecore_cdp_client.api.orders_v_2_1 import retrieve_order  # noqa: PLC0415

    with make_cdp(lambda r: httpx.Response(200, json={"ref": "o1"}), retry=False) as cdp:
        with pytest.raises(APIResponseValidationError, match="missing required field 'href'") as err:
            cdp.orders.retrieve("o1")
        assert err.value.rule == "body fits the documented response"
        with pytest.raises(APIResponseValidationError, match="missing required field 'href'"):
            retrieve_order.sync_detailed(client=cdp, order_ref="o1")
