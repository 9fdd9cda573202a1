"""A target that hands the credentials back is a deviation (issue 23, item 5): `credentials_not_echoed` names what
was echoed and where, in any spelling the redactor masks, while every report stays free of the secret itself.
Nothing here leaves 127.0.0.1 (the runs are in-process)."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote

import pytest
import requests
from cdp_sandbox.factory import app_factory
from schemathesis import Response

from contract_tests import run_view
from contract_tests.checks.secrets import credentials_not_echoed
from contract_tests.context import RunOptions
from contract_tests.redaction import REDACTED, Redactor
from contract_tests.runner import EXIT_DEVIATIONS, execute
from contract_tests.targets import Target
from tests.contract.local_servers import spellings

# The characters of tests/contract/test_redaction.py: every spelling differs from the raw secret.
KEY = 'ck echo+/"&key'
TOKEN = "tok<en>\\?~=#%9"
PROXY_USER, PROXY_PASSWORD = "proxy-user", "pr0xy p@ss/w0rd"
BASIC = base64.b64encode(f"{KEY}:{TOKEN}".encode()).decode()
FAULT = "error-echoes-authorization"
SECRETS = {
    "the client key": KEY,
    "the API token": TOKEN,
    "Basic credentials key:token": f"{KEY}:{TOKEN}",
    "the proxy password": PROXY_PASSWORD,
    "proxy credentials user:password": f"{PROXY_USER}:{PROXY_PASSWORD}",
}


@dataclass
class StandIn:
    """What the check reads of a run (run_view.RunView): only the redactor."""

    redactor: Redactor


@pytest.fixture
def redactor() -> Iterator[Redactor]:
    found = Redactor.for_credentials(KEY, TOKEN, extra=((PROXY_USER, PROXY_PASSWORD),))
    run_view.install(cast(run_view.RunView, StandIn(found)))
    yield found
    run_view.install(None)


def answer(status: int = 404, body: Any = b"", **headers: str) -> Response:
    """A hand-built response (header names as keyword arguments, `_` for `-`)."""
    content = (
        body
        if isinstance(body, bytes)
        else body.encode()
        if isinstance(body, str)
        else json.dumps(body).encode()
    )
    request = requests.Request("GET", "http://127.0.0.1/v2.1/orders/x").prepare()
    named = {name.replace("_", "-"): [value] for name, value in headers.items()}
    return Response(status, named, content, request, 0.0, True)


def judged(response: Response) -> str | None:
    """The check's failure message, None when the rule held."""
    try:
        result = credentials_not_echoed(cast(Any, None), response, cast(Any, None))
    except AssertionError as exc:
        return str(exc)
    assert result is None
    return None


@pytest.mark.parametrize(
    ("response", "said"),
    [
        pytest.param(
            answer(body={"status": 401, "detail": f"bad token {TOKEN}"}),
            "the API token in the body at $.detail",
            id="raw token, JSON body",
        ),
        pytest.param(
            answer(x_debug_auth=f"Basic {BASIC}"),
            "Basic credentials key:token (base64) in header x-debug-auth",
            id="base64 key:token, header",
        ),
        pytest.param(
            answer(x_client=quote(KEY, safe="")),
            "the client key (percent-encoded) in header x-client",
            id="percent-encoded key, header",
        ),
        pytest.param(
            answer(body="<pre>" + json.dumps({"auth": TOKEN}) + "</pre>"),
            "the API token (JSON-escaped) in the body",
            id="JSON-escaped token, HTML body",
        ),
        pytest.param(
            answer(body='{"detail": "Authorization: ' + json.dumps(f"{KEY}:{TOKEN}")[1:-1] + '"}'),
            "Basic credentials key:token in the body at $.detail",
            id="JSON-escaped key:token, JSON body",
        ),
        pytest.param(
            answer(body={"debug": [{"authorization": f"{KEY}:{TOKEN}"}]}),
            "Basic credentials key:token in the body at $.debug[0].authorization",
            id="raw key:token, JSON body",
        ),
        pytest.param(
            answer(x_echo=KEY.replace("&", "&amp;").replace('"', "&quot;")),
            "the client key (XML-escaped) in header x-echo",
            id="XML-escaped key, header",
        ),
        pytest.param(
            answer(200, body={"ref": "r", "via": base64.b64encode(PROXY_PASSWORD.encode()).decode()}),
            "the proxy password (base64) in the body at $.via",
            id="proxy password, 2xx",
        ),
    ],
)
def test_each_spelling_is_a_deviation_naming_what_was_echoed_and_where(
    redactor: Redactor, response: Response, said: str
) -> None:
    message = judged(response)
    assert message is not None
    first = message.splitlines()[0]
    assert first == f"The answer hands back the credentials of its request: {said}"
    assert f"A {response.status_code} answer." in message


@pytest.mark.parametrize(
    "name", sorted(f"{what} {how}" for what in SECRETS for how in spellings(SECRETS[what]))
)
def test_every_spelling_the_redactor_masks_is_found_and_named(redactor: Redactor, name: str) -> None:
    what = next(w for w in SECRETS if name.startswith(w + " "))
    spelt = spellings(SECRETS[what])[name[len(what) + 1 :]]
    found = redactor.find(f"before {spelt} after")
    assert found is not None and found.startswith(what), found
    assert "base64" not in name or "(base64" in found
    message = judged(answer(body=f"<p>before {spelt} after</p>", x_echo=spelt))
    assert message is not None and message.count(what) == 2, message
    assert (
        _leaks(message) == [] and redactor.text(message) == message
    )  # nothing to mask: its meaning survives


