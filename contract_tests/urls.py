"""URLs of the target: origins, API paths with the base URL's prefix removed, hrefs moved onto the target.

Checks compare hrefs by origin and API path, and probes follow hrefs on the target's own origin whatever host an
href names (a wrong host is reported by href_points_to_self, never requested).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from .model import norm_path


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL, lower-cased, default ports dropped."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    suffix = f":{port}" if port and port != default else ""
    return f"{parts.scheme.lower()}://{host}{suffix}"


def rebase(url: str, base_url: str) -> str:
    """`url`'s path and query on the target's origin: hrefs are followed, never their hosts (tested separately)."""
    target = urlsplit(base_url)
    parts = urlsplit(url)
    return urlunsplit((target.scheme, target.netloc, parts.path, parts.query, ""))


@dataclass(frozen=True, slots=True)
class TargetUrls:
    """The URL requests are sent to, and how the API paths of other URLs are read against it."""

    base_url: str
    """Without a trailing slash (http://testserver for in-process runs)."""

    @property
    def origin(self) -> str:
        """scheme://host[:port] of the base URL, default ports dropped."""
        return origin_of(self.base_url)

    @property
    def base_prefix(self) -> str:
        """A path prefix in the base URL (e.g. a proxy mounted under /cdp), else empty."""
        return urlsplit(self.base_url).path.rstrip("/").lower()

    def api_path(self, url: str) -> str:
        """The API path of a URL or href (base prefix removed), lower-cased."""
        path = norm_path(url)
        prefix = self.base_prefix
        return path[len(prefix) :] if prefix and path.startswith(prefix) else path

    def request_path(self, url: str) -> str:
        """The API path of a URL with its case kept (for sending), base prefix removed."""
        path = urlsplit(url).path.rstrip("/")
        prefix = self.base_prefix
        return path[len(prefix) :] if prefix and path.lower().startswith(prefix) else path

    def absolute(self, path_or_url: str, params: dict[str, object] | None = None) -> str:
        """The URL to GET for an API path or an href (rebased onto the target), with `params` appended."""
        url = rebase(path_or_url, self.base_url) if "://" in path_or_url else self.base_url + path_or_url
        if params:
            url += ("&" if "?" in url else "?") + urlencode(params)
        return url
