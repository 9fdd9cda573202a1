"""What a check may read of the run, and the run that is installed now.

The runner installs the run before pytest imports the suite; the checks and the check registry read it here as a
`RunView`, the few attributes they use, so they depend on this module and not on the module that assembles a run
(context.py). Anything with these attributes can stand in for a run in a check's unit test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from schemathesis import Response
    from schemathesis.specs.openapi.schemas import OpenApiCase

    from .losses import NetworkLedger
    from .model import ApiModel, OpInfo
    from .probes import Probes
    from .redaction import Redactor
    from .safety import Plan
    from .state import ResourceState
    from .urls import TargetUrls


class RunView(Protocol):
    """The parts of a run (context.RunContext) that checks read."""

    model: ApiModel
    state: ResourceState
    probes: Probes
    urls: TargetUrls
    plan: Plan
    losses: NetworkLedger
    redactor: Redactor
    """The run's credentials in every spelling (what a check must not see a target send back)."""

    def info_for(self, case: OpenApiCase, response: Response | None = None) -> OpInfo | None:
        """The declared operation the request really hit."""
        ...


_RUN: list[RunView] = []


def install(run: RunView | None) -> None:
    """Make `run` the current run (None clears it)."""
    _RUN.clear()
    if run is not None:
        _RUN.append(run)


def current() -> RunView | None:
    """The current run, if one is installed."""
    return _RUN[0] if _RUN else None
