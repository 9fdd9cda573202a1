"""Command line of scripts/upstream.py: read both sides, compare, print, exit 0/1/2."""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .compare import compare
from .model import Key, Operation, Source, UnusableInput
from .openapi import read_openapi
from .pages import read_page, read_pages

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SPEC = ROOT / "spec" / "openapi.yaml"
FETCH_TIMEOUT = 60
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when available: 10x faster

DESCRIPTION = """\
Compare our spec (spec/openapi.yaml) with Sitecore's own description of the Order REST APIs.

--official takes either
  A. an OpenAPI document, YAML or JSON, as a file or URL (e.g. the file behind api-docs.sitecore.com's
     "Download OpenAPI description"); local $refs, allOf/oneOf/anyOf, type lists, servers with a base
     path and missing operationIds are handled; or
  B. a folder of saved API reference pages in the api-docs text format (`Endpoint: POST /v2.1/...`,
     `## Request fields ...`, `## Response 200 fields ...`); a single page file or page URL works too.
     Cut-off pages are read as far as they go: what they cannot show is listed as not visible.

Operations are matched by method and path (parameter names and the server's host and base path do not
matter), never by operationId or schema names. Per shared operation it reports parameters, request
fields, status codes and response fields (names, types, required-ness, enum values), each with the place
in our spec to edit. Where our responses deliberately accept more (the spec's tolerant-response policy),
a difference is marked tolerated and not counted.

Operations only in our spec count as differences only against a whole OpenAPI document: with a folder
of pages they are always listed as a summary (pages cannot show that an operation is gone).
--only-shared also stops operations only upstream from counting (use it against a partial document).

Exit codes: 0 the two agree, 1 they differ, 2 an input is unusable (one sentence on stderr says why).
"""


def _fetch(url: str) -> bytes:
    accept = {"Accept": "application/yaml, application/json, text/*"}
    request = urllib.request.Request(url, headers=accept)  # noqa: S310 - http(s) only, checked by the caller
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:  # noqa: S310 - user's URL
            data: bytes = response.read()
            return data
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise UnusableInput(f"{url}: could not be fetched ({reason}).") from exc


def _openapi_source(doc: Mapping[str, Any], name: str) -> Source:
    try:
        operations, notes = read_openapi(doc)
    except (RecursionError, TypeError, ValueError, AttributeError, KeyError) as exc:
        raise UnusableInput(f"{name}: is an OpenAPI document this tool cannot read ({exc!r}).") from exc
    info = doc.get("info") if isinstance(doc.get("info"), Mapping) else {}
    title = f'"{info.get("title", "untitled")}" {info.get("version", "")}'.strip() if info else "untitled"
    version = doc.get("openapi") or doc.get("swagger") or "?"
    description = f"{name} (OpenAPI {version} document {title}, {len(operations)} operations)"
    return Source(description, "openapi", operations, notes)


def _page_source(text: str, name: str) -> Source | None:
    found = read_page(text, name)
    if not found:
        return None
    operations: dict[Key, Operation] = {}
    for op in found:
        operations.setdefault(op.key, op)
    notes = [f"{op.method} {op.path}: {n}" for op in found for n in op.notes]
    cut = " (cut off)" if any(op.cut for op in found) else ""
    count = f"{len(operations)} operation{'s' * (len(operations) != 1)}"
    return Source(f"page {name}{cut}, {count}", "pages", operations, notes)


def load_document(data: bytes, name: str) -> Source:
    """An OpenAPI document, else one API reference page, from a file's or URL's bytes."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnusableInput(f"{name}: is not text (not UTF-8), so neither YAML/JSON nor a page.") from exc
    if not text.strip():
        raise UnusableInput(f"{name}: is empty.")
    problem = ""
    try:
        doc = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        doc, problem = None, str(exc).splitlines()[0]
    if isinstance(doc, Mapping) and ({"openapi", "swagger", "paths"} & set(doc)):
        if not isinstance(doc.get("paths"), Mapping) or not doc["paths"]:
            raise UnusableInput(f"{name}: is not an OpenAPI document with operations (no `paths`).")
        return _openapi_source(doc, name)
    page = _page_source(text, name)
    if page is not None:
        return page
    if problem:
        raise UnusableInput(f"{name}: is not YAML or JSON ({problem}) and not an API reference page.")
    raise UnusableInput(
        f"{name}: is not an OpenAPI document (no `openapi` or `paths` key) and not an API reference page."
    )


def load_upstream(where: str) -> Source:
    """Kind A or B, from a URL, a file or a folder."""
    if where.startswith(("http://", "https://")):
        return load_document(_fetch(where), where)
    path = Path(where)
    if not path.exists():
        raise UnusableInput(f"{where}: not found.")
    if path.is_dir():
        source = read_pages(path)
        if not source.operations:
            raise UnusableInput(
                f"{where}: is a folder with no recognizable API reference page "
                f"(no `Endpoint:` line or operation index in its {len(source.skipped)} files)."
            )
        return source
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnusableInput(f"{where}: cannot be read ({exc.strerror}).") from exc
    return load_document(data, where)


def load_ours(path: Path) -> dict[Key, Operation]:
    """Our spec's operations; an unusable spec is an unusable input too."""
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
    except OSError as exc:
        raise UnusableInput(f"{path}: our spec cannot be read ({exc.strerror}).") from exc
    except yaml.YAMLError as exc:
        raise UnusableInput(f"{path}: our spec is not YAML ({str(exc).splitlines()[0]}).") from exc
    if not isinstance(doc, Mapping) or not isinstance(doc.get("paths"), Mapping):
        raise UnusableInput(f"{path}: our spec is not an OpenAPI document (no `paths`).")
    operations, _notes = read_openapi(doc)
    return operations


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    """CLI entry point."""
    from .report import render_json, render_text  # noqa: PLC0415 - keeps --help fast

    parser = argparse.ArgumentParser(
        prog="upstream.py", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--official", required=True, metavar="PATH_OR_URL", help="Sitecore's description (A or B)"
    )
    parser.add_argument(
        "--spec", type=Path, default=DEFAULT_SPEC, help="our spec (default: spec/openapi.yaml)"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write a machine-readable report here")
    parser.add_argument(
        "--only-shared",
        action="store_true",
        help="operations on one side only are listed but never counted (for partial sources)",
    )
    parser.add_argument(
        "--operations",
        default="",
        metavar="LIST",
        help="comma-separated operationIds of our spec or globs on 'METHOD /path' (e.g. 'POST /v2.1/*')",
    )
    parser.add_argument(
        "--show-tolerated", action="store_true", help="also list the tolerated (not counted) differences"
    )
    args = parser.parse_args(argv)
    try:
        ours = load_ours(args.spec)
        upstream = load_upstream(args.official)
    except UnusableInput as exc:
        print(str(exc), file=sys.stderr)
        return 2
    patterns = [p.strip() for p in args.operations.split(",") if p.strip()]
    result = compare(ours, upstream, args.only_shared, patterns)
    label = _label(args.spec)
    sys.stdout.write(render_text(result, label, args.show_tolerated))
    if args.json is not None:
        args.json.write_text(json.dumps(render_json(result, label), indent=2) + "\n", encoding="utf-8")
    return 0 if result.agree else 1
