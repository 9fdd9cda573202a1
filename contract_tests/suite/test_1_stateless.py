"""Stateless phases (examples, coverage, fuzzing) over every planned operation, every enabled check."""

from __future__ import annotations

from typing import Any

from contract_tests.context import require
from contract_tests.current import phase

run = require()

if run.plan.stateless_phases and run.plan.stateless_operations:
    # exclude(), not include(): with [[operations]] entries in the config, schemathesis 4.32.5 ORs include() with
    # the config's own filter, so include() would keep every operation.
    unplanned = [op for op in run.model.operations if op not in run.plan.stateless_operations]
    schema = run.schema.exclude(operation_id=unplanned) if unplanned else run.schema

    @schema.parametrize()  # type: ignore[untyped-decorator]
    def test_operation(case: Any) -> None:
        """One generated case: send it, run every check, remember the outcome."""
        with phase(f"stateless {case.meta.phase.name.value}" if case.meta is not None else "stateless"):
            run.execute(case)
