"""The reproducer file a run writes: one test per root cause that fails on the faulty target and passes on a healthy
one, and holds no credential.

Each case runs the suite against a real sandbox process with one fault of the catalog switched on, renders the file
from the run and runs it with pytest in a child process twice: against the same faulty sandbox (every test fails)
and against a healthy one (every test passes).
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from cdp_sandbox.factory import app_factory

from contract_tests import assessment, reproducers
from contract_tests.context import RunOptions
from contract_tests.reproducers import FILE_NAME
from contract_tests.runner import EXIT_DEVIATIONS, execute
from contract_tests.targets import SANDBOX_KEY, SANDBOX_TOKEN, sandbox_server
from tests.contract.helpers import asgi


@dataclass(frozen=True, slots=True)
class Replayed:
    """What pytest said of the generated file against one target."""

    code: int
    failed: int
    passed: int
    skipped: int
    output: str


def replay(path: Path, env: dict[str, str]) -> Replayed:
    """Run the generated file in a child pytest that sees only the given SITECORE_CDP_* settings."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SITECORE_CDP_", "PYTEST_"))}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(path),
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            "-rs",
        ],
        env={**clean, **env},
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    def count(word: str) -> int:
        found = re.search(rf"(\d+) {word}", done.stdout)
        return int(found.group(1)) if found else 0

    return Replayed(
        done.returncode, count("failed"), count("passed"), count("skipped"), done.stdout + done.stderr
    )


def sandbox_env(base_url: str) -> dict[str, str]:
    return {
        "SITECORE_CDP_BASE_URL": base_url,
        "SITECORE_CDP_CLIENT_KEY": SANDBOX_KEY,
        "SITECORE_CDP_API_TOKEN": SANDBOX_TOKEN,
    }


def reproduce(
    fault: str, tmp_path: Path, *, phases: tuple[str, ...], operations: tuple[str, ...] | None = None
) -> tuple[int, str, Replayed, Replayed]:
    """(findings, source, against the faulty sandbox, against a healthy one) for one fault of the catalog."""
    path = tmp_path / FILE_NAME
    with sandbox_server(extra_args=("--fault", fault)) as faulty:
        options = RunOptions(
            target=faulty,
            reports_dir=tmp_path / "reports",
            target_kind="sandbox",
            phases=phases,
            operations=operations,
        )
        outcome = execute(options, quiet=True)
        assert outcome.exit_code == EXIT_DEVIATIONS, outcome.message
        assert outcome.run is not None
        assessed = assessment.assess(outcome.run)
        written = tmp_path / "reports" / FILE_NAME  # the file the run left, copied beside the reports
        source = written.read_text(encoding="utf-8")
        path.write_text(source, encoding="utf-8")
        against_fault = replay(path, sandbox_env(faulty.base_url))
    with sandbox_server() as healthy:
        against_healthy = replay(path, sandbox_env(healthy.base_url))
    return len(assessed.findings), source, against_fault, against_healthy


def assert_no_credentials(source: str) -> None:
    """Neither secret, nor the Basic credentials in any base64 spelling, is in the file."""
    pair = f"{SANDBOX_KEY}:{SANDBOX_TOKEN}".encode()
    spellings = {SANDBOX_KEY, SANDBOX_TOKEN}
    for encoded in (base64.b64encode(pair), base64.urlsafe_b64encode(pair)):
        spellings |= {encoded.decode(), encoded.decode().rstrip("=")}
    leaked = sorted(s for s in spellings if s.lower() in source.lower())
    assert not leaked, leaked


def assert_reproduces(findings: int, source: str, against_fault: Replayed, against_healthy: Replayed) -> None:
    """One test per finding; each fails on the faulty sandbox and passes on the healthy one."""
    assert findings >= 1
    assert source.count("\ndef test_") == findings
    compile(source, FILE_NAME, "exec")
    assert_no_credentials(source)
    assert against_fault.code == 1, against_fault.output[-4000:]
    assert (against_fault.failed, against_fault.passed) == (findings, 0), against_fault.output[-4000:]
    assert against_healthy.code == 0, against_healthy.output[-4000:]
    assert (against_healthy.passed, against_healthy.failed) == (findings, 0), against_healthy.output[-4000:]


