"""Writes and deletes: what a create or update sends is what is stored (and only that), server-owned fields stay
the server's, and a delete takes the resource and what belongs to it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from schemathesis import CheckContext, Response

from ..check_registry import custom
from ..current import expected_acceptance
from ..model import EXTENSIONS, Action, Kind, collection_path, resource_path
from .exchange import (
    IMMUTABLE_ORDER_FIELDS,
    LINK_FIELDS,
    MAX_DESCENDANT_PROBES,
    READ_ONLY,
    View,
    comparable,
    consumer_links,
    instant,
    is_empty,
    mismatch,
    same,
    short,
    user_fields,
    view,
)

if TYPE_CHECKING:
    from schemathesis.specs.openapi.schemas import OpenApiCase


@custom
def create_then_retrieve(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """A created resource can be read back at once at its own path, with the `ref` and `href` the create
    returned. Spec: every create's `ref` "is the new resource's reference" and links to its retrieve."""
    v = view(response, case)
    if v is None or not v.ok or v.info.action is not Action.CREATE or v.own_path() is None:
        return True
    if v.model.find(v.info.version, Action.RETRIEVE, v.info.kind) is None:
        return True
    got = v.probe_own("create_then_retrieve")
    assert got.status == 200, f"GET {v.own_path()} right after the create answered {got.status}, not 200"
    if isinstance(got.body, dict) and isinstance(v.body, dict):
        created, fetched = v.body.get("ref"), got.body.get("ref")
        if isinstance(created, str) and isinstance(fetched, str):
            assert created.lower() == fetched.lower(), (
                f"create returned ref {created}, retrieve returned {fetched}"
            )
        href_a, href_b = v.body.get("href"), got.body.get("href")
        if isinstance(href_a, str) and isinstance(href_b, str):
            assert v.urls.api_path(href_a) == v.urls.api_path(href_b), (
                f"create href {href_a} != retrieve href {href_b}"
            )
    return None


