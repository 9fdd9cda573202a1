"""Logging (issue 13 item 5) and deprecations (item 6 and the renamed methods of item 1).

Logging: one debug line per request, retry and error on the `sitecore_cdp_client` logger, with the
method, the path, the status and the milliseconds, and never a secret; SITECORE_CDP_LOG=debug
switches it on. Deprecation: the spec's deprecated operations (the legacy v2 ones) warn once per
process; every 0.3 name still works and warns.
"""

from __future__ import annotations

import base64
import importlib
import logging
import os
import pkgutil
import re
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import httpx
import pytest
import sitecore_cdp_client.api as api_package
import yaml
from sitecore_cdp_client import APIConnectionError, NotFoundError, SitecoreCDP, _deprecation
from sitecore_cdp_client.models import LegacyOrderCreate, OrderCreate

from .helpers import API_TOKEN, BASE_URL, CLIENT_KEY, GENERATED, ROOT

LINE = re.compile(r"^(request|retry \d+) (GET|POST|PUT|PATCH|DELETE) (/\S*) -> (\w+) in \d+\.\d ms$")


def _secrets() -> list[str]:
    basic = base64.b64encode(f"{CLIENT_KEY}:{API_TOKEN}".encode()).decode()
    return [CLIENT_KEY, API_TOKEN, basic]


def _messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "sitecore_cdp_client"]


def test_one_debug_line_per_request_retry_and_error(
    make_cdp: Any, caplog: pytest.LogCaptureFixture, no_sleep: list[float]
) -> None:
    answers = iter([httpx.Response(503), httpx.Response(404, json={"message": "Order not found"})])
    caplog.set_level(logging.DEBUG, logger="sitecore_cdp_client")
    with make_cdp(lambda r: next(answers)) as cdp, pytest.raises(NotFoundError):
        cdp.orders.retrieve("o1", extra_headers={"X-Trace": "t"})
    lines = _messages(caplog)
    assert len(lines) == 3, lines
    first, retry, error = lines
    assert LINE.match(first) and first.startswith("request GET /v2.1/orders/o1 -> 503 in ")
    assert LINE.match(retry) and retry.startswith("retry 1 GET /v2.1/orders/o1 -> 404 in ")
    assert error == "error GET /v2.1/orders/o1 -> 404 (NotFoundError)"
    for line in lines:
        assert not any(secret in line for secret in _secrets())


def test_a_transport_failure_is_logged_once_as_an_error(
    make_cdp: Any, caplog: pytest.LogCaptureFixture
) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused")

    caplog.set_level(logging.DEBUG, logger="sitecore_cdp_client")
    with make_cdp(refuse, retry=False) as cdp, pytest.raises(APIConnectionError):
        cdp.orders.create(reference_id="R", ordered_at=_aware(), currency_code="EUR", price=1)
    lines = _messages(caplog)
    assert lines[0].startswith("request POST /v2.1/orders -> ConnectError in ")
    assert lines[1] == "error POST /v2.1/orders -> APIConnectionError (ConnectError)"
    assert len(lines) == 2


def test_lines_carry_the_path_never_the_query(
    make_cdp: Any, caplog: pytest.LogCaptureFixture, fake: Any
) -> None:
    caplog.set_level(logging.DEBUG, logger="sitecore_cdp_client")
    with make_cdp() as cdp:
        cdp.orders.list(guest_ref="guest-7f3a")
    (line,) = _messages(caplog)
    assert line.startswith("request GET /v2.1/orders -> 200 in ") and "guest-7f3a" not in line


def test_nothing_is_logged_below_debug(make_cdp: Any, caplog: pytest.LogCaptureFixture, fake: Any) -> None:
    caplog.set_level(logging.INFO, logger="sitecore_cdp_client")
    with make_cdp() as cdp:
        cdp.orders.list(guest_ref="g1")
    assert _messages(caplog) == []


def test_sitecore_cdp_log_debug_switches_it_on(tmp_path: Path) -> None:
    script = tmp_path / "logged.py"
    script.write_text(
        "import httpx, sys\n"
        f"sys.path.insert(0, {str(GENERATED)!r})\n"
        "from sitecore_cdp_client import SitecoreCDP\n"
        "ok = httpx.MockTransport(lambda r: httpx.Response(200, json={'ref': 'o1', 'href': 'h'}))\n"
        f"cdp = SitecoreCDP(client_key={CLIENT_KEY!r}, api_token={API_TOKEN!r}, base_url={BASE_URL!r}, "
        "transport=ok)\n"
        "print(cdp.orders.retrieve('o1').ref)\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != "SITECORE_CDP_LOG"}
    quiet = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, check=True)
    assert quiet.stdout == "o1\n" and quiet.stderr == ""
    loud = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        env={**env, "SITECORE_CDP_LOG": "debug"},
        check=True,
    )
    assert loud.stdout == "o1\n"
    assert re.search(
        r"sitecore_cdp_client DEBUG request GET /v2.1/orders/o1 -> 200 in \d+\.\d ms", loud.stderr
    )
    assert not any(secret in loud.stderr for secret in _secrets())


def _aware() -> Any:
    import datetime  # noqa: PLC0415

    return datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)


# ---------------------------------------------------------------- deprecation


