"""Under plain pytest (no runner), build the run from the environment and attach the report plugin."""

from __future__ import annotations

import pytest

from contract_tests.context import require
from contract_tests.plugin import ConformancePlugin


def pytest_configure(config: pytest.Config) -> None:
    """Register the conformance plugin unless the runner already did."""
    if not any(isinstance(p, ConformancePlugin) for p in config.pluginmanager.get_plugins()):
        config.pluginmanager.register(ConformancePlugin(require()), "conformance")
