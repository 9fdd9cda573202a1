"""Accepted deviations: a committed file that lets a team accept a known deviation, with a reason, and fail only
on new ones.

A real tenant that breaks one rule would otherwise fail every run, and a job that always fails gets switched to
"allowed to fail" and stops catching anything. The baseline lists deviations by fingerprint (operation, check
and kind of difference, findings.py: never the random request body), each with a `reason` and an optional
`expires` date. A run with `--baseline FILE` (or CDP_CONFORMANCE_BASELINE) judges every deviation it found:

- **known**: its fingerprint is in the file and the entry has not expired: reported, not failing;
- **new**: not in the file, or in it with an `expires` date that has passed (said so): exit 1 as without a baseline;
- **stale**: an entry whose operation and check the run judged without reproducing it (the target was fixed):
  a warning, exit 0, unless `--strict-baseline`; entries the run did not exercise are left alone.

`--baseline-update` merges the run's deviations into the file (existing entries keep their reasons and dates);
`--baseline-prune` drops the stale entries. A file that cannot be read or is malformed is one sentence and exit 2,
never a silent pass.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from .findings import Finding

ENV_VAR = "CDP_CONFORMANCE_BASELINE"
VERSION = 1
FILE_HEADER = """\
# Accepted deviations of the Sitecore CDP Order API contract suite (cdp-conformance run --baseline FILE).
# A deviation listed here, by fingerprint, is reported as known and does not fail the run; give each a reason.
# `expires: YYYY-MM-DD` makes an entry count as not accepted after that day. Regenerate with --baseline-update
# (existing reasons are kept), drop what the target no longer does with --baseline-prune.
"""
UPDATED_REASON = "accepted by --baseline-update on {day}: say why"


class BaselineError(Exception):
    """The baseline file cannot be used; the message is one sentence."""


class Status(StrEnum):
    """What the baseline says of a deviation, or of an entry."""

    NEW = "new"
    KNOWN = "known"
    EXPIRED = "expired"
    STALE = "stale"


@dataclass(frozen=True, slots=True)
class Entry:
    """One accepted deviation."""

    fingerprint: str
    reason: str
    operation: str = ""
    check: str = ""
    difference: str = ""
    rule: str = ""
    expires: dt.date | None = None

    def expired(self, today: dt.date) -> bool:
        """Whether the acceptance ran out before `today`."""
        return self.expires is not None and self.expires < today

    def as_dict(self) -> dict[str, Any]:
        """The entry as written to the file."""
        found: dict[str, Any] = {"fingerprint": self.fingerprint, "reason": self.reason}
        for key in ("operation", "check", "rule", "difference"):
            value = getattr(self, key)
            if value:
                found[key] = value
        if self.expires is not None:
            found["expires"] = self.expires.isoformat()
        return found


@dataclass(slots=True)
class Baseline:
    """The accepted deviations of one file (empty when the file does not exist yet and is being created)."""

    path: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    exists: bool = True

    @classmethod
    def load(cls, path: Path, *, may_be_missing: bool = False) -> Baseline:
        """Read a baseline file; BaselineError (one sentence) when it cannot be used."""
        if not path.exists():
            if may_be_missing:
                return cls(path, {}, exists=False)
            raise BaselineError(
                f"The baseline {path} does not exist; create it with --baseline-update, or leave out --baseline."
            )
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise BaselineError(f"The baseline {path} cannot be read: {exc}.") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 1})" if mark is not None else ""
            raise BaselineError(f"The baseline {path} is not valid YAML{where}.") from None
        return cls(path, _entries(path, document))

    def write(self, entries: Iterable[Entry]) -> None:
        """Write the file (sorted by fingerprint, so a diff shows what changed)."""
        ordered = sorted(entries, key=lambda e: e.fingerprint)
        body = yaml.safe_dump(
            {"version": VERSION, "accepted": [e.as_dict() for e in ordered]},
            sort_keys=False,
            allow_unicode=True,
            width=110,
        )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(FILE_HEADER + body, encoding="utf-8")
        self.entries = {e.fingerprint: e for e in ordered}
        self.exists = True


def _entries(path: Path, document: object) -> dict[str, Entry]:
    if not isinstance(document, dict) or not isinstance(document.get("accepted", []), list):
        raise BaselineError(f"The baseline {path} must be a mapping with an `accepted` list.")
    if document.get("version", VERSION) != VERSION:
        raise BaselineError(
            f"The baseline {path} has version {document.get('version')!r}; this kit reads {VERSION}."
        )
    found: dict[str, Entry] = {}
    for number, raw in enumerate(document.get("accepted") or [], start=1):
        entry = _entry(path, number, raw)
        if entry.fingerprint in found:
            raise BaselineError(f"The baseline {path} lists {entry.fingerprint} twice (entry {number}).")
        found[entry.fingerprint] = entry
    return found


def _entry(path: Path, number: int, raw: object) -> Entry:
    where = f"The baseline {path}, entry {number},"
    if not isinstance(raw, dict):
        raise BaselineError(f"{where} is not a mapping.")
    fingerprint, reason = raw.get("fingerprint"), raw.get("reason")
    if not isinstance(fingerprint, str) or fingerprint.count(":") != 2:
        raise BaselineError(
            f"{where} needs a `fingerprint` such as createOrder:status_code_conformance:3f2a9c1b."
        )
    if not isinstance(reason, str) or not reason.strip():
        raise BaselineError(f"{where} ({fingerprint}) needs a `reason`: why is this deviation accepted?")
    unknown = sorted(
        set(raw) - {"fingerprint", "reason", "operation", "check", "rule", "difference", "expires"}
    )
    if unknown:
        raise BaselineError(f"{where} ({fingerprint}) has unknown keys: {', '.join(unknown)}.")
    expires = raw.get("expires")
    if isinstance(expires, str):
        try:
            expires = dt.date.fromisoformat(expires)
        except ValueError:
            raise BaselineError(
                f"{where} ({fingerprint}) has `expires` {expires!r}, not a YYYY-MM-DD date."
            ) from None
    if expires is not None and not isinstance(expires, dt.date):
        raise BaselineError(f"{where} ({fingerprint}) has `expires` {expires!r}, not a YYYY-MM-DD date.")
    texts = {key: raw.get(key) or "" for key in ("operation", "check", "rule", "difference")}
    if not all(isinstance(v, str) for v in texts.values()):
        raise BaselineError(f"{where} ({fingerprint}) has a non-text operation, check, rule or difference.")
    return Entry(fingerprint, reason.strip(), expires=expires, **texts)


@dataclass(slots=True)
class Judgement:
    """A run's deviations and the baseline's entries, each with its status."""

    statuses: dict[str, Status] = field(default_factory=dict)
    """Every fingerprint the run found: known, new or expired."""
    stale: list[Entry] = field(default_factory=list)
    unexercised: list[Entry] = field(default_factory=list)
    entries: dict[str, Entry] = field(default_factory=dict)
    strict: bool = False
    path: Path | None = None

    def status(self, fingerprint: str) -> Status:
        """known, new or expired for a deviation of this run (new when no baseline is in use)."""
        return self.statuses.get(fingerprint, Status.NEW)

    def finding_status(self, finding: Finding) -> Status:
        """A finding is known only when every operation it touched is accepted."""
        statuses = {self.status(fp) for fp in finding.fingerprints}
        if statuses == {Status.KNOWN}:
            return Status.KNOWN
        return Status.EXPIRED if Status.EXPIRED in statuses else Status.NEW

    @property
    def new(self) -> list[str]:
        """Fingerprints that fail the run (expired ones included)."""
        return [fp for fp, s in self.statuses.items() if s is not Status.KNOWN]

    @property
    def known(self) -> list[str]:
        """Fingerprints the baseline accepted."""
        return [fp for fp, s in self.statuses.items() if s is Status.KNOWN]

    @property
    def fails(self) -> bool:
        """Whether the run fails for deviations: a new (or expired) one, or, with --strict-baseline, a stale entry."""
        return bool(self.new) or (self.strict and bool(self.stale))

    def line(self) -> str:
        """The closing line: `baseline: 3 known, 1 new, 2 stale (reports/baseline.yaml)`; "" without a baseline."""
        if self.path is None:
            return ""
        expired = sum(1 for s in self.statuses.values() if s is Status.EXPIRED)
        text = f"baseline {self.path}: {len(self.known)} known, {len(self.new)} new"
        if expired:
            text += f" ({expired} of them accepted once, the entry expired)"
        text += f", {len(self.stale)} stale"
        if self.stale:
            text += " (the target no longer does them; --baseline-prune drops them" + (
                ", and --strict-baseline fails the run for them)" if self.strict else ")"
            )
        return text

    def summary(self) -> dict[str, Any]:
        """For conformance-summary.json."""
        return {
            "file": str(self.path) if self.path is not None else None,
            "known": self.known,
            "new": self.new,
            "expired": [fp for fp, s in self.statuses.items() if s is Status.EXPIRED],
            "stale": [e.fingerprint for e in self.stale],
            "not_exercised": [e.fingerprint for e in self.unexercised],
            "strict": self.strict,
        }


def judge(
    baseline: Baseline | None,
    findings: Sequence[Finding],
    applied: Iterable[tuple[str, str]],
    *,
    strict: bool = False,
    today: dt.date | None = None,
) -> Judgement:
    """Every deviation's status, and the entries this run showed stale (`applied`: the (operation, check) pairs
    the run judged)."""
    if baseline is None:
        return Judgement({fp: Status.NEW for f in findings for fp in f.fingerprints})
    day = today or dt.date.today()
    statuses: dict[str, Status] = {}
    for finding in findings:
        for fp in finding.fingerprints:
            entry = baseline.entries.get(fp)
            if entry is None:
                statuses[fp] = Status.NEW
            else:
                statuses[fp] = Status.EXPIRED if entry.expired(day) else Status.KNOWN
    judged = set(applied)
    stale: list[Entry] = []
    unexercised: list[Entry] = []
    for fp, entry in baseline.entries.items():
        if fp in statuses:
            continue
        operation, check, _ = fp.split(":")
        (stale if (operation, check) in judged else unexercised).append(entry)
    return Judgement(statuses, stale, unexercised, dict(baseline.entries), strict, baseline.path)


def updated(baseline: Baseline, findings: Sequence[Finding], *, today: dt.date | None = None) -> list[Entry]:
    """The file's entries with every deviation of the run added (existing reasons and dates kept)."""
    day = (today or dt.date.today()).isoformat()
    entries = dict(baseline.entries)
    for finding in findings:
        for record in finding.records:
            fp = next(
                f for f in finding.fingerprints if f.startswith(f"{record.operation_id}:{record.check}:")
            )
            if fp not in entries:
                entries[fp] = Entry(
                    fp,
                    UPDATED_REASON.format(day=day),
                    operation=record.operation_id,
                    check=record.check,
                    difference=finding.difference,
                    rule=finding.rule.id or finding.rule.text,
                )
    return list(entries.values())


