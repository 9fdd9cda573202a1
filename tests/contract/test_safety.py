"""Live-tenant safety, without any network: the plan never schedules a negative or fuzzed write to a
*.sitecorecloud.io host unless allowed, the guard refuses what the plan missed, and a whole safe run against
such a host (answered in-process, nothing leaves the machine) sends exactly the stated budget."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import requests.adapters
from cdp_sandbox.factory import app_factory
from schemathesis.python import asgi as st_asgi

from contract_tests import config as config_mod
from contract_tests.checks.identity import near_misses
from contract_tests.context import RunContext, RunOptions
from contract_tests.model import ApiModel
from contract_tests.runner import EXIT_OK, EXIT_UNUSABLE, execute
from contract_tests.safety import SafetyError, SafetyGuard, generated_writes, is_live_host, make_plan
from contract_tests.targets import SANDBOX_KEY, SANDBOX_TOKEN, url_target
from tests.contract.helpers import reported_checks

LIVE = "https://api-engage-eu.sitecorecloud.io"
ENV = {"SITECORE_CDP_CLIENT_KEY": SANDBOX_KEY, "SITECORE_CDP_API_TOKEN": SANDBOX_TOKEN}


@pytest.mark.parametrize(
    ("url", "live"),
    [
        (LIVE, True),
        ("https://api-engage-us.sitecorecloud.io/", True),
        ("https://API-ENGAGE-JPE.SITECORECLOUD.IO", True),
        ("https://sitecorecloud.io.example.com", False),
        ("https://sitecorecloud.io", False),
        ("http://127.0.0.1:8080", False),
    ],
)
def test_live_hosts_are_recognised(url: str, live: bool, suite_config: config_mod.SuiteConfig) -> None:
    assert is_live_host(url, suite_config.safe.live_hosts) is live


def test_the_default_plan_for_a_live_tenant_generates_no_write(
    suite_config: config_mod.SuiteConfig, model: ApiModel
) -> None:
    plan = make_plan(
        base_url=LIVE, requested_profile=None, allow_writes=False, config=suite_config, model=model
    )
    assert plan.profile.name == "safe" and plan.guarded
    assert generated_writes(plan, model) == []
    assert not plan.stateful
    assert plan.unexpected_methods == ("options", "trace")
    assert all(not model.operations[op].is_write for op in plan.stateless_operations)
    assert plan.stateless_operations, "reads are still tested"
    assert set(plan.write_budget) <= {op for op, info in model.operations.items() if info.is_write}


@pytest.mark.parametrize("profile", ["quick", "thorough"])
def test_a_writing_profile_on_a_live_tenant_needs_allow_writes(
    profile: str, suite_config: config_mod.SuiteConfig, model: ApiModel
) -> None:
    with pytest.raises(SafetyError, match="--allow-writes"):
        make_plan(
            base_url=LIVE, requested_profile=profile, allow_writes=False, config=suite_config, model=model
        )
    plan = make_plan(
        base_url=LIVE, requested_profile=profile, allow_writes=True, config=suite_config, model=model
    )
    assert not plan.guarded and generated_writes(plan, model)


def test_other_targets_get_the_quick_profile_with_writes(
    suite_config: config_mod.SuiteConfig, model: ApiModel
) -> None:
    plan = make_plan(
        base_url="http://127.0.0.1:9",
        requested_profile=None,
        allow_writes=False,
        config=suite_config,
        model=model,
    )
    assert plan.profile.name == "quick" and not plan.guarded and plan.stateful
    assert "createOrder" in generated_writes(plan, model)


def test_the_guard_refuses_unbudgeted_writes_and_counts_the_budget(
    suite_config: config_mod.SuiteConfig, model: ApiModel
) -> None:
    plan = make_plan(
        base_url=LIVE, requested_profile=None, allow_writes=False, config=suite_config, model=model
    )
    guard = SafetyGuard(plan, model)
    guard.authorize("GET", f"{LIVE}/v2.1/orders?limit=1")
    guard.authorize("TRACE", f"{LIVE}/v2.1/orders")
    with pytest.raises(SafetyError, match="outside the safe profile"):
        guard.authorize("POST", f"{LIVE}/v2.1/orders")
    with pytest.raises(SafetyError):
        guard.authorize(
            "DELETE", f"{LIVE}/v2/orders/d680c9be-4c07-4731-857e-9602034b15f2"
        )  # undeclared method
    with guard.permit("createOrder"), pytest.raises(SafetyError):
        guard.authorize(
            "PUT", f"{LIVE}/v2.1/orders/d680c9be-4c07-4731-857e-9602034b15f2"
        )  # not the permitted op
    with guard.permit("createOrder"):
        guard.authorize("POST", f"{LIVE}/v2.1/orders")
        with pytest.raises(SafetyError):
            guard.authorize("POST", f"{LIVE}/v2.1/orders")  # one permit, one request
    with pytest.raises(SafetyError, match="no createOrder left"), guard.permit("createOrder"):
        pass
    assert guard.sent_writes == ["createOrder"]


@pytest.fixture
def offline_sitecore(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Answer every HTTP request in-process from a fresh sandbox instead of the network; record what arrives."""
    app = app_factory()()
    adapter = st_asgi.get_client(app).adapter  # type: ignore[arg-type]
    arrived: list[str] = []

    def send(self: Any, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        assert str(request.url).startswith(LIVE), f"only the fake tenant may be contacted, not {request.url}"
        arrived.append(f"{request.method} {request.path_url.split('?')[0]}")
        return adapter.send(request, *args, **kwargs)

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", send)
    yield arrived


def test_a_safe_run_against_a_live_host_sends_exactly_the_budgeted_writes(
    offline_sitecore: list[str], suite_config: config_mod.SuiteConfig, model: ApiModel, tmp_path: Path
) -> None:
    outcome = execute(RunOptions(target=url_target(LIVE, ENV), reports_dir=tmp_path), quiet=True)
    assert outcome.exit_code == EXIT_OK, sorted(reported_checks(outcome))
    assert outcome.run is not None
    reads = ("GET", "HEAD", "OPTIONS", "TRACE")
    writes = [line for line in offline_sitecore if not line.startswith(reads)]
    budget = [op for op, count in suite_config.safe.budget.items() for _ in range(count)]
    assert outcome.run.guard.sent_writes == budget
    assert len(writes) == len(budget)
    assert sum(outcome.run.guard.remaining.values()) == 0
    report = (tmp_path / "conformance-report.md").read_text()
    assert "Live tenant: safe profile; writes sent: createOrder" in report


def test_a_safe_run_sends_each_near_miss_credential_once_per_run_not_per_operation(
    offline_sitecore: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Failed logins may lock out or throttle a tenant: on a live host the near-miss variants go out once."""
    variants = {requests.auth._basic_auth_str(*auth) for _, auth in near_misses(SANDBOX_KEY, SANDBOX_TOKEN)}
    sent: list[str] = []
    forward = requests.adapters.HTTPAdapter.send

    def count(self: Any, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        if request.headers.get("Authorization") in variants:
            sent.append(str(request.headers["Authorization"]))
        return forward(self, request, *args, **kwargs)

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", count)
    options = RunOptions(target=url_target(LIVE, ENV), phases=("examples",), reports_dir=tmp_path)
    outcome = execute(options, quiet=True)
    assert outcome.exit_code == EXIT_OK
    assert len({line.split()[1] for line in offline_sitecore if line.startswith("GET")}) > 3  # several reads
    assert sorted(sent) == sorted(variants)


def test_phases_asked_for_do_not_unlock_writes_on_a_live_host(
    offline_sitecore: list[str], tmp_path: Path
) -> None:
    options = RunOptions(target=url_target(LIVE, ENV), phases=("fuzzing", "stateful"), reports_dir=tmp_path)
    outcome = execute(options, quiet=True)
    assert outcome.exit_code == EXIT_OK
    assert all(line.startswith(("GET", "OPTIONS", "TRACE")) for line in offline_sitecore)


def test_quick_on_a_live_host_without_allow_writes_is_refused_before_any_request(
    offline_sitecore: list[str], tmp_path: Path
) -> None:
    outcome = execute(
        RunOptions(target=url_target(LIVE, ENV), profile="quick", reports_dir=tmp_path), quiet=True
    )
    assert outcome.exit_code == EXIT_UNUSABLE and "--allow-writes" in outcome.message
    assert offline_sitecore == []


def test_a_run_context_tags_its_orders_on_targets_it_does_not_own(
    offline_sitecore: list[str], tmp_path: Path
) -> None:
    run = RunContext(RunOptions(target=url_target(LIVE, ENV), reports_dir=tmp_path, run_id="r1"))
    assert run.reference_prefix == "cdpkit-conformance-r1-"
