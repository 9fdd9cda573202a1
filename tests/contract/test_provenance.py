"""Verdicts that know where a rule came from: the classification, its configuration, and how runs report it."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from cdp_sandbox.factory import app_factory

from contract_tests import config, hooks, mutation
from contract_tests.checks import check_names
from contract_tests.context import RunOptions, default_spec_path
from contract_tests.model import ApiModel, OpInfo, SpecError
from contract_tests.provenance import (
    DeviationKind,
    Provenance,
    Scope,
    TargetKind,
    Verdict,
    classify,
    first_sentence,
    message_prefix,
    resolve_target_kind,
    vet_unconfirmed,
)
from contract_tests.runner import EXIT_DEVIATIONS, EXIT_UNUSABLE, Outcome, execute
from contract_tests.targets import url_target
from tests.contract.helpers import RunSuite, asgi

API_WIDE = {
    "not_a_server_error": "A 5xx is never right.",
    "max_response_time": "The bound is the suite's.",
    "ignored_auth": "Basic auth is documented for the whole API.",
    "near_miss_credentials_refused": "Only the exact Basic pair authenticates, on every operation.",
    "missing_required_header": "Authorization is the only header.",
    "credentials_not_echoed": "No answer hands the credentials back.",
}
NOTES = "Only listed in the Order tag index. 200 with a JSON body follows the Guest v2.1 delete."
SOURCE = "https://api-docs.sitecore.com/cdp/order-rest-api/order"
UNCONFIRMED_RULE = (
    "A PATCH must carry currencyCode, orderedAt, price and referenceId (the page marks them required)."
)
SANDBOX, REAL = TargetKind.SANDBOX, TargetKind.REAL
DOC, PART, INF, UNC = Provenance.DOCUMENTED, Provenance.PARTIAL, Provenance.INFERRED, Provenance.UNCONFIRMED
TARGET, EVIDENCE = DeviationKind.TARGET, DeviationKind.SPEC_EVIDENCE


def _operation(status: str | None, unconfirmed: Any = None) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": "patchOrder",
        "x-doc-source": SOURCE,
        "x-doc-notes": NOTES,
        "responses": {"200": {"description": "ok"}},
    }
    if status is not None:
        op["x-doc-status"] = status
    if unconfirmed is not None:
        op["x-doc-unconfirmed"] = unconfirmed
    return op


def _info(status: str | None, unconfirmed: Any = None) -> OpInfo:
    """The one operation of a tiny spec, read by the real model (so the extensions' reading is tested too)."""
    document = {"paths": {"/v2.1/orders/{orderRef}": {"patch": _operation(status, unconfirmed)}}}
    return ApiModel(document).operations["patchOrder"]


ENTRY = [{"rule": UNCONFIRMED_RULE, "checks": ["negative_data_rejection", "positive_data_acceptance"]}]


# -- the classification (pure) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "unconfirmed", "check", "target", "expected"),
    [
        ("documented", None, "status_code_conformance", REAL, (DOC, TARGET, Scope.OPERATION)),
        ("partial", None, "response_schema_conformance", REAL, (PART, TARGET, Scope.OPERATION)),
        ("inferred", None, "response_schema_conformance", REAL, (INF, EVIDENCE, Scope.OPERATION)),
        ("inferred", None, "response_schema_conformance", SANDBOX, (INF, TARGET, Scope.OPERATION)),
        ("partial", ENTRY, "positive_data_acceptance", REAL, (UNC, EVIDENCE, Scope.OPERATION)),
        ("partial", ENTRY, "status_code_conformance", REAL, (PART, TARGET, Scope.OPERATION)),
        ("documented", ENTRY, "negative_data_rejection", REAL, (UNC, EVIDENCE, Scope.OPERATION)),
        ("documented", ENTRY, "negative_data_rejection", SANDBOX, (UNC, TARGET, Scope.OPERATION)),
        ("inferred", None, "ignored_auth", REAL, (DOC, TARGET, Scope.API)),
        ("inferred", None, "not_a_server_error", REAL, (DOC, TARGET, Scope.API)),
        ("inferred", None, "max_response_time", REAL, (DOC, TARGET, Scope.API)),
        ("inferred", None, "missing_required_header", REAL, (DOC, TARGET, Scope.API)),
        ("inferred", None, "unsupported_method", REAL, (INF, EVIDENCE, Scope.OPERATION)),
        (None, None, "write_is_persisted", REAL, (DOC, TARGET, Scope.OPERATION)),
    ],
)
def test_provenance_and_kind_follow_the_table(
    status: str | None,
    unconfirmed: Any,
    check: str,
    target: TargetKind,
    expected: tuple[Provenance, DeviationKind, Scope],
) -> None:
    verdict = classify(_info(status, unconfirmed), check, target, API_WIDE)
    assert (verdict.provenance, verdict.kind, verdict.scope) == expected


