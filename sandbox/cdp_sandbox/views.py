"""JSON representations: the same stored record rendered as a v2 or a v2.1 resource."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from .storage import CONSUMER, CONTACT, ORDER, ORDER_EXT, ORDER_ITEM, ORDER_ITEM_EXT, Record

SEGMENT = {ORDER: "orders", ORDER_ITEM: "orderItems", CONTACT: "orderContacts", CONSUMER: "orderConsumers"}
EXT_PARENT = {ORDER_EXT: ORDER, ORDER_ITEM_EXT: ORDER_ITEM}
EXT_NAME = "ext"


def href(root: str, kind: str, ref: str) -> str:
    """Absolute URL of a resource; `root` is base URL plus version, e.g. http://h:p/v2.1."""
    return f"{root}/{SEGMENT[kind]}/{ref}"


def ext_href(root: str, kind: str, parent: str) -> str:
    """Absolute URL of a data extension under its order or order item."""
    return f"{root}/{SEGMENT[EXT_PARENT[kind]]}/{parent}/extensions/{EXT_NAME}"


def render(
    root: str, legacy: bool, record: Record, expanded_items: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The full resource: identity first, then the stored fields, then links to related resources."""
    kind = record.kind
    if kind in EXT_PARENT:
        return render_ext(root, record)
    doc: dict[str, Any] = {
        "href": href(root, kind, record.ref),
        "ref": record.ref,
        "createdAt": record.created_at,
        "modifiedAt": record.modified_at,
    }
    doc.update(record.fields)
    if kind == ORDER:
        own = doc["href"]
        doc["contacts"] = {"href": f"{own}/contacts"}
        doc["consumers"] = {"href": f"{own}/consumers"}
        doc["orderItems"] = expanded_items if expanded_items is not None else {"href": f"{own}/orderItems"}
        return doc
    if record.guest_ref is not None and kind in (CONTACT, CONSUMER):
        doc["guest"] = {"href": f"{root}/guests/{record.guest_ref}"}
    if kind == CONSUMER:
        links = [{"href": _link_href(root, link)} for link in record.links]
        doc["orderItems"] = {"items": links} if legacy else {"orderItems": links}
    if record.parent is not None:
        doc["order"] = {"href": href(root, ORDER, record.parent)}
    return doc


def render_ext(root: str, record: Record) -> dict[str, Any]:
    """A data extension: fixed name and key, the user's pairs at top level, the parent link."""
    doc: dict[str, Any] = {
        "name": EXT_NAME,
        "href": ext_href(root, record.kind, record.parent or ""),
        "ref": record.ref,
        "key": "default",
        "createdAt": record.created_at,
        "modifiedAt": record.modified_at,
    }
    doc.update(record.fields)
    parent_kind = EXT_PARENT[record.kind]
    parent = {"href": href(root, parent_kind, record.parent or "")}
    doc["order" if parent_kind == ORDER else "orderItem"] = parent
    return doc


def page(
    collection: str,
    *,
    offset: int,
    limit: int,
    page_size: int,
    total: int,
    items: list[dict[str, Any]],
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An offset/limit page with first/last links, next/prev only when they exist."""
    suffix = ""
    if extra:
        encoded = urlencode({k: _query_text(v) for k, v in extra.items() if v is not None})
        suffix = f"&{encoded}" if encoded else ""

    def link(at: int) -> dict[str, str]:
        return {"href": f"{collection}?offset={at}&limit={limit}{suffix}"}

    last = ((total - 1) // page_size) * page_size if total > 0 else 0
    doc: dict[str, Any] = {
        "href": link(offset)["href"],
        "offset": offset,
        "limit": limit,
        "first": link(0),
        "last": link(last),
    }
    if offset + page_size < total:
        doc["next"] = link(offset + page_size)
    if offset > 0:
        doc["prev"] = link(max(0, offset - page_size))
    doc["items"] = items
    return doc


def _link_href(root: str, link: dict[str, str]) -> str:
    """A consumer's item link: a known item in this view's version, else the href as sent."""
    return href(root, ORDER_ITEM, link["ref"]) if "ref" in link else link["href"]


def _query_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "|".join(str(v) for v in value)
    return str(value)
