"""The client follows Sitecore's pages (issue 10, item 1).

The list-filter rules are checked before anything is sent (InvalidRequestError names the Python arguments);
deletes that answer 204 return None; the v2.1 consumer create's 200 is its success; legacy dates in the docs'
`1985-12-24T00:00Z` form round-trip; bodies from cut-off pages carry unknown fields. Calls go to a recording
httpx.MockTransport or to the sandbox in process (its responses checked against the spec): no network.
"""

from __future__ import annotations

import asyncio
import datetime
from collections.abc import Iterator
from typing import Any, Literal

import httpx
import pytest
import yaml
from sitecore_cdp_client import (
    APIError,
    APIResponseValidationError,
    AsyncSitecoreCDP,
    InvalidRequestError,
    NotFoundError,
    SitecoreCDP,
    SitecoreCDPError,
)
from sitecore_cdp_client._spec import QUERY_RULES
from sitecore_cdp_client.api.orders_v_2_1 import list_orders
from sitecore_cdp_client.models import (
    DataExtensionName,
    DataExtensionValues,
    DeleteResult,
    LegacyOrderConsumerCreate,
    LegacyOrderContactCreate,
    LegacyOrderCreate,
    ListOrdersSort,
    OrderConsumerCreate,
    OrderContactCreate,
    OrderCreate,
    OrderItemCreate,
    OrderItemPatch,
    OrderPatch,
)

from .helpers import API_TOKEN, BASE_URL, CLIENT_KEY, ROOT

sandbox_package = pytest.importorskip(
    "cdp_sandbox", reason="the sandbox package (cdp_sandbox) is not installed"
)
from tests.sandbox.helpers import ASGITransport, SpecChecker  # noqa: E402  (after the skip)

SPEC = ROOT / "spec" / "openapi.yaml"
ORDERED_AT = datetime.datetime(2024, 1, 1, 16, 17, 16, tzinfo=datetime.UTC)
GUEST = "567a697e-4e79-4f2c-96d1-a7249a44744f"
ORDER_JSON = {"href": f"{BASE_URL}/v2.1/orders/o1", "ref": "o1"}


def recording(response: httpx.Response | None = None) -> tuple[list[httpx.Request], httpx.MockTransport]:
    """A transport that records each request and answers `response` (an empty page by default)."""
    seen: list[httpx.Request] = []
    answer = response or httpx.Response(200, json={"offset": 0, "limit": 10, "items": []})

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answer

    return seen, httpx.MockTransport(handler)


def mock_cdp(
    transport: httpx.MockTransport, validate_responses: Literal["warn", "raise"] | None = None
) -> SitecoreCDP:
    return SitecoreCDP(
        client_key=CLIENT_KEY,
        api_token=API_TOKEN,
        base_url=BASE_URL,
        transport=transport,
        validate_responses=validate_responses,
    )


@pytest.fixture
def sandbox() -> Iterator[SitecoreCDP]:
    """The client on the sandbox in process; every sandbox response is checked against the spec."""
    app = sandbox_package.create_app(spec_path=SPEC, client_key=CLIENT_KEY, api_token=API_TOKEN)
    checker = SpecChecker(app)
    with SitecoreCDP(
        client_key=CLIENT_KEY,
        api_token=API_TOKEN,
        base_url="http://testserver",
        transport=ASGITransport(app),
        httpx_args={"event_hooks": {"response": [checker.check]}},
    ) as cdp:
        yield cdp


def new_order(cdp: SitecoreCDP, reference_id: str = "B94TXY-2") -> str:
    body = OrderCreate(reference_id=reference_id, ordered_at=ORDERED_AT, currency_code="EUR", price=105.0)
    return cdp.orders.create(body=body).ref


def legacy_order(cdp: SitecoreCDP, reference_id: str = "B94TXY-1") -> str:
    body = LegacyOrderCreate(
        reference_id=reference_id,
        point_of_sale="spinair.com",
        ordered_at=ORDERED_AT,
        currency_code="EUR",
        price=50.0,
    )
    return cdp.legacy.orders.create(body=body).ref


