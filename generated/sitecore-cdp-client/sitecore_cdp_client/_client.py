"""Connection settings shared by every generated operation.

Hand-written; scripts/regenerate copies it into the package. The generator's own client only
knows Bearer tokens. Sitecore CDP wants HTTP Basic (client key as user name, API token as
password) against one of four regional hosts, and a production tenant deserves timeouts and
retries that never repeat a non-idempotent request, so this class replaces it. The generated
`client.AuthenticatedClient` and `client.Client` are aliases of `CDPClient`.

Every generated operation sends through `send` / `asend` here: per-request options
(`timeout`, `retry`, `extra_headers`, see _options) are applied, and a transport failure
becomes `APIConnectionError` / `APITimeoutError`, so no raw httpx exception reaches a caller.
The transport stack is retry (httpx_retries) over the call's deadline (`total_timeout`: each
attempt's timeout cut to what is left of the budget) over logging (_logging, one line per
attempt) over the real transport. `timeout` is per attempt; `total_timeout` bounds the whole call.
"""

from __future__ import annotations

import copy
import os
import time
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Final, Literal, Self, Unpack, get_args

import httpx
from httpx_retries import Retry, RetryTransport

from ._errors import APIConnectionError, ConfigurationError, InvalidRequestError
from ._logging import AsyncLoggingTransport, LoggingTransport, setup_from_env
from ._options import OPTION_NAMES, RequestOptions
from ._response_check import judge
from ._spec import __version__

__all__ = [
    "DEFAULT_TIMEOUT",
    "ENV_API_TOKEN",
    "ENV_BASE_URL",
    "ENV_CLIENT_KEY",
    "ENV_REGION",
    "IDEMPOTENT_METHODS",
    "REGIONS",
    "RETRY_STATUSES",
    "CDPClient",
    "Region",
    "default_retry",
]

Region = Literal["eu", "us", "ap", "jpe"]
REGIONS: Final[Mapping[str, str]] = {
    region: f"https://api-engage-{region}.sitecorecloud.io" for region in get_args(Region)
}

ENV_BASE_URL: Final = "SITECORE_CDP_BASE_URL"
ENV_REGION: Final = "SITECORE_CDP_REGION"
ENV_CLIENT_KEY: Final = "SITECORE_CDP_CLIENT_KEY"
ENV_API_TOKEN: Final = "SITECORE_CDP_API_TOKEN"  # noqa: S105 - a variable name, not a secret

# Sitecore does not document its latencies; 10 s to connect and 30 s per read keeps a stuck
# request from hanging a caller forever while leaving room for slow list pages.
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=10.0)

# Retrying POST could create a second order (creates do not de-duplicate) and PATCH is not
# idempotent either, so only these methods are ever retried.
IDEMPOTENT_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES: Final = frozenset({429, 502, 503, 504})


def no_retry() -> Retry:
    """A policy that never retries (the retry layer stays, so one request may still opt in)."""
    return Retry(total=0, allowed_methods=IDEMPOTENT_METHODS, status_forcelist=RETRY_STATUSES)


def _retry_policy(retry: Retry | bool) -> Retry:
    if retry is True:
        return default_retry()
    if retry is False:
        return no_retry()
    if isinstance(retry, Retry):
        return retry
    raise ConfigurationError(
        f"retry must be True, False or an httpx_retries.Retry, got {type(retry).__name__}"
    )


def default_retry() -> Retry:
    """Three retries with exponential backoff and jitter; a Retry-After header wins over backoff."""
    return Retry(
        total=3,
        backoff_factor=0.5,
        max_backoff_wait=30.0,
        total_timeout=60.0,
        respect_retry_after_header=True,
        allowed_methods=IDEMPOTENT_METHODS,
        status_forcelist=RETRY_STATUSES,
    )


