#!/usr/bin/env python3
"""Print the README's endpoint coverage table from spec/openapi.yaml.

The README embeds this output between markers; tests/spec/test_readme.py fails when they differ, so the
table cannot drift from the spec. Run `python scripts/coverage_table.py --write` to refresh it in place.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BEGIN = "<!-- coverage-table:begin -->"
END = "<!-- coverage-table:end -->"
METHODS = ("get", "post", "put", "patch", "delete")


def render(spec_path: Path = ROOT / "spec" / "openapi.yaml") -> str:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    rows = ["| Version | Method | Path | operationId | Doc status |", "|---|---|---|---|---|"]
    counts: dict[str, int] = {}
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                op = item[method]
                version = "v2.1" if path.startswith("/v2.1/") else "v2 (legacy)"
                status = op["x-doc-status"]
                counts[status] = counts.get(status, 0) + 1
                source = op["x-doc-source"]
                rows.append(
                    f"| {version} | {method.upper()} | `{path}` | `{op['operationId']}` | [{status}]({source}) |"
                )
    total = sum(counts.values())
    summary = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("documented", "partial", "inferred"))
    return "\n".join([f"{total} operations: {summary}.", "", *rows])


def main() -> int:
    table = render()
    if "--write" not in sys.argv[1:]:
        print(table)
        return 0
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _old, tail = rest.split(END, 1)
    readme.write_text(f"{head}{BEGIN}\n{table}\n{END}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
