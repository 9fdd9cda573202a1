"""Start `cdp-sandbox` as its own process on a free 127.0.0.1 port, wait until it answers, stop it: the one copy.

The contract suite's runner, the benchmark, this repository's tests and the pytest plugin all start sandboxes
through `start`/`serve`. The server prints `cdp-sandbox listening on URL` once bound; the launcher reads that
line (from a pipe, or from a log file so a chatty sandbox never stalls on a full pipe), then polls an
authenticated list request until it answers 200.
"""

from __future__ import annotations

import base64
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .factory import DEFAULT_API_TOKEN, DEFAULT_CLIENT_KEY

if TYPE_CHECKING:
    # Only for the annotation: the client is a separate distribution, imported by `client()` when asked for.
    from sitecore_cdp_client import SitecoreCDP

STARTUP_SECONDS = 30.0
PROBE_PATH = "/v2.1/orders?referenceId=cdpkit-probe&limit=1"
_LISTENING = re.compile(r"listening on (http://\S+)")


class SandboxStartError(RuntimeError):
    """The sandbox did not start or did not answer in time; the message says why in one sentence."""


def command() -> list[str]:
    """`cdp-sandbox` next to this interpreter, else `python -m cdp_sandbox`."""
    script = shutil.which("cdp-sandbox", path=os.path.dirname(sys.executable))
    return [script] if script else [sys.executable, "-m", "cdp_sandbox"]


