"""SQLite storage shared by the v2 and v2.1 views; the only module that speaks SQL.

Every call runs on the event loop thread, so writes are serialized without locks, and each write
commits before the handler returns: an acknowledged write is in the WAL file and survives `kill -9`.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import orjson

ORDER = "order"
ORDER_ITEM = "orderItem"
CONTACT = "contact"
CONSUMER = "consumer"
ORDER_EXT = "orderExt"
ORDER_ITEM_EXT = "orderItemExt"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS resource (
    seq INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    parent TEXT,
    reference_id TEXT,
    guest_ref TEXT,
    ordered_at TEXT,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    fields BLOB NOT NULL,
    links BLOB
);
CREATE INDEX IF NOT EXISTS resource_parent ON resource (parent, kind, seq) WHERE parent IS NOT NULL;
CREATE INDEX IF NOT EXISTS resource_reference_id ON resource (reference_id) WHERE reference_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS resource_guest ON resource (guest_ref) WHERE guest_ref IS NOT NULL;
CREATE TABLE IF NOT EXISTS consumer_item (
    consumer TEXT NOT NULL,
    item TEXT NOT NULL,
    PRIMARY KEY (consumer, item)
);
CREATE INDEX IF NOT EXISTS consumer_item_item ON consumer_item (item);
"""

_COLUMNS = "ref, kind, parent, guest_ref, created_at, modified_at, fields, links"

EXT_NAMESPACE = uuid.UUID("9b0f3c53-8f5e-4b8e-9d0e-6a1f2c3d4e5f")
"""Extension refs are uuid5(parent ref + name), like the v5 UUIDs in the docs' examples."""

MAX_SQL_INT = 2**62
"""OFFSET/LIMIT values are clamped here so SQLite never sees an integer it cannot bind."""


_second_cache: list[Any] = [-1, ""]


def now() -> str:
    """RFC 3339 UTC with milliseconds and Z, as the API writes createdAt/modifiedAt."""
    millis_total = time.time_ns() // 1_000_000
    second, millis = divmod(millis_total, 1000)
    if _second_cache[0] != second:
        _second_cache[0] = second
        _second_cache[1] = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))
    return f"{_second_cache[1]}.{millis:03d}Z"


def new_ref() -> str:
    """A lowercase UUID4, formatted without the cost of building a uuid.UUID."""
    h = os.urandom(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:32]}"


def extension_ref(parent_ref: str, name: str) -> str:
    """The deterministic ref of the `name` extension of a resource."""
    return str(uuid.uuid5(EXT_NAMESPACE, f"{parent_ref}/{name}"))


@dataclass(slots=True)
class Record:
    """One stored resource: its identity, its parent and the fields the client sent."""

    ref: str
    kind: str
    parent: str | None
    guest_ref: str | None
    created_at: str
    modified_at: str
    fields: dict[str, Any]
    links: list[dict[str, str]] = field(default_factory=list)


def _record(row: tuple[Any, ...]) -> Record:
    return Record(
        ref=row[0],
        kind=row[1],
        parent=row[2],
        guest_ref=row[3],
        created_at=row[4],
        modified_at=row[5],
        fields=orjson.loads(row[6]),
        links=orjson.loads(row[7]) if row[7] else [],
    )