# -- 1. list filters: refused before sending -------------------------------------------------------------

REFUSED: list[tuple[dict[str, Any], str]] = [
    ({}, r"list_orders needs one of reference_id and guest_ref\."),
    ({"limit": 5, "expand": True}, r"list_orders needs one of reference_id and guest_ref\."),
    (
        {"reference_id": "R-1", "guest_ref": GUEST},
        r"list_orders takes only one of reference_id and guest_ref",
    ),
    (
        {"reference_id": "R-1", "sort": ListOrdersSort.ORDEREDAT},
        r"list_orders with sort='orderedAt' needs guest_ref as well\.",
    ),
]


@pytest.mark.parametrize(("kwargs", "message"), REFUSED)
def test_list_orders_refuses_what_the_api_rejects_and_sends_nothing(
    kwargs: dict[str, Any], message: str
) -> None:
    seen, transport = recording()
    with mock_cdp(transport) as cdp:
        with pytest.raises(InvalidRequestError, match=message) as info:
            cdp.orders.list(**kwargs)
        with pytest.raises(InvalidRequestError, match=message):
            list(cdp.orders.iter(**{k: v for k, v in kwargs.items() if k not in ("limit", "expand")}))
        with pytest.raises(InvalidRequestError, match=message):
            list_orders.sync_detailed(client=cdp, **kwargs)
    assert seen == []
    error = info.value
    assert isinstance(error, SitecoreCDPError) and isinstance(error, ValueError)
    assert not isinstance(error, APIError)
    assert "referenceId" not in str(error) and "guestRef" not in str(error), "Python names, not query names"


@pytest.mark.parametrize(("kwargs", "message"), REFUSED)
def test_async_list_orders_refuses_them_too(kwargs: dict[str, Any], message: str) -> None:
    seen, transport = recording()

    async def run() -> None:
        async with AsyncSitecoreCDP(
            client_key=CLIENT_KEY, api_token=API_TOKEN, base_url=BASE_URL, transport=transport
        ) as cdp:
            with pytest.raises(InvalidRequestError, match=message):
                await cdp.orders.list(**kwargs)

    asyncio.run(run())
    assert seen == []


@pytest.mark.parametrize(
    ("kwargs", "query"),
    [
        ({"reference_id": "R-1"}, {"referenceId": "R-1"}),
        ({"guest_ref": GUEST}, {"guestRef": GUEST}),
        ({"guest_ref": GUEST, "sort": ListOrdersSort.ORDEREDAT}, {"guestRef": GUEST, "sort": "orderedAt"}),
        ({"reference_id": "R-1", "sort": ListOrdersSort.CREATED}, {"referenceId": "R-1", "sort": "created"}),
    ],
)
def test_list_orders_with_one_filter_is_sent(kwargs: dict[str, Any], query: dict[str, str]) -> None:
    seen, transport = recording()
    with mock_cdp(transport) as cdp:
        cdp.orders.list(**kwargs)
    assert len(seen) == 1
    sent = dict(seen[0].url.params)
    assert {k: sent[k] for k in query} == query
    assert not {"referenceId", "guestRef"} - set(query) & set(sent)


def test_legacy_list_orders_needs_at_least_one_filter() -> None:
    seen, transport = recording()
    with mock_cdp(transport) as cdp:
        with pytest.raises(
            InvalidRequestError, match=r"legacy_list_orders needs one of reference_id and guest_ref"
        ):
            cdp.legacy.orders.list()
        with pytest.raises(InvalidRequestError):
            list(cdp.legacy.orders.iter())
        assert seen == []
        cdp.legacy.orders.list(reference_id="R-1", guest_ref=GUEST)  # both: allowed in v2
    assert [dict(r.url.params)["referenceId"] for r in seen] == ["R-1"]


def test_the_client_carries_the_specs_query_rules() -> None:
    """_spec.QUERY_RULES is what scripts/regenerate read from the spec's x-query-rules, by function name."""
    document = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    by_operation = {
        op["operationId"]: op["x-query-rules"]
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "x-query-rules" in op
    }
    assert {
        "list_orders": by_operation["listOrders"],
        "legacy_list_orders": by_operation["legacyListOrders"],
    } == QUERY_RULES


