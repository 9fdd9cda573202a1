"""Import cost: the client's import beside httpx's, each in a fresh interpreter.

A user's first line is `from sitecore_cdp_client import SitecoreCDP`; that needs httpx anyway, so the
cost to judge is the whole import, httpx included, divided by `import httpx` alone (the resources and
models load only when first used). Each sample is one new interpreter timing its own import with
perf_counter, so the interpreter's start-up is outside both figures; the two sides alternate.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

HTTPX = "import httpx"
CLIENT = "import sitecore_cdp_client; sitecore_cdp_client.SitecoreCDP"


def _once(statement: str, *, after: str = "") -> float:
    """Seconds `statement` takes in a fresh interpreter (after running `after`'s set-up, untimed)."""
    code = f"import time\n{after}\nt = time.perf_counter()\n{statement}\nprint(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return float(out.strip())


def import_seconds(*, samples: int) -> tuple[float, float, float]:
    """Median seconds of (client import, httpx import, first `cdp.orders` after the client import)."""
    client: list[float] = []
    httpx: list[float] = []
    first: list[float] = []
    for index in range(samples):
        order = (CLIENT, HTTPX) if index % 2 == 0 else (HTTPX, CLIENT)
        for statement in order:
            (client if statement == CLIENT else httpx).append(_once(statement))
        first.append(
            _once(
                "cdp.orders",
                after="import sitecore_cdp_client\n"
                "cdp = sitecore_cdp_client.SitecoreCDP(client_key='k', api_token='t', base_url='http://127.0.0.1:9')",
            )
        )
    return statistics.median(client), statistics.median(httpx), statistics.median(first)
