#!/usr/bin/env python3
"""The client's CHANGELOG.md: one entry per version, written from the API change report (scripts/spec_changes.py).

scripts/regenerate adds the entry of a version the first time it generates it (the report of the spec the
committed client came from against the new one, or, for a version bumped by hand, a line saying the API did not
change) to spec/client-changelog.md, the history kept beside spec/client-version, and copies that file into the
package as CHANGELOG.md (shipped in the sdist). A line written by hand under a version's heading stays.

Its readers write Python, so each change names what they type first and the API's name beside it:
"`Order.loyalty_tier` (API `loyaltyTier`): new optional field (string)", "`orders.list(status=...)` (API
`listOrders` query `status`): new optional parameter". The spellings are the generated client's own
(scripts/python_names.py: the generator's naming and the templates' resource and verb macros).

    python -m scripts.changelog --backfill   # rebuild spec/client-changelog.md from git history (every version)
"""

from __future__ import annotations

import argparse
import datetime
import re
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a file: the repository root makes `scripts` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts import python_names, spec_changes

ROOT = Path(__file__).resolve().parent.parent
CHANGELOG = ROOT / "spec" / "client-changelog.md"
VERSION_RELPATH = "spec/client-version"
HEADER = """# Changelog of sitecore-cdp-client

What changed for code using the client, version by version, newest first. Written by `scripts/regenerate` from
the API change report of `scripts/spec_changes.py` (breaking changes bump the major version, or the minor before
1.0); never edit the copy inside the package.
"""
NO_API_CHANGE = "No change to the API: the client's templates or runtime changed (see the commit log)."


def heading(version: str) -> str:
    """The Markdown heading of a version's entry (its date follows)."""
    return f"## {version}"


def has_entry(text: str, version: str) -> bool:
    """Whether the changelog already has an entry for `version`."""
    return any(line.split(" (", 1)[0] == heading(version) for line in text.splitlines())


# The report's wording of a change, as a Python user reads it (anything else is kept as the report says it).
_MESSAGES = (
    (re.compile(r"^(?:request|response) field added \((required|optional), (.+)\)$"), r"new \1 field (\2)"),
    (re.compile(r"^(?:request|response) field removed$"), "field removed"),
    (re.compile(r"^(required|optional) parameter added$"), r"new \1 parameter"),
    (re.compile(r"^operation added$"), "new method"),
    (re.compile(r"^operation removed$"), "method removed"),
    (re.compile(r"^operation (deprecated|no longer deprecated)$"), r"\1"),
)


def _model(schema: str) -> str:
    """The model class of a schema the report names: a component (`Order`), or the generator's name for an
    operation's inline body (`createOrder request` -> `CreateOrderBody`, `listOrders 200` ->
    `ListOrdersResponse200`); a union of them is spelt as one."""
    names = []
    for part in schema.split(" | "):
        inline = re.fullmatch(r"(\S+) (request|\d\d\d|\dXX)", part)
        if inline is not None:
            suffix = "body" if inline.group(2) == "request" else f"response_{inline.group(2)}"
            names.append(python_names.class_name(f"{inline.group(1)}_{suffix}"))
        elif part == "no body":
            names.append("None")
        else:
            names.append(python_names.class_name(part))
    return " | ".join(names) if len(names) == 1 else f"({' | '.join(names)})"


def spelling(change: spec_changes.Change) -> str:
    """What a change is about, the client's spelling first and the API's beside it: "`Order.loyalty_tier`
    (API `loyaltyTier`)", "`orders.list(status=...)` (API `listOrders` query `status`)", "`orders.list()` (API
    `listOrders`, `GET /v2.1/orders`)"; a change without a subject is named as the report names it."""
    about = change.subject
    if about is None:
        return f"`{change.where}`"
    if about.schema:
        model = _model(about.schema)
        api = about.field if model == about.schema else f"{about.schema}.{about.field}"
        return f"`{model}.{python_names.field_path(about.field)}` (API `{api}`)"
    method = python_names.method(about.operation, about.tag)
    if about.param is not None:
        location, name = about.param
        python = python_names.parameter(name, location, about.params)
        call = f"{python}, ..." if location == "path" else f"{python}=..."
        return f"`{method}({call})` (API `{about.operation}` {location} `{name}`)"
    return f"`{method}()` (API `{about.operation}`, `{about.method} {about.path}`)"


def python_message(message: str) -> str:
    """The report's message of a change in the words of code using the client."""
    for pattern, replacement in _MESSAGES:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


def line(change: spec_changes.Change) -> str:
    """A change's line in the changelog."""
    return f"- {spelling(change)}: {python_message(change.message)}"


def entry(version: str, report: spec_changes.Report | None, date: datetime.date, note: str = "") -> str:
    """One version's entry: breaking changes first, then compatible ones, each in Python terms (`line`);
    without a report, `note` or the sentence saying the API did not change."""
    lines = [f"{heading(version)} ({date.isoformat()})", ""]
    if report is not None and report.changes:
        breaking = sorted(line(c) for c in report.breaking)
        compatible = sorted(line(c) for c in report.changes if not c.breaking)
        for title, changes in (("Breaking", breaking), ("Compatible", compatible)):
            if changes:
                lines += [f"### {title}", "", *changes, ""]
    elif report is not None and report.bump != "none":
        lines += ["The spec's text changed (descriptions, examples, provenance); the API did not.", ""]
    else:
        lines += [note or NO_API_CHANGE, ""]
    return "\n".join(lines)


def insert(text: str, new_entry: str) -> str:
    """The changelog with `new_entry` first, under the header (the header is written when missing)."""
    body = text.split("\n## ", 1)[1] if "\n## " in text else ""
    rest = f"## {body}" if body else ""
    return f"{HEADER}\n{new_entry}\n{rest}".rstrip("\n") + "\n"


def read(path: Path = CHANGELOG) -> str:
    """The kept changelog, or just the header when there is none yet."""
    return path.read_text(encoding="utf-8") if path.is_file() else HEADER


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True)  # noqa: S607
    return done.stdout


def backfill() -> str:
    """A changelog of every version spec/client-version has had, each with the report of its spec against the
    previous version's (from git history)."""
    commits = _git("log", "--reverse", "--format=%H %cs", "--", VERSION_RELPATH).split("\n")
    text = HEADER
    previous: tuple[str, str] | None = None  # (commit, version)
    for line in filter(None, commits):
        commit, day = line.split()
        version = _git("show", f"{commit}:{VERSION_RELPATH}").strip()
        if previous is not None and previous[1] == version:
            continue
        date = datetime.date.fromisoformat(day)
        if previous is None:
            new = entry(
                version, None, date, "The first version: the v2.1 and legacy v2 Order APIs as specified."
            )
        else:
            old_spec = spec_changes.load(spec_changes.spec_at(previous[0]))
            report = spec_changes.compare(old_spec, spec_changes.load(spec_changes.spec_at(commit)))
            new = entry(version, report if report.bump != "none" else None, date)
        text = insert(text, new)
        previous = (commit, version)
    return text


def main(argv: list[str] | None = None) -> int:
    """The command; returns the exit code."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--backfill", action="store_true", help=f"rebuild {CHANGELOG.relative_to(ROOT)} from git"
    )
    args = parser.parse_args(argv)
    if not args.backfill:
        print(read(), end="")
        return 0
    CHANGELOG.write_text(backfill(), encoding="utf-8")
    print(f"wrote {CHANGELOG.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