def test_a_failure_on_no_operation_is_judged_as_an_api_wide_rule() -> None:
    for target in TargetKind:
        verdict = classify(None, "status_code_conformance", target, API_WIDE)
        assert (verdict.provenance, verdict.kind, verdict.scope) == (DOC, TARGET, Scope.UNATTACHED)
        assert verdict.source == ""


def test_the_verdict_names_the_rule_and_its_page() -> None:
    unconfirmed = classify(_info("partial", ENTRY), "positive_data_acceptance", REAL, API_WIDE)
    assert (unconfirmed.rule, unconfirmed.source) == (UNCONFIRMED_RULE, SOURCE)
    inferred = classify(_info("inferred"), "status_code_conformance", REAL, API_WIDE)
    assert inferred.rule == "Only listed in the Order tag index."
    assert inferred.describe().startswith("Rule (inferred: the operation's page was not found): Only listed")
    api = classify(_info("inferred"), "ignored_auth", REAL, API_WIDE)
    assert (api.rule, api.source, api.label) == (API_WIDE["ignored_auth"], "", "documented rule (API-wide)")


def test_first_sentence_of_a_note() -> None:
    assert first_sentence(NOTES) == "Only listed in the Order tag index."
    assert (
        first_sentence("The request fields\n  were read. `status` is cut.") == "The request fields were read."
    )
    assert first_sentence("201 as for order create") == "201 as for order create"
    assert first_sentence("") == ""


def test_the_target_kind_defaults_to_sandbox_only_for_a_sandbox_the_runner_owns() -> None:
    assert resolve_target_kind(None, local_sandbox=True) is SANDBOX
    assert resolve_target_kind(None, local_sandbox=False) is REAL
    assert resolve_target_kind("sandbox", local_sandbox=False) is SANDBOX
    assert resolve_target_kind("real", local_sandbox=True) is REAL


def test_a_junit_message_starts_with_the_kinds_and_provenances() -> None:
    def verdict(provenance: Provenance, kind: DeviationKind) -> Verdict:
        return Verdict(provenance, kind, Scope.OPERATION, "", "")

    assert message_prefix([verdict(INF, EVIDENCE)]) == "[SPEC EVIDENCE: inferred rule] "
    mixed = [verdict(PART, TARGET), verdict(DOC, TARGET), verdict(UNC, EVIDENCE)]
    assert (
        message_prefix(mixed)
        == "[target deviation: documented, partial rule] [SPEC EVIDENCE: unconfirmed rule] "
    )
    assert message_prefix([]) == ""


# -- reading the spec's extensions and the configuration ----------------------------------------------


@pytest.mark.parametrize(
    ("status", "unconfirmed", "match"),
    [
        ("guessed", None, "x-doc-status must be one of"),
        ("partial", {"rule": "x", "checks": ["ignored_auth"]}, "must be a list"),
        ("partial", [{"rule": "x"}], "needs `rule`"),
        ("partial", [{"rule": " ", "checks": ["ignored_auth"]}], "needs `rule`"),
        ("partial", [{"rule": "x", "checks": []}], "needs `rule`"),
    ],
)
def test_malformed_doc_extensions_are_refused(status: str, unconfirmed: Any, match: str) -> None:
    with pytest.raises(SpecError, match=match):
        _info(status, unconfirmed)


def test_every_operation_of_the_spec_says_where_its_rules_came_from() -> None:
    model = ApiModel(dict(yaml.safe_load(default_spec_path().read_text())))
    assert {info.doc_status for info in model.operations.values()} == {"documented", "partial", "inferred"}
    assert all(info.doc_source.startswith("https://") for info in model.operations.values())
    builtin, custom = check_names()
    suite = _config()
    assert vet_unconfirmed(model, builtin | custom, suite.api_wide) == []


