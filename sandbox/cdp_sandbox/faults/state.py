"""Faults of the category state: stored data, lists and links that drift from what was written."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..errors import error_body
from ..messages import Response
from ..storage import CONSUMER, CONTACT, ORDER, ORDER_ITEM, Record
from .core import (
    CHILD_LISTS,
    INT32_MAX,
    ITEM_OPS,
    SEEN_LIMIT,
    STORED_TEXT_LIMIT,
    Forwarder,
    Hit,
    Injection,
    StoreHooks,
    edit_doc,
    fault,
    ignore_query,
    list_op,
    other_ref,
    pop_field,
    replace_last_segment,
    rewrite_writes,
    without_astral,
)


@fault(
    "delete-keeps-order",
    "state",
    "deleteOrder: deletes the order with everything that belongs to it (a later read is 404)",
)
def _delete_keeps() -> Injection:
    """DELETE /v2.1/orders/{ref} answers 200 but the order stays."""
    return Injection(store=StoreHooks(keep=lambda record: record.kind == ORDER))


@fault(
    "update-not-persisted",
    "state",
    "updateOrder, updateOrderItem, ... and the legacy updates, every PATCH: the body is stored",
)
def _update_not_persisted() -> Injection:
    """Updates answer with the new values but nothing is stored: the next read shows the old resource."""
    return Injection(store=StoreHooks(update=lambda record, fields, hit: None))


@fault(
    "patch-wipes-unset",
    "state",
    "patchOrder, patchOrderItem, patchOrderContact, patchOrderConsumer, patch*DataExtension: fields not sent are left alone",
)
def _patch_wipes() -> Injection:
    """PATCH stores only the fields it sends: every other field of the resource is lost."""

    def update(record: Record, fields: dict[str, Any], hit: Hit | None) -> dict[str, Any] | None:
        body = hit.body() if hit is not None and hit.method == "PATCH" else None
        if not isinstance(body, dict):
            return fields
        return {k: v for k, v in fields.items() if k in body}

    return Injection(store=StoreHooks(update=update))


@fault(
    "list-omits-newest",
    "state",
    "list(Legacy)OrderItems/Contacts/Consumers: every child of the order is listed",
)
def _list_omits() -> Injection:
    """Lists of an order's items, contacts and consumers leave out the last item of each page."""

    def edit(doc: dict[str, Any]) -> bool:
        items = doc.get("items")
        if isinstance(items, list) and items:
            doc["items"] = items[:-1]
            return True
        return False

    return Injection(after=lambda hit, r, app: edit_doc(hit, r, CHILD_LISTS, edit))


@fault(
    "pagination-off-by-one",
    "state",
    "components.parameters.Offset: `offset` items are skipped, no more (every list operation)",
)
def _off_by_one() -> Injection:
    """Lists skip one item more than `offset` asks (the page still says the asked offset)."""
    return Injection(store=StoreHooks(offset_shift=1))


@fault("next-link-missing", "state", "schemas.Page.next: a link to the next page while there is one")
def _next_missing() -> Injection:
    """Pages never carry a `next` link, so a client stops after the first page."""
    return Injection(
        after=lambda hit, r, app: edit_doc(hit, r, None, pop_field("next")) if list_op(hit) else r
    )


@fault("last-link-wrong", "state", "schemas.Page.last: a link to the final page")
def _last_wrong() -> Injection:
    """Pages point `last` at the first page."""

    def edit(doc: dict[str, Any]) -> bool:
        if isinstance(doc.get("first"), dict) and doc.get("last") != doc["first"]:
            doc["last"] = dict(doc["first"])
            return True
        return False

    return Injection(after=lambda hit, r, app: edit_doc(hit, r, None, edit) if list_op(hit) else r)


