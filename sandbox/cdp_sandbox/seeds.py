"""Seed data: records loaded at start-up (`--seed docs` or `--seed FILE`), and the admin state export.

A seed document is JSON: `{"orders": [ORDER, ...]}`. Each record is the body its create request would send,
plus a few keys of the seed format itself:

- `ref`: the record's ref (a UUID; random when left out);
- `api`: `"v2.1"` (the default) or `"v2"`, the API version whose create request the record is (children
  inherit their order's);
- on an order: `orderItems`, `contacts`, `consumers` (lists of records) and `extensions`;
- on an order item: `extensions`;
- `extensions`: `{"ext": {key: value, ...}}`, the data extensions of the order or item (v2.1 only).

A consumer links order items as the API does, by href: `{"orderItems": {"orderItems": [{"href":
".../orderItems/<ref>"}]}}` (`{"items": [...]}` in v2); the items of the seed are created first.

Every record goes through the sandbox's own create operation (spec validation, the documented rules), so a
seed holds nothing the API would refuse; a record it refuses stops the load with its place in the file
(`orders[2].contacts[0]`), its ref and the API's message. The export (`GET /_sandbox/state`, handed to the app by
`factory.py`) writes the same format, so a state can be saved and seeded again.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

import orjson

from .app import SandboxApp
from .messages import Request
from .spec import Spec
from .storage import CONSUMER, CONTACT, ORDER, ORDER_EXT, ORDER_ITEM, ORDER_ITEM_EXT, Record, Store
from .views import EXT_NAME

DOCS = "docs"
_UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
_SEED_KEYS = frozenset({"ref", "api"})
_CHILDREN = (("orderItems", "orderItems"), ("contacts", "contacts"), ("consumers", "consumers"))
_SEGMENT = {ORDER_ITEM: "orderItems", CONTACT: "orderContacts", CONSUMER: "orderConsumers"}
_MAX_RECORDS = 100_000


class SeedError(ValueError):
    """A seed that cannot be loaded; the message names the file and the record."""


def docs_seed_text() -> str:
    """The records of the doc pages and the spec's examples, shipped with the package."""
    return resources.files("cdp_sandbox").joinpath("seed_docs.json").read_text(encoding="utf-8")


def load_seed(app: SandboxApp, seed: str) -> int:
    """Load `docs` or a JSON file into the app's store; returns the number of records created."""
    if seed == DOCS:
        source, text = "the docs seed", docs_seed_text()
    else:
        source = str(seed)
        try:
            text = Path(seed).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SeedError(f"seed {source}: cannot be read ({exc})") from None
    try:
        document = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise SeedError(f"seed {source}: not JSON ({exc})") from None
    return _Loader(app, source).load(document)


class _Loader:
    def __init__(self, app: SandboxApp, source: str) -> None:
        self.app = app
        self.source = source
        self.count = 0

    def fail(self, where: str, ref: str | None, problem: str) -> SeedError:
        shown = f" (ref {ref})" if ref else ""
        return SeedError(f"seed {self.source}: {where}{shown}: {problem}")

    def load(self, document: Any) -> int:
        if not isinstance(document, dict) or not isinstance(document.get("orders"), list):
            raise SeedError(f'seed {self.source}: must be a JSON object {{"orders": [...]}}')
        unknown = sorted(set(document) - {"orders"})
        if unknown:
            raise SeedError(f"seed {self.source}: unknown top-level key {unknown[0]!r} (only 'orders')")
        for index, order in enumerate(document["orders"]):
            self.order(f"orders[{index}]", order)
        self.app.store.flush()
        return self.count

    def order(self, where: str, record: Any) -> None:
        body, ref, api = self.split(
            where, record, "v2.1", ("orderItems", "contacts", "consumers", "extensions")
        )
        children = {key: record.get(key, []) for key, _ in _CHILDREN}
        order_ref = self.create(where, ref, api, f"/{api}/orders", body)
        for key, segment in _CHILDREN:
            items = children[key]
            if not isinstance(items, list):
                raise self.fail(f"{where}.{key}", None, "must be a list of records")
            for index, child in enumerate(items):
                child_where = f"{where}.{key}[{index}]"
                extra = ("extensions",) if key == "orderItems" else ()
                child_body, child_ref, child_api = self.split(child_where, child, api, extra)
                child_ref = self.create(
                    child_where,
                    child_ref,
                    child_api,
                    f"/{child_api}/orders/{order_ref}/{segment}",
                    child_body,
                )
                if key == "orderItems":
                    self.extensions(child_where, child, f"/v2.1/orderItems/{child_ref}")
        self.extensions(where, record, f"/v2.1/orders/{order_ref}")

    def split(
        self, where: str, record: Any, api: str, nested: tuple[str, ...]
    ) -> tuple[dict[str, Any], str | None, str]:
        if not isinstance(record, dict):
            raise self.fail(where, None, "must be a JSON object")
        ref = record.get("ref")
        if ref is not None and (not isinstance(ref, str) or not _UUID.fullmatch(ref)):
            raise self.fail(where, None, f"ref: {ref!r} is not a UUID")
        api = record.get("api", api)
        if api not in ("v2", "v2.1"):
            raise self.fail(where, ref, f"api: {api!r} is neither 'v2' nor 'v2.1'")
        body = {k: v for k, v in record.items() if k not in _SEED_KEYS and k not in nested}
        return body, ref.lower() if isinstance(ref, str) else None, api

    def extensions(self, where: str, record: dict[str, Any], parent_path: str) -> None:
        extensions = record.get("extensions", {})
        if not isinstance(extensions, dict):
            raise self.fail(f"{where}.extensions", None, f'must be an object {{"{EXT_NAME}": {{...}}}}')
        for name, pairs in extensions.items():
            self.create(f"{where}.extensions.{name}", None, "v2.1", f"{parent_path}/extensions/{name}", pairs)

    def create(self, where: str, ref: str | None, api: str, path: str, body: Any) -> str:
        self.count += 1
        if self.count > _MAX_RECORDS:
            raise self.fail(where, ref, f"a seed holds at most {_MAX_RECORDS} records")
        store = self.app.store
        store.next_ref = ref
        try:
            request = Request(
                method="POST",
                path=path,
                query_string=b"",
                base_url="http://seed",
                authorization=self.app.valid_authorization,
                content_type=b"application/json",
                body=orjson.dumps(body),
            )
            response = self.app.handle(request)
        except (TypeError, ValueError) as exc:
            raise self.fail(where, ref, str(exc)) from None
        finally:
            used = store.next_ref is None
            store.next_ref = None
        if not 200 <= response.status < 300:
            answer = orjson.loads(response.body) if response.body else {}
            message = answer.get("message", f"HTTP {response.status}") if isinstance(answer, dict) else ""
            if response.status == 409 and ref:
                message = f"{message} (is the ref used twice?)"
            raise self.fail(where, ref, f"refused by {request.method} {path}: {message}")
        created: str = orjson.loads(response.body)["ref"]
        if ref is not None and (not used or created != ref):
            raise self.fail(where, ref, "the ref could not be given to the record")
        return created


