#!/usr/bin/env python3
"""Compare spec/openapi.yaml with Sitecore's own description of the API (an OpenAPI document or saved pages).

    python scripts/upstream.py --official openapi.yaml            # kind A: an OpenAPI document (file or URL)
    python scripts/upstream.py --official saved-pages/            # kind B: a folder of API reference pages
    python scripts/upstream.py --official X --json report.json    # also a machine-readable report

Exit codes: 0 agree, 1 differ, 2 unusable input. `--help` says more; the work is in scripts/upstream_diff/.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.upstream_diff.cli import main  # the repository root is on the path (above)

if __name__ == "__main__":
    sys.exit(main())
