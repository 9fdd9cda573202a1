"""How the generated client spells the spec's names, for text written to its users (the changelog).

Nothing here re-derives a rule: the spellings come from the same code that makes the client. Identifiers
(parameters, model attributes, tags, operation function names) and class names are the generator's own
`openapi_python_client.strings.PythonIdentifier` / `ClassName` with the config's `field_prefix`, and a
resource and its verb (`listOrders` -> `orders.list`, `legacyCreateOrder` -> `legacy.orders.create`) are the
templates' own macros, `resource_path` and `verb_name` of spec/templates/cdp_macros.jinja, rendered with the
generator's Jinja settings and filters. The generator is imported on first use only (it is in the `generate`
dependency group, which scripts/regenerate needs anyway).
"""

from __future__ import annotations

import functools
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "spec" / "openapi-python-client.yaml"
TEMPLATES = ROOT / "spec" / "templates"
MACROS = "cdp_macros.jinja"
DEFAULT_TAG = "default"  # the generator's tag for an operation without one
RESERVED_PARAMETERS = ("client", "url")  # the generator's reserved_names of Endpoint._add_parameters


class NamesUnavailableError(RuntimeError):
    """openapi-python-client (and its Jinja) is not installed in this interpreter."""


@functools.cache
def _field_prefix() -> str:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8")) or {}
    return str(config.get("field_prefix", "field_"))


@functools.cache
def _macros() -> Any:
    """The module of spec/templates/cdp_macros.jinja, in an environment set up as the generator sets its own."""
    try:
        import jinja2  # noqa: PLC0415 - only the changelog needs it
        from openapi_python_client import TEMPLATE_FILTERS  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - the test and generate environments have it
        raise NamesUnavailableError(
            "the client's names need openapi-python-client (install the `generate` dependency group)"
        ) from exc
    env = jinja2.Environment(  # noqa: S701 - renders identifiers, never HTML
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.loopcontrols"],
    )
    env.filters.update(TEMPLATE_FILTERS)
    return env.get_template(MACROS).module


def identifier(name: str) -> str:
    """A parameter's or a model attribute's Python name (`loyaltyTier` -> `loyalty_tier`)."""
    from openapi_python_client.strings import PythonIdentifier  # noqa: PLC0415

    return str(PythonIdentifier(name, _field_prefix()))


def class_name(schema: str) -> str:
    """A component schema's model class (`Order` -> `Order`, `order-page` -> `OrderPage`)."""
    from openapi_python_client.strings import ClassName  # noqa: PLC0415

    return str(ClassName(schema, _field_prefix()))


def tag_name(tag: str | None) -> str:
    """A tag as the generator keys its endpoint collection (`Orders v2.1` -> `orders_v_2_1`)."""
    from openapi_python_client.strings import PythonIdentifier  # noqa: PLC0415

    return str(PythonIdentifier(tag or DEFAULT_TAG, "tag"))


def method(operation_id: str, tag: str | None) -> str:
    """The resource method a user calls for an operation, without `cdp.` (`listOrders` -> `orders.list`)."""
    macros = _macros()
    collection = tag_name(tag)
    endpoint = SimpleNamespace(name=identifier(operation_id))
    resource = str(macros.resource_path(collection)).strip()
    verb = str(macros.verb_name(endpoint, collection)).strip()
    return f"{resource}.{verb}"


def parameter(name: str, location: str, siblings: tuple[tuple[str, str], ...] = ()) -> str:
    """A parameter's Python name among its operation's (location, name) `siblings`: as the generator's
    `Endpoint._add_parameters` does, a reserved name (`client`, `url`) or one another location shares gets
    the location appended (`ref_path`), and two of one location differing only in case keep their raw names."""
    python = identifier(name)
    same = [
        where
        for where, other in siblings
        if identifier(other) == python and (where, other) != (location, name)
    ]
    if python in RESERVED_PARAMETERS or any(where != location for where in same):
        return identifier(f"{python}_{location}")
    if same:
        from openapi_python_client.strings import PythonIdentifier  # noqa: PLC0415

        return str(PythonIdentifier(name, _field_prefix(), skip_snake_case=True))
    return python


def field_path(path: str) -> str:
    """A dotted field path of the change report in attribute names (`items[].cardType` -> `items[].card_type`)."""
    parts = []
    for part in path.split("."):
        name = part.rstrip("[]")
        parts.append(identifier(name) + part[len(name) :] if name else part)
    return ".".join(parts)
