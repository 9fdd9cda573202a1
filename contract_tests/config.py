"""Load and vet conformance.toml, the suite's one configuration, and turn it into schemathesis config.

The file is the single place where a check can be turned off or an operation given an exception, so loading
refuses anything that would weaken the suite silently: a built-in check that is not listed (new checks arrive
in schemathesis minor releases), a check that is off without a reason, an exception without a reason.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .edges import EdgeSettings

CONFIG_PATH = Path(__file__).resolve().parent / "conformance.toml"
STATELESS_PHASES = ("examples", "coverage", "fuzzing")
ALL_PHASES = (*STATELESS_PHASES, "stateful", "workflows")
WORKFLOW_MODES = ("full", "safe", "none")


class ConfigError(ValueError):
    """conformance.toml is malformed or would weaken the suite without saying why."""


@dataclass(frozen=True, slots=True)
class CheckSetting:
    """One check: on or off (with the reason), plus a limit for max_response_time."""

    name: str
    enabled: bool
    reason: str = ""
    limit: float | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule the schema cannot express, and how positive cases are kept inside it."""

    operations: tuple[str, ...]
    rule: str
    handled_by: str
    reason: str


@dataclass(frozen=True, slots=True)
class StatusOverride:
    """A per-operation change to one check's expected statuses (an `[[exceptions]]` entry of conformance.toml)."""

    operations: tuple[str, ...]
    check: str
    expected_statuses: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class Narrowing:
    """A built-in check's failure dropped in one stated situation."""

    check: str
    rule: str
    reason: str


@dataclass(frozen=True, slots=True)
class SpecGap:
    """A known spec problem bridged by an in-memory overlay for the run."""

    operations: tuple[str, ...]
    add_statuses: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class Profile:
    """How much and how randomly to test."""

    name: str
    description: str
    deterministic: bool
    phases: tuple[str, ...]
    fuzzing_max_examples: int
    stateful_max_examples: int
    stateful_max_steps: int
    workflows: str
    max_seconds: int
    stateful_groups: int = 1
    """The stateful scenarios run as this many independent groups, each with its own fixed seed: the same
    groups and seeds whether they run one after another or side by side (--workers)."""


@dataclass(frozen=True, slots=True)
class SafeSettings:
    """Live-tenant protection: which hosts are live, the referenceId tag, and the write budget."""

    live_hosts: tuple[str, ...]
    reference_prefix: str
    budget: dict[str, int] = field(default_factory=dict)
    checks_off_on_writes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SuiteConfig:
    """Everything in conformance.toml, vetted."""

    builtin: dict[str, CheckSetting]
    custom: dict[str, CheckSetting]
    rules: tuple[Rule, ...]
    exceptions: tuple[StatusOverride, ...]
    spec_gaps: tuple[SpecGap, ...]
    narrowed: tuple[Narrowing, ...]
    profiles: dict[str, Profile]
    safe: SafeSettings
    edges: EdgeSettings = field(default_factory=EdgeSettings)
    """The sizes of the edge writes where a schema sets no bound ([edges])."""
    api_wide: dict[str, str] = field(default_factory=dict)
    """Checks whose rule holds for the whole API (or any HTTP server), with the reason: their deviations are
    judged against a documented rule whatever page the operation came from (contract_tests/provenance.py)."""

    @property
    def checks(self) -> dict[str, CheckSetting]:
        """Built-in and custom checks together."""
        return {**self.builtin, **self.custom}


def _reason(entry: dict[str, Any], where: str) -> str:
    reason = entry.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise ConfigError(f"{where}: a written `reason` is required")
    return reason.strip()


