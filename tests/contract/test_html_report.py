"""The HTML report (contract_tests/html_report.py): built from a real run against a faulty sandbox, escaped, free
of every spelling of the credentials, and read by a real headless Chromium that loads nothing but the file.

The run is in-process (ASGI, a few seconds) and shared by the module. Its target is careless on purpose: the
credentials are full of characters that spell differently once escaped, its description names them, and every
answer echoes the Authorization header and some markup back in response headers. Chromium runs with a proxy on a
closed 127.0.0.1 port and every host name unresolvable, so nothing it sends can leave the machine.
"""

from __future__ import annotations

import html
import html as html_mod
import json
import re
import struct
import subprocess
import zlib
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from cdp_sandbox.factory import app_factory

from contract_tests import html_report, report
from contract_tests.assessment import Assessment, Summary, assess, summarize
from contract_tests.baseline import Baseline, Entry, Judgement, Status, judge
from contract_tests.context import RunContext, RunOptions
from contract_tests.findings import Finding
from contract_tests.redaction import REDACTED
from contract_tests.runner import EXIT_DEVIATIONS, execute
from contract_tests.targets import Target
from tests.contract.local_servers import spellings

FAULTS = ("create-answers-200", "href-points-elsewhere")
PHASES = ("examples", "workflows")
KEY = 'ck html+/"&<key>'
TOKEN = "tok'en&\\?~=#%9 x"
MARKUP = "<img src=x onerror=alert(1)>"
CHROMIUM = Path("/usr/bin/chromium")


class EchoingApp:
    """An ASGI wrapper that echoes the request's Authorization (and a bit of markup) in every answer's headers, as
    a careless debug gateway might: what reaches the report from there must be masked and escaped."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.inner(scope, receive, send)
            return
        auth = dict(scope.get("headers") or []).get(b"authorization", b"")

        async def echoing_send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                extra = [(b"x-echo-authorization", auth), (b"x-echo-key", quote(KEY, safe="").encode())]
                message = {
                    **message,
                    "headers": [*message.get("headers", []), *extra, (b"x-echo-markup", MARKUP.encode())],
                }
            await send(message)

        await self.inner(scope, receive, echoing_send)


@dataclass
class Built:
    run: RunContext
    summary: Summary
    assessment: Assessment
    page: str


def render(run: RunContext, assessment: Assessment | None = None, incomplete: str = "") -> str:
    """The page as report.write will make it, the re-run command bound to the run."""
    return html_report.render(
        run,
        summarize(run, 1.0),
        assessment or assess(run),
        incomplete,
        rerun=lambda record: report.rerun_command(run, record),
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """One run with deviations (a wrong create status, hrefs to the wrong resource) and its report."""
    faulty = app_factory(FAULTS, client_key=KEY, api_token=TOKEN)
    target = Target(
        base_url="http://testserver",
        client_key=KEY,
        api_token=TOKEN,
        app_factory=lambda: EchoingApp(faulty()),
        description=f"echoing sandbox (key {KEY}, token {TOKEN})",
        local_sandbox=True,
    )
    options = RunOptions(target=target, reports_dir=tmp_path_factory.mktemp("reports"), phases=PHASES)
    outcome = execute(options, quiet=True)
    assert outcome.exit_code == EXIT_DEVIATIONS, outcome.message
    assert outcome.run is not None
    run = outcome.run
    assessment = assess(run)
    return Built(run, summarize(run, 1.0), assessment, render(run, assessment))


def findings_of(built: Built, check: str) -> list[Finding]:
    return [f for f in built.assessment.findings if f.check == check]


class Articles(HTMLParser):
    """The findings of a page (their data- attributes and whether they are hidden) and the filter's count line."""

    def __init__(self) -> None:
        super().__init__()
        self.articles: list[dict[str, str | None]] = []
        self.shown = ""
        self._in_shown = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "article" and "finding" in (found.get("class") or ""):
            self.articles.append(found)
        self._in_shown = found.get("id") == "shown"

    def handle_data(self, data: str) -> None:
        if self._in_shown:
            self.shown += data

    def handle_endtag(self, tag: str) -> None:
        self._in_shown = False


