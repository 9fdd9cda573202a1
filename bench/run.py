"""Run every benchmark side by side in one process and print ratios against their goals.

Absolute numbers on a shared 2-core machine are noise; ratios of runs interleaved in the same rounds are
not. Each figure is the median of several rounds with min and max. Exit status is non-zero only when a
benchmark could not run, never because a goal was missed: the goal is the product, this only shows it.

With `--write-docs PATH` (`nox -s bench` passes docs/benchmarks.md) a run of every benchmark also writes its
tables there, the committed record the README links; a run with `--only` leaves that file alone.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from bench import client, conformance, imports, latency, passive_proxy, regen, targets
from bench.load import LoadResult, Request, run_load

AUTH = httpx.BasicAuth("sandbox-client-key", "sandbox-api-token")
ORDER_BODY = (
    b'{"referenceId":"BENCH-1","orderedAt":"2024-01-01T16:17:16Z","currencyCode":"EUR","price":50,'
    b'"channel":"WEB","status":"PURCHASED"}'
)
RESULTS = Path(__file__).resolve().parent / "results.json"


@dataclass
class Figure:
    """One measured quantity over several rounds."""

    name: str
    unit: str
    samples: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        return {"median": statistics.median(self.samples), "min": min(self.samples), "max": max(self.samples)}


@dataclass(frozen=True)
class Goal:
    """A ratio of two figures (or one figure alone) with the bound it should meet."""

    label: str
    numerator: str
    denominator: str | None
    at_least: float | None = None
    at_most: float | None = None

    def ratio(self, figures: dict[str, Figure]) -> float:
        top = statistics.median(figures[self.numerator].samples)
        if self.denominator is None:
            return top
        return top / statistics.median(figures[self.denominator].samples)

    def met(self, value: float) -> bool:
        low = self.at_least is None or value >= self.at_least
        high = self.at_most is None or value <= self.at_most
        return low and high

    @property
    def bounded(self) -> bool:
        return self.at_least is not None or self.at_most is not None

    def describe(self) -> str:
        if self.at_least is not None:
            return f">= {self.at_least:g}"
        return f"<= {self.at_most:g}" if self.at_most is not None else "(reported)"


def _auth_header() -> dict[str, str]:
    request = httpx.Request("GET", "http://127.0.0.1/")
    authorized = next(AUTH.auth_flow(request))
    return {"Authorization": authorized.headers["Authorization"]}


def _scenarios(base_url: str, existing_ref: str) -> dict[str, Request]:
    headers = {**_auth_header(), "Accept": "application/json"}
    return {
        "retrieve-order": Request("GET", f"{base_url}/v2.1/orders/{existing_ref}", headers),
        "create-order": Request(
            "POST", f"{base_url}/v2.1/orders", {**headers, "Content-Type": "application/json"}, ORDER_BODY
        ),
    }


def _seed_order(base_url: str) -> str:
    """An order to retrieve; Prism and the bare endpoint answer any ref, so a created one only matters for the sandbox."""
    response = httpx.post(
        f"{base_url}/v2.1/orders", content=ORDER_BODY, auth=AUTH, headers={"Content-Type": "application/json"}
    )
    ref = (
        response.json().get("ref")
        if response.headers.get("content-type", "").startswith("application/json")
        else None
    )
    return str(ref) if response.status_code == 201 and ref else "2d7de9df-45a2-45ea-872c-30e45139007d"


def measure_servers(
    figures: dict[str, Figure], *, rounds: int, seconds: float, concurrency: int
) -> list[str]:
    """Sandbox, Prism and the bare ceiling, each scenario, interleaved round by round."""
    notes: list[str] = []
    servers: dict[str, Callable[[], Any]] = {
        "sandbox": targets.sandbox,
        "prism": targets.prism,
        "bare": targets.bare,
    }
    generators: set[str] = set()
    for round_index in range(rounds):
        for name, start in servers.items():
            with start() as base_url:
                for scenario, request in _scenarios(base_url, _seed_order(base_url)).items():
                    result: LoadResult = run_load(request, seconds=seconds, concurrency=concurrency)
                    generators.add(result.generator)
                    if result.errors:
                        notes.append(
                            f"round {round_index + 1}: {name} {scenario}: {result.errors} non-2xx/socket errors"
                        )
                    key = f"{name} {scenario}"
                    figures.setdefault(f"{key} req/s", Figure(f"{key} req/s", "req/s")).samples.append(
                        result.requests_per_s
                    )
                    figures.setdefault(f"{key} p50", Figure(f"{key} p50", "ms")).samples.append(result.p50_ms)
                    figures.setdefault(f"{key} p99", Figure(f"{key} p99", "ms")).samples.append(result.p99_ms)
    notes.append(
        f"load generator: {', '.join(sorted(generators))}; concurrency {concurrency}; {seconds:g} s per run"
    )
    return notes


SERVER_GOALS = [
    Goal(
        "sandbox / Prism, retrieve-order req/s",
        "sandbox retrieve-order req/s",
        "prism retrieve-order req/s",
        at_least=3.0,
    ),
    Goal(
        "sandbox / Prism, create-order req/s",
        "sandbox create-order req/s",
        "prism create-order req/s",
        at_least=3.0,
    ),
    Goal(
        "sandbox / bare ASGI, retrieve-order req/s",
        "sandbox retrieve-order req/s",
        "bare retrieve-order req/s",
        at_least=0.4,
    ),
    Goal(
        "sandbox / bare ASGI, create-order req/s",
        "sandbox create-order req/s",
        "bare create-order req/s",
        at_least=0.4,
    ),
]


CLIENT_GOALS = [
    Goal("client / raw httpx, seconds per retrieve-order call", "client call", "httpx call", at_most=1.25),
    Goal("decode a 100-item expanded order-items page, ms", "decode 100-item page", None),
    Goal(
        "import sitecore_cdp_client (with SitecoreCDP) / import httpx, fresh interpreter",
        "client import",
        "httpx import",
        at_most=1.5,
    ),
    Goal("first cdp.orders (the resource and its models), ms", "first resource", None),
]
CONFORMANCE_GOALS = [
    Goal(
        "quick profile / schemathesis CLI, seconds per request",
        "quick profile s/request",
        "schemathesis CLI s/request",
        at_most=1.2,
    ),
]
LATENCY_GOALS = [
    Goal(
        f"quick profile {latency.DELAY_MS} ms late / not late, wall time",
        "quick profile late wall",
        "quick profile not late wall",
        at_most=2.0,
    ),
]
PROXY_GOALS = [
    Goal(
        "passive proxy added latency, retrieve-order median ms",
        "proxy added latency",
        None,
        at_most=2.0,
    ),
]
REGEN_GOALS = [
    Goal("scripts/regenerate, s", "regenerate", None, at_most=5.0),
    Goal("scripts/regenerate --check, s", "regenerate --check", None, at_most=5.0),
]


def _add(figures: dict[str, Figure], name: str, unit: str, value: float) -> None:
    figures.setdefault(name, Figure(name, unit)).samples.append(value)


def measure_client(figures: dict[str, Figure], *, rounds: int, calls: int) -> list[str]:
    """The generated client and raw httpx in the same rounds against one sandbox process."""
    with targets.sandbox() as base_url:
        for _ in range(rounds):
            client_s, httpx_s = client.per_call_seconds(base_url, calls=calls)
            _add(figures, "client call", "ms", client_s * 1e3)
            _add(figures, "httpx call", "ms", httpx_s * 1e3)
            _add(figures, "decode 100-item page", "ms", client.decode_page_seconds(repeats=50) * 1e3)
            client_import, httpx_import, first_resource = imports.import_seconds(samples=7)
            _add(figures, "client import", "ms", client_import * 1e3)
            _add(figures, "httpx import", "ms", httpx_import * 1e3)
            _add(figures, "first resource", "ms", first_resource * 1e3)
    return [
        f"client vs httpx: {calls} sequential retrieve-order calls per round on one kept-alive connection",
        "imports: each sample a fresh interpreter timing its own import (start-up excluded), the two sides "
        "alternating, 7 per round; the client's figure includes the httpx it imports",
    ]


def measure_conformance(figures: dict[str, Figure], *, rounds: int) -> list[str]:
    """Our quick profile and the bare CLI, each against its own fresh counting sandbox, interleaved."""
    for _ in range(rounds):
        for name, run in (
            ("quick profile", conformance.suite_run),
            ("schemathesis CLI", conformance.cli_run),
        ):
            seconds, requests = run()
            _add(figures, f"{name} wall", "s", seconds)
            _add(figures, f"{name} requests", "requests", float(requests))
            _add(figures, f"{name} req/s", "req/s", requests / seconds)
            _add(figures, f"{name} s/request", "ms", seconds / max(requests, 1) * 1e3)
    return [
        "conformance: requests counted by the sandbox; the CLI runs the same phases and example budget, all checks"
    ]


def measure_latency(figures: dict[str, Figure], *, rounds: int) -> list[str]:
    """The quick profile through the delaying proxy with and without its delay, interleaved; only clean runs."""
    for _ in range(rounds):
        for name, delay in (("quick profile not late", 0), ("quick profile late", latency.DELAY_MS)):
            seconds, requests, code = latency.quick_profile_through_proxy(delay)
            if code != 0:
                raise RuntimeError(f"{name}: the quick profile did not finish clean (exit {code})")
            _add(figures, f"{name} wall", "s", seconds)
            _add(figures, f"{name} requests", "requests", float(requests))
    return [
        "latency: the quick profile with default options (the runner chooses its workers from the round trip it "
        f"measures) through a loopback proxy answering {latency.DELAY_MS} ms late, and the same proxy without the "
        "delay"
    ]


def measure_proxy(figures: dict[str, Figure], *, rounds: int) -> list[str]:
    """Retrieve-order calls straight to a sandbox and through `cdp-conformance proxy`, interleaved in batches."""
    for _ in range(rounds):
        straight, through = passive_proxy.median_latencies()
        _add(figures, "straight call", "ms", straight)
        _add(figures, "proxied call", "ms", through)
        _add(figures, "proxy added latency", "ms", through - straight)
    return [
        "passive proxy: 200 sequential retrieve-order calls per path per round on kept-alive connections, the "
        "proxy judging in its own process"
    ]


def measure_regeneration(figures: dict[str, Figure], *, rounds: int) -> list[str]:
    for _ in range(rounds):
        _add(figures, "regenerate", "s", regen.regenerate_seconds())
        _add(figures, "regenerate --check", "s", regen.check_seconds())
    return []


def _machine() -> dict[str, Any]:
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "prism": targets.prism_version(),
    }


def render(goals: list[Goal], figures: dict[str, Figure], machine: dict[str, Any]) -> str:
    lines = [
        f"Benchmark of {machine['date']} on {machine['platform']}, {machine['cpus']} CPUs, Python {machine['python']}",
        "",
        "| Measure | Median | Min | Max | Goal | Met |",
        "|---|---|---|---|---|---|",
    ]
    for goal in goals:
        if goal.numerator not in figures or (goal.denominator and goal.denominator not in figures):
            continue
        value = goal.ratio(figures)
        samples = figures[goal.numerator].samples
        if goal.denominator:
            paired = [a / b for a, b in zip(samples, figures[goal.denominator].samples, strict=True)]
        else:
            paired = samples
        lines.append(
            f"| {goal.label} | {value:.2f} | {min(paired):.2f} | {max(paired):.2f} | {goal.describe()} | "
            f"{('yes' if goal.met(value) else 'NO') if goal.bounded else '-'} |"
        )
    lines += ["", "| Figure | Median | Min | Max |", "|---|---|---|---|"]
    for figure in figures.values():
        summary = figure.summary()
        lines.append(
            f"| {figure.name} | {summary['median']:.1f} {figure.unit} | {summary['min']:.1f} | {summary['max']:.1f} |"
        )
    return "\n".join(lines)


ALL_GOALS = [*SERVER_GOALS, *CONFORMANCE_GOALS, *LATENCY_GOALS, *CLIENT_GOALS, *PROXY_GOALS, *REGEN_GOALS]


def docs_page(table: str, notes: list[str], wall_seconds: float) -> str:
    """docs/benchmarks.md: how to read the figures, then the last full run's tables and notes."""
    return (
        "\n".join(
            [
                "# Benchmarks",
                "",
                "<!-- Written by `nox -s bench` (python -m bench.run --write-docs docs/benchmarks.md) from its last run "
                "of every benchmark; edits here are overwritten. -->",
                "",
                "Everything runs on 127.0.0.1, side by side in one run. Absolute figures on a shared machine are noise, "
                "so the goals are ratios of runs interleaved in the same rounds: each figure is the median of the "
                "rounds with min and max, the goal beside it. A missed goal does not fail the session; a benchmark that "
                "could not run does. How each pair is measured is in the docstrings of `bench/`.",
                "",
                "## Last full run",
                "",
                table,
                "",
                *(f"- {note}" for note in notes),
                f"- wall time of the whole run: {wall_seconds:.0f} s",
            ]
        )
        + "\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0, help="duration of each load run")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--calls", type=int, default=1000, help="sequential calls per client round")
    parser.add_argument(
        "--only",
        choices=["servers", "conformance", "latency", "client", "regen", "proxy"],
        action="append",
        help="run a subset",
    )
    parser.add_argument(
        "--write-docs",
        type=Path,
        metavar="PATH",
        help="also write the tables to PATH (nox -s bench: docs/benchmarks.md), only when every benchmark ran",
    )
    parser.add_argument(
        "--latency-rounds", type=int, default=1, help="rounds of the latency pair (about 4 minutes each)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    figures: dict[str, Figure] = {}
    notes: list[str] = []
    goals: list[Goal] = []
    try:
        machine = _machine()
        if not args.only or "servers" in args.only:
            notes += measure_servers(
                figures, rounds=args.rounds, seconds=args.seconds, concurrency=args.concurrency
            )
            goals += SERVER_GOALS
        if not args.only or "conformance" in args.only:
            notes += measure_conformance(figures, rounds=args.rounds)
            goals += CONFORMANCE_GOALS
        if not args.only or "latency" in args.only:
            notes += measure_latency(figures, rounds=args.latency_rounds)
            goals += LATENCY_GOALS
        if not args.only or "client" in args.only:
            notes += measure_client(figures, rounds=args.rounds, calls=args.calls)
            goals += CLIENT_GOALS
        if not args.only or "proxy" in args.only:
            notes += measure_proxy(figures, rounds=args.rounds)
            goals += PROXY_GOALS
        if not args.only or "regen" in args.only:
            notes += measure_regeneration(figures, rounds=args.rounds)
            goals += REGEN_GOALS
    except (RuntimeError, OSError, httpx.HTTPError, subprocess.CalledProcessError) as exc:
        print(f"bench: could not run: {exc}", file=sys.stderr)
        return 2
    table = render(goals, figures, machine)
    print(table)
    for note in notes:
        print(f"note: {note}")
    report = {
        "machine": machine,
        "wall_seconds": round(time.perf_counter() - started, 1),
        "goals": [
            {
                **asdict(goal),
                "value": goal.ratio(figures),
                "met": goal.met(goal.ratio(figures)) if goal.bounded else None,
            }
            for goal in goals
            if goal.numerator in figures
        ],
        "figures": {
            name: {"unit": f.unit, "samples": f.samples, **f.summary()} for name, f in figures.items()
        },
        "notes": notes,
    }
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if args.write_docs is not None:
        if args.only:
            print(f"{args.write_docs}: left as it is (only a run of every benchmark rewrites it)")
        else:
            args.write_docs.parent.mkdir(parents=True, exist_ok=True)
            args.write_docs.write_text(
                docs_page(table, notes, time.perf_counter() - started), encoding="utf-8"
            )
            print(f"written: {args.write_docs}")
    print(f"written: {RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
