#!/usr/bin/env python3
"""Regenerate generated/sitecore-cdp-client from spec/openapi.yaml, or check that it is current.

The only writer of generated/. It runs the exactly pinned openapi-python-client and ruff with
--fail-on-warning (the generator otherwise drops models and endpoints with exit 0), the config
spec/openapi-python-client.yaml and the templates in spec/templates/, into a temporary
directory; adds the hand-written modules from client_runtime/, _spec.py (spec sha256 +
version) and the repository's LICENSE; then replaces the committed tree, or with --check
compares it file by file and fails naming every differing, missing or extra file.

When the spec changed since the committed client, the version in spec/client-version is
bumped as scripts/spec_changes.py implies (edit that file by hand for template-only changes;
a version changed by hand is kept), and a version seen for the first time gets its entry in
spec/client-changelog.md, from the same report (scripts/changelog.py); the package ships that
file as CHANGELOG.md. The report it prints warns about each changed operation whose provenance
(`x-doc-*`) did not change; `--strict` refuses to regenerate (or to pass `--check`) then.

    scripts/regenerate            # regenerate in place
    scripts/regenerate --check    # CI: fail when generated/ is stale
    scripts/regenerate --strict   # ... and refuse while a changed operation's provenance is stale
"""

from __future__ import annotations

import argparse
import datetime
import filecmp
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):  # run as a file: the repository root makes `scripts` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts import changelog, spec_changes

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec/openapi.yaml"
CONFIG = ROOT / "spec/openapi-python-client.yaml"
TEMPLATES = ROOT / "spec/templates"
VERSION_FILE = ROOT / "spec/client-version"
OUTPUT = ROOT / "generated/sitecore-cdp-client"
PACKAGE = "sitecore_cdp_client"
LICENSE = ROOT / "LICENSE"
STATIC = ROOT / "client_runtime"  # the hand-written client layer, copied into the package

# Exact pins: a different generator or ruff changes the output and breaks the drift check.
# tests/client/test_regenerate.py checks these against pyproject.toml's `generate` group.
GENERATOR_VERSION = "0.29.1"
RUFF_VERSION = "0.17.0"

# Never part of the comparison (build and tool caches a developer may leave behind).
IGNORED_NAMES = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "dist", "build"}
IGNORED_SUFFIXES = (".pyc", ".egg-info")


# How compare_trees' labels read once the fresh tree has replaced the committed one.
_APPLIED = {"missing": "added:", "extra": "removed:", "differs": "changed:"}


class RegenerateError(Exception):
    """A precondition or the generator failed; the message says what to do."""


def _find_ruff() -> Path:
    """The ruff beside this interpreter (the venv's), else the first on PATH, at the pinned version."""
    candidates = [Path(sys.executable).parent / "ruff"]
    on_path = shutil.which("ruff")
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            out = subprocess.run(
                [str(candidate), "--version"], capture_output=True, text=True, check=False
            ).stdout.strip()
            if out == f"ruff {RUFF_VERSION}":
                return candidate
            raise RegenerateError(
                f"{candidate} is {out or 'unknown'}, need ruff {RUFF_VERSION} exactly "
                f"(install the `generate` dependency group: uv pip install ruff=={RUFF_VERSION})"
            )
    raise RegenerateError(f"ruff not found; install ruff=={RUFF_VERSION} (the `generate` dependency group)")


def _check_generator() -> None:
    try:
        found = importlib.metadata.version("openapi-python-client")
    except importlib.metadata.PackageNotFoundError:
        found = None
    if found != GENERATOR_VERSION:
        raise RegenerateError(
            f"openapi-python-client {found or 'is not installed'} in {sys.executable}; need "
            f"{GENERATOR_VERSION} exactly (install the `generate` dependency group)"
        )


def _load_config(version: str) -> dict[str, Any]:
    """The generator config plus the package version, refusing keys the generator would ignore."""
    from openapi_python_client.config import ConfigFile  # noqa: PLC0415 - only after the version check

    data = yaml.safe_load(CONFIG.read_text(encoding="utf-8")) or {}
    unknown = sorted(set(data) - set(ConfigFile.model_fields))
    if unknown:
        raise RegenerateError(f"{CONFIG.name}: unknown keys {unknown} (the generator would ignore them)")
    if "package_version_override" in data:
        raise RegenerateError(f"{CONFIG.name}: set the version in {VERSION_FILE.name}, not in the config")
    return {**data, "package_version_override": version}


# The x-query-rules vocabulary the client's _query_rules.check understands: rule -> its keys.
QUERY_RULE_KEYS = {
    "exactly-one": {"rule", "params"},
    "at-least-one": {"rule", "params"},
    "requires": {"rule", "param", "value", "requires"},
}


