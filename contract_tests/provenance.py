"""Where the rule a deviation broke came from, and so what the deviation is evidence of.

Each operation of the spec says how much of its documentation page could be read (`x-doc-status`: documented,
partial, inferred), and may name single rules its page does not confirm (`x-doc-unconfirmed`: a rule and the
checks whose failures on that operation are evidence about it). A few checks judge rules that hold for the
whole API or for any HTTP server (conformance.toml [checks.api-wide]); their rules count as documented.

| Target  | Provenance of the broken rule            | Kind of deviation                        |
|---------|------------------------------------------|------------------------------------------|
| sandbox | any                                      | target: the sandbox is built from the spec |
| real    | documented, partial (a cut page), API-wide | target: it deviates from a documented rule |
| real    | inferred, unconfirmed                    | spec evidence: it refutes the spec's guess |

`partial` means the page was read but cut off: its rules are taken as documented. A rule the cut hid is one
the spec should list in `x-doc-unconfirmed`; it then counts as a guess.

Everything here is a pure function of an operation's info, a check name and the target kind.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from .model import ApiModel, OpInfo, Unconfirmed


class Provenance(StrEnum):
    """Where a rule came from."""

    DOCUMENTED = "documented"
    PARTIAL = "partial"
    INFERRED = "inferred"
    UNCONFIRMED = "unconfirmed"


class Scope(StrEnum):
    """Whose rule a check judged: one operation's, the whole API's, or (no operation matched) nobody's in particular."""

    OPERATION = "operation"
    API = "api"
    UNATTACHED = "unattached"


class TargetKind(StrEnum):
    """A sandbox built from the spec, or a real implementation of the API."""

    SANDBOX = "sandbox"
    REAL = "real"


class DeviationKind(StrEnum):
    """What a deviation is evidence of."""

    TARGET = "target"
    """The target deviates from the spec: a target bug."""
    SPEC_EVIDENCE = "spec_evidence"
    """A real target refutes a rule the spec guessed: evidence for fixing the spec."""


GUESSES = frozenset({Provenance.INFERRED, Provenance.UNCONFIRMED})
"""Provenances whose rules are the spec's guesses, not the documentation's word."""

