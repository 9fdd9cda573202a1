"""The edge writes: every create of a version with its open fields at the edges their schemas allow.

What each edge is comes from contract_tests/edges.py and conformance.toml [edges]; these walks send the bodies,
each one a request that must be accepted (current.expecting_acceptance, judged by edge_values_accepted) and read
back as sent (write_is_persisted), then a data extension of 100 pairs at their edges and many items on one order
listed with the largest `limit`. The orders made are deleted at the end.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from .checks.exchange import LINK_FIELDS, MAX_EXT_PAIRS, READ_ONLY
from .current import expecting_acceptance
from .edges import EdgeBody, edge_bodies, edge_string
from .model import Action, Kind, OpInfo
from .walker import Walker, child_body, delete_order, path_for, tagged_reference_id


def _edges_of(w: Walker, info: OpInfo, body: dict[str, Any], filtered: set[str]) -> list[EdgeBody]:
    """The edge bodies of one create (contract_tests/edges.py): its open fields at the edges its schema allows."""
    schema = w.run.model.request_schema(info.operation_id) or {}
    return list(
        edge_bodies(
            body,
            w.run.model.request_properties(info.operation_id),
            w.run.model.resolve,
            lambda trial: w.bodies.valid(info.operation_id, trial),
            settings=w.run.config.edges,
            schema_name=str(schema.get("title") or _schema_name(w, info)),
            filtered=filtered,
            skip=READ_ONLY | LINK_FIELDS,
        )
    )


def _schema_name(w: Walker, info: OpInfo) -> str:
    ref = w.bodies.schema_ref(info.operation_id)
    return ref.rsplit("/", 1)[-1] if ref else info.operation_id


def edge_writes(w: Walker, version: str, order_body: dict[str, Any]) -> None:
    """Every create of the version with its open fields at their edges (each such body must be accepted and read
    back as sent: edge_values_accepted, write_is_persisted), a data extension of 100 pairs at their edges, and many
    items on one order listed with the largest `limit`; the orders are deleted at the end."""
    create = w.op(version, Action.CREATE, Kind.ORDER)
    listing = w.op(version, Action.LIST, Kind.ORDER)
    if create is None:
        return
    filtered = {f.field for f in listing.filters if f.of is None} if listing else set()
    base = {**order_body, "referenceId": tagged_reference_id(w.run, f"CDPKIT-EDGE-{version.upper()}")}
    made = []
    for edge in _edges_of(w, create, base, filtered):
        with expecting_acceptance(f"{create.operation_id}, {edge.label}: {', '.join(edge.edges)}"):
            made.append(w.create(create, body=edge.body))
    host = next((ref for ref in made if ref), None) or w.create(create, body=dict(base))
    if host is None:
        return
    for kind in (Kind.ORDER_ITEM, Kind.CONTACT, Kind.CONSUMER):
        info = w.op(version, Action.CREATE, kind)
        if info is None:
            continue
        for edge in _edges_of(w, info, child_body(w, info, {}), set()):
            with expecting_acceptance(f"{info.operation_id}, {edge.label}: {', '.join(edge.edges)}"):
                w.create(info, path=path_for(info, host), body=edge.body)
    _edge_extension(w, version, host)
    _many_items(w, version, host)
    for ref in dict.fromkeys(r for r in (*made, host) if r):  # in creation order: the same requests every run
        delete_order(w, version, ref)


def _edge_extension(w: Walker, version: str, owner: str) -> None:
    """An order data extension of exactly 100 pairs (the most it may hold), the values at their edges."""
    info = w.op(version, Action.CREATE, Kind.ORDER_EXT)
    if info is None:
        return
    edges = w.run.config.edges
    values: list[Any] = [edge_string(edges.string_length), *edges.integers, edges.number, -edges.number, True]
    body = {f"edge{i}": values[i] if i < len(values) else edge_string(16) for i in range(MAX_EXT_PAIRS)}
    with expecting_acceptance(f"{info.operation_id}: {MAX_EXT_PAIRS} pairs, values at their edges"):
        w.send(info.operation_id, path=path_for(info, owner, owner), body=body)


def _many_items(w: Walker, version: str, order: str) -> None:
    """Many items on one order, then its item list asked with the largest `limit` (pagination_is_consistent walks
    it in pages of 2 and 50)."""
    create, listing = (
        w.op(version, Action.CREATE, Kind.ORDER_ITEM),
        w.op(version, Action.LIST, Kind.ORDER_ITEM),
    )
    if create is None or listing is None:
        return
    edges = w.run.config.edges
    body = child_body(w, create, {})
    for _ in range(edges.items_on_one_order):
        w.create(create, path=path_for(create, order), body=deepcopy(body))
    with expecting_acceptance(f"{listing.operation_id} with limit={edges.largest_limit}, the largest"):
        w.send(listing.operation_id, path=path_for(listing, order), query={"limit": edges.largest_limit})