def pruned(baseline: Baseline, judgement: Judgement) -> list[Entry]:
    """The file's entries without the stale ones."""
    stale = {e.fingerprint for e in judgement.stale}
    return [e for fp, e in baseline.entries.items() if fp not in stale]


@dataclass(frozen=True, slots=True)
class BaselineOptions:
    """What the person asked of the baseline."""

    path: Path | None = None
    update: bool = False
    prune: bool = False
    strict: bool = False

    @classmethod
    def from_args(cls, path: Path | None, env: Mapping[str, str], **flags: bool) -> BaselineOptions:
        """`--baseline FILE`, else the environment variable; the flags need a file."""
        chosen = path or (Path(env[ENV_VAR]) if env.get(ENV_VAR) else None)
        if chosen is None and any(flags.values()):
            spelled = {
                "update": "--baseline-update",
                "prune": "--baseline-prune",
                "strict": "--strict-baseline",
            }
            named = ", ".join(spelled.get(k, k) for k, v in flags.items() if v)
            raise BaselineError(f"{named} needs --baseline FILE (or {ENV_VAR}).")
        return cls(chosen, **flags)

    def load(self) -> Baseline | None:
        """The baseline in use (None without one); a missing file is fine only when it is being created."""
        if self.path is None:
            return None
        return Baseline.load(self.path, may_be_missing=self.update)

    def cli_args(self) -> list[str]:
        """The flags that name this again (for workers and re-run lines); update and prune stay with the runner."""
        if self.path is None:
            return []
        return ["--baseline", str(self.path)] + (["--strict-baseline"] if self.strict else [])


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """--baseline and its companions (run, verify-har and proxy alike)."""
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="accepted deviations (YAML, committed): a deviation listed there is reported as known and does not fail "
        "the run; one not listed fails it (or CDP_CONFORMANCE_BASELINE)",
    )
    parser.add_argument(
        "--baseline-update",
        action="store_true",
        help="write the run's deviations into the baseline (created if missing; existing reasons are kept)",
    )
    parser.add_argument(
        "--baseline-prune",
        action="store_true",
        help="drop the baseline's stale entries: those the run tested and the target no longer does",
    )
    parser.add_argument(
        "--strict-baseline",
        action="store_true",
        help="fail the run (exit 1) for stale baseline entries too, not only for new deviations",
    )


def baseline_options(args: argparse.Namespace, env: Mapping[str, str]) -> BaselineOptions:
    """The baseline the person asked for; BaselineError when a flag needs a file that was not named."""
    return BaselineOptions.from_args(
        args.baseline,
        env,
        update=args.baseline_update,
        prune=args.baseline_prune,
        strict=args.strict_baseline,
    )
