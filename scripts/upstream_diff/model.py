"""The shape both sides are read into: operations keyed by method and normalized path, flattened fields."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

Key = tuple[str, str]  # (METHOD, normalized path)
ParamKey = tuple[str, str]  # (in, name); path parameters use their position: ("path", "0")

JSON_TYPES = frozenset({"string", "integer", "number", "boolean", "object", "array"})


class UnusableInput(Exception):
    """The input cannot be compared; the message is one sentence naming the file and why."""


@dataclass(frozen=True)
class Field:
    """One parameter or one (dotted) field of a body.

    `location` is where the thing is declared (in our spec: the place to edit), `schema_location` where its
    resolved schema lives (where `enum` and `type` are), `parent_location` the object that holds it (where a
    missing sibling is added and where `required` is listed). Types never include "null"; an empty set means
    the source does not say.
    """

    name: str
    types: frozenset[str]
    required: bool
    enum: frozenset[str] | None
    location: str
    schema_location: str = ""
    parent_location: str = ""


@dataclass
class Body:
    """The fields of a request or response body, flattened to dotted names (array items have no marker)."""

    fields: dict[str, Field]
    location: str
    complete: bool = True  # False when a page was cut inside this section
    marks_required: bool = True  # False when the source never says which fields are required


@dataclass
class Operation:
    """One operation as a source describes it; what a cut-off page could not show is flagged."""

    method: str
    path: str
    location: str
    label: str = ""
    params: dict[ParamKey, Field] = field(default_factory=dict)
    request: Body | None = None
    responses: dict[str, Body | None] = field(default_factory=dict)
    params_visible: bool = True  # False: the page was cut before its parameter sections ended
    request_visible: bool = True  # False: the page was cut before the request section ended (or began)
    statuses_complete: bool = True  # False: the page was cut, so more responses may follow
    listed_only: bool = False  # known only from an index entry: nothing but its existence is compared
    cut: bool = False
    notes: list[str] = field(default_factory=list)
    # Items whose details a cut may have truncated ("param query limit", "request a.b", "response 200 a"):
    # their existence counts, their type, required-ness and enum are not compared.
    uncertain: set[str] = field(default_factory=set)

    @property
    def key(self) -> Key:
        return (self.method, normalize_path(self.path))

    def title(self) -> str:
        return f"{self.method} {self.path}" + (f" ({self.label})" if self.label else "")


@dataclass
class Source:
    """Everything read from one side."""

    description: str
    kind: str  # "openapi" or "pages"
    operations: dict[Key, Operation]
    notes: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Difference:
    """One real difference; `location` is the place in our spec to edit."""

    operation: str
    kind: str
    location: str
    message: str
    upstream: str = ""
    tolerated: bool = False  # our spec is deliberately more tolerant here (responses): not counted


@dataclass(frozen=True)
class NotVisible:
    """Something our spec has that a cut-off page could not show: neither confirmed nor contradicted."""

    operation: str
    what: str
    location: str


_PARAM = re.compile(r"\{[^}/]*\}|<[^>/]*>|:[A-Za-z_]\w*")


def strip_origin(path: str) -> str:
    """The path of a URL or template: no scheme and host, no leading `{baseURL}`, no query."""
    text = path.strip()
    if re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I):
        text = urlsplit(text).path
    text = re.sub(r"^\{[^}/]*\}(?=/)", "", text)  # {baseURL}/v2.1/...
    return text.split("?", 1)[0].split("#", 1)[0]


def normalize_path(path: str, base: str = "") -> str:
    """Strip scheme, host and `{baseURL}`, prefix a server base path, and blank out parameter names."""
    text = strip_origin(path)
    base = base.rstrip("/")
    if base and not text.startswith(base + "/") and text != base:
        text = base + "/" + text.lstrip("/")
    text = _PARAM.sub("{}", text)
    text = re.sub(r"/+", "/", text)
    if len(text) > 1:
        text = text.rstrip("/")
    return text if text.startswith("/") else "/" + text


def path_parameters(path: str) -> list[str]:
    """Parameter names of a path template, in order (`{orderRef}`, `<orderRef>`)."""
    return [m.strip("{}<>:") for m in _PARAM.findall(path)]


def type_of_value(value: object) -> str | None:
    """JSON type of an enum or const value."""
    kinds: tuple[tuple[type, str], ...] = (
        (bool, "boolean"),
        (int, "integer"),
        (float, "number"),
        (str, "string"),
        (list, "array"),
        (dict, "object"),
    )
    return next((name for kind, name in kinds if isinstance(value, kind)), None)