class Store:
    """The sandbox's state: resources keyed by ref, children ordered by creation."""

    def __init__(self, path: str | None = None) -> None:
        target = path or ":memory:"
        self.conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
        if path:
            self.conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL keeps every commit in the WAL file, which is enough to survive a process kill.
            self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=OFF")
        self.conn.executescript(_SCHEMA)

    def close(self) -> None:
        """Checkpoint and close; called on clean shutdown."""
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write, committed before the caller answers."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _write(self, multi: bool) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """A transaction when several statements must be atomic; a single statement autocommits."""
        return self.transaction() if multi else contextlib.nullcontext(self.conn)

    # -- reads -----------------------------------------------------------------------------

    def get(self, kind: str, ref: str) -> Record | None:
        """The resource of that kind with that ref, if any."""
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM resource WHERE ref = ? AND kind = ?",  # noqa: S608
            (ref, kind),
        ).fetchone()
        return _record(row) if row else None

    def get_many(self, kind: str, refs: list[str]) -> dict[str, Record]:
        """Resources by ref, for expanding pages of links."""
        if not refs:
            return {}
        marks = ",".join("?" * len(refs))
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM resource WHERE kind = ? AND ref IN ({marks})",  # noqa: S608
            (kind, *refs),
        ).fetchall()
        return {row[0]: _record(row) for row in rows}

    def children(self, kind: str, parent: str, offset: int, limit: int) -> tuple[int, list[Record]]:
        """A page of a parent's children of one kind, in creation order, with the total count."""
        conn = self.conn
        total = conn.execute(
            "SELECT COUNT(*) FROM resource WHERE parent = ? AND kind = ?", (parent, kind)
        ).fetchone()[0]
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM resource WHERE parent = ? AND kind = ? "  # noqa: S608
            "ORDER BY seq LIMIT ? OFFSET ?",
            (parent, kind, min(limit, MAX_SQL_INT), min(offset, MAX_SQL_INT)),
        ).fetchall()
        return total, [_record(row) for row in rows]

    def orders(
        self,
        reference_id: str | None,
        guest_ref: str | None,
        by_ordered_at: bool,
        offset: int,
        limit: int,
    ) -> tuple[int, list[Record]]:
        """A page of orders filtered by referenceId and/or the guest of their contacts."""
        where = ["kind = 'order'"]
        args: list[Any] = []
        if reference_id is not None:
            where.append("reference_id = ?")
            args.append(reference_id)
        if guest_ref is not None:
            where.append("ref IN (SELECT parent FROM resource WHERE guest_ref = ? AND kind = 'contact')")
            args.append(guest_ref)
        clause = " AND ".join(where)
        order = "ordered_at, seq" if by_ordered_at else "seq"
        conn = self.conn
        total = conn.execute(f"SELECT COUNT(*) FROM resource WHERE {clause}", args).fetchone()[0]  # noqa: S608
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM resource WHERE {clause} ORDER BY {order} LIMIT ? OFFSET ?",  # noqa: S608
            (*args, min(limit, MAX_SQL_INT), min(offset, MAX_SQL_INT)),
        ).fetchall()
        return total, [_record(row) for row in rows]

    # -- writes ----------------------------------------------------------------------------

    def insert(
        self,
        kind: str,
        parent: str | None,
        fields: dict[str, Any],
        *,
        ref: str | None = None,
        guest_ref: str | None = None,
        links: list[dict[str, str]] | None = None,
    ) -> Record:
        """Create a resource; refs are lowercase UUID4 unless the kind derives its own."""
        stamp = now()
        record = Record(
            ref=ref or new_ref(),
            kind=kind,
            parent=parent,
            guest_ref=guest_ref,
            created_at=stamp,
            modified_at=stamp,
            fields=fields,
            links=links or [],
        )
        with self._write(kind == CONSUMER and bool(record.links)) as conn:
            conn.execute(
                "INSERT INTO resource (ref, kind, parent, reference_id, guest_ref, ordered_at, "
                "created_at, modified_at, fields, links) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.ref,
                    kind,
                    parent,
                    _text(fields.get("referenceId")) if kind == ORDER else None,
                    guest_ref,
                    _text(fields.get("orderedAt")) if kind == ORDER else None,
                    stamp,
                    stamp,
                    orjson.dumps(fields),
                    orjson.dumps(record.links) if record.links else None,
                ),
            )
            self._index_links(conn, record)
        return record

    def update(
        self,
        record: Record,
        fields: dict[str, Any],
        *,
        guest_ref: str | None,
        links: list[dict[str, str]],
    ) -> Record:
        """Store a resource's new field set (replacement or merge result) and bump modifiedAt."""
        record.fields = fields
        record.guest_ref = guest_ref
        record.links = links
        record.modified_at = now()
        with self.transaction() as conn:
            conn.execute(
                "UPDATE resource SET reference_id = ?, guest_ref = ?, ordered_at = ?, modified_at = ?, "
                "fields = ?, links = ? WHERE ref = ?",
                (
                    _text(fields.get("referenceId")) if record.kind == ORDER else None,
                    guest_ref,
                    _text(fields.get("orderedAt")) if record.kind == ORDER else None,
                    record.modified_at,
                    orjson.dumps(fields),
                    orjson.dumps(links) if links else None,
                    record.ref,
                ),
            )
            conn.execute("DELETE FROM consumer_item WHERE consumer = ?", (record.ref,))
            self._index_links(conn, record)
        return record

    def delete(self, record: Record) -> None:
        """Delete a resource and everything that depends on it, atomically."""
        with self.transaction() as conn:
            self._delete(conn, record.ref, record.kind)

    @staticmethod
    def _index_links(conn: sqlite3.Connection, record: Record) -> None:
        if record.kind == CONSUMER:
            conn.executemany(
                "INSERT OR IGNORE INTO consumer_item (consumer, item) VALUES (?, ?)",
                [(record.ref, link["ref"]) for link in record.links if "ref" in link],
            )

    def _delete(self, conn: sqlite3.Connection, ref: str, kind: str) -> None:
        children = conn.execute("SELECT ref, kind FROM resource WHERE parent = ?", (ref,)).fetchall()
        for child_ref, child_kind in children:
            self._delete(conn, child_ref, child_kind)
        if kind == ORDER_ITEM:
            self._unlink_item(conn, ref)
        if kind == CONSUMER:
            conn.execute("DELETE FROM consumer_item WHERE consumer = ?", (ref,))
        conn.execute("DELETE FROM resource WHERE ref = ?", (ref,))

    @staticmethod
    def _unlink_item(conn: sqlite3.Connection, item_ref: str) -> None:
        """Drop a deleted item's link from every consumer that listed it."""
        consumers = [
            row[0] for row in conn.execute("SELECT consumer FROM consumer_item WHERE item = ?", (item_ref,))
        ]
        for consumer in consumers:
            row = conn.execute("SELECT links FROM resource WHERE ref = ?", (consumer,)).fetchone()
            if row is None:
                continue
            links = [link for link in orjson.loads(row[0] or b"[]") if link.get("ref") != item_ref]
            conn.execute(
                "UPDATE resource SET links = ? WHERE ref = ?",
                (orjson.dumps(links) if links else None, consumer),
            )
        conn.execute("DELETE FROM consumer_item WHERE item = ?", (item_ref,))


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
