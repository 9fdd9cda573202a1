"""Targeted checks for contract rules the built-in checks cannot see, one module per topic.

Each check is one small function registered with schemathesis (check_registry.py), so it runs on every response of
every phase next to the built-ins and is switched in conformance.toml like them. Its docstring states the rule
and where the spec says it. A check returns True when the rule does not apply to the exchange (schemathesis then
does not count it as passed), None when it verified the rule, and raises AssertionError on a deviation. Checks
that need the state after a write send their own GETs (probes.py) through the run's session; those are recorded
and shown with the failure. Importing this package registers every check.
"""

from __future__ import annotations

from ..check_registry import CUSTOM_CHECKS, builtin_check_names
from . import acceptance, extensions, identity, links, lists, persistence, rules, secrets, updates

__all__ = ["CUSTOM_CHECKS", "TOPICS", "check_names"]

TOPICS = (links, persistence, lists, extensions, rules, identity, updates, secrets, acceptance)
"""The check modules, each registering its checks when imported."""


def check_names() -> tuple[frozenset[str], frozenset[str]]:
    """(built-in schemathesis checks, this kit's custom checks), as registered."""
    return builtin_check_names(), frozenset(CUSTOM_CHECKS)