def _checks(table: dict[str, Any], section: str) -> dict[str, CheckSetting]:
    result: dict[str, CheckSetting] = {}
    for name, entry in table.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("enabled"), bool):
            raise ConfigError(f"[checks.{section}] {name}: needs `enabled = true|false`")
        enabled = entry["enabled"]
        reason = "" if enabled else _reason(entry, f"[checks.{section}] {name} is off")
        limit = entry.get("limit")
        if name == "max_response_time" and enabled and not isinstance(limit, int | float):
            raise ConfigError("[checks.builtin] max_response_time: needs a numeric `limit` (seconds)")
        result[name] = CheckSetting(name, enabled, reason, float(limit) if limit is not None else None)
    return result


def _api_wide(raw: Any, known: set[str]) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise ConfigError("[checks.api-wide]: a table of check name = reason")
    result: dict[str, str] = {}
    for name, why in raw.items():
        if name not in known:
            raise ConfigError(f"[checks.api-wide] {name}: no such check")
        if not isinstance(why, str) or not why.strip():
            raise ConfigError(f"[checks.api-wide] {name}: a written reason is required")
        result[name] = why.strip()
    return result


def _profile(name: str, entry: dict[str, Any]) -> Profile:
    phases = tuple(entry.get("phases", ()))
    unknown = sorted(set(phases) - set(ALL_PHASES))
    if unknown:
        raise ConfigError(f"[profiles.{name}]: unknown phases {unknown}")
    workflows = entry.get("workflows", "none")
    if workflows not in WORKFLOW_MODES:
        raise ConfigError(f"[profiles.{name}]: workflows must be one of {WORKFLOW_MODES}")
    try:
        return Profile(
            name=name,
            description=str(entry.get("description", "")),
            deterministic=bool(entry["deterministic"]),
            phases=phases,
            fuzzing_max_examples=int(entry["fuzzing-max-examples"]),
            stateful_max_examples=int(entry["stateful-max-examples"]),
            stateful_max_steps=int(entry["stateful-max-steps"]),
            workflows=workflows,
            max_seconds=int(entry["max-seconds"]),
            stateful_groups=_positive(name, "stateful-groups", entry.get("stateful-groups", 1)),
        )
    except KeyError as exc:
        raise ConfigError(f"[profiles.{name}]: missing {exc.args[0]}") from None