@custom
def write_is_persisted(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """What a create, full update or partial update sends is what the target stores: each sent field has the
    sent value in the write's response (when the response carries it) and on the next retrieve; a create the
    workflows wrote at the edges of its schema reads the same in the other version too (v2 and v2.1 are two views
    of the same records). v2.1 order
    referenceId/orderedAt on update are judged by immutable_order_fields. Spec: create/update semantics."""
    v = view(response, case)
    if (
        v is None
        or not v.ok
        or v.sent is None
        or v.info.action not in (Action.CREATE, Action.REPLACE, Action.PATCH)
    ):
        return True
    if v.own_path() is None:
        return True
    fields = comparable(v.model, v.info, v.sent)
    if not fields:
        return True
    got = v.probe_own("write_is_persisted")
    assert got.status == 200, f"GET {v.own_path()} after the write answered {got.status}"
    problems = []
    for name, value in fields.items():
        if isinstance(v.body, dict) and name in v.body and not same(value, v.body[name]):
            problems.append(mismatch(name, value, v.body[name], "the response"))
        stored = got.body.get(name) if isinstance(got.body, dict) else None
        if not same(value, stored):
            problems.append(mismatch(name, value, stored, "the retrieve"))
    if expected_acceptance() and v.info.action is Action.CREATE:
        problems += _other_version_problems(v, fields)
    assert not problems, "; ".join(problems)
    return None


def _other_version_problems(v: View, fields: dict[str, Any]) -> list[str]:
    """The edge writes are read back in the other version too (v2 and v2.1 are two views of the same records):
    each sent field that version's resource schema names must read as sent there."""
    other = "v2" if v.info.version == "v2.1" else "v2.1"
    retrieve = v.model.find(other, Action.RETRIEVE, v.info.kind)
    ref = v.body.get("ref") if isinstance(v.body, dict) else None
    if retrieve is None or v.info.kind in EXTENSIONS or not isinstance(ref, str):
        return []
    path = resource_path(other, v.info.kind, ref)
    got = v.probes.probe(path, note="write_is_persisted")
    if got.status != 200:
        return [f"GET {path}, the same record in {other}, answered {got.status}"]
    named = v.model.response_properties(retrieve.operation_id)
    body = got.body if isinstance(got.body, dict) else {}
    return [
        mismatch(name, value, body[name], f"the {other} read")
        for name, value in fields.items()
        if name in named and name in body and not same(value, body[name])
    ]


@custom
def patch_keeps_unsent_fields(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """A partial update changes only what it sends: each client field the resource had before and the PATCH did
    not name keeps its value. Spec: v2.1 PATCH "updates the fields sent and leaves the others alone"; data
    extension PATCH "adds the pairs sent ... leaving the others alone"."""
    v = view(response, case)
    if v is None or not v.ok or v.info.action is not Action.PATCH or v.before is None or v.sent is None:
        return True
    old = user_fields(v.model, v.info, v.before.body)
    untouched = {k: val for k, val in old.items() if k not in v.sent}
    if not untouched:
        return True
    got = v.probe_own("patch_keeps_unsent_fields")
    assert got.status == 200, f"GET {v.own_path()} after the PATCH answered {got.status}"
    stored = got.body if isinstance(got.body, dict) else {}
    changed = [
        f"{k}: was {short(val)}, now {short(stored.get(k))}"
        for k, val in untouched.items()
        if not same(val, stored.get(k))
    ]
    assert not changed, "fields the PATCH did not send changed: " + "; ".join(changed)
    return None


@custom
def put_removes_unsent_fields(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """A full update replaces the resource: an optional field (a data extension's pair) the body leaves out is
    gone afterwards; the v2.1 order keeps referenceId and orderedAt. Spec: v2.1 PUT "optional fields not sent are
    removed", legacy update "replaces the whole order/item/contact/consumer", extension PUT "replaces all pairs"."""
    v = view(response, case)
    if v is None or not v.ok or v.info.action is not Action.REPLACE or v.sent is None or v.own_path() is None:
        return True
    if v.info.kind in EXTENSIONS:
        if v.before is None:
            return True
        candidates = [k for k in user_fields(v.model, v.info, v.before.body) if k not in v.sent]
    else:
        skip = READ_ONLY | LINK_FIELDS | set(v.sent)
        if v.info.kind is Kind.ORDER and not v.info.legacy:
            skip |= set(IMMUTABLE_ORDER_FIELDS)
        candidates = [k for k in v.model.request_properties(v.info.operation_id) if k not in skip]
    if not candidates:
        return True
    got = v.probe_own("put_removes_unsent_fields")
    assert got.status == 200, f"GET {v.own_path()} after the full update answered {got.status}"
    stored = got.body if isinstance(got.body, dict) else {}
    kept = [f"{k}={short(stored[k])}" for k in candidates if k in stored and not is_empty(stored[k])]
    assert not kept, "fields the full update did not send are still there: " + ", ".join(kept)
    return None


@custom
def immutable_order_fields(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """A v2.1 order keeps its referenceId and orderedAt through PUT and PATCH, whatever the body sends. Spec:
    updateOrder/patchOrder "referenceId and orderedAt cannot be changed; the stored values are kept"."""
    v = view(response, case)
    info = v.info if v is not None else None
    if v is None or info is None or info.kind is not Kind.ORDER or info.legacy or not v.ok:
        return True
    if info.action not in (Action.REPLACE, Action.PATCH) or v.before is None:
        return True
    old = {k: v.before.body[k] for k in IMMUTABLE_ORDER_FIELDS if k in v.before.body}
    if not old:
        return True
    got = v.probe_own("immutable_order_fields")
    problems = []
    for source, doc in (("response", v.body), ("retrieve", got.body)):
        for name, value in old.items():
            now = doc.get(name) if isinstance(doc, dict) else None
            if isinstance(doc, dict) and name in doc and not same(value, now):
                problems.append(f"{source}: {name} changed from {short(value)} to {short(now)}")
    assert not problems, "; ".join(problems)
    return None


@custom
def timestamps_server_owned(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """The server owns createdAt and modifiedAt: values a body sends for them are ignored, createdAt never changes
    after the create and modifiedAt never goes back. Spec: OrderCreate/OrderPatch ("the server sets them and
    ignores what is sent")."""
    v = view(response, case)
    if (
        v is None
        or not v.ok
        or not isinstance(v.body, dict)
        or v.info.action not in (Action.CREATE, Action.REPLACE, Action.PATCH)
    ):
        return True
    problems = []
    for name in ("createdAt", "modifiedAt"):
        sent, got = (v.sent or {}).get(name), v.body.get(name)
        if isinstance(sent, str) and isinstance(got, str) and same(sent, got):
            problems.append(f"the response echoes the {name} the body sent ({sent})")
    if v.before is not None and v.info.action is not Action.CREATE:
        old_created, new_created = v.before.body.get("createdAt"), v.body.get("createdAt")
        if (
            isinstance(old_created, str)
            and isinstance(new_created, str)
            and not same(old_created, new_created)
        ):
            problems.append(f"createdAt changed from {old_created} to {new_created}")
        old, new = _instant_of(v.before.body.get("modifiedAt")), _instant_of(v.body.get("modifiedAt"))
        if old is not None and new is not None and new < old:
            problems.append(
                f"modifiedAt went back from {v.before.body['modifiedAt']} to {v.body['modifiedAt']}"
            )
    if not problems and not (v.sent and {"createdAt", "modifiedAt"} & set(v.sent)) and v.before is None:
        return True
    assert not problems, "; ".join(problems)
    return None


def _instant_of(value: Any) -> datetime | None:
    return instant(value) if isinstance(value, str) else None


def _consumers_still_linking(v: View) -> list[str]:
    """After an item delete, the consumers the suite created on its order no longer link it."""
    if v.info.kind is not Kind.ORDER_ITEM or v.key is None:
        return []
    order = v.state.parent_of(v.key)
    consumers = (
        sorted(k for k in v.state.children.get(order, set()) if k[0] is Kind.CONSUMER) if order else []
    )
    problems = []
    for _, ref in consumers[:MAX_DESCENDANT_PROBES]:
        got = v.probes.probe(resource_path("v2.1", Kind.CONSUMER, ref), note="deleted_resource_is_gone")
        if got.status == 200 and v.key[1] in (consumer_links(got.body) or set()):
            problems.append(f"consumer {ref} still links the deleted item {v.key[1]}")
    return problems


def _still_listed(v: View) -> list[str]:
    """Whether a deleted resource is still in its collection (orders: under their referenceId)."""
    info = v.info
    if info.kind in EXTENSIONS or v.model.find(info.version, Action.LIST, info.kind) is None or v.key is None:
        return []
    query: dict[str, Any] = {}
    if info.kind is Kind.ORDER:
        reference_id = v.before.body.get("referenceId") if v.before else None
        if not isinstance(reference_id, str):
            return []
        query = {"referenceId": reference_id}
    parent = v.parent or v.state.parent_of(v.key)
    if info.kind is not Kind.ORDER and parent is None:
        return []
    path = collection_path(info.version, info.kind, parent[1] if parent else None)
    listed, _ = v.probes.walk(path, note="deleted_resource_is_gone", query=query, page_size=100, max_pages=20)
    own = (v.own_path() or "").lower()
    return [f"{own} is still listed in its collection"] if own in listed else []


@custom
def deleted_resource_is_gone(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """A successful delete removes the resource and what belongs to it: reading it answers 404, its collection
    no longer lists it, and what the suite created under it (an order's items, contacts, consumers and data
    extension, an item's data extension) answers 404 too. Spec: delete operations ("with everything that belongs
    to it", "with its data extension")."""
    v = view(response, case)
    if v is None or not v.ok or v.info.action is not Action.DELETE or v.own_path() is None or v.key is None:
        return True
    info = v.info
    got = v.probe_own("deleted_resource_is_gone")
    assert got.status == 404, f"GET {v.own_path()} after its delete answered {got.status}, not 404"
    problems = _still_listed(v) + _consumers_still_linking(v)
    for kind, ref in sorted(v.state.descendants(v.key))[:MAX_DESCENDANT_PROBES]:
        parent_of = v.state.parent_of((kind, ref))
        version = info.version if kind not in EXTENSIONS else "v2.1"
        path = (
            resource_path(version, kind, "ext", ref)
            if kind in EXTENSIONS
            else resource_path(version, kind, ref)
        )
        if kind not in EXTENSIONS and v.model.find(version, Action.RETRIEVE, kind) is None:
            continue
        status = v.probes.probe(path, note="deleted_resource_is_gone").status
        if status != 404:
            owner = f" (child of {parent_of[1]})" if parent_of else ""
            problems.append(f"GET {path}{owner} answered {status} after its parent was deleted")
    assert not problems, "; ".join(problems)
    return None
