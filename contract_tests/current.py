"""What is running now: the run, the phase and the test, each readable from anywhere without importing the run.

The runner installs the run before pytest imports the suite; the checks and the recorder read it here, so they
depend on this module and not on the module that assembles a run (context.py). The phase and the test id are
context variables set for the extent of a `with` block: a later change can run phases side by side in threads,
each seeing its own phase, and a block that ends restores what was there before.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import RunContext

_RUN: list[RunContext] = []
_PHASE: ContextVar[str] = ContextVar("conformance_phase", default="")
_TEST: ContextVar[str] = ContextVar("conformance_test", default="")


def install(run: RunContext | None) -> None:
    """Make `run` the current run (None clears it)."""
    _RUN.clear()
    if run is not None:
        _RUN.append(run)


def current() -> RunContext | None:
    """The current run, if one is installed."""
    return _RUN[0] if _RUN else None


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