def articles(page: str) -> Articles:
    parsed = Articles()
    parsed.feed(page)
    return parsed


# -- the page, as text ------------------------------------------------------------------------------------


def test_the_page_shows_each_root_cause_with_its_rule_and_exchanges(built: Built) -> None:
    page = built.page
    status = findings_of(built, "status_code_conformance")
    hrefs = findings_of(built, "href_points_to_self")
    assert status and status[0].operations == ["createOrder"] and hrefs
    failures = sum(f.count for f in built.assessment.findings)
    assert f"{failures} new deviations from {len(built.assessment.findings)} root causes" in page
    assert f"Deviations {failures} (" in page  # the banner and the notes count the same thing
    for finding in built.assessment.findings:
        assert f"id='f-{finding.key}'" in page
        assert html_mod.escape(finding.rule.text, quote=True) in page
        for op in finding.operations:
            assert f"data-op='{op}'" in page  # the operations table links the operation to its findings
    assert "STATUS-CREATE-201" in page and "HREF-SELF" in page
    assert "target deviates" in page and "badge b-new" in page
    assert "curl -X POST" in page and "python -m contract_tests run" in page
    assert "Rule coverage (spec/rules.yaml)" in page and "createOrder" in page
    assert "<span class='undoc nw' title='not documented'>200!" in page  # createOrder's undocumented 200
    assert [a["data-status"] for a in articles(page).articles] == ["new"] * len(built.assessment.findings)


def test_the_to_fix_list_quotes_what_each_cause_showed_not_its_grouping_key(built: Built) -> None:
    """The header's list names each new cause by its first example's own words (with the values seen); the
    difference with the values taken out is the grouping key and never stands there in their place."""
    header = built.page.split("</header>", 1)[0]
    todo = header.split("<b>To fix</b>", 1)[1]
    for finding in built.assessment.failing:
        first = finding.examples(1)[0].message.strip().splitlines()[0].strip()
        assert html.escape(first[:200], quote=True) in todo, first
    assert "&lt;value&gt;" not in todo and "&lt;ref&gt;" not in todo


def test_everything_from_the_run_is_escaped(built: Built) -> None:
    assert "x-echo-markup" in built.page  # the echoed header made it into the exchanges shown
    assert MARKUP not in built.page
    assert html_mod.escape(MARKUP) in built.page


def test_the_page_loads_nothing_from_anywhere(built: Built) -> None:
    page = built.page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"<(link|img|iframe|object|embed|base)\b", page, re.IGNORECASE)
    assert not re.search(r"<script[^>]*\bsrc=", page, re.IGNORECASE)
    assert "@import" not in page and "url(" not in page
    hrefs = re.findall(r"\bhref=['\"]([^'\"]*)", page)
    assert hrefs and all(h.startswith("#") for h in hrefs), sorted(set(hrefs))


def secret_forms() -> dict[str, str]:
    """Every spelling of the key, the token and key:token, HTML-escaped forms included."""
    forms: dict[str, str] = {}
    for name, secret in (("key", KEY), ("token", TOKEN), ("key:token", f"{KEY}:{TOKEN}")):
        for form, text in spellings(secret).items():
            forms[f"{name} {form}"] = text
            forms[f"{name} {form}, HTML-escaped"] = html_mod.escape(text, quote=True)
    return forms


def test_no_spelling_of_the_credentials_is_in_the_page(built: Built) -> None:
    """The recorder masked the echoed headers; the description named the raw credentials, and html.escape re-spelt
    them as entities: the last redactor pass over the page must catch that too."""
    assert len(secret_forms()) > 40
    leaks = [name for name, form in secret_forms().items() if form in built.page]
    assert leaks == []
    assert f"echoing sandbox (key {REDACTED}, token {REDACTED})" in built.page
    assert "x-echo-authorization: Basic [redacted]" in built.page


