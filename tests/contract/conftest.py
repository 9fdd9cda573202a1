"""The `run_suite` fixture: run the contract suite once, in-process, reports in a temporary directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from contract_tests import config as config_mod
from contract_tests.context import RunOptions
from contract_tests.model import ApiModel
from contract_tests.runner import Outcome, execute
from contract_tests.targets import Target
from tests.contract.helpers import RunSuite, spec_model
from tests.contract.helpers import suite_config as load_suite_config


@pytest.fixture
def run_suite(tmp_path: Path) -> RunSuite:
    """Run the suite once; reports go to a temporary directory."""

    def run(target: Target, *, keyword: str | None = None, **options: Any) -> Outcome:
        return execute(
            RunOptions(target=target, reports_dir=tmp_path / "reports", **options),
            keyword=keyword,
            quiet=True,
        )

    return run


@pytest.fixture
def suite_config() -> config_mod.SuiteConfig:
    """conformance.toml as a run loads it."""
    return load_suite_config()


@pytest.fixture
def model() -> ApiModel:
    """The spec's operations as the suite reads them."""
    return spec_model()
