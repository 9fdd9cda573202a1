"""The workflows' machinery: bodies from the spec's examples and a walker that sends each step through the run.

`Bodies` builds request bodies from the spec's own examples and varies them within the schema; `Walker` sends one
step at a time through `RunContext.send/check`, so the built-in and custom checks judge each, and keeps going after
a deviation. The helpers below name resources and bodies the way every walk does. The walks themselves are in
workflows.py (the lifecycles) and edge_writes.py (the edges of each schema).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from copy import deepcopy
from datetime import datetime, timedelta
from typing import Any

import jsonschema_rs
from schemathesis.auths import apply_basic_auth
from schemathesis.core import NOT_SET
from schemathesis.core.failures import FailureGroup

from .context import RunContext
from .losses import LostRequest, TransportLost
from .model import EXTENSIONS, Action, Kind, OpInfo

_CODES = ("USD", "GBP", "EUR", "JPY")
_LANGS = ("FR", "EN", "DE")
_COUNTRIES = ("FR", "IE", "GB")


class Bodies:
    """Request bodies from the spec's examples, and schema-valid variations of them."""

    def __init__(self, run: RunContext) -> None:
        self.run = run
        self.model = run.model
        self._validators: dict[str, Any] = {}

    def schema_ref(self, op_id: str) -> str | None:
        info = self.model.operations[op_id]
        op = self.model.document["paths"][info.path][info.method.lower()]
        schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        return ref if isinstance(ref, str) else None

    def example(self, op_id: str) -> dict[str, Any] | None:
        """The operation's example body, else its schema's, else one from an operation with the same schema."""
        ref = self.schema_ref(op_id)
        candidates = [op_id] + [
            o for o in self.model.operations if o != op_id and ref and self.schema_ref(o) == ref
        ]
        for candidate in candidates:
            info = self.model.operations[candidate]
            op = self.model.document["paths"][info.path][info.method.lower()]
            media = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            found = media.get("example")
            if isinstance(found, dict):
                return deepcopy(found)
        schema = self.model.request_schema(op_id) or {}
        example = schema.get("example")
        return deepcopy(example) if isinstance(example, dict) else None

    def valid(self, op_id: str, body: dict[str, Any]) -> bool:
        """Whether a body satisfies the operation's request schema."""
        validator = self._validators.get(op_id)
        if validator is None:
            ref = self.schema_ref(op_id)
            schema = {"$ref": ref} if ref else dict(self.model.request_schema(op_id) or {})
            schema["components"] = self.model.document.get("components", {})
            validator = jsonschema_rs.validator_for(schema)
            self._validators[op_id] = validator
        return bool(validator.is_valid(body))

    def variants(self, name: str, value: Any, prop: dict[str, Any]) -> Iterator[Any]:
        """Other values for one field, most natural first."""
        if isinstance(value, bool):
            yield not value
        elif isinstance(value, int):
            yield value + 1
        elif isinstance(value, float):
            yield value + 1.5
        elif isinstance(value, str):
            for option in prop.get("enum", []):
                if option != value:
                    yield option
            moved = _shift_date(value)
            if moved is not None:
                yield moved
            yield from (c for c in (*_CODES, *_LANGS, *_COUNTRIES) if c != value and len(c) == len(value))
            yield f"{value}-2"
            yield f"{value}X"
        elif isinstance(value, list) and all(isinstance(x, str) for x in value):
            yield [*value, f"{value[0]}2" if value else "x"]

    def vary(self, op_id: str, body: dict[str, Any], keys: list[str] | None = None) -> dict[str, Any]:
        """The body with each field (or each of `keys`) changed to another value the schema accepts."""
        result = deepcopy(body)
        props = self.model.request_properties(op_id)
        for name in keys if keys is not None else list(body):
            if name not in result:
                continue
            prop = props.get(name) or {}
            for candidate in self.variants(name, result[name], prop):
                trial = {**result, name: candidate}
                if self.valid(op_id, trial):
                    result = trial
                    break
        return result


def _shift_date(value: str) -> str | None:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    shifted = (moment - timedelta(days=1)).isoformat(timespec="milliseconds")
    return shifted.replace("+00:00", "Z") if value.endswith("Z") else shifted