class CDPClient:
    """Credentials, base URL, timeouts and retries; owns the underlying httpx clients.

    Construct with `client_key` and `api_token` and a region (`eu`, `us`, `ap`, `jpe`) or an
    explicit `base_url` (e.g. a local sandbox), or with `from_env()`. Usable as a sync or async
    context manager. `timeout` is per attempt; `total_timeout` (seconds, off by default) bounds a
    whole call, retries and their waits included. Pass `retry=False` to disable retries or a
    custom `httpx_retries.Retry`. `with_options(...)` gives a copy with other defaults for
    `timeout`, `total_timeout`, `retry` and `extra_headers`; each call takes the same keywords
    for itself.
    """

    def __init__(
        self,
        *,
        client_key: str | None = None,
        api_token: str | None = None,
        region: Region | str | None = None,
        base_url: str | None = None,
        timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
        total_timeout: float | None = None,
        retry: Retry | bool = True,
        headers: Mapping[str, str] | None = None,
        raise_on_unexpected_status: bool = True,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        httpx_args: Mapping[str, Any] | None = None,
        validate_responses: Literal["warn", "raise"] | None = None,
    ) -> None:
        if client_key is None or api_token is None:
            raise ConfigurationError(_no_credentials(type(self).__name__, client_key, api_token))
        if not client_key:
            raise ConfigurationError("client_key is empty: pass the Client key from Settings > API access")
        if not api_token:
            raise ConfigurationError("api_token is empty: pass the API token from Settings > API access")
        self._base_url = _resolve_base_url(region=region, base_url=base_url)
        self._auth = httpx.BasicAuth(client_key, api_token)
        self._timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self._retry: Retry = _retry_policy(retry)
        self._headers = {
            "Accept": "application/json",
            "User-Agent": f"sitecore-cdp-client/{__version__}",
            **(headers or {}),
        }
        # Read by the generated `*_detailed` functions for statuses the spec does not list.
        self.raise_on_unexpected_status = raise_on_unexpected_status
        self._transport = transport
        self._async_transport = async_transport
        self._httpx_args = dict(httpx_args or {})
        self._client: httpx.Client | None = None
        self._async_client: httpx.AsyncClient | None = None
        self._defaults: RequestOptions = {}
        if total_timeout is not None:
            self._defaults["total_timeout"] = _total_timeout(total_timeout, ConfigurationError)
        if validate_responses not in (None, "warn", "raise"):
            raise ConfigurationError(
                f"validate_responses must be 'warn', 'raise' or None, got {validate_responses!r}"
            )
        # Judge each response by the spec's statuses and schemas (_response_check); off by default.
        self.validate_responses = validate_responses
        setup_from_env()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **kwargs: Any) -> Self:
        """Build from SITECORE_CDP_* variables; the error names every variable that is missing.

        SITECORE_CDP_BASE_URL wins over SITECORE_CDP_REGION when both are set. Other keyword
        arguments (timeout, retry, ...) are passed through.
        """
        env = os.environ if environ is None else environ

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        base_url, region = get(ENV_BASE_URL), get(ENV_REGION)
        client_key, api_token = get(ENV_CLIENT_KEY), get(ENV_API_TOKEN)
        missing = []
        if base_url is None and region is None:
            missing.append(f"{ENV_BASE_URL} or {ENV_REGION} (one of {', '.join(REGIONS)})")
        if client_key is None:
            missing.append(ENV_CLIENT_KEY)
        if api_token is None:
            missing.append(ENV_API_TOKEN)
        if missing or client_key is None or api_token is None:
            raise ConfigurationError("missing environment variable(s): " + "; ".join(missing))
        return cls(
            client_key=client_key,
            api_token=api_token,
            base_url=base_url,
            region=None if base_url else region,
            **kwargs,
        )

    @property
    def base_url(self) -> str:
        """The API root every operation path is appended to."""
        return self._base_url

    def __repr__(self) -> str:
        # Never the key or the token.
        return f"{type(self).__name__}(base_url={self._base_url!r})"

    def _client_kwargs(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "auth": self._auth,
            "timeout": self._timeout,
            "headers": self._headers,
            "follow_redirects": False,
            **self._httpx_args,
        }

    def get_httpx_client(self) -> httpx.Client:
        """The underlying httpx.Client, created on first use."""
        if self._client is None:
            inner = LoggingTransport(self._transport or httpx.HTTPTransport())
            transport = _RetryRouter(inner, self._retry)
            self._client = httpx.Client(transport=transport, **self._client_kwargs())
        return self._client

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The underlying httpx.AsyncClient, created on first use."""
        if self._async_client is None:
            inner: httpx.AsyncBaseTransport
            if self._async_transport is not None:
                inner = self._async_transport
            elif isinstance(self._transport, httpx.AsyncBaseTransport):
                inner = self._transport  # e.g. httpx.MockTransport serves both
            else:
                inner = httpx.AsyncHTTPTransport()
            transport = _AsyncRetryRouter(AsyncLoggingTransport(inner), self._retry)
            self._async_client = httpx.AsyncClient(transport=transport, **self._client_kwargs())
        return self._async_client

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use a caller-built httpx.Client (it then owns auth, timeouts and retries)."""
        self._client = client
        return self

    def set_async_httpx_client(self, client: httpx.AsyncClient) -> Self:
        """Use a caller-built httpx.AsyncClient (it then owns auth, timeouts and retries)."""
        self._async_client = client
        return self

    def with_options(self, **options: Unpack[RequestOptions]) -> Self:
        """A copy of this client whose calls default to these options; it shares the connection pools.

        `cdp.with_options(timeout=5, retry=False).orders.retrieve(ref)`. Closing either closes the
        pools of both.
        """
        unknown = sorted(set(options) - OPTION_NAMES)
        if unknown:
            raise ConfigurationError(f"unknown option(s) {unknown}: use {sorted(OPTION_NAMES)}")
        clone = copy.copy(self)
        # The resources are cached per instance and bound to it: the copy builds its own.
        for name in [k for k, v in vars(clone).items() if hasattr(v, "_client") and v._client is self]:
            del clone.__dict__[name]
        clone.__dict__.pop("legacy", None)
        merged: RequestOptions = {**self._defaults, **options}
        if "extra_headers" in self._defaults and "extra_headers" in options:
            merged["extra_headers"] = {**self._defaults["extra_headers"], **options["extra_headers"]}
        clone._defaults = merged
        return clone

    def _request_kwargs(self, kwargs: dict[str, Any], options: RequestOptions) -> dict[str, Any]:
        """The httpx.request arguments of one call: the operation's, then the options applied."""
        if not options and not self._defaults:
            return kwargs
        effective: RequestOptions = {**self._defaults, **options}
        unknown = sorted(set(effective) - OPTION_NAMES)
        if unknown:
            raise InvalidRequestError(f"unknown option(s) {unknown}: use {sorted(OPTION_NAMES)}")
        out = dict(kwargs)
        if "timeout" in effective:
            timeout = effective["timeout"]
            out["timeout"] = (
                timeout if isinstance(timeout, httpx.Timeout) or timeout is None else float(timeout)
            )
        if "retry" in effective:
            out["extensions"] = {
                **out.get("extensions", {}),
                RETRY_EXTENSION: _retry_policy(effective["retry"]),
            }
        budget = effective.get("total_timeout")
        if budget is not None:
            budget = _total_timeout(budget, InvalidRequestError)
            out["extensions"] = {
                **out.get("extensions", {}),
                DEADLINE_EXTENSION: (time.monotonic() + budget, budget),
            }
        extra = {**self._defaults.get("extra_headers", {}), **options.get("extra_headers", {})}
        if extra:
            if any(name.lower() == "authorization" for name in extra):
                raise InvalidRequestError(
                    "extra_headers may not set Authorization; the client sends its credentials"
                )
            out["headers"] = {**out.get("headers", {}), **extra}
        return out

    def send(
        self,
        kwargs: dict[str, Any],
        options: RequestOptions | None = None,
        responses: Mapping[int, Any] | None = None,
    ) -> httpx.Response:
        """Send one operation's request (from its `_get_kwargs`) with the options applied.

        Raises APIConnectionError (APITimeoutError on a timeout) instead of httpx's transport errors.
        With `validate_responses` on, the response is judged against `responses` (the operation's
        documented statuses and bodies) before it is returned.
        """
        request_kwargs = self._request_kwargs(kwargs, options or {})
        client = self.get_httpx_client()
        try:
            response = client.request(**request_kwargs)
        except httpx.RequestError as exc:
            raise APIConnectionError.from_exception(
                exc, request_kwargs["method"].upper(), self._url(kwargs)
            ) from exc
        if self.validate_responses is not None and responses is not None:
            judge(response, responses, self.validate_responses)
        return response

    async def asend(
        self,
        kwargs: dict[str, Any],
        options: RequestOptions | None = None,
        responses: Mapping[int, Any] | None = None,
    ) -> httpx.Response:
        """The async twin of `send`."""
        request_kwargs = self._request_kwargs(kwargs, options or {})
        client = self.get_async_httpx_client()
        try:
            response = await client.request(**request_kwargs)
        except httpx.RequestError as exc:
            raise APIConnectionError.from_exception(
                exc, request_kwargs["method"].upper(), self._url(kwargs)
            ) from exc
        if self.validate_responses is not None and responses is not None:
            judge(response, responses, self.validate_responses)
        return response

    def _url(self, kwargs: dict[str, Any]) -> str:
        return f"{self._base_url}{kwargs.get('url', '')}"

    def close(self) -> None:
        """Close the sync connection pool."""
        if self._client is not None:
            self._client.close()
            self._client = None

    async def aclose(self) -> None:
        """Close the async connection pool."""
        if self._async_client is not None:
            await self._async_client.aclose()
            self._async_client = None

    def __enter__(self) -> Self:
        self.get_httpx_client()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        self.get_async_httpx_client()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