def test_unconfirmed_entries_naming_unknown_or_api_wide_checks_are_reported() -> None:
    document = {
        "paths": {
            "/v2.1/orders/{orderRef}": {
                "patch": _operation("partial", [{"rule": "r", "checks": ["ignored_auth", "no_such_check"]}])
            }
        }
    }
    problems = vet_unconfirmed(ApiModel(document), {"ignored_auth", "status_code_conformance"}, API_WIDE)
    assert problems == [
        "patchOrder x-doc-unconfirmed names no such check: no_such_check",
        "patchOrder x-doc-unconfirmed names API-wide checks (conformance.toml [checks.api-wide]): ignored_auth",
    ]


def _config(text: str | None = None, tmp_path: Path | None = None) -> config.SuiteConfig:
    builtin, custom = check_names()
    path = config.CONFIG_PATH
    if text is not None and tmp_path is not None:
        path = tmp_path / "conformance.toml"
        path.write_text(text)
    return config.load(
        path, builtin_names=builtin, custom_names=custom, narrowing_names=frozenset(hooks.NARROWINGS)
    )


def test_the_api_wide_checks_are_listed_with_reasons() -> None:
    suite = _config()
    assert set(suite.api_wide) == set(API_WIDE)
    assert all(len(reason) > 40 for reason in suite.api_wide.values())


@pytest.mark.parametrize(
    ("line", "match"),
    [
        ('no_such_check = "A reason that is long enough."', r"api-wide\] no_such_check: no such check"),
        ('unsupported_method = ""', r"api-wide\] unsupported_method: a written reason is required"),
    ],
)
def test_the_api_wide_list_is_vetted(tmp_path: Path, line: str, match: str) -> None:
    text = config.CONFIG_PATH.read_text().replace("[checks.api-wide]\n", f"[checks.api-wide]\n{line}\n")
    with pytest.raises(config.ConfigError, match=match):
        _config(text, tmp_path)


def test_authorization_is_the_only_header_the_spec_requires() -> None:
    """missing_required_header is API-wide only because the one header it can judge is Basic auth's."""
    document = yaml.safe_load(default_spec_path().read_text())
    model = ApiModel(document)
    headers = []
    for item in document["paths"].values():
        for op in [item, *(item.get(m, {}) for m in ("get", "put", "post", "delete", "patch"))]:
            for raw in op.get("parameters", []):
                parameter = model.resolve(raw)
                if parameter.get("in") == "header" and parameter.get("name", "").lower() != "authorization":
                    headers.append(parameter["name"])
    assert headers == []


def test_a_live_tenant_cannot_be_called_a_sandbox(run_suite: RunSuite) -> None:
    env = {"SITECORE_CDP_CLIENT_KEY": "k", "SITECORE_CDP_API_TOKEN": "t"}
    target = url_target("https://api-engage-eu.sitecorecloud.io", env)
    outcome = run_suite(target, target_kind="sandbox")
    assert outcome.exit_code == EXIT_UNUSABLE
    assert "is a live tenant, not a sandbox" in outcome.message


# -- runs: the same kind of fault, presented by where its rule came from ------------------------------


def _reports(tmp_path: Path) -> tuple[dict[str, Any], str, str]:
    reports = tmp_path / "reports"
    summary = json.loads((reports / "conformance-summary.json").read_text())
    junit = ET.parse(reports / "conformance-junit.xml").getroot()
    messages = " ".join(f.get("message", "") for f in junit.iter("failure"))
    return summary, (reports / "conformance-report.md").read_text(), messages


def _run(target_kind: str | None, fault: str, tmp_path: Path) -> Outcome:
    """The workflows only (a few seconds), against an in-process sandbox with one fault of its catalog."""
    options = RunOptions(
        target=asgi(app_factory([fault]), f"sandbox with fault {fault}"),
        reports_dir=tmp_path / "reports",
        phases=("workflows",),
        target_kind=target_kind,
    )
    return execute(options, quiet=True)


