"""Deterministic link-driven lifecycles of every resource kind (or, on a live tenant, the write budget)."""

from __future__ import annotations

import pytest

from contract_tests.context import raise_collected, require
from contract_tests.model import Action, Kind
from contract_tests.workflows import full_lifecycle, safe_lifecycle

run = require()
VERSIONS = [v for v in ("v2.1", "v2") if run.model.find(v, Action.CREATE, Kind.ORDER) is not None]

if run.plan.workflows == "full":

    @pytest.mark.parametrize("version", VERSIONS)
    def test_lifecycle(version: str) -> None:
        """Create, read, list, update, delete every kind of one API version, checking every step."""
        run.reset_target()
        walker = full_lifecycle(run, version)
        assert walker.steps > 0, "the workflow sent nothing"
        raise_collected(walker.failures)
        if walker.lost is not None:
            pytest.skip(f"unjudged: the network lost a step: {walker.lost.describe()}")

elif run.plan.workflows == "safe":

    def test_safe_budget() -> None:
        """The stated write budget on a live tenant: create one of each, read them back, delete them."""
        walker = safe_lifecycle(run)
        raise_collected(walker.failures)
        if walker.lost is not None:
            pytest.skip(f"unjudged: the network lost a step: {walker.lost.describe()}")
