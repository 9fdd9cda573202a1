"""`cdp-conformance verify-har` (issue 12, item 1): recordings of a scripted integration against a healthy and a
faulty in-process sandbox, judged by the suite's own checks without sending anything."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests
from cdp_sandbox import create_app
from schemathesis.python import asgi

from contract_tests.passive.engine import Item, Timeline, refs_of
from contract_tests.passive.har import HarError, Recorded, parse
from contract_tests.runner import EXIT_DEVIATIONS, EXIT_OK, EXIT_UNUSABLE, main
from tests.contract.passive_traffic import AUTH, _entry, integration

BASE = "http://testserver"


def recording(faults: tuple[str, ...] = ()) -> dict[str, Any]:
    """The scripted integration against an in-process sandbox (with `faults` on), as a HAR document."""
    session: requests.Session = asgi.get_client(create_app(faults=faults))  # type: ignore[arg-type]
    entries: list[dict[str, Any]] = []

    def send(method: str, url: str, **kwargs: Any) -> requests.Response:
        response = session.request(method, url, **kwargs)
        entries.append(_entry(response, 0.001))
        return response

    integration(BASE, send)
    return {"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, "entries": entries}}


def moved(document: dict[str, Any], origin: str) -> dict[str, Any]:
    """The recording as if the integration had talked to `origin` (URLs and hrefs in bodies alike)."""
    copy: dict[str, Any] = json.loads(json.dumps(document))
    for entry in copy["log"]["entries"]:
        entry["request"]["url"] = entry["request"]["url"].replace(BASE, origin)
        content = entry["response"]["content"]
        if content.pop("encoding", None) == "base64":
            content["text"] = base64.b64decode(content["text"]).decode()
        content["text"] = content.get("text", "").replace(BASE, origin)
    return copy


def verify(tmp_path: Path, document: dict[str, Any] | str, *extra: str) -> tuple[int, dict[str, Any], str]:
    """verify-har on a document; (exit code, summary JSON or {}, Markdown report or "")."""
    har = tmp_path / "traffic.har"
    har.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    reports = tmp_path / "reports"
    code = main(["verify-har", str(har), "--reports", str(reports), "--target-kind", "sandbox", *extra])
    summary = reports / "conformance-summary.json"
    report = reports / "conformance-report.md"
    return (
        code,
        json.loads(summary.read_text()) if summary.exists() else {},
        report.read_text() if report.exists() else "",
    )


@pytest.fixture(scope="module")
def healthy() -> dict[str, Any]:
    return recording()


def test_a_healthy_recording_verifies_clean_with_every_report(
    tmp_path: Path, healthy: dict[str, Any]
) -> None:
    code, summary, report = verify(tmp_path, healthy)
    assert code == EXIT_OK, report
    assert summary["deviations"]["total"] == 0
    assert summary["requests"] == len(healthy["log"]["entries"])  # every exchange judged
    assert "Mode: passive, nothing sent" in report
    junit = (tmp_path / "reports" / "conformance-junit.xml").read_text()
    assert 'tests="' in junit and 'failures="0"' in junit and "createOrder" in junit


@pytest.mark.parametrize(
    ("fault", "check"),
    [
        ("order-item-price-as-string", "response_schema_conformance"),  # a schema fault
        ("create-answers-200", "status_code_conformance"),  # a status fault
        ("json-as-text-plain", "content_type_conformance"),  # a media-type fault
        ("delete-keeps-order", "deleted_resource_is_gone"),  # a stale read after delete
        ("href-points-elsewhere", "href_points_to_self"),  # a broken href
        ("no-credentials-accepted", "ignored_auth"),  # a 2xx without credentials
        (
            "patch-wipes-unset",
            "patch_keeps_unsent_fields",
        ),  # a PATCH that loses fields, seen by the next read
        ("update-not-persisted", "write_is_persisted"),  # a write the next read does not show
        ("error-echoes-authorization", "credentials_not_echoed"),  # the recorded credentials, handed back
    ],
)
def test_a_recording_of_a_faulty_target_gives_exit_1_naming_the_rule(
    tmp_path: Path, fault: str, check: str
) -> None:
    code, summary, report = verify(tmp_path, recording((fault,)))
    assert code == EXIT_DEVIATIONS
    assert check in {f["check"] for f in summary["failures"]}, report
    assert f"[{check}]" in report


def test_credentials_echoed_in_a_recording_are_named_and_kept_out_of_the_reports(tmp_path: Path) -> None:
    """The credentials judged are those the recorded requests carried (the redactor learns them from the traffic)."""
    code, summary, report = verify(tmp_path, recording(("error-echoes-authorization",)))
    assert code == EXIT_DEVIATIONS
    said = "Basic credentials key:token (base64) in the body at $.debug.authorization"
    assert said in report
    assert any(said in f["message"] for f in summary["failures"] if f["check"] == "credentials_not_echoed")
    basic = base64.b64encode(":".join(AUTH).encode()).decode()
    texts = [p.read_text() for p in (tmp_path / "reports").iterdir() if p.is_file()]
    assert texts and not [t for t in texts if basic.rstrip("=") in t or AUTH[1] in t]


def test_nothing_is_sent_even_to_a_live_address(tmp_path: Path, healthy: dict[str, Any]) -> None:
    """The recording's URLs point at a server that counts what reaches it: judging sends it nothing (the checks
    that would send, e.g. near-miss credentials or ignored_auth's re-send, do not apply)."""
    hits: list[str] = []

    class Counter(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_POST = do_PATCH = do_DELETE = do_PUT = do_GET

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        code, summary, _ = verify(tmp_path, moved(healthy, f"http://127.0.0.1:{server.server_port}"))
    finally:
        server.shutdown()
        server.server_close()
    assert code == EXIT_OK and summary["requests"] > 0
    assert hits == []


def test_exchanges_that_match_no_operation_are_listed_not_failed(
    tmp_path: Path, healthy: dict[str, Any]
) -> None:
    document = json.loads(json.dumps(healthy))
    stray = json.loads(json.dumps(document["log"]["entries"][1]))
    stray["request"]["url"] = f"{BASE}/v2.1/guests/abc"
    other_host = json.loads(json.dumps(document["log"]["entries"][1]))
    other_host["request"]["url"] = "https://cdn.example.com/app.js"
    no_body = json.loads(json.dumps(document["log"]["entries"][1]))
    del no_body["response"]["content"]["text"]
    document["log"]["entries"] += [stray, other_host, no_body]
    code, _, report = verify(tmp_path, document)
    assert code == EXIT_OK
    assert "/v2.1/guests/abc: no operation of the spec" in report
    assert "cdn.example.com/app.js: another host" in report
    assert "the recording left the response body out" in report


@pytest.mark.parametrize(
    ("document", "says"),
    [
        ("not json", "not JSON"),
        ({"log": {}}, "no log.entries"),
        (
            {"log": {"entries": [{"request": {"method": "GET"}, "response": {"status": 200}}]}},
            "entry 1: request.url",
        ),
        (
            {
                "log": {
                    "entries": [{"request": {"method": "GET", "url": "http://h/v2.1/orders"}, "response": {}}]
                }
            },
            "entry 1: response.status",
        ),
        ({"log": {"entries": []}}, "holds no entries"),
        (
            {
                "log": {
                    "entries": [
                        {"request": {"method": "GET", "url": "http://h/app.js"}, "response": {"status": 200}}
                    ]
                }
            },
            "no exchange has a /v2/ or /v2.1/ path",
        ),
    ],
)
def test_unusable_input_exits_2_with_one_sentence_naming_the_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: Any, says: str
) -> None:
    code, _, _ = verify(tmp_path, document)
    assert code == EXIT_UNUSABLE
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1


