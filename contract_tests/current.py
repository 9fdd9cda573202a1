"""What is running now: the phase, the test and what is expected of the request being sent, readable from anywhere
without importing the run.

Both are context variables set for the extent of a `with` block: phases can run side by side in threads, each
seeing its own phase, and a block that ends restores what was there before. The run itself is in run_view.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_PHASE: ContextVar[str] = ContextVar("conformance_phase", default="")
_TEST: ContextVar[str] = ContextVar("conformance_test", default="")


@contextmanager
def phase(name: str) -> Iterator[None]:
    """Attribute what the block sends and finds to phase `name` (`stateless coverage`, `workflow v2.1`, ...)."""
    token = _PHASE.set(name)
    try:
        yield
    finally:
        _PHASE.reset(token)


def current_phase() -> str:
    """The phase of the enclosing `phase` block; empty outside one."""
    return _PHASE.get()


@contextmanager
def running_test(test_id: str) -> Iterator[None]:
    """Attribute what the block finds to the pytest test `test_id` (its node id)."""
    token = _TEST.set(test_id)
    try:
        yield
    finally:
        _TEST.reset(token)


def current_test() -> str:
    """The node id of the enclosing `running_test` block; empty outside one."""
    return _TEST.get()


_EXPECTED: ContextVar[str] = ContextVar("conformance_expected", default="")


@contextmanager
def expecting_acceptance(why: str) -> Iterator[None]:
    """The requests the block sends were built to be accepted (`why`: what makes them so, e.g. which edges they
    carry); edge_values_accepted judges their answers."""
    token = _EXPECTED.set(why)
    try:
        yield
    finally:
        _EXPECTED.reset(token)


def expected_acceptance() -> str:
    """Why the request being sent must be accepted (empty when nothing is expected of it)."""
    return _EXPECTED.get()
