"""Read the JSON examples out of the doc pages in ../shared/seeds/.

A seed page shows the endpoint line (`POST /v2/orders/<orderRef>/consumers`), then a curl command whose
`--data-raw` holds the request body, then the response body. The docs elide arrays as `[...]`, which is
not JSON; it is read as an empty array, the one correction the spec allows.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENDPOINT = re.compile(r"^(?:Endpoint: )?(GET|POST|PUT|PATCH|DELETE) (/v2(?:\.1)?/\S*)", re.MULTILINE)


@dataclass(frozen=True)
class SeedPage:
    name: str
    method: str
    path: str
    request: dict[str, Any] | None
    response: dict[str, Any] | None
    text: str


def _json_objects(text: str) -> list[dict[str, Any]]:
    """Top-level JSON objects in the text, in order, found by brace matching outside strings."""
    found: list[dict[str, Any]] = []
    depth, start, in_string, escaped = 0, -1, False, False
    for index, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"' and depth > 0:
            in_string = True
        elif char == "{":
            if depth == 0:
                start = index
            depth += 1
        elif char == "}" and depth > 0:
            depth -= 1
            if depth == 0:
                found.append(json.loads(text[start : index + 1].replace("[...]", "[]")))
    return found


def read_seed(path: Path) -> SeedPage:
    text = path.read_text(encoding="utf-8")
    match = ENDPOINT.search(text)
    if match is None:
        raise ValueError(f"{path.name}: no endpoint line")
    method, raw_path = match.groups()
    api_path = re.sub(r"<(\w+)>", r"{\1}", raw_path)
    objects = _json_objects(text[match.end() :])
    request = objects[0] if objects else None
    response = objects[1] if len(objects) > 1 else None
    return SeedPage(path.name, method, api_path, request, response, text)


def documented_fields(text: str, heading: str) -> list[str]:
    """Top-level field names listed under a Redocly Markdown heading such as `## Request fields`."""
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    return [name for name in re.findall(r"^  - `([^`]+)`", section, re.MULTILINE) if "." not in name]
