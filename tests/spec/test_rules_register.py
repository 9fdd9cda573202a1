"""The rule register (spec/rules.yaml) stays in step with the spec, the checks, the workflows and the fault catalog,
and the last full mutation run proved every rule that names faults (docs/mutation.md, the rule-by-rule table); a rule
without faults says why (`unproved`: its checks judge it but no fault proves them; `not-judged`: no check judges it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cdp_sandbox.faults import CATALOG

from contract_tests import rule_register, workflows
from contract_tests.checks import check_names
from contract_tests.mutation import RULE_TABLE_BEGIN, RULE_TABLE_END, rule_section
from tests._spec import load_spec
from tests.contract.helpers import suite_config

ROOT = Path(__file__).resolve().parents[2]
RULES = rule_register.load()
OPERATIONS = rule_register.spec_operations(load_spec())


def test_rule_ids_are_unique_and_every_rule_is_stated() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+)*", rule.id), rule.id
        assert rule.rule and rule.source, rule.id


def test_every_operation_of_the_spec_is_under_a_rule_and_every_pattern_matches() -> None:
    covered: set[str] = set()
    for rule in RULES:
        assert rule.operations, rule.id
        for pattern in rule.operations:
            only = rule_register.Rule(rule.id, "", "", (pattern,), (), (), ())
            assert rule_register.matched_operations(only, OPERATIONS), (
                f"{rule.id}: {pattern} matches no operation"
            )
        covered |= set(rule_register.matched_operations(rule, OPERATIONS))
    assert set(OPERATIONS) <= covered, f"operations under no rule: {sorted(set(OPERATIONS) - covered)}"


def test_every_constraint_of_every_schema_is_under_a_rule() -> None:
    declared = rule_register.schema_constraints(load_spec())
    for rule in RULES:
        assert set(rule.constraints) <= set(rule_register.CONSTRAINTS), rule.id
        assert bool(rule.schemas) <= bool(rule.constraints), f"{rule.id}: schemas without constraints"
        for schema in rule.schemas:
            assert schema in declared, f"{rule.id}: no schema {schema}"
            assert set(rule.constraints) & declared[schema], f"{rule.id}: {schema} declares none of them"
    missing = [
        f"{schema}: {kind}"
        for schema, kinds in declared.items()
        for kind in sorted(kinds)
        if not any(schema in r.schemas and kind in r.constraints for r in RULES)
    ]
    assert not missing, f"constraints under no rule: {missing}"


def test_provenance_is_the_specs() -> None:
    """A rule says how well its pages were read, and which of its operations leave it unconfirmed (a guess)."""
    for rule in RULES:
        assert rule.doc_status == rule_register.doc_status(rule, OPERATIONS), rule.id
        assert rule.unconfirmed == rule_register.unconfirmed(rule, OPERATIONS), rule.id
        assert rule.guess == rule_register.is_guess(rule, OPERATIONS), f"{rule.id}: guess must say so"


def test_every_rule_is_judged_by_enabled_checks_and_every_check_judges_a_rule() -> None:
    builtin, custom = check_names()
    checks = suite_config().checks
    for rule in RULES:
        if not rule.judged:
            assert not rule.checks, f"{rule.id}: names checks, yet says it is not judged"
            continue
        assert rule.checks, f"{rule.id}: no checks (a rule no check judges says why in `not-judged`)"
        for check in rule.checks:
            assert check in builtin | custom, f"{rule.id}: no check {check}"
            assert checks[check].enabled, f"{rule.id}: {check} is switched off"
    named = {c for r in RULES for c in r.checks}
    assert custom <= named, f"checks judging no rule: {sorted(custom - named)}"


def test_every_rule_is_exercised_by_requests_of_the_profiles() -> None:
    config = suite_config()
    for name in ("quick", "thorough"):
        profile = config.profiles[name]
        for rule in RULES:
            if not rule.judged and not rule.exercised_by:
                continue  # nothing judges it: the requests that would reach it are optional
            reached = []
            for source in rule.exercised_by:
                kind, _, what = source.partition(":")
                assert kind in ("phase", "workflow"), f"{rule.id}: {source}"
                if kind == "phase":
                    reached.append(what in profile.phases)
                else:
                    assert callable(getattr(workflows, what, None)), f"{rule.id}: no workflow step {what}"
                    in_safe = what == "safe_lifecycle"
                    reached.append("workflows" in profile.phases and (in_safe or profile.workflows == "full"))
            assert any(reached), f"{rule.id}: nothing in the {name} profile exercises it"


def test_every_rule_has_faults_or_says_why_not_and_every_fault_breaks_a_rule() -> None:
    for rule in RULES:
        assert not (rule.unproved and rule.not_judged), f"{rule.id}: unproved or not judged, not both"
        if rule.faults:
            assert not (rule.unproved or rule.not_judged), f"{rule.id}: names faults, yet says it has none"
        else:
            assert rule.unproved or rule.not_judged, (
                f"{rule.id}: no faults (say why: `unproved` when checks judge it, `not-judged` when none does)"
            )
        assert set(rule.faults) <= set(CATALOG), f"{rule.id}: {set(rule.faults) - set(CATALOG)}"
    named = {f for r in RULES for f in r.faults}
    assert set(CATALOG) <= named, f"faults breaking no rule: {sorted(set(CATALOG) - named)}"


@pytest.mark.parametrize("path", [ROOT / "docs" / "mutation.md"])
def test_the_last_full_mutation_run_proved_every_rule(path: Path) -> None:
    """Each rule has a fault the run caught by one of the rule's own checks (nox -s mutation writes the table)."""
    text = path.read_text(encoding="utf-8")
    assert RULE_TABLE_BEGIN in text, "run the whole catalog: python3 scripts/nox -s mutation"
    table = text.split(RULE_TABLE_BEGIN, 1)[1].split(RULE_TABLE_END, 1)[0]
    rows = dict(re.findall(r"^\| ([A-Z0-9-]+) \|.*\| (yes|NO)[^|]*\|$", table, flags=re.MULTILINE))
    expected = [r.id for r in rule_register.provable(RULES)]
    assert list(rows) == expected, "the rule table is stale: python3 scripts/nox -s mutation"
    assert [rule for rule, caught in rows.items() if caught != "yes"] == []


