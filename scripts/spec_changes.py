#!/usr/bin/env python3
"""Report the API changes between two versions of spec/openapi.yaml that matter to client users.

Compares operations (added/removed), parameters, request-body and success-response fields
(added/removed/retyped, required-ness) and enum values, classes each change as breaking or
not for code written against the generated client, and prints the bump it implies for the client's
version (spec/client-version), the one scripts/regenerate applies: before 1.0 a breaking change bumps
the minor and a compatible one the patch. It also warns about each operation whose request or response
changed while its provenance (`x-doc-source`, `x-doc-notes`, `x-doc-status`) did not
(scripts/provenance.py); `--strict` makes that an error (exit 1), as `nox -s lint` runs it.
scripts/regenerate uses it to set the package version; run it alone to preview a spec edit:

    scripts/spec_changes.py                 # base: the spec the committed client came from
    scripts/spec_changes.py --strict        # ... and exit 1 when an operation's provenance is stale
    scripts/spec_changes.py --rev HEAD~3    # base: spec/openapi.yaml at a git revision
    scripts/spec_changes.py --base-file old.yaml --spec new.yaml
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Literal

import yaml

if __package__ in (None, ""):  # run as a file: the repository root makes `cdp_openapi` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from cdp_openapi import refs
from scripts import provenance

ROOT = Path(__file__).resolve().parent.parent
SPEC_RELPATH = "spec/openapi.yaml"
VERSION_RELPATH = "spec/client-version"
VERSION_FILE = ROOT / VERSION_RELPATH
SPEC_MODULE = ROOT / "generated/sitecore-cdp-client/sitecore_cdp_client/_spec.py"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SUCCESS = re.compile(r"^2(\d\d|XX)$")
MAX_DEPTH = 12

Bump = Literal["major", "minor", "patch", "none"]
Direction = Literal["request", "response"]
_ORDER: dict[Bump, int] = {"none": 0, "patch": 1, "minor": 2, "major": 3}


@dataclass(frozen=True)
class Subject:
    """What a change is about, so that it can be spelt the client's way (scripts/changelog.py): an operation
    (its operationId, first tag, method and path, and every parameter it has as (location, name)), one of its
    parameters (`param`), or a field (`schema`, the component or label the report names, and `field`, the
    dotted path under it, `[]` for array items)."""

    operation: str = ""
    tag: str | None = None
    method: str = ""
    path: str = ""
    params: tuple[tuple[str, str], ...] = ()
    param: tuple[str, str] | None = None
    schema: str = ""
    field: str = ""


@dataclass(frozen=True)
class Change:
    """One user-visible difference; `breaking` means code using the old client may stop working."""

    breaking: bool
    where: str
    message: str
    subject: Subject | None = None

    def line(self) -> str:
        """One report line."""
        return f"  {'BREAKING' if self.breaking else 'compatible'}  {self.where}: {self.message}"


@dataclass(frozen=True)
class Field:
    """A flattened schema location: its type, whether it must be present, its enum values."""

    type: str
    required: bool
    enum: frozenset[str] | None


@dataclass(frozen=True)
class Report:
    """All changes plus the bump they imply for a version of 1.0 or later (`applied_bump` says what it is
    before 1.0), and the operations whose request or response changed while their provenance did not."""

    changes: tuple[Change, ...]
    bump: Bump
    stale_provenance: tuple[provenance.Stale, ...] = ()

    @property
    def breaking(self) -> tuple[Change, ...]:
        """Only the breaking changes."""
        return tuple(c for c in self.changes if c.breaking)


class _Resolver:
    """Follows local `$ref`s of one document (the project's one resolver, `cdp_openapi.refs`)."""

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self.doc = doc

    def deref(self, node: Any) -> tuple[Any, str | None]:
        """Return the referenced node and its component name (None when inline); a broken reference (a cycle,
        a pointer to nothing, a remote one) reads as an empty schema."""
        followed = refs.follow(self.doc, node)
        return ({} if followed.broken else followed.node), followed.name


def _variants(schema: Mapping[str, Any]) -> list[Any]:
    return [*schema.get("anyOf", []), *schema.get("oneOf", [])]


def _type_of(schema: Any, resolver: _Resolver, depth: int = 0) -> str:  # noqa: PLR0911 - one return per kind
    """A normalized type description (enum values are compared separately)."""
    schema, name = resolver.deref(schema)
    if not isinstance(schema, Mapping) or depth > MAX_DEPTH:
        return "any"
    variants = _variants(schema)
    if variants:
        parts = sorted({_type_of(v, resolver, depth + 1) for v in variants})
        return " | ".join(parts)
    kind = schema.get("type")
    if isinstance(kind, list):
        return " | ".join(sorted(str(k) for k in kind))
    if kind == "array":
        return f"array[{_type_of(schema.get('items', {}), resolver, depth + 1)}]"
    if kind == "object" or "properties" in schema:
        return f"object({name})" if name else "object"
    if kind is None:
        return "any"
    fmt = schema.get("format")
    return f"{kind}({fmt})" if fmt else str(kind)


def _enum_of(schema: Any, resolver: _Resolver) -> frozenset[str] | None:
    schema, _ = resolver.deref(schema)
    if not isinstance(schema, Mapping):
        return None
    values: set[str] = set()
    found = False
    if "enum" in schema:
        found = True
        values.update(str(v) for v in schema["enum"] if v is not None)
    for variant in _variants(schema):
        inner = _enum_of(variant, resolver)
        if inner is not None:
            found = True
            values.update(inner)
    return frozenset(values) if found else None


def _flatten(
    schema: Any, resolver: _Resolver, path: str = "", required: bool = True, depth: int = 0
) -> Iterator[tuple[str, Field]]:
    """Every field under a schema as (dotted path, Field); array items use `path[]`."""
    schema, _ = resolver.deref(schema)
    if not isinstance(schema, Mapping) or depth > MAX_DEPTH:
        return
    if path:
        yield path, Field(_type_of(schema, resolver), required, _enum_of(schema, resolver))
    variants = _variants(schema)
    for variant in variants:
        yield from _flatten(variant, resolver, path, required=False, depth=depth + 1)
    required_names = set(schema.get("required", []))
    for name, sub in (schema.get("properties") or {}).items():
        child = f"{path}.{name}" if path else str(name)
        yield from _flatten(sub, resolver, child, name in required_names, depth + 1)
    if schema.get("type") == "array" and "items" in schema:
        yield from _flatten(schema["items"], resolver, f"{path}[]", True, depth + 1)


def _fields(schema: Any, resolver: _Resolver) -> dict[str, Field]:
    """Flattened fields; a path reached through several anyOf variants is merged."""
    merged: dict[str, Field] = {}
    for path, field in _flatten(schema, resolver):
        old = merged.get(path)
        if old is None:
            merged[path] = field
            continue
        enum = (
            old.enum | field.enum
            if old.enum is not None and field.enum is not None
            else old.enum or field.enum
        )
        types = sorted(set(old.type.split(" | ")) | set(field.type.split(" | ")))
        merged[path] = Field(" | ".join(types), old.required or field.required, enum)
    return merged


@dataclass(frozen=True)
class _Operation:
    key: str
    label: str
    params: dict[str, Field]
    request: tuple[str, dict[str, Field]] | None
    response: tuple[str, dict[str, Field]] | None
    statuses: tuple[str, ...]
    query_rules: frozenset[str] = frozenset()
    request_closed: bool | None = None
    deprecated: bool = False
    subject: Subject = Subject()

    def about(self, param: tuple[str, str] | None = None) -> Subject:
        """The operation as a change's subject, or one of its parameters."""
        return replace(self.subject, param=param) if param else self.subject


def _operations(doc: Mapping[str, Any]) -> dict[str, _Operation]:
    resolver = _Resolver(doc)
    result: dict[str, _Operation] = {}
    for path, raw_item in (doc.get("paths") or {}).items():
        item, _ = resolver.deref(raw_item)
        if not isinstance(item, Mapping):
            continue
        shared = list(item.get("parameters", []))
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, Mapping):
                continue
            key = str(op.get("operationId") or f"{method.upper()} {path}")
            params: dict[str, Field] = {}
            for raw in [*shared, *op.get("parameters", [])]:
                param, _ = resolver.deref(raw)
                if isinstance(param, Mapping) and "name" in param:
                    schema = param.get("schema", {})
                    params[f"{param.get('in', '?')} {param['name']}"] = Field(
                        _type_of(schema, resolver), bool(param.get("required")), _enum_of(schema, resolver)
                    )
            tags = op.get("tags") or [None]
            subject = Subject(
                key,
                None if tags[0] is None else str(tags[0]),
                method.upper(),
                str(path),
                tuple((where, name) for where, _, name in (p.partition(" ") for p in params)),
            )
            request = None
            closed = None
            body, _ = resolver.deref(op.get("requestBody"))
            if isinstance(body, Mapping):
                media = (body.get("content") or {}).get("application/json")
                if isinstance(media, Mapping) and "schema" in media:
                    schema, name = resolver.deref(media["schema"])
                    request = (name or f"{key} request", _fields(media["schema"], resolver))
                    closed = isinstance(schema, Mapping) and schema.get("additionalProperties") is False
            rules = frozenset(_rule_text(rule) for rule in op.get("x-query-rules") or ())
            statuses: list[str] = []
            names: list[str] = []
            fields: dict[str, Field] = {}
            for status, raw in sorted((op.get("responses") or {}).items()):
                if not SUCCESS.match(str(status)):
                    continue
                statuses.append(str(status))
                response, _ = resolver.deref(raw)
                media = ((response or {}).get("content") or {}).get("application/json")
                if isinstance(media, Mapping) and "schema" in media:
                    _, name = resolver.deref(media["schema"])
                    names.append(name or f"{key} {status}")
                    fields.update(_fields(media["schema"], resolver))
                else:
                    names.append("no body")
            response_part = (" | ".join(sorted(set(names))), fields) if statuses else None
            label = f"{key} ({method.upper()} {path})"
            result[key] = _Operation(
                key,
                label,
                params,
                request,
                response_part,
                tuple(statuses),
                rules,
                closed,
                op.get("deprecated") is True,
                subject,
            )
    return result