# The request extensions that carry one call's retry policy and its deadline (monotonic time, budget in
# seconds) to the transports below.
RETRY_EXTENSION: Final = "sitecore_cdp_retry"
DEADLINE_EXTENSION: Final = "sitecore_cdp_deadline"
_ATTEMPT_TIMEOUT: Final = "sitecore_cdp_attempt_timeout"


class TotalTimeoutExceeded(httpx.TimeoutException):
    """The call's `total_timeout` was used up before an attempt could start (becomes APITimeoutError)."""


def _total_timeout(value: object, error: type[Exception]) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise error(f"total_timeout must be a positive number of seconds or None, got {value!r}")
    return float(value)


def _no_credentials(cls: str, client_key: str | None, api_token: str | None) -> str:
    settings = [
        (arg, env, label)
        for arg, env, label, value in (
            ("client_key", ENV_CLIENT_KEY, "Client key", client_key),
            ("api_token", ENV_API_TOKEN, "API token", api_token),
        )
        if value is None
    ]
    what = "credentials" if len(settings) > 1 else settings[0][0]
    args = " and ".join(f"{arg}=" for arg, _, _ in settings)
    labels = " and ".join(label for _, _, label in settings)
    names = " and ".join(env for _, env, _ in settings)
    return (
        f"{cls} has no {what}: pass {args} (the {labels} of Settings > API access), "
        f"or set {names} and build it with {cls}.from_env()"
    )