def test_a_spelling_partly_escaped_is_found_too(redactor: Redactor) -> None:
    mixed = KEY[:3] + quote(KEY[3:], safe="")
    assert redactor.find(f"key={mixed}") == "the client key (percent-encoded)"


def test_clean_answers_pass_and_without_a_run_the_rule_does_not_apply(redactor: Redactor) -> None:
    error = {"status": 404, "code": 404, "message": "order: no resource found with ref x", "moreInfoUrl": "y"}
    assert judged(answer(body=error, x_request_id="abc%20def\\x")) is None
    assert judged(answer(200, body={"ref": "r", "note": "tok<en> ck echo"})) is None  # near, not the secrets
    run_view.install(None)
    assert credentials_not_echoed(cast(Any, None), answer(x_echo=TOKEN), cast(Any, None)) is True


def test_the_client_key_alone_is_allowed_only_as_a_client_key_field(redactor: Redactor) -> None:
    """Live tenants return `clientKey` in resources (spec info.description): the key there is no deviation."""
    assert judged(answer(200, body={"ref": "r", "clientKey": KEY, "guest": {"clientKey": KEY}})) is None
    elsewhere = judged(answer(200, body={"clientKey": KEY, "note": KEY}))
    assert elsewhere is not None and "the client key in the body at $.note" in elsewhere
    assert "$.clientKey" not in elsewhere
    paired = judged(answer(200, body={"clientKey": f"{KEY}:{TOKEN}"}))
    assert paired is not None and "Basic credentials key:token in the body at $.clientKey" in paired
    assert judged(answer(200, x_client_key=KEY)) is not None  # a header is no clientKey field


def test_a_clean_text_is_judged_without_the_pattern(redactor: Redactor) -> None:
    """The check runs on every response: a header or body without any escape character and without a form of
    a secret is settled by substring scans, never by the (slow) pattern; any escape character brings it in."""

    class Refused:
        def search(self, text: str) -> None:
            raise AssertionError(f"the pattern ran on {text!r}")

        def sub(self, repl: str, text: str) -> str:
            raise AssertionError(f"the pattern ran on {text!r}")

    pattern, redactor._pattern = redactor._pattern, cast(Any, Refused())
    clean = json.dumps(
        {"href": "http://127.0.0.1/v2.1/orders/x", "price": 1.5, "at": "2026-01-01T00:00:00.000Z"}
    )
    assert redactor.find(clean) is None and redactor.text(clean) == clean
    assert judged(answer(body=clean, content_type="application/json")) is None
    with pytest.raises(AssertionError, match="the pattern ran"):
        redactor.find(clean + "%41")
    redactor._pattern = pattern


def _leaks(text: str) -> list[str]:
    """Every spelling of every secret found in a text, named."""
    return [
        f"{what} {how}"
        for what, secret in SECRETS.items()
        for how, spelt in spellings(secret).items()
        if spelt in text
    ]


def test_a_run_against_an_echoing_target_exits_1_and_no_report_holds_the_secret(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The catalog fault (4xx bodies carry the Authorization header) against these credentials: the deviation is
    in every report, saying what was echoed, and no report nor the console holds any spelling of a secret."""
    target = Target(
        base_url="http://testserver",
        client_key=KEY,
        api_token=TOKEN,
        app_factory=app_factory([FAULT], client_key=KEY, api_token=TOKEN),
        description=f"sandbox with fault {FAULT}",
        local_sandbox=True,
    )
    reports = tmp_path / "reports"
    options = RunOptions(
        target=target,
        reports_dir=reports,
        target_kind="sandbox",
        phases=("examples",),
        operations=("retrieveOrder",),
    )
    outcome = execute(options)
    console = capsys.readouterr()
    assert outcome.exit_code == EXIT_DEVIATIONS, outcome.message
    texts = {
        str(p.relative_to(reports)): p.read_text(encoding="utf-8")
        for p in sorted(reports.rglob("*"))
        if p.is_file()
    }
    texts |= {"stdout": console.out, "stderr": console.err}
    assert {
        "conformance-summary.json",
        "conformance-junit.xml",
        "conformance-report.html",
        "conformance-report.md",
        "test_conformance_deviations.py",
    } <= set(texts)
    said = "Basic credentials key:token (base64) in the body at $.debug.authorization"
    summary = json.loads(texts["conformance-summary.json"])
    echoed = [f for f in summary["failures"] if f["check"] == "credentials_not_echoed"]
    assert echoed and all(said in f["message"] for f in echoed), summary["failures"]
    assert {f["check"] for f in summary["failures"]} == {"credentials_not_echoed"}
    for name in ("conformance-junit.xml", "conformance-report.md", "conformance-report.html"):
        assert said in texts[name], name
    assert "AUTH-NO-SECRET-ECHO" in texts["conformance-report.md"]
    heading = f"[credentials_not_echoed] Custom check failed: `credentials_not_echoed`: The answer hands back the credentials of its request: {said}"
    assert heading in texts["conformance-report.md"]  # the root cause's own words keep what was echoed
    assert "def test_credentials_not_echoed__retrieveOrder()" in texts["test_conformance_deviations.py"]
    assert f"Basic {REDACTED}" in texts["conformance-failures.har"]  # the evidence is there, masked
    assert {name: _leaks(text) for name, text in texts.items() if _leaks(text)} == {}