@fault("prev-link-wrong", "state", "schemas.Page.prev: a link to the page before this one")
def _prev_wrong() -> Injection:
    """Pages past the first point `prev` at themselves (a page number counted from 1 read as one counted from 0),
    so a client paging back stays where it is."""

    def edit(doc: dict[str, Any]) -> bool:
        prev, own = doc.get("prev"), doc.get("href")
        if isinstance(prev, dict) and isinstance(own, str) and prev.get("href") != own:
            doc["prev"] = {**prev, "href": own}
            return True
        return False

    return Injection(after=lambda hit, r, app: edit_doc(hit, r, None, edit) if list_op(hit) else r)


@fault("page-href-wrong", "state", "schemas.Page.href: the current page, its offset and limit")
def _page_href_wrong() -> Injection:
    """A page's own `href` drops its offset, so every page names the first one."""

    def edit(doc: dict[str, Any]) -> bool:
        own = doc.get("href")
        if not isinstance(own, str) or "?" not in own:
            return False
        base, query = own.split("?", 1)
        kept = "&".join(pair for pair in query.split("&") if not pair.startswith("offset="))
        if kept == query:
            return False
        doc["href"] = f"{base}?{kept}" if kept else base
        return True

    return Injection(after=lambda hit, r, app: edit_doc(hit, r, None, edit) if list_op(hit) else r)


@fault(
    "long-strings-truncated",
    "state",
    "request schemas: a string with no maxLength is stored whole (write_is_persisted on the edge writes)",
)
def _long_strings_truncated() -> Injection:
    """Every written string is stored cut to 255 characters, as a VARCHAR(255) column keeps it (the write is
    accepted and answered with the cut value)."""
    return rewrite_writes(lambda v: v[:STORED_TEXT_LIMIT] if isinstance(v, str) else v)


@fault(
    "astral-characters-replaced",
    "state",
    "JSON strings (RFC 8259): a character outside the Basic Multilingual Plane is stored as sent",
)
def _astral_replaced() -> Injection:
    """Characters outside the BMP (emoji, U+1D11E) are stored as U+FFFD, as a 3-byte UTF-8 column does."""
    return rewrite_writes(lambda v: without_astral(v) if isinstance(v, str) else v)