class Walker:
    """Sends workflow steps and keeps going after a deviation, so one run reports every broken step."""

    def __init__(self, run: RunContext, *, permits: bool = False) -> None:
        self.run = run
        self.bodies = Bodies(run)
        self.permits = permits
        self.failures: list[FailureGroup] = []
        self.steps = 0
        self.lost: LostRequest | None = None
        """The request the network lost, when the workflow stopped for it (then it is unjudged, not failed)."""
        self.created_orders: list[str] = []

    def send(
        self,
        op_id: str | None,
        *,
        path: dict[str, Any] | None = None,
        query: dict[str, Any] | None = None,
        body: Any = NOT_SET,
        shape: bool = True,
        auth: tuple[str, str] | None = None,
    ) -> tuple[int, Any]:
        """One step: (status, decoded JSON body); (0, None) when the spec has no such operation.

        `shape=False` sends the request as given, so a documented rule can be broken on purpose; `auth` sends
        other credentials than the target's."""
        if op_id is None or op_id not in self.run.model.operations:
            return 0, None
        operation = self.run.operation(op_id)
        case = operation.Case(
            path_parameters=path or {},
            query=query or {},
            body=body,
            media_type="application/json" if body is not NOT_SET else None,
        )
        apply_basic_auth(case, *(auth or self.run.target.auth))
        info = self.run.model.operations[op_id]
        self.steps += 1
        permit = op_id if (self.permits and info.is_write) else None
        try:
            response = self.run.send(case, permit=permit, shape=shape)
        except TransportLost as exc:
            self.run.losses.unjudge(f"workflow step {self.steps}", op_id, exc.lost)
            raise
        failure = self.run.check(case, response)
        if failure is not None:
            self.failures.append(failure)
        try:
            return response.status_code, response.json() if response.content else None
        except ValueError:
            return response.status_code, None

    def op(self, version: str, action: Action, kind: Kind) -> OpInfo | None:
        """The operation doing `action` on `kind` in `version`, if the spec has it."""
        return self.run.model.find(version, action, kind)

    def create(
        self, info: OpInfo | None, *, path: dict[str, Any] | None = None, body: dict[str, Any] | None = None
    ) -> str | None:
        """Create and return the new ref (None when it failed)."""
        if info is None:
            return None
        payload = body if body is not None else self.bodies.example(info.operation_id)
        status, doc = self.send(info.operation_id, path=path, body=payload)
        ref = doc.get("ref") if isinstance(doc, dict) else None
        created = ref if 200 <= status < 300 and isinstance(ref, str) else None
        if created is not None and info.kind is Kind.ORDER:
            self.created_orders.append(created)
        return created

    def stopped(self, exc: TransportLost) -> None:
        """The network lost a step: stop here, unjudged, and delete the orders this walk created (their children
        go with them), unjudged too: what the target answers now says nothing about the lost step."""
        self.lost = exc.lost
        delete = self.run.model.find("v2.1", Action.DELETE, Kind.ORDER)
        if delete is None:
            return
        for ref in self.created_orders:
            case = self.run.operation(delete.operation_id).Case(
                path_parameters={delete.ref_param or "orderRef": ref}
            )
            apply_basic_auth(case, *self.run.target.auth)
            permit = delete.operation_id if self.permits else None
            with contextlib.suppress(TransportLost):
                self.run.send(case, permit=permit)


def path_for(info: OpInfo, ref: str, parent: str | None = None) -> dict[str, Any]:
    """The path parameters naming a resource (`ref`; a data extension by its name) under `parent`."""
    params: dict[str, Any] = {}
    if info.ref_param:
        params[info.ref_param] = "ext" if info.kind in EXTENSIONS else ref
    if info.parent_param:
        params[info.parent_param] = parent if parent is not None else ref
    return params


def other_version(version: str) -> str:
    """The other API version."""
    return "v2" if version == "v2.1" else "v2.1"


def delete_order(w: Walker, version: str, order: str) -> None:
    """Delete the order (v2 has no order delete: the v2.1 one serves), then read it again."""
    delete = w.op(version, Action.DELETE, Kind.ORDER) or w.op(
        other_version(version), Action.DELETE, Kind.ORDER
    )
    if delete is None:
        return
    w.send(delete.operation_id, path={"orderRef": order})
    retrieve = w.op(version, Action.RETRIEVE, Kind.ORDER)
    if retrieve is not None:
        w.send(retrieve.operation_id, path={"orderRef": order})


def tagged_reference_id(run: RunContext, base: str) -> str:
    """A referenceId carrying the run's tag (a safe run's writes are found and cleaned by it)."""
    return f"{run.reference_prefix}{base}" if run.reference_prefix else base


def child_body(w: Walker, info: OpInfo, children: dict[Kind, list[str | None]]) -> dict[str, Any]:
    """A child's create body from the spec's example: links on the target, consumed items among `children`."""
    body = w.bodies.example(info.operation_id) or {}
    base = w.run.base_url
    if isinstance(body.get("guest"), dict) and isinstance(body["guest"].get("href"), str):
        body["guest"]["href"] = body["guest"]["href"].replace("<baseURL>", base)
    items = body.get("orderItems")
    owned = [r for r in children.get(Kind.ORDER_ITEM, []) if r]
    if isinstance(items, dict) and isinstance(items.get("items"), list):
        items["items"] = [{"href": f"{base}/{info.version}/orderItems/{ref}"} for ref in owned]
    if "referenceId" in body and isinstance(body["referenceId"], str):
        body["referenceId"] = tagged_reference_id(w.run, body["referenceId"])
    return body