def _rule_text(rule: Any) -> str:
    """One `x-query-rules` entry in words (rules the client checks before sending)."""
    if not isinstance(rule, Mapping):
        return json.dumps(rule, sort_keys=True)
    kind = rule.get("rule")
    if kind in ("exactly-one", "at-least-one"):
        return f"{kind.replace('-', ' ')} of {', '.join(map(str, rule.get('params') or ()))}"
    if kind == "requires":
        return f"{rule.get('param')}={rule.get('value')} requires {rule.get('requires')}"
    return json.dumps(dict(rule), sort_keys=True)


def _compare_rules(before: _Operation, after: _Operation) -> Iterator[Change]:
    """A new query rule refuses calls that used to be sent (breaking); a dropped one refuses fewer."""
    on = after.about()
    for text in sorted(after.query_rules - before.query_rules):
        yield Change(True, after.label, f"query rule added: {text}", on)
    for text in sorted(before.query_rules - after.query_rules):
        yield Change(False, after.label, f"query rule removed: {text}", on)
    if before.request_closed is True and after.request_closed is False:
        yield Change(False, after.label, "request body now accepts unknown fields", on)
    if before.request_closed is False and after.request_closed is True:
        yield Change(True, after.label, "request body now refuses unknown fields", on)


def _compare_fields(
    where: str, old: dict[str, Field], new: dict[str, Field], direction: Direction, schema: str = ""
) -> Iterator[Change]:
    """Field rules, from the point of view of code using the generated models."""

    def on(path: str) -> Subject:
        return Subject(schema=schema or where, field=path)

    for path in sorted(old.keys() - new.keys()):
        # Removing a field removes a model attribute / constructor argument.
        yield Change(True, f"{where}.{path}", f"{direction} field removed", on(path))
    for path in sorted(new.keys() - old.keys()):
        field = new[path]
        breaking = direction == "request" and field.required
        what = "required" if field.required else "optional"
        yield Change(breaking, f"{where}.{path}", f"{direction} field added ({what}, {field.type})", on(path))
    for path in sorted(old.keys() & new.keys()):
        before, after = old[path], new[path]
        if before.type != after.type:
            yield Change(True, f"{where}.{path}", f"type changed: {before.type} -> {after.type}", on(path))
        if before.required != after.required:
            # Requests: callers must now pass it. Responses: readers must now handle its absence.
            breaking = after.required if direction == "request" else not after.required
            change = "optional -> required" if after.required else "required -> optional"
            yield Change(breaking, f"{where}.{path}", f"{direction} field {change}", on(path))
        yield from _compare_enum(f"{where}.{path}", before.enum, after.enum, on(path))