def test_the_rule_section_leaves_out_the_rules_without_faults_and_names_them() -> None:
    section = "\n".join(rule_section([]))
    table = section.split(RULE_TABLE_BEGIN, 1)[1].split(RULE_TABLE_END, 1)[0]
    for rule in RULES:
        assert (f"| {rule.id} |" in table) == bool(rule.faults), rule.id
        named = re.search(rf"[ (]{re.escape(rule.id)}[,)]", section.split(RULE_TABLE_BEGIN, 1)[0])
        assert rule.faults or named, f"{rule.id}: the section does not say it is left out"


def test_a_rule_is_proved_only_by_its_own_checks_catching_its_faults() -> None:
    rule = rule_register.Rule("R", "r", "s", ("*",), ("check_a",), ("phase:coverage",), ("f1", "f2"))
    rows = rule_register.verdicts(
        [rule], {"f1": ["other_check"], "f2": ["check_a", "other_check"], "f3": ["check_a"]}
    )
    assert rows[0].proving == ("f2",) and rows[0].caught
    assert not rule_register.verdicts([rule], {"f1": ["other_check"]})[0].caught
    assert "| R | check_a | `f1`, `f2` | yes (f2) |" in rule_register.rule_table(rows)


def test_rules_without_faults_are_left_out_of_the_table_and_unjudged_ones_need_no_requests() -> None:
    proved = rule_register.Rule("P", "r", "s", ("*",), ("check_a",), ("phase:coverage",), ("f1",))
    unproved = rule_register.Rule(
        "U", "r", "s", ("*",), ("check_a",), ("phase:coverage",), (), unproved="no fault"
    )
    unjudged = rule_register.Rule("N", "r", "s", ("*",), (), (), (), not_judged="no check")
    assert [r.id for r in rule_register.provable([proved, unproved, unjudged])] == ["P"]
    assert not unjudged.judged and unproved.judged
    assert rule_register.unexercised([proved, unproved, unjudged], ["createOrder"], []) == ["P", "U"]


def test_a_rule_is_exercised_when_one_of_its_checks_judged_one_of_its_operations() -> None:
    rule = rule_register.Rule("R", "r", "s", ("create*",), ("check_a",), ("phase:coverage",), ("f1",))
    operations = ["createOrder", "listOrders"]
    assert rule_register.unexercised([rule], operations, [("createOrder", "check_a")]) == []
    assert rule_register.unexercised(
        [rule], operations, [("listOrders", "check_a"), ("createOrder", "b")]
    ) == ["R"]
