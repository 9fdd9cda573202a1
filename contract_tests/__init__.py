"""Contract suite for the Sitecore CDP Order REST APIs: schemathesis conformance checks against any target.

Run it with `cdp-conformance run` once the kit is installed, or `python -m contract_tests run` (or
`nox -s conformance`) in the repository; see README "Conformance".
"""

from __future__ import annotations

from importlib import metadata

DISTRIBUTION = "sitecore-cdp-contract-kit"


def kit_version() -> str:
    """The installed kit's version, from its package metadata (`0+unknown` when run from a bare checkout)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0+unknown"
