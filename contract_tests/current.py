"""What is running now: the phase, the test and what is expected of the request being sent, readable from anywhere
without importing the run.

Each is a context variable set for the extent of a `with` block: phases can run side by side in threads, each
seeing its own phase, and a block that ends restores what was there before. The run itself is in run_view.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar

_PHASE: ContextVar[str] = ContextVar("conformance_phase", default="")
_TEST: ContextVar[str] = ContextVar("conformance_test", default="")
_EXPECTED: ContextVar[str] = ContextVar("conformance_expected", default="")


@contextmanager
def _holding(variable: ContextVar[str], value: str) -> Iterator[None]:
    """`variable` holds `value` for the extent of the block, then what it held before."""
    token = variable.set(value)
    try:
        yield
    finally:
        variable.reset(token)


def phase(name: str) -> AbstractContextManager[None]:
    """Attribute what the block sends and finds to phase `name` (`stateless coverage`, `workflow v2.1`, ...)."""
    return _holding(_PHASE, name)


def current_phase() -> str:
    """The phase of the enclosing `phase` block; empty outside one."""
    return _PHASE.get()


def running_test(test_id: str) -> AbstractContextManager[None]:
    """Attribute what the block finds to the pytest test `test_id` (its node id)."""
    return _holding(_TEST, test_id)


def current_test() -> str:
    """The node id of the enclosing `running_test` block; empty outside one."""
    return _TEST.get()


def expecting_acceptance(why: str) -> AbstractContextManager[None]:
    """The requests the block sends were built to be accepted (`why`: what makes them so, e.g. which edges they
    carry); edge_values_accepted judges their answers."""
    return _holding(_EXPECTED, why)


def expected_acceptance() -> str:
    """Why the request being sent must be accepted (empty when nothing is expected of it)."""
    return _EXPECTED.get()
