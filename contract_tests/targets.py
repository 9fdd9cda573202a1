"""Targets: start the sandbox as a real HTTP server, load an in-process app, or take a URL; probe it first.

A target that is down or refuses the credentials must end the run with one sentence, so every failure mode
here becomes a `TargetError` whose message is that sentence.
"""

from __future__ import annotations

import contextlib
import importlib
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from cdp_sandbox import launcher
from cdp_sandbox.factory import app_factory

from .network import Network, display_url
from .safety import SafetyError, request_host

ASGI_BASE_URL = "http://testserver"
Asgi = Callable[..., Any]
SANDBOX_KEY = "sandbox-client-key"
SANDBOX_TOKEN = "sandbox-api-token"  # noqa: S105 - the sandbox's documented local default
DEFAULT_ASGI = "cdp_sandbox:create_app"
PROBE_PATH = "/v2.1/orders"
# A referenceId no real order carries: the list needs exactly one filter (page order/retrieveorders) and the
# probe wants an empty, cheap page.
PROBE_QUERY: dict[str, str | int] = {"referenceId": "cdpkit-probe", "limit": 1}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")  # hosts as safety.request_host spells them
STARTUP_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class Target:
    """Where requests go: a base URL with credentials, and an in-process app for ASGI runs."""

    base_url: str
    client_key: str
    api_token: str
    app_factory: Callable[[], Asgi] | None = None
    description: str = ""
    local_sandbox: bool = False

    @property
    def auth(self) -> tuple[str, str]:
        """HTTP Basic credentials (client key, API token)."""
        return (self.client_key, self.api_token)


class TargetError(Exception):
    """The target cannot be used; the message is one sentence for a person."""


def credentials(env: Mapping[str, str], *, required: bool, url: str) -> tuple[str, str]:
    """SITECORE_CDP_CLIENT_KEY / SITECORE_CDP_API_TOKEN, or the sandbox defaults when allowed."""
    key, token = env.get("SITECORE_CDP_CLIENT_KEY", ""), env.get("SITECORE_CDP_API_TOKEN", "")
    if key and token:
        return key, token
    if required:
        raise TargetError(f"Set SITECORE_CDP_CLIENT_KEY and SITECORE_CDP_API_TOKEN to test {url}.")
    return SANDBOX_KEY, SANDBOX_TOKEN


def url_target(url: str, env: Mapping[str, str]) -> Target:
    """A target at a base URL, with credentials from the environment."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise TargetError(
            f"{url!r} is not an http(s) base URL such as https://api-engage-eu.sitecorecloud.io."
        )
    try:
        host = request_host(url)
    except SafetyError as exc:
        raise TargetError(str(exc)) from None
    # The host the HTTP library really connects to (hosts.py), not urlsplit's reading: a base URL that only
    # looks local must not borrow the sandbox's default credentials.
    local = host in LOOPBACK_HOSTS
    key, token = credentials(env, required=not local, url=url)
    return Target(base_url=url.rstrip("/"), client_key=key, api_token=token, description=url)


def load_factory(spec: str) -> Callable[[], Any]:
    """`module:callable` to a zero-argument factory of an ASGI app (the default builds a fresh sandbox)."""
    module_name, _, attr = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
        factory = getattr(module, attr or "create_app")
    except (ImportError, AttributeError) as exc:
        raise TargetError(f"Cannot load the ASGI app factory {spec!r}: {exc}.") from None
    if not callable(factory):
        raise TargetError(f"{spec!r} is not callable.")
    if spec == DEFAULT_ASGI:
        # The same sandboxes, each over the spec compiled once: a fresh one per stateful scenario stays cheap.
        return app_factory(client_key=SANDBOX_KEY, api_token=SANDBOX_TOKEN)
    return factory  # type: ignore[no-any-return]


def asgi_target(spec: str = DEFAULT_ASGI, env: Mapping[str, str] | None = None) -> Target:
    """An in-process target; credentials default to the sandbox's."""
    key, token = credentials(env or {}, required=False, url=ASGI_BASE_URL)
    return Target(
        base_url=ASGI_BASE_URL,
        client_key=key,
        api_token=token,
        app_factory=load_factory(spec),
        description=f"in-process ASGI app {spec}",
        local_sandbox=True,
    )


def target_from_env(env: Mapping[str, str]) -> Target:
    """For plain pytest runs of the suite: SITECORE_CDP_BASE_URL if set, else the in-process sandbox."""
    url = env.get("SITECORE_CDP_BASE_URL")
    return url_target(url, env) if url else asgi_target(env.get("CONTRACT_ASGI_APP", DEFAULT_ASGI), env)


