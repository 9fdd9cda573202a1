"""The edge values (contract_tests/edges.py) and their settings: each schema's own bound where it sets one, the
settings where it sets none, every body still valid; the workflows write them (planted faults in
tests/contract/test_planted_faults.py: truncated strings, replaced characters, wrapped integers, rounded
decimals, refused long strings)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest

from contract_tests import config, hooks
from contract_tests.checks.exchange import mismatch
from contract_tests.edges import ASTRAL, ROUNDS, EdgeSettings, edge_bodies, edge_string
from tests.contract.helpers import suite_config

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 128},
        "note": {"type": "string"},
        "referenceId": {"type": "string", "minLength": 1},
        "currencyCode": {"type": "string", "pattern": "^[A-Z]{3}$"},
        "status": {"type": "string", "enum": ["A", "B"]},
        "orderedAt": {"type": "string", "format": "date-time"},
        "quantity": {"type": "integer", "minimum": 0},
        "price": {"type": "number"},
        "emails": {"type": "array", "items": {"type": "string"}},
        "flightSegments": {"type": "array", "items": {"type": "object"}},
    },
    "additionalProperties": False,
}
BASE = {"name": "n", "note": "x", "referenceId": "R", "currencyCode": "EUR", "status": "A", "quantity": 1}


DEFAULTS = EdgeSettings()


def bodies(settings: EdgeSettings = DEFAULTS, **kwargs: Any) -> dict[str, Any]:
    found = edge_bodies(
        dict(BASE),
        SCHEMA["properties"],
        lambda node: node,
        lambda body: jsonschema.Draft202012Validator(SCHEMA).is_valid(body),
        settings=settings,
        schema_name="Thing",
        **kwargs,
    )
    return {edge.label: edge for edge in found}


def test_an_edge_string_has_exactly_its_length_in_code_points_and_leaves_the_bmp() -> None:
    for length in (1, 2, 128, 1000):
        text = edge_string(length)
        assert len(text) == length and text.endswith(ASTRAL)
        assert any(ord(c) > 0xFFFF for c in text)
        if length > len("Zé€"):
            assert any(0x7F < ord(c) <= 0xFFFF for c in text)


def test_the_upper_edges_take_the_schemas_bounds_or_the_settings() -> None:
    upper = bodies(filtered={"referenceId"})[ROUNDS[0]].body
    assert len(upper["name"]) == 128  # maxLength
    assert len(upper["note"]) == EdgeSettings().string_length  # none: the setting
    assert len(upper["referenceId"]) == EdgeSettings().filter_string_length  # listed by in a URL
    assert upper["quantity"] == 2**31 + 7 and upper["price"] == EdgeSettings().number
    assert len(upper["emails"]) == EdgeSettings().array_items and len(set(upper["emails"])) == len(
        upper["emails"]
    )
    for closed in ("currencyCode", "status", "orderedAt", "flightSegments"):
        assert upper.get(closed) == BASE.get(closed), closed  # enum, pattern, format, objects: left alone


def test_the_far_and_lower_edges() -> None:
    found = bodies()
    far, lower = found[ROUNDS[1]].body, found[ROUNDS[2]].body
    assert far["quantity"] == 2**53 + 1 and far["name"] == ASTRAL and 0 < far["price"] < 1
    assert lower["quantity"] == 0  # the minimum
    assert lower["price"] < 0 and lower["name"] == BASE["name"]  # no minimum: negative; strings left alone


def test_a_value_that_would_break_the_schema_is_not_written() -> None:
    small = EdgeSettings(integers=(2**31 + 7, 2**53 + 1))
    schema_max = {**SCHEMA["properties"], "quantity": {"type": "integer", "minimum": 0, "maximum": 10}}
    found = edge_bodies(
        dict(BASE), schema_max, lambda n: n, lambda b: b.get("quantity", 0) <= 10, settings=small
    )
    assert all(edge.body["quantity"] <= 10 for edge in found)


def test_fields_kept_ordinary_and_skipped_keep_their_value() -> None:
    settings = EdgeSettings(ordinary={"Thing.note": "why", "price": "why"})
    upper = bodies(settings, skip=frozenset({"name"}))[ROUNDS[0]]
    assert upper.body["note"] == "x" and "price" not in upper.body and upper.body["name"] == "n"
    assert "note" not in upper.edges and "quantity" in upper.edges


def test_the_settings_come_from_conformance_toml() -> None:
    edges = suite_config().edges
    assert edges.integers == (2**31 + 7, 2**53 + 1) and edges.string_length >= 500
    assert edges.largest_limit == 2**31 - 1


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("string-length = 1000", "string-length = 0", "string-length must be a positive number"),
        ("array-items = 20", "array-itemz = 20", "unknown keys"),
        ("integers = [2147483655, 9007199254740993]", "integers = [7]", "past 2\\*\\*31"),
        ("[edges.ordinary]\n", '[edges.ordinary]\n"OrderCreate.price" = ""\n', "no written reason"),
    ],
)
def test_bad_edge_settings_are_refused(tmp_path: Path, old: str, new: str, says: str) -> None:
    text = config.CONFIG_PATH.read_text()
    assert old in text
    path = tmp_path / "conformance.toml"
    path.write_text(text.replace(old, new, 1))
    base = suite_config()
    with pytest.raises(config.ConfigError, match=says):
        config.load(
            path,
            builtin_names=frozenset(base.builtin),
            custom_names=frozenset(base.custom),
            narrowing_names=frozenset(hooks.NARROWINGS),
        )


def test_a_long_string_read_back_otherwise_is_told_by_its_length_and_where_it_parts() -> None:
    long = edge_string(1000)
    assert mismatch("note", long, long[:255], "the retrieve") == (
        "note: sent 1000 characters, the retrieve has 255, parting at character 256 (U+2713 against the end)"
    )
    assert mismatch("note", "Zé" + ASTRAL * 50, "Zé\ufffd" + ASTRAL * 49, "the v2 read").endswith(
        "parting at character 3 (U+1D11E against U+FFFD)"
    )
    assert mismatch("price", 1.5, 1.25, "the response") == "price: sent 1.5, the response has 1.25"
