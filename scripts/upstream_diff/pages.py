"""Read saved API reference pages (the api-docs.sitecore.com text format) into the model.

A page has an `Endpoint: METHOD PATH` line (the path may carry a host or `{baseURL}`), then sections such as
`## Path parameters:`, `## Query parameters:`, `## Request fields (application/json):` and
`## Response 200 fields (application/json):`, each a list of `` - `name` (type, required) `` items; nested
fields are dotted (`identifiers.provider`) or indented, and an item may carry an `Enum: "a", "b"` line. A tag
index page only lists operations (`- [POST /v2.1/orders](...)`): those count as existing, nothing more.

Saved pages are often cut off (the stored excerpts stop near 2,000 bytes, mid-line): a page is cut when it
does not end with a line break, or when its header says it is an excerpt that may be cut off and its body
is 1,990 bytes or more. Whatever a cut could hide is marked, never reported as removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .model import JSON_TYPES, Body, Field, Key, Operation, ParamKey, Source, path_parameters, strip_origin

METHODS = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS"
ENDPOINT = re.compile(rf"^\s*Endpoint:\s*({METHODS})\s+(\S+)", re.M | re.I)
INDEX_ENTRY = re.compile(rf"^\s*[-*]\s*\[({METHODS})\s+(/[^\]\s]*)\]\(", re.M)
HEADING = re.compile(r"^#{2,3}\s+(.+?)\s*:?\s*$")
ITEM = re.compile(r"^(\s*)[-*]\s+`([^`]+)`(?:\s*\(([^)\n]*)(\))?)?")
ENUM = re.compile(r"^\s*Enum:\s*(.*)$")
STATUS = re.compile(r"^Responses?\s+(\d{3}|\dXX|default)\b", re.I)
CUT_SIZE = 1990
PAGE_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}


@dataclass
class _Section:
    kind: str  # path, query, header, cookie, request, response, other
    status: str = ""
    items: list[tuple[str, Field, bool]] = field(default_factory=list)  # dotted name, field, details cut?
    closed: bool = True  # False for the section a cut page stops in


def is_cut(text: str) -> bool:
    """True when a page's text stops mid-line or is a stored excerpt at the size limit."""
    if text and not text.endswith("\n"):
        return True
    header, _, body = text.partition("\n\n")
    excerpt = re.search(r"cut off|excerpt", header, re.I) is not None and header.lstrip().startswith(
        "source:"
    )
    return excerpt and len(body.encode("utf-8")) >= CUT_SIZE


def _section_kind(title: str) -> tuple[str, str]:
    lowered = title.lower()
    for kind in ("path", "query", "header", "cookie"):
        if lowered.startswith(f"{kind} parameters"):
            return kind, ""
    if lowered.startswith("request"):
        return "request", ""
    match = STATUS.match(title)
    if match:
        return "response", match.group(1).upper().replace("DEFAULT", "default")
    return "other", ""


def _parse_types(spec: str | None) -> tuple[frozenset[str], bool]:
    if not spec:
        return frozenset(), False
    types: set[str] = set()
    required = False
    for token in re.split(r"[,|/]", spec):
        word = token.strip().lower()
        if word == "required":
            required = True
        elif word.startswith("array") or word.endswith("[]"):
            types.add("array")
        else:
            base = re.split(r"[\s(<\[]", word, maxsplit=1)[0]
            if base in JSON_TYPES:
                types.add(base)
    if {"integer", "number"} <= types:
        types.discard("integer")
    return frozenset(types), required


def _enum_values(rest: str) -> frozenset[str]:
    quoted = re.findall(r'"((?:[^"\\]|\\.)*)"', rest)
    values = quoted if quoted else [v.strip() for v in rest.split(",") if v.strip()]
    return frozenset(values)


def _sections(lines: list[tuple[int, str]], name: str, cut: bool) -> list[_Section]:
    """The sections of one endpoint's part of a page, with their items (enum lines attached)."""
    sections: list[_Section] = []
    current: _Section | None = None
    stack: list[tuple[int, str]] = []
    last: tuple[str, Field] | None = None
    for number, line in lines:
        heading = HEADING.match(line)
        if heading:
            kind, status = _section_kind(heading.group(1))
            current = _Section(kind, status)
            sections.append(current)
            stack, last = [], None
            continue
        if current is None or current.kind == "other":
            continue
        item = ITEM.match(line)
        if item:
            indent, label, spec, closing = (
                len(item.group(1)),
                item.group(2).strip(),
                item.group(3),
                item.group(4),
            )
            while stack and stack[-1][0] >= indent:
                stack.pop()
            dotted = label if "." in label or not stack else f"{stack[-1][1]}.{label}"
            stack.append((indent, dotted))
            types, required = _parse_types(spec)
            truncated = spec is not None and closing is None
            entry = Field(label.rsplit(".", 1)[-1], types, required, None, f"{name}:{number}")
            current.items.append((dotted, entry, truncated))
            last = (dotted, entry)
            continue
        enum = ENUM.match(line)
        if enum and last is not None and current.items and current.items[-1][0] == last[0]:
            dotted, entry = last
            updated = Field(
                entry.name, entry.types, entry.required, _enum_values(enum.group(1)), entry.location
            )
            current.items[-1] = (dotted, updated, current.items[-1][2])
            last = (dotted, updated)
    if cut and sections:
        sections[-1].closed = False
        if sections[-1].items:  # the last item's details may run past the cut
            dotted, entry, _ = sections[-1].items[-1]
            sections[-1].items[-1] = (dotted, entry, True)
    return sections