@contextlib.contextmanager
def sandbox_server(
    timeout: float = STARTUP_SECONDS,
    *,
    extra_args: Sequence[str] = (),
    log_path: Path | None = None,
    env: Mapping[str, str] | None = None,
    probe_ready: bool = True,
) -> Iterator[Target]:
    """Start `cdp-sandbox` on a free 127.0.0.1 port, wait until it answers, stop it afterwards, even on failure.

    The sandbox's own launcher (`cdp_sandbox.launcher`) starts and stops it; its output goes to a log file (a
    temporary one unless `log_path` is given), never to a pipe nobody drains. `extra_args` adds flags such as
    `--fault NAME`; `probe_ready=False` skips the authenticated probe, for sandboxes whose faults may make it
    fail (the suite's own run judges them).
    """
    args = ["--log-level", "warning", *extra_args]
    try:
        with launcher.serve(
            *args,
            client_key=SANDBOX_KEY,
            api_token=SANDBOX_TOKEN,
            admin=False,
            log_path=log_path,
            env=env,
            timeout=timeout,
            ready=False,
        ) as sandbox:
            target = Target(
                base_url=sandbox.base_url,
                client_key=SANDBOX_KEY,
                api_token=SANDBOX_TOKEN,
                description=f"sandbox started at {sandbox.base_url} (pid {sandbox.process.pid})",
                local_sandbox=True,
            )
            if probe_ready:
                wait_until_ready(target, deadline=time.monotonic() + timeout)
            yield target
    except launcher.SandboxStartError as exc:
        raise TargetError(str(exc)) from None


def wait_until_ready(target: Target, *, deadline: float) -> None:
    """Poll the probe until the server answers (bounded by the deadline)."""
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            probe(target)
            return
        except TargetError as exc:
            last = exc
            time.sleep(0.1)
    raise TargetError(str(last) if last else "The sandbox did not become ready in time.")


@dataclass(frozen=True, slots=True)
class ProbeOutcome:
    """What the one authenticated GET saw."""

    status: int
    url: str


def probe(
    target: Target, session: requests.Session | None = None, network: Network | None = None
) -> ProbeOutcome:
    """One authenticated GET; any problem becomes a one-sentence TargetError.

    With `network` the GET takes the run's proxies and CA bundle, as every later request will; without it (the
    readiness poll of a sandbox the runner started on 127.0.0.1) it goes straight to the target.
    """
    url = target.base_url.rstrip("/") + PROBE_PATH
    client = session or requests.Session()
    client.trust_env = False
    proxies = network.proxies_for(url) if network is not None else {}
    verify = network.verify if network is not None else True
    try:
        response = client.get(
            url, params=PROBE_QUERY, auth=target.auth, timeout=15, proxies=proxies, verify=verify
        )
    except requests.exceptions.ProxyError:
        proxy = requests.utils.select_proxy(url, proxies) or ""
        raise TargetError(
            f"Cannot reach {target.base_url} through the proxy {display_url(proxy)}: the proxy refused or "
            "did not answer."
        ) from None
    except requests.exceptions.SSLError:
        raise TargetError(
            f"Cannot verify the TLS certificate of {target.base_url} against "
            + (f"the CA bundle {verify}" if isinstance(verify, str) else "the default CAs")
            + "; pass --ca-bundle FILE with the CA that signed it."
        ) from None
    except requests.ConnectionError:
        raise TargetError(
            f"Cannot reach {target.base_url}: nothing answers there (connection refused or DNS)."
        ) from None
    except requests.Timeout:
        raise TargetError(f"{target.base_url} did not answer within 15 seconds.") from None
    except requests.RequestException as exc:
        raise TargetError(f"Cannot talk to {target.base_url}: {type(exc).__name__}.") from None
    if response.status_code in (401, 403):
        raise TargetError(
            f"{target.base_url} rejected the credentials (HTTP {response.status_code} on GET {PROBE_PATH}): "
            "check SITECORE_CDP_CLIENT_KEY and SITECORE_CDP_API_TOKEN."
        )
    if response.status_code != 200:
        raise TargetError(
            f"{target.base_url} answered HTTP {response.status_code} to GET {PROBE_PATH}; "
            "is it a Sitecore CDP Order API base URL?"
        )
    return ProbeOutcome(response.status_code, url)
