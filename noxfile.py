"""The sessions people run: lint, tests, generate, build, sandbox, conformance, mutation, bench, upstream.

Every tool that affects output or verdicts is pinned in pyproject.toml's dependency groups
(Python) or tools/npm/package-lock.json (Node), and installed by the session that needs it.
"""

from __future__ import annotations

import email.parser
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import nox

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml("pyproject.toml")
CLIENT_DIR = ROOT / "generated" / "sitecore-cdp-client"
NPM_DIR = ROOT / "tools" / "npm"
REPORTS = ROOT / "reports"

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = True
nox.options.sessions = ["lint", "tests"]
# An interpreter that is not on the machine is reported, never downloaded (this machine reaches only PyPI).
nox.options.download_python = "never"

# The Pythons the generated client supports (its classifiers say the same): `client_wheel` runs on each.
CLIENT_PYTHONS = ("3.11", "3.12", "3.13")


def _pyenv_pythons() -> None:
    """Let nox find every supported Python pyenv has installed, not only the active one: pyenv's `python3.12`
    shim answers "command not found" unless 3.12 is among PYENV_VERSION's versions, so the newest installed
    patch of each is appended to them (the active version stays first). Nothing changes without pyenv."""
    pyenv = shutil.which("pyenv")
    if pyenv is None:
        return
    done = subprocess.run([pyenv, "versions", "--bare"], capture_output=True, text=True, check=False)
    active = subprocess.run([pyenv, "version-name"], capture_output=True, text=True, check=False)
    if done.returncode != 0 or active.returncode != 0:
        return

    def release(name: str) -> tuple[int, ...]:
        return tuple(int(part) for part in name.split(".")) if name.replace(".", "").isdigit() else ()

    installed = sorted((v for v in done.stdout.split() if release(v)), key=release)
    newest = [[v for v in installed if release(v)[:2] == release(wanted)][-1:] for wanted in CLIENT_PYTHONS]
    extra = [v for found in newest for v in found]
    os.environ["PYENV_VERSION"] = ":".join(dict.fromkeys([*active.stdout.strip().split(":"), *extra]))


_pyenv_pythons()


def _groups(*names: str) -> list[str]:
    return [req for name in names for req in nox.project.dependency_groups(PYPROJECT, name)]


def _install_project(session: nox.Session, *groups: str) -> None:
    """The root project (sandbox + contract suite) at its pinned runtime versions, the generated client when
    present, and tool groups."""
    packages = ["-e", "."]
    if (CLIENT_DIR / "pyproject.toml").exists():
        packages += ["-e", str(CLIENT_DIR)]
    session.install(*packages, *_groups("runtime", *groups))


def _install_node_tools(session: nox.Session) -> None:
    """Spectral and Prism from the committed lock file; skipped when already installed from it."""
    marker = NPM_DIR / "node_modules" / ".package-lock.json"
    lock = NPM_DIR / "package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    session.run("npm", "ci", "--prefix", str(NPM_DIR), "--no-audit", "--no-fund", external=True)


@nox.session
def lint(session: nox.Session) -> None:
    """Spec (openapi-spec-validator + Spectral, and `scripts/spec_changes.py --strict`: no changed operation with
    stale provenance) and hand-written Python (ruff, mypy --strict), scripts/ included (the `generate` group so
    mypy sees the generator scripts/regenerate.py imports)."""
    _install_project(session, "test", "lint", "generate")
    _install_node_tools(session)
    session.run("openapi-spec-validator", "spec/openapi.yaml")
    spectral = str(NPM_DIR / "node_modules" / ".bin" / "spectral")
    session.run(spectral, "lint", "--fail-severity=hint", "-r", "spec/.spectral.yaml", "spec/openapi.yaml")
    # An operation whose request or response changed since the spec the committed client came from (else HEAD's)
    # while its x-doc-source / x-doc-notes / x-doc-status did not: an error. Needs git history to compare with.
    if (ROOT / ".git").exists():
        session.run("python", "scripts/spec_changes.py", "--strict")
    else:
        session.log("not a git checkout: the provenance check (scripts/spec_changes.py --strict) is skipped")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run(
        "mypy",
        *[
            p
            for p in ("noxfile.py", "sandbox", "contract_tests", "cdp_openapi", "scripts", "tests", "bench")
            if Path(p).exists()
        ],
    )


@nox.session
def tests(session: nox.Session) -> None:
    """The fast tests (under 3 minutes on 2 cores, a worker per core): tests marked slow are left out unless
    `-- --slow` (CI passes it; `-- -m slow` runs only them). A JUnit report lands in reports/ so CI can prove tests,
    slow ones included, ran."""
    _install_project(session, "test", "lint", "generate")
    _install_node_tools(session)
    REPORTS.mkdir(exist_ok=True)
    session.run(
        "pytest",
        f"--junitxml={REPORTS / 'junit-tests.xml'}",
        "--numprocesses=auto",  # one worker per core; `-- -n 0` runs in one process
        *session.posargs,
        env={"HYPOTHESIS_STORAGE_DIRECTORY": str(ROOT / ".nox" / "hypothesis")},
    )


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate the client from the spec (`-- --check`: fail, naming files, if the committed one is stale)."""
    session.install(*_groups("generate"))
    session.run("python", "scripts/regenerate", *session.posargs)


@nox.session
def build(session: nox.Session) -> None:
    """Wheel and sdist of the generated client, in dist/."""
    session.run("uv", "build", "--out-dir", "dist", str(CLIENT_DIR), external=True)


def _requires_dist(wheel: Path) -> list[str]:
    """The Requires-Dist lines of a wheel's METADATA."""
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))
    return list(metadata.get_all("Requires-Dist") or [])


