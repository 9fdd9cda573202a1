"""Reproducers: one pytest test per root cause a run found, sending its requests again and asserting the broken rule.

`render` writes the source of `reports/test_conformance_deviations.py`, which needs only the standard library,
`requests` and `pytest`: whoever fixes the target runs it without the kit, and each test fails while its deviation
persists and passes once the target is fixed. Credentials never enter the file: a step only says how it was
authenticated (`basic`, `none`, or a named near miss) and the test builds the header from the environment.

A deviation's record keeps the exchanges of the one step that showed it (the recorder starts afresh for every
request), so a workflow or stateful deviation that needs earlier steps (an update needs the created resource) gets
them rebuilt from the run's list of generated requests: every earlier request of the same phase that names a ref
the steps use, and for each ref the create that made it: the create whose answer named it (the recorder keeps the
ref of each create's answer), else, for a run that kept none, the earliest unclaimed create of its kind before the
ref was first named (workflows create first and break rules afterwards), or the latest one (stateful scenarios: the
one replayed last). The generated test maps each
recorded ref onto the one the target hands out now, in later URLs and bodies.

What the test asserts follows the check: the documented statuses, a status class, 401 without (or with near-miss)
credentials, the documented media type, the one schema keyword that was broken, no spelling of the credentials in
an answer that echoed them (found by redaction.py's matcher, copied into the file); for the kit's other checks, that
the answers differ from the recorded ones where the check looked (the fields its message names, else the body,
with refs, base URL and server timestamps taken out). A deviation a replay cannot judge is written as a skipped
test that says why.
"""

from __future__ import annotations

import contextlib
import json
import logging
import pprint
import re
import shlex
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .context import RunContext
from .findings import BUILTIN_RULES, Finding
from .model import Action
from .redaction import REDACTED, matcher_source
from .results import FailureRecord
from .transport import Exchange

if TYPE_CHECKING:
    from .assessment import Assessment

FILE_NAME = "test_conformance_deviations.py"
log = logging.getLogger(__name__)
Step = dict[str, Any]
Entry = tuple[str, str, str]  # a generated request of the run: method, URL, body
_UUID = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_NAMED_REF = re.compile(
    r"/(orders|orderitems|ordercontacts|orderconsumers)/(" + _UUID.pattern + ")", re.IGNORECASE
)
_SEGMENT_KIND = {
    "orders": "order",
    "orderitems": "orderItem",
    "ordercontacts": "contact",
    "orderconsumers": "consumer",
}
_BUILTIN_PROBE = "schemathesis built-in check"
_PROBING_BUILTINS = (
    "ignored_auth",
    "unsupported_method",
    "allow_header_conformance",
)  # judged on their own probe
_DROPPED_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "content-length", "host", "user-agent", "connection"}
    | {"accept-encoding", "x-schemathesis-testcaseid"}
)
_STATUS_RULES = {
    "not_a_server_error": ["1XX", "2XX", "3XX", "4XX"],
    "positive_data_acceptance": ["2XX"],
    "negative_data_rejection": ["4XX"],
    "missing_required_header": ["4XX"],
    "ignored_auth": ["401", "403"],  # the built-in check's own reading
    "near_miss_credentials_refused": ["401"],
    "unsupported_method": ["405"],
    "invalid_body_rejected": ["4XX"],
    "birth_date_in_past_enforced": ["4XX"],
    "list_filter_rules_enforced": ["4XX"],
    "existing_extension_conflicts": ["409"],
}
"""What a healthy target answers the judged step with, for the checks that judge a status (a message's `Expected:`
line, the suite's own setting of the check, wins)."""
_FIXED: dict[str, dict[str, Any]] = {c: {"statuses": s} for c, s in _STATUS_RULES.items()} | {
    "credentials_not_echoed": {"no_echo": True},  # its recorded answer is masked: the replayed one is judged
}
"""What the judged answer must show, for the checks whose expectation is the same for every deviation."""
_OWN_ANSWER = frozenset({"extension_pair_limit", "credentials_not_echoed"})  # judged on the request's answer
_JUDGES_A_REPEAT = frozenset({"existing_extension_conflicts"})  # judges the second of two identical requests
_LIST_CHECKS = frozenset(
    {"created_appears_in_list", "pagination_is_consistent", "list_filter_honoured", "expand_honoured"}
)
_TIMESTAMP_CHECKS = frozenset({"modified_at_advances", "timestamps_server_owned"})
_NEAR_MISSES = (  # checks/identity.py's variants, in the words of its message; the generated file rebuilds each
    "the client key with its case changed",
    "the API token with its case changed",
    "the API token with its last character dropped",
    "the client key with its first character dropped",
    "the API token with a character added",
    "the client key with a trailing space",
    "the API token with a trailing space",
)