def test_credentials_the_recording_carries_are_masked_wherever_they_are_echoed(tmp_path: Path) -> None:
    document = recording()
    basic = base64.b64encode(f"{AUTH[0]}:{AUTH[1]}".encode()).decode()
    echo = document["log"]["entries"][0]
    echo["response"]["status"] = 500  # a deviation, so the exchange is written to the reports
    echo["response"]["content"] = {
        "mimeType": "application/json",
        "text": json.dumps({"echo": f"Basic {basic}"}),
    }
    code, _, report = verify(tmp_path, document)
    assert code == EXIT_DEVIATIONS
    texts = [p.read_text() for p in (tmp_path / "reports").iterdir()]
    assert all(basic not in text and AUTH[1] not in text for text in texts)
    assert "Basic [redacted]" in report


def test_a_later_read_is_evidence_only_until_the_resource_changes() -> None:
    timeline = Timeline()
    literals = frozenset({"v2.1", "orders"})

    # seq 1 create, 2 PATCH of the same order, 3 GET of it: the GET shows the PATCH, not the create.
    def item(seq: int, method: str, path: str) -> Item:
        recorded = Recorded(seq, method, BASE + path, [], b"", 200, [], b"{}")
        return Item(seq, recorded, 0.0, path, (path, ()), refs_of(path, literals), {})

    for seq, method, path in (
        (1, "POST", "/v2.1/orders/abc"),
        (2, "PATCH", "/v2.1/orders/abc"),
        (3, "GET", "/v2.1/orders/abc"),
    ):
        timeline.add(item(seq, method, path))
    key = ("/v2.1/orders/abc", ())
    assert timeline.next_read(1, key, frozenset({"abc"})) is None
    found = timeline.next_read(2, key, frozenset({"abc"}))
    assert found is not None and found.seq == 3
    assert refs_of("/v2.1/orders/ABC/orderitems", frozenset({"orders", "orderitems"})) == frozenset({"abc"})


