"""scripts/upstream.py: our spec against Sitecore's own description (an OpenAPI document or saved pages)."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.upstream_diff.cli import main
from scripts.upstream_diff.model import normalize_path
from tests._spec import ROOT, SHARED, SPEC_PATH

GUEST_SPEC = SHARED / "peer-fixtures" / "specs" / "official-guest-api-v2.1-openapi.yaml"
SEED_004 = SHARED / "seeds" / "004_f4389b8b3393c4de.txt"
Spec = dict[str, Any]


def _our_spec() -> Spec:
    spec: Spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return spec


def _walk(node: Any, visit: Callable[[dict[str, Any]], None]) -> None:
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            _walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, visit)


def renamed(spec: Spec) -> Spec:
    """The same API under other operationIds, schema names and path parameter names."""
    text = json.dumps(spec)
    for name in spec["components"]["schemas"]:
        text = text.replace(f'"#/components/schemas/{name}"', f'"#/components/schemas/Upstream{name}Model"')
    doc: Spec = json.loads(text)
    doc["components"]["schemas"] = {f"Upstream{k}Model": v for k, v in doc["components"]["schemas"].items()}

    def rename(node: dict[str, Any]) -> None:
        if isinstance(node.get("operationId"), str):
            node["operationId"] = "op_" + node["operationId"][::-1]
        if node.get("in") == "path" and isinstance(node.get("name"), str):
            node["name"] = "p_" + node["name"].lower()

    _walk(doc["paths"], rename)
    _walk(doc["components"].get("parameters", {}), rename)
    doc["paths"] = {
        re.sub(r"\{(\w+)\}", lambda m: "{p_" + m.group(1).lower() + "}", path): item
        for path, item in doc["paths"].items()
    }
    doc["servers"] = [{"url": "https://upstream.example.com"}]
    return doc


def run(tmp_path: Path, upstream: Spec | Path | str, *extra: str) -> tuple[int, str, dict[str, Any]]:
    """Run the CLI in-process; returns (exit code, text report, JSON report)."""
    if isinstance(upstream, dict):
        target = tmp_path / "upstream.yaml"
        target.write_text(yaml.safe_dump(upstream, sort_keys=False), encoding="utf-8")
        upstream = target
    report = tmp_path / "report.json"
    stdout = tmp_path / "stdout.md"
    saved = sys.stdout
    with stdout.open("w", encoding="utf-8") as sink:
        sys.stdout = sink
        try:
            code = main(["--official", str(upstream), "--json", str(report), *extra])
        finally:
            sys.stdout = saved
    data = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
    return code, stdout.read_text(encoding="utf-8"), data


def _diffs(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(d["kind"], d["location"], d["message"]) for d in data["differences"] if not d["tolerated"]]


def test_help_runs_as_a_script() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "upstream.py"), "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "--official" in done.stdout and "Exit codes" in done.stdout


def test_paths_are_normalized() -> None:
    assert normalize_path("https://api-engage-eu.sitecorecloud.io/v2.1/orders/{orderRef}/consumers") == (
        "/v2.1/orders/{}/consumers"
    )
    assert normalize_path("{baseURL}/v2/orders/<orderRef>/") == "/v2/orders/{}"
    assert normalize_path("/guests/{ref}", base="/v2.1") == "/v2.1/guests/{}"


def test_same_api_under_other_names_agrees(tmp_path: Path) -> None:
    code, text, data = run(tmp_path, renamed(_our_spec()))
    assert code == 0, text
    assert data["agree"] and data["counts"]["shared"] == data["counts"]["ours"]
    assert "AGREE" in text


def test_server_base_path_is_stripped(tmp_path: Path) -> None:
    """Upstream puts /v2.1 in the server URL; its paths then match ours."""
    doc = renamed(_our_spec())
    doc["paths"] = {p[len("/v2.1") :]: item for p, item in doc["paths"].items() if p.startswith("/v2.1/")}
    doc["servers"] = [{"url": "https://upstream.example.com/v2.1"}]
    code, text, data = run(tmp_path, doc, "--only-shared")
    assert code == 0, text
    v21 = [op for op in data["shared"] if op["ours"]["path"].startswith("/v2.1/")]
    assert len(v21) == data["counts"]["shared"] == data["counts"]["upstream"] > 30
    assert all(op["path"].startswith("/v2/") for op in data["only_ours"])


def _remove_operation(spec: Spec) -> None:
    del spec["paths"]["/v2.1/orders/{orderRef}"]["delete"]


def _add_required_request_field(spec: Spec) -> None:
    schema = spec["components"]["schemas"]["OrderCreate"]
    schema["properties"]["loyaltyNumber"] = {"type": "string"}
    schema["required"].append("loyaltyNumber")


def _add_enum_value(spec: Spec) -> None:
    spec["components"]["schemas"]["OrderChannel"]["enum"].append("SMART_TV")


def _change_status(spec: Spec) -> None:
    responses = spec["paths"]["/v2.1/orders"]["post"]["responses"]
    responses["200"] = responses.pop("201")


def _add_query_parameter(spec: Spec) -> None:
    spec["paths"]["/v2.1/orders"]["get"]["parameters"].append(
        {"name": "pointOfSale", "in": "query", "schema": {"type": "string"}}
    )


def _add_response_field(spec: Spec) -> None:
    spec["components"]["schemas"]["Order"]["properties"]["loyaltyTier"] = {"type": "string", "enum": ["GOLD"]}


PLANTED: dict[str, tuple[Callable[[Spec], None], list[tuple[str, str, str]]]] = {
    # name: (change to upstream, [(kind, location in OUR spec, words in the message)])
    "operation removed": (_remove_operation, []),
    "required request field added": (
        _add_required_request_field,
        [
            (
                "request field",
                "components.schemas.OrderCreate.properties",
                "`loyaltyNumber` (string, required)",
            )
        ],
    ),
    "enum value added": (
        _add_enum_value,
        [("enum", "components.schemas.OrderChannel.enum", "upstream adds SMART_TV")],
    ),
    "status code changed": (
        _change_status,
        [
            ("status", "paths./v2.1/orders.post.responses", "upstream documents status 200"),
            ("status", "paths./v2.1/orders.post.responses.201", "status 201 is not documented upstream"),
        ],
    ),
    "query parameter added": (
        _add_query_parameter,
        [("parameter", "paths./v2.1/orders.get.parameters", "query parameter `pointOfSale`")],
    ),
    "response field added": (
        _add_response_field,
        [("response field", "components.schemas.Order.properties", "field `loyaltyTier`")],
    ),
}


@pytest.mark.parametrize("name", list(PLANTED))
def test_planted_change_is_named_with_its_location(tmp_path: Path, name: str) -> None:
    plant, expected = PLANTED[name]
    upstream = copy.deepcopy(_our_spec())
    plant(upstream)
    code, text, data = run(tmp_path, renamed(upstream))
    assert code == 1, text
    found = _diffs(data)
    for kind, location, words in expected:
        assert any(k == kind and loc == location and words in msg for k, loc, msg in found), (found, text)
        assert f"spec/openapi.yaml: {location}" in text
    if name == "operation removed":
        assert [op["operation_id"] for op in data["only_ours"]] == ["deleteOrder"]
        assert data["only_ours_counted"] and not found
        assert "spec/openapi.yaml: paths./v2.1/orders/{orderRef}.delete" in text
    else:
        # Nothing else is reported: the planted change and only that (a schema shared by several
        # operations is reported once per operation).
        assert {(k, loc) for k, loc, _ in found} == {(k, loc) for k, loc, _ in expected}


# Synthetic reference pages in the api-docs text format (written for this test).
ORDER_CREATE_PAGE = """\
source: https://docs.example.com/order/create
stored: full page

