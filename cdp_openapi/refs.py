"""The project's one `$ref` resolver: follow local JSON-pointer references (`#/components/schemas/Order`).

`follow` walks a chain of `$ref`s from a node and says how it ended: at a concrete node, or broken (a cycle, a
pointer to nothing, a reference outside the document). It never raises, so each reader decides what a broken
reference means to it: the sandbox refuses to start, the change report treats it as an empty schema, the
upstream comparison reports it. `target` resolves one pointer; `location` spells it the way the reports do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Broken = Literal["cycle", "missing", "remote"]
MAX_CHAIN = 64  # far beyond any real chain; a longer one is treated as a cycle


def unescape(token: str) -> str:
    """One JSON-pointer token as a key (`A~1B` -> `A/B`, `~0` -> `~`)."""
    return token.replace("~1", "/").replace("~0", "~")


def is_local(ref: str) -> bool:
    """A reference into the same document (`#` or `#/...`)."""
    return ref == "#" or ref.startswith("#/")


def target(document: Any, ref: str) -> tuple[bool, Any]:
    """(found, node) for a local reference; mapping keys and list indices are followed."""
    if not is_local(ref):
        return False, None
    node = document
    for token in ref[2:].split("/") if ref != "#" else []:
        key = unescape(token)
        if isinstance(node, Mapping) and key in node:
            node = node[key]
        elif (
            isinstance(node, Sequence)
            and not isinstance(node, str)
            and key.isdigit()
            and int(key) < len(node)
        ):
            node = node[int(key)]
        else:
            return False, None
    return True, node


def location(ref: str) -> str:
    """`#/components/schemas/A~1B` -> `components.schemas.A/B` (a remote reference is kept as it is)."""
    if not is_local(ref):
        return ref
    return ".".join(unescape(token) for token in ref[2:].split("/")) if ref != "#" else ""


@dataclass(frozen=True)
class Followed:
    """Where a chain of `$ref`s ended: `node` (None when `broken`), the references followed in order, and why
    the chain broke, if it did."""

    node: Any
    refs: tuple[str, ...] = ()
    broken: Broken | None = None

    @property
    def ref(self) -> str | None:
        """The last reference followed (the one that named `node`), or None when `node` was inline."""
        return self.refs[-1] if self.refs else None

    @property
    def name(self) -> str | None:
        """The last reference's last token: a component's name (`Order`), or None when inline."""
        return unescape(self.refs[-1].rsplit("/", 1)[-1]) if self.refs else None


def follow(document: Any, node: Any, *, seen: Iterable[str] = ()) -> Followed:
    """Follow `$ref`s from `node` until a node that is not a reference. References in `seen` (those already
    being followed by a caller walking a tree) count as a cycle."""
    visited = set(seen)
    refs: list[str] = []
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in visited or len(refs) >= MAX_CHAIN:
            return Followed(None, (*refs, ref), "cycle")
        visited.add(ref)
        refs.append(ref)
        if not is_local(ref):
            return Followed(None, tuple(refs), "remote")
        found, node = target(document, ref)
        if not found:
            return Followed(None, tuple(refs), "missing")
    return Followed(node, tuple(refs))


class RefError(ValueError):
    """A reference that cannot be followed, where the reader needs it to be."""


def resolve(document: Any, node: Any) -> Any:
    """The node a chain of `$ref`s ends at; RefError, naming the reference, when the chain is broken."""
    followed = follow(document, node)
    if followed.broken is not None:
        raise RefError(f"$ref {followed.ref!r}: {_WHY[followed.broken]}")
    return followed.node


_WHY: dict[Broken, str] = {
    "cycle": "reference cycle",
    "missing": "points to nothing in the document",
    "remote": "not a local reference (only #/... is followed)",
}
