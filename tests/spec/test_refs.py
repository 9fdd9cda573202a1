"""cdp_openapi.refs, the project's one `$ref` resolver (the sandbox, the suite, the scripts and the tests use it)."""

from __future__ import annotations

from typing import Any

import pytest

from cdp_openapi import refs
from tests._spec import load_spec

DOC: dict[str, Any] = {
    "components": {
        "schemas": {
            "Order": {"type": "object"},
            "Alias": {"$ref": "#/components/schemas/Order"},
            "A/B": {"type": "string"},
            "Loop": {"$ref": "#/components/schemas/Loop2"},
            "Loop2": {"$ref": "#/components/schemas/Loop"},
            "List": {"allOf": [{"type": "string"}, {"type": "integer"}]},
        }
    }
}


def test_a_chain_ends_at_the_concrete_node_and_names_its_component() -> None:
    followed = refs.follow(DOC, {"$ref": "#/components/schemas/Alias"})
    assert followed.node == {"type": "object"}
    assert followed.refs == ("#/components/schemas/Alias", "#/components/schemas/Order")
    assert (followed.broken, followed.name) == (None, "Order")
    assert refs.follow(DOC, {"type": "string"}) == refs.Followed({"type": "string"})


def test_pointer_tokens_are_unescaped_and_list_indices_followed() -> None:
    assert refs.resolve(DOC, {"$ref": "#/components/schemas/A~1B"}) == {"type": "string"}
    assert refs.resolve(DOC, {"$ref": "#/components/schemas/List/allOf/1"}) == {"type": "integer"}
    assert refs.follow(DOC, {"$ref": "#/components/schemas/A~1B"}).name == "A/B"
    assert refs.location("#/components/schemas/A~1B") == "components.schemas.A/B"
    assert refs.target(DOC, "#") == (True, DOC)


@pytest.mark.parametrize(
    ("ref", "broken"),
    [
        ("#/components/schemas/Loop", "cycle"),
        ("#/components/schemas/Nope", "missing"),
        ("#/components/schemas/List/allOf/7", "missing"),
        ("other.yaml#/components/schemas/Order", "remote"),
    ],
)
def test_a_broken_chain_says_why_and_resolve_refuses_it_naming_the_reference(ref: str, broken: str) -> None:
    followed = refs.follow(DOC, {"$ref": ref})
    assert (followed.node, followed.broken) == (None, broken)
    with pytest.raises(refs.RefError, match="\\$ref '"):
        refs.resolve(DOC, {"$ref": ref})


def test_references_a_caller_is_already_inside_count_as_a_cycle() -> None:
    seen = {"#/components/schemas/Order"}
    assert refs.follow(DOC, {"$ref": "#/components/schemas/Alias"}, seen=seen).broken == "cycle"


def test_every_reference_in_the_spec_resolves() -> None:
    spec = load_spec()
    found: list[str] = []
    stack: list[Any] = [spec]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                found.append(node["$ref"])
                assert refs.follow(spec, node).broken is None, node["$ref"]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    assert len(found) > 50