# Make an order

Endpoint: POST https://api.example.com/v2.1/orders
Version: v2.1

## Request fields (application/json):

  - `referenceId` (string, required)
    Your id.

  - `orderedAt` (string, required)

  - `currencyCode` (string, required)

  - `price` (number, required)

  - `pointOfSale` (string)

  - `giftMessage` (string)
    Printed on the card.

  - `channel` (string)
    Enum: "WEB", "MOBILE_WEB", "MOBILE_APP", "CALL_CENTER", "AIRPORT_KIOSK", "BRANCH", "KIOSK", "OFFLINE", "GDS", "OTA", "OTHER", "SOCIAL"

  - `status` (string)

  - `paymentType` (string)

  - `createdAt` (string)

  - `modifiedAt` (string)

## Response 201 fields (application/json):

  - `ref` (string)

  - `href` (string)

## Response 400 fields (application/json):

  - `status` (integer)

  - `message` (string)
"""

# Cut mid-line, as stored excerpts are: the response list stops inside `items`.
CONTACT_LIST_PAGE = """\
# List the contacts

Endpoint: GET {baseURL}/v2.1/orders/{ref}/contacts

## Path parameters:

  - `ref` (string, required)

## Query parameters:

  - `expand` (boolean)

  - `offset` (integer)

  - `limit` (integer)

  - `pageSize` (integer)

