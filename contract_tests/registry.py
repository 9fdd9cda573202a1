"""The register of this kit's own checks, and the names of every check a run can switch.

A check module decorates each check with `@custom`: schemathesis then runs it on every response of every phase
next to its built-ins, and conformance.toml must list it. Importing `contract_tests.checks` registers them all.
"""

from __future__ import annotations

from schemathesis import CheckFunction, check
from schemathesis.checks import CHECKS, load_all_checks

CUSTOM_CHECKS: dict[str, CheckFunction] = {}
"""This kit's checks by name, in registration order."""


def custom(func: CheckFunction) -> CheckFunction:
    """Register a check with schemathesis and in this kit's list (conformance.toml must list it)."""
    CUSTOM_CHECKS[func.__name__] = func
    return check(func)


def builtin_check_names() -> frozenset[str]:
    """The checks schemathesis itself provides, max_response_time included (a setting, not a registered check)."""
    load_all_checks()
    builtin = {
        c.__name__ for c in CHECKS.get_all() if getattr(c, "__module__", "").startswith("schemathesis")
    }
    builtin.add("max_response_time")
    return frozenset(builtin)
