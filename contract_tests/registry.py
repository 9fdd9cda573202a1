"""The register of this kit's own checks, and the names of every check a run can switch.

A check module decorates each check with `@custom`: schemathesis then runs it on every response of every phase
next to its built-ins, and conformance.toml must list it. Importing `contract_tests.checks` registers them all.
"""

from __future__ import annotations

import functools
from typing import Any

from schemathesis import CheckFunction, check
from schemathesis.checks import CHECKS, load_all_checks

CUSTOM_CHECKS: dict[str, CheckFunction] = {}
"""This kit's checks by name, in registration order."""


class Unobserved(Exception):
    """The evidence a check needs is not at hand: judging recorded traffic, the recording holds no later read that
    shows it. The check then does not apply to the exchange (neither passed nor failed)."""


_REFUSED = [0]


def note_refused() -> None:
    """Count a request a passive run refused to send (transport.refuse_all)."""
    _REFUSED[0] += 1


def custom(func: CheckFunction) -> CheckFunction:
    """Register a check with schemathesis and in this kit's list (conformance.toml must list it).

    Judging recorded traffic, a check whose evidence is not in the recording does not apply: it raised
    Unobserved, or it tried to send a request of its own, which a passive run refuses (whatever the check then
    concluded from the refusal)."""

    @functools.wraps(func)
    def judged(ctx: Any, response: Any, case: Any) -> bool | None:
        refused = _REFUSED[0]
        try:
            result = func(ctx, response, case)
        except Unobserved:
            return True
        except AssertionError:
            if _REFUSED[0] > refused:
                return True
            raise
        return True if _REFUSED[0] > refused else result

    CUSTOM_CHECKS[func.__name__] = judged
    return check(judged)


def builtin_check_names() -> frozenset[str]:
    """The checks schemathesis itself provides, max_response_time included (a setting, not a registered check)."""
    load_all_checks()
    builtin = {
        c.__name__ for c in CHECKS.get_all() if getattr(c, "__module__", "").startswith("schemathesis")
    }
    builtin.add("max_response_time")
    return frozenset(builtin)