def _operation(
    method: str, raw_path: str, *, lines: list[tuple[int, str]], name: str, first: int, cut: bool
) -> Operation:
    where = f"{name}:{first}"
    raw_path = strip_origin(raw_path)
    op = Operation(method.upper(), raw_path, where, cut=cut)
    positions = {name: str(i) for i, name in enumerate(path_parameters(raw_path))}
    sections = _sections(lines, name, cut)
    kinds = [s.kind for s in sections]
    op.params_visible = not cut or any(k in ("request", "response") for k in kinds)
    request_sections = [s for s in sections if s.kind == "request"]
    op.request_visible = (
        (not cut)
        or any(s.kind == "response" for s in sections)
        or bool(request_sections and request_sections[-1].closed)
    )
    op.statuses_complete = not cut
    for section in sections:
        if section.kind in ("path", "query", "header", "cookie"):
            for dotted, entry, truncated in section.items:
                key: ParamKey = (
                    ("path", positions.get(dotted, dotted))
                    if section.kind == "path"
                    else (section.kind, dotted)
                )
                types = entry.types
                if types == {"object"}:
                    op.notes.append(f"parameter `{dotted}` is typed object: its type is not compared")
                    types = frozenset()
                required = entry.required or section.kind == "path"
                op.params[key] = Field(entry.name, types, required, entry.enum, entry.location)
                if truncated:
                    op.uncertain.add(f"param {key[0]} {key[1]}")
        elif section.kind in ("request", "response"):
            fields: dict[str, Field] = {}
            prefix = "request" if section.kind == "request" else f"response {section.status}"
            for dotted, entry, truncated in section.items:
                if "{" in dotted:  # `{exampleKey1}`: stands for free-form keys, not a field
                    continue
                fields.setdefault(dotted, entry)
                if truncated:
                    op.uncertain.add(f"{prefix} {dotted}")
            marks = section.kind == "request" or any(e.required for _, e, _ in section.items)
            body = Body(fields, where, complete=section.closed, marks_required=marks)
            if section.kind == "request":
                op.request = body
            else:
                op.responses[section.status] = body
    return op


def read_page(text: str, name: str) -> list[Operation]:
    """The operations one page describes (several when it has several Endpoint lines)."""
    cut = is_cut(text)
    lines = list(enumerate(text.splitlines(), start=1))
    starts = list(ENDPOINT.finditer(text))
    operations: list[Operation] = []
    for index, match in enumerate(starts):
        first = text.count("\n", 0, match.start()) + 1
        end = (
            text.count("\n", 0, starts[index + 1].start()) + 1 if index + 1 < len(starts) else len(lines) + 1
        )
        part = [(n, line) for n, line in lines if first < n < end]
        last = index == len(starts) - 1
        operations.append(
            _operation(match.group(1), match.group(2), lines=part, name=name, first=first, cut=cut and last)
        )
    if not starts:
        for match in INDEX_ENTRY.finditer(text):
            number = text.count("\n", 0, match.start()) + 1
            path = strip_origin(match.group(2))
            op = Operation(match.group(1).upper(), path, f"{name}:{number}", listed_only=True)
            operations.append(op)
    return operations


def _weight(op: Operation) -> tuple[bool, bool, int]:
    size = len(op.params) + len(op.responses) + (len(op.request.fields) if op.request else 0)
    return (not op.listed_only, not op.cut, size)


def read_pages(folder: Path) -> Source:
    """Every recognizable page in a folder; the fullest page wins when several describe one operation."""
    operations: dict[Key, Operation] = {}
    skipped: list[str] = []
    notes: list[str] = []
    pages = 0
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            skipped.append(path.name)
            continue
        found = read_page(text, path.name)
        if not found:
            skipped.append(path.name)
            continue
        pages += 1
        for op in found:
            kept = operations.get(op.key)
            if kept is None or _weight(op) > _weight(kept):
                if kept is not None and not kept.listed_only:
                    notes.append(f"{op.method} {op.path}: {op.location} used rather than {kept.location}")
                operations[op.key] = op
            elif not op.listed_only:
                notes.append(f"{op.method} {op.path}: {kept.location} used rather than {op.location}")
    cut = sum(1 for op in operations.values() if op.cut)
    listed = sum(1 for op in operations.values() if op.listed_only)
    description = (
        f"folder {folder} ({pages} pages read, {len(skipped)} files without an endpoint skipped; "
        f"{len(operations)} operations, {cut} from cut-off pages, {listed} only listed in an index)"
    )
    for op in operations.values():
        notes.extend(f"{op.method} {op.path}: {n}" for n in op.notes)
    return Source(description, "pages", operations, notes, skipped)
