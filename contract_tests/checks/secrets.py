"""What an answer hands back: never the credentials the request was sent with (some debug gateways echo the
Authorization header into their error bodies)."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from schemathesis import CheckContext, Response

from ..check_registry import custom
from ..redaction import CLIENT_KEY, Redactor
from ..run_view import current

if TYPE_CHECKING:
    from schemathesis.specs.openapi.schemas import OpenApiCase

CLIENT_KEY_FIELD = "clientKey"
"""The field live tenants return the client key in (spec info.description, "Responses are tolerant")."""
MAX_PLACES = 5
"""At most this many places are named in one failure."""
MAX_VALUES = 10_000
"""At most this many JSON values are looked at to say where in a body the credentials are (a bounded walk)."""


@custom
def credentials_not_echoed(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """No answer, success or error, carries the credentials the suite sent: not the API token, not the client key
    and token together (`key:token`, as Basic auth sends it, raw or base64), nor any proxy credentials, in any
    spelling (percent-, JSON- or XML-escaped), in a header or the body; the client key alone only as the value of a
    `clientKey` field (live tenants return it in resources; it is the half of the pair web pages carry). Spec:
    security BasicAuth (the client key and API token are the credentials); no page states it, a security rule of
    any HTTP API (spec/rules.yaml AUTH-NO-SECRET-ECHO)."""
    run = current()
    if run is None:
        return True
    redactor = run.redactor
    places = [
        f"{what} in header {name}"
        for name, values in response.headers.items()
        for value in values
        if (what := redactor.find(value)) is not None
    ]
    if response.content:
        places += _in_body(redactor, response.content.decode("utf-8", errors="replace"))
    if not places:
        return None
    shown = "; ".join(places[:MAX_PLACES]) + ("; ..." if len(places) > MAX_PLACES else "")
    raise AssertionError(
        f"The answer hands back the credentials of its request: {shown}\n"
        f"A {response.status_code} answer. The exchange below shows them masked; the target must not send "
        "them back at all."
    )


def _in_body(redactor: Redactor, text: str) -> list[str]:
    """What of the credentials a body carries and where ("the API token in the body at $.detail"); the client
    key as the value of a `clientKey` field is not counted. One scan of the text; the JSON is read only when that
    scan found something."""
    what = redactor.find(text)
    if what is None:
        return []
    try:
        doc = json.loads(text)
    except ValueError:
        return [f"{what} in the body"]
    keys = {secret for secret, name in redactor.names.items() if name == CLIENT_KEY}
    places, allowed = [], 0
    for path, key, value in _values(doc):
        found = redactor.find(value)
        if found is None:
            continue
        if key == CLIENT_KEY_FIELD and value in keys:
            allowed += 1
        else:
            places.append(f"{found} in the body at {path}")
    if not places and not allowed:  # in the text, but in no single value (e.g. a JSON number): name the body
        places.append(f"{what} in the body")
    return places


def _values(doc: Any) -> Iterator[tuple[str, str | None, str]]:
    """(JSON path, key it is under, text) of every key and scalar of a document, breadth first, bounded."""
    queue: deque[tuple[str, str | None, Any]] = deque([("$", None, doc)])
    seen = 0
    while queue and seen < MAX_VALUES:
        path, key, node = queue.popleft()
        seen += 1
        if isinstance(node, dict):
            for name, item in node.items():
                child = f"{path}.{name}" if name.isidentifier() else f"{path}[{json.dumps(name)}]"
                yield f"{child} (its key)", None, name
                queue.append((child, name, item))
        elif isinstance(node, list):
            queue.extend((f"{path}[{i}]", None, item) for i, item in enumerate(node))
        elif isinstance(node, str):
            yield path, key, node
        elif node is not None:
            yield path, key, json.dumps(node)