def test_the_filters_work_against_the_sandbox(sandbox: SitecoreCDP) -> None:
    v21 = new_order(sandbox, reference_id="FILTERED")
    legacy = legacy_order(sandbox, reference_id="FILTERED")
    listed = [o.ref for o in sandbox.orders.iter(reference_id="FILTERED")]
    assert listed == [v21, legacy]
    links = [link.href.rsplit("/", 1)[1] for link in sandbox.legacy.orders.iter(reference_id="FILTERED")]
    assert links == [v21, legacy]
    assert sandbox.legacy.orders.list(guest_ref=GUEST).items == []
    with pytest.raises(InvalidRequestError):
        sandbox.orders.list()
    with pytest.raises(InvalidRequestError):
        sandbox.legacy.orders.list()


# -- 2. PATCH order ---------------------------------------------------------------------------------------


def test_order_patch_needs_the_four_fields_and_the_sandbox_keeps_the_immutable_ones(
    sandbox: SitecoreCDP,
) -> None:
    with pytest.raises(TypeError):
        OrderPatch(price=1.0)  # type: ignore[call-arg]
    ref = new_order(sandbox)
    body = OrderPatch(
        reference_id="CHANGED",
        ordered_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC),
        currency_code="USD",
        price=7.0,
    )
    assert set(body.to_dict()) == {"referenceId", "orderedAt", "currencyCode", "price"}
    patched = sandbox.orders.patch(ref, body=body)
    assert (patched.reference_id, patched.currency_code, patched.price) == ("B94TXY-2", "USD", 7.0)
    assert patched.ordered_at == ORDERED_AT


# -- 3. deletes -------------------------------------------------------------------------------------------


def test_every_delete_returns_none_on_the_sandboxs_204(sandbox: SitecoreCDP) -> None:
    order = new_order(sandbox)
    item = sandbox.order_items.create(
        order,
        body=OrderItemCreate(
            name="Mobile AZ10", type_="MOBILE", status="CONFIRMED", price=105.0, currency_code="EUR"
        ),
    ).ref
    contact = sandbox.order_contacts.create(order, body=OrderContactCreate(first_name="John")).ref
    consumer = sandbox.order_consumers.create(order, body=OrderConsumerCreate(first_name="Jane")).ref
    values = DataExtensionValues.from_dict({"a": 1})
    ext = DataExtensionName.EXT
    sandbox.order_data_extensions.create(order, ext, values)
    sandbox.order_item_data_extensions.create(item, ext, values)

    assert sandbox.order_item_data_extensions.delete(item, ext) is None
    assert sandbox.order_data_extensions.delete(order, ext) is None
    sandbox.order_contacts.delete(contact)  # typed `-> None`: 204 is its only success
    assert sandbox.order_consumers.delete(consumer) is None
    assert sandbox.order_items.delete(item) is None
    assert sandbox.orders.delete(order) is None
    for retrieve in (
        lambda: sandbox.order_item_data_extensions.retrieve(item, ext),
        lambda: sandbox.order_data_extensions.retrieve(order, ext),
        lambda: sandbox.order_contacts.retrieve(contact),
        lambda: sandbox.order_consumers.retrieve(consumer),
        lambda: sandbox.order_items.retrieve(item),
        lambda: sandbox.orders.retrieve(order),
    ):
        with pytest.raises(NotFoundError):
            retrieve()
    with pytest.raises(NotFoundError):
        sandbox.orders.delete(order)


def test_legacy_deletes_return_none(sandbox: SitecoreCDP) -> None:
    order = legacy_order(sandbox)
    contact = sandbox.legacy.order_contacts.create(
        order, body=LegacyOrderContactCreate(first_name="John", last_name="Doe")
    ).ref
    sandbox.legacy.order_contacts.delete(contact)  # typed `-> None`
    with pytest.raises(NotFoundError):
        sandbox.legacy.order_contacts.retrieve(contact)


