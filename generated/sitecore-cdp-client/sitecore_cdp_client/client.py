"""The HTTP client: see _client.CDPClient (Basic auth, regions, timeouts, safe retries)"""

from ._client import DEFAULT_TIMEOUT, REGIONS, CDPClient, Region, default_retry

# Names the generated endpoint functions use for their `client` argument.
AuthenticatedClient = CDPClient
Client = CDPClient

__all__ = [
    "DEFAULT_TIMEOUT",
    "REGIONS",
    "AuthenticatedClient",
    "CDPClient",
    "Client",
    "Region",
    "default_retry",
]
