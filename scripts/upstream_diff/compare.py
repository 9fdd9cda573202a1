"""Find the differences between our operations and upstream's, matched by method and normalized path.

Reported: operations on one side only; parameters (added/removed, required-ness, type, enum); request
fields (the same); success and error status codes; response fields. Our spec states a tolerant-response
policy, so where our response schema accepts more than upstream (a wider type, no enum, a field not
required) the difference is kept but marked tolerated and does not count. What a cut-off page could not
show is listed as not visible, never as removed.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Body, Difference, Field, Key, NotVisible, Operation, Source


@dataclass
class Result:
    """The comparison of our spec with one upstream source."""

    ours: int
    upstream: Source
    shared: list[tuple[Operation, Operation]] = field(default_factory=list)
    only_upstream: list[Operation] = field(default_factory=list)
    only_ours: list[Operation] = field(default_factory=list)
    only_upstream_counted: bool = True
    only_ours_counted: bool = True
    differences: list[Difference] = field(default_factory=list)
    not_visible: list[NotVisible] = field(default_factory=list)

    @property
    def counted(self) -> list[Difference]:
        return [d for d in self.differences if not d.tolerated]

    @property
    def agree(self) -> bool:
        return not (
            self.counted
            or (self.only_upstream and self.only_upstream_counted)
            or (self.only_ours and self.only_ours_counted)
        )


def _types(types: Iterable[str]) -> str:
    return "|".join(sorted(types)) or "untyped"


def _covers(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def _values(values: Iterable[str]) -> str:
    return ", ".join(sorted(values))


def _describe(item: Field) -> str:
    return f"{_types(item.types)}, {'required' if item.required else 'optional'}"


class _Comparer:
    def __init__(self, ours: Operation, theirs: Operation, result: Result) -> None:
        self.ours, self.theirs, self.result = ours, theirs, result
        self.title = ours.title()

    def diff(
        self, kind: str, location: str, message: str, upstream: str = "", tolerated: bool = False
    ) -> None:
        self.result.differences.append(
            Difference(self.title, kind, location, message, upstream or self.theirs.location, tolerated)
        )

    def hidden(self, what: str, location: str) -> None:
        self.result.not_visible.append(NotVisible(self.title, what, location))

    def run(self) -> None:
        if self.theirs.listed_only:
            return
        self.parameters()
        self.request()
        self.statuses()

    def parameters(self) -> None:
        ours, theirs = self.ours.params, self.theirs.params
        for key in sorted(theirs.keys() - ours.keys()):
            item = theirs[key]
            self.diff(
                "parameter",
                f"{self.ours.location}.parameters",
                f"{key[0]} parameter `{item.name}` ({_describe(item)}) is documented upstream, missing here",
                item.location,
            )
        for key in sorted(ours.keys() - theirs.keys()):
            item = ours[key]
            if self.theirs.params_visible:
                self.diff(
                    "parameter", item.location, f"{key[0]} parameter `{item.name}` is not documented upstream"
                )
            else:
                self.hidden(f"{key[0]} parameter `{item.name}`", item.location)
        for key in sorted(ours.keys() & theirs.keys()):
            if f"param {key[0]} {key[1]}" in self.theirs.uncertain:
                continue
            mine, other = ours[key], theirs[key]
            label = f"{key[0]} parameter `{mine.name}`"
            if mine.types and other.types and mine.types != other.types:
                self.diff(
                    "parameter",
                    mine.schema_location or mine.location,
                    f"{label}: type {_types(mine.types)} here, {_types(other.types)} upstream",
                    other.location,
                )
            if key[0] != "path" and mine.required != other.required:
                self.diff(
                    "parameter",
                    f"{mine.location}.required",
                    f"{label}: {'required' if mine.required else 'optional'} here, "
                    f"{'required' if other.required else 'optional'} upstream",
                    other.location,
                )
            self.enum(label, mine, other, response=False)

    def enum(self, label: str, mine: Field, other: Field, response: bool) -> None:
        where = f"{mine.schema_location or mine.location}.enum"
        if mine.enum == other.enum:
            return
        if mine.enum is None:
            assert other.enum is not None
            self.diff(
                "enum",
                where,
                f"{label}: upstream allows only {_values(other.enum)}; here any value",
                other.location,
                tolerated=response,
            )
        elif other.enum is None:
            self.diff(
                "enum",
                where,
                f"{label}: enum {_values(mine.enum)} here; upstream has no enum",
                other.location,
            )
        else:
            added, removed = other.enum - mine.enum, mine.enum - other.enum
            parts = [f"upstream adds {_values(added)}"] if added else []
            parts += [f"upstream lacks {_values(removed)}"] if removed else []
            tolerated = response and not added
            self.diff(
                "enum", where, f"{label}: enum values differ: {'; '.join(parts)}", other.location, tolerated
            )

    def request(self) -> None:
        ours, theirs = self.ours.request, self.theirs.request
        where = f"{self.ours.location}.requestBody"
        if ours is None and theirs is not None:
            self.diff("request body", where, "upstream documents a request body; this operation has none")
        elif ours is not None and theirs is None:
            if self.theirs.request_visible:
                self.diff(
                    "request body", where, "this operation takes a request body; upstream documents none"
                )
            else:
                self.hidden("the request body", where)
        elif ours is not None and theirs is not None:
            self.fields("request", ours, theirs)

    def statuses(self) -> None:
        ours, theirs = self.ours.responses, self.theirs.responses
        where = f"{self.ours.location}.responses"
        for status in sorted(theirs.keys() - ours.keys()):
            hint = ""
            if self.ours.method == "GET" and status == "201" and "200" in ours:
                hint = " (a 201 on a GET is probably a label slip upstream)"
            self.diff("status", where, f"upstream documents status {status}, this operation does not{hint}")
        for status in sorted(ours.keys() - theirs.keys()):
            if self.theirs.statuses_complete:
                self.diff("status", f"{where}.{status}", f"status {status} is not documented upstream")
            else:
                self.hidden(f"status {status}", f"{where}.{status}")
        pairs = [(s, s) for s in sorted(ours.keys() & theirs.keys())]
        mine_success = sorted(s for s in ours.keys() - theirs.keys() if s.startswith("2") and ours[s])
        their_success = sorted(s for s in theirs.keys() - ours.keys() if s.startswith("2") and theirs[s])
        if mine_success and their_success:
            pairs.append((mine_success[0], their_success[0]))
        for mine_status, their_status in pairs:
            mine, other = ours[mine_status], theirs[their_status]
            label = f"response {their_status}"
            if mine is None and other is not None:
                self.diff(
                    "response body", f"{where}.{mine_status}", f"upstream documents a JSON body for {label}"
                )
            elif mine is not None and other is None and self.theirs.statuses_complete:
                self.diff("response body", f"{where}.{mine_status}", f"{label} has no JSON body upstream")
            elif mine is not None and other is not None:
                self.fields(label, mine, other)

    def fields(self, label: str, ours: Body, theirs: Body) -> None:
        response = label != "request"
        missing_here = sorted(theirs.fields.keys() - ours.fields.keys())
        for name in missing_here:
            parent = name.rsplit(".", 1)[0] if "." in name else ""
            if parent and parent in missing_here:
                continue  # reported with its parent
            other = theirs.fields[name]
            nested = sum(1 for n in missing_here if n.startswith(name + "."))
            extra = f", with {nested} nested field{'s' * (nested != 1)}" if nested else ""
            self.diff(
                f"{'response' if response else 'request'} field",
                self._add_location(ours, parent),
                f"{label} field `{name}` ({_describe(other)}{extra}) is documented upstream, missing here",
                other.location,
            )
        only_here = sorted(ours.fields.keys() - theirs.fields.keys())
        for name in only_here:
            parent = name.rsplit(".", 1)[0] if "." in name else ""
            if parent and parent in only_here:
                continue
            mine = ours.fields[name]
            if theirs.complete:
                self.diff(
                    f"{'response' if response else 'request'} field",
                    mine.location,
                    f"{label} field `{name}` is not documented upstream",
                )
            else:
                self.hidden(f"{label} field `{name}`", mine.location)
        prefix = label if response else "request"
        for name in sorted(ours.fields.keys() & theirs.fields.keys()):
            if f"{prefix} {name}" in self.theirs.uncertain:
                continue
            self.field(label, name, ours, theirs, response)

    def field(self, label: str, name: str, ours: Body, theirs: Body, response: bool) -> None:
        mine, other = ours.fields[name], theirs.fields[name]
        kind = f"{'response' if response else 'request'} field"
        text = f"{label} field `{name}`"
        if mine.types and other.types and mine.types != other.types:
            tolerated = response and _covers(mine.types, other.types)
            self.diff(
                kind,
                mine.location,
                f"{text}: type {_types(mine.types)} here, {_types(other.types)} upstream",
                other.location,
                tolerated,
            )
        if mine.required != other.required:
            where = f"{mine.parent_location}.required"
            state = (
                f"{text}: {'required' if mine.required else 'optional'} here, "
                f"{'required' if other.required else 'optional'} upstream"
            )
            if not response:
                self.diff(kind, where, state, other.location)
            elif other.required:
                self.diff(kind, where, state, other.location, tolerated=True)
            elif theirs.marks_required:
                self.diff(kind, where, state, other.location)
        self.enum(text, mine, other, response)

    @staticmethod
    def _add_location(ours: Body, parent: str) -> str:
        """Where a missing field goes: the body's object, or the object holding the parent's fields."""
        if not parent:
            return f"{ours.location}.properties"
        for name, item in ours.fields.items():
            if name.startswith(parent + ".") and "." not in name[len(parent) + 1 :]:
                return f"{item.parent_location}.properties"
        holder = ours.fields.get(parent)
        return (
            f"{holder.schema_location or holder.location}.properties"
            if holder
            else f"{ours.location}.properties"
        )


def _selected(op: Operation, patterns: list[str]) -> bool:
    if not patterns:
        return True
    text = f"{op.method} {op.path}"
    return any(
        p == op.label or fnmatch.fnmatchcase(text, p) or fnmatch.fnmatchcase(op.path, p) for p in patterns
    )


def compare(
    ours: dict[Key, Operation], upstream: Source, only_shared: bool, patterns: list[str] | None = None
) -> Result:
    """Compare our operations with upstream's; one-sided operations count unless excluded by the policy."""
    patterns = patterns or []
    mine = {k: op for k, op in ours.items() if _selected(op, patterns)}
    chosen = {k for k, op in upstream.operations.items() if _selected(op, patterns)}
    chosen |= {k for k in mine if k in upstream.operations}
    if patterns:
        mine.update({k: ours[k] for k in chosen if k in ours})
    theirs = {k: upstream.operations[k] for k in chosen}
    result = Result(len(ours), upstream)
    result.only_ours_counted = upstream.kind == "openapi" and not only_shared
    result.only_upstream_counted = not only_shared
    for key in sorted(theirs.keys() - mine.keys()):
        result.only_upstream.append(theirs[key])
    for key in sorted(mine.keys() - theirs.keys()):
        result.only_ours.append(mine[key])
    for key in sorted(mine.keys() & theirs.keys()):
        result.shared.append((mine[key], theirs[key]))
        _Comparer(mine[key], theirs[key], result).run()
    return result