@fault(
    "integers-wrap-at-32-bits",
    "state",
    "OrderItemCreate.quantity (and every integer with no maximum): stored as sent past 2**31",
)
def _integers_wrap() -> Injection:
    """Integers are stored in a signed 32-bit column: past 2**31 they wrap around to negative numbers."""

    def wrap(value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > INT32_MAX:
            return (value + 2**31) % 2**32 - 2**31
        return value

    return rewrite_writes(wrap)


@fault(
    "decimals-rounded",
    "state",
    "number fields with no multipleOf (price, originalPrice): stored as sent, every decimal kept",
)
def _decimals_rounded() -> Injection:
    """Numbers are stored in a DECIMAL(18, 2) column: every decimal past the second is rounded away."""
    return rewrite_writes(lambda v: round(v, 2) if isinstance(v, float) else v)


_V21_CREATES = frozenset({"createOrder", "createOrderItem", "createOrderContact", "createOrderConsumer"})
_LEGACY_READS = frozenset(
    {
        "legacyRetrieveOrder",
        "legacyRetrieveOrderItem",
        "legacyRetrieveOrderContact",
        "legacyRetrieveOrderConsumer",
    }
)


@fault(
    "legacy-view-loses-astral",
    "state",
    "listOrderConsumerOrderItems x-doc-notes: the two versions share their records (what createOrder writes, "
    "legacyRetrieveOrder reads as written)",
)
def _legacy_view_loses_astral() -> Injection:
    """Records written through v2.1 read in v2 with every character outside the BMP replaced by U+FFFD, as a
    legacy store synced through a 3-byte UTF-8 column shows them; v2's own writes and every v2.1 read are right."""
    written: set[str] = set()

    def remember(doc: dict[str, Any]) -> bool:
        if isinstance(doc.get("ref"), str) and len(written) < SEEN_LIMIT:
            written.add(doc["ref"].lower())
        return False

    def replace_astral(doc: dict[str, Any]) -> bool:
        changed = False
        for name, value in doc.items():
            if isinstance(value, str) and without_astral(value) != value:
                doc[name] = without_astral(value)
                changed = True
        return changed

    def after(hit: Hit, response: Response, app: Forwarder) -> Response:
        if hit.op(_V21_CREATES):
            return edit_doc(hit, response, None, remember)
        ref = next(iter(hit.params.values()), "").lower() if hit.op(_LEGACY_READS) else ""
        return edit_doc(hit, response, None, replace_astral) if ref in written and ref else response

    return Injection(after=after)


@fault(
    "href-points-elsewhere",
    "state",
    "schemas.Link.href / OrderItem.href: the resource's own absolute URL, its ref the last segment",
)
def _href_elsewhere() -> Injection:
    """Order items come back with an `href` whose last segment is another ref."""

    def edit(doc: dict[str, Any]) -> bool:
        href = doc.get("href")
        if isinstance(href, str):
            doc["href"] = replace_last_segment(href)
            return True
        return False

    return Injection(after=lambda hit, r, app: edit_doc(hit, r, ITEM_OPS, edit))


@fault(
    "ref-differs-create-retrieve",
    "state",
    "createOrderContact/legacyCreateOrderContact 201: `ref` is the new contact's reference (links to its retrieve)",
)
def _ref_differs() -> Injection:
    """Creating a contact returns a `ref` (and `href`) that is not the stored contact's."""

    def edit(doc: dict[str, Any]) -> bool:
        ref, href = doc.get("ref"), doc.get("href")
        if not isinstance(ref, str):
            return False
        other = other_ref(ref)
        doc["ref"] = other
        if isinstance(href, str):
            doc["href"] = href.replace(ref, other)
        return True

    ops = {"createOrderContact", "legacyCreateOrderContact"}
    return Injection(after=lambda hit, r, app: edit_doc(hit, r, ops, edit))


@fault(
    "child-on-wrong-parent",
    "state",
    "createOrderItem/createOrderContact/createOrderConsumer (and legacy): the child belongs to the order in the path",
)
def _wrong_parent() -> Injection:
    """A new item, contact or consumer is filed under the most recently created other order."""
    recent: list[Record] = []

    def inserted(record: Record) -> None:
        if record.kind == ORDER:
            recent.append(record)
            del recent[:-2]

    def parent(kind: str, asked: Record | None) -> Record | None:
        if kind not in (ORDER_ITEM, CONTACT, CONSUMER) or asked is None or asked.kind != ORDER:
            return asked
        other = [r for r in recent if r.ref != asked.ref]
        return other[-1] if other else asked

    return Injection(store=StoreHooks(parent=parent, inserted=inserted))


@fault(
    "child-links-other-order",
    "state",
    "OrderItem.order / LegacyOrderItem.order: a link to the order the item belongs to",
)
def _links_other_order() -> Injection:
    """An order item's `order` link points at some other order."""

    def edit(doc: dict[str, Any]) -> bool:
        link = doc.get("order")
        if isinstance(link, dict) and isinstance(link.get("href"), str):
            doc["order"] = {**link, "href": replace_last_segment(link["href"])}
            return True
        return False

    return Injection(after=lambda hit, r, app: edit_doc(hit, r, ITEM_OPS, edit))


@fault(
    "read-lags-create",
    "state",
    "createOrderConsumer 200 links retrieveOrderConsumer: the new consumer can be read at once",
)
def _read_lags() -> Injection:
    """A new v2.1 consumer is not readable at first: its first GET answers 404."""
    seen: set[str] = set()

    def change(hit: Hit, app: Forwarder) -> Response | None:
        if not hit.op("retrieveOrderConsumer"):
            return None
        ref = hit.params.get("orderConsumerRef", "").lower()
        if ref in seen:
            return None
        if len(seen) >= SEEN_LIMIT:
            seen.clear()
        seen.add(ref)
        return Response(404, error_body(404, f"orderConsumerRef: no resource found with ref {ref}"))

    return Injection(before=change)


@fault(
    "put-keeps-unsent",
    "state",
    "updateOrderContact (PUT): replaces the contact; optional fields not sent are removed",
)
def _put_keeps() -> Injection:
    """PUT on a v2.1 contact merges like PATCH: fields left out are kept."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        if hit.op("updateOrderContact"):
            hit.request = replace(hit.request, method="PATCH")
        return None

    return Injection(before=change)


@fault(
    "immutable-reference-changed",
    "state",
    "updateOrder/patchOrder: referenceId and orderedAt cannot be changed; the stored values are kept",
)
def _immutable_changed() -> Injection:
    """A v2.1 order update that sends `referenceId` answers with it changed."""

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        body = hit.body()
        if not isinstance(body, dict) or "referenceId" not in body:
            return response

        def edit(doc: dict[str, Any]) -> bool:
            doc["referenceId"] = body["referenceId"]
            return True

        return edit_doc(hit, response, {"updateOrder", "patchOrder"}, edit)

    return Injection(after=change)


@fault(
    "created-at-from-body",
    "state",
    "schemas.OrderCreate: createdAt/modifiedAt are set by the server, what a body sends is ignored (updateOrder)",
)
def _created_at_from_body() -> Injection:
    """A v2.1 order PUT answers with the `createdAt` its body sent."""

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        body = hit.body()
        if not isinstance(body, dict) or not isinstance(body.get("createdAt"), str):
            return response

        def edit(doc: dict[str, Any]) -> bool:
            doc["createdAt"] = body["createdAt"]
            return True

        return edit_doc(hit, response, {"updateOrder"}, edit)

    return Injection(after=change)


@fault(
    "delete-fields-drops-all",
    "state",
    "deleteOrderDataExtensionFields/deleteOrderItemDataExtensionFields: only the keys named in `name` go",
)
def _fields_drop_all() -> Injection:
    """DELETE .../extensions/ext/fields?name=a|b empties the whole extension."""
    ops = {"deleteOrderDataExtensionFields", "deleteOrderItemDataExtensionFields"}
    return ignore_query(lambda hit: hit.op(ops), "name")


@fault(
    "children-survive-order-delete",
    "state",
    "deleteOrder: the order's items, contacts, consumers and data extension are deleted with it",
)
def _children_survive() -> Injection:
    """Deleting an order leaves its items, contacts, consumers and data extension readable."""
    return Injection(store=StoreHooks(cascade=lambda kind: kind != ORDER))


@fault(
    "consumer-items-empty",
    "state",
    "listOrderConsumerOrderItems: the items the consumer links (schemas.ConsumerOrderItems)",
)
def _consumer_items_empty() -> Injection:
    """GET /v2.1/orderConsumers/{ref}/orderItems always answers an empty page."""

    def edit(doc: dict[str, Any]) -> bool:
        doc["items"] = []
        doc.pop("next", None)
        return True

    return Injection(after=lambda hit, r, app: edit_doc(hit, r, {"listOrderConsumerOrderItems"}, edit))


@fault(
    "consumer-keeps-deleted-item",
    "state",
    "deleteOrderItem/legacyDeleteOrderItem: a deleted item is gone, consumers no longer link it",
)
def _consumer_keeps() -> Injection:
    """Consumers keep linking an order item after it was deleted."""
    return Injection(store=StoreHooks(unlink=False))


@fault(
    "extension-create-overwrites",
    "state",
    "createOrderDataExtension/createOrderItemDataExtension: 409 when the data extension already exists",
)
def _extension_overwrites() -> Injection:
    """Creating a data extension that exists overwrites it (201) instead of answering 409."""

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        if response.status != 409 or not hit.op("createOrderDataExtension", "createOrderItemDataExtension"):
            return response
        replaced = app.forward(replace(hit.request, method="PUT"))
        return Response(201, replaced.body) if replaced.status == 200 else response

    return Injection(after=change)


@fault(
    "uppercase-ref-delete-ignored",
    "state",
    "info.description + schemas.Ref: refs are UUIDs in either case; deleteOrderContact and every delete remove the resource named in any case",
)
def _uppercase_delete_ignored() -> Injection:
    """A DELETE naming the resource by its upper-case ref answers 204 but deletes nothing."""

    def change(hit: Hit, app: Forwarder) -> Response | None:
        if hit.method != "DELETE" or hit.operation_id is None:
            return None
        if hit.request.authorization != app.valid_authorization:
            return None
        upper = any(name.endswith("Ref") and value != value.lower() for name, value in hit.params.items())
        return Response(204) if upper else None

    return Injection(before=change)


def _is_update(hit: Hit) -> bool:
    op = hit.operation_id or ""
    return op.startswith(("update", "patch", "legacyUpdate"))


@fault(
    "modified-at-frozen",
    "state",
    "schemas.DateTime modifiedAt: when the resource was last modified (it moves forward on every update)",
)
def _modified_frozen() -> Injection:
    """`modifiedAt` never moves: every resource reports the `createdAt` it was created with as its `modifiedAt`
    (a well-formed value that never goes back)."""

    def edit(doc: dict[str, Any]) -> bool:
        created = doc.get("createdAt")
        if isinstance(created, str) and doc.get("modifiedAt") != created:
            doc["modifiedAt"] = created
            return True
        return False

    return Injection(after=lambda hit, r, app: edit_doc(hit, r, None, edit))


@fault(
    "created-at-reset-on-update",
    "state",
    "schemas.OrderCreate: createdAt is set by the server at creation and never changes (every update)",
)
def _created_reset() -> Injection:
    """An update answers with `createdAt` moved to the update's own time (its `modifiedAt`)."""

    def edit(doc: dict[str, Any]) -> bool:
        modified = doc.get("modifiedAt")
        if isinstance(modified, str) and doc.get("createdAt") != modified:
            doc["createdAt"] = modified
            return True
        return False

    return Injection(after=lambda hit, r, app: edit_doc(hit, r, None, edit) if _is_update(hit) else r)


_KINDS = (("OrderItem", ORDER_ITEM), ("OrderContact", CONTACT), ("OrderConsumer", CONSUMER), ("Order", ORDER))


@fault(
    "rejected-update-partly-applied",
    "state",
    "components.responses.BadRequest: an update refused with 400 stores nothing (updateOrder, patchOrderItem, ...)",
)
def _rejected_partly_applied() -> Injection:
    """An update refused with 400 still stores the fields it sent that have the stored field's type (a partial
    write): the answer is a proper 400, the next read shows the new values."""

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        op = hit.operation_id or ""
        body = hit.body()
        if (
            response.status != 400
            or not _is_update(hit)
            or "DataExtension" in op
            or not isinstance(body, dict)
        ):
            return response
        kind = next((k for name, k in _KINDS if name in op), None)
        ref = next((v for name, v in hit.params.items() if name.endswith("Ref")), None)
        record = app.store.get(kind, ref.lower()) if kind and ref else None
        if record is None:
            return response
        old = record.fields
        fields = {**old, **{k: v for k, v in body.items() if k in old and type(v) is type(old[k])}}
        if fields != old:
            app.store.update(record, fields, guest_ref=record.guest_ref, links=record.links)
        return response

    return Injection(after=change)


@fault(
    "retrieve-serves-stale",
    "state",
    "retrieveOrder, retrieveOrderItem, ... and the legacy retrieves: a read shows what is stored now (after updates)",
)
def _retrieve_stale() -> Injection:
    """Reads are served from a cache filled by each resource's first read and never refreshed by updates: after
    an update the write's own answer is right, every later read shows the old values (deletes still clear it)."""
    cache: dict[str, Response] = {}

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        op = hit.operation_id or ""
        path = hit.request.path.lower()
        if hit.method == "DELETE":
            for key in [k for k in cache if k.startswith(path)]:
                del cache[key]
            return response
        if hit.method != "GET" or not op.startswith(("retrieve", "legacyRetrieve")) or response.status != 200:
            return response
        key = f"{path}?{hit.request.query_string.decode('latin-1')}"
        if key in cache:
            return cache[key]
        if len(cache) < SEEN_LIMIT:
            cache[key] = response
        return response

    return Injection(after=change)


_ORDER_ANSWERS = frozenset(
    {
        "createOrder",
        "retrieveOrder",
        "updateOrder",
        "patchOrder",
        "legacyCreateOrder",
        "legacyRetrieveOrder",
        "legacyUpdateOrder",
    }
)


@fault(
    "order-links-other-collection",
    "state",
    "Order.contacts / LegacyOrder.contacts (retrieveOrder, legacyRetrieveOrder, the order creates and updates): a "
    "link to the order's own contacts collection",
)
def _order_links_other() -> Injection:
    """An order's `contacts` link points at the contacts collection of another order ref
    (`/orders/{other}/contacts`); its `consumers` and `orderItems` links stay right."""

    def edit(doc: dict[str, Any]) -> bool:
        link = doc.get("contacts")
        href = link.get("href") if isinstance(link, dict) else None
        if not isinstance(link, dict) or not isinstance(href, str) or not href.endswith("/contacts"):
            return False
        doc["contacts"] = {**link, "href": f"{replace_last_segment(href.removesuffix('/contacts'))}/contacts"}
        return True

    return Injection(after=lambda hit, r, app: edit_doc(hit, r, _ORDER_ANSWERS, edit))


_ITEM_EXT_ANSWERS = frozenset(
    {
        "createOrderItemDataExtension",
        "retrieveOrderItemDataExtension",
        "updateOrderItemDataExtension",
        "patchOrderItemDataExtension",
        "deleteOrderItemDataExtensionFields",
    }
)


@fault(
    "item-extension-survives-delete",
    "state",
    "deleteOrderItem/legacyDeleteOrderItem: the item is deleted with its data extension (reading the extension then "
    "answers 404)",
)
def _item_extension_survives() -> Injection:
    """Deleting an order item leaves its data extension readable: GET /v2.1/orderItems/{ref}/extensions/ext answers
    200 with the extension as it last was, while the item itself reads 404 (an extension deleted on its own, or
    with the item's order, stays deleted)."""
    last: dict[str, Response] = {}
    orphans: set[str] = set()

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        ref = hit.params.get("orderItemRef", "").lower()
        ok = 200 <= response.status < 300
        if not ref:
            return response
        if hit.op(_ITEM_EXT_ANSWERS) and ok and response.body:
            if ref in last or len(last) < SEEN_LIMIT:
                last[ref] = Response(200, response.body, list(response.headers))
        elif hit.op("deleteOrderItemDataExtension") and ok:
            last.pop(ref, None)
        elif hit.op("deleteOrderItem", "legacyDeleteOrderItem") and ok and ref in last:
            orphans.add(ref)
        elif hit.op("retrieveOrderItemDataExtension") and response.status == 404 and ref in orphans:
            kept = last[ref]
            return Response(200, kept.body, list(kept.headers))
        return response

    return Injection(after=change)


@fault(
    "delete-fields-without-name-drops-extension",
    "state",
    "deleteOrderDataExtensionFields/deleteOrderItemDataExtensionFields without `name`: every pair goes and the "
    "emptied data extension stays",
)
def _fields_without_name_drop_extension() -> Injection:
    """DELETE .../extensions/ext/fields without `name` deletes the data extension itself: the answer is the emptied
    extension (200), but a later read answers 404. With `name`, only the named keys go."""
    ops = {"deleteOrderDataExtensionFields", "deleteOrderItemDataExtensionFields"}

    def change(hit: Hit, response: Response, app: Forwarder) -> Response:
        if response.status != 200 or not hit.op(ops) or hit.param("name") is not None:
            return response
        extension = hit.request.path.rstrip("/").removesuffix("/fields")
        app.forward(replace(hit.request, method="DELETE", path=extension, query_string=b""))
        return response

    return Injection(after=change)