def test_a_delete_answering_200_with_a_body_returns_a_delete_result() -> None:
    """The five undocumented v2.1 deletes may answer like Sitecore's Guest API: 200 with a JSON body."""
    seen, transport = recording(httpx.Response(200, json={"deleted": True}))
    with mock_cdp(transport) as cdp:
        results = [
            cdp.orders.delete("o1"),
            cdp.order_items.delete("i1"),
            cdp.order_consumers.delete("c1"),
            cdp.order_data_extensions.delete("o1", DataExtensionName.EXT),
            cdp.order_item_data_extensions.delete("i1", DataExtensionName.EXT),
        ]
    assert [r.method for r in seen] == ["DELETE"] * 5
    for result in results:
        assert isinstance(result, DeleteResult) and result["deleted"] is True


def test_the_order_contact_delete_is_204_only() -> None:
    seen, transport = recording(httpx.Response(204))
    with mock_cdp(transport) as cdp:
        cdp.order_contacts.delete("c1")
    assert [(r.method, r.url.path) for r in seen] == [("DELETE", "/v2.1/orderContacts/c1")]
    # A 200 is not documented for it, but a 2xx is never an error: the delete happened (issue 22 item 4).
    _, transport = recording(httpx.Response(200, json={}))
    with mock_cdp(transport) as cdp:
        cdp.order_contacts.delete("c1")  # typed `-> None`; no APIError


# -- 4. creates -------------------------------------------------------------------------------------------


def test_the_consumer_create_succeeds_with_the_sandboxs_200(sandbox: SitecoreCDP) -> None:
    order = new_order(sandbox)
    consumer = sandbox.order_consumers.create(
        order, body=OrderConsumerCreate(first_name="Jane", last_name="Doe")
    )
    assert consumer.first_name == "Jane"
    assert sandbox.order_consumers.retrieve(consumer.ref).ref == consumer.ref


@pytest.mark.parametrize("status", [200, 201])
def test_creates_without_a_documented_status_take_200_and_201(status: int) -> None:
    """Item, contact and data extension creates declare both; the client returns the resource for either."""
    answers = {
        "/v2.1/orders/o1/orderItems": {"href": f"{BASE_URL}/v2.1/orderItems/i1", "ref": "i1"},
        "/v2.1/orders/o1/contacts": {"href": f"{BASE_URL}/v2.1/orderContacts/c1", "ref": "c1"},
        "/v2.1/orders/o1/extensions/ext": {"href": f"{BASE_URL}/v2.1/orders/o1/extensions/ext", "ref": "e1"},
        "/v2.1/orderItems/i1/extensions/ext": {
            "href": f"{BASE_URL}/v2.1/orderItems/i1/extensions/ext",
            "ref": "e2",
        },
    }
    transport = httpx.MockTransport(lambda request: httpx.Response(status, json=answers[request.url.path]))
    item = OrderItemCreate(
        name="Mobile AZ10", type_="MOBILE", status="CONFIRMED", price=1.0, currency_code="EUR"
    )
    values = DataExtensionValues.from_dict({"a": 1})
    with mock_cdp(transport) as cdp:
        assert cdp.order_items.create("o1", body=item).ref == "i1"
        assert cdp.order_contacts.create("o1", body=OrderContactCreate(first_name="J")).ref == "c1"
        ext = DataExtensionName.EXT
        assert cdp.order_data_extensions.create("o1", ext, values).ref == "e1"
        assert cdp.order_item_data_extensions.create("i1", ext, values).ref == "e2"


def test_order_and_consumer_creates_document_one_status_but_read_the_other_as_success() -> None:
    """The order create documents 201 only, the consumer create 200 only; the other answer is still the
    created resource (issue 22 item 4: reading it as an error made callers retry into duplicates), and
    `validate_responses="raise"` names the undocumented status."""
    _, transport = recording(httpx.Response(200, json=ORDER_JSON))
    body = OrderCreate(reference_id="R-1", ordered_at=ORDERED_AT, currency_code="EUR", price=1.0)
    with mock_cdp(transport) as cdp:
        assert cdp.orders.create(body=body).ref == "o1"
    consumer_json = {**ORDER_JSON, "href": f"{BASE_URL}/v2.1/orderConsumers/o1"}
    _, transport = recording(httpx.Response(201, json=consumer_json))
    with mock_cdp(transport) as cdp:
        assert cdp.order_consumers.create("o1", body=OrderConsumerCreate(first_name="Jane")).ref == "o1"
    _, transport = recording(httpx.Response(201, json=consumer_json))
    with (
        mock_cdp(transport, validate_responses="raise") as cdp,
        pytest.raises(APIResponseValidationError) as info,
    ):
        cdp.order_consumers.create("o1", body=OrderConsumerCreate(first_name="Jane"))
    assert info.value.status_code == 201 and info.value.rule == "status is documented"


