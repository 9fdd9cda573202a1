"""The rule register (spec/rules.yaml): every rule the spec states, the checks that judge it, the requests that
exercise it and the catalog faults that prove the checks work; and the rule-by-rule table of a mutation run.

The register is read, never imported by the checks: it names them. tests/spec/test_rules_register.py keeps it in
step with the spec (every operation and every constrained schema covered, provenance as the spec states it), the
checks, the workflows and the fault catalog; `contract_tests.mutation` writes `rule_table` beside the kill table.
A rule the spec states that no check judges yet says why in `not-judged`; one whose checks no catalog fault proves
yet says why in `unproved`. Neither has faults, so neither is in the rule-by-rule table (`provable`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import yaml

_SHIPPED = Path(__file__).resolve().parent / "rules.yaml"  # the copy in the wheel
REGISTER_PATH = (
    _SHIPPED if _SHIPPED.is_file() else Path(__file__).resolve().parent.parent / "spec" / "rules.yaml"
)

CONSTRAINTS = ("required", "enum", "pattern", "closed", "format", "bounds", "types")
"""Schema-level constraint kinds a rule may cover; all but `types` are read from the schemas themselves."""

_BOUNDS = frozenset({"minLength", "maxLength", "minimum", "maximum", "maxProperties", "propertyNames"})


@dataclass(frozen=True, slots=True)
class Rule:
    """One register entry."""

    id: str
    rule: str
    source: str
    operations: tuple[str, ...]
    checks: tuple[str, ...]
    exercised_by: tuple[str, ...]
    faults: tuple[str, ...]
    schemas: tuple[str, ...] = ()
    constraints: tuple[str, ...] = ()
    doc_status: tuple[str, ...] = ()
    unconfirmed: tuple[str, ...] = ()
    guess: bool = False
    api_wide: bool = False
    not_judged: str = ""
    """Why no check judges the rule yet (then it names no checks and no faults)."""
    unproved: str = ""
    """Why no catalog fault proves the rule's checks yet (then it names checks but no faults)."""

    @property
    def judged(self) -> bool:
        return not self.not_judged


def _text(entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"rule {entry.get('id')!r}: {key} must be a sentence")
    return value.strip()


def _strings(entry: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"rule {entry.get('id')!r}: {key} must be a list of strings")
    return tuple(value)


def load(path: Path = REGISTER_PATH) -> list[Rule]:
    """The register's rules, in file order."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = document.get("rules") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise ValueError(f"{path}: no `rules` list")
    rules = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise ValueError(f"{path}: every rule needs an id")
        rules.append(
            Rule(
                id=entry["id"],
                rule=str(entry.get("rule", "")),
                source=str(entry.get("source", "")),
                operations=_strings(entry, "operations"),
                checks=_strings(entry, "checks"),
                exercised_by=_strings(entry, "exercised-by"),
                faults=_strings(entry, "faults"),
                schemas=_strings(entry, "schemas"),
                constraints=_strings(entry, "constraints"),
                doc_status=_strings(entry, "doc-status"),
                unconfirmed=_strings(entry, "unconfirmed"),
                guess=bool(entry.get("guess", False)),
                api_wide=bool(entry.get("api-wide", False)),
                not_judged=_text(entry, "not-judged"),
                unproved=_text(entry, "unproved"),
            )
        )
    return rules


# -- the spec side -----------------------------------------------------------------------------------


def spec_operations(document: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """operationId -> operation object, in spec order."""
    found: dict[str, dict[str, Any]] = {}
    for item in (document.get("paths") or {}).values():
        for operation in item.values():
            if isinstance(operation, dict) and isinstance(operation.get("operationId"), str):
                found[operation["operationId"]] = operation
    return found


def matched_operations(rule: Rule, operation_ids: Iterable[str]) -> list[str]:
    """The operationIds a rule's patterns select."""
    return [op for op in operation_ids if any(fnmatchcase(op, pattern) for pattern in rule.operations)]


def doc_status(rule: Rule, operations: Mapping[str, Mapping[str, Any]]) -> tuple[str, ...]:
    """The x-doc-status values of the rule's operations (sorted, without repeats)."""
    chosen = matched_operations(rule, operations)
    return tuple(sorted({str(operations[op].get("x-doc-status")) for op in chosen}))