def test_har_entries_keep_their_order_and_decode_base64_bodies() -> None:
    entries = parse(
        {
            "log": {
                "entries": [
                    {
                        "request": {
                            "method": "get",
                            "url": "http://h/v2.1/orders/x",
                            "headers": [{"name": ":authority", "value": "h"}],
                        },
                        "response": {
                            "status": 200,
                            "content": {"text": base64.b64encode(b"{}").decode(), "encoding": "base64"},
                        },
                    }
                ]
            }
        }
    )
    assert (
        entries[0].method == "GET" and entries[0].response_body == b"{}" and entries[0].request_headers == []
    )
    with pytest.raises(HarError, match=r"entry 1: response\.content: says base64"):
        parse(
            {
                "log": {
                    "entries": [
                        {
                            "request": {"method": "GET", "url": "http://h/"},
                            "response": {"status": 200, "content": {"text": "%%", "encoding": "base64"}},
                        }
                    ]
                }
            }
        )


@pytest.fixture(autouse=True)
def _no_sandbox_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("SITECORE_CDP_CLIENT_KEY", "SITECORE_CDP_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    yield


def test_a_base_url_given_names_what_is_judged(tmp_path: Path, healthy: dict[str, Any]) -> None:
    code, summary, report = verify(tmp_path, healthy, "--base-url", "https://api.example.com")
    assert code == EXIT_OK and summary["requests"] == 0
    assert report.count(": another host than https://api.example.com") == len(healthy["log"]["entries"])


def test_verify_har_takes_a_baseline_known_exits_0_and_junit_skips_it(tmp_path: Path) -> None:
    faulty = recording(("create-answers-200",))
    file = tmp_path / "baseline.yaml"
    code, summary, _ = verify(tmp_path, faulty, "--baseline", str(file), "--baseline-update")
    assert code == EXIT_OK and summary["baseline"]["written"]
    code, summary, report = verify(tmp_path, faulty, "--baseline", str(file))
    assert code == EXIT_OK and summary["baseline"]["known"] and not summary["baseline"]["new"]
    assert "[KNOWN (baseline)]" in report
    junit = (tmp_path / "reports" / "conformance-junit.xml").read_text()
    assert "known deviation(s), accepted by the baseline" in junit and "<failure" not in junit
    code, summary, _ = verify(tmp_path, recording(("order-ref-missing",)), "--baseline", str(file))
    assert code == EXIT_DEVIATIONS and summary["baseline"]["new"]


def guest_listing(faults: tuple[str, ...] = ()) -> dict[str, Any]:
    """An integration that lists a guest's orders and reads what it got: two orders whose contacts name two
    guests (by identifiers), the list by the first guest, then each listed order, its contacts and each contact."""
    session: requests.Session = asgi.get_client(create_app(faults=faults))  # type: ignore[arg-type]
    entries: list[dict[str, Any]] = []

    def call(method: str, url: str, **kwargs: Any) -> Any:
        response = session.request(method, f"{BASE}{url}", auth=AUTH, timeout=30, **kwargs)
        entries.append(_entry(response, 0.001))
        return response.json() if response.content else None

    order: dict[str, Any] = {
        "referenceId": "passive-guests",
        "orderedAt": "2026-11-30T10:00:00.000Z",
        "currencyCode": "EUR",
    }
    order |= {"price": 12.5, "status": "PURCHASED", "channel": "WEB"}
    guests = []
    for person in ("first", "second"):
        ref = call("POST", "/v2.1/orders", json=order)["ref"]
        contact = {"firstName": "Jo", "lastName": person, "identifiers": [{"provider": "CRM", "id": person}]}
        guests.append(
            call("POST", f"/v2.1/orders/{ref}/contacts", json=contact)["guest"]["href"].rsplit("/", 1)[-1]
        )
    listed = call("GET", "/v2.1/orders", params={"guestRef": guests[0]})
    for link in listed["items"]:
        path = link["href"].removeprefix(BASE)
        call("GET", path)
        for contact_link in call("GET", f"{path}/contacts")["items"]:
            call("GET", contact_link["href"].removeprefix(BASE))
    return {"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, "entries": entries}}


def test_a_recording_shows_a_guest_filter_that_lists_other_guests_orders(tmp_path: Path) -> None:
    """The reads the application made after a guestRef list are the evidence: an order listed for one guest
    whose contacts name another is list_filter_honoured's deviation; the same traffic from a healthy target is
    clean."""
    (tmp_path / "healthy").mkdir()
    (tmp_path / "faulty").mkdir()
    code, summary, report = verify(tmp_path / "healthy", guest_listing())
    assert code == EXIT_OK, report
    code, summary, report = verify(tmp_path / "faulty", guest_listing(("guest-filter-ignored",)))
    assert code == EXIT_DEVIATIONS, report
    failures = [f for f in summary["failures"] if f["check"] == "list_filter_honoured"]
    assert failures and all(f["operation"] == "listOrders" for f in failures), summary["failures"]