def test_a_status_deviation_fails_on_the_faulty_sandbox_and_passes_on_a_healthy_one(tmp_path: Path) -> None:
    """The fast case: createOrder's examples only; POST /v2.1/orders answers 200 where 201 is documented."""
    found = reproduce("create-answers-200", tmp_path, phases=("examples",), operations=("createOrder",))
    assert_reproduces(*found)
    assert "def test_status_code_conformance__createOrder()" in found[1]
    written = tmp_path / "reports" / FILE_NAME  # outside the folder the run started in: named in full
    run_line = (
        f"SITECORE_CDP_BASE_URL=... SITECORE_CDP_CLIENT_KEY=... SITECORE_CDP_API_TOKEN=... pytest {written}\n"
    )
    assert run_line in found[1]
    assert "LIVE_HOSTS = ('*.sitecorecloud.io',)" in found[1]


def test_an_echo_of_the_credentials_reproduces_while_the_target_echoes_them(tmp_path: Path) -> None:
    """The run masked the echoed credentials in the answer it kept, so the replay judges the answer it gets now,
    with redaction.py's matcher copied into the file (which still holds no credential)."""
    found = reproduce(
        "error-echoes-authorization", tmp_path, phases=("examples",), operations=("retrieveOrder",)
    )
    assert_reproduces(*found)
    assert "def test_credentials_not_echoed__retrieveOrder()" in found[1]
    assert "carrying the credentials it was sent with (body)" in found[2].output


def test_a_replay_that_writes_to_a_live_tenant_sends_nothing_unless_asked(tmp_path: Path) -> None:
    """The file knows the suite's live-tenant hosts: a test that would write to one skips before sending anything
    (here the faulty sandbox is declared live, so a request that reached it would have failed the test);
    SITECORE_CDP_REPLAY_WRITES=1 replays it."""
    path = tmp_path / FILE_NAME
    with sandbox_server(extra_args=("--fault", "create-answers-200")) as faulty:
        options = RunOptions(
            target=faulty,
            reports_dir=tmp_path / "reports",
            target_kind="sandbox",
            phases=("examples",),
            operations=("createOrder",),
        )
        assert execute(options, quiet=True).exit_code == EXIT_DEVIATIONS
        source = (tmp_path / "reports" / FILE_NAME).read_text(encoding="utf-8")
        path.write_text(source.replace("('*.sitecorecloud.io',)", "('127.0.0.1',)"), encoding="utf-8")
        env = sandbox_env(faulty.base_url)
        guarded = replay(path, env)
        assert (guarded.code, guarded.skipped, guarded.failed) == (0, 1, 0), guarded.output
        assert "127.0.0.1 is a live tenant and this replay writes (POST): nothing was sent" in guarded.output
        asked = replay(path, {**env, "SITECORE_CDP_REPLAY_WRITES": "1"})
        assert (asked.code, asked.failed) == (1, 1), asked.output


@pytest.mark.slow
@pytest.mark.parametrize(
    "fault",
    [
        "order-item-price-as-string",  # response schema (and write_is_persisted) on the items of a created order
        "patch-wipes-unset",  # a PATCH needs the created resource: the earlier workflow steps are rebuilt
        "update-not-persisted",  # the update's answer is right, the next read is not: the follow-up read judges
        "wrong-credentials-accepted",  # ignored_auth's probe with invalid credentials, replayed with a near miss
    ],
)
def test_each_root_cause_reproduces_until_the_fault_is_gone(tmp_path: Path, fault: str) -> None:
    assert_reproduces(*reproduce(fault, tmp_path, phases=("examples", "workflows")))