def test_a_real_target_breaking_an_inferred_rule_is_spec_evidence(tmp_path: Path) -> None:
    """order-ref-missing drops `ref` from retrieveOrder, whose page was not found (x-doc-status: inferred)."""
    outcome = _run("real", "order-ref-missing", tmp_path)
    assert outcome.exit_code == EXIT_DEVIATIONS, outcome.message
    summary, report, junit = _reports(tmp_path)
    mine = [
        f
        for f in summary["failures"]
        if (f["operation"], f["check"]) == ("retrieveOrder", "response_schema_conformance")
    ]
    assert mine and all((f["provenance"], f["kind"]) == ("inferred", "spec_evidence") for f in mine)
    assert mine[0]["source"] == SOURCE
    kinds = [f["kind"] for f in summary["failures"]]
    assert summary["target_kind"] == "real"
    assert summary["deviations"]["spec_evidence"] == kinds.count("spec_evidence") >= 1
    assert summary["deviations"]["target"] == kinds.count("target")
    assert summary["deviations"]["by_provenance"]["inferred"] >= 1
    evidence = report.index("### This target refutes the spec's guess (inferred rule / unconfirmed rule)")
    entry = report.index("Example: retrieveOrder `GET /v2.1/orders/{orderRef}`")
    assert evidence < entry
    # The rule the check judged (the register's), not the first note of the operation.
    assert (
        "Rule (inferred: the operation's page was not found): RESP-REQUIRED: Responses carry the fields"
        in report
    )
    assert "Only listed in the Order tag index" not in report
    assert f"Source: {SOURCE}" in report and "--target-kind real" in report
    assert "- Target kind: real" in report and "spec evidence: " in report
    assert "[SPEC EVIDENCE: inferred rule]" in junit


def test_the_same_deviation_on_a_sandbox_is_a_target_bug(tmp_path: Path) -> None:
    outcome = _run(None, "order-ref-missing", tmp_path)  # in-process: a sandbox by default
    assert outcome.exit_code == EXIT_DEVIATIONS, outcome.message
    summary, report, junit = _reports(tmp_path)
    assert summary["target_kind"] == "sandbox"
    assert summary["deviations"]["spec_evidence"] == 0
    assert summary["deviations"]["target"] == len(summary["failures"]) >= 1
    assert "### Target deviates from the spec (a sandbox is built from the spec" in report
    assert "refutes the spec's guess" not in report
    assert "[target deviation: inferred rule]" in junit and "SPEC EVIDENCE" not in junit


def test_a_real_target_breaking_a_documented_rule_is_a_target_bug(tmp_path: Path) -> None:
    """unfiltered-legacy-list-accepted breaks legacyListOrders' documented filter rule (x-doc-status: documented)."""
    outcome = _run("real", "unfiltered-legacy-list-accepted", tmp_path)
    assert outcome.exit_code == EXIT_DEVIATIONS, outcome.message
    summary, report, junit = _reports(tmp_path)
    mine = [f for f in summary["failures"] if f["check"] == "list_filter_rules_enforced"]
    assert mine and all(
        (f["operation"], f["provenance"], f["kind"]) == ("legacyListOrders", "documented", "target")
        for f in mine
    )
    assert summary["deviations"]["spec_evidence"] == 0
    assert summary["deviations"]["target"] == len(summary["failures"])
    heading = report.index("### Target deviates from a documented rule")
    assert heading < report.index("[list_filter_rules_enforced]") < report.index("Example: legacyListOrders")
    assert "refutes the spec's guess" not in report
    assert "[target deviation: documented rule]" in junit and "SPEC EVIDENCE" not in junit


def test_the_mutation_run_tells_the_runner_its_targets_are_sandboxes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Its sandboxes listen on 127.0.0.1 URLs (real by default): every deviation must still count as a caught fault."""
    commands: list[list[str]] = []

    class Process:
        def __init__(self, command: list[str], **_: Any) -> None:
            commands.append(command)

        def wait(self, timeout: float | None = None) -> int:
            return 0

    monkeypatch.setattr("contract_tests.mutation.run.subprocess.Popen", Process)
    mutation.run_stage("http://127.0.0.1:9", ("workflows",), tmp_path, {})
    assert commands[0][commands[0].index("--target-kind") + 1] == "sandbox"
