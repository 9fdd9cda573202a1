"""What the client's tests share that is not a fixture: where the generated package is (put first on the import
path, so the tests exercise what scripts/regenerate produced, not an installed copy) and the fake credentials.
Test modules import these from here, never from conftest.py."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated" / "sitecore-cdp-client"
if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))

BASE_URL = "https://cdp.test"
CLIENT_KEY = "ck-PUBLIC-KEY-123"
API_TOKEN = "tok-SUPER-SECRET-456"
