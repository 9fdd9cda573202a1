"""The conformance report as one HTML page that opens offline: the verdict first, then what to fix.

The Markdown report lists every deviation; a person fixing a target wants the root causes (findings.py) with the
baseline's word on each, one exchange or two to look at, a curl to paste and the command that replays it, and a
way to narrow a long list down to one operation or check. So the page carries its CSS and script inline, loads
nothing (its Content-Security-Policy forbids it; the rule's source pages are shown as text, never as links), and
filters the findings in the browser. `#filter=TEXT&op=ID&check=NAME&kind=KIND&status=STATUS` pre-sets the filters,
so a link can point at one slice of the report.

Everything from the run is escaped with `html.escape`, and the whole page passes the run's redactor once more
(redaction.py): an echoed credential that an HTML entity re-spelt is still caught.
"""

from __future__ import annotations

import contextlib
import html
import json
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from . import rule_register
from .baseline import Entry, Status
from .provenance import DeviationKind, TargetKind, heading

if TYPE_CHECKING:
    from .assessment import Assessment, Summary
    from .context import RunContext
    from .findings import Finding
    from .results import FailureRecord
    from .transport import Exchange

MAX_BODY = 4000
"""Characters of a body shown; a list page of 100 orders would otherwise bury the one field that matters."""
EXAMPLES = 3
EXCHANGES = 8
KIND_BADGE = {
    DeviationKind.TARGET: "target deviates",
    DeviationKind.SPEC_EVIDENCE: "refutes the spec's guess",
}
KIND_MEANING = {
    TargetKind.SANDBOX: "a sandbox built from the spec: every deviation is a target bug",
    TargetKind.REAL: "a real target: a deviation from an inferred or unconfirmed rule is evidence for fixing the spec",
}

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conformance report: {title}</title><style>{css}</style></head>
<body><main>
{body}
</main><script>{script}</script></body></html>
"""
"""The page; `default-src 'none'` makes the browser refuse anything the page might try to load."""

CSS = """
:root{--fg:#1d2330;--muted:#5d6675;--line:#d9dee7;--bg:#f6f7f9;--card:#fff;--red:#b42318;--green:#157f3b;
--amber:#9a5b00;--blue:#1f4fbf;--teal:#0b6b73;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg)}main{max-width:1360px;margin:0 auto;padding:18px 22px 60px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:18px 0 8px}.muted{color:var(--muted)}code,pre{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
pre{background:#f0f2f5;border:1px solid var(--line);padding:8px;overflow:auto;max-height:360px;white-space:pre-wrap;
word-break:break-all;margin:4px 0}.verdict{padding:14px 18px;border-radius:8px;color:#fff;font-size:20px;font-weight:600;margin:12px 0}
.v-ok{background:var(--green)}.v-new{background:var(--red)}.v-known{background:var(--amber)}.v-incomplete{background:#6b4fa0}
.verdict small{display:block;font-size:13px;font-weight:400;opacity:.92}
.cards{display:flex;flex-wrap:wrap;gap:10px}.card{background:var(--card);border:1px solid var(--line);border-radius:8px;
padding:8px 12px;min-width:130px}.card b{display:block;font-size:18px}.meta{margin:2px 0;color:var(--muted)}
nav a{margin-right:14px;color:var(--blue)}table{border-collapse:collapse;width:100%;background:var(--card)}
th,td{border:1px solid var(--line);padding:3px 7px;text-align:left;vertical-align:top}.nw{white-space:nowrap}.scroll{overflow-x:auto}th{background:#eef1f5}
tr.idle td{color:var(--muted)}.undoc{color:var(--red);font-weight:600}.badge{display:inline-block;padding:1px 8px;
border-radius:10px;font-size:12px;font-weight:600;color:#fff;margin-right:4px}.b-new{background:var(--red)}
.b-known{background:#6b7280}.b-expired{background:var(--amber)}.b-target{background:var(--blue)}
.b-spec_evidence{background:var(--teal)}.b-yes{background:var(--green)}.b-no{background:#9aa3b2}
.finding{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--red);border-radius:6px;
padding:10px 14px;margin:10px 0}.finding.s-known{border-left-color:#9aa3b2}.finding.s-expired{border-left-color:var(--amber)}
.finding h3{margin:0 0 6px}.rule{margin:4px 0}.rule code{font-weight:600}details{margin:6px 0}summary{cursor:pointer}
.filters{position:sticky;top:0;background:var(--bg);padding:8px 0;display:flex;gap:8px;flex-wrap:wrap;align-items:center;
z-index:2}.filters input{flex:1;min-width:220px}input,select,button{font:inherit;padding:3px 6px}
button.copy{font-size:12px;padding:1px 8px;margin-left:6px}.ex{border-top:1px dashed var(--line);padding-top:6px;margin-top:8px}
.xch{margin:4px 0 8px}
"""

SCRIPT = """
(function(){
var $=function(s){return document.querySelector(s)},q=$('#q');
if(!q)return;  // no findings, no filters
var sel={op:$('#f-op'),check:$('#f-check'),kind:$('#f-kind'),status:$('#f-status')},keys=Object.keys(sel);
var items=[].slice.call(document.querySelectorAll('.finding'));
function matches(el){
 var d=el.dataset,t=q.value.trim().toLowerCase();
 return(!t||el.textContent.toLowerCase().indexOf(t)>=0)&&(!sel.op.value||d.ops.split(' ').indexOf(sel.op.value)>=0)
  &&keys.slice(1).every(function(k){return !sel[k].value||d[k]===sel[k].value;});
}
function apply(){
 var shown=0,p=new URLSearchParams();
 items.forEach(function(el){el.hidden=!matches(el);if(!el.hidden)shown++;});
 [].forEach.call(document.querySelectorAll('.kind-group'),function(g){g.hidden=!g.querySelector('.finding:not([hidden])');});
 $('#shown').textContent=shown+' of '+items.length+' root causes shown';
 if(q.value)p.set('filter',q.value);
 keys.forEach(function(k){if(sel[k].value)p.set(k,sel[k].value);});
 try{history.replaceState(null,'',p.toString()?'#'+p:location.pathname);}catch(e){}
}
var h=new URLSearchParams(location.hash.slice(1));  // #filter=TEXT&op=&check=&kind=&status=
q.value=h.get('filter')||'';
keys.forEach(function(k){var v=h.get(k);
 if(v&&[].some.call(sel[k].options,function(o){return o.value===v;}))sel[k].value=v;
 sel[k].addEventListener('change',apply);});
q.addEventListener('input',apply);
$('#f-clear').addEventListener('click',function(){q.value='';keys.forEach(function(k){sel[k].value='';});apply();});
document.addEventListener('click',function(ev){
 var b=ev.target.closest('button.copy'),o=ev.target.closest('[data-op]');
 if(o){ev.preventDefault();sel.op.value=o.dataset.op;apply();$('#findings').scrollIntoView();}
 if(!b)return;
 var text=document.getElementById(b.dataset.copy).textContent;
 function done(){b.textContent='Copied';setTimeout(function(){b.textContent='Copy';},1500);}
 function fallback(){var a=document.createElement('textarea');a.value=text;document.body.appendChild(a);a.select();
  try{document.execCommand('copy');done();}catch(e){b.textContent='Select and copy';}document.body.removeChild(a);}
 if(navigator.clipboard&&navigator.clipboard.writeText)navigator.clipboard.writeText(text).then(done,fallback);
 else fallback();
});
apply();
})();
"""


def e(value: object) -> str:
    """Escape anything from the run for HTML text and attribute values alike."""
    return html.escape(str(value), quote=True)


def _section(ident: str, title: str, body: str) -> str:
    return f"<section id='{ident}'><h2>{e(title)}</h2>{body}</section>"


def _table(heads: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A table of cells that are already HTML (each caller escapes what it puts in)."""
    head = "".join(f"<th>{e(h)}</th>" for h in heads)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<div class='scroll'><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"


def render(
    run: RunContext,
    summary: Summary,
    assessment: Assessment,
    incomplete: str,
    *,
    rerun: Callable[[FailureRecord], str] | None = None,
) -> str:
    """The whole page. `rerun` gives a failure's re-run command (report.rerun_command bound to the run); it is a
    parameter because report.py imports this module, and an import back, even inside a function, is a cycle."""
    sections = [
        _overview(run, summary, assessment, incomplete),
        _operations(run),
        _findings(run, assessment, rerun),
        _stale(assessment.judgement.stale),
        _coverage(run, assessment.findings),
        _losses(run),
        _turned_off(run),
    ]
    title = e(run.target.description or run.target.base_url)
    body = "\n".join(x for x in sections if x)
    return run.redactor.text(PAGE.format(title=title, css=CSS, body=body, script=SCRIPT))


def verdict(summary: Summary, assessment: Assessment, incomplete: str, unjudged: int = 0) -> tuple[str, str]:
    """(css class, headline), in the order the runner picks its exit code: what fails the run (1), then a run
    that could not judge everything (3), then only deviations the baseline accepts, or none (0)."""
    failing = assessment.failing
    stale = assessment.judgement.stale if assessment.judgement.strict else []
    if failing:
        n = sum(f.count for f in failing)
        # Deviations count failures, as the "Deviations" line and the console do; root causes group them.
        return "v-new", f"{_plural(n, 'new deviation')} from {_plural(len(failing), 'root cause')}"
    if stale:
        entries = "entry fails" if len(stale) == 1 else "entries fail"
        return "v-new", f"{len(stale)} stale baseline {entries} the run (--strict-baseline)"
    if incomplete or unjudged:
        return "v-incomplete", f"Incomplete: {incomplete or f'{unjudged} left unjudged by the network'}"
    if assessment.findings:
        return "v-known", f"Only known deviations ({len(assessment.findings)} accepted by the baseline)"
    return "v-ok", "Conforms: no deviation found" if summary.requests else "Conforms (nothing was exercised)"


def _overview(run: RunContext, summary: Summary, assessment: Assessment, incomplete: str) -> str:
    """The verdict, the counts, and the new root causes as a to-do list: what a person opens the report for."""
    css, headline = verdict(summary, assessment, incomplete, len(run.losses.unjudged))
    notes = [f"Deviations {summary.deviations_line()}", assessment.judgement.line()]
    if run.losses.unjudged:
        notes.append(f"{len(run.losses.unjudged)} left unjudged by the network (not deviations)")
    if incomplete and css != "v-incomplete":
        notes.append(f"also incomplete: {incomplete}")
    plan = run.plan
    meta = [
        f"Target: <b>{e(run.target.description or run.target.base_url)}</b> ({e(run.target.base_url)})",
        f"Target kind: {e(summary.target_kind.value)}, {e(KIND_MEANING[summary.target_kind])}",
        f"Passive, nothing sent: {e(run.options.passive)}"
        if run.options.passive
        else f"Profile {e(plan.profile.name)}; stateless phases {e(', '.join(plan.stateless_phases) or 'none')}; "
        f"workflows {e(plan.workflows)}; stateful {'yes' if plan.stateful else 'no'}; "
        f"seed {e(run.seed if run.seed is not None else 'derandomized')}; run id {e(run.run_id)}",
    ]
    todo = "".join(
        f"<li><a href='#f-{e(f.key)}'><code>{e(f.check)}</code></a> on {e(_few(f.operations))}: "
        f"{e(_evidence(f))}</li>"
        for f in assessment.failing[:12]
    )
    return (
        "<header><h1>Sitecore CDP Order API: conformance report</h1>"
        + "".join(f"<p class='meta'>{m}</p>" for m in meta)
        + f"<div class='verdict {css}' id='verdict'>{e(headline)}"
        f"<small>{e('; '.join(n for n in notes if n))}</small></div>"
        + (f"<p><b>To fix</b> (new root causes, target first):</p><ol>{todo}</ol>" if todo else "")
        + _cards(run, summary, assessment)
        + "<nav><p><a href='#operations'>Operations</a><a href='#findings'>Findings</a>"
        "<a href='#coverage'>Rule coverage</a><a href='#losses'>Network</a><a href='#off'>Checks off</a></p></nav>"
        "</header>"
    )


def _evidence(finding: Finding, width: int = 240) -> str:
    """What the first example of a root cause showed, in its own words (the difference, with the generated values
    taken out, is for grouping; a person fixing the target wants the values)."""
    examples = finding.examples(1)
    lines = [line.strip() for line in (examples[0].message if examples else "").splitlines() if line.strip()]
    text = lines[0] if lines else finding.difference
    return text if len(text) <= width else text[: width - 1] + "…"


def _cards(run: RunContext, s: Summary, assessment: Assessment) -> str:
    statuses = [assessment.status(f) for f in assessment.findings]
    tally = ", ".join(f"{statuses.count(x)} {x.value}" for x in (Status.NEW, Status.KNOWN, Status.EXPIRED))
    rules = [rule for rule in _rules() if rule.judged]
    exercised = len(rules) - len(rule_register.unexercised(rules, run.model.operations, run.results.applied))
    cards = [
        ("Exchanges judged" if run.options.passive else "Requests sent", s.requests, f"{s.probes} probes"),
        ("Operations exercised", f"{s.operations_exercised} / {s.operations}", ""),
        ("Operation x check pairs", s.cells_exercised, f"of {s.operations * s.checks_enabled}"),
        ("Root causes", len(assessment.findings), tally),
        ("Rules exercised", f"{exercised} / {len(rules)}", "spec/rules.yaml"),
        ("Wall time", f"{s.wall_seconds:.1f} s", ""),
    ]
    card = "<div class='card'>{}<b>{}</b><span class='muted'>{}</span></div>"
    return "<div class='cards'>" + "".join(card.format(*map(e, c)) for c in cards) + "</div>"


def _few(names: list[str], limit: int = 4) -> str:
    return ", ".join(names[:limit]) + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _operations(run: RunContext) -> str:
    """One row per operation of the spec; statuses the operation does not document are marked, since an
    undocumented status is the commonest deviation and the first thing to look for."""
    failing = {f.operation_id for f in run.results.failures.values()}
    judged: dict[str, set[str]] = {}
    for op, check in run.results.applied:
        judged.setdefault(op, set()).add(check)
    rows = []
    for op_id, info in run.model.operations.items():
        stats = run.recorder.stats.get(op_id)  # .get: stats is a defaultdict, a lookup would add a row
        failed = sorted(stats.checks_failed) if stats else []
        rows.append(
            [
                f"<a href='#findings' data-op='{e(op_id)}'>{e(op_id)}</a>" if op_id in failing else e(op_id),
                "<code>" + e(info.label).replace("/", "/<wbr>") + "</code>",  # long paths wrap at a slash
                e(f"{stats.requests} ({stats.probes})" if stats else "0"),
                str(len(judged.get(op_id, ()))),
                str(sum(stats.checks_passed.values()) if stats else 0),
                e(f"{sum(stats.checks_failed.values())}: {', '.join(failed)}" if stats and failed else "0"),
                _seen(run, op_id),
                e(" ".join(sorted(info.documented))),
            ]
        )
    heads = ("Operation", "Method and path", "Requests", "Checks judged", "Passed", "Failed", "Statuses seen")
    return _section(
        "operations",
        "Operations",
        "<p class='muted'>Requests (probes of checks in brackets); statuses in <span class='undoc'>red!</span> "
        "are not documented for the operation.</p>" + _table((*heads, "Documented"), rows),
    )


def _seen(run: RunContext, op_id: str) -> str:
    stats = run.recorder.stats.get(op_id)
    if stats is None or not stats.statuses:
        return "<span class='muted'>-</span>"
    documented = run.model.operations[op_id].documented
    cells = []
    for status, count in sorted(stats.statuses.items()):
        if str(status) in documented or f"{str(status)[0]}XX" in documented:
            cells.append(f"<span class='nw'>{status}&times;{count}</span>")
        else:
            cells.append(f"<span class='undoc nw' title='not documented'>{status}!&times;{count}</span>")
    return " ".join(cells)


def _findings(run: RunContext, assessment: Assessment, rerun: Callable[[FailureRecord], str] | None) -> str:
    """Every root cause, by kind, behind the filters."""
    findings = assessment.findings
    if not findings:
        return "<section id='findings'><h2>Findings</h2><p>No deviation found.</p></section>"
    groups = []
    for kind in DeviationKind:
        chosen = [f for f in findings if f.kind is kind]
        if chosen:
            items = "".join(_finding(f, assessment.status(f), rerun) for f in chosen)
            groups.append(
                f"<div class='kind-group'><h3>{e(heading(kind, run.target_kind))} ({len(chosen)})</h3>{items}</div>"
            )
    return (
        "<section id='findings'><h2>Findings: one per root cause</h2>"
        + _filters(findings, assessment)
        + "".join(groups)
        + "</section>"
    )


def _options(name: str, values: Iterable[str], labels: Mapping[str, str] | None = None) -> str:
    return f"<option value=''>{e(name)}: all</option>" + "".join(
        f"<option value='{e(v)}'>{e((labels or {}).get(v, v))}</option>" for v in sorted(set(values))
    )


def _filters(findings: list[Finding], assessment: Assessment) -> str:
    return (
        "<div class='filters'><input id='q' type='search' placeholder='Filter: any text of a finding' "
        "aria-label='filter findings'>"
        f"<select id='f-op' aria-label='operation'>{_options('operation', (o for f in findings for o in f.operations))}</select>"
        f"<select id='f-check' aria-label='check'>{_options('check', (f.check for f in findings))}</select>"
        f"<select id='f-kind' aria-label='kind'>{_options('kind', (f.kind.value for f in findings), {k.value: b for k, b in KIND_BADGE.items()})}</select>"
        f"<select id='f-status' aria-label='baseline status'>{_options('status', (assessment.status(f).value for f in findings))}</select>"
        "<button type='button' id='f-clear'>Clear</button><span id='shown' class='muted'></span></div>"
    )


def _finding(finding: Finding, status: Status, rerun: Callable[[FailureRecord], str] | None) -> str:
    """One root cause: what broke, which rule and where the rule came from, and a few exchanges to look at."""
    labels = ", ".join(dict.fromkeys(v.label for v in finding.verdicts))
    sources = list(dict.fromkeys(v.source for v in finding.verdicts if v.source))
    rule = f"<code>{e(finding.rule.id)}</code> " if finding.rule.id else ""
    examples = "".join(
        _example(r, f"{finding.key}-{i}", rerun) for i, r in enumerate(finding.examples(EXAMPLES))
    )
    return (
        f"<article class='finding s-{e(status.value)}' id='f-{e(finding.key)}' data-ops='{e(' '.join(finding.operations))}' "
        f"data-check='{e(finding.check)}' data-kind='{e(finding.kind.value)}' data-status='{e(status.value)}'>"
        f"<h3><span class='badge b-{e(status.value)}'>{e(status.value)}</span>"
        f"<span class='badge b-{e(finding.kind.value)}'>{e(KIND_BADGE[finding.kind])}</span> "
        f"<code>{e(finding.check)}</code> &times; {finding.count}</h3>"
        f"<p class='rule'>Rule {rule}{e(finding.rule.text or '(the check states no rule)')}</p>"
        f"<p>Difference: <code>{e(finding.difference)}</code></p>"
        f"<p>Operations ({len(finding.operations)}): {e(', '.join(finding.operations))}; "
        f"phases: {e(', '.join(finding.phases) or '-')}</p>"
        f"<p class='muted'>Provenance: {e(labels)}"
        + (f"; source: {e(', '.join(sources))}" if sources else "")
        + "</p>"
        f"<details><summary>Fingerprints for a baseline ({len(finding.fingerprints)})</summary>"
        f"<pre>{e(chr(10).join(finding.fingerprints))}</pre></details>{examples}</article>"
    )


def _example(record: FailureRecord, ident: str, rerun: Callable[[FailureRecord], str] | None) -> str:
    """One deviation with its exchanges (already redacted by the recorder), a curl and the re-run command."""
    exchanges = "".join(_exchange(x) for x in record.exchanges[:EXCHANGES])
    more = len(record.exchanges) - EXCHANGES
    parts = [
        f"<div class='ex'><b>{e(record.operation_id)}</b> <code>{e(record.label)}</code> "
        f"<span class='muted'>({e(record.phase)})</span>: {e(record.title)}",
        f"<pre>{e(_truncate(record.message.strip(), MAX_BODY))}</pre>" if record.message.strip() else "",
        f"<details><summary>Exchanges ({len(record.exchanges)}, credentials redacted)</summary>{exchanges}"
        + (f"<p class='muted'>{more} more not shown</p>" if more > 0 else "")
        + "</details>",
        _copyable("Reproduce with curl", f"curl-{ident}", record.curl),
    ]
    if rerun is not None:
        parts.append(_copyable("Re-run", f"rerun-{ident}", rerun(record)))
    return "".join(parts) + "</div>"


def _copyable(label: str, ident: str, text: str) -> str:
    return (
        f"<div>{e(label)}<button type='button' class='copy' data-copy='{e(ident)}'>Copy</button>"
        f"<pre id='{e(ident)}'>{e(text)}</pre></div>"
    )


def _exchange(ex: Exchange) -> str:
    role = f" [{ex.role}{': ' + ex.note if ex.note else ''}]" if ex.role != "request" else ""
    answer = f"no response: {ex.error}" if ex.error else f"→ {ex.status}"
    parts = [f"<div class='xch'><code>{e(ex.method)} {e(ex.url)}</code>{e(role)} <b>{e(answer)}</b>"]
    for name, headers, body in (
        ("request", ex.request_headers, ex.request_body),
        ("response", ex.response_headers, ex.response_body),
    ):
        lines = "\n".join(f"{k}: {v}" for k, v in headers.items())
        parts.append(
            f"<details><summary>{name} headers</summary><pre>{e(lines)}</pre></details>" if lines else ""
        )
        parts.append(f"<pre>{e(_body(body))}</pre>" if body else "")
    return "".join(parts) + "</div>"


def _body(text: str) -> str:
    """A JSON body indented (one field a line is what a reader scans for), any body cut at MAX_BODY."""
    with contextlib.suppress(ValueError):
        text = json.dumps(json.loads(text), indent=2, ensure_ascii=False) if len(text) < 200_000 else text
    return _truncate(text, MAX_BODY)


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + f"\n... [{len(text) - limit} more characters]"


def _stale(entries: list[Entry]) -> str:
    """Baseline entries the run judged without reproducing: the target was fixed, the entry can go."""
    if not entries:
        return ""
    rows = [
        [f"<code>{e(x.fingerprint)}</code>", e(x.operation), e(x.check), e(x.reason), e(x.expires or "")]
        for x in entries
    ]
    return _section(
        "stale",
        f"Stale baseline entries ({len(entries)})",
        "<p class='muted'>Judged this run and not reproduced: <code>--baseline-prune</code> drops them.</p>"
        + _table(("Fingerprint", "Operation", "Check", "Reason", "Expires"), rows),
    )


def _rules() -> list[rule_register.Rule]:
    try:
        return rule_register.load()
    except (OSError, ValueError):  # the wheel may ship without the register
        return []


def _coverage(run: RunContext, findings: list[Finding]) -> str:
    """Each rule of the register, exercised or not: a conforming run that never judged a rule proves nothing of it."""
    rules = _rules()
    if not rules:
        return _section("coverage", "Rule coverage", "<p>The rule register is not available.</p>")
    missing = set(rule_register.unexercised(rules, run.model.operations, run.results.applied))
    unjudged = {rule.id for rule in rules if not rule.judged}
    judged = len(rules) - len(unjudged)
    broken = {f.rule.id for f in findings if f.rule.id}
    idle = [op for op in run.model.operations if op not in {o for o, _ in run.results.applied}]
    rows = []
    for rule in sorted(rules, key=lambda r: (r.id not in missing, r.id in unjudged, r.id)):
        ops = rule_register.matched_operations(rule, run.model.operations)
        state = "<span class='badge b-no'>not exercised</span>" if rule.id in missing else ""
        if rule.id in unjudged:
            state = f"<span class='badge b-no' title='{e(rule.not_judged)}'>not judged</span>"
        state = state or "<span class='badge b-yes'>exercised</span>"
        state += "<span class='badge b-new'>deviation</span>" if rule.id in broken else ""
        cell = f"<span title='{e(', '.join(ops))}'>{len(ops)}</span>"
        rows.append([f"<code>{e(rule.id)}</code>", e(rule.rule), e(", ".join(rule.checks)), cell, state])
    idle_text = f"<p class='muted'>Operations no check judged ({len(idle)}): {e(', '.join(idle))}</p>"
    return _section(
        "coverage",
        "Rule coverage (spec/rules.yaml)",
        f"<p>{judged - len(missing)} of {judged} rules exercised: one of the rule's checks judged one of "
        "its operations."
        + (
            f" {len(unjudged)} more the spec states are not judged by any check yet.</p>"
            if unjudged
            else "</p>"
        )
        + (idle_text if idle else "")
        + _table(("Rule", "Text", "Checks", "Operations", "This run"), rows),
    )


def _losses(run: RunContext) -> str:
    """What the network lost: never a deviation, but what it left unjudged is not covered either."""
    losses = run.losses
    if not (losses.retries or losses.lost_count or losses.unjudged):
        return _section("losses", "Network losses", "<p>None: every request got an answer.</p>")
    by_op = losses.summary()["lost_by_operation"]
    lost = ", ".join(f"{op} {n}" for op, n in sorted(by_op.items())) if isinstance(by_op, dict) else ""
    items = "".join(f"<li>{e(u.describe())}</li>" for u in losses.unjudged[:200])
    return _section(
        "losses",
        "Network losses (not deviations)",
        f"<p>{losses.retries} attempts sent again; {losses.recovered} answered on a later attempt; "
        f"{losses.lost_count} got no answer.</p>"
        + (f"<p>Lost per operation: {e(lost)}</p>" if lost else "")
        + (f"<h3>Left unjudged ({len(losses.unjudged)})</h3><ul>{items}</ul>" if items else ""),
    )


def _turned_off(run: RunContext) -> str:
    items = "".join(
        f"<li><code>{e(s.name)}</code>: {e(s.reason)}</li>"
        for s in run.config.checks.values()
        if not s.enabled
    )
    return _section("off", "Checks turned off", f"<ul>{items}</ul>" if items else "<p>None.</p>")
