"""Updates over time: a change moves modifiedAt forward, and a refused write changes nothing."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from schemathesis import CheckContext, Response

from ..check_registry import custom
from ..model import EXTENSIONS, Action, resource_path
from .exchange import LINK_FIELDS, View, comparable, instant, same, short, user_fields, view

if TYPE_CHECKING:
    from schemathesis.specs.openapi.schemas import OpenApiCase

_NOT_COMPARED = LINK_FIELDS | {"href"}
"""Links may be rendered differently between reads (expanded or not); the resource's own data may not."""


def _moment(doc: Any) -> tuple[str, datetime] | None:
    value = doc.get("modifiedAt") if isinstance(doc, dict) else None
    moment = instant(value) if isinstance(value, str) else None
    return (value, moment) if isinstance(value, str) and moment is not None else None


def _changes_something(v: View) -> bool:
    """Whether a successful update sent a value that differs from what the resource had, or (a full update)
    left out a field the resource had."""
    assert v.before is not None and v.sent is not None
    old = v.before.body
    if any(not same(value, old.get(name)) for name, value in comparable(v.model, v.info, v.sent).items()):
        return True
    if v.info.action is Action.REPLACE:
        return any(name not in v.sent for name in user_fields(v.model, v.info, old))
    return False


@custom
def modified_at_advances(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """modifiedAt moves forward on every successful update that changes a field: the update's response and the
    next read carry a modifiedAt later than the one before the update (createdAt staying put is
    timestamps_server_owned's). Spec: components.schemas.DateTime; modifiedAt is when the resource was last
    modified."""
    v = view(response, case)
    if v is None or not v.ok or v.info.action not in (Action.REPLACE, Action.PATCH):
        return True
    if v.before is None or v.sent is None or v.own_path() is None:
        return True
    old = _moment(v.before.body)
    if old is None or not _changes_something(v):
        return True
    got = v.probe_own("modified_at_advances")
    problems = []
    for source, doc in (("response", v.body), ("retrieve", got.body)):
        new = _moment(doc)
        if new is not None and new[1] <= old[1]:
            problems.append(
                f"the {source} says modifiedAt {new[0]}, the resource had {old[0]} before the update"
            )
    if got.status == 200 and _moment(got.body) is None:
        problems.append("the retrieve after the update carries no modifiedAt")
    assert not problems, "; ".join(problems)
    return None


@custom
def rejected_write_changes_nothing(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """A write answered 4xx changes nothing: after a refused full or partial update, field delete or delete of a
    resource the suite knows to exist, the resource reads back exactly as before (its fields, createdAt and
    modifiedAt). Spec: components.responses.BadRequest/Unauthorized/NotFound (a refused request is not
    served)."""
    v = view(response, case)
    if v is None or not 400 <= v.status < 500 or v.key is None or v.before is None:
        return True
    if v.info.action not in (Action.REPLACE, Action.PATCH, Action.DELETE, Action.DELETE_FIELDS):
        return True
    if v.key in v.state.deleted:
        return True
    if v.info.kind in EXTENSIONS:
        path = v.own_path()
    else:
        path = resource_path(v.before.version, v.info.kind, v.key[1])
    if path is None:
        return True
    got = v.probes.probe(path, note="rejected_write_changes_nothing")
    assert got.status == 200, (
        f"{case.method} answered {v.status}, but GET {path} now answers {got.status}: the refused write took effect"
    )
    now = got.body if isinstance(got.body, dict) else {}
    before = v.before.body
    names = (set(before) | set(now)) - _NOT_COMPARED
    changed = [
        f"{name}: was {short(before.get(name))}, now {short(now.get(name))}"
        for name in sorted(names)
        if not (same(before.get(name), now.get(name)) and same(now.get(name), before.get(name)))
    ]
    assert not changed, f"{case.method} answered {v.status}, yet the resource changed: " + "; ".join(changed)
    return None
