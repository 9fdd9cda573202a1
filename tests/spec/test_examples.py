"""Every example written in the spec satisfies its own schema, formats included."""

from __future__ import annotations

import pytest

from tests._spec import Example, examples, validator

EXAMPLES = list(examples())


def test_the_spec_carries_examples() -> None:
    assert len(EXAMPLES) >= 40


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.where)
def test_example_validates_against_its_schema(example: Example) -> None:
    errors = [error.message for error in validator(example.schema).iter_errors(example.value)]
    assert errors == []


def test_validation_is_not_vacuous() -> None:
    """The same machinery rejects a broken example, so the passes above mean something."""
    # The v2.1 create: its body is strict (the legacy one accepts unknown fields: its page lists only some).
    order_create = next(e for e in EXAMPLES if e.where == "createOrder request")
    broken = {**order_create.value, "currencyCode": "eur", "surprise": 1}
    messages = [error.message for error in validator(order_create.schema).iter_errors(broken)]
    assert any("eur" in m for m in messages)
    assert any("surprise" in m for m in messages)
