"""Every Python block of both READMEs (the root README's client section and the generated client's README) runs
unchanged, each against a freshly emptied sandbox, and prints what it fetched (scripts/readme_examples.py).

An example that reads a ref it did not create, or prints nothing, fails here: examples create what they read.
`nox -s client_wheel` runs the same blocks with the built wheel on each supported Python.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cdp_sandbox import DEFAULT_API_TOKEN, DEFAULT_CLIENT_KEY
from cdp_sandbox.launcher import Sandbox, serve

from scripts import readme_examples

ROOT = Path(__file__).resolve().parents[2]
ROOT_README = ROOT / "README.md"
CLIENT_README = ROOT / "generated" / "sitecore-cdp-client" / "README.md"
CLIENT_SECTION = "The client"  # the root README's client part

BLOCKS = [
    *readme_examples.python_blocks(ROOT_README, CLIENT_SECTION),
    *readme_examples.python_blocks(CLIENT_README),
]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with serve() as running:
        yield running


def test_the_blocks_are_found() -> None:
    sections = {b.section for b in BLOCKS}
    assert CLIENT_SECTION in sections
    assert len([b for b in BLOCKS if b.path == CLIENT_README]) >= 3, [b.where for b in BLOCKS]
    # The async example is a whole script: it runs as it stands, no event loop of ours around it.
    assert any("AsyncSitecoreCDP" in b.code and "asyncio.run(" in b.code for b in BLOCKS)


@pytest.mark.parametrize("block", BLOCKS, ids=[b.where for b in BLOCKS])
def test_the_readme_block_runs_against_a_fresh_sandbox_and_prints_what_it_fetched(
    sandbox: Sandbox, block: readme_examples.Block
) -> None:
    (outcome,) = readme_examples.run_all([block], sandbox.base_url, python=sys.executable, timeout=60)
    assert outcome.ok, readme_examples.report([outcome])


def test_the_runner_knows_the_sandboxs_default_credentials() -> None:
    assert (readme_examples.CLIENT_KEY, readme_examples.API_TOKEN) == (DEFAULT_CLIENT_KEY, DEFAULT_API_TOKEN)


def test_blocks_are_read_by_section_and_a_comment_in_a_block_is_not_a_heading(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Title\n\n## A\n\n```python\n# not a heading\nprint(1)\n```\n\n```bash\necho no\n```\n\n"
        "### A.1\n\n```python\nprint(2)\n```\n\n## B\n\n```python\nprint(3)\n```\n",
        encoding="utf-8",
    )
    assert [b.code for b in readme_examples.python_blocks(readme, "A")] == [
        "# not a heading\nprint(1)\n",
        "print(2)\n",
    ]
    assert [b.section for b in readme_examples.python_blocks(readme)] == ["A", "A.1", "B"]
    with pytest.raises(ValueError, match="no heading 'C'"):
        readme_examples.python_blocks(readme, "C")


def test_a_block_that_fails_or_prints_nothing_is_reported(sandbox: Sandbox, tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "## X\n\n```python\npass\n```\n\n```python\nraise SystemExit(3)\n```\n", encoding="utf-8"
    )
    outcomes = readme_examples.run_all(readme_examples.python_blocks(readme), sandbox.base_url, timeout=30)
    assert [o.problem() for o in outcomes] == [
        "printed nothing (an example prints what it fetched)",
        "exited 3",
    ]
    assert readme_examples.report(outcomes).endswith("0 passed, 2 failed")
