"""Deviations grouped by root cause, each with the rule it broke and a fingerprint that survives re-runs.

One bug of a target shows on many operations and in every phase (hrefs naming the wrong host: 88 deviations), so
the reports show one entry per cause: the same check, the same rule and the same kind of difference, with its
count, the operations it touched and a few exchanges. The difference is the failure's title and first line with
what changes from run to run taken out (refs, URLs, timestamps, long numbers, quoted values that carry digits):
`Response violates schema: <value> is not a 'date-time'`. A deviation's fingerprint is its operation, check and
difference (never the random request body), so a baseline (baseline.py) can accept it and a later run with other
generated data still recognise it.

The rule is the one the check judged: the entry of the rule register (spec/rules.yaml) that names the check and
the operation, else the check's own docstring, never another note of the operation.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from . import rule_register
from .check_registry import CUSTOM_CHECKS
from .provenance import DeviationKind, Verdict
from .results import FailureRecord

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_URL = re.compile(r"\bhttps?://[^\s'\"`),]+")
_DATETIME = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b"
)
_QUOTED = re.compile(r"'[^'\n]*\d[^'\n]*'|\"[^\"\n]*\d[^\"\n]*\"|'[^'\n]{41,}'|\"[^\"\n]{41,}\"")
_LONG_NUMBER = re.compile(r"\b\d{4,}(?:\.\d+)?\b|\b\d+\.\d+\b")
_SENT = re.compile(r"\bsent [^,;\n]+")  # the generated value a write check sent (`price: sent 105, ...`)
_SPACES = re.compile(r"\s+")
EXCHANGES_SHOWN = 3

BUILTIN_RULES = {
    "not_a_server_error": "A 5xx answer is never a correct one.",
    "status_code_conformance": "Every answer's status is one the operation documents.",
    "content_type_conformance": "Every answer's Content-Type is one the operation documents for its status.",
    "response_schema_conformance": "Every answer's body matches the schema documented for its status.",
    "response_headers_conformance": "Every answer carries the headers documented for its status.",
    "positive_data_acceptance": "A request the schemas allow is accepted (2xx).",
    "negative_data_rejection": "A request the schemas refuse is refused (4xx).",
    "use_after_free": "A deleted resource is gone for every later request.",
    "ensure_resource_availability": "A created resource can be read back.",
    "missing_required_header": "A request without a required header (Authorization) is refused.",
    "ignored_auth": "A request without credentials, or with wrong ones, is refused with 401.",
    "unsupported_method": "A method the path does not document is refused with 405.",
    "allow_header_conformance": "A 405 names the documented methods in its Allow header.",
    "max_response_time": "Every answer comes within the suite's response-time bound.",
}
"""schemathesis' built-in checks, each as the rule it judges (their docstrings speak of the tool, not the API)."""


def difference(record: FailureRecord) -> str:
    """The kind of difference a failure shows, with what varies between runs taken out."""
    first = (record.message or "").strip().splitlines()
    text = f"{record.title}: {first[0]}" if first and first[0] != record.title else record.title
    for pattern, mark in (
        (_URL, "<url>"),
        (_UUID, "<ref>"),
        (_DATETIME, "<datetime>"),
        (_QUOTED, "<value>"),
        (_SENT, "sent <value>"),
        (_LONG_NUMBER, "<n>"),
    ):
        text = pattern.sub(mark, text)
    return _SPACES.sub(" ", text).strip()[:240]


def fingerprint(operation_id: str, check: str, diff: str) -> str:
    """`createOrder:status_code_conformance:3f2a9c1b`: stable across runs, readable in a baseline file."""
    digest = hashlib.sha256(f"{operation_id}|{check}|{diff}".encode()).hexdigest()[:8]
    return f"{operation_id}:{check}:{digest}"


def record_fingerprint(record: FailureRecord) -> str:
    """The fingerprint of one deviation."""
    return fingerprint(record.operation_id, record.check, difference(record))


@dataclass(frozen=True, slots=True)
class RuleText:
    """The rule a check judged: its register id (empty when none names it) and its text."""

    id: str
    text: str


@functools.cache
def _register(path: Path = rule_register.REGISTER_PATH) -> tuple[rule_register.Rule, ...]:
    try:
        return tuple(rule_register.load(path))
    except (
        OSError,
        ValueError,
    ):  # the wheel may ship without the register: fall back to the checks' own words
        return ()


def rule_for(check: str, operation_id: str, message: str = "") -> RuleText:
    """The rule `check` judged on `operation_id`: the register entry naming both (the one whose constraint kind the
    message names, when several do), else the check's own statement."""
    matches = [
        rule
        for rule in _register()
        if check in rule.checks and any(fnmatchcase(operation_id, p) for p in rule.operations)
    ]
    if len(matches) > 1:
        lowered = message.lower()
        named = [r for r in matches if any(c in lowered for c in r.constraints)]
        matches = named or matches
    if matches:
        return RuleText(matches[0].id, matches[0].rule)
    func = CUSTOM_CHECKS.get(check)
    doc = (func.__doc__ or "").strip() if func is not None else ""
    if doc:
        return RuleText("", " ".join(doc.split(". ")[0].split()).rstrip(".") + ".")
    return RuleText("", BUILTIN_RULES.get(check, ""))


@dataclass(slots=True)
class Finding:
    """One root cause: every deviation with the same kind, check, rule and difference."""

    key: str
    kind: DeviationKind
    check: str
    rule: RuleText
    difference: str
    records: list[FailureRecord] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many deviations share this cause."""
        return len(self.records)

    @property
    def operations(self) -> list[str]:
        """The operations it touched, in the order found."""
        return list(dict.fromkeys(r.operation_id for r in self.records))

    @property
    def phases(self) -> list[str]:
        """The phases it was found in."""
        return list(dict.fromkeys(r.phase for r in self.records if r.phase))

    @property
    def fingerprints(self) -> list[str]:
        """One per operation: what a baseline accepts."""
        return list(
            dict.fromkeys(fingerprint(r.operation_id, r.check, self.difference) for r in self.records)
        )

    @property
    def verdict(self) -> Verdict:
        """The first deviation's verdict (all share the kind; provenances may differ per operation)."""
        return self.verdicts[0]

    def examples(self, limit: int = EXCHANGES_SHOWN) -> list[FailureRecord]:
        """A few deviations to show, one per operation first."""
        seen: dict[str, FailureRecord] = {}
        for record in self.records:
            seen.setdefault(record.operation_id, record)
        return list(seen.values())[:limit]


def group(judged: Iterable[tuple[FailureRecord, Verdict]]) -> list[Finding]:
    """Deviations grouped by root cause, target deviations first, then spec evidence, each in order found."""
    found: dict[tuple[str, str, str, str], Finding] = {}
    for record, verdict in judged:
        diff = difference(record)
        rule = rule_for(record.check, record.operation_id, record.message)
        key = (verdict.kind.value, record.check, rule.id or rule.text, diff)
        finding = found.get(key)
        if finding is None:
            digest = hashlib.sha256("|".join(key).encode()).hexdigest()[:10]
            finding = found[key] = Finding(digest, verdict.kind, record.check, rule, diff)
        finding.records.append(record)
        finding.verdicts.append(verdict)
    order = {DeviationKind.TARGET: 0, DeviationKind.SPEC_EVIDENCE: 1}
    return sorted(found.values(), key=lambda f: order[f.kind])


def by_kind(findings: Sequence[Finding], kind: DeviationKind) -> list[Finding]:
    """The findings of one kind."""
    return [f for f in findings if f.kind is kind]
