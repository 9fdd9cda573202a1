"""`cdp-conformance`: the command an installed kit gives (`cdp-conformance run ...`, `cdp-conformance --version`).

The same runner as `python -m contract_tests`; everything it reads (the spec, conformance.toml, the suite's
modules and pytest.ini) ships in the wheel and is found through the installed packages, so it works from any
folder. Reports go to `--reports` (default `./reports`, relative to the current folder).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .runner import main as run

PROG = "cdp-conformance"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `cdp-conformance` console script."""
    return run(argv, prog=PROG)


if __name__ == "__main__":
    sys.exit(main())
