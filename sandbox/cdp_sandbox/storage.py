"""SQLite storage shared by the v2 and v2.1 views; the only module that speaks SQL.

Every call runs on the event loop thread, so writes are serialized without locks. Inserts are grouped:
the inserts made while the loop handles one batch of ready requests are committed together in one
transaction at the end of that loop turn, and no response is sent before its rows are committed (the
app awaits `Store.committed()`), so every acknowledged write is in the WAL file and survives `kill -9`.
Any read, update or delete first commits what is pending, so requests always see earlier writes.

Rows are keyed by an integer `seq` (creation order). The random UUID refs are mapped to `seq` by an
in-process dict rebuilt from the table at start-up, instead of a SQLite index: inserting random keys
into a B-tree index made every insert slower as the store grew and evicted the rest of the process from
the CPU caches. The dict drops refs whose commit failed, so it never disagrees with the table.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
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
    ref TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent TEXT,
    parent_seq INTEGER,
    reference_id TEXT,
    guest_ref TEXT,
    ordered_at TEXT,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    fields BLOB NOT NULL,
    links BLOB
);
CREATE INDEX IF NOT EXISTS resource_parent ON resource (parent_seq, kind, seq) WHERE parent_seq IS NOT NULL;
CREATE INDEX IF NOT EXISTS resource_reference_id ON resource (reference_id) WHERE reference_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS resource_guest ON resource (guest_ref) WHERE guest_ref IS NOT NULL;
CREATE TABLE IF NOT EXISTS consumer_item (
    consumer TEXT NOT NULL,
    item TEXT NOT NULL,
    PRIMARY KEY (consumer, item)
);
CREATE INDEX IF NOT EXISTS consumer_item_item ON consumer_item (item);
"""

