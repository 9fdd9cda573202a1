"""Values at the edges of what a request schema allows, for writes a target must accept and store as sent.

Example bodies carry short, ordinary values, so what a target does on store with a long string, a character
outside the Basic Multilingual Plane, an integer past 32 or 53 bits, a number with many decimals or an array of
many entries is never seen. `edge_bodies` turns one valid body into a few that carry such values in every field
the schema leaves open (a string without enum, format or pattern; an integer; a number; an array of strings),
each body still valid. The workflows send them (workflows._edge_writes), `edge_values_accepted` judges the
answer and `write_is_persisted` what is read back.

Where the schema sets a bound, the edge is the bound (a string of exactly `maxLength` code points, as JSON Schema
counts them; an integer at its `minimum`). Where it sets none, the sizes come from conformance.toml [edges]: the
spec says for each such field that no page bounds it (x-doc-notes), so a target that refuses an edge is evidence
of a bound the docs do not state, and one that accepts it and stores something else is a bug.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

TEXT_UNIT = "Zé€✓𝄞ñ"
"""What long strings are made of: ASCII, Latin-1, two BMP symbols and U+1D11E, outside the BMP (two UTF-16 units,
four UTF-8 bytes), repeated."""
ASTRAL = "𝄞"


@dataclass(frozen=True, slots=True)
class EdgeSettings:
    """conformance.toml [edges]: the sizes used where a schema sets no bound."""

    string_length: int = 1000
    """Code points of a string with no maxLength."""
    filter_string_length: int = 200
    """Code points of a string a list filters on (it is sent again in a URL, which gateways cap at about 8 KB)."""
    integers: tuple[int, ...] = (2**31 + 7, 2**53 + 1)
    """Integers written where no maximum forbids them: past 32 bits, then past 53 (compared as doubles there)."""
    number: float = 1234567.8912345
    """A number with as many decimals as a double keeps at that magnitude."""
    array_items: int = 20
    """Entries of an array with no maxItems."""
    largest_limit: int = 2**31 - 1
    """The page size asked of a list with no maximum `limit`."""
    items_on_one_order: int = 25
    """Order items created on one order, then listed and walked."""
    ordinary: Mapping[str, str] = field(default_factory=dict)
    """Fields that keep their ordinary value (`Schema.field` or `field`), each with the reason."""


@dataclass(frozen=True, slots=True)
class EdgeBody:
    """One body to write: what its edges are, and the body."""

    label: str
    body: dict[str, Any]
    edges: tuple[str, ...]
    """The fields that carry an edge value."""


def edge_string(length: int) -> str:
    """A string of exactly `length` code points (at least 1), mixing the planes; ends in a non-BMP character."""
    if length <= 1:
        return ASTRAL
    repeated = (TEXT_UNIT * (length // len(TEXT_UNIT) + 1))[: length - 1]
    return repeated + ASTRAL


def _open_string(prop: Mapping[str, Any]) -> bool:
    return prop.get("type") == "string" and not any(k in prop for k in ("enum", "format", "pattern", "const"))


def _integer(prop: Mapping[str, Any], index: int, settings: EdgeSettings) -> int:
    """The integer edge of round `index`: past 32 bits, past 53 bits, then the lower bound (0 or the minimum)."""
    low, high = prop.get("minimum"), prop.get("maximum")
    if index < len(settings.integers):
        value = settings.integers[index]
        return high if isinstance(high, int) and value > high else value
    if isinstance(low, int):
        return low
    return -settings.integers[0]


def _number(prop: Mapping[str, Any], index: int, settings: EdgeSettings) -> float:
    """Many decimals, then the same digits below 1, then the minimum (negative where none is set)."""
    low = prop.get("minimum")
    if index == 0:
        return settings.number
    if index == 1:
        return settings.number / 10**9  # the same digits, most of them decimals
    return float(low) if isinstance(low, int | float) else -settings.number


def _string(
    prop: Mapping[str, Any], index: int, name: str, settings: EdgeSettings, filtered: set[str]
) -> str | None:
    """The longest string (maxLength, else the setting), then the shortest (minLength, at least one non-BMP
    character); the lower round leaves strings alone."""
    low, high = prop.get("minLength"), prop.get("maxLength")
    if index == 0:
        wanted = high if isinstance(high, int) else settings.string_length
        if name in filtered:
            wanted = min(wanted, settings.filter_string_length)
        return edge_string(wanted)
    if index == 1:
        return edge_string(low if isinstance(low, int) and low > 1 else 1)
    return None


def _array(prop: Mapping[str, Any], index: int, settings: EdgeSettings) -> list[str] | None:
    """An array of strings at maxItems (else the setting), then at its fewest (at least one entry)."""
    items = prop.get("items")
    if not isinstance(items, Mapping) or not _open_string(items):
        return None
    if index == 0:
        size = prop.get("maxItems", settings.array_items)
        return [
            f"{i}{edge_string(12)}" for i in range(size if isinstance(size, int) else settings.array_items)
        ]
    size = prop.get("minItems", 1)
    return [edge_string(64)] * (size if isinstance(size, int) and size > 0 else 1) if index == 1 else None


ROUNDS = ("upper edges", "far edges", "lower edges")
"""The bodies of one schema: strings at maxLength or long with non-BMP characters, integers past 2**31, many
decimals, arrays at size (upper); integers past 2**53, strings at their shortest (one non-BMP character), a number
below 1 (far); integers and numbers at their minimum, or negative where none is set (lower)."""


def edge_value(
    name: str, prop: Mapping[str, Any], index: int, settings: EdgeSettings, filtered: set[str]
) -> Any | None:
    """The edge value of round `index` for one field (None: the field keeps its ordinary value)."""
    kind = prop.get("type")
    if kind == "integer":
        return _integer(prop, index, settings)
    if kind == "number":
        return _number(prop, index, settings)
    if _open_string(prop):
        return _string(prop, index, name, settings, filtered)
    if kind == "array":
        return _array(prop, index, settings)
    return None


def edge_bodies(
    base: dict[str, Any],
    properties: Mapping[str, Any],
    resolve: Callable[[Any], Any],
    valid: Callable[[dict[str, Any]], bool],
    *,
    settings: EdgeSettings,
    schema_name: str = "",
    filtered: set[str] | None = None,
    skip: frozenset[str] = frozenset(),
) -> Iterator[EdgeBody]:
    """The edge bodies of one request schema, built from `base` (a valid body): one per round, each field changed
    only where the body stays valid (`valid`), fields in `skip` or in settings.ordinary left alone. A round that
    changes nothing is not yielded."""
    for index, label in enumerate(ROUNDS):
        body = dict(base)
        edges: list[str] = []
        for name, raw in properties.items():
            if name in skip or name in settings.ordinary or f"{schema_name}.{name}" in settings.ordinary:
                continue
            prop = resolve(raw)
            if not isinstance(prop, Mapping):
                continue
            value = edge_value(name, prop, index, settings, filtered or set())
            if value is None:
                continue
            trial = {**body, name: value}
            if valid(trial):
                body, edges = trial, [*edges, name]
        if edges:
            yield EdgeBody(label, body, tuple(edges))
