"""The checks' own follow-up GETs ("probes"): read a resource back, walk a collection page by page.

Probes go through the run's session, so the guard sees them and the recorder keeps them with the exchange they
judge (role `probe`, the check's name as note). Answers are cached for the case being judged: several checks
reading the same resource after one write cost one request. The cache is per context (thread), so cases judged
side by side do not share answers.
"""

from __future__ import annotations

import json
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import requests

from .losses import TransportLost
from .state import ResourceState
from .transport import Recorder
from .urls import TargetUrls


@dataclass(slots=True)
class ProbeResult:
    """A probe's answer, decoded."""

    status: int
    body: Any
    url: str


@dataclass(slots=True)
class WalkedPage:
    """One page of a walk: the URL requested (the first with the walk's own query, then each `next` followed),
    its decoded body and the API paths of the items it listed."""

    url: str
    body: dict[str, Any]
    items: list[str]


@dataclass(slots=True)
class Walk:
    """A collection walked by `next` links: its items in order, whether the walk reached a page without `next`,
    and every page it read (for the checks that judge the pages' own links)."""

    items: list[str]
    complete: bool
    pages: list[WalkedPage]


class Probes:
    """Follow-up GETs of the custom checks, with their per-case cache."""

    def __init__(
        self,
        session: requests.Session,
        auth: tuple[str, str],
        urls: TargetUrls,
        recorder: Recorder,
        state: ResourceState,
    ) -> None:
        self.session = session
        self.auth = auth
        self.urls = urls
        self.recorder = recorder
        self.state = state
        self._cache: ContextVar[dict[str, ProbeResult] | None] = ContextVar(
            f"probe_cache_{id(self)}", default=None
        )
        self._paged: set[tuple[str, int]] = set()

    def new_case(self) -> None:
        """Forget the cached answers: a new case is about to be sent."""
        self._cache.set({})

    def reset(self) -> None:
        """Forget which collections were walked (the target was reset)."""
        self._paged.clear()

    def probe(self, path_or_url: str, *, note: str, params: dict[str, Any] | None = None) -> ProbeResult:
        """GET a path (or an href, rebased onto the target) as a follow-up of a check; cached per case."""
        url = self.urls.absolute(path_or_url, params)
        cache = self._cache.get()
        if cache is None:
            cache = {}
            self._cache.set(cache)
        cached = cache.get(url)
        if cached is not None:
            return cached
        with self.recorder.role("probe", note):
            try:
                response = self.session.get(url, auth=self.auth, timeout=30)
            except TransportLost:
                raise  # the network's doing, not the target's: the check does not apply (check_registry.custom)
            except requests.RequestException as exc:
                raise AssertionError(f"follow-up GET {url} failed: {type(exc).__name__}: {exc}") from None
        result = ProbeResult(response.status_code, _json_text(response.text), url)
        cache[url] = result
        return result

    def get_as(self, url: str, auth: tuple[str, str], *, note: str) -> requests.Response:
        """GET `url` with other credentials (a check testing authentication), recorded as a probe; not cached."""
        with self.recorder.role("probe", note):
            return self.session.get(url, auth=auth, timeout=30)

    def walk(
        self, path: str, *, note: str, query: dict[str, Any], page_size: int, max_pages: int
    ) -> tuple[list[str], bool]:
        """Item hrefs (API paths) of a collection, following `next`; (items, complete?)."""
        walked = self.walk_pages(path, note=note, query=query, page_size=page_size, max_pages=max_pages)
        return walked.items, walked.complete

    def walk_pages(
        self, path: str, *, note: str, query: dict[str, Any], page_size: int, max_pages: int
    ) -> Walk:
        """A collection walked from offset 0 in pages of `page_size`, following `next`, at most `max_pages`."""
        walked = Walk([], False, [])
        url: str | None = path
        params: dict[str, Any] | None = {**query, "offset": 0, "limit": page_size}
        for _ in range(max_pages):
            assert url is not None
            result = self.probe(url, note=note, params=params)
            if result.status != 200 or not isinstance(result.body, dict):
                raise AssertionError(f"walking {path}: GET {result.url} answered {result.status}")
            items = result.body.get("items") or []
            listed = [
                self.urls.api_path(i["href"])
                for i in items
                if isinstance(i, dict) and isinstance(i.get("href"), str)
            ]
            walked.items.extend(listed)
            walked.pages.append(WalkedPage(result.url, result.body, listed))
            nxt = result.body.get("next")
            if not items or not isinstance(nxt, dict) or not isinstance(nxt.get("href"), str):
                walked.complete = True
                return walked
            url, params = nxt["href"], None
        return walked

    def once_per_state(self, key: str) -> bool:
        """True the first time `key` is asked for since the last write the suite saw (bounds repeated walks)."""
        marker = (key, self.state.writes)
        if marker in self._paged:
            return False
        self._paged.add(marker)
        return True


def _json_text(text: str) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None