def test_without_the_last_redactor_pass_the_description_would_leak(built: Built) -> None:
    """The test above can fail: rendered with a redactor that masks nothing, the escaped key is on the page."""

    class Blind:
        def text(self, value: str) -> str:
            return value

    run = built.run
    real = run.redactor
    run.redactor = Blind()  # type: ignore[assignment]
    try:
        page = render(run, built.assessment)
    finally:
        run.redactor = real
    assert html_mod.escape(KEY, quote=True) in page


def test_the_baseline_s_word_shows_on_each_finding_and_stale_entries_are_listed(built: Built) -> None:
    status = findings_of(built, "status_code_conformance")[0]
    accepted = {
        fp: Entry(fp, "accepted while the create status is argued with Sitecore")
        for fp in status.fingerprints
    }
    stale = Entry(
        "retrieveOrder:status_code_conformance:0badc0de",
        "fixed last week",
        "retrieveOrder",
        "status_code_conformance",
    )
    baseline = Baseline(Path("baseline.yaml"), {**accepted, stale.fingerprint: stale})
    judgement = judge(baseline, built.assessment.findings, built.run.results.applied)
    assessment = Assessment(built.assessment.findings, judgement)
    page = render(built.run, assessment)
    statuses = {a["data-check"]: a["data-status"] for a in articles(page).articles}
    assert (
        statuses["status_code_conformance"] == Status.KNOWN and statuses["href_points_to_self"] == Status.NEW
    )
    assert "Stale baseline entries (1)" in page and stale.fingerprint in page and "fixed last week" in page
    assert f"from {len(assessment.failing)} root cause" in page

    every = {fp: Entry(fp, "known") for f in built.assessment.findings for fp in f.fingerprints}
    applied = built.run.results.applied
    known = Assessment(
        built.assessment.findings, judge(Baseline(Path("b.yaml"), every), built.assessment.findings, applied)
    )
    assert "Only known deviations" in render(built.run, known)
    with_stale = Baseline(Path("b.yaml"), {**every, stale.fingerprint: stale})
    strict = Assessment(
        built.assessment.findings, judge(with_stale, built.assessment.findings, applied, strict=True)
    )
    assert "1 stale baseline entry fails the run (--strict-baseline)" in render(built.run, strict)


def test_the_verdict_follows_the_exit_code_new_deviations_then_incomplete(built: Built) -> None:
    budget = "the time budget ran out"
    css, headline = html_report.verdict(built.summary, built.assessment, budget)
    failures = sum(f.count for f in built.assessment.findings)
    assert css == "v-new" and headline.startswith(f"{failures} new deviations from ")
    assert f"also incomplete: {budget}" in render(built.run, built.assessment, budget)
    accepted = {fp: Entry(fp, "known") for f in built.assessment.findings for fp in f.fingerprints}
    known = Assessment(
        built.assessment.findings, judge(Baseline(Path("b.yaml"), accepted), built.assessment.findings, [])
    )
    assert html_report.verdict(built.summary, known, budget) == ("v-incomplete", f"Incomplete: {budget}")
    assert (
        html_report.verdict(built.summary, known, "", unjudged=2)[1]
        == "Incomplete: 2 left unjudged by the network"
    )
    assert html_report.verdict(built.summary, known, "")[0] == "v-known"
    clean = Assessment([], Judgement())
    assert html_report.verdict(built.summary, clean, "") == ("v-ok", "Conforms: no deviation found")
    assert "No deviation found." in render(built.run, clean)


# -- the page, in a browser -------------------------------------------------------------------------------


def chromium(tmp_path: Path, url: str, *mode: str) -> tuple[str, Path]:
    """Run headless Chromium on `url` (stdout, the net log). Nothing can leave: every request goes to a proxy on a
    closed 127.0.0.1 port and no host name but 127.0.0.1 resolves."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    profile.mkdir()
    net_log = profile.with_suffix(".netlog.json")
    args = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        "--proxy-server=http://127.0.0.1:9",
        "--proxy-bypass-list=<-loopback>",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        f"--log-net-log={net_log}",
        *mode,
        url,
    ]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout, net_log


def page_requests(net_log: Path) -> list[str]:
    """The URLs a document asked for. Chromium's own background requests (its clock, account checks) carry the
    initiator `not an origin`; anything a page loads carries the page's origin (`null` for a file)."""
    document = json.loads(net_log.read_text(encoding="utf-8"))
    start_job = document["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        event["params"]["url"]
        for event in document["events"]
        if event["type"] == start_job
        and "url" in event.get("params", {})
        and event["params"].get("initiator") != "not an origin"
    ]