def query_rules(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Each operation's `x-query-rules` (what no OpenAPI parameter can state), by generated function name."""
    rules: dict[str, list[dict[str, Any]]] = {}
    for item in (document.get("paths") or {}).values():
        for operation in item.values():
            if not isinstance(operation, dict) or not operation.get("x-query-rules"):
                continue
            op_id = str(operation.get("operationId"))
            for rule in operation["x-query-rules"]:
                keys = QUERY_RULE_KEYS.get(str(rule.get("rule"))) if isinstance(rule, dict) else None
                if (
                    keys is None
                    or set(rule) != keys
                    or not all(
                        isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v))
                        for v in rule.values()
                    )
                ):
                    raise RegenerateError(
                        f"{op_id}: x-query-rules entry {rule!r} is not one of {sorted(QUERY_RULE_KEYS)} "
                        "with exactly its keys and string values"
                    )
            rules[_snake(op_id)] = list(operation["x-query-rules"])
    return dict(sorted(rules.items()))


def _snake(operation_id: str) -> str:
    """The generated function's name for an operationId (`legacyListOrders` -> `legacy_list_orders`)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", operation_id).lower()


def _spec_module(version: str, sha256: str, rules: dict[str, list[dict[str, Any]]]) -> str:
    return (
        '"""The OpenAPI document this package was generated from (written by scripts/regenerate)."""\n'
        "\n"
        "from typing import Any\n"
        "\n"
        f'__version__ = "{version}"\n'
        f'SPEC_SHA256 = "{sha256}"\n'
        f'GENERATOR = "openapi-python-client {GENERATOR_VERSION}"\n'
        "\n"
        "# x-query-rules of the spec, by function name (checked by _query_rules before a request is sent).\n"
        f"QUERY_RULES: dict[str, list[dict[str, Any]]] = {json.dumps(rules, indent=4)}\n"
    )


def _decide_version(
    spec_bytes: bytes, version_file: Path, output: Path, *, announce: bool, strict: bool = False
) -> tuple[str, spec_changes.Report | None]:
    """Keep the version while the spec is unchanged; otherwise bump as the change report implies
    (spec_changes.version_step: the report prints the bump applied), or keep a version changed by hand since
    the last generation. Returns the version and the report that decided it (None when no report was made).
    `strict`: a changed operation whose provenance did not change is an error (the report goes to stderr)."""
    current = version_file.read_text(encoding="utf-8").strip()
    spec_changes.bump_version(current, "none")  # validates MAJOR.MINOR.PATCH
    committed = spec_changes.committed_fingerprint(output / PACKAGE / "_spec.py")
    sha = hashlib.sha256(spec_bytes).hexdigest()
    if committed is None or committed[0] == sha:
        return current, None
    committed_sha, committed_version = committed
    rev = spec_changes.find_revision(committed_sha)
    if rev is None:
        if current != committed_version:
            return current, None  # already bumped by hand (or by an earlier run) since the last generation
        if announce:
            print(f"no commit has the spec the committed client was built from; patch bump of {current}")
        return spec_changes.bump_version(current, "patch"), None
    report = spec_changes.compare(spec_changes.load(spec_changes.spec_at(rev)), spec_changes.load(spec_bytes))
    step = spec_changes.version_step(report, committed_version, current)
    stale = strict and bool(report.stale_provenance)
    if announce or stale:
        text = spec_changes.format_report(
            report, f"{rev[:12]}:{spec_changes.SPEC_RELPATH}", "working spec", step, strict=strict
        )
        print(text, file=sys.stderr if stale else sys.stdout)
    if stale:
        count = len(report.stale_provenance)
        raise RegenerateError(
            f"{count} changed operation{'s' if count > 1 else ''} kept {'their' if count > 1 else 'its'} "
            f"provenance (--strict): {spec_changes.PROVENANCE_HINT}, then run again"
        )
    return step.new, report


def _changelog(kept: Path, version: str, report: spec_changes.Report | None) -> str:
    """The kept changelog with an entry for `version` when it has none yet (today's date, from the report)."""
    text = changelog.read(kept)
    if changelog.has_entry(text, version):
        return text
    today = datetime.datetime.now(datetime.UTC).date()
    return changelog.insert(text, changelog.entry(version, report, today))


def _generate(spec: Path, version: str, sha256: str, workdir: Path, history: str) -> Path:
    ruff = _find_ruff()
    config_path = workdir / "config.json"
    config_path.write_text(json.dumps(_load_config(version)), encoding="utf-8")
    out = workdir / OUTPUT.name
    env = {**os.environ, "PATH": f"{ruff.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("RUFF_CACHE_DIR", None)
    cmd = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(spec),
        "--config",
        str(config_path),
        "--custom-template-path",
        str(TEMPLATES),
        "--meta",
        "uv",
        "--output-path",
        str(out),
        "--fail-on-warning",
    ]
    result = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RegenerateError(
            f"openapi-python-client failed (exit {result.returncode}); nothing was written.\n"
            f"{result.stdout}{result.stderr}"
        )
    package_dir = out / PACKAGE
    for source in sorted(STATIC.glob("*.py")):
        target = package_dir / source.name
        if target.exists():
            raise RegenerateError(f"hand-written {source.relative_to(ROOT)} would overwrite a generated file")
        shutil.copyfile(source, target)
    # The license ships in the wheel and the sdist (license-files in the template's pyproject.toml).
    shutil.copyfile(LICENSE, out / LICENSE.name)
    (out / "CHANGELOG.md").write_text(history, encoding="utf-8")
    rules = query_rules(yaml.safe_load(spec.read_text(encoding="utf-8")))
    (package_dir / "_spec.py").write_text(_spec_module(version, sha256, rules), encoding="utf-8")
    for junk in sorted(out.rglob("*")):
        if junk.is_dir() and junk.name in {".ruff_cache", "__pycache__"}:
            shutil.rmtree(junk)
    return out


def _files(tree: Path) -> set[str]:
    if not tree.is_dir():
        return set()
    found = set()
    for path in tree.rglob("*"):
        parts = path.relative_to(tree).parts
        if any(p in IGNORED_NAMES or p.endswith(IGNORED_SUFFIXES) for p in parts) or not path.is_file():
            continue
        found.add(path.relative_to(tree).as_posix())
    return found


def compare_trees(fresh: Path, committed: Path) -> list[str]:
    """One line per file that differs, is missing from `committed`, or should not be there."""
    new, old = _files(fresh), _files(committed)
    problems = [f"missing:  {p}" for p in sorted(new - old)]
    problems += [f"extra:    {p}" for p in sorted(old - new)]
    problems += [
        f"differs:  {p}"
        for p in sorted(new & old)
        if not filecmp.cmp(fresh / p, committed / p, shallow=False)
    ]
    return problems


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; returns the process exit code."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed tree, change nothing"
    )
    parser.add_argument(
        "--spec", type=Path, default=SPEC, help="OpenAPI document (default: spec/openapi.yaml)"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help="generated project directory")
    parser.add_argument("--version-file", type=Path, default=VERSION_FILE, help="current package version")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail, writing nothing, when an operation's request or response changed but its x-doc-* did not",
    )
    parser.add_argument(
        "--changelog",
        type=Path,
        help="the kept changelog, written with the version (default: client-changelog.md beside the version file)",
    )
    args = parser.parse_args(argv)
    kept: Path = args.changelog or args.version_file.parent / changelog.CHANGELOG.name
    started = time.perf_counter()
    output: Path = args.output.resolve()
    try:
        _check_generator()
        if not args.spec.is_file():
            raise RegenerateError(f"spec not found: {args.spec}")
        spec_bytes = args.spec.read_bytes()
        sha256 = hashlib.sha256(spec_bytes).hexdigest()
        version, report = _decide_version(
            spec_bytes, args.version_file, output, announce=not args.check, strict=args.strict
        )
        history = _changelog(kept, version, report)
        with tempfile.TemporaryDirectory(prefix="cdp-regenerate-") as tmp:
            fresh = _generate(args.spec.resolve(), version, sha256, Path(tmp), history)
            problems = compare_trees(fresh, output)
            elapsed = time.perf_counter() - started
            if args.check:
                if problems:
                    rel = output.relative_to(ROOT) if output.is_relative_to(ROOT) else output
                    print(f"{rel} is stale ({len(problems)} files); run scripts/regenerate:", file=sys.stderr)
                    print("\n".join(f"  {p}" for p in problems), file=sys.stderr)
                    return 1
                print(f"generated client is up to date ({elapsed:.2f}s)")
                return 0
            if not problems:
                print(f"no change: generated client already matches the spec ({elapsed:.2f}s)")
                return 0
            if output.exists():
                shutil.rmtree(output)
            output.parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(fresh, output)
        if args.version_file.read_text(encoding="utf-8").strip() != version:
            args.version_file.write_text(version + "\n", encoding="utf-8")
        if changelog.read(kept) != history:
            kept.write_text(history, encoding="utf-8")
        for problem in problems:
            label, path = problem.split(":", 1)
            print(f"  {_APPLIED[label]:<9}{path.strip()}")
        print(f"regenerated {len(problems)} files, version {version} ({time.perf_counter() - started:.2f}s)")
        return 0
    except RegenerateError as err:
        print(f"regenerate: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
