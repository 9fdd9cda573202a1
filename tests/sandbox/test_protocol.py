"""HTTP-level behaviour: auth on every operation, 404/405/413/415, body decoding errors, error bodies."""

from __future__ import annotations

import base64
import re

import orjson
import pytest
from cdp_sandbox import SandboxApp, create_app
from httpx import Client

from .helpers import ORDER_V2, ORDER_V21, SPEC, ASGITransport, make_order

REF = "0840ff0d-685a-41c8-8f29-4dd9fa2e3245"
UNAUTHORIZED = {
    "status": "UNAUTHORIZED",
    "code": 401,
    "message": "Authentication credentials are required to access the resource. All requests must be authenticated.",
    "moreInfoUrl": "https://support.sitecore.com",
}


def _concrete(template: str) -> str:
    return re.sub(r"\{dataExtensionName\}", "ext", re.sub(r"\{\w+Ref\}", REF, template))


def _operations(app: SandboxApp) -> list[tuple[str, str]]:
    return [(op.method, _concrete(op.template)) for op in app.spec.operations.values()]


def test_spec_has_57_operations_all_handled(app: SandboxApp) -> None:
    assert len(app.spec.operations) == 57


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Basic " + base64.b64encode(b"sandbox-client-key:wrong").decode()},
        {"Authorization": "Basic " + base64.b64encode(b"wrong:sandbox-api-token").decode()},
        {"Authorization": "Basic " + base64.b64encode(b"sandbox-client-key").decode()},
        {"Authorization": "Basic !!!not-base64"},
        {"Authorization": "Bearer sandbox-api-token"},
    ],
)
def test_every_operation_demands_credentials(app: SandboxApp, anon: Client, headers: dict[str, str]) -> None:
    for method, path in _operations(app):
        response = anon.request(
            method, path, headers=headers, json={} if method in ("POST", "PUT", "PATCH") else None
        )
        assert response.status_code == 401, (method, path)
        assert response.json() == UNAUTHORIZED
        assert response.headers["www-authenticate"].startswith("Basic")


def test_credentials_are_configurable() -> None:
    custom = create_app(spec_path=SPEC, client_key="k", api_token="t:with:colons")
    with Client(transport=ASGITransport(custom), base_url="http://testserver") as other:
        listing = {"referenceId": "B94TXY-1"}
        assert other.get("/v2.1/orders", params=listing, auth=("k", "t:with:colons")).status_code == 200
        default = ("sandbox-client-key", "sandbox-api-token")
        assert other.get("/v2.1/orders", params=listing, auth=default).status_code == 401


def test_undeclared_method_is_405_with_allow_after_auth(client: Client, anon: Client) -> None:
    response = client.put("/v2.1/orders", json={})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    assert response.json()["code"] == 405
    assert client.request("TRACE", f"/v2/orders/{REF}").headers["allow"] == "GET, POST"
    assert anon.put("/v2.1/orders").status_code == 401


def test_unknown_path_is_404(client: Client) -> None:
    for path in ("/v3/orders", "/v2.1/orders/", "/", f"/v2.1/orders/{REF}/unknown"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json()["status"] == 404


def test_v21_needs_json_content_type(client: Client) -> None:
    body = b'{"referenceId": "x"}'
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "application/xml"):
        response = client.post("/v2.1/orders", content=body, headers={"Content-Type": content_type})
        assert response.status_code == 415, content_type
        assert response.json()["code"] == 415
    no_type = client.post("/v2.1/orders", content=body)
    assert no_type.status_code == 415
    latin = client.post(
        "/v2.1/orders", content=body, headers={"Content-Type": "application/json; charset=latin-1"}
    )
    assert latin.status_code == 415


def test_v2_accepts_json_sent_like_the_docs_curl(client: Client) -> None:
    raw = orjson.dumps(ORDER_V2)
    form = client.post(
        "/v2/orders", content=raw, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert form.status_code == 201
    bare = client.post("/v2/orders", content=raw)
    assert bare.status_code == 201
    utf8 = client.post("/v2/orders", content=raw, headers={"Content-Type": "application/json; charset=UTF-8"})
    assert utf8.status_code == 201
    assert client.post("/v2/orders", content=raw, headers={"Content-Type": "text/csv"}).status_code == 415


def test_body_over_1_mib_is_413(client: Client) -> None:
    big = b'{"referenceId": "' + b"x" * (1024 * 1024) + b'"}'
    response = client.post("/v2.1/orders", content=big, headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["code"] == 413


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"{", "malformed JSON"),
        (b'{"a": 1,}', "malformed JSON"),
        (b"\xff\xfe{}", "malformed JSON"),
        (b'{"referenceId": "\xc3\x28"}', "malformed JSON"),
        (b'{"referenceId": "\\ud800"}', "malformed JSON"),
        (b'{"price": NaN}', "malformed JSON"),
        (b'{"price": 1e400}', "number out of range"),
        (b"[" * 40 + b"]" * 40, "nesting deeper"),
        (b'{"a":' * 40 + b"1" + b"}" * 40, "nesting deeper"),
        (b"", "may not be null"),
        (b"   ", "may not be null"),
        (b"[]", "object"),
        (b'"text"', "object"),
    ],
)
def test_undecodable_bodies_are_400(client: Client, body: bytes, fragment: str) -> None:
    response = client.post("/v2.1/orders", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text
    assert fragment in response.json()["message"]


def test_huge_integers_are_read_as_doubles(client: Client) -> None:
    raw = b'{"referenceId":"R","orderedAt":"2024-01-01T00:00:00Z","currencyCode":"EUR","price":%s}' % (
        b"9" * 30
    )
    response = client.post("/v2.1/orders", content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 201
    assert response.json()["price"] == 1e30


def test_odd_unicode_round_trips(client: Client) -> None:
    name = "Zoë 🚀 \u0000 \u202e ﷽ \U0001d518\U0001d52b"
    order = make_order(client, referenceId=name)
    assert client.get(f"/v2.1/orders/{order['ref']}").json()["referenceId"] == name
    assert client.get("/v2.1/orders", params={"referenceId": name}).json()["items"]


def test_invalid_utf8_in_the_query_is_400(client: Client) -> None:
    response = client.get("/v2.1/orders?referenceId=%ff%fe")
    assert response.status_code == 400


def test_error_body_shape(client: Client) -> None:
    response = client.post("/v2.1/orders", json={**ORDER_V21, "price": "free"})
    body = response.json()
    assert set(body) == {"status", "code", "message", "developerMessage", "moreInfoUrl"}
    assert body["status"] == body["code"] == 400
    assert body["message"].startswith("price:")
    assert response.headers["content-type"] == "application/json"