_COLUMNS = "seq, ref, kind, parent, guest_ref, created_at, modified_at, fields, links"
_SELECT_ONE = f"SELECT {_COLUMNS} FROM resource WHERE seq = ?"  # noqa: S608
_INSERT = (
    "INSERT INTO resource (seq, ref, kind, parent, parent_seq, reference_id, guest_ref, ordered_at, "
    "created_at, modified_at, fields, links) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_LINK = "INSERT OR IGNORE INTO consumer_item (consumer, item) VALUES (?, ?)"

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


_entropy: list[str] = []


def new_ref() -> str:
    """A lowercase UUID4 from OS randomness fetched 256 refs at a time (one syscall, not one per create)."""
    if not _entropy:
        pool = os.urandom(4096).hex()
        _entropy.extend(pool[i : i + 32] for i in range(0, len(pool), 32))
    h = _entropy.pop()
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
    seq: int = 0


@dataclass(frozen=True, slots=True)
class Condition:
    """One list filter with the value asked for (spec.Filter: `field`, `match`, `of`)."""

    field: str
    match: str
    value: str
    of: str | None = None


_INDEXED = {
    ("referenceId", None, "exact"): "reference_id = ?",
    ("guest", "contacts", "ref"): (
        "seq IN (SELECT parent_seq FROM resource WHERE guest_ref = ? AND kind = 'contact')"
    ),
}
"""The conditions a column answers: (field, of, match) -> the SQL condition on its value."""
_SORT_COLUMNS = {"orderedAt": "ordered_at, seq"}
_COLLECTIONS = {"contacts": CONTACT, "consumers": CONSUMER, "orderItems": ORDER_ITEM}


def _matches(value: Any, condition: Condition) -> bool:
    """Whether a stored value matches the asked one as the condition's `match` says."""
    if condition.match == "ref":
        if isinstance(value, dict):
            value = value.get("ref") or str(value.get("href", "")).rstrip("/").rsplit("/", 1)[-1]
        return isinstance(value, str) and value.lower() == condition.value.lower()
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return isinstance(value, bool) and str(value).lower() == condition.value.lower()
    if condition.match == "case-insensitive":
        return str(value).casefold() == condition.value.casefold()
    return str(value) == condition.value


def _record(row: tuple[Any, ...]) -> Record:
    return Record(
        ref=row[1],
        kind=row[2],
        parent=row[3],
        guest_ref=row[4],
        created_at=row[5],
        modified_at=row[6],
        fields=orjson.loads(row[7]),
        links=orjson.loads(row[8]) if row[8] else [],
        seq=row[0],
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
        self.conn.executescript(_SCHEMA)
        # Refs are unique per kind (the docs' examples reuse one UUID for an order and a consumer).
        self._seqs: dict[tuple[str, str], int] = {
            (kind, ref): seq for seq, ref, kind in self.conn.execute("SELECT seq, ref, kind FROM resource")
        }
        self._next_seq = (self.conn.execute("SELECT MAX(seq) FROM resource").fetchone()[0] or 0) + 1
        self._pending: list[tuple[Any, ...]] = []
        self._pending_links: list[tuple[str, str]] = []
        self._pending_refs: list[tuple[str, str]] = []
        self._waiter: asyncio.Future[None] | None = None
        self.next_ref: str | None = None
        """The ref the next insert takes instead of a random one (seeding the docs' records), used once."""

    def close(self) -> None:
        """Commit what is pending, checkpoint and close; called on clean shutdown."""
        self.flush()
        self.conn.close()

    # -- group commit ----------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """True while inserts wait for their commit."""
        return bool(self._pending)

    def committed(self) -> asyncio.Future[None]:
        """Resolves once every insert made so far is committed (one transaction per loop turn)."""
        if self._waiter is None:
            loop = asyncio.get_running_loop()
            self._waiter = loop.create_future()
            loop.call_soon(self._commit_pending)
        return self._waiter

    def _commit_pending(self) -> None:
        waiter = self._waiter
        self._waiter = None
        try:
            self.flush()
        except Exception as exc:
            if waiter is not None and not waiter.done():
                waiter.set_exception(exc)
            return
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def flush(self) -> None:
        """Commit pending inserts now; every read and every other write calls this first."""
        if not self._pending:
            return
        rows, links, refs = self._pending, self._pending_links, self._pending_refs
        self._pending, self._pending_links, self._pending_refs = [], [], []
        try:
            with self.transaction() as conn:
                conn.executemany(_INSERT, rows)
                if links:
                    conn.executemany(_INSERT_LINK, links)
        except BaseException as exc:
            for key in refs:
                self._seqs.pop(key, None)
            waiter = self._waiter
            self._waiter = None
            if waiter is not None and not waiter.done() and isinstance(exc, Exception):
                waiter.set_exception(exc)
            raise

    @contextlib.contextmanager
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

    def _seq(self, kind: str, ref: str) -> int | None:
        return self._seqs.get((kind, ref))

    def reset(self) -> None:
        """Empty the store (the admin reset): every resource and link is gone; refs are not reused."""
        self.flush()
        with self.transaction() as conn:
            conn.execute("DELETE FROM consumer_item")
            conn.execute("DELETE FROM resource")
        self._seqs.clear()

    def dump(self) -> list[Record]:
        """Every stored resource in creation order (the admin state export)."""
        self.flush()
        rows = self.conn.execute(f"SELECT {_COLUMNS} FROM resource ORDER BY seq").fetchall()  # noqa: S608
        return [_record(row) for row in rows]

    # -- reads -----------------------------------------------------------------------------

    def get(self, kind: str, ref: str) -> Record | None:
        """The resource of that kind with that ref, if any."""
        self.flush()
        seq = self._seq(kind, ref)
        if seq is None:
            return None
        row = self.conn.execute(_SELECT_ONE, (seq,)).fetchone()
        return _record(row) if row else None

    def get_many(self, kind: str, refs: list[str]) -> dict[str, Record]:
        """Resources by ref, for expanding pages of links."""
        self.flush()
        seqs = [seq for seq in (self._seq(kind, ref) for ref in refs) if seq is not None]
        if not seqs:
            return {}
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM resource WHERE seq IN (SELECT value FROM json_each(?))",  # noqa: S608
            (orjson.dumps(seqs),),
        ).fetchall()
        return {row[1]: _record(row) for row in rows}

    def children(self, kind: str, parent: Record, offset: int, limit: int) -> tuple[int, list[Record]]:
        """A page of a parent's children of one kind, in creation order, with the total count."""
        self.flush()
        conn = self.conn
        total = conn.execute(
            "SELECT COUNT(*) FROM resource WHERE parent_seq = ? AND kind = ?", (parent.seq, kind)
        ).fetchone()[0]
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM resource WHERE parent_seq = ? AND kind = ? "  # noqa: S608
            "ORDER BY seq LIMIT ? OFFSET ?",
            (parent.seq, kind, min(limit, MAX_SQL_INT), min(offset, MAX_SQL_INT)),
        ).fetchall()
        return total, [_record(row) for row in rows]

    def orders(
        self,
        conditions: Sequence[Condition],
        sort_field: str | None,
        offset: int,
        limit: int,
    ) -> tuple[int, list[Record]]:
        """A page of the orders that meet every condition, in creation order or by `sort_field`.

        The conditions come from the spec's `x-filter` declarations. Those the table has a column for (the
        order's `referenceId`, the guest of its contacts) are answered by SQL; any other is applied to the
        records the indexed ones leave, as is a sort by a field without a column.
        """
        self.flush()
        where = ["kind = 'order'"]
        args: list[Any] = []
        rest: list[Condition] = []
        for condition in conditions:
            indexed = _INDEXED.get((condition.field, condition.of, condition.match))
            if indexed is None:
                rest.append(condition)
                continue
            where.append(indexed)
            args.append(condition.value.lower() if condition.match != "exact" else condition.value)
        clause = " AND ".join(where)
        column = _SORT_COLUMNS.get(sort_field) if sort_field is not None else "seq"
        conn = self.conn
        if not rest and column is not None:
            total = conn.execute(f"SELECT COUNT(*) FROM resource WHERE {clause}", args).fetchone()[0]  # noqa: S608
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM resource WHERE {clause} ORDER BY {column} LIMIT ? OFFSET ?",  # noqa: S608
                (*args, min(limit, MAX_SQL_INT), min(offset, MAX_SQL_INT)),
            ).fetchall()
            return total, [_record(row) for row in rows]
        rows = conn.execute(f"SELECT {_COLUMNS} FROM resource WHERE {clause} ORDER BY seq", args).fetchall()  # noqa: S608
        records = [r for r in map(_record, rows) if all(self._meets(r, c) for c in rest)]
        if column is None and sort_field is not None:
            records.sort(
                key=lambda r: (r.fields.get(sort_field) is None, str(r.fields.get(sort_field) or ""))
            )
        return len(records), records[offset : offset + limit] if offset < MAX_SQL_INT else []

    def _meets(self, record: Record, condition: Condition) -> bool:
        """Whether the record (or, with `of`, one of its children of that collection) meets the condition."""
        if condition.of is None:
            return _matches(record.fields.get(condition.field), condition)
        kind = _COLLECTIONS.get(condition.of)
        if kind is None:
            return False
        _, children = self.children(kind, record, 0, MAX_SQL_INT)
        return any(_matches(child.fields.get(condition.field), condition) for child in children)

    # -- writes ----------------------------------------------------------------------------

    def insert(
        self,
        kind: str,
        parent: Record | None,
        fields: dict[str, Any],
        *,
        ref: str | None = None,
        guest_ref: str | None = None,
        links: list[dict[str, str]] | None = None,
    ) -> Record:
        """Create a resource; refs are lowercase UUID4 unless the kind derives its own."""
        stamp = now()
        if ref is None and self.next_ref is not None:
            ref, self.next_ref = self.next_ref, None
        record = Record(
            ref=ref or new_ref(),
            kind=kind,
            parent=parent.ref if parent is not None else None,
            guest_ref=guest_ref,
            created_at=stamp,
            modified_at=stamp,
            fields=fields,
            links=links or [],
        )
        key = (kind, record.ref)
        if key in self._seqs:
            raise ValueError(f"ref {record.ref} already exists")
        is_order = kind == ORDER
        record.seq = self._next_seq
        self._next_seq += 1
        row = (
            record.seq,
            record.ref,
            kind,
            record.parent,
            parent.seq if parent is not None else None,
            _text(fields.get("referenceId")) if is_order else None,
            guest_ref,
            _text(fields.get("orderedAt")) if is_order else None,
            stamp,
            stamp,
            orjson.dumps(fields),
            orjson.dumps(record.links) if record.links else None,
        )
        # Committed with the other inserts of this loop turn, before any response that depends on it.
        self._pending.append(row)
        if kind == CONSUMER:
            self._pending_links.extend((record.ref, link["ref"]) for link in record.links if "ref" in link)
        self._pending_refs.append(key)
        self._seqs[key] = record.seq
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
        self.flush()
        modified = now()
        is_order = record.kind == ORDER
        with self._write(record.kind == CONSUMER) as conn:
            conn.execute(
                "UPDATE resource SET reference_id = ?, guest_ref = ?, ordered_at = ?, modified_at = ?, "
                "fields = ?, links = ? WHERE seq = ?",
                (
                    _text(fields.get("referenceId")) if is_order else None,
                    guest_ref,
                    _text(fields.get("orderedAt")) if is_order else None,
                    modified,
                    orjson.dumps(fields),
                    orjson.dumps(links) if links else None,
                    record.seq,
                ),
            )
            if record.kind == CONSUMER:
                conn.execute("DELETE FROM consumer_item WHERE consumer = ?", (record.ref,))
                self._index_links(conn, replace(record, links=links))
        record.fields = fields
        record.guest_ref = guest_ref
        record.links = links
        record.modified_at = modified
        return record

    def delete(self, record: Record) -> None:
        """Delete a resource and everything that depends on it, atomically."""
        self.flush()
        gone: list[tuple[str, str]] = []
        with self.transaction() as conn:
            self._delete(conn, record.seq, record.ref, record.kind, gone)
        for key in gone:
            self._seqs.pop(key, None)

    @staticmethod
    def _index_links(conn: sqlite3.Connection, record: Record) -> None:
        if record.kind == CONSUMER:
            conn.executemany(
                "INSERT OR IGNORE INTO consumer_item (consumer, item) VALUES (?, ?)",
                [(record.ref, link["ref"]) for link in record.links if "ref" in link],
            )

    def _delete(
        self, conn: sqlite3.Connection, seq: int, ref: str, kind: str, gone: list[tuple[str, str]]
    ) -> None:
        for child_seq, child_ref, child_kind in self._dependents(conn, seq, kind):
            self._delete(conn, child_seq, child_ref, child_kind, gone)
        if kind == ORDER_ITEM:
            self._unlink_item(conn, ref)
        if kind == CONSUMER:
            conn.execute("DELETE FROM consumer_item WHERE consumer = ?", (ref,))
        conn.execute("DELETE FROM resource WHERE seq = ?", (seq,))
        gone.append((kind, ref))

    def _dependents(self, conn: sqlite3.Connection, seq: int, kind: str) -> list[tuple[int, str, str]]:
        """(seq, ref, kind) of the resources a delete of this one takes with it (a fault hook may narrow it)."""
        rows = conn.execute("SELECT seq, ref, kind FROM resource WHERE parent_seq = ?", (seq,)).fetchall()
        return [(row[0], row[1], row[2]) for row in rows]

    def _unlink_item(self, conn: sqlite3.Connection, item_ref: str) -> None:
        """Drop a deleted item's link from every consumer that listed it."""
        consumers = [
            row[0] for row in conn.execute("SELECT consumer FROM consumer_item WHERE item = ?", (item_ref,))
        ]
        for consumer in consumers:
            seq = self._seq(CONSUMER, consumer)
            row = conn.execute("SELECT links FROM resource WHERE seq = ?", (seq,)).fetchone()
            if row is None:
                continue
            links = [link for link in orjson.loads(row[0] or b"[]") if link.get("ref") != item_ref]
            conn.execute(
                "UPDATE resource SET links = ? WHERE seq = ?",
                (orjson.dumps(links) if links else None, seq),
            )
        conn.execute("DELETE FROM consumer_item WHERE item = ?", (item_ref,))


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
