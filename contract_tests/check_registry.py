"""The register of this kit's own checks, and the names of every check a run can switch.

A check module decorates each check with `@custom`: schemathesis then runs it on every response of every phase
next to its built-ins, and conformance.toml must list it. Importing `contract_tests.checks` registers them all.
"""

from __future__ import annotations

import functools
from typing import Any

from schemathesis import CheckFunction, check
from schemathesis.checks import CHECKS, load_all_checks

from .losses import TransportLost
from .run_view import current
from .transport import refused_count

CUSTOM_CHECKS: dict[str, CheckFunction] = {}
"""This kit's checks by name, in registration order."""


class Unobserved(Exception):
    """The evidence a check needs is not at hand: judging recorded traffic, the recording holds no later read that
    shows it. The check then does not apply to the exchange (neither passed nor failed)."""


def custom(func: CheckFunction) -> CheckFunction:
    """Register a check with schemathesis and in this kit's list (conformance.toml must list it).

    Judging recorded traffic, a check whose evidence is not in the recording does not apply: it raised
    Unobserved, or it tried to send a request of its own, which a passive run refuses (whatever the check then
    concluded from the refusal). A check whose follow-up read the network lost does not apply either: it is listed
    as unjudged (losses.py), never failed."""

    @functools.wraps(func)
    def judged(ctx: Any, response: Any, case: Any) -> bool | None:
        refused = refused_count()
        try:
            result = func(ctx, response, case)
        except Unobserved:
            return True
        except TransportLost as exc:
            run = current()
            if run is not None:
                info = run.info_for(case, response)
                op_id = info.operation_id if info is not None else str(case.operation.label)
                run.losses.unjudge(f"check {func.__name__}", op_id, exc.lost)
            return True
        except AssertionError:
            if refused_count() > refused:
                return True
            raise
        return True if refused_count() > refused else result

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