def is_guess(rule: Rule, operations: Mapping[str, Mapping[str, Any]]) -> bool:
    """Whether the rule rests only on operations whose page was not found (x-doc-status `inferred`)."""
    return doc_status(rule, operations) == ("inferred",)


def unconfirmed(rule: Rule, operations: Mapping[str, Mapping[str, Any]]) -> tuple[str, ...]:
    """The rule's operations whose x-doc-unconfirmed names one of the rule's checks."""
    found = []
    for op in matched_operations(rule, operations):
        for entry in operations[op].get("x-doc-unconfirmed") or []:
            if isinstance(entry, dict) and set(entry.get("checks") or []) & set(rule.checks):
                found.append(op)
                break
    return tuple(found)


def unexercised(
    rules: Sequence[Rule], operation_ids: Iterable[str], applied: Iterable[tuple[str, str]]
) -> list[str]:
    """The judged rules no request of a run exercised: none of the rule's checks judged one of its operations
    (`applied`: the (operationId, check) pairs a run judged, as `Results.applied` counts them). A rule no check
    judges yet (`not-judged`) is never exercised, and is left out."""
    ops = list(operation_ids)
    judged = set(applied)
    return [
        rule.id
        for rule in rules
        if rule.judged
        and not any((op, check) in judged for op in matched_operations(rule, ops) for check in rule.checks)
    ]


def provable(rules: Sequence[Rule]) -> list[Rule]:
    """The rules a mutation run can prove: those that name faults (not `not-judged`, not `unproved`)."""
    return [rule for rule in rules if rule.faults]


def schema_constraints(document: Mapping[str, Any]) -> dict[str, set[str]]:
    """Component schema -> the constraint kinds it declares itself (not through a $ref)."""
    schemas = (document.get("components") or {}).get("schemas") or {}
    return {name: _constraints_in(schema, budget=[10_000]) for name, schema in schemas.items()}


def _constraints_in(node: Any, budget: list[int]) -> set[str]:
    budget[0] -= 1
    found: set[str] = set()
    if budget[0] < 0:
        return found
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "required" and isinstance(value, list):
                found.add("required")
            elif key == "enum":
                found.add("enum")
            elif key == "pattern":
                found.add("pattern")
            elif key == "format":
                found.add("format")
            elif key == "additionalProperties" and value is False:
                found.add("closed")
            elif key in _BOUNDS:
                found.add("bounds")
            if key not in ("example", "examples"):
                found |= _constraints_in(value, budget)
    elif isinstance(node, list):
        for value in node:
            found |= _constraints_in(value, budget)
    return found


# -- the mutation side ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RuleVerdict:
    """One row of the rule-by-rule table."""

    id: str
    checks: tuple[str, ...]
    faults: tuple[str, ...]
    proving: tuple[str, ...]
    """The rule's faults that were caught by one of the rule's own checks."""

    @property
    def caught(self) -> bool:
        return bool(self.proving)


def verdicts(rules: Sequence[Rule], caught_by: Mapping[str, Sequence[str]]) -> list[RuleVerdict]:
    """Per rule: which of its faults the run caught by one of the rule's checks (`caught_by`: fault -> checks
    that reported it, for caught faults only)."""
    rows = []
    for rule in rules:
        proving = tuple(f for f in rule.faults if set(caught_by.get(f, ())) & set(rule.checks))
        rows.append(RuleVerdict(rule.id, rule.checks, rule.faults, proving))
    return rows


def rule_table(rows: Sequence[RuleVerdict]) -> str:
    """The rule-by-rule table as Markdown: rule, checks, faults, caught (by which faults)."""
    lines = ["| Rule | Checks | Faults | Caught |", "|---|---|---|---|"]
    for row in rows:
        caught = f"yes ({', '.join(row.proving)})" if row.caught else "NO"
        lines.append(
            f"| {row.id} | {', '.join(row.checks)} | {', '.join(f'`{f}`' for f in row.faults)} | {caught} |"
        )
    return "\n".join(lines)