def export(store: Store, spec: Spec) -> dict[str, Any]:
    """The whole store in the seed format (refs kept), in creation order.

    An order whose records the v2.1 creates would refuse (legacy-only fields or values) is exported as `"api":
    "v2"`, so the export seeds again as it is."""
    records = store.dump()
    by_parent: dict[tuple[str, str], list[Record]] = {}
    for record in records:
        if record.parent is not None:
            parent_kind = ORDER_ITEM if record.kind == ORDER_ITEM_EXT else ORDER
            by_parent.setdefault((parent_kind, record.parent), []).append(record)

    def own(record: Record) -> dict[str, Any]:
        doc: dict[str, Any] = {"ref": record.ref, **record.fields}
        if record.guest_ref is not None and record.kind in (CONTACT, CONSUMER) and "identifiers" not in doc:
            doc["guest"] = {"href": f"http://seed/v2.1/guests/{record.guest_ref}"}
        if record.kind == CONSUMER and record.links:
            doc["orderItems"] = {
                "orderItems": [
                    {"href": f"http://seed/v2.1/orderItems/{link['ref']}"} if "ref" in link else link
                    for link in record.links
                ]
            }
        return doc

    def extensions(record: Record, kind: str) -> dict[str, Any]:
        found = [r for r in by_parent.get((record.kind, record.ref), []) if r.kind == kind]
        return {"extensions": {EXT_NAME: found[0].fields}} if found else {}

    orders = []
    for order in (r for r in records if r.kind == ORDER):
        children = by_parent.get((ORDER, order.ref), [])
        doc = own(order)
        doc["orderItems"] = [
            {**own(item), **extensions(item, ORDER_ITEM_EXT)} for item in children if item.kind == ORDER_ITEM
        ]
        doc["contacts"] = [own(c) for c in children if c.kind == CONTACT]
        doc["consumers"] = [own(c) for c in children if c.kind == CONSUMER]
        doc.update(extensions(order, ORDER_EXT))
        if not _v21_accepts(spec, doc):
            doc["api"] = "v2"
            for consumer in doc["consumers"]:
                if "orderItems" in consumer:
                    consumer["orderItems"] = {"items": consumer["orderItems"]["orderItems"]}
        orders.append(doc)
    return {"orders": orders}


def _v21_accepts(spec: Spec, order: dict[str, Any]) -> bool:
    """Whether every record of an exported order passes its v2.1 create schema."""
    checks: list[tuple[str, Any, tuple[str, ...]]] = [
        ("createOrder", order, ("orderItems", "contacts", "consumers", "extensions"))
    ]
    checks += [("createOrderItem", item, ("extensions",)) for item in order["orderItems"]]
    checks += [("createOrderContact", contact, ()) for contact in order["contacts"]]
    checks += [("createOrderConsumer", consumer, ("orderItems",)) for consumer in order["consumers"]]
    for operation_id, record, nested in checks:
        validator = spec.operations[operation_id].body_validator
        body = {k: v for k, v in record.items() if k not in _SEED_KEYS and k not in nested}
        if validator is not None and not validator.is_valid(body):
            return False
    return not any(consumer.get("orderItems") for consumer in order["consumers"])
