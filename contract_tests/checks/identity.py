"""Who and what a request names: refs match in either case, credentials only exactly."""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

import requests
from schemathesis import CheckContext, Response

from ..check_registry import custom
from ..model import EXTENSIONS, Action
from ..probes import Probes
from ..run_view import current
from .exchange import View, view

if TYPE_CHECKING:
    from schemathesis.specs.openapi.schemas import OpenApiCase

_NEAR_MISS_DONE: WeakKeyDictionary[Probes, set[str]] = WeakKeyDictionary()
"""Per run (its probes): the operations whose reads were already re-sent with near-miss credentials."""

_UPPER_DONE: WeakKeyDictionary[Probes, set[str]] = WeakKeyDictionary()
"""Per run: the resources already read back by their upper-case ref."""

MAX_UPPER_PROBES = 200
"""At most this many upper-case read-backs per run (bounds the cost on long stateful runs)."""


@custom
def refs_case_insensitive(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """Refs are UUIDs in either case: a resource the suite knows to exist is found by its ref in upper case as
    well as lower case. A request naming it in upper case (read, update or delete) must not answer 404; a
    successful read by the lower-case ref is repeated once per resource with the ref upper-cased and must answer
    200 with the same ref. Spec: info.description "refs are UUIDs in either case" (the docs show upper-case refs
    in v2 responses); components.schemas.Ref."""
    v = view(response, case)
    if v is None or v.key is None or v.info.kind in EXTENSIONS or v.info.ref_param is None:
        return True
    if v.info.action not in (Action.RETRIEVE, Action.REPLACE, Action.PATCH, Action.DELETE):
        return True
    sent = str(v.params.get(v.info.ref_param, ""))
    known = v.before is not None and v.key not in v.state.deleted
    if sent != sent.lower():
        if not known:
            return True
        assert v.status != 404, (
            f"{case.method} with the ref in upper case ({sent}) answered 404 for a resource that exists"
        )
        return None
    if not (v.ok and v.info.action is Action.RETRIEVE and known and any(c.isalpha() for c in sent)):
        return True
    return _read_back_in_upper_case(v, sent)


def _read_back_in_upper_case(v: View, sent: str) -> bool | None:
    """GET a resource just read by its lower-case ref again by its upper-case one (once per resource and run)."""
    done = _UPPER_DONE.setdefault(v.probes, set())
    path = v.own_path()
    if path is None or path in done or len(done) >= MAX_UPPER_PROBES:
        return True
    done.add(path)
    upper = path.replace(sent.lower(), sent.upper())
    got = v.probes.probe(upper, note="refs_case_insensitive")
    assert got.status == 200, f"GET {upper} (the ref in upper case) answered {got.status}, not 200"
    ref = got.body.get("ref") if isinstance(got.body, dict) else None
    assert not isinstance(ref, str) or ref.lower() == sent.lower(), (
        f"GET {upper} returned ref {ref}, not {sent}"
    )
    return None


def near_misses(key: str, token: str) -> list[tuple[str, tuple[str, str]]]:
    """Credentials one slip away from the valid pair, each with what was changed (never the secret itself)."""
    found: list[tuple[str, tuple[str, str]]] = []
    if key.swapcase() != key:
        found.append(("the client key with its case changed", (key.swapcase(), token)))
    if token.swapcase() != token:
        found.append(("the API token with its case changed", (key, token.swapcase())))
    if len(token) > 1:
        found.append(("the API token with its last character dropped", (key, token[:-1])))
    if len(key) > 1:
        found.append(("the client key with its first character dropped", (key[1:], token)))
    found.append(("the API token with a character added", (key, token + "0")))
    found.append(("the client key with a trailing space", (key + " ", token)))
    found.append(("the API token with a trailing space", (key, token + " ")))
    return [(what, pair) for what, pair in found if pair != (key, token)]


@custom
def near_miss_credentials_refused(ctx: CheckContext, response: Response, case: OpenApiCase) -> bool | None:
    """Credentials are compared exactly: a read the valid pair was served is re-sent (once per operation and run;
    on a live tenant once per run, so failed logins stay few) with near-miss credentials (the key or token with
    its case changed, a character dropped or added, a trailing space), and each must answer 401. Reads only, so
    the safe profile may run it on a live tenant. Spec: security
    BasicAuth (client key and API token; components.responses.Unauthorized)."""
    v = view(response, case)
    if v is None or not v.ok or case.method.upper() != "GET":
        return True
    if v.info.action not in (Action.RETRIEVE, Action.LIST):
        return True
    done = _NEAR_MISS_DONE.setdefault(v.probes, set())
    # A live tenant may lock out or throttle after failed logins: there the variants are sent once per run.
    run = current()
    once = "the run" if run is not None and run.plan.guarded else v.info.operation_id
    if once in done:
        return True
    done.add(once)
    url = str(response.request.url)
    key, token = v.probes.auth
    problems = []
    for what, auth in near_misses(key, token):
        try:
            got = v.probes.get_as(url, auth, note="near_miss_credentials_refused")
        except requests.RequestException as exc:
            raise AssertionError(f"GET {url} with {what} failed: {type(exc).__name__}") from None
        if got.status_code != 401:
            problems.append(f"{what}: {got.status_code}")
    assert not problems, f"GET {url} with near-miss credentials was not refused with 401: " + "; ".join(
        problems
    )
    return None
