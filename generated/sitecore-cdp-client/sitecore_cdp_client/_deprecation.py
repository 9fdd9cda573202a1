"""Deprecation warnings: the legacy v2 API (once per process) and the renamed methods.

Hand-written; scripts/regenerate copies it into the package. The spec marks every legacy v2
operation `deprecated: true`; the generated functions of those operations call `legacy_used`,
which warns once per process, pointing at the caller's line (not at this package).
The long method names of 0.3 (`cdp.orders.create_order`, `cdp.legacy_orders`, ...) still work
for one minor version and warn on each use through `renamed`.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

__all__ = ["LEGACY_MESSAGE", "legacy_used", "renamed"]

LEGACY_MESSAGE = (
    "the Sitecore CDP Order REST API v2 is legacy; Sitecore points to v2.1 "
    "(cdp.orders, cdp.order_items, cdp.order_contacts, cdp.order_consumers; see the README's migration table)"
)
_PACKAGE_DIR = str(Path(__file__).resolve().parent)
_legacy_warned = False


def _stacklevel() -> int:
    """The stack level of the first frame outside this package (so the warning names the caller's line)."""
    level = 1
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


def legacy_used(operation: str) -> None:
    """Warn, the first time in this process, that a legacy v2 operation was used."""
    global _legacy_warned  # noqa: PLW0603 - once per process is the point
    if _legacy_warned:
        return
    _legacy_warned = True
    warnings.warn(f"{operation}: {LEGACY_MESSAGE}", DeprecationWarning, stacklevel=_stacklevel())


def renamed(old: str, new: str) -> None:
    """Warn that `old` is a deprecated alias of `new` (it goes in the next minor version)."""
    warnings.warn(
        f"{old} is deprecated and will be removed in the next minor version; use {new}",
        DeprecationWarning,
        stacklevel=_stacklevel(),
    )


def _reset() -> None:
    """Forget that the legacy warning was given (for tests)."""
    global _legacy_warned  # noqa: PLW0603
    _legacy_warned = False