def _remaining(request: httpx.Request) -> float | None:
    """Seconds left of the call's total_timeout; None without one. Raises once nothing is left."""
    deadline = request.extensions.get(DEADLINE_EXTENSION)
    if deadline is None:
        return None
    at, budget = deadline
    left = float(at - time.monotonic())
    if left <= 0:
        raise TotalTimeoutExceeded(f"the total_timeout of {budget:g} s is used up", request=request)
    return left


def _cut_timeout(request: httpx.Request) -> None:
    """Cut this attempt's timeouts (connect, read, write, pool) to what is left of the call's budget."""
    left = _remaining(request)
    if left is None:
        return
    attempt = request.extensions.setdefault(_ATTEMPT_TIMEOUT, dict(request.extensions.get("timeout") or {}))
    request.extensions["timeout"] = {
        kind: left if attempt.get(kind) is None else min(attempt[kind], left)
        for kind in ("connect", "read", "write", "pool")
    }


class _DeadlineTransport(httpx.BaseTransport):
    """Under the retry layer: each attempt of a call with a total_timeout gets only what is left of it."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        _cut_timeout(request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


class _AsyncDeadlineTransport(httpx.AsyncBaseTransport):
    """The async twin of _DeadlineTransport."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        _cut_timeout(request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


class _DeadlineRetry:
    """Mixed into a call's retry policy when it has a total_timeout: no retry after the deadline, no wait past it.

    The waits are cut through the library's own cap on the sum of waits (`total_timeout` of httpx_retries,
    which bounds only the waits): before each wait it is lowered to the waits so far plus what is left.
    """

    deadline: float
    elapsed_sleep: float
    total_timeout: float | None

    def increment(self) -> Retry:
        new = super().increment()  # type: ignore[misc]
        new.deadline = self.deadline
        return new  # type: ignore[no-any-return]

    def is_exhausted(self) -> bool:
        return bool(super().is_exhausted() or time.monotonic() >= self.deadline)  # type: ignore[misc]

    def _cap_waits(self) -> None:
        cap = max(self.elapsed_sleep + max(self.deadline - time.monotonic(), 0.0), 1e-6)
        self.total_timeout = cap if self.total_timeout is None else min(self.total_timeout, cap)

    def sleep(self, response: httpx.Response | Exception) -> None:
        self._cap_waits()
        super().sleep(response)  # type: ignore[misc]

    async def asleep(self, response: httpx.Response | Exception) -> None:
        self._cap_waits()
        await super().asleep(response)  # type: ignore[misc]


