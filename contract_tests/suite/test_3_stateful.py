"""The stateful phase: Hypothesis walks the spec's OpenAPI links (create -> read/update/delete -> use after delete).

Each scenario starts from a fresh in-process sandbox (or, on another target, from the run's own tagged records),
so a failure replays as the bug it is rather than as FlakyStrategyDefinition.
"""

from __future__ import annotations

from typing import Any

import hypothesis

from contract_tests.context import require
from contract_tests.current import phase
from contract_tests.losses import TransportLost

run = require()
FIXED_SEED = 20261201  # the deterministic profiles' base seed: a fixed value, so every run sends the same
GROUP_STRIDE = 1000  # seeds of one run's groups: base * 1000 + group number (never the same across bases)

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
                try:
                    return run.send(case)
                except TransportLost as exc:
                    # The scenario stops here as unjudged (Hypothesis drops it as an invalid example), not failed.
                    info = run.info_for(case)
                    run.losses.unjudge(
                        "stateful scenario", info.operation_id if info else case.operation.label, exc.lost
                    )
                    hypothesis.reject()

        def validate_response(
            self, response: Any, case: Any, additional_checks: Any = None, **kwargs: Any
        ) -> None:
            with phase("stateful"):
                failures = run.check(case, response, recorder=self.recorder)
            if failures is not None:
                raise failures

    # The scenarios run as `stateful-groups` independent groups, each a state machine with its own fixed seed
    # (derived from --seed on a randomized run): the same groups and seeds whether one process runs them in turn or
    # workers take them side by side (a scenario still follows what the target answers).
    groups = profile.stateful_groups
    per_group = -(-profile.stateful_max_examples // groups)
    base_seed = run.seed if run.seed is not None else FIXED_SEED
    for number in range(1, groups + 1):
        machine: Any = type(f"ConformanceMachineGroup{number}", (ConformanceMachine,), {})
        machine.TestCase.settings = hypothesis.settings(
            machine.TestCase.settings,
            max_examples=per_group,
            stateful_step_count=profile.stateful_max_steps,
            derandomize=False,
            database=None,
            deadline=None,
            phases=[hypothesis.Phase.generate, hypothesis.Phase.shrink],
            suppress_health_check=list(hypothesis.HealthCheck),
        )
        hypothesis.seed(base_seed * GROUP_STRIDE + number)(machine)
        globals()[f"TestStatefulGroup{number}"] = machine.TestCase
