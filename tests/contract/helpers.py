"""Helpers to run the suite in-process against a (possibly faulty) sandbox."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from contract_tests.runner import Outcome
from contract_tests.targets import SANDBOX_KEY, SANDBOX_TOKEN, Target, fresh_sandbox_factory

RunSuite = Callable[..., Outcome]


def asgi(factory: Callable[[], Any] | None = None, description: str = "test sandbox") -> Target:
    """An in-process target around an app factory (the healthy sandbox by default)."""
    return Target(
        base_url="http://testserver",
        client_key=SANDBOX_KEY,
        api_token=SANDBOX_TOKEN,
        app_factory=factory or fresh_sandbox_factory(),
        description=description,
        local_sandbox=True,
    )


def reported_checks(outcome: Outcome) -> set[str]:
    """Names of the checks that reported a deviation."""
    assert outcome.run is not None
    return {failure.check for failure in outcome.run.results.failures.values()}