def test_an_in_process_run_skips_without_a_base_url_or_credentials(tmp_path: Path) -> None:
    """An ASGI run has no URL to send to: the file says so, and without SITECORE_CDP_BASE_URL (or without the
    credentials) every test skips with the reason, sending nothing."""
    target = asgi(app_factory(["create-answers-200"]), "sandbox with fault create-answers-200")
    options = RunOptions(
        target=target, reports_dir=tmp_path / "reports", phases=("examples",), operations=("createOrder",)
    )
    outcome = execute(options, quiet=True)
    assert outcome.exit_code == EXIT_DEVIATIONS and outcome.run is not None
    path = tmp_path / "elsewhere" / FILE_NAME
    path.parent.mkdir()
    reproducers.write(outcome.run, assessment.assess(outcome.run), path)
    source = path.read_text(encoding="utf-8")
    assert "DEFAULT_BASE = None" in source
    assert f"pytest {path}\n" in source  # the run line names the file where it was written
    assert_no_credentials(source)
    without_url = replay(
        path, {"SITECORE_CDP_CLIENT_KEY": SANDBOX_KEY, "SITECORE_CDP_API_TOKEN": SANDBOX_TOKEN}
    )
    assert (without_url.code, without_url.skipped) == (0, 1), without_url.output
    assert "set SITECORE_CDP_BASE_URL" in without_url.output
    without_credentials = replay(path, {"SITECORE_CDP_BASE_URL": "http://127.0.0.1:9"})
    assert (without_credentials.code, without_credentials.skipped) == (0, 1), without_credentials.output
    assert "SITECORE_CDP_CLIENT_KEY" in without_credentials.output


def test_a_bug_in_rendering_is_reported_apart_and_the_verdict_stands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reproducer that cannot be rendered is the kit's bug: the file and the summary say so, the run still
    exits with the target's verdict, and no file of an earlier run is left behind."""
    stale = tmp_path / "reports" / FILE_NAME
    stale.parent.mkdir(parents=True)
    stale.write_text("def test_from_an_earlier_run() -> None: ...\n", encoding="utf-8")

    def broken(*_: object) -> str:
        raise RuntimeError("a planted bug")

    monkeypatch.setattr(reproducers, "render", broken)
    target = asgi(app_factory(["create-answers-200"]), "sandbox with fault create-answers-200")
    options = RunOptions(
        target=target, reports_dir=tmp_path / "reports", phases=("examples",), operations=("createOrder",)
    )
    outcome = execute(options, quiet=True)
    assert outcome.exit_code == EXIT_DEVIATIONS, outcome.message
    text = stale.read_text(encoding="utf-8")
    assert "could not be written (a bug of the kit, not a deviation of the target)" in text
    assert "a planted bug" in text and "test_from_an_earlier_run" not in text
    summary = json.loads((tmp_path / "reports" / "conformance-summary.json").read_text(encoding="utf-8"))
    assert summary["reproducers"] == {
        "path": FILE_NAME,
        "tests": 0,
        "skipped": 0,
        "error": "RuntimeError: a planted bug",
    }


def test_a_clean_run_leaves_a_file_that_says_there_is_nothing_to_reproduce(tmp_path: Path) -> None:
    target = asgi(app_factory([]), "healthy sandbox")
    options = RunOptions(
        target=target, reports_dir=tmp_path / "reports", phases=("examples",), operations=("createOrder",)
    )
    outcome = execute(options, quiet=True)
    assert outcome.exit_code == 0, outcome.message
    written = tmp_path / "reports" / FILE_NAME
    assert "The run found no deviation: nothing to reproduce." in written.read_text(encoding="utf-8")
    summary = json.loads((tmp_path / "reports" / "conformance-summary.json").read_text(encoding="utf-8"))
    assert summary["reproducers"] == {"path": FILE_NAME, "tests": 0, "skipped": 0, "error": None}
