"""The stateful phase: Hypothesis walks the spec's OpenAPI links (create -> read/update/delete -> use after delete).

Each scenario starts from a fresh in-process sandbox (or, on another target, from the run's own tagged records),
so a failure replays as the bug it is rather than as FlakyStrategyDefinition.
"""

from __future__ import annotations

from typing import Any

import hypothesis

from contract_tests.context import require
from contract_tests.current import phase

run = require()

if run.plan.stateful:
    profile = run.plan.profile

    class ConformanceMachine(run.schema.as_state_machine()):  # type: ignore[misc]
        """The schema's state machine, sending through the run's session and judging with the run's checks."""

        def setup(self) -> None:
            run.reset_target()

        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            return run.call_kwargs()

        def call(self, case: Any, **kwargs: Any) -> Any:
            with phase("stateful"):
                return run.send(case)

        def validate_response(
            self, response: Any, case: Any, additional_checks: Any = None, **kwargs: Any
        ) -> None:
            with phase("stateful"):
                failures = run.check(case, response, recorder=self.recorder)
            if failures is not None:
                raise failures

    ConformanceMachine.TestCase.settings = hypothesis.settings(
        ConformanceMachine.TestCase.settings,
        max_examples=profile.stateful_max_examples,
        stateful_step_count=profile.stateful_max_steps,
        derandomize=profile.deterministic and run.seed is None,
        database=None,
        deadline=None,
        phases=[hypothesis.Phase.generate, hypothesis.Phase.shrink],
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    if run.seed is not None:
        hypothesis.seed(run.seed)(ConformanceMachine)
    TestStateful = ConformanceMachine.TestCase
