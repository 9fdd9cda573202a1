"""A response beyond the time bound is a max_response_time deviation; no answer at all is a lost request
(test_losses.py), which the client cannot tell from the network's doing."""

from __future__ import annotations

from pathlib import Path

from contract_tests.context import RunContext, RunOptions
from contract_tests.targets import url_target


def test_requests_wait_twice_the_bound(tmp_path: Path) -> None:
    run = RunContext(RunOptions(target=url_target("http://127.0.0.1:9", {}), reports_dir=tmp_path))
    limit = run.config.builtin["max_response_time"].limit
    assert limit is not None and run.request_timeout == 2 * limit
    assert run.schemathesis_config()["request-timeout"] == 2 * limit
