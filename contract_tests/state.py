"""What the suite has seen of the target's resources: the last representation, parents, deletions.

Checks that compare before and after (a PATCH must leave unsent fields alone, a delete must take the
children with it) read this memory; it is updated only after a response's checks have run, so a check
always sees the state from before the request it judges. Keys are (kind, ref) so the v2 and v2.1 views
of one resource share an entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import EXTENSIONS, Action, Kind, OpInfo

Key = tuple[Kind, str]


@dataclass(slots=True)
class Seen:
    """The last representation of one resource, with its version and parent."""

    body: dict[str, Any]
    version: str
    parent: Key | None


@dataclass(slots=True)
class ResourceState:
    """The suite's memory of the target, reset with the target."""

    resources: dict[Key, Seen] = field(default_factory=dict)
    children: dict[Key, set[Key]] = field(default_factory=dict)
    deleted: set[Key] = field(default_factory=set)
    writes: int = 0

    def reset(self) -> None:
        """Forget everything (the target was reset too)."""
        self.resources.clear()
        self.children.clear()
        self.deleted.clear()
        self.writes = 0

    def get(self, key: Key | None) -> Seen | None:
        """What was last seen of a resource."""
        return self.resources.get(key) if key is not None else None

    def parent_of(self, key: Key) -> Key | None:
        """The parent (order or order item) a resource was created under, if known."""
        seen = self.resources.get(key)
        if seen is not None and seen.parent is not None:
            return seen.parent
        for parent, kids in self.children.items():
            if key in kids:
                return parent
        return None

    def descendants(self, key: Key, depth: int = 3) -> set[Key]:
        """Children, grandchildren (an item's data extension) of a resource."""
        found: set[Key] = set()
        frontier = {key}
        for _ in range(depth):
            frontier = {kid for parent in frontier for kid in self.children.get(parent, set())} - found
            if not frontier:
                break
            found |= frontier
        return found

    def observe(self, info: OpInfo, key: Key | None, parent: Key | None, status: int, body: Any) -> None:
        """Remember the outcome of one request of the suite (called after its checks)."""
        if key is None or not 200 <= status < 300:
            return
        if info.action in (Action.CREATE, Action.REPLACE, Action.PATCH, Action.DELETE, Action.DELETE_FIELDS):
            self.writes += 1
        if info.action is Action.DELETE:
            for gone in {key, *self.descendants(key)}:
                self.resources.pop(gone, None)
                self.deleted.add(gone)
            return
        if info.action is Action.CREATE:
            self.deleted.discard(key)
            if parent is not None:
                self.children.setdefault(parent, set()).add(key)
        if isinstance(body, dict) and info.action is not Action.LIST:
            known_parent = parent or self.parent_of(key)
            self.resources[key] = Seen(body=body, version=info.version, parent=known_parent)


def resource_key(info: OpInfo, path_parameters: dict[str, Any], body: Any) -> Key | None:
    """The (kind, ref) an exchange is about: the path ref, a data extension's parent ref, or a created `ref`."""
    if info.action is Action.LIST:
        return None
    if info.kind in EXTENSIONS:
        parent_ref = path_parameters.get(info.parent_param or "")
        return (info.kind, str(parent_ref).lower()) if parent_ref is not None else None
    if info.action is Action.CREATE:
        ref = body.get("ref") if isinstance(body, dict) else None
        return (info.kind, ref.lower()) if isinstance(ref, str) else None
    ref = path_parameters.get(info.ref_param or "")
    return (info.kind, str(ref).lower()) if ref is not None else None


def parent_key(info: OpInfo, path_parameters: dict[str, Any]) -> Key | None:
    """The parent named in the request path (the order of a child, the owner of a data extension)."""
    if info.parent_kind is None or info.parent_param is None:
        return None
    ref = path_parameters.get(info.parent_param)
    return (info.parent_kind, str(ref).lower()) if ref is not None else None