def write(run: RunContext, assessment: Assessment, path: Path) -> dict[str, Any]:
    """Write the reproducer file and say what it holds. A failure to render is a bug of ours, not the target's:
    the file then says so (a stale file from an earlier run is never left behind) and the verdict stands."""
    try:
        source = render(run, assessment, shown_path(path))
    except Exception as exc:
        log.warning("the reproducers could not be written (a bug of the kit):\n%s", traceback.format_exc())
        reason = f"{type(exc).__name__}: {exc}"
        path.write_text(
            run.redactor.text(
                f"# The reproducers of run {run.run_id} could not be written (a bug of the kit, not"
                f" a deviation of the target): {reason}\n"
            ),
            encoding="utf-8",
        )
        return {"path": path.name, "tests": 0, "skipped": 0, "error": run.redactor.text(reason)}
    path.write_text(source, encoding="utf-8")
    tests = source.count("\ndef test_")
    return {"path": path.name, "tests": tests, "skipped": source.count("\n    pytest.skip("), "error": None}


def shown_path(path: Path) -> str:
    """How the file's own run line names it: relative to where the run was started, when it lies below."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def render(run: RunContext, assessment: Assessment, path: str = f"reports/{FILE_NAME}") -> str:
    """The Python source of the reproducer file for the run's findings (its run line naming `path`),
    credentials masked once more."""
    origin = run.base_url.rstrip("/")
    names: set[str] = set()
    tests = [_test(run, finding, origin, names) for finding in assessment.findings]
    header = (
        _RUNTIME.replace("__RUN__", f"{run.run_id} against {run.target.description or origin}")
        .replace("__RECORDED_BASE__", repr(origin))
        .replace("__DEFAULT_BASE__", repr(None if run.app is not None else origin))
        .replace("__LIVE_HOSTS__", repr(tuple(p.lower().rstrip(".") for p in run.plan.live_hosts)))
        .replace("__MATCHER__", matcher_source())
        .replace("__PATH__", shlex.quote(path))
    )
    body = "\n\n\n".join(tests) if tests else "# The run found no deviation: nothing to reproduce.\n"
    return run.redactor.text(header + "\n\n\n" + body)


def _test(run: RunContext, finding: Finding, origin: str, names: set[str]) -> str:
    """One test function: the docstring says the rule and the difference, the body replays and judges."""
    record = finding.examples(1)[0]
    steps = _record_steps(run, finding.check, record, origin)
    steps = _setup(run, record, steps, origin) + steps
    doc = "\n".join(
        [
            f"{finding.rule.id + ': ' if finding.rule.id else ''}{finding.rule.text}",
            "",
            f"Deviation ({finding.kind.value}, check {finding.check}): {finding.difference}",
            f"Seen {finding.count} time(s) on {', '.join(finding.operations)}; replayed from {record.label}"
            f" ({record.phase or 'unknown phase'}, {record.test_id or 'unknown test'}).",
        ]
    )
    doc = doc.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').replace("\n", "\n    ")
    expect = _expectation(run, finding, record, steps) if steps else {}
    why = _unreplayable(run, finding.check, steps, expect) if steps else "the run kept no request of it"
    if why:
        call = f"    pytest.skip({'cannot be replayed faithfully: ' + why!r})"
    else:
        data = [
            pprint.pformat(v, width=110, sort_dicts=False).replace("\n", "\n        ")
            for v in (steps, expect)
        ]
        call = f"    reproduce(\n        {data[0]},\n        {data[1]},\n    )"
    name = _name(finding.check, record.operation_id, names)
    return f'def {name}() -> None:\n    """{doc}\n    """\n{call}\n'


def _unreplayable(run: RunContext, check: str, steps: list[Step], expect: dict[str, Any]) -> str:
    """Why a replay cannot judge this deviation ('' when it can): the answer judged on its content is a top-level
    order list (the request itself, or a list check's walk), which holds every order of the target matching its
    filter, earlier runs' too, and the run kept no answer of the requests that created the orders it judged: a
    replay cannot tell the deviation from the target's other data."""
    for step in steps if "changed" in expect else []:
        info = run.model.match(step["method"], step["path"])
        judged = not step.get("probe") or check in _LIST_CHECKS
        if (
            judged
            and "answer" in step
            and info is not None
            and info.action is Action.LIST
            and not info.parent_kind
        ):
            return (
                f"{step['method']} {step['path'].split('?')[0]} answers with every order of the target that "
                "matches its filter, earlier runs' too; the deviation depends on that data (re-run the suite)"
            )
    return ""


def _name(check: str, operation_id: str, taken: set[str]) -> str:
    """`test_<check>__<operation>`, a valid identifier, unique in the file."""
    base = re.sub(r"\W+", "_", f"test_{check}__{operation_id}").strip("_")
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    taken.add(name)
    return name


def _record_steps(run: RunContext, check: str, record: FailureRecord, origin: str) -> list[Step]:
    """The record's requests, and the probes that were the check's evidence, in the order sent."""
    requests = [e for e in record.exchanges if e.role == "request"]
    if not requests:
        return []
    if check == "near_miss_credentials_refused":  # its variants were redacted: rebuilt from its message
        first = _step(run, requests[0], origin, auth="basic")
        variant = {k: v for k, v in first.items() if k not in ("status", "answer")}
        return [first] + [{**variant, "auth": w, "judged": True} for w in _NEAR_MISSES if w in record.message]
    probes = [e for e in record.exchanges if e.role == "probe"]
    if check in _PROBING_BUILTINS:
        evidence = _builtin_evidence(check, requests[0], probes)
    elif check in BUILTIN_RULES or check in _STATUS_RULES or check in _OWN_ANSWER:
        evidence = []  # judged on the request's own answer
    else:  # a follow-up read is cached per case: the check may have judged one another check sent first
        evidence = [e for e in probes if e.note == check]
        if not evidence and check != "refs_case_insensitive":  # that one sends its own or judges the request
            evidence = [e for e in probes if e.note not in (_BUILTIN_PROBE, "near_miss_credentials_refused")]
    steps = []
    for exchange in record.exchanges:
        if exchange.role == "request" or any(exchange is e for e in evidence):
            step = _step(run, exchange, origin)
            if exchange.role == "probe":
                step.update(probe=True, judged=check in _PROBING_BUILTINS)
            steps.append(step)
    return steps


def _builtin_evidence(check: str, request: Exchange, probes: list[Exchange]) -> list[Exchange]:
    """The built-in probe that showed an auth or method deviation (none: the request itself showed it)."""
    probes = [e for e in probes if e.note == _BUILTIN_PROBE]
    if check == "ignored_auth":
        return [e for e in probes if e.status not in (None, 401, 403)][:1]  # served, or judged past the auth
    other = [e for e in probes if e.method != request.method]
    return [e for e in other if e.status != 405 or check != "unsupported_method"][:1]


def _step(run: RunContext, exchange: Exchange, origin: str, auth: str | None = None) -> Step:
    """One exchange as the test sends it: path, kept headers, body, how it authenticates, what it answered."""
    step: Step = {"method": exchange.method, "path": _path(exchange.url, origin)}
    headers = {k: v for k, v in exchange.request_headers.items() if k.lower() not in _DROPPED_HEADERS}
    if headers := {k: v for k, v in headers.items() if REDACTED not in v}:
        step["headers"] = headers
    if exchange.request_body:
        step["body"] = exchange.request_body
    step["auth"] = auth or _auth(exchange)
    info = run.model.match(exchange.method, exchange.url)
    if info is not None and info.action is Action.CREATE and (ref := _answered_ref(exchange.response_body)):
        step["ref"] = ref
    step.update(status=exchange.status, answer=exchange.response_body)
    return step


def _path(url: str, origin: str) -> str:
    return url[len(origin) :] if url.startswith(origin) else url


def _auth(exchange: Exchange) -> str:
    """`none` when sent without credentials; `wrong` for ignored_auth's invalid ones and for a request the target
    refused with 401 or 403 (the workflows' near miss); else the target's own (`basic`)."""
    if not any(k.lower() == "authorization" for k in exchange.request_headers):
        return "none"
    return "wrong" if exchange.note == _BUILTIN_PROBE or exchange.status in (401, 403) else "basic"


def _answered_ref(body: str) -> str | None:
    try:
        doc = json.loads(body)
    except ValueError:
        return None
    ref = doc.get("ref") if isinstance(doc, dict) else None
    return ref if isinstance(ref, str) and _UUID.fullmatch(ref) else None


def _setup(run: RunContext, record: FailureRecord, steps: list[Step], origin: str) -> list[Step]:
    """The earlier requests of the record's phase the steps depend on, with the create of each ref they name."""
    if not steps or not record.phase.startswith(("workflow", "stateful")):
        return []
    indexed = [(i, (m, u, b)) for i, (p, m, u, b) in enumerate(run.recorder.generated) if p == record.phase]
    entries = [entry for _, entry in indexed]
    prefix = entries[: _position(run, record, entries, steps[0], origin)]
    answers = {n: run.recorder.made[i] for n, (i, _) in enumerate(indexed) if i in run.recorder.made}
    earliest = record.phase.startswith("workflow")
    texts = [f"{u} {b}".lower() for _, u, b in prefix]
    named = [*texts, *(f"{s['path']} {s.get('body', '')}".lower() for s in steps)]
    kinds = {ref: _SEGMENT_KIND[segment] for t in named for segment, ref in _NAMED_REF.findall(t)}
    made = {s["ref"].lower() for s in steps if s.get("ref")}
    wanted = {u for t in named[len(texts) :] for u in _UUID.findall(t)} - made
    for _ in range(len(prefix) + 1):  # each pass only adds refs; a pass that adds none ends it
        order = sorted(wanted, key=lambda u: _first(texts, u))
        binds = _bind(run, prefix, texts, order, kinds=kinds, earliest=earliest, made=answers)
        included = {i for i, t in enumerate(texts) if any(u in t for u in wanted)} | set(binds)
        grown = wanted | {u for i in included for u in _UUID.findall(texts[i])}
        if grown == wanted:
            break
        wanted = grown
    setup = []
    for i in sorted(included):
        method, url, body = prefix[i]
        step: Step = {"method": method, "path": _path(url, origin)}
        if body:
            step.update(headers={"Content-Type": "application/json"}, body=body)
        step["auth"] = "wrong" if _refused_delete(run, entries, i) else "basic"
        if i in binds:
            step.update(ref=binds[i], setup=True)
        setup.append(step)
    return setup


def _first(texts: list[str], ref: str) -> int:
    """Where a ref is first named among the earlier requests (their end when only the steps name it)."""
    return next((i for i, t in enumerate(texts) if ref in t), len(texts))


def _bind(
    run: RunContext,
    prefix: list[Entry],
    texts: list[str],
    refs: list[str],
    *,
    kinds: dict[str, str],
    earliest: bool,
    made: dict[int, str] | None = None,
) -> dict[int, str]:
    """For each ref of a known kind, the index of the create that made it: the one whose answer named it when the
    run kept that (`made`), else as the module docstring says."""
    binds: dict[int, str] = {}
    answered: dict[str, int] = {}
    # A create's answer names its ref; a legacy update (a POST too) names it again: only creates count.
    for i, ref in sorted((made or {}).items()):
        if i < len(prefix) and _creates(run, prefix[i][0], prefix[i][1]) is not None:
            answered.setdefault(ref.lower(), i)
    for ref in refs:
        if answered.get(ref) is not None and answered[ref] not in binds:
            binds[answered[ref]] = ref
            continue
        candidates = [
            i
            for i, (method, url, _) in enumerate(prefix[: _first(texts, ref)])
            if i not in binds and ref in kinds and _creates(run, method, url) == kinds[ref]
        ]
        if candidates:
            binds[candidates[0] if earliest else candidates[-1]] = ref
    return binds


def _creates(run: RunContext, method: str, url: str) -> str | None:
    """The kind of resource a request creates (None when it creates none)."""
    info = run.model.match(method, url)
    return info.kind.value if info is not None and info.action is Action.CREATE else None


def _refused_delete(run: RunContext, entries: list[Entry], index: int) -> bool:
    """Whether a delete was refused: the resource is written to again later. The generated requests keep no
    credentials, and such a delete is the workflows' near miss (a refused write must change nothing), so it is
    replayed with a near miss too."""
    method, url, _ = entries[index]
    info = run.model.match(method, url)
    path = url.split("?", 1)[0].lower()
    later = ((m, u.split("?", 1)[0].lower()) for m, u, _ in entries[index + 1 :])
    return (
        info is not None and info.action is Action.DELETE and any(m != "GET" and u == path for m, u in later)
    )


def _position(run: RunContext, record: FailureRecord, entries: list[Entry], first: Step, origin: str) -> int:
    """The index of the record's first request among the phase's, when it was sent more than once: one sent after
    a delete of what it names when its recorded answer was a failure, one before when a success; then in a stateful
    run the last (the scenario replayed last). A workflow: the repeat a repeat-judging check judged is the last;
    otherwise the n-th sending for the n-th record of this check on this very request (records are kept in the
    order found, one per distinct message)."""
    url = origin + first["path"] if first["path"].startswith("/") else first["path"]
    sent = (first["method"], url, first.get("body", ""))
    matches = [i for i, e in enumerate(entries) if e == sent]
    if not matches:
        return len(entries)
    refs = set(_UUID.findall(url.lower()))
    deleted = [
        i
        for i, (m, u, _) in enumerate(entries)
        if m == "DELETE" and refs & set(_UUID.findall(u.lower())) and not _refused_delete(run, entries, i)
    ]
    gone = [i for i in matches if any(d < i for d in deleted)]  # sent after its resource was deleted
    ok = 200 <= (first.get("status") or 0) < 300
    matches = [i for i in matches if (i in gone) != ok] or matches
    if not record.phase.startswith("workflow") or record.check in _JUDGES_A_REPEAT:
        return matches[-1]
    same = [
        r
        for r in run.results.failures.values()
        if r.check == record.check and r.phase == record.phase and _first_sent(r) == sent
    ]
    rank = next((n for n, r in enumerate(same) if r is record), 0)
    return matches[min(rank, len(matches) - 1)]


def _first_sent(record: FailureRecord) -> Entry | None:
    first = next((e for e in record.exchanges if e.role == "request"), None)
    return (first.method, first.url, first.request_body) if first is not None else None


def _expectation(
    run: RunContext, finding: Finding, record: FailureRecord, steps: list[Step]
) -> dict[str, Any]:
    """What the judged answers must show for the rule to hold, by the check that judged them."""
    check, message = finding.check, record.message
    expect: dict[str, Any] = {"rule": finding.rule.text, "difference": finding.difference}
    judged = ([s for s in steps if s.get("judged")] or steps[-1:])[-1]
    recorded = judged.get("status")
    listed = re.search(r"^(?:Expected|Documented): (.+)$", message, re.MULTILINE)
    tokens = [t.strip() for t in listed.group(1).split(",")] if listed else []
    headers = re.findall(r"^- (\S+)", message, re.MULTILINE)
    limit = re.search(r"^Limit: ([\d.]+)ms", message, re.MULTILINE)
    info = run.model.operations.get(record.operation_id)
    if check == "status_code_conformance":
        expect["statuses"] = sorted(info.documented) if info is not None else tokens
    elif check in ("positive_data_acceptance", "negative_data_rejection") and tokens:
        expect["statuses"] = [t.upper() for t in tokens]
    elif check in _FIXED:
        expect.update(_FIXED[check])
    elif check == "extension_pair_limit":
        expect["statuses"] = ["2XX"] if recorded == 400 else ["400"]
    elif check == "refs_case_insensitive" and recorded == 404:
        expect["refused"] = ["404"]
    elif check == "content_type_conformance" and tokens:
        expect.update(media_types=[t.lower() for t in tokens], same_status_class=True)
    elif check == "response_headers_conformance" and headers:
        expect.update(headers=headers, same_status_class=True)
    elif check == "allow_header_conformance":
        expect["allow_header"] = True
    elif check == "max_response_time" and limit:
        expect["max_seconds"] = float(limit.group(1)) / 1000
    elif check == "response_schema_conformance" and (rule := _schema_rule(message, judged.get("answer", ""))):
        expect.update(schema=rule, same_status_class=True)
    else:  # the generic judgement: the answers differ from the recorded ones where the check looked
        timestamps = check in _TIMESTAMP_CHECKS
        fields = ["createdAt", "modifiedAt"] if timestamps else re.findall(r"\b(\w+): (?:was|sent) ", message)
        expect["changed"] = {"fields": list(dict.fromkeys(fields)), "ranked": timestamps}
        return expect
    for step in steps:  # only the generic judgement reads the recorded answers
        step.pop("answer", None)
    return expect


def _schema_rule(message: str, answer: str) -> dict[str, Any] | None:
    """The violated keyword as a standard-library check can judge it: one field's required, type, enum or
    date-time (None when the message names something else). The field is the schema path's last property, else
    the key that holds the refused value in the recorded answer."""
    first = (message.strip().splitlines() or [""])[0]
    if required := re.fullmatch(r'"([^"]+)" is a required property', first):
        return {"kind": "required", "field": required.group(1)}
    where = re.search(r"^Schema at (\S+?):?$", message, re.MULTILINE)
    named = re.findall(r"/properties/([^/]+)", where.group(1)) if where else []
    field = named[-1] if named else _key_holding(first.split(" is ", 1)[0], answer)
    typed = re.search(r" is not of type (.+)$", first)
    enum = re.search(r" is not one of (\[.*\])$", first)
    if not field:
        return None
    if typed:
        return {"kind": "type", "field": field, "expected": re.findall(r'"(\w+)"', typed.group(1))}
    if enum:
        with contextlib.suppress(ValueError):
            return {"kind": "enum", "field": field, "expected": json.loads(enum.group(1))}
    if first.endswith('is not a "date-time"'):
        return {"kind": "date-time", "field": field}
    return None


def _key_holding(value: str, answer: str) -> str | None:
    """The first key of a JSON answer (at any depth, breadth first) whose value is the JSON `value`."""
    try:
        wanted, doc = json.loads(value), json.loads(answer)
    except ValueError:
        return None
    queue = [doc]
    while queue:
        node = queue.pop(0)
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
        for key, item in items:
            if isinstance(key, str) and item == wanted:
                return key
            queue.append(item)
    return None


_RUNTIME = r'''# Reproducers of the deviations conformance run __RUN__ found, one test per root cause.
# Each test sends the requests that showed its deviation again and asserts the rule the target broke: it fails
# while the deviation persists and passes once the target is fixed. Written by contract_tests/reproducers.py.
#
# Run (standard library, requests and pytest only; credentials come from the environment, never from this file):
#   SITECORE_CDP_BASE_URL=... SITECORE_CDP_CLIENT_KEY=... SITECORE_CDP_API_TOKEN=... pytest __PATH__
# SITECORE_CDP_BASE_URL defaults to the run's base URL (an in-process run has none: set it).
"""Reproducers of a conformance run's deviations (see the comment above)."""

from __future__ import annotations

import base64
import json
import os
import re
from fnmatch import fnmatchcase
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

RECORDED_BASE = __RECORDED_BASE__  # the run's base URL: replaced by the target's in every URL and body
DEFAULT_BASE = __DEFAULT_BASE__  # without SITECORE_CDP_BASE_URL (None: the run was in-process)
LIVE_HOSTS = __LIVE_HOSTS__  # a write to one of these hosts is replayed only with SITECORE_CDP_REPLAY_WRITES=1
TIMEOUT = 60
UUID = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:?\d{2})?")
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})")
JSON_TYPES = {"string": str, "number": (int, float), "integer": int, "boolean": bool, "object": dict,
              "array": list, "null": type(None)}
NEAR_MISSES = {  # credentials one slip away from the target's, as the suite sent them
    "wrong": lambda k, t: (k, t[:-1] or "x"),
    "the client key with its case changed": lambda k, t: (k.swapcase(), t),
    "the API token with its case changed": lambda k, t: (k, t.swapcase()),
    "the API token with its last character dropped": lambda k, t: (k, t[:-1]),
    "the client key with its first character dropped": lambda k, t: (k[1:], t),
    "the API token with a character added": lambda k, t: (k, t + "0"),
    "the client key with a trailing space": lambda k, t: (k + " ", t),
    "the API token with a trailing space": lambda k, t: (k, t + " "),
}


def target() -> tuple[str, tuple[str, str]]:
    """The base URL and credentials to replay with, from the environment (skipped when they are not set)."""
    base = os.environ.get("SITECORE_CDP_BASE_URL") or DEFAULT_BASE
    if not base:
        pytest.skip("the run was in-process (http://testserver): set SITECORE_CDP_BASE_URL to a target")
    key, token = os.environ.get("SITECORE_CDP_CLIENT_KEY", ""), os.environ.get("SITECORE_CDP_API_TOKEN", "")
    if not (key and token):
        pytest.skip("set SITECORE_CDP_CLIENT_KEY and SITECORE_CDP_API_TOKEN (they are never written to this file)")
    return base.rstrip("/"), (key, token)


class Replay:
    """Sends recorded steps to the target, carrying the refs it hands out now into the later steps."""

    def __init__(self, steps: list[dict[str, Any]]) -> None:
        self.base, (self.key, self.token) = target()
        self.refs: dict[str, str] = {}  # recorded ref -> the target's ref now
        self.session = requests.Session()
        self.session.trust_env = False  # no .netrc credentials on a step sent without any
        sent = [f"{s['path']} {s.get('body', '')} {s.get('ref', '')}" for s in steps]
        self.known = {u.lower() for text in sent for u in UUID.findall(text)}
        self.sent_times = {t for text in sent for t in DATETIME.findall(text)}

    def swap(self, text: str) -> str:
        """The recorded base URL and refs (in the case they were written in) replaced by today's."""
        def one(match: re.Match[str]) -> str:
            new = self.refs.get(match.group().lower())
            return match.group() if new is None else new.upper() if match.group().isupper() else new
        return UUID.sub(one, text.replace(RECORDED_BASE, self.base))

    def auth(self, step: dict[str, Any]) -> tuple[str, str] | None:
        """The credentials a step is sent with."""
        mode = step["auth"]
        return None if mode == "none" else (self.key, self.token) if mode == "basic" else NEAR_MISSES[mode](self.key, self.token)

    def send(self, step: dict[str, Any]) -> requests.Response:
        path = self.swap(step["path"])
        url = path if path.startswith("http") else self.base + path
        auth = self.auth(step)
        body = step.get("body")
        answer = self.session.request(
            step["method"], url, headers=step.get("headers", {}), auth=auth, timeout=TIMEOUT, allow_redirects=False,
            data=None if body is None else self.swap(body).encode(), proxies=requests.utils.get_environ_proxies(url),
            verify=os.environ.get("REQUESTS_CA_BUNDLE") or True,
        )
        new = ref_of(answer.text)
        if step.get("ref") and new:
            self.refs[step["ref"].lower()] = new.lower()
        elif step.get("setup"):
            pytest.fail(f"could not rebuild the state: {step['method']} {url} answered {answer.status_code}, no ref")
        return answer

    def canon(self, text: str, replayed: bool, ranked: bool) -> str:
        """A body without what differs between two replays of the same steps: the base URL, refs no step names
        (the others in their recorded spelling), server timestamps (kept in order for the timestamp rules)."""
        back = {new: old for old, new in self.refs.items()} if replayed else {}
        text = text.replace(self.base if replayed else RECORDED_BASE, "")
        def ref(match: re.Match[str]) -> str:
            found = back.get(match.group().lower(), match.group().lower())
            return found if found in self.known else "<ref>"
        order: dict[str, str] = {}
        def stamp(match: re.Match[str]) -> str:
            if match.group() in self.sent_times:
                return match.group()
            return order.setdefault(match.group(), f"<t{len(order) + 1}>") if ranked else "<datetime>"
        return DATETIME.sub(stamp, UUID.sub(ref, text))

    def view(self, status: int, text: str, replayed: bool, changed: dict[str, Any]) -> Any:
        """What the check judged of one answer: its status and the fields it named (else its body; for a page,
        its links and items; those of a top-level list only when they name a ref of the steps, or none)."""
        body = self.canon(text, replayed, changed["ranked"])
        try:
            doc = json.loads(body)
        except ValueError:
            return status, body
        if changed["fields"] and isinstance(doc, dict):
            return status, {name: doc.get(name) for name in changed["fields"]}
        if isinstance(doc, dict) and isinstance(doc.get("items"), list):
            items = list(map(json.dumps, doc["items"]))
            if not UUID.search(str(doc.get("href"))):  # not under a replayed resource: other runs' items out
                items = [i for i in items if UUID.search(i) or "<ref>" not in i]
            return status, items, {k: v for k, v in doc.items() if k != "items"}
        return status, doc


def ref_of(text: str) -> str | None:
    try:
        doc = json.loads(text)
    except ValueError:
        return None
    ref = doc.get("ref") if isinstance(doc, dict) else None
    return ref if isinstance(ref, str) and UUID.fullmatch(ref) else None


# The kit's matcher of credentials in every spelling (contract_tests/redaction.py), copied in.
__MATCHER__


def echoes(answer: requests.Response, pairs: list[tuple[str, str]]) -> list[str]:
    """Where an answer carries these credentials in any spelling (`header NAME`, `body`); the client key alone as
    the value of a `clientKey` field (which live tenants return) is not counted."""
    forms = derived_forms([s for pair in pairs for s in pair], pairs)
    if not forms:
        return []
    pattern = re.compile("|".join(pattern_for(f) for f in forms))
    found = [f"header {name}" for name, value in answer.headers.items() if pattern.search(value)]
    try:
        nodes: list[tuple[Any, Any]] = [(None, json.loads(answer.text))]
    except ValueError:
        return found + (["body"] if pattern.search(answer.text) else [])
    keys = {key for key, _ in pairs}
    while nodes:
        name, node = nodes.pop()
        if isinstance(node, dict):
            nodes += [(None, key) for key in node] + list(node.items())
        elif isinstance(node, list):
            nodes += [(None, item) for item in node]
        elif node is not None and not (name == "clientKey" and node in keys):
            if pattern.search(node if isinstance(node, str) else json.dumps(node)):
                return [*found, "body"]
    return found


def allowed(status: int, statuses: list[str]) -> bool:
    return any(s.upper() in (str(status), f"{status // 100}XX", "DEFAULT") for s in statuses)


def values_of(doc: Any, name: str) -> list[Any]:
    """Every value of the key `name` anywhere in a JSON document."""
    if isinstance(doc, list):
        return [v for item in doc for v in values_of(item, name)]
    if not isinstance(doc, dict):
        return []
    return ([doc[name]] if name in doc else []) + [v for item in doc.values() for v in values_of(item, name)]


def schema_problems(answer: requests.Response, rule: dict[str, Any]) -> list[str]:
    """Where the answer still breaks the one schema keyword the deviation broke."""
    try:
        doc = answer.json()
    except ValueError:
        return [f"the body is not JSON: {answer.text[:200]!r}"]
    name, kind, expected = rule["field"], rule["kind"], rule.get("expected")
    if kind == "required":
        objects = doc["items"] if isinstance(doc, dict) and isinstance(doc.get("items"), list) else [doc]
        return [f"{name!r} is missing" for o in objects if not isinstance(o, dict) or name not in o]
    def fits(value: Any) -> bool:
        if kind == "type":
            return any(isinstance(value, JSON_TYPES[t]) and not (isinstance(value, bool) and t in ("number", "integer"))
                       for t in expected)
        return value in expected if kind == "enum" else isinstance(value, str) and bool(RFC3339.fullmatch(value))
    return [f"{name}: {value!r}" for value in values_of(doc, name) if not fits(value)]


def reproduce(steps: list[dict[str, Any]], expect: dict[str, Any]) -> None:
    """Send the steps in order, then judge the answers the deviation was seen in."""
    replay = Replay(steps)
    host = (urlsplit(replay.base).hostname or "").lower().rstrip(".")
    writes = [s["method"] for s in steps if s["method"] not in ("GET", "HEAD", "OPTIONS", "TRACE")]
    live = any(fnmatchcase(host, pattern) for pattern in LIVE_HOSTS)
    if writes and live and os.environ.get("SITECORE_CDP_REPLAY_WRITES") != "1":
        pytest.skip(f"{host} is a live tenant and this replay writes ({', '.join(writes)}): nothing was sent; set "
                    "SITECORE_CDP_REPLAY_WRITES=1 to replay it there, or point SITECORE_CDP_BASE_URL at staging")
    answers = [replay.send(step) for step in steps]
    judged = [(s, a) for s, a in zip(steps, answers) if s.get("judged")] or [(steps[-1], answers[-1])]
    for step, answer in zip(steps, answers):  # a 404 the run did not get: the state was not rebuilt
        exempt = step.get("probe") or any(step is s for s, _ in judged)
        if step.get("status") not in (None, 404) and answer.status_code == 404 and not exempt:
            pytest.fail(f"{step['method']} {replay.swap(step['path'])} answered 404, not {step['status']} as in "
                        "the run: the replay did not reach the state the deviation was seen in")
    still = f"the deviation persists ({expect['difference']}); the rule: {expect['rule']}"
    if "changed" in expect:
        compared = [(s, a) for s, a in zip(steps, answers) if "answer" in s]
        now = [replay.view(a.status_code, a.text, True, expect["changed"]) for _, a in compared]
        then = [replay.view(s["status"], s["answer"], False, expect["changed"]) for s, _ in compared]
        assert now != then, f"the target answers as when {still}\nnow: {now}"
    for step, answer in judged if "changed" not in expect else []:
        where = f"{step['method']} {replay.swap(step['path'])} answered {answer.status_code}"
        if expect.get("same_status_class") and answer.status_code // 100 != (step.get("status") or 0) // 100:
            pytest.fail(f"{where}, not a {step.get('status')} as in the run: the replay did not reach the same state")
        if "statuses" in expect:
            assert allowed(answer.status_code, expect["statuses"]), f"{where} (allowed: {expect['statuses']}): {still}"
        if "refused" in expect:
            assert not allowed(answer.status_code, expect["refused"]), f"{where}: {still}"
        if "media_types" in expect:
            media = answer.headers.get("Content-Type", "").split(";")[0].strip().lower()
            assert media in expect["media_types"], f"{where} with Content-Type {media!r}: {still}"
        missing = [h for h in expect.get("headers", []) if h not in answer.headers]
        assert not missing, f"{where} without the headers {missing}: {still}"
        assert answer.headers.get("Allow") or not expect.get("allow_header"), f"{where} without Allow: {still}"
        took = answer.elapsed.total_seconds()
        assert took <= expect.get("max_seconds", took), f"{where} after {took:.1f} s: {still}"
        problems = schema_problems(answer, expect["schema"]) if "schema" in expect else []
        assert not problems, f"{where}: {'; '.join(problems[:5])}: {still}"
        sent = replay.auth(step)
        echoed = echoes(answer, [(replay.key, replay.token), *([sent] if sent else [])]) if expect.get("no_echo") else []
        assert not echoed, f"{where}, carrying the credentials it was sent with ({', '.join(echoed)}): {still}"'''
"""The top of the generated file: how to run it, and the replay and judging every test shares."""
