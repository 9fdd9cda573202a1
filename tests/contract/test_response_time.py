"""A response beyond the time bound is a max_response_time deviation, also when no answer comes at all."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from schemathesis.auths import apply_basic_auth
from schemathesis.core.failures import FailureGroup

from contract_tests.context import RunContext, RunOptions
from contract_tests.targets import url_target


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A 127.0.0.1 port that accepts connections (kernel backlog) and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


def test_requests_wait_twice_the_bound(tmp_path: Path) -> None:
    run = RunContext(RunOptions(target=url_target("http://127.0.0.1:9", {}), reports_dir=tmp_path))
    limit = run.config.builtin["max_response_time"].limit
    assert limit is not None and run.request_timeout == 2 * limit
    assert run.schemathesis_config()["request-timeout"] == 2 * limit


def test_an_unanswered_request_is_recorded_as_a_response_time_deviation(
    silent_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RunContext, "request_timeout", property(lambda self: 0.3))
    run = RunContext(RunOptions(target=url_target(silent_server, {}), reports_dir=tmp_path))
    case = run.operation("retrieveOrder").Case(path_parameters={"orderRef": str(uuid.uuid4())})
    apply_basic_auth(case, *run.target.auth)
    with pytest.raises(FailureGroup) as raised:
        run.send(case)
    assert [f.checks for f in raised.value.exceptions] == [("max_response_time",)]
    [record] = run.results.failures.values()
    assert (record.check, record.operation_id) == ("max_response_time", "retrieveOrder")
    assert record.message.startswith("No answer within")
    assert run.recorder.stats["retrieveOrder"].checks_failed["max_response_time"] == 1