_DESCRIBED = {
    Provenance.DOCUMENTED: "documented",
    Provenance.PARTIAL: "partial: documented on a page that is cut off",
    Provenance.INFERRED: "inferred: the operation's page was not found",
    Provenance.UNCONFIRMED: "unconfirmed: listed in the operation's x-doc-unconfirmed",
}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9`(\"])")


@dataclass(frozen=True, slots=True)
class Verdict:
    """A deviation's provenance and kind, with the rule's text and the page it came from."""

    provenance: Provenance
    kind: DeviationKind
    scope: Scope
    rule: str
    source: str

    @property
    def label(self) -> str:
        """`inferred rule`, `documented rule (API-wide)` and so on, for headings and messages."""
        suffix = {Scope.API: " (API-wide)", Scope.UNATTACHED: " (no operation)"}.get(self.scope, "")
        return f"{self.provenance.value} rule{suffix}"

    def describe(self) -> str:
        """One line for the report: the rule's provenance and text (the source page is `source`)."""
        where = {
            Scope.API: "API-wide (conformance.toml [checks.api-wide])",
            Scope.UNATTACHED: "not tied to one operation of the spec, judged as an API-wide rule",
            Scope.OPERATION: _DESCRIBED[self.provenance],
        }[self.scope]
        text = f"Rule ({where})"
        return f"{text}: {self.rule}" if self.rule else text


def first_sentence(text: str) -> str:
    """The first sentence of a note (the whole note when it is one sentence)."""
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""


def unconfirmed_rule(info: OpInfo, check: str) -> Unconfirmed | None:
    """The x-doc-unconfirmed entry of the operation that names this check, if any."""
    return next((entry for entry in info.unconfirmed if check in entry.checks), None)


def provenance_of(info: OpInfo | None, check: str, api_wide: Collection[str]) -> tuple[Provenance, Scope]:
    """The provenance of the rule `check` judged on this operation, and the scope it was judged in.

    An API-wide check's rule is documented whatever the operation; a failure on no operation of the spec is
    judged the same way (nothing marks its rule as a guess). Otherwise an x-doc-unconfirmed entry naming the
    check wins over the operation's x-doc-status.
    """
    if check in api_wide:
        return Provenance.DOCUMENTED, Scope.API
    if info is None:
        return Provenance.DOCUMENTED, Scope.UNATTACHED
    if unconfirmed_rule(info, check) is not None:
        return Provenance.UNCONFIRMED, Scope.OPERATION
    return Provenance(info.doc_status), Scope.OPERATION


def kind_of(provenance: Provenance, target: TargetKind) -> DeviationKind:
    """A sandbox's every deviation is its bug; a real target's deviation from a guessed rule is spec evidence."""
    if target is TargetKind.REAL and provenance in GUESSES:
        return DeviationKind.SPEC_EVIDENCE
    return DeviationKind.TARGET


def classify(info: OpInfo | None, check: str, target: TargetKind, api_wide: Mapping[str, str]) -> Verdict:
    """The verdict on one failure of `check` on the operation `info` (None: no operation of the spec)."""
    provenance, scope = provenance_of(info, check, api_wide)
    if scope is Scope.API:
        rule = api_wide[check]
    elif info is None:
        rule = ""
    else:
        entry = unconfirmed_rule(info, check)
        rule = entry.rule if entry is not None else first_sentence(info.doc_notes)
    source = info.doc_source if info is not None and scope is Scope.OPERATION else ""
    return Verdict(provenance, kind_of(provenance, target), scope, rule, source)


def resolve_target_kind(requested: str | None, *, local_sandbox: bool) -> TargetKind:
    """`--target-kind`, or by default: a sandbox when the runner launched it or runs it in-process, else real."""
    if requested:
        return TargetKind(requested)
    return TargetKind.SANDBOX if local_sandbox else TargetKind.REAL


def vet_unconfirmed(model: ApiModel, known: Collection[str], api_wide: Collection[str]) -> list[str]:
    """Problems with the spec's x-doc-unconfirmed entries: unknown check names (the entry would never match)
    and API-wide checks (their rule is not the operation's to leave unconfirmed)."""
    problems = []
    for info in model.operations.values():
        for entry in info.unconfirmed:
            unknown = sorted(entry.checks - set(known))
            wide = sorted(entry.checks & set(api_wide))
            if unknown:
                problems.append(
                    f"{info.operation_id} x-doc-unconfirmed names no such check: {', '.join(unknown)}"
                )
            if wide:
                problems.append(
                    f"{info.operation_id} x-doc-unconfirmed names API-wide checks "
                    f"(conformance.toml [checks.api-wide]): {', '.join(wide)}"
                )
    return problems


def heading(kind: DeviationKind, target: TargetKind) -> str:
    """The report's heading over the deviations of one kind."""
    if kind is DeviationKind.SPEC_EVIDENCE:
        return "This target refutes the spec's guess (inferred rule / unconfirmed rule): evidence for fixing the spec"
    if target is TargetKind.SANDBOX:
        return "Target deviates from the spec (a sandbox is built from the spec: every deviation is its bug)"
    return "Target deviates from a documented rule"


def message_prefix(verdicts: Iterable[Verdict]) -> str:
    """The start of a JUnit failure message: each kind of deviation in the test with its provenances."""
    found: dict[DeviationKind, set[str]] = {}
    for verdict in verdicts:
        found.setdefault(verdict.kind, set()).add(verdict.provenance.value)
    tags = {DeviationKind.TARGET: "target deviation", DeviationKind.SPEC_EVIDENCE: "SPEC EVIDENCE"}
    return "".join(
        f"[{tags[kind]}: {', '.join(sorted(found[kind]))} rule] " for kind in DeviationKind if kind in found
    )