def _compare_enum(
    where: str, old: frozenset[str] | None, new: frozenset[str] | None, subject: Subject
) -> Iterator[Change]:
    if old is None or new is None:
        if old != new:
            now = "now an enum" if new is not None else "no longer an enum"
            yield Change(new is not None, where, now, subject)
        return
    if removed := sorted(old - new):
        yield Change(True, where, f"enum values removed: {', '.join(removed)}", subject)
    if added := sorted(new - old):
        # The generated enums accept unknown values, so old clients keep decoding responses.
        yield Change(False, where, f"enum values added: {', '.join(added)}", subject)


def _compare_params(before: _Operation, after: _Operation) -> Iterator[Change]:
    """Parameter rules: a removed, new required or retyped parameter breaks callers."""
    key, old, new = after.key, before.params, after.params

    def on(name: str, op: _Operation = after) -> Subject:
        location, _, param = name.partition(" ")
        return op.about((location, param))

    for name in sorted(old.keys() - new.keys()):
        yield Change(True, f"{key} parameter {name}", "parameter removed", on(name, before))
    for name in sorted(new.keys() - old.keys()):
        required = new[name].required
        what = f"{'required' if required else 'optional'} parameter added"
        yield Change(required, f"{key} parameter {name}", what, on(name))
    for name in sorted(old.keys() & new.keys()):
        p_old, p_new = old[name], new[name]
        if p_old.type != p_new.type:
            yield Change(
                True, f"{key} parameter {name}", f"type changed: {p_old.type} -> {p_new.type}", on(name)
            )
        if p_old.required != p_new.required:
            yield Change(
                p_new.required,
                f"{key} parameter {name}",
                "optional -> required" if p_new.required else "required -> optional",
                on(name),
            )
        yield from _compare_enum(f"{key} parameter {name}", p_old.enum, p_new.enum, on(name))


