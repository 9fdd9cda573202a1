"""Fault injection: the sandbox with deliberate deviations from the spec, switched on by name.

A contract suite that passes proves nothing unless it is known what it would have caught; `nox -s mutation`
measures that by running the suite against the sandbox with each fault of `CATALOG` switched on. Everything a
fault changes lives in this one layer around the healthy sandbox:

- request transformers run before `SandboxApp.handle` (they may rewrite the request, or answer it themselves);
- response transformers run after it;
- a delay is awaited in the ASGI entry (the event loop keeps serving other requests meanwhile);
- storage hooks are the overridable points of `FaultyStore`, a `Store` subclass.

Handlers, views and storage know nothing of faults. The catalog is data: each entry has a name, a category, what
it does and the spec rule it breaks; its `make` builds a fresh, possibly stateful, `Injection` per app.

The catalog's entries live in one module per category (`status`, `response_schema`, `headers_media`, `auth`,
`validation`, `state`, `robustness`), imported here in that order, which is the catalog's order; the vocabulary
is in `core`, the faulty app and store in `layer`. The fault layer imports the app, never the other way round:
`cdp_sandbox.factory` builds faulty sandboxes (`create_app(faults=...)`, `app_factory(faults)`) with `build`.
"""

from __future__ import annotations

import asyncio  # noqa: F401 - tests patch cdp_sandbox.faults.asyncio.sleep, the delay the app awaits

from .core import (
    CATALOG,
    CATEGORIES,
    HANG_SECONDS,
    MAX_DELAY,
    MAX_HANGS,
    Fault,
    Forwarder,
    Hit,
    Injection,
    StoreHooks,
    UnknownFault,
    describe_catalog,
    fault,
    lookup,
)
from .layer import FaultyApp, FaultyStore, build

# Registration order is the catalog's order (and --list-faults'): status first, robustness last. Kept out of the
# import sorting, so that sorting never reorders the catalog.
# isort: off
from . import status  # noqa: F401
from . import response_schema  # noqa: F401
from . import headers_media  # noqa: F401
from . import auth  # noqa: F401
from . import validation  # noqa: F401
from . import state  # noqa: F401
from . import robustness  # noqa: F401

# isort: on

__all__ = [
    "CATALOG",
    "CATEGORIES",
    "HANG_SECONDS",
    "MAX_DELAY",
    "MAX_HANGS",
    "Fault",
    "FaultyApp",
    "FaultyStore",
    "Forwarder",
    "Hit",
    "Injection",
    "StoreHooks",
    "UnknownFault",
    "build",
    "describe_catalog",
    "fault",
    "lookup",
]
