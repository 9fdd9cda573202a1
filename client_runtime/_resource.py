"""What the generated resources (`cdp.orders`, `cdp.legacy.orders`, ...) share.

Hand-written; scripts/regenerate copies it into the package. A resource method takes its body
either as a model or as keyword fields (`cdp.orders.create(reference_id=..., price=12, ...)`);
`build_body` turns the fields into the model, naming an unknown or missing field, and refuses
both at once. `update` and `patch` take their fields as a read returns them (`T | Unset`, so
`patch(ref, price=order.price)` type-checks): a required field given as `UNSET` (the read did not
carry it) is refused as missing, naming it, before anything is sent. Enumerated parameters accept the plain strings of the docs (`sort="orderedAt"`).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar, cast

import attrs

from ._errors import InvalidRequestError, ValidationError
from ._options import OPTION_NAMES, RequestOptions
from .types import UNSET, Unset

__all__ = ["build_body", "build_values", "enum_or_unset", "enum_value", "split_options"]

M = TypeVar("M")
E = TypeVar("E", bound=Enum)


def split_options(kwargs: dict[str, Any]) -> tuple[RequestOptions, dict[str, Any]]:
    """The per-request options and the body fields of a resource call's keyword arguments."""
    options: dict[str, Any] = {}
    fields: dict[str, Any] = {}
    for key, value in kwargs.items():
        (options if key in OPTION_NAMES else fields)[key] = value
    return options, fields  # type: ignore[return-value]


def build_body(model: type[M], body: M | None, fields: dict[str, Any], call: str) -> M:
    """The request model: `body` as given, or built from keyword `fields`, never both."""
    if body is not None:
        if fields:
            raise InvalidRequestError(
                f"{call}: pass the body as a {model.__name__} or as keyword fields, not both "
                f"(got {', '.join(sorted(fields))} as well)"
            )
        if not isinstance(body, model):
            raise InvalidRequestError(f"{call}: body must be a {model.__name__}, got {type(body).__name__}")
        return body
    declared = {f.name: f for f in attrs.fields(cast(Any, model)) if f.init}
    unknown = sorted(set(fields) - set(declared))
    if unknown:
        import difflib  # noqa: PLC0415 - only on the error path

        hints = []
        for key in unknown:
            close = difflib.get_close_matches(key, list(declared), n=1)
            hints.append(f"{key!r} (did you mean {close[0]!r}?)" if close else repr(key))
        raise ValidationError(
            f"{call}: unknown field{'s' if len(unknown) > 1 else ''} {', '.join(hints)} for {model.__name__}",
            model=model.__name__,
            field=unknown[0],
        )
    missing = [
        name
        for name, f in declared.items()
        if f.default is attrs.NOTHING and isinstance(fields.get(name, UNSET), Unset)
    ]
    if missing:
        unset = [name for name in missing if name in fields]
        hint = f" ({', '.join(unset)} given as UNSET: the response read had no value)" if unset else ""
        raise ValidationError(
            f"{call}: missing required field{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"for {model.__name__}{hint}",
            model=model.__name__,
            field=missing[0],
        )
    try:
        return model(**fields)
    except ValueError as exc:
        raise ValidationError(f"{call}: {exc}", model=model.__name__) from exc


def build_values(model: type[M], values: M | Mapping[str, Any], call: str) -> M:
    """A key-value body (a data extension): the model as given, or built from a mapping."""
    if isinstance(values, model):
        return values
    if not isinstance(values, Mapping):
        raise InvalidRequestError(f"{call}: values must be a mapping or a {model.__name__}")
    return model.from_dict(dict(values))  # type: ignore[attr-defined, no-any-return]


def enum_value(enum: type[E], value: E | str) -> E:
    """An enumerated parameter from its member or its documented string."""
    return value if isinstance(value, enum) else enum(value)


def enum_or_unset(enum: type[E], value: E | str | Unset) -> E | Unset:
    """The same for an optional parameter."""
    return value if isinstance(value, enum | Unset) else enum(value)