def png_pixels(path: Path, rows: int = 600) -> tuple[int, int, set[bytes]]:
    """(width, height, the distinct pixels of the first `rows` rows) of an 8-bit non-interlaced PNG, read with the
    standard library only: the IDAT chunks inflated and each scanline's filter undone."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    chunks: dict[bytes, list[bytes]] = {}
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        chunks.setdefault(data[at + 4 : at + 8], []).append(data[at + 8 : at + 8 + length])
        at += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"][0])
    assert depth == 8 and interlace == 0 and colour in (0, 2, 4, 6), (depth, colour, interlace)
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    stride = width * bpp
    previous = bytearray(stride)
    seen: set[bytes] = set()
    for y in range(min(rows, height)):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        seen.update(bytes(line[x : x + bpp]) for x in range(0, stride, bpp))
        previous = line
    return width, height, seen


@pytest.fixture
def browser(tmp_path: Path) -> Path:
    """A directory for the pages, profiles and net logs; skips when Chromium is not installed."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it)")
    return tmp_path


@pytest.mark.slow
def test_chromium_renders_the_report_filters_it_and_loads_nothing(built: Built, browser: Path) -> None:
    path = browser / "conformance-report.html"
    path.write_text(built.page, encoding="utf-8")
    url = path.as_uri()

    dom, log_all = chromium(browser, url, "--dump-dom")
    for finding in built.assessment.findings:
        assert finding.check in dom
        assert all(op in dom for op in finding.operations)
    shown = articles(dom)
    total = len(built.assessment.findings)
    assert [a.get("hidden") for a in shown.articles] == [None] * total
    assert shown.shown == f"{total} of {total} root causes shown"  # the script ran

    dom, log_check = chromium(browser, url + "#check=href_points_to_self", "--dump-dom")
    hidden = {a["data-check"]: a.get("hidden") is not None for a in articles(dom).articles}
    # The echoing target also hands the credentials back: credentials_not_echoed's root cause, masked.
    assert hidden == {
        "status_code_conformance": True,
        "href_points_to_self": False,
        "credentials_not_echoed": True,
    }
    assert (
        articles(dom).shown
        == f"{len(findings_of(built, 'href_points_to_self'))} of {total} root causes shown"
    )

    dom, log_text = chromium(browser, url + "#filter=undocumented+status+code", "--dump-dom")
    hidden = {a["data-check"]: a.get("hidden") is not None for a in articles(dom).articles}
    assert hidden == {
        "status_code_conformance": False,
        "href_points_to_self": True,
        "credentials_not_echoed": True,
    }

    png = browser / "report.png"
    _, log_shot = chromium(browser, url, f"--screenshot={png}", "--window-size=1280,2000")
    width, height, pixels = png_pixels(png)
    assert (width, height) == (1280, 2000)
    assert len(pixels) > 1, "the screenshot is blank"

    for log in (log_all, log_check, log_text, log_shot):
        assert page_requests(log) == []


@pytest.mark.slow
def test_the_net_log_reading_sees_what_a_page_loads(browser: Path) -> None:
    """The check above can fail: a page that loads an image and fetches a URL (from a closed 127.0.0.1 port) shows
    both in the net log."""
    page = browser / "canary.html"
    page.write_text(
        "<!DOCTYPE html><p>canary</p><img src='http://127.0.0.1:9/canary.png'>"
        "<script>fetch('http://127.0.0.1:9/fetched').catch(function(){})</script>",
        encoding="utf-8",
    )
    _, log = chromium(browser, page.as_uri(), "--dump-dom")
    assert sorted(page_requests(log)) == ["http://127.0.0.1:9/canary.png", "http://127.0.0.1:9/fetched"]
