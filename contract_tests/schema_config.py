"""What a run's plan and conformance.toml amount to in schemathesis' own configuration.

Pure translation, so a profile's effect on schemathesis can be read (and tested) without building a run.
"""

from __future__ import annotations

from typing import Any

from . import config as config_mod
from .safety import Plan

SUPPRESSED_HEALTH_CHECKS = ["too_slow", "filter_too_much", "data_too_large", "large_base_example"]
DEFAULT_REQUEST_TIMEOUT = 30.0


def request_timeout(config: config_mod.SuiteConfig) -> float:
    """Seconds a request may wait for its answer: twice the response-time bound, so a slow answer is measured
    and reported by max_response_time, and a hung one still ends the wait (no answer: retried where safe, then
    unjudged, losses.py; the network or the target, the client cannot tell which)."""
    timing = config.builtin["max_response_time"]
    return 2 * timing.limit if timing.enabled and timing.limit else DEFAULT_REQUEST_TIMEOUT


def schemathesis_config(
    plan: Plan, config: config_mod.SuiteConfig, *, seed: int | None, timeout: float
) -> dict[str, Any]:
    """The schemathesis configuration (as `schemathesis.Config.from_dict` takes it) for one run."""
    checks: dict[str, Any] = {
        name: {"enabled": setting.enabled}
        for name, setting in config.checks.items()
        if name != "max_response_time"
    }
    timing = config.builtin["max_response_time"]
    if timing.enabled and timing.limit is not None:
        checks["max_response_time"] = timing.limit
    phases: dict[str, Any] = {p: {"enabled": p in plan.stateless_phases} for p in config_mod.STATELESS_PHASES}
    # Enabled only so the schema exposes its links to the state machine; pytest runs the machine itself.
    phases["stateful"] = {"enabled": plan.stateful, "max-steps": max(plan.profile.stateful_max_steps, 2)}
    if plan.unexpected_methods is not None:
        phases["coverage"]["unexpected-methods"] = list(plan.unexpected_methods)
    operations: list[dict[str, Any]] = [
        {
            "include-operation-id": list(exc.operations),
            "checks": {exc.check: {"expected-statuses": list(exc.expected_statuses)}},
        }
        for exc in config.exceptions
    ]
    if plan.guarded and plan.checks_off_on_writes:
        operations.append(
            {
                "include-operation-id": sorted(plan.write_budget),
                "checks": {name: {"enabled": False} for name in plan.checks_off_on_writes},
            }
        )
    result: dict[str, Any] = {
        "generation": {
            "deterministic": plan.profile.deterministic,
            "database": "none",
            "max-examples": max(plan.profile.fuzzing_max_examples, 1),
        },
        "phases": phases,
        "checks": checks,
        "output": {"sanitization": {"enabled": True}},
        "suppress-health-check": list(SUPPRESSED_HEALTH_CHECKS),
    }
    result["request-timeout"] = timeout
    if seed is not None:
        result["seed"] = seed
    if operations:
        result["operations"] = operations
    return result