_DEADLINE_CLASSES: dict[type[Retry], type[Retry]] = {}


def _with_deadline(policy: Retry, request: httpx.Request) -> Retry:
    """`policy`, or for a call with a total_timeout a copy of it that stops at the deadline."""
    deadline = request.extensions.get(DEADLINE_EXTENSION)
    if deadline is None:
        return policy
    cls = type(policy)
    if cls not in _DEADLINE_CLASSES:
        _DEADLINE_CLASSES[cls] = type(f"Deadline{cls.__name__}", (_DeadlineRetry, cls), {})
    bounded = copy.copy(policy)
    bounded.__class__ = _DEADLINE_CLASSES[cls]
    bounded.deadline = deadline[0]  # type: ignore[attr-defined]
    return bounded


class _RetryRouter(httpx.BaseTransport):
    """The client's retry layer: its own policy, or the one a call asked for (`retry=`), over one transport.

    httpx_retries reads a per-request policy itself only from 0.6; routing here works with every
    version the package allows. A call with a total_timeout gets its policy bounded by the deadline.
    """

    def __init__(self, inner: httpx.BaseTransport, retry: Retry) -> None:
        self.inner = _DeadlineTransport(inner)
        self.policy = retry
        self.default = RetryTransport(transport=self.inner, retry=retry)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        policy = request.extensions.get(RETRY_EXTENSION)
        if policy is None and DEADLINE_EXTENSION not in request.extensions:
            return self.default.handle_request(request)
        bounded = _with_deadline(self.policy if policy is None else policy, request)
        return RetryTransport(transport=self.inner, retry=bounded).handle_request(request)

    def close(self) -> None:
        self.inner.close()


class _AsyncRetryRouter(httpx.AsyncBaseTransport):
    """The async twin of _RetryRouter."""

    def __init__(self, inner: httpx.AsyncBaseTransport, retry: Retry) -> None:
        self.inner = _AsyncDeadlineTransport(inner)
        self.policy = retry
        self.default = RetryTransport(transport=self.inner, retry=retry)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        policy = request.extensions.get(RETRY_EXTENSION)
        if policy is None and DEADLINE_EXTENSION not in request.extensions:
            return await self.default.handle_async_request(request)
        bounded = _with_deadline(self.policy if policy is None else policy, request)
        return await RetryTransport(transport=self.inner, retry=bounded).handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def _resolve_base_url(*, region: str | None, base_url: str | None) -> str:
    if base_url and region:
        raise ConfigurationError("pass either region or base_url, not both")
    if base_url:
        try:
            url = httpx.URL(base_url)
        except httpx.InvalidURL:
            raise ConfigurationError("base_url is not a valid URL") from None
        if url.userinfo:
            # Credentials in a URL end up in logs and exception messages, so refuse them.
            raise ConfigurationError("base_url must not contain credentials; pass client_key and api_token")
        if url.scheme not in {"http", "https"} or not url.host:
            raise ConfigurationError(f"base_url must be an absolute http(s) URL, got {base_url!r}")
        return base_url.rstrip("/")
    if region:
        try:
            return REGIONS[region.strip().lower()]
        except KeyError:
            raise ConfigurationError(
                f"unknown region {region!r}: use one of {', '.join(REGIONS)} or pass base_url"
            ) from None
    raise ConfigurationError(f"pass region (one of {', '.join(REGIONS)}) or base_url")