def _deprecated_in_spec() -> set[str]:
    spec = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text(encoding="utf-8"))
    names = set()
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("deprecated"):
                names.add(re.sub(r"(?<!^)(?=[A-Z])", "_", operation["operationId"]).lower())
    return names


def _warning_operations() -> set[str]:
    found = set()
    for tag in pkgutil.iter_modules(api_package.__path__):
        package = importlib.import_module(f"{api_package.__name__}.{tag.name}")
        for op in pkgutil.iter_modules(package.__path__):
            source = Path(str(package.__path__[0]), f"{op.name}.py").read_text(encoding="utf-8")
            if f'legacy_used("{op.name}")' in source:
                assert source.count(f'legacy_used("{op.name}")') == 4, op.name  # sync, asyncio, both detailed
                found.add(op.name)
    return found


def test_exactly_the_specs_deprecated_operations_warn() -> None:
    deprecated = _deprecated_in_spec()
    assert len(deprecated) == 18
    assert _warning_operations() == deprecated


def test_legacy_use_warns_once_per_process(make_cdp: Any, fake: Any) -> None:
    _deprecation._reset()
    body = LegacyOrderCreate(
        reference_id="L", point_of_sale="spinair.com", ordered_at=_aware(), currency_code="EUR", price=1
    )
    with make_cdp() as cdp, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        order = cdp.legacy.orders.create(body)
        cdp.legacy.orders.retrieve(order.ref)
        cdp.legacy.order_contacts.create(order.ref, first_name="J", last_name="D")
    legacy = [w for w in caught if "legacy" in str(w.message)]
    assert len(legacy) == 1
    assert legacy[0].category is DeprecationWarning
    assert "v2.1" in str(legacy[0].message) and "migration table" in str(legacy[0].message)
    assert legacy[0].filename == __file__  # the caller's line, not the package's


def test_v21_use_does_not_warn(make_cdp: Any, fake: Any) -> None:
    _deprecation._reset()
    with make_cdp() as cdp, warnings.catch_warnings():
        warnings.simplefilter("error")
        order = cdp.orders.create(reference_id="R", ordered_at=_aware(), currency_code="EUR", price=1)
        cdp.orders.retrieve(order.ref)


OLD_NAMES = [
    ("orders", "create_order", "create"),
    ("orders", "retrieve_order", "retrieve"),
    ("orders", "list_orders", "list"),
    ("orders", "iter_list_orders", "iter"),
    ("orders", "delete_order", "delete"),
    ("order_consumers", "list_order_consumer_order_items", "list_order_items"),
    ("order_data_extensions", "delete_order_data_extension_fields", "delete_fields"),
]


@pytest.mark.parametrize(("resource", "old", "new"), OLD_NAMES)
def test_each_old_name_is_an_alias_that_warns(resource: str, old: str, new: str) -> None:
    cdp = SitecoreCDP(client_key=CLIENT_KEY, api_token=API_TOKEN, base_url=BASE_URL)
    method = getattr(getattr(cdp, resource), old)
    assert (method.__doc__ or "").startswith(f"Deprecated alias of `{new}`")


def test_old_names_still_work_and_warn(make_cdp: Any, fake: Any) -> None:
    body = OrderCreate(reference_id="R", ordered_at=_aware(), currency_code="EUR", price=1)
    with make_cdp() as cdp:
        with pytest.warns(
            DeprecationWarning, match=r"orders.create_order is deprecated .* use orders.create"
        ):
            order = cdp.orders.create_order(body=body)
        with pytest.warns(
            DeprecationWarning, match=r"orders.retrieve_order is deprecated .* use orders.retrieve"
        ):
            assert cdp.orders.retrieve_order(order_ref=order.ref).ref == order.ref
        with pytest.warns(
            DeprecationWarning, match=r"orders.iter_list_orders is deprecated .* use orders.iter"
        ):
            assert [o.ref for o in cdp.orders.iter_list_orders(guest_ref="g1")] == [order.ref]
        with pytest.warns(
            DeprecationWarning, match=r"cdp.legacy_orders is deprecated .* use cdp.legacy.orders"
        ):
            legacy = cdp.legacy_orders
        assert legacy is cdp.legacy.orders
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            cdp.legacy.orders.legacy_list_orders(guest_ref="g1")
        assert any("legacy_orders.legacy_list_orders is deprecated" in str(w.message) for w in caught)
        assert all(w.filename == __file__ for w in caught if w.category is DeprecationWarning)


def test_every_old_name_has_an_alias() -> None:
    """All 0.3 method names (one per operation, plus iter_ for paged lists) exist on the new resources."""
    cdp = SitecoreCDP(client_key=CLIENT_KEY, api_token=API_TOKEN, base_url=BASE_URL)
    for tag in pkgutil.iter_modules(api_package.__path__):
        package = importlib.import_module(f"{api_package.__name__}.{tag.name}")
        base = tag.name.rsplit("_v_2", 1)[0]
        old_attr = f"legacy_{base}" if tag.name.endswith("legacy") else base
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            resource = getattr(cdp, old_attr)
        for op in pkgutil.iter_modules(package.__path__):
            assert callable(getattr(resource, op.name)), f"{old_attr}.{op.name}"