def compare(old_doc: Mapping[str, Any], new_doc: Mapping[str, Any]) -> Report:
    """All user-relevant changes from old_doc to new_doc and the bump they imply."""
    old_ops, new_ops = _operations(old_doc), _operations(new_doc)
    changes: list[Change] = []
    for key in sorted(old_ops.keys() - new_ops.keys()):
        changes.append(Change(True, old_ops[key].label, "operation removed", old_ops[key].about()))
    for key in sorted(new_ops.keys() - old_ops.keys()):
        changes.append(Change(False, new_ops[key].label, "operation added", new_ops[key].about()))
    seen_schemas: set[tuple[str, str, Direction]] = set()
    for key in sorted(old_ops.keys() & new_ops.keys()):
        before, after = old_ops[key], new_ops[key]
        where, on = after.label, after.about()
        if before.label != after.label:
            changes.append(Change(True, where, f"method or path changed (was {before.label})", on))
        changes.extend(_compare_params(before, after))
        changes.extend(_compare_rules(before, after))
        if before.deprecated != after.deprecated:
            changes.append(
                Change(
                    False,
                    where,
                    "operation deprecated" if after.deprecated else "operation no longer deprecated",
                    on,
                )
            )
        if before.statuses != after.statuses:
            statuses = f"success status {'/'.join(before.statuses)} -> {'/'.join(after.statuses)}"
            changes.append(Change(False, where, statuses, on))
        pairs: list[
            tuple[Direction, tuple[str, dict[str, Field]] | None, tuple[str, dict[str, Field]] | None]
        ] = [
            ("request", before.request, after.request),
            ("response", before.response, after.response),
        ]
        for direction, old_part, new_part in pairs:
            if old_part is None and new_part is None:
                continue
            if old_part is None or new_part is None:
                # A body argument appears or disappears; a response body appears (compatible)
                # or disappears (callers reading it break).
                breaking = direction == "request" or new_part is None
                body = f"{direction} body {'added' if old_part is None else 'removed'}"
                changes.append(Change(breaking, where, body, on))
                continue
            if old_part[0] != new_part[0]:
                schema = f"{direction} schema changed: {old_part[0]} -> {new_part[0]}"
                changes.append(Change(True, where, schema, on))
            label = new_part[0] if old_part[0] == new_part[0] else f"{new_part[0]} (was {old_part[0]})"
            marker = (label, json.dumps(sorted(old_part[1])) + json.dumps(sorted(new_part[1])), direction)
            if marker in seen_schemas:
                continue  # the same schema pair is reported once, not once per operation
            seen_schemas.add(marker)
            changes.extend(_compare_fields(label, old_part[1], new_part[1], direction, new_part[0]))
    return Report(
        tuple(changes), implied_bump(changes, old_doc != new_doc), provenance.stale(old_doc, new_doc)
    )


def implied_bump(changes: list[Change] | tuple[Change, ...], text_changed: bool) -> Bump:
    """major for any breaking change, minor for compatible API changes, patch for anything else."""
    if any(c.breaking for c in changes):
        return "major"
    if changes:
        return "minor"
    return "patch" if text_changed else "none"


