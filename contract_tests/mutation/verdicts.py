"""The verdicts of a mutation run: one runner stage, one fault, the run as a whole, from the runner's own reports.

Pure functions over what the stages left (exit codes, conformance-summary.json, the HAR cassette), tested without
starting anything.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree

from cdp_sandbox.faults import CATEGORIES

# The quick profile's phases, in the order faults are looked for: cheap deterministic workflows first, the
# expensive generated phases last. Together they are exactly the profile CI runs.
STAGES: tuple[tuple[str, ...], ...] = (
    ("workflows",),
    ("examples",),
    ("coverage",),
    ("stateful",),
    ("fuzzing",),
)
PROFILE = "quick"
EXIT_OK, EXIT_DEVIATIONS = 0, 1

CAUGHT, SURVIVED, ERROR = "caught", "survived", "error"
CLEAN, FALSE_POSITIVE = "clean", "false-positive"
"""The healthy run's verdicts: no deviation, or a deviation the suite reported on a sandbox without faults."""


@dataclass(slots=True)
class StageResult:
    """One runner invocation against one sandbox."""

    phases: tuple[str, ...]
    exit_code: int
    seconds: float
    checks: list[str] = field(default_factory=list)
    first_exchange: str | None = None
    message: str = ""


@dataclass(slots=True)
class FaultResult:
    """The verdict on one fault (or on the healthy sandbox, name "healthy")."""

    name: str
    category: str
    description: str
    breaks: str
    verdict: str
    checks: list[str]
    stage: str
    detection_seconds: float | None
    run_seconds: float
    message: str = ""
    stages: list[StageResult] = field(default_factory=list)
    plain: PlainResult | None = None
    """The same sandbox judged by plain `st run --checks all` (only with --compare-plain)."""


@dataclass(slots=True)
class PlainResult:
    """One plain `st run --checks all` against one sandbox: the failures its JUnit report names."""

    exit_code: int
    seconds: float
    failures: list[str] = field(default_factory=list)
    """`METHOD /path: title` of each distinct failure (e.g. `GET /v2/orders: ST202 Schema-valid request rejected`)."""
    message: str = ""


# -- pure logic (unit-tested) ------------------------------------------------------------------------


def classify(stages: Sequence[StageResult]) -> tuple[str, StageResult | None]:
    """The verdict of a fault's stages: caught at the first stage that reported deviations, an error at the
    first stage that could not complete, survived when every stage passed."""
    for stage in stages:
        if stage.exit_code == EXIT_DEVIATIONS and stage.checks:
            return CAUGHT, stage
        if stage.exit_code != EXIT_OK:
            return ERROR, stage
    return SURVIVED, None


def should_continue(stage: StageResult) -> bool:
    """Whether to run the next phase group: only after a clean one."""
    return stage.exit_code == EXIT_OK


def failing_checks(summary: dict[str, Any]) -> list[str]:
    """The distinct checks that reported deviations in a runner's conformance-summary.json."""
    failures = summary.get("failures") or []
    return sorted({str(f.get("check")) for f in failures if isinstance(f, dict) and f.get("check")})


def first_exchange(har: dict[str, Any]) -> str | None:
    """The earliest start time of an exchange behind any reported deviation (HAR startedDateTime)."""
    entries = har.get("log", {}).get("entries", []) if isinstance(har, dict) else []
    stamps = [e.get("startedDateTime") for e in entries if isinstance(e, dict)]
    valid = sorted(s for s in stamps if isinstance(s, str) and _parse(s) is not None)
    return valid[0] if valid else None


def _parse(stamp: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def detection_seconds(started: datetime, stage: StageResult | None, elapsed_before: float) -> float | None:
    """Seconds from the start of the fault's first stage to the first exchange of its first deviation; without
    a usable timestamp, to the end of the stage that caught it."""
    if stage is None:
        return None
    moment = _parse(stage.first_exchange) if stage.first_exchange else None
    if moment is not None:
        return max(0.0, (moment - started).total_seconds())
    return elapsed_before + stage.seconds


def verdict_exit(healthy: FaultResult | None, results: Sequence[FaultResult]) -> int:
    """0 only when the healthy run was clean and every fault was caught."""
    if healthy is None or healthy.verdict != CLEAN:
        return 1
    return 0 if all(r.verdict == CAUGHT for r in results) else 1


def summary(results: Sequence[FaultResult]) -> dict[str, Any]:
    """Counts overall and per category, and the kill rate."""
    by_category: dict[str, dict[str, int]] = {}
    for category in CATEGORIES:
        mine = [r for r in results if r.category == category]
        if mine:
            by_category[category] = {
                "faults": len(mine),
                "caught": sum(r.verdict == CAUGHT for r in mine),
            }
    verdicts = Counter(r.verdict for r in results)
    total = len(results)
    return {
        "faults": total,
        "caught": verdicts[CAUGHT],
        "survived": verdicts[SURVIVED],
        "errors": verdicts[ERROR],
        "kill_rate": round(verdicts[CAUGHT] / total, 4) if total else 0.0,
        "by_category": by_category,
    }


# -- plain `st run --checks all`, for the side-by-side column ------------------------------------------

PLAIN_FOUND, PLAIN_MISSED = "caught", "missed"
PLAIN_EXAMPLES = 25
"""The quick profile's fuzzing-max-examples (conformance.toml), so both tools get the same budget per operation."""
_FAILURE_TITLE = re.compile(r"^- (\S.*?)\s*$", re.MULTILINE)


def plain_failures(junit_xml: str) -> list[str]:
    """The distinct failures of a schemathesis JUnit report: `operation: title` per failure the text lists
    (schemathesis writes one `- CODE Title` line per distinct failure of a test case)."""
    root = ElementTree.fromstring(junit_xml)  # noqa: S314 - the report schemathesis just wrote on this machine
    found: set[str] = set()
    for case in root.iter("testcase"):
        for failure in case:
            if failure.tag not in ("failure", "error"):
                continue
            titles = _FAILURE_TITLE.findall(failure.text or "") or [failure.get("message") or failure.tag]
            found |= {f"{case.get('name')}: {title}" for title in titles}
    return sorted(found)


def plain_verdict(fault: PlainResult | None, healthy: PlainResult | None) -> tuple[str, list[str]]:
    """Whether plain schemathesis told the faulty sandbox from the healthy one: caught when it reports a failure
    it does not report on the healthy sandbox (the spec's guesses make it fail there too); the new failures."""
    if fault is None or healthy is None:
        return "", []
    if fault.message or healthy.message:
        return ERROR, []
    new = sorted(set(fault.failures) - set(healthy.failures))
    return (PLAIN_FOUND if new else PLAIN_MISSED), new
