"""Helpers to run the suite in-process against a (possibly faulty) sandbox."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import yaml
from cdp_sandbox.factory import app_factory

from contract_tests import config as config_mod
from contract_tests import hooks
from contract_tests.checks import check_names
from contract_tests.context import default_spec_path
from contract_tests.model import ApiModel
from contract_tests.runner import Outcome
from contract_tests.safety import Plan, make_plan
from contract_tests.targets import SANDBOX_KEY, SANDBOX_TOKEN, Target

RunSuite = Callable[..., Outcome]


def asgi(factory: Callable[[], Any] | None = None, description: str = "test sandbox") -> Target:
    """An in-process target around an app factory (the healthy sandbox by default)."""
    return Target(
        base_url="http://testserver",
        client_key=SANDBOX_KEY,
        api_token=SANDBOX_TOKEN,
        app_factory=factory or app_factory(),
        description=description,
        local_sandbox=True,
    )


def reported_checks(outcome: Outcome) -> set[str]:
    """Names of the checks that reported a deviation."""
    assert outcome.run is not None
    return {failure.check for failure in outcome.run.results.failures.values()}


@cache
def suite_config() -> config_mod.SuiteConfig:
    """conformance.toml as a run loads it."""
    builtin, custom = check_names()
    return config_mod.load(
        builtin_names=builtin, custom_names=custom, narrowing_names=frozenset(hooks.NARROWINGS)
    )


@cache
def spec_model() -> ApiModel:
    """The spec's operations as the suite reads them."""
    return ApiModel(yaml.safe_load(default_spec_path().read_text()))


def plan_for(base_url: str, **kwargs: Any) -> Plan:
    """The plan a run with default options makes for a base URL (`kwargs` override them)."""
    options: dict[str, Any] = {"requested_profile": None, "allow_writes": False, **kwargs}
    return make_plan(base_url=base_url, config=suite_config(), model=spec_model(), **options)
