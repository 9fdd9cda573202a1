"""The JSON examples of the doc pages in ../shared/seeds/ satisfy the schemas of their operations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._spec import SHARED, load_spec, operations, request_schema, response_schema, validator
from tests.spec.seeds import SeedPage, documented_fields, read_seed

SEEDS_DIR = SHARED / "seeds"
SEED_FILES = sorted(SEEDS_DIR.glob("*.txt")) if SEEDS_DIR.is_dir() else []
pytestmark = pytest.mark.skipif(not SEED_FILES, reason=f"doc seeds not found at {SEEDS_DIR}")
# Legacy pages show JSON examples; Redocly pages list fields instead. Each test takes the pages it applies to.
WITH_JSON = [seed for seed in SEED_FILES if read_seed(seed).request is not None]
WITH_FIELD_LISTS = [seed for seed in SEED_FILES if "## Request fields" in read_seed(seed).text]


def _operation_id(page: SeedPage) -> str:
    for method, path, op in operations():
        if method == page.method and path == page.path:
            return str(op["operationId"])
    raise AssertionError(f"{page.name}: {page.method} {page.path} is not in the spec")


def _success_status(operation_id: str) -> str:
    responses: dict[str, dict[str, object]] = next(
        op for _m, _p, op in operations() if op["operationId"] == operation_id
    )["responses"]
    return min(code for code in responses if code.startswith("2") and "content" in responses[code])


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name)
def test_every_seed_page_maps_to_an_operation(seed: Path) -> None:
    assert _operation_id(read_seed(seed))


def test_every_seed_page_is_checked_one_way_or_the_other() -> None:
    assert WITH_JSON and WITH_FIELD_LISTS
    assert set(WITH_JSON) | set(WITH_FIELD_LISTS) == set(SEED_FILES)


@pytest.mark.parametrize("seed", WITH_JSON, ids=lambda p: p.name)
def test_seed_json_examples_validate(seed: Path) -> None:
    page = read_seed(seed)
    assert page.request is not None
    operation_id = _operation_id(page)
    assert list(validator(request_schema(operation_id)).iter_errors(page.request)) == []
    assert page.response is not None
    status = _success_status(operation_id)
    assert list(validator(response_schema(operation_id, status)).iter_errors(page.response)) == []


@pytest.mark.parametrize("seed", WITH_FIELD_LISTS, ids=lambda p: p.name)
def test_seed_field_lists_are_in_the_schemas(seed: Path) -> None:
    """Pages that list fields instead of examples: every listed top-level field is a schema property."""
    page = read_seed(seed)
    operation_id = _operation_id(page)
    schemas = load_spec()["components"]["schemas"]
    request_name = request_schema(operation_id)["$ref"].rsplit("/", 1)[-1]
    assert set(documented_fields(page.text, "## Request fields")) <= set(schemas[request_name]["properties"])
    response_heading = next(h for h in ("## Response 200 fields", "## Response 201 fields") if h in page.text)
    status = response_heading.split()[2]  # the page's own success status, which the spec declares
    response_name = response_schema(operation_id, status)["$ref"].rsplit("/", 1)[-1]
    listed = set(documented_fields(page.text, response_heading))
    assert listed <= set(schemas[response_name]["properties"])
