#!/usr/bin/env python3
"""Run the Python code blocks of the READMEs, each unchanged, against a fresh sandbox, and show what they print.

Every fenced ```python block of the files given (of one `## section` with `FILE#Section`) is written to a file in
an empty temporary folder and run there, as it stands, by `--python` (a virtualenv with the client installed,
nothing of the repository on the path), with SITECORE_CDP_BASE_URL, SITECORE_CDP_CLIENT_KEY and
SITECORE_CDP_API_TOKEN naming the sandbox. The sandbox is emptied before each block, so a block reads only what
it created. A block fails when it exits non-zero, runs past `--timeout`, or prints nothing.

    python -m scripts.readme_examples --sandbox "README.md#The client" generated/sitecore-cdp-client/README.md
    python -m scripts.readme_examples --base-url http://127.0.0.1:8080 --python venv/bin/python README.md

`--sandbox` starts one (cdp_sandbox's launcher, a free 127.0.0.1 port, `--admin` so it can be emptied);
`--base-url` takes a running sandbox started with `--admin`. Exit 0 when every block ran and printed, 1 otherwise,
2 when a file has no Python block. The README-blocks test (tests/client/test_readme_examples.py) and
`nox -s client_wheel` (the built wheel on each Python) use it.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
HEADING = re.compile(r"^(#{1,6}) +(.+?) *$", re.M)
# The sandbox's defaults (cdp_sandbox.factory.DEFAULT_CLIENT_KEY / DEFAULT_API_TOKEN), stated again so this
# module needs only the standard library.
CLIENT_KEY = "sandbox-client-key"
API_TOKEN = "sandbox-api-token"  # noqa: S105 - the local sandbox's documented default, not a secret


@dataclass(frozen=True)
class Block:
    """One fenced Python block: the file, the line its code starts on, its section and its code."""

    path: Path
    line: int
    section: str
    code: str

    @property
    def where(self) -> str:
        """`README.md:171 (The client)`."""
        try:
            shown = self.path.resolve().relative_to(ROOT).as_posix()
        except ValueError:
            shown = str(self.path)
        return f"{shown}:{self.line} ({self.section})"


@dataclass(frozen=True)
class Outcome:
    """What running one block gave."""

    block: Block
    returncode: int | None  # None: stopped at the timeout
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        """It exited 0 and printed something."""
        return self.returncode == 0 and bool(self.stdout.strip())

    def problem(self) -> str | None:
        """Why the block failed, in one sentence, or None."""
        if self.returncode is None:
            return "did not finish within the timeout"
        if self.returncode != 0:
            return f"exited {self.returncode}"
        if not self.stdout.strip():
            return "printed nothing (an example prints what it fetched)"
        return None


def python_blocks(path: Path, section: str | None = None) -> list[Block]:
    """The ```python blocks of a Markdown file, in order; only those under heading `section` when given (up to
    the next heading of the same or a higher level)."""
    text = path.read_text(encoding="utf-8")
    headings = [(m.start(), len(m.group(1)), m.group(2)) for m in HEADING.finditer(text)]
    # A `#` line inside a fenced block is a comment, not a heading.
    fences = [(m.start(), m.end()) for m in re.finditer(r"^```.*?^```", text, re.M | re.S)]
    headings = [h for h in headings if not any(a < h[0] < b for a, b in fences)]
    start, end = 0, len(text)
    if section is not None:
        found = [(pos, level) for pos, level, title in headings if title == section]
        if not found:
            raise ValueError(f"{path}: no heading {section!r}")
        start, level = found[0]
        end = next((pos for pos, lvl, _ in headings if pos > start and lvl <= level), len(text))
    blocks = []
    for match in FENCE.finditer(text, start, end):
        title = next((t for pos, _, t in reversed(headings) if pos < match.start()), "")
        line = text.count("\n", 0, match.start(1)) + 1
        blocks.append(Block(path, line, title, match.group(1)))
    return blocks