@dataclass
class Sandbox:
    """A running sandbox process: where it listens, its credentials, and helpers for tests."""

    process: subprocess.Popen[Any]
    base_url: str
    client_key: str = DEFAULT_CLIENT_KEY
    api_token: str = DEFAULT_API_TOKEN
    log_path: Path | None = None
    _log: IO[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        """The base URL (an alias)."""
        return self.base_url

    @property
    def auth(self) -> tuple[str, str]:
        """HTTP Basic credentials (client key, API token)."""
        return (self.client_key, self.api_token)

    def client(self, **options: Any) -> SitecoreCDP:
        """A `sitecore_cdp_client.SitecoreCDP` configured for this sandbox (extra keyword options passed on)."""
        try:
            # An optional, separate distribution (generated/sitecore-cdp-client, not on PyPI), so not a declared
            # dependency of the kit: imported when asked for, with a sentence saying what to install.
            import sitecore_cdp_client as module  # noqa: PLC0415
        except ImportError:
            raise RuntimeError(
                "cdp_sandbox.client() needs the generated client, a separate package: install "
                "sitecore-cdp-client (generated/sitecore-cdp-client in the kit's repository), or talk to "
                "base_url with any HTTP client"
            ) from None
        return module.SitecoreCDP(
            client_key=self.client_key, api_token=self.api_token, base_url=self.base_url, **options
        )

    def request(self, method: str, path: str, timeout: float = 10.0) -> tuple[int, bytes]:
        """One authenticated request to this sandbox (standard library only); returns (status, body)."""
        token = base64.b64encode(f"{self.client_key}:{self.api_token}".encode()).decode()
        request = urllib.request.Request(  # noqa: S310 - the URL is the sandbox's own http://127.0.0.1 one
            self.base_url + path, method=method, headers={"Authorization": f"Basic {token}"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return int(response.status), bytes(response.read())
        except urllib.error.HTTPError as exc:
            return int(exc.code), exc.read()

    def reset(self) -> None:
        """Empty the store (needs a sandbox started with `--admin`, as `serve` does)."""
        status, body = self.request("POST", "/_sandbox/reset")
        if status != 204:
            raise RuntimeError(
                f"resetting the sandbox at {self.base_url} answered HTTP {status}: {body[:200]!r}"
            )

    def state(self) -> Any:
        """Every stored record, in the `--seed FILE` format (needs `--admin`)."""
        import json  # noqa: PLC0415

        status, body = self.request("GET", "/_sandbox/state")
        if status != 200:
            raise RuntimeError(f"reading the sandbox state at {self.base_url} answered HTTP {status}")
        return json.loads(body)

    def stop(self) -> int | None:
        """SIGTERM, wait, then SIGKILL: the sandbox never outlives its user. Returns the exit code."""
        stop_process(self.process)
        for stream in (self.process.stdout, self.process.stderr, self._log):
            if stream is not None and not stream.closed:
                stream.close()
        return self.process.returncode


def start(
    *args: str,
    client_key: str = DEFAULT_CLIENT_KEY,
    api_token: str = DEFAULT_API_TOKEN,
    log_path: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = STARTUP_SECONDS,
    ready: bool = True,
) -> Sandbox:
    """Start a sandbox on a free 127.0.0.1 port with extra `args` (`--admin`, `--seed docs`, `--fault X`...).

    Output goes to `log_path` when given, else stdout and stderr are pipes the caller may read. With `ready`,
    an authenticated list request must answer 200 before this returns. `env` defaults to this process's
    environment without CDP_SANDBOX_* settings.
    """
    argv = [*command(), "--host", "127.0.0.1", "--port", "0", "--client-key", client_key]
    argv += ["--api-token", api_token, *args]
    if env is None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CDP_SANDBOX_")}
    log = None
    process: subprocess.Popen[Any]
    try:
        if log_path is not None:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            log = log_path.open("wb")
            process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=dict(env))
        else:
            process = subprocess.Popen(
                argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(env), text=True
            )
    except OSError as exc:
        if log is not None:
            log.close()
        raise SandboxStartError(f"Cannot start the sandbox ({' '.join(argv)}): {exc}.") from None
    sandbox = Sandbox(process, "", client_key, api_token, log_path, log)
    try:
        deadline = time.monotonic() + timeout
        sandbox.base_url = _await_url(process, log_path, deadline)
        if ready:
            _await_ready(sandbox, deadline)
    except BaseException:
        sandbox.stop()
        raise
    return sandbox


@contextlib.contextmanager
def serve(
    *args: str,
    client_key: str = DEFAULT_CLIENT_KEY,
    api_token: str = DEFAULT_API_TOKEN,
    admin: bool = True,
    log_path: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = STARTUP_SECONDS,
    ready: bool = True,
) -> Iterator[Sandbox]:
    """Serve a sandbox on a free 127.0.0.1 port for the `with` block, then stop it, also on failure.

        with serve() as sandbox:
            with sandbox.client() as cdp:
                cdp.orders.create(reference_id=..., ordered_at=..., currency_code="EUR", price=...)
            sandbox.reset()

    `admin` (on by default here) lets `reset()` and `state()` work. The log goes to a temporary file unless
    `log_path` is given.
    """
    with contextlib.ExitStack() as stack:
        if log_path is None:
            log_path = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "sandbox.log"
        extra = ("--admin",) if admin else ()
        sandbox = start(
            *extra,
            *args,
            client_key=client_key,
            api_token=api_token,
            log_path=log_path,
            env=env,
            timeout=timeout,
            ready=ready,
        )
        try:
            yield sandbox
        finally:
            sandbox.stop()


def _await_url(process: subprocess.Popen[Any], log_path: Path | None, deadline: float) -> str:
    """The announced base URL, from the log file or the stdout pipe (bounded by the deadline)."""
    text = ""
    while time.monotonic() < deadline:
        if log_path is not None:
            text = log_path.read_text(encoding="utf-8", errors="replace")
        else:
            assert process.stdout is not None
            line = process.stdout.readline()
            text += line
            if not line:
                break
        found = _LISTENING.search(text)
        if found:
            return found.group(1)
        if log_path is not None:
            if process.poll() is not None:
                break
            time.sleep(0.05)
    if log_path is None and process.poll() is not None and process.stderr is not None:
        text += process.stderr.read()
    elif log_path is None:
        process.kill()
        process.wait(timeout=10)
        if process.stderr is not None:
            text += process.stderr.read()
    tail = "; ".join(text.strip().splitlines()[-3:]) or f"exit code {process.poll()}"
    raise SandboxStartError(f"The sandbox did not start: {tail}.")


def _await_ready(sandbox: Sandbox, deadline: float) -> None:
    """Poll an authenticated list request until it answers 200 (bounded by the deadline)."""
    last = "no answer"
    while time.monotonic() < deadline:
        try:
            status, _ = sandbox.request("GET", PROBE_PATH, timeout=5)
        except OSError as exc:
            last = str(exc)
        else:
            if status == 200:
                return
            last = f"HTTP {status}"
        if sandbox.process.poll() is not None:
            break
        time.sleep(0.1)
    raise SandboxStartError(f"The sandbox at {sandbox.base_url} did not become ready: {last}.")


def stop_process(process: subprocess.Popen[Any]) -> None:
    """SIGTERM, wait, then SIGKILL."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