## Response 200 fields (application/json):

  - `offset` (integer)

  - `limit` (integer)

  - `items` (arr"""

INDEX_PAGE = """\
# Orders

## Retrieve an order

 - [GET /v2.1/orders/{orderRef}](https://docs.example.com/order/retrieve.md): Gets one order.

## Order notes

 - [GET /v2.1/orders/{orderRef}/notes](https://docs.example.com/order/notes.md): Lists notes.
"""


def _pages(folder: Path) -> Path:
    folder.mkdir()
    (folder / "order_create.txt").write_text(ORDER_CREATE_PAGE, encoding="utf-8")
    (folder / "contact_list.txt").write_text(CONTACT_LIST_PAGE, encoding="utf-8")
    (folder / "order_index.md").write_text(INDEX_PAGE, encoding="utf-8")
    (folder / "intro.txt").write_text("Welcome to the order API.\n", encoding="utf-8")
    return folder


def test_folder_of_pages(tmp_path: Path) -> None:
    code, text, data = run(tmp_path, _pages(tmp_path / "pages"))
    assert code == 1, text
    found = _diffs(data)

    def has(kind: str, location: str, words: str) -> bool:
        return any(k == kind and loc == location and words in msg for k, loc, msg in found)

    # The complete create page.
    assert has(
        "request field", "components.schemas.OrderCreate.properties", "`giftMessage` (string, optional)"
    )
    assert has(
        "request field", "components.schemas.OrderCreate.properties.cardType", "not documented upstream"
    )
    assert has("enum", "components.schemas.OrderChannel.enum", "upstream adds SOCIAL")
    assert has("status", "paths./v2.1/orders.post.responses.415", "status 415 is not documented upstream")
    assert has("response field", "components.schemas.Order.properties.price", "not documented upstream")
    # The cut page: a parameter only it has is reported; nothing is reported as removed after the cut.
    assert has("parameter", "paths./v2.1/orders/{orderRef}/contacts.get.parameters", "`pageSize`")
    cut_ops = [
        d for d in data["differences"] if d["operation"].startswith("GET /v2.1/orders/{orderRef}/contacts")
    ]
    assert all("pageSize" in d["message"] for d in cut_ops), cut_ops
    hidden = [
        n["what"] for n in data["not_visible"] if n["operation"].startswith("GET /v2.1/orders/{orderRef}/con")
    ]
    assert "status 401" in hidden and "response 200 field `first`" in hidden
    assert "Not visible on the (cut) pages" in text
    # The index page: one operation we have (existence only), one we do not.
    assert [(op["method"], op["path"]) for op in data["only_upstream"]] == [
        ("GET", "/v2.1/orders/{orderRef}/notes")
    ]
    shared = {(s["ours"]["operation_id"], s["upstream"]["listed_only"]) for s in data["shared"]}
    assert ("retrieveOrder", True) in shared
    # Operations the pages do not cover are summarized, not counted.
    assert data["counts"]["only_ours"] == data["counts"]["ours"] - 3 and not data["only_ours_counted"]
    assert data["skipped_files"] == ["intro.txt"]


def test_only_shared_and_operation_filter(tmp_path: Path) -> None:
    folder = _pages(tmp_path / "pages")
    code, _text, data = run(tmp_path, folder, "--only-shared", "--operations", "retrieveOrder")
    assert code == 0 and data["counts"]["shared"] == 1 and data["counts"]["only_upstream"] == 0
    code, _text, data = run(tmp_path, folder, "--only-shared", "--operations", "GET /v2.1/orders/*/contacts")
    assert code == 1 and data["counts"]["shared"] == 1


needs_shared = pytest.mark.skipif(not GUEST_SPEC.is_file(), reason=f"shared fixtures not found at {SHARED}")


@needs_shared
def test_sitecore_guest_openapi_gives_a_report(tmp_path: Path) -> None:
    code, text, data = run(tmp_path, GUEST_SPEC)
    assert code == 1, text  # a different API: every operation is on one side only
    assert data["counts"]["upstream"] == 13 and data["counts"]["shared"] == 0
    assert "Operations only upstream (13)" in text
    code, text, _data = run(tmp_path, GUEST_SPEC, "--only-shared")
    assert code == 0, text
    assert "typed object with no properties" in text  # its `limit` quirk is noted, not fatal


@pytest.mark.skipif(not SEED_004.is_file(), reason=f"shared fixtures not found at {SHARED}")
def test_seed_004_gives_a_report(tmp_path: Path) -> None:
    folder = tmp_path / "seed"
    folder.mkdir()
    shutil.copy(SEED_004, folder / SEED_004.name)
    code, text, data = run(tmp_path, folder)
    assert code in (0, 1), text
    assert [s["ours"]["operation_id"] for s in data["shared"]] == ["createOrderConsumer"]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p / "missing.yaml", "not found"),
        (lambda p: _write(p / "broken.yaml", "paths: [unclosed\n  - {"), "is not YAML or JSON"),
        (lambda p: _write(p / "other.yaml", "name: value\nitems: [1, 2]\n"), "is not an OpenAPI document"),
        (lambda p: _write(p / "nopaths.json", '{"openapi": "3.1.0", "info": {}}'), "no `paths`"),
        (lambda p: _write(p / "empty.yaml", ""), "is empty"),
        (lambda p: _write_bytes(p / "blob.bin", b"\xff\xfe\x00\x01"), "is not text"),
        (lambda p: _mkdir(p / "nothing"), "no recognizable API reference page"),
        (lambda p: _write(_mkdir(p / "prose") / "a.txt", "Just prose.\n").parent, "no recognizable"),
    ],
)
def test_unusable_input_exits_2_with_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Callable[[Path], Path], reason: str
) -> None:
    target = make(tmp_path)
    code = main(["--official", str(target)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and str(target) in err and reason in err and err.rstrip().endswith(".")


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def test_odd_openapi_is_read_not_crashed_on(tmp_path: Path) -> None:
    """Cyclic refs, type lists, a missing operationId, an object-typed `limit`, odd values, a base path."""
    odd: Spec = {
        "openapi": "3.0.1",
        "servers": [{"url": "https://{region}.example.com/v2.1", "variables": {"region": {"default": "eu"}}}],
        "paths": {
            "/orders": {
                "parameters": "not a list",
                "get": {
                    "parameters": [
                        {"name": "limit", "in": "query", "schema": {"type": "object"}},
                        {"$ref": "#/components/parameters/Missing"},
                        "junk",
                    ],
                    "responses": {"200": {"$ref": "#/components/responses/Page"}, "default": None},
                },
                "post": {
                    "requestBody": {
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}}
                    },
                    "responses": {"201": {"description": "x"}},
                },
            },
            "/orders/{id}": None,
        },
        "components": {
            "parameters": {},
            "responses": {
                "Page": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Loop"}}}}
            },
            "schemas": {
                "Node": {
                    "type": "object",
                    "required": ["referenceId"],
                    "properties": {
                        "referenceId": {"type": ["string", "null"]},
                        "child": {"$ref": "#/components/schemas/Node"},
                        "odd": {"allOf": [{"$ref": "#/components/schemas/Loop"}], "oneOf": "nope"},
                    },
                },
                "Loop": {"$ref": "#/components/schemas/Loop2"},
                "Loop2": {"$ref": "#/components/schemas/Loop"},
            },
        },
    }
    code, text, data = run(tmp_path, odd)
    assert code == 1, text
    assert {(s["ours"]["operation_id"], s["upstream"]["operation_id"]) for s in data["shared"]} == {
        ("listOrders", None),
        ("createOrder", None),
    }
    found = _diffs(data)
    assert not any(
        "`referenceId`" in msg and "type" in msg for _k, _loc, msg in found
    )  # [string, null] is string
    assert any("`child`" in msg for _k, _loc, msg in found)
