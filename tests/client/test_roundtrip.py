"""Documented and real JSON decodes with the generated models and encodes back without loss.

Sources: every JSON response example in spec/openapi.yaml (decoded exactly as the client does,
through the operation's own response parser), the JSON examples in ../shared/seeds/, and the
20 real orders in ../shared/peer-fixtures/ (read at test time, never copied here).

Equality is JSON equality with one normalisation: date-time strings are compared as instants,
because the models hold `datetime` values and write them back in Python's ISO form
("2025-12-19T12:07:18.149000+00:00" for "2025-12-19T12:07:18.149Z").
"""

from __future__ import annotations

import datetime
import importlib
import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from sitecore_cdp_client import SitecoreCDP, models

from cdp_openapi import refs

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
PEER_ORDERS = SHARED / "peer-fixtures" / "sitecorena-guestcontext-v2-orders.json"
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")

# Which models the JSON blocks of each seed page are, in the order they appear (request, response).
SEED_MODELS: dict[str, tuple[str, ...]] = {
    "000_": ("LegacyOrderConsumerCreate", "LegacyOrderConsumer"),  # create an order consumer (legacy)
    "001_": ("LegacyOrderConsumerCreate", "LegacyOrderConsumer"),  # update an order consumer (legacy)
    "002_": ("LegacyOrderContactCreate", "LegacyOrderContact"),  # create an order contact (legacy)
    "003_": ("LegacyOrderCreate", "LegacyOrder"),  # create an order (legacy)
    "004_": (),  # v2.1 create consumer: a field list, no JSON example
}


def normalise(value: Any) -> Any:
    """JSON value with date-time strings turned into UTC instants."""
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, str) and DATETIME.match(value):
        try:
            parsed = datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
        return parsed.astimezone(datetime.UTC) if parsed.tzinfo else parsed
    return value


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _operation_modules() -> dict[str, Any]:
    """operationId (snake case) -> generated endpoint module."""
    api = importlib.import_module("sitecore_cdp_client.api")
    found: dict[str, Any] = {}
    assert api.__file__ is not None
    for tag_dir in sorted(Path(api.__file__).parent.iterdir()):
        if not tag_dir.is_dir() or tag_dir.name.startswith("_"):
            continue
        for module_file in sorted(tag_dir.glob("*.py")):
            if module_file.stem != "__init__":
                found[module_file.stem] = importlib.import_module(
                    f"sitecore_cdp_client.api.{tag_dir.name}.{module_file.stem}"
                )
    return found


def _spec_examples() -> list[Any]:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    cases = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            for status, raw in op["responses"].items():
                response = refs.resolve(spec, raw)
                media = (response.get("content") or {}).get("application/json") or {}
                examples = []
                if "example" in media:
                    examples.append(("example", media["example"]))
                for name, example in (media.get("examples") or {}).items():
                    if "value" in example:
                        examples.append((name, example["value"]))
                for name, value in examples:
                    case_id = f"{op['operationId']}-{status}-{name}"
                    cases.append(
                        pytest.param(op["operationId"], method, path, int(status), value, id=case_id)
                    )
    return cases


SPEC_EXAMPLES = _spec_examples()


def test_spec_has_response_examples() -> None:
    assert len(SPEC_EXAMPLES) >= 50


@pytest.mark.parametrize(("operation_id", "method", "path", "status", "example"), SPEC_EXAMPLES)
def test_spec_response_example_round_trips(
    operation_id: str, method: str, path: str, status: int, example: Any
) -> None:
    module = _operation_modules()[_snake(operation_id)]
    response = httpx.Response(
        status, json=example, request=httpx.Request(method.upper(), f"https://cdp.test{path}")
    )
    parsed = module._parse_response(
        client=SitecoreCDP(client_key="k", api_token="t", base_url="https://cdp.test"), response=response
    )
    assert parsed is not None, f"{operation_id} {status} is not parsed"
    assert normalise(parsed.to_dict()) == normalise(example)


def _json_blocks(text: str) -> list[Any]:
    """Top-level JSON objects in a documentation page; the docs' elided `[...]` becomes `[]`.

    A block that does not parse fails the test (unless it has no quotes, like `{orderRef}`).
    """
    blocks = []
    i = 0
    while (start := text.find("{", i)) != -1:
        depth, in_string, escaped = 0, False, False
        for j in range(start, len(text)):
            ch = text[j]
            if in_string:
                escaped = ch == "\\" and not escaped
                if ch == '"' and not escaped:
                    in_string = False
                continue
            if ch == '"':
                in_string = True
            elif ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    block = text[start : j + 1]
                    if '"' in block:  # skip path templates such as {orderRef}
                        blocks.append(json.loads(block.replace("[...]", "[]")))
                    i = j + 1
                    break
        else:
            break
    return blocks


def _seed_cases() -> list[Any]:
    if not SEEDS.is_dir():
        return [pytest.param(None, None, None, marks=pytest.mark.skip(reason=f"{SEEDS} is absent"))]
    cases = []
    for seed in sorted(SEEDS.glob("*.txt")):
        prefix = next((p for p in SEED_MODELS if seed.name.startswith(p)), None)
        blocks = _json_blocks(seed.read_text(encoding="utf-8"))
        if prefix is None:
            cases.append(pytest.param(seed.name, None, blocks, id=seed.name))
            continue
        assert len(blocks) == len(SEED_MODELS[prefix]), f"{seed.name}: {len(blocks)} JSON blocks"
        for index, (model_name, block) in enumerate(zip(SEED_MODELS[prefix], blocks, strict=True)):
            cases.append(pytest.param(seed.name, model_name, block, id=f"{seed.name}-{index}-{model_name}"))
    return cases


@pytest.mark.parametrize(("seed", "model_name", "block"), _seed_cases())
def test_seed_example_round_trips(seed: str, model_name: str | None, block: Any) -> None:
    assert model_name is not None, f"new seed {seed}: map its JSON blocks to models in SEED_MODELS"
    model = getattr(models, model_name)
    assert normalise(model.from_dict(block).to_dict()) == normalise(block)


def _peer_orders() -> list[dict[str, Any]]:
    if not PEER_ORDERS.is_file():
        pytest.skip(f"peer fixture {PEER_ORDERS} is absent (it lives in ../shared, outside the repo)")
    orders: list[dict[str, Any]] = json.loads(PEER_ORDERS.read_text(encoding="utf-8"))["orders"]
    return orders


def test_real_orders_decode_without_loss() -> None:
    orders = _peer_orders()
    assert len(orders) == 20
    for raw in orders:
        order = models.LegacyOrder.from_dict(raw)
        assert normalise(order.to_dict()) == normalise(raw)
        # Undocumented fields are kept, not dropped.
        assert {"clientKey", "guestRef", "sessionRef"} <= set(order.additional_keys)
        assert isinstance(order.order_items, list)
        for item in order.order_items:
            assert "itemId" in item.additional_keys
            assert item.type_ == "PRODUCT"  # not in the documented v2 enum, kept as-is
