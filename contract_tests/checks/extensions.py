"""Data extensions: deleting fields removes exactly the named keys, a PATCH keeps the 100-pair limit, creating
one that exists conflicts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from schemathesis import CheckContext, Response

from ..check_registry import custom
from ..hooks import is_positive
from ..model import EXTENSIONS, Action
from .exchange import MAX_EXT_PAIRS, same, user_fields, view
from .rules import body_errors

if TYPE_CHECKING:
    from schemathesis.specs.openapi.schemas import OpenApiCase


@custom
def delete_fields_removes_named_keys(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """DELETE .../fields removes exactly the keys named in `name` (every key without `name`) and keeps the data
    extension and all other pairs. Spec: deleteOrderDataExtensionFields, deleteOrderItemDataExtensionFields."""
    v = view(response, case)
    if v is None or not v.ok or v.info.action is not Action.DELETE_FIELDS or v.own_path() is None:
        return True
    raw = v.query.get("name")
    names = set(str(raw).split("|")) if raw not in (None, "") else None
    got = v.probe_own("delete_fields_removes_named_keys")
    assert got.status == 200, (
        f"GET {v.own_path()} after deleting fields answered {got.status}; the extension must stay"
    )
    now = user_fields(v.model, v.info, got.body)
    problems = []
    if names is None:
        if now:
            problems.append(f"without `name` every pair must go, still there: {sorted(now)[:5]}")
    else:
        left = sorted(names & set(now))
        if left:
            problems.append(f"named keys still there: {left[:5]}")
    if v.before is not None:
        kept = user_fields(v.model, v.info, v.before.body)
        lost = [
            k
            for k, val in kept.items()
            if (names is not None and k not in names) and not same(val, now.get(k))
        ]
        if lost:
            problems.append(f"keys not named were removed or changed: {lost[:5]}")
    assert not problems, "; ".join(problems)
    return None


@custom
def extension_pair_limit(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """A data extension holds at most 100 pairs after a PATCH too: a valid PATCH is refused (400) exactly when
    the merge would exceed 100 pairs. Spec: info.description "a data extension holds at most 100 pairs after a
    partial update too"; patch*DataExtension descriptions."""
    v = view(response, case)
    if v is None or v.info.action is not Action.PATCH or v.info.kind not in EXTENSIONS:
        return True
    if v.before is None or v.sent is None or not is_positive(case):
        return True
    if body_errors(v.model, v.info.operation_id, v.sent):
        return True  # a body the schema refuses (the workflows send one on purpose) is not a valid PATCH
    merged = set(user_fields(v.model, v.info, v.before.body)) | set(v.sent)
    over = len(merged) > MAX_EXT_PAIRS
    if v.status == 400:
        assert over, (
            f"a valid PATCH was refused although the merged extension holds {len(merged)} pairs (limit {MAX_EXT_PAIRS})"
        )
    elif v.ok:
        assert not over, (
            f"the PATCH was accepted although the merged extension holds {len(merged)} > {MAX_EXT_PAIRS} pairs"
        )
    else:
        return True
    return None


@custom
def existing_extension_conflicts(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """Creating a data extension that already exists is refused with 409 (update it instead). Spec:
    createOrderDataExtension, createOrderItemDataExtension ("409 when it already exists")."""
    v = view(response, case)
    if v is None or v.info.action is not Action.CREATE or v.info.kind not in EXTENSIONS or v.before is None:
        return True
    if v.status in (401, 403, 404):
        return True
    assert v.status == 409, f"creating {v.own_path()} again answered {v.status}; it exists, 409 expected"
    return None