def _request(base_url: str, method: str, path: str, key: str, token: str) -> int:
    auth = base64.b64encode(f"{key}:{token}".encode()).decode()
    request = urllib.request.Request(  # noqa: S310 - the sandbox's own http://127.0.0.1 URL
        base_url.rstrip("/") + path, method=method, headers={"Authorization": f"Basic {auth}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def empty_sandbox(base_url: str, key: str = CLIENT_KEY, token: str = API_TOKEN) -> None:
    """Empty the sandbox's store (it must run with `--admin`)."""
    status = _request(base_url, "POST", "/_sandbox/reset", key, token)
    if status != 204:
        raise RuntimeError(
            f"emptying the sandbox at {base_url} answered HTTP {status} (start it with --admin)"
        )


def block_env(base_url: str, key: str = CLIENT_KEY, token: str = API_TOKEN) -> dict[str, str]:
    """This environment without anything that would put the repository or a venv on the block's path, and the
    sandbox's URL and credentials in the variables `SitecoreCDP.from_env()` reads."""
    drop = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "SITECORE_CDP_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    return {
        **env,
        "SITECORE_CDP_BASE_URL": base_url,
        "SITECORE_CDP_CLIENT_KEY": key,
        "SITECORE_CDP_API_TOKEN": token,
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def run_block(block: Block, python: str, env: dict[str, str], timeout: float) -> Outcome:
    """Run one block unchanged, from a file in an empty folder."""
    with tempfile.TemporaryDirectory(prefix="readme-block-") as tmp:
        script = Path(tmp) / "example.py"
        script.write_text(block.code, encoding="utf-8")
        try:
            done = subprocess.run(
                [python, str(script)],
                cwd=tmp,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
            err = exc.stderr.decode() if isinstance(exc.stderr, bytes) else exc.stderr or ""
            return Outcome(block, None, out, err)
    return Outcome(block, done.returncode, done.stdout, done.stderr)


def run_all(
    blocks: Sequence[Block],
    base_url: str,
    *,
    python: str = sys.executable,
    key: str = CLIENT_KEY,
    token: str = API_TOKEN,
    timeout: float = 60.0,
) -> list[Outcome]:
    """Each block against a freshly emptied sandbox."""
    env = block_env(base_url, key, token)
    outcomes = []
    for block in blocks:
        empty_sandbox(base_url, key, token)
        outcomes.append(run_block(block, python, env, timeout))
    return outcomes


def report(outcomes: Sequence[Outcome]) -> str:
    """What each block printed, and why a failing one failed."""
    lines = []
    for outcome in outcomes:
        problem = outcome.problem()
        lines.append(
            f"{'FAILED' if problem else 'ok'}  {outcome.block.where}" + (f": {problem}" if problem else "")
        )
        lines += [f"    | {line}" for line in outcome.stdout.rstrip().splitlines()]
        if problem:
            lines += [f"    ! {line}" for line in outcome.stderr.rstrip().splitlines()[-25:]]
    passed = sum(o.ok for o in outcomes)
    lines.append(f"{passed} passed, {len(outcomes) - passed} failed")
    return "\n".join(lines)


def _targets(specs: Sequence[str]) -> list[Block]:
    blocks: list[Block] = []
    for spec in specs:
        file, _, section = spec.partition("#")
        found = python_blocks(Path(file), section or None)
        if not found:
            raise ValueError(f"{spec}: no ```python block")
        blocks += found
    return blocks


@contextlib.contextmanager
def _sandbox(base_url: str | None) -> Iterator[str]:
    if base_url is not None:
        yield base_url
        return
    from cdp_sandbox.launcher import serve  # noqa: PLC0415 - only with --sandbox, which needs the kit

    with serve() as sandbox:
        yield sandbox.base_url


def main(argv: Sequence[str] | None = None) -> int:
    """The command; returns the exit code."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE[#Section]", help="Markdown files (one section of one)"
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--sandbox", action="store_true", help="start a sandbox on a free 127.0.0.1 port")
    where.add_argument("--base-url", help="a running sandbox started with --admin")
    parser.add_argument("--python", default=sys.executable, help="the interpreter that runs the blocks")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per block (default 60)")
    args = parser.parse_args(argv)
    try:
        blocks = _targets(args.files)
    except (OSError, ValueError) as exc:
        print(f"readme_examples: {exc}", file=sys.stderr)
        return 2
    python = shutil.which(args.python)
    if python is None:
        print(f"readme_examples: no interpreter {args.python}", file=sys.stderr)
        return 2
    with _sandbox(args.base_url) as base_url:
        outcomes = run_all(blocks, base_url, python=str(Path(python).absolute()), timeout=args.timeout)
    print(report(outcomes))
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
