"""A faithful, stateful local stand-in for the Sitecore CDP Order REST APIs (v2 legacy and v2.1)."""

from .app import SandboxApp
from .factory import DEFAULT_API_TOKEN, DEFAULT_CLIENT_KEY, app_factory, create_app

__all__ = ["DEFAULT_API_TOKEN", "DEFAULT_CLIENT_KEY", "SandboxApp", "app_factory", "create_app"]