# -- 5. legacy dates --------------------------------------------------------------------------------------


def test_a_legacy_contact_date_in_the_docs_form_round_trips(sandbox: SitecoreCDP) -> None:
    order = legacy_order(sandbox)
    body = LegacyOrderContactCreate(
        first_name="John",
        last_name="Doe",
        date_of_birth="1985-12-24T00:00Z",
        passport_expiry="2030-01-31T00:00Z",
    )
    assert body.to_dict()["dateOfBirth"] == "1985-12-24T00:00Z", "sent as given"
    created = sandbox.legacy.order_contacts.create(order, body=body)
    assert (created.date_of_birth, created.passport_expiry) == ("1985-12-24T00:00Z", "2030-01-31T00:00Z")
    again = sandbox.legacy.order_contacts.retrieve(created.ref)
    assert again.date_of_birth == "1985-12-24T00:00Z"
    replaced = sandbox.legacy.order_contacts.update(
        created.ref,
        body=LegacyOrderContactCreate(
            first_name="John",
            last_name="Doe",
            date_of_birth=datetime.datetime(1985, 12, 24, tzinfo=datetime.UTC),
        ),
    )
    assert replaced.date_of_birth == "1985-12-24T00:00:00+00:00"


def test_a_legacy_consumer_date_in_the_docs_form_round_trips(sandbox: SitecoreCDP) -> None:
    order = legacy_order(sandbox)
    body = LegacyOrderConsumerCreate(first_name="Jane", last_name="Doe", date_of_birth="1985-12-24T00:00Z")
    created = sandbox.legacy.order_consumers.create(order, body=body)
    assert created.date_of_birth == "1985-12-24T00:00Z"
    assert sandbox.legacy.order_consumers.retrieve(created.ref).date_of_birth == ("1985-12-24T00:00Z")


def test_the_legacy_models_parse_the_docs_form() -> None:
    parsed = LegacyOrderContactCreate.from_dict(
        {"firstName": "John", "lastName": "Doe", "dateOfBirth": "1985-12-24T00:00Z"}
    )
    assert parsed.date_of_birth == datetime.datetime(1985, 12, 24, tzinfo=datetime.UTC)
    kept = LegacyOrderConsumerCreate.from_dict({"firstName": "J", "lastName": "D", "passportExpiry": "soon"})
    assert kept.passport_expiry == "soon", "an unparseable value is kept as the string it was"


# -- 6. open bodies ---------------------------------------------------------------------------------------


def test_unknown_fields_travel_in_the_open_bodies(sandbox: SitecoreCDP) -> None:
    order = new_order(sandbox)
    contact_body = OrderContactCreate(first_name="John")
    contact_body["zzNotAField"] = "gold"
    contact = sandbox.order_contacts.create(order, body=contact_body)
    assert contact["zzNotAField"] == "gold"
    item_body = OrderItemCreate(
        name="Mobile AZ10", type_="MOBILE", status="CONFIRMED", price=105.0, currency_code="EUR"
    )
    item_body["zzUnknownNumber"] = 2
    item = sandbox.order_items.create(order, body=item_body)
    assert item["zzUnknownNumber"] == 2
    patch = OrderItemPatch(quantity=3)
    patch["zzUnknownFlag"] = True
    patched = sandbox.order_items.patch(item.ref, body=patch)
    assert (patched.quantity, patched["zzUnknownFlag"], patched["zzUnknownNumber"]) == (3, True, 2)
