"""A list filter the docs add is honoured by the sandbox and judged by the suite from its spec declaration alone.

The user's story: Sitecore documents a new query parameter `status` on the v2.1 order list. Its `x-filter` in a copy
of the spec is the only change: the sandbox built from that copy honours it, and the suite run with that copy
judges it (a sandbox that does not know the filter lists every order, and list_filter_honoured says so). The guest
filter of both lists is judged the same way, with orders made to match and not match.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from cdp_sandbox.factory import app_factory

from contract_tests.context import RunOptions, default_spec_path
from contract_tests.runner import EXIT_DEVIATIONS, EXIT_OK, execute
from tests.contract.helpers import asgi
from tests.sandbox.helpers import AUTH, ASGITransport

STATUS_FILTER = {
    "name": "status",
    "in": "query",
    "description": "Only the orders in this status.",
    "schema": {"$ref": "#/components/schemas/OrderStatus"},
    "x-filter": {"field": "status", "match": "exact"},
}


def spec_with_status_filter(tmp_path: Path) -> Path:
    """The committed spec plus the documented `status` filter on GET /v2.1/orders, and nothing else."""
    document: dict[str, Any] = yaml.safe_load(default_spec_path().read_text(encoding="utf-8"))
    document["paths"]["/v2.1/orders"]["get"]["parameters"].append(STATUS_FILTER)
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def order(client: httpx.Client, status: str) -> str:
    body = {
        "referenceId": "LT",
        "orderedAt": "2024-01-01T10:00:00Z",
        "currencyCode": "EUR",
        "price": 10,
        "pointOfSale": "home",
        "channel": "WEB",
        "status": status,
    }
    answer = client.post("/v2.1/orders", json=body)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["ref"])


def listed(client: httpx.Client, **query: str) -> set[str]:
    answer = client.get("/v2.1/orders", params={"referenceId": "LT", "expand": "true", **query})
    assert answer.status_code == 200, answer.text
    return {item["ref"] for item in answer.json()["items"]}


def test_the_sandbox_honours_a_filter_the_spec_declares(tmp_path: Path) -> None:
    app = app_factory(spec_path=spec_with_status_filter(tmp_path))()
    with httpx.Client(transport=ASGITransport(app), base_url="http://testserver", auth=AUTH) as client:
        purchased, cancelled = order(client, "PURCHASED"), order(client, "CANCELLED")
        assert listed(client) == {purchased, cancelled}
        assert listed(client, status="PURCHASED") == {purchased}
        assert listed(client, status="CANCELLED") == {cancelled}
        assert client.get("/v2.1/orders", params={"referenceId": "LT", "status": "bogus"}).status_code == 400


@pytest.mark.parametrize(
    ("honoured", "expected"), [(True, EXIT_OK), (False, EXIT_DEVIATIONS)], ids=["declared", "not-known"]
)
def test_the_suite_judges_a_filter_the_spec_declares(tmp_path: Path, honoured: bool, expected: int) -> None:
    """The suite's workflows make a PURCHASED and a CANCELLED order and list by status: a sandbox built from the
    spec that declares the filter passes; one built from the committed spec (it ignores `status`) lists both."""
    spec = spec_with_status_filter(tmp_path)
    factory = app_factory(spec_path=spec) if honoured else app_factory()
    options = RunOptions(
        target=asgi(factory), reports_dir=tmp_path / "reports", phases=("workflows",), spec_path=spec
    )
    outcome = execute(options, quiet=True)
    assert outcome.exit_code == expected, outcome.message
    assert outcome.run is not None
    failures = list(outcome.run.results.failures.values())
    if honoured:
        assert ("listOrders", "list_filter_honoured") in outcome.run.results.applied
        assert not failures
    else:
        # It lists both, and its page links drop the filter it does not know (the spec says they keep it).
        messages = [(f.check, f.message) for f in failures]
        assert {check for check, _ in messages} <= {"list_filter_honoured", "pagination_is_consistent"}, (
            messages
        )
        assert any(check == "list_filter_honoured" for check, _ in messages), messages
        for check, message in messages:
            says = "the list asked for status=" if check == "list_filter_honoured" else "drops status="
            assert says in message, messages


@pytest.mark.parametrize(
    ("path", "operation"), [("/v2.1/orders", "listOrders"), ("/v2/orders", "legacyListOrders")]
)
def test_the_guest_filter_is_judged_with_orders_made_to_match_and_not(
    tmp_path: Path, path: str, operation: str
) -> None:
    """A sandbox built from a spec without one list's guest filter declaration ignores guestRef there (it lists
    every order the query rules let through); the suite, judging by the committed spec, catches it on that list:
    the workflows create two orders whose contacts name two guests (by link in v2, by identifiers in v2.1, the
    guest then read from the contact the target answers with) and list by the first."""

    document: dict[str, Any] = yaml.safe_load(default_spec_path().read_text(encoding="utf-8"))
    for param in document["paths"][path]["get"]["parameters"]:
        if param.get("name") == "guestRef":
            param.pop("x-filter")
    blind = tmp_path / "blind.yaml"
    blind.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    options = RunOptions(
        target=asgi(app_factory(spec_path=blind)), reports_dir=tmp_path / "reports", phases=("workflows",)
    )
    outcome = execute(options, quiet=True)
    assert outcome.exit_code == EXIT_DEVIATIONS, outcome.message
    assert outcome.run is not None
    found = [f for f in outcome.run.results.failures.values() if f.check == "list_filter_honoured"]
    assert {f.operation_id for f in found} == {operation}, [(f.operation_id, f.message) for f in found]
    assert all("none of its contacts has guest matching" in f.message for f in found), [
        f.message for f in found
    ]
