"""Nothing secret in reports, in any form (issue 11, item 2): a target that echoes credentials back leaves no
spelling of them in any report file or on the console. Nothing here leaves 127.0.0.1."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path
from urllib.parse import quote

import pytest

from contract_tests import redaction
from contract_tests.redaction import REDACTED, RedactingStream, Redactor
from contract_tests.runner import EXIT_DEVIATIONS, main
from tests.contract.local_servers import echo_server, forward_proxy, spellings

# Characters that make every spelling differ: percent-escaped, JSON-escaped, XML-escaped, `+` for a space, and a
# key:token whose base64 has padding and differs between the two alphabets.
KEY = 'ck echo+/"&key'
TOKEN = "tok<en>\\?~=#%9"
PROXY_USER, PROXY_PASSWORD = "proxy-user", "pr0xy p@ss/w0rd"
PHASES = ["--phases", "examples", "--operations", "retrieveOrder,listOrders"]


def secret_forms() -> dict[str, str]:
    """Every spelling of every secret of the run below, named."""
    forms: dict[str, str] = {}
    for name, secret in (
        ("key", KEY),
        ("token", TOKEN),
        ("key:token", f"{KEY}:{TOKEN}"),
        ("proxy password", PROXY_PASSWORD),
        ("proxy user:password", f"{PROXY_USER}:{PROXY_PASSWORD}"),
    ):
        forms |= {f"{name} {form}": text for form, text in spellings(secret).items()}
    return forms


def leaks(texts: dict[str, str]) -> list[tuple[str, str]]:
    """(where, which form) for every form of a secret found in the texts."""
    forms = secret_forms()
    return [(where, name) for where, text in texts.items() for name, form in forms.items() if form in text]


def test_the_test_strings_spell_differently_in_every_form() -> None:
    pair = f"{KEY}:{TOKEN}".encode()
    assert base64.b64encode(pair).endswith(b"=") and base64.b64encode(pair) != base64.urlsafe_b64encode(pair)
    forms = spellings(f"{KEY}:{TOKEN}")
    assert len(set(forms.values())) == len(forms) >= 16, forms


@pytest.mark.parametrize("name", sorted(secret_forms()))
def test_every_form_of_every_secret_is_masked(name: str) -> None:
    redactor = Redactor.for_credentials(KEY, TOKEN, extra=((PROXY_USER, PROXY_PASSWORD),))
    form = secret_forms()[name]
    masked = redactor.text(f"before {form} after")
    assert masked == f"before {REDACTED} after"


def test_headers_are_masked_by_name_and_echoed_values_by_content() -> None:
    redactor = Redactor.for_credentials(KEY, TOKEN)
    basic = base64.b64encode(f"{KEY}:{TOKEN}".encode()).decode()
    headers = redactor.headers(
        {"Authorization": "Basic abc", "X-Echo": f"Basic {basic}", "X-Url": quote(KEY, safe="")}
    )
    assert headers == {"Authorization": REDACTED, "X-Echo": f"Basic {REDACTED}", "X-Url": REDACTED}


def test_the_console_stream_masks_every_write_and_passes_the_rest_through() -> None:
    redactor = Redactor.for_credentials(KEY, TOKEN)
    underneath = io.StringIO()
    console = RedactingStream(underneath, redactor)
    basic = base64.b64encode(f"{KEY}:{TOKEN}".encode()).decode()
    assert console.write(f"FAILED x - echoed Basic {basic}\n") == len(f"FAILED x - echoed Basic {basic}\n")
    console.writelines([f"key {quote(KEY, safe='')}\n"])
    assert underneath.getvalue() == f"FAILED x - echoed Basic {REDACTED}\nkey {REDACTED}\n"
    assert console.isatty() is False


def test_short_strings_are_not_secrets() -> None:
    assert Redactor.for_credentials("abc", "").text("abc abc") == "abc abc"


def _run_against_echo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, dict[str, str]]:
    """The suite against an echoing gateway behind a proxy that leaks its Proxy-Authorization: every report file
    and the console, by name."""
    monkeypatch.setenv("SITECORE_CDP_CLIENT_KEY", KEY)
    monkeypatch.setenv("SITECORE_CDP_API_TOKEN", TOKEN)
    reports = tmp_path / "reports"
    with echo_server() as base, forward_proxy(leak_proxy_authorization=True) as (port, log):
        proxy = f"http://{PROXY_USER}:{quote(PROXY_PASSWORD, safe='')}@127.0.0.1:{port}"
        code = main(
            [
                "run",
                "--base-url",
                base,
                "--proxy",
                proxy,
                "--target-kind",
                "real",
                "--reports",
                str(reports),
                # One process: the worker count follows the measured round trip, which a loaded machine
                # lengthens, and worker processes would not see this test's monkeypatching.
                "--workers",
                "1",
                "-q",
                *PHASES,
            ]
        )
    assert log.requests and not log.refused
    assert all(a.startswith("Basic ") for a in log.proxy_authorization)
    captured = capsys.readouterr()
    texts = {
        str(path.relative_to(reports)): path.read_text(encoding="utf-8")
        for path in sorted(reports.rglob("*"))
        if path.is_file()
    }
    return code, texts | {"stdout": captured.out, "stderr": captured.err}


@pytest.mark.parametrize("on_ci", [False, True], ids=["console", "ci-console"])
def test_no_form_of_a_secret_reaches_any_report_of_a_run_against_an_echoing_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], on_ci: bool
) -> None:
    """On CI (`CI` set, as every CI service does) pytest prints failure summaries untruncated: they quote the
    echoed body, after schemathesis rebuilt the report's text. The console must be as clean as the files."""
    for name in ("CI", "BUILD_NUMBER"):
        monkeypatch.delenv(name, raising=False)
    if on_ci:
        monkeypatch.setenv("CI", "true")
    code, texts = _run_against_echo(tmp_path, monkeypatch, capsys)
    assert code == EXIT_DEVIATIONS
    assert {
        "conformance-report.md",
        "conformance-failures.har",
        "conformance-summary.json",
        "conformance-junit.xml",
    } <= set(texts)
    har = json.loads(texts["conformance-failures.har"])
    echoed = [e for e in har["log"]["entries"] if '"decoded"' in e["response"]["content"]["text"]]
    assert echoed, "the echoing target's answers are in the cassette"
    assert REDACTED in texts["conformance-report.md"] and REDACTED in texts["stdout"]
    assert "[redacted]@127.0.0.1" in texts["conformance-report.md"]  # the proxy, its credentials left out
    assert leaks(texts) == []
    if on_ci:  # the untruncated summary line is there, masked, and still says what kind of deviation it is
        summary = [line for line in texts["stdout"].splitlines() if line.startswith("FAILED ")]
        assert summary and all("[target deviation" in line or "[SPEC EVIDENCE" in line for line in summary)


def test_the_scan_finds_the_echoed_base64_when_only_the_raw_secrets_are_masked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The check above can fail: with the masking of derived forms off (only raw secrets, as before), the echoed
    Basic credentials are in the cassette and the report."""
    monkeypatch.setattr(
        redaction, "derived_forms", lambda secrets, pairs=(): sorted(secrets, key=len, reverse=True)
    )
    _, texts = _run_against_echo(tmp_path, monkeypatch, capsys)
    found = leaks(texts)
    assert ("conformance-failures.har", "key:token base64") in found
    assert ("conformance-report.md", "key:token base64") in found
    assert ("conformance-failures.har", "proxy user:password base64") in found
