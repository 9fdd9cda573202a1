"""What the generated models call to refuse bad data with a message that names the field.

Hand-written; scripts/regenerate copies it into the package, and the project's model template
(spec/templates/model.py.jinja) calls these from `from_dict` and `to_dict`:

- a required field that is missing is a `ValidationError` naming it (not a bare KeyError);
- a request model whose schema allows no other properties refuses an unknown key, naming it and
  the closest known one (a misspelt key is never dropped silently);
- a naive `datetime` is refused when a model is serialised: the API reads times as UTC with an
  offset, and guessing the caller's zone would shift orders by hours without a word;
- a model's repr shows the fields that hold a value (`Order(href=..., ref=..., price=12.0)`), never
  the unset ones (`model_repr`), and the undocumented fields only when there are some.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

import attrs

from ._errors import ValidationError
from .types import Unset

__all__ = ["aware_isoformat", "model_repr", "reject_unknown", "required"]


def required(data: dict[str, Any], key: str, model: str) -> Any:
    """Pop a required field, or raise ValidationError naming it."""
    try:
        return data.pop(key)
    except KeyError:
        raise ValidationError(f"{model}: missing required field {key!r}", model=model, field=key) from None


def reject_unknown(data: dict[str, Any], model: str, known: Iterable[str]) -> None:
    """Raise ValidationError when `data` (what from_dict left over) still has keys."""
    if not data:
        return
    import difflib  # noqa: PLC0415 - only on the error path

    names = list(known)
    unknown = sorted(data)
    hints = []
    for key in unknown:
        close = difflib.get_close_matches(key, names, n=1)
        hints.append(f"{key!r} (did you mean {close[0]!r}?)" if close else repr(key))
    raise ValidationError(
        f"{model}: unknown field{'s' if len(unknown) > 1 else ''} {', '.join(hints)}; "
        f"known fields: {', '.join(names)}",
        model=model,
        field=unknown[0],
    )


def aware_isoformat(value: datetime.datetime, field: str) -> str:
    """The ISO 8601 text of an aware datetime; ValidationError for a naive one."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(
            f"{field}: naive datetime {value.isoformat()!r}; give it a time zone "
            "(e.g. datetime.now(datetime.UTC) or tzinfo=datetime.UTC), the API reads times with an offset",
            model="",
            field=field,
        )
    return value.isoformat()


def model_repr(model: Any) -> str:
    """`Name(field=value, ...)` of an attrs model: the fields that are set, then `additional_properties` if any."""
    parts = []
    for field in attrs.fields(type(model)):
        value = getattr(model, field.name)
        if isinstance(value, Unset) or (field.name == "additional_properties" and not value):
            continue
        parts.append(f"{field.name}={value!r}")
    return f"{type(model).__name__}({', '.join(parts)})"
