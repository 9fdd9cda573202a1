"""The faulty app and store: the healthy sandbox with the active faults' transformers, delays and storage hooks.

`FaultyApp` is the `Forwarder` the transformers get; `build` makes one over a compiled spec (`factory.py` calls
it for `create_app(faults=...)` and `app_factory`)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..app import SandboxApp
from ..errors import error_body
from ..messages import Request, Response
from ..spec import Spec
from ..storage import Condition, Record, Store, now
from .core import (
    MAX_DELAY,
    WALK_LIMIT,
    Fault,
    Hit,
    Injection,
    StoreHooks,
    lookup,
)

log = logging.getLogger("cdp_sandbox.faults")

# -- the faulty app and store -------------------------------------------------------------------------


class FaultyStore(Store):
    """The store with the storage hooks of the active faults applied."""

    def __init__(self, path: str | None, hooks: Sequence[StoreHooks]) -> None:
        super().__init__(path)
        self.hooks = tuple(hooks)
        self.current: Hit | None = None
        self._shift = sum(h.offset_shift for h in self.hooks)

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
        """Insert, under the parent the faults choose."""
        for hook in self.hooks:
            if hook.parent is not None:
                parent = hook.parent(kind, parent)
        record = super().insert(kind, parent, fields, ref=ref, guest_ref=guest_ref, links=links)
        for hook in self.hooks:
            if hook.inserted is not None:
                hook.inserted(record)
        return record

    def update(
        self,
        record: Record,
        fields: dict[str, Any],
        *,
        guest_ref: str | None,
        links: list[dict[str, str]],
    ) -> Record:
        """Update with the fields the faults choose, or only pretend to."""
        for hook in self.hooks:
            if hook.update is None:
                continue
            chosen = hook.update(record, fields, self.current)
            if chosen is None:
                record.fields, record.guest_ref, record.links = fields, guest_ref, links
                record.modified_at = now()
                return record
            fields = chosen
        return super().update(record, fields, guest_ref=guest_ref, links=links)

    def delete(self, record: Record) -> None:
        """Delete, unless a fault keeps the resource."""
        if any(h.keep is not None and h.keep(record) for h in self.hooks):
            return
        super().delete(record)

    def _dependents(self, conn: Any, seq: int, kind: str) -> list[tuple[int, str, str]]:
        if any(h.cascade is not None and not h.cascade(kind) for h in self.hooks):
            return []
        return super()._dependents(conn, seq, kind)

    def _unlink_item(self, conn: Any, item_ref: str) -> None:
        if all(h.unlink for h in self.hooks):
            super()._unlink_item(conn, item_ref)

    def children(self, kind: str, parent: Record, offset: int, limit: int) -> tuple[int, list[Record]]:
        """A page of children, shifted when a fault says so."""
        return super().children(kind, parent, offset + self._shift, limit)

    def orders(
        self,
        conditions: Sequence[Condition],
        sort_field: str | None,
        offset: int,
        limit: int,
    ) -> tuple[int, list[Record]]:
        """A page of orders, shifted, or without some of the asked filters, when a fault says so."""
        ignored = {
            f for h in self.hooks if h.ignored_filters is not None for f in h.ignored_filters(self.current)
        }
        conditions = [c for c in conditions if c.field not in ignored]
        prefix = any(h.reference_prefix is not None and h.reference_prefix(self.current) for h in self.hooks)
        wanted = next((c.value for c in conditions if c.field == "referenceId"), None)
        if prefix and wanted is not None:
            others = [c for c in conditions if c.field != "referenceId"]
            _, every = super().orders(others, sort_field, 0, WALK_LIMIT)
            matched = [r for r in every if str(r.fields.get("referenceId", "")).startswith(wanted)]
            start = offset + self._shift
            return len(matched), matched[start : start + limit]
        return super().orders(conditions, sort_field, offset + self._shift, limit)


class FaultyApp(SandboxApp):
    """The sandbox with faults: the app's own ASGI entry and group commit, with the fault layer in `answer`
    (the one seam the app offers: each request's response and how long to hold it back)."""

    def __init__(
        self,
        spec: Spec,
        store: FaultyStore,
        client_key: str,
        api_token: str,
        *,
        faults: Sequence[Fault],
        injections: Sequence[Injection],
    ) -> None:
        super().__init__(spec, store, client_key, api_token)
        self.faulty_store = store
        self.faults = tuple(faults)
        self._injections = tuple(injections)

    def forward(self, request: Request) -> Response:
        """The sandbox's own answer, without the request/response transformers (storage hooks still apply);
        faults use it to look around, e.g. to read the current state."""
        return SandboxApp.handle(self, request)

    def handle(self, request: Request) -> Response:
        """Answer one request with the faults applied (delays are only awaited by the ASGI entry)."""
        return self.answer(request)[0]

    def answer(self, request: Request) -> tuple[Response, float]:
        """(response, seconds to stall it) for one request."""
        hit = self._hit(request)
        self.faulty_store.current = hit
        delay = 0.0
        try:
            response: Response | None = None
            for injection in self._injections:
                if injection.before is not None:
                    response = injection.before(hit, self)
                    if response is not None:
                        break
            if response is None:
                response = self.forward(hit.request)
            for injection in self._injections:
                if injection.after is not None:
                    response = injection.after(hit, response, self)
            for injection in self._injections:
                if injection.delay is not None:
                    delay = max(delay, injection.delay(hit, response))
        except Exception:
            log.exception("fault layer error on %s %s", request.method, request.path)
            response = Response(
                500, error_body(500, "internal error in the fault layer (a bug: please report it)")
            )
        finally:
            self.faulty_store.current = None
        return response, min(delay, MAX_DELAY)

    def _hit(self, request: Request) -> Hit:
        matched = self.spec.router.match(request.path)
        if matched is None:
            return Hit(request, None, {})
        entry, params = matched
        op = entry.operations.get(request.method)
        return Hit(request, op.operation_id if op is not None else None, params)


def build(
    spec: Spec, db: str | Path | None, client_key: str, api_token: str, names: Iterable[str]
) -> FaultyApp:
    """A faulty sandbox over a compiled spec (fresh fault state and store)."""
    chosen = lookup(names)
    injections = [entry.make() for entry in chosen]
    store = FaultyStore(str(db) if db else None, [i.store for i in injections if i.store is not None])
    return FaultyApp(spec, store, client_key, api_token, faults=chosen, injections=injections)
