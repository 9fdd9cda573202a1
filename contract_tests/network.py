"""The machine's network settings for a run against a real HTTP target: proxies and the CA bundle.

Read once per run from the environment the way curl and requests read it (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY,
NO_PROXY, lower case first; REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE, SSL_CERT_FILE), overridden by `--proxy` and
`--ca-bundle`, and applied to every request of the run where every request passes anyway: the adapter send path
that `transport.intercept` wraps (and the runner's first probe, sent before that). No session of the run reads
the environment on its own, so ours and schemathesis' behave the same. The proxy only changes the route: the
live-tenant guard judges the host of the URL requested, never the proxy's.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

CA_VARIABLES = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE")


class NetworkError(Exception):
    """A proxy or CA setting cannot be used; the message is one sentence for a person."""


@dataclass(frozen=True, slots=True)
class Network:
    """Where requests go through and which CAs their TLS certificates are checked against."""

    proxy: str | None = None
    """--proxy: every request, both schemes, whatever the environment says (NO_PROXY included)."""
    env_proxies: tuple[tuple[str, str], ...] = ()
    """(scheme, proxy URL) from the environment: http, https, all."""
    no_proxy: str = ""
    verify: bool | str = True
    """True (the library's CAs) or the path of a CA bundle (file or directory)."""
    ca_source: str = ""

    @classmethod
    def from_env(
        cls, env: Mapping[str, str], *, proxy: str | None = None, ca_bundle: Path | str | None = None
    ) -> Network:
        """The settings of `env` with the command line's overrides; NetworkError names a setting that cannot work."""
        if proxy is not None:
            _vet_proxy(proxy, "--proxy")
        env_proxies: list[tuple[str, str]] = []
        for scheme in ("http", "https", "all"):
            name = f"{scheme}_proxy"
            value = (env.get(name) or env.get(name.upper()) or "").strip()
            if value:
                env_proxies.append((scheme, value))
        no_proxy = (env.get("no_proxy") or env.get("NO_PROXY") or "").strip()
        verify: bool | str = True
        source = ""
        if ca_bundle is not None:
            verify, source = _vet_bundle(str(ca_bundle), "--ca-bundle", directory_ok=False), "--ca-bundle"
        else:
            for variable in CA_VARIABLES:
                value = (env.get(variable) or "").strip()
                if value:
                    verify, source = _vet_bundle(value, variable, directory_ok=True), variable
                    break
        return cls(proxy, tuple(env_proxies), no_proxy, verify, source)

    @classmethod
    def from_process(cls) -> Network:
        """The settings of this process' environment, no overrides (plain pytest runs of the suite)."""
        return cls.from_env(os.environ)

    def proxies_for(self, url: str) -> dict[str, str]:
        """The `proxies` argument of requests for one URL (empty: straight to the host)."""
        if self.proxy:
            return {"http": self.proxy, "https": self.proxy}
        if not self.env_proxies or bypasses(url, self.no_proxy):
            return {}
        return dict(self.env_proxies)

    def send_kwargs(self, url: str) -> dict[str, Any]:
        """`proxies` and `verify` for one request to `url`."""
        return {"proxies": self.proxies_for(url), "verify": self.verify}

    @property
    def credentials(self) -> tuple[tuple[str, str], ...]:
        """(user, password) of every proxy URL with userinfo, as written and decoded (for the redactor)."""
        found: list[tuple[str, str]] = []
        for url in (self.proxy, *(u for _, u in self.env_proxies)):
            if not url:
                continue
            netloc = urlsplit(url if "://" in url else "http://" + url).netloc
            if "@" not in netloc:
                continue
            user, _, password = netloc.rpartition("@")[0].partition(":")
            for pair in ((user, password), (unquote(user), unquote(password))):
                if pair not in found:
                    found.append(pair)
        return tuple(found)

    def describe(self, url: str) -> str:
        """One line for the report: the route to `url` and the CA bundle (proxy credentials left out)."""
        proxies = self.proxies_for(url)
        scheme = urlsplit(url).scheme.lower()
        proxy = proxies.get(scheme) or proxies.get("all")
        if proxy:
            source = "--proxy" if self.proxy else f"{scheme.upper()}_PROXY or ALL_PROXY"
            route = f"through the proxy {display_url(proxy)} ({source})"
        else:
            route = "direct" + (" (NO_PROXY)" if self.env_proxies and not self.proxy else "")
        bundle = (
            f"CA bundle {self.verify} ({self.ca_source})" if isinstance(self.verify, str) else "default CAs"
        )
        return f"{route}; {bundle}"


def display_url(url: str) -> str:
    """A proxy URL with its userinfo masked."""
    parts = urlsplit(url if "://" in url else "http://" + url)
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rpartition("@")[2]
    return f"{parts.scheme}://[redacted]@{host}{parts.path}"


def bypasses(url: str, no_proxy: str) -> bool:
    """Whether NO_PROXY sends `url` straight to its host: `*`, a host or domain suffix (`example.com` and
    `.example.com` both cover subdomains), an IP address or CIDR block, each optionally with `:port`."""
    if not no_proxy:
        return False
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    try:
        address: ipaddress.IPv4Address | ipaddress.IPv6Address | None = ipaddress.ip_address(host)
    except ValueError:
        address = None
    for raw in no_proxy.replace(" ", "").split(","):
        entry = raw.lower().strip()
        if not entry:
            continue
        if entry == "*":
            return True
        name, want_port = entry, None
        if entry.count(":") == 1 and not entry.startswith("["):
            name, _, port_text = entry.partition(":")
            want_port = int(port_text) if port_text.isdigit() else None
        if want_port is not None and want_port != port:
            continue
        name = name.strip("[]").rstrip(".")
        if address is not None:
            try:
                if address in ipaddress.ip_network(name, strict=False):
                    return True
            except ValueError:
                pass
            continue
        domain = name.lstrip(".")
        if domain and (host == domain or host.endswith("." + domain)):
            return True
    return False


def _vet_proxy(url: str, source: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise NetworkError(
            f"{source} {display_url(url)!r} is not an http(s) proxy URL such as http://proxy.example.com:3128."
        )


def _vet_bundle(path: str, source: str, *, directory_ok: bool) -> str:
    """The path, once it is known to be a readable file (or, from the environment, a directory)."""
    where = Path(path)
    if directory_ok and where.is_dir():
        return path
    try:
        with where.open("rb") as handle:
            handle.read(1)
    except IsADirectoryError:
        raise NetworkError(f"The CA bundle {path} ({source}) is a directory, not a file.") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise NetworkError(f"Cannot read the CA bundle {path} ({source}): {reason.lower()}.") from None
    return path