def _positive(profile: str, key: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ConfigError(f"[profiles.{profile}]: {key} must be a whole number of at least 1, not {value!r}")
    return value


def _vet_listed(section: str, listed: dict[str, CheckSetting], existing: frozenset[str]) -> None:
    missing = sorted(existing - set(listed))
    extra = sorted(set(listed) - existing)
    if missing:
        raise ConfigError(f"[checks.{section}]: not listed (list each, on or off with a reason): {missing}")
    if extra:
        raise ConfigError(f"[checks.{section}]: no such check: {extra}")


def _exceptions(raw: list[dict[str, Any]], known: set[str]) -> tuple[StatusOverride, ...]:
    result = []
    for entry in raw:
        check = entry.get("check")
        if check not in known:
            raise ConfigError(f"exception for unknown check {check!r}")
        statuses = tuple(str(s) for s in entry["expected-statuses"])
        why = _reason(entry, f"exception for {check} on {entry.get('operations')}")
        result.append(StatusOverride(tuple(entry["operations"]), check, statuses, why))
    return tuple(result)


def _narrowed(raw: list[dict[str, Any]], builtin: set[str], rules: frozenset[str]) -> tuple[Narrowing, ...]:
    result = []
    for entry in raw:
        if entry.get("check") not in builtin or entry.get("rule") not in rules:
            raise ConfigError(f"[[narrowed]] {entry.get('check')}/{entry.get('rule')}: no such check or rule")
        result.append(
            Narrowing(entry["check"], entry["rule"], _reason(entry, f"[[narrowed]] {entry['rule']}"))
        )
    return tuple(result)


def _safe(raw: dict[str, Any], known: set[str]) -> SafeSettings:
    safe = SafeSettings(
        live_hosts=tuple(raw.get("live-hosts", ())),
        reference_prefix=str(raw.get("reference-prefix", "cdpkit-conformance-")),
        budget={str(k): int(v) for k, v in raw.get("budget", {}).items()},
        checks_off_on_writes={str(k): str(v) for k, v in raw.get("checks-off-on-writes", {}).items()},
    )
    for name, why in safe.checks_off_on_writes.items():
        if name not in known or not why.strip():
            raise ConfigError(f"[safe.checks-off-on-writes] {name}: no such check, or no written reason")
    if not safe.live_hosts:
        raise ConfigError("[safe] live-hosts must name at least one pattern")
    return safe


_EDGE_KEYS = {
    "string-length": "string_length",
    "filter-string-length": "filter_string_length",
    "number": "number",
    "array-items": "array_items",
    "largest-limit": "largest_limit",
    "items-on-one-order": "items_on_one_order",
}


def _edges(raw: dict[str, Any]) -> EdgeSettings:
    """[edges]: positive sizes, integers past 2**31, and a reason for every field kept ordinary."""
    unknown = sorted(set(raw) - {*_EDGE_KEYS, "integers", "ordinary"})
    if unknown:
        raise ConfigError(f"[edges] unknown keys: {unknown}")
    values: dict[str, Any] = {}
    for key, attribute in _EDGE_KEYS.items():
        if key in raw:
            value = raw[key]
            if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
                raise ConfigError(f"[edges] {key} must be a positive number")
            values[attribute] = value if key == "number" else int(value)
    integers = raw.get("integers", [2**31 + 7, 2**53 + 1])
    if not isinstance(integers, list) or not all(isinstance(i, int) and i > 2**31 for i in integers):
        raise ConfigError("[edges] integers must be a list of integers past 2**31")
    ordinary = raw.get("ordinary", {})
    for name, why in ordinary.items():
        if not isinstance(why, str) or not why.strip():
            raise ConfigError(f"[edges.ordinary] {name}: no written reason")
    return EdgeSettings(**values, integers=tuple(integers), ordinary=dict(ordinary))


def load(
    path: Path = CONFIG_PATH,
    *,
    builtin_names: frozenset[str],
    custom_names: frozenset[str],
    narrowing_names: frozenset[str] = frozenset(),
) -> SuiteConfig:
    """Read and vet the config; the caller passes the check names that exist, so none can be forgotten."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    checks = raw.get("checks", {})
    builtin = _checks(checks.get("builtin", {}), "builtin")
    custom = _checks(checks.get("custom", {}), "custom")
    _vet_listed("builtin", builtin, builtin_names)
    _vet_listed("custom", custom, custom_names)
    known = set(builtin) | set(custom)
    rules = tuple(
        Rule(tuple(e["operations"]), e["rule"], e["handled-by"], _reason(e, f"rule {e.get('rule')!r}"))
        for e in raw.get("rules", [])
    )
    gaps = tuple(
        SpecGap(
            tuple(e["operations"]), tuple(e["add-statuses"]), _reason(e, f"spec gap {e.get('operations')}")
        )
        for e in raw.get("spec-gaps", [])
    )
    profiles = {name: _profile(name, entry) for name, entry in raw.get("profiles", {}).items()}
    missing = sorted({"quick", "thorough", "safe"} - set(profiles))
    if missing:
        raise ConfigError(f"profiles missing: {missing}")
    return SuiteConfig(
        builtin=builtin,
        custom=custom,
        rules=rules,
        exceptions=_exceptions(raw.get("exceptions", []), known),
        spec_gaps=gaps,
        narrowed=_narrowed(raw.get("narrowed", []), set(builtin), narrowing_names),
        profiles=profiles,
        safe=_safe(raw.get("safe", {}), known),
        api_wide=_api_wide(checks.get("api-wide", {}), known),
        edges=_edges(raw.get("edges", {})),
    )


def all_operation_ids(config: SuiteConfig) -> set[str]:
    """Every operationId the config mentions (a test checks they exist in the spec)."""
    ids: set[str] = set()
    for group in (config.rules, config.exceptions, config.spec_gaps):
        for item in group:
            ids.update(item.operations)
    ids.update(config.safe.budget)
    return ids