def _semver(version: str) -> tuple[int, int, int]:
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", version.strip())
    if not match:
        raise ValueError(f"version {version!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = (int(g) for g in match.groups())
    return major, minor, patch


def applied_bump(version: str, bump: Bump) -> tuple[Bump, str]:
    """The bump `bump_version` applies to `version` for changes that imply `bump`, and why it is another one
    ("" when it is not): before 1.0 a breaking change bumps the minor and a compatible one the patch."""
    if _semver(version)[0] == 0 and bump == "major":
        return "minor", "0.x: a breaking change bumps the minor"
    if _semver(version)[0] == 0 and bump == "minor":
        return "patch", "0.x: a compatible change bumps the patch"
    return bump, ""


def bump_version(version: str, bump: Bump) -> str:
    """Apply the bump `bump` implies for `version` (`applied_bump`: before 1.0.0 a breaking change bumps the
    minor and anything else the patch)."""
    major, minor, patch = _semver(version)
    applied, _ = applied_bump(version, bump)
    if applied == "major":
        return f"{major + 1}.0.0"
    if applied == "minor":
        return f"{major}.{minor + 1}.0"
    if applied == "patch":
        return f"{major}.{minor}.{patch + 1}"
    return version.strip()


@dataclass(frozen=True)
class VersionStep:
    """What a report does to the client's version: `old` (the base's) -> `new`, by the `bump` applied, and
    `why` that bump is not the report's own, or why `new` is not what the report implies ("" when neither)."""

    old: str
    new: str
    bump: Bump
    why: str = ""

    def line(self) -> str:
        """The report's version line."""
        return f"Version: {self.old} -> {self.new}" if self.new != self.old else f"Version: {self.old} (kept)"


def version_step(report: Report, base_version: str, current: str | None = None) -> VersionStep:
    """The version scripts/regenerate gives the client for `report`: `base_version` (the version of the client
    generated from the base spec) bumped as the report implies; when `current` (spec/client-version) has been
    changed by hand since to something else, regenerate keeps it, and `why` says so."""
    bump, why = applied_bump(base_version, report.bump)
    implied = bump_version(base_version, report.bump)
    if current is None or current.strip() in (base_version.strip(), implied):
        return VersionStep(base_version.strip(), implied, bump, why)
    implies = f"the changes imply {implied}" if implied != base_version.strip() else "nothing implies a bump"
    return VersionStep(
        base_version.strip(),
        current.strip(),
        bump,
        f"{why + '; ' if why else ''}{implies}, but {VERSION_RELPATH} was changed by hand to {current.strip()}, "
        "and regenerate keeps it",
    )


PROVENANCE_HINT = "update x-doc-notes / x-doc-source"


def provenance_lines(report: Report, strict: bool = False) -> list[str]:
    """One line per operation whose request or response changed while its provenance did not."""
    level = "ERROR" if strict else "WARNING"
    return [
        f"  {level}  operation {s.label} changed ({s.what()}) but its provenance did not: {PROVENANCE_HINT}"
        for s in report.stale_provenance
    ]


def format_report(
    report: Report, base: str, target: str, step: VersionStep | None = None, strict: bool = False
) -> str:
    """Human-readable report, breaking changes first, then the operations whose provenance is stale, then the
    bump: with `step`, the one applied to the client's version (the same as the version line's)."""
    lines = [f"API changes from {base} to {target}:"]
    ordered = sorted(report.changes, key=lambda c: (not c.breaking, c.where))
    lines.extend(c.line() for c in ordered) if ordered else lines.append("  (none)")
    if report.stale_provenance:
        count = len(report.stale_provenance)
        lines.append(f"Provenance not brought up to date ({count} operation{'s' if count > 1 else ''}):")
        lines.extend(provenance_lines(report, strict))
    counts = f"{len(report.breaking)} breaking, {len(report.changes)} total"
    if step is None:
        lines.append(f"Implied bump: {report.bump} ({counts})")
    else:
        lines.append(f"Implied bump: {step.bump} ({counts}{'; ' + step.why if step.why else ''})")
        lines.append(step.line())
    return "\n".join(lines)


def _git(*args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True).stdout  # noqa: S607


def spec_at(rev: str) -> bytes:
    """spec/openapi.yaml as committed at a revision."""
    return _git("show", f"{rev}:{SPEC_RELPATH}")


def committed_fingerprint(spec_module: Path = SPEC_MODULE) -> tuple[str, str] | None:
    """(SPEC_SHA256, __version__) recorded in the committed client, if there is one."""
    if not spec_module.is_file():
        return None
    text = spec_module.read_text(encoding="utf-8")
    sha = re.search(r'^SPEC_SHA256 = "([0-9a-f]{64})"', text, re.M)
    version = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if not sha or not version:
        return None
    return sha.group(1), version.group(1)


def find_revision(spec_sha256: str, max_revisions: int = 500) -> str | None:
    """Newest commit whose spec/openapi.yaml has this sha256 (where the client was generated from)."""
    try:
        revisions = _git("log", f"-{max_revisions}", "--format=%H", "--", SPEC_RELPATH).decode().split()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None
    for rev in revisions:
        try:
            if hashlib.sha256(spec_at(rev)).hexdigest() == spec_sha256:
                return rev
        except subprocess.CalledProcessError:
            continue
    return None


def version_at(rev: str) -> str | None:
    """spec/client-version as committed at a revision (None when it has none)."""
    try:
        return _git("show", f"{rev}:{VERSION_RELPATH}").decode().strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None


def default_base_with_version() -> tuple[str, bytes, str | None] | None:
    """`default_base` and the version of the client generated from it: the committed client's own, or for
    HEAD's spec, HEAD's spec/client-version."""
    fingerprint = committed_fingerprint()
    if fingerprint is not None:
        rev = find_revision(fingerprint[0])
        if rev is not None:
            return f"{rev[:12]}:{SPEC_RELPATH} (committed client)", spec_at(rev), fingerprint[1]
    try:
        return f"HEAD:{SPEC_RELPATH}", spec_at("HEAD"), version_at("HEAD")
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None


def default_base() -> tuple[str, bytes] | None:
    """The spec the committed client was generated from, else HEAD's, as (label, bytes)."""
    found = default_base_with_version()
    return None if found is None else found[:2]


def load(data: bytes | str) -> dict[str, Any]:
    """Parse a YAML or JSON OpenAPI document."""
    doc = yaml.safe_load(data)
    if not isinstance(doc, dict):
        raise ValueError("not an OpenAPI document (top level is not a mapping)")
    return doc


def main(argv: list[str] | None = None) -> int:
    """CLI entry point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--rev", help="git revision of the base spec (default: the committed client's, else HEAD)"
    )
    source.add_argument("--base-file", type=Path, help="base spec file instead of a git revision")
    parser.add_argument(
        "--spec", type=Path, default=ROOT / SPEC_RELPATH, help="new spec (default: working spec)"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when an operation's request or response changed while its x-doc-source, x-doc-notes and "
        "x-doc-status did not (a warning otherwise)",
    )
    parser.add_argument(
        "--version-file",
        type=Path,
        default=VERSION_FILE,
        help="the client's current version (default: spec/client-version)",
    )
    parser.add_argument(
        "--from-version",
        help="version of the client generated from the base spec (default: the committed client's for the "
        "default base, spec/client-version at --rev, else the version file's)",
    )
    args = parser.parse_args(argv)

    current = args.version_file.read_text(encoding="utf-8").strip() if args.version_file.is_file() else None
    if args.base_file is not None:
        base_label, base, base_version = str(args.base_file), args.base_file.read_bytes(), current
    elif args.rev is not None:
        base_label, base = f"{args.rev}:{SPEC_RELPATH}", spec_at(args.rev)
        base_version = version_at(args.rev) or current
    else:
        found = default_base_with_version()
        if found is None:
            print(
                "no base spec: not in a git checkout with a committed spec; use --base-file", file=sys.stderr
            )
            return 2
        base_label, base, base_version = found
    report = compare(load(base), load(args.spec.read_bytes()))
    if args.from_version:  # the version is given: nothing to compare spec/client-version with
        base_version, current = args.from_version, None
    base_version = base_version or current
    step = version_step(report, base_version, current) if base_version else None
    if args.json:
        print(
            json.dumps(
                {
                    "bump": step.bump if step else report.bump,
                    "why": step.why if step else "",
                    "version": {"from": step.old, "to": step.new} if step else None,
                    "changes": [asdict(c) for c in report.changes],
                    "stale_provenance": [asdict(s) for s in report.stale_provenance],
                },
                indent=2,
            )
        )
    else:
        print(format_report(report, base_label, str(args.spec), step, strict=args.strict))
    if args.strict and report.stale_provenance:
        count = len(report.stale_provenance)
        print(
            f"spec_changes: {count} operation{'s' if count > 1 else ''} changed but "
            f"{'their' if count > 1 else 'its'} provenance did not (--strict): {PROVENANCE_HINT}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
