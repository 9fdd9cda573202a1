"""The GitHub Actions workflows: the one users copy (install the kit from a tag, credentials from secrets, reports
uploaded even on failure) and this repository's own CI (runs .ci/run)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

from tests.packaging.helpers import ROOT

USER_WORKFLOW = ROOT / "examples" / "github-actions" / "conformance.yml"
REPO_WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
SECRET = re.compile(r"^\$\{\{\s*secrets\.([A-Z0-9_]+)\s*\}\}$")


def _load(path: Path) -> dict[Any, Any]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def _triggers(document: dict[Any, Any]) -> Any:
    return document.get("on", document.get(True))  # YAML 1.1 reads a bare `on` key as True


def _steps(document: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(job, step) for every step of every job."""
    return [(job, step) for job in document["jobs"].values() for step in job["steps"]]


def _uses(step: dict[str, Any], action: str) -> bool:
    return str(step.get("uses", "")).split("@")[0] == action


def test_user_workflow_installs_the_kit_from_a_tag() -> None:
    document = _load(USER_WORKFLOW)
    assert _triggers(document)
    installs = [s["run"] for _, s in _steps(document) if "pip install" in str(s.get("run", ""))]
    assert len(installs) == 1
    assert re.search(r"pip install \"git\+https://github\.com/<owner>/<repo>@<tag>\"", installs[0])


def test_user_workflow_runs_the_suite_with_credentials_from_secrets() -> None:
    document = _load(USER_WORKFLOW)
    runs = [(job, s) for job, s in _steps(document) if "cdp-conformance run" in str(s.get("run", ""))]
    assert len(runs) == 1
    job, step = runs[0]
    env = {**document.get("env", {}), **job.get("env", {}), **step.get("env", {})}
    for name in ("SITECORE_CDP_CLIENT_KEY", "SITECORE_CDP_API_TOKEN"):
        found = SECRET.match(str(env.get(name, "")))
        assert found is not None and found.group(1) == name, f"{name} must come from secrets.{name}"
    command = step["run"]
    url = re.search(r"--base-url\s+\"?([^\"\s]+)\"?", command)
    assert url is not None, command
    value = url.group(1)
    if value.startswith("$") and not value.startswith("${{"):
        value = str(env.get(value.lstrip("$").strip("{}"), ""))
    found = SECRET.match(value)
    assert found is not None and found.group(1) == "CDP_STAGING_URL", command
    reports = re.search(r"--reports\s+(\S+)", command)
    assert reports is None or reports.group(1).rstrip("/") == "reports"
    # No credential is written into the file itself.
    text = USER_WORKFLOW.read_text(encoding="utf-8")
    assert "sandbox-api-token" not in text and "sandbox-client-key" not in text


def test_user_workflow_uploads_the_reports_and_junit_even_on_failure() -> None:
    document = _load(USER_WORKFLOW)
    steps = [s for _, s in _steps(document)]
    run_index = next(i for i, s in enumerate(steps) if "cdp-conformance run" in str(s.get("run", "")))
    uploads = [s for s in steps[run_index + 1 :] if _uses(s, "actions/upload-artifact")]
    assert uploads, "no upload after the run"
    for step in uploads:
        assert str(step.get("if", "")).replace(" ", "") == "always()", step
    paths = {p.strip().rstrip("/") for s in uploads for p in str(s["with"]["path"]).splitlines() if p.strip()}
    assert "reports" in paths
    assert "reports/conformance-junit.xml" in paths


def test_repository_ci_runs_ci_run() -> None:
    document = _load(REPO_WORKFLOW)
    triggers = _triggers(document)
    assert "push" in triggers and "pull_request" in triggers
    steps = [s for _, s in _steps(document)]
    assert any(_uses(s, "actions/checkout") for s in steps)
    python = [s for s in steps if _uses(s, "actions/setup-python")]
    versions = str(python[0]["with"]["python-version"]).split() if python else []
    # 3.11 last: setup-python makes the last version listed the default python3; the others serve client_wheel.
    assert versions[-1:] == ["3.11"] and {"3.12", "3.13"} <= set(versions), versions
    assert any(_uses(s, "actions/setup-node") for s in steps)
    assert [s for s in steps if str(s.get("run", "")).strip() == ".ci/run"]
    assert os.access(ROOT / ".ci" / "run", os.X_OK)


def test_readme_points_users_at_the_workflow() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Conformance in your CI", 1)
    assert len(section) == 2, "README has no 'Conformance in your CI' section"
    body = section[1].split("\n## ", 1)[0]
    assert "examples/github-actions/conformance.yml" in body
    assert "cdp-conformance" in body