@nox.session(python=list(CLIENT_PYTHONS))
@nox.parametrize("resolution", ["lowest-direct", "highest"])
def client_wheel(session: nox.Session, resolution: str) -> None:
    """The client's built wheel in a fresh virtualenv on each supported Python, its requirements resolved from
    PyPI at the lowest versions its ranges allow (`lowest-direct`) or the newest (`highest`), then every Python
    block of both READMEs run with it against a sandbox on 127.0.0.1 (scripts/readme_examples.py). A Python not
    on the machine fails the session; `--no-error-on-missing-interpreters` skips it, saying so (CI does)."""
    session.install("-e", ".", *_groups("runtime"))  # the sandbox and the README runner, not the client
    tmp = Path(session.create_tmp())
    dist = tmp / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("uv", "build", "--quiet", "--out-dir", str(dist), str(CLIENT_DIR), external=True)
    (wheel,) = dist.glob("*.whl")
    venv = tmp / f"client-{resolution}"
    python = str((venv / ("Scripts" if os.name == "nt" else "bin") / "python").absolute())
    session.run(
        "uv",
        "venv",
        "--quiet",
        "--clear",
        "--python",
        str(Path(session.bin) / "python"),
        str(venv),
        external=True,
    )
    # The wheel's own requirements are named too: uv's lowest-direct lowers only the requirements it is given.
    requires = _requires_dist(wheel)
    session.log(f"the wheel requires {requires}; resolving {resolution}")
    session.run(
        "uv",
        "pip",
        "install",
        "--python",
        python,
        "--resolution",
        resolution,
        str(wheel),
        *requires,
        external=True,
    )
    session.run("uv", "pip", "list", "--python", python, external=True)
    session.run(
        python,
        "-c",
        "import sys, sitecore_cdp_client as c; print(sys.version.split()[0], c.__file__)",
        external=True,
    )
    session.run(
        "python",
        "-m",
        "scripts.readme_examples",
        "--sandbox",
        "--python",
        python,
        "README.md#The client",
        str(CLIENT_DIR / "README.md"),
    )


@nox.session
def sandbox(session: nox.Session) -> None:
    """Serve the sandbox on 127.0.0.1:8080 (pass `-- --port N --db FILE ...` to change)."""
    _install_project(session)
    session.run("cdp-sandbox", *session.posargs)


@nox.session
def conformance(session: nox.Session) -> None:
    """The contract suite: a fresh local sandbox by default, `-- --base-url URL` (or `--asgi`, `--profile`) otherwise."""
    _install_project(session, "test")
    REPORTS.mkdir(exist_ok=True)
    session.run(
        "python",
        "-m",
        "contract_tests",
        "run",
        "--reports",
        str(REPORTS),
        *session.posargs,
        env={
            "HYPOTHESIS_STORAGE_DIRECTORY": str(ROOT / ".nox" / "hypothesis"),
            # The reports' re-run lines repeat the command people type, not the module nox runs.
            "CDP_CONFORMANCE_COMMAND": "python3 scripts/nox -s conformance --",
        },
    )


@nox.session
def mutation(session: nox.Session) -> None:
    """What the contract suite catches: its quick profile against a healthy sandbox (a false positive fails), then
    against one sandbox per injected fault (`cdp-sandbox --list-faults`); fails if a fault survives. Writes
    reports/mutation.json and reports/mutation.md, and for the whole catalog with `-- --compare-plain` (plain
    `st run --checks all` judging the same sandboxes, side by side) the committed kill table, docs/mutation.md.
    `-- --faults a,b` for a subset, `-- --jobs N` for parallelism."""
    _install_project(session, "test")
    REPORTS.mkdir(exist_ok=True)
    session.run(
        "python",
        "-m",
        "contract_tests.mutation",
        "--reports",
        str(REPORTS),
        "--write-docs",
        str(ROOT / "docs" / "mutation.md"),
        *session.posargs,
    )


@nox.session
def bench(session: nox.Session) -> None:
    """Speed side by side, as ratios with their goals; writes bench/results.json (not committed) and, after a run of
    every benchmark, the committed tables in docs/benchmarks.md."""
    _install_project(session, "test", "generate")
    _install_node_tools(session)
    session.run(
        "python", "-m", "bench.run", "--write-docs", str(ROOT / "docs" / "benchmarks.md"), *session.posargs
    )


@nox.session
def upstream(session: nox.Session) -> None:
    """Compare spec/openapi.yaml with Sitecore's own description: `-- --official PATH_OR_URL`, an OpenAPI document
    (file or URL) or a folder of saved API reference pages. Prints the differences, each with the place in the spec
    to edit; exit 0 agree, 1 differ, 2 unusable input. `-- --help` lists `--json FILE`, `--only-shared`, ..."""
    session.install(*_groups("upstream"))
    session.run("python", "scripts/upstream.py", *session.posargs)
