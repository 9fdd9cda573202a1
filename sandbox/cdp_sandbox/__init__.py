"""A faithful, stateful local stand-in for the Sitecore CDP Order REST APIs (v2 legacy and v2.1)."""

from .app import DEFAULT_API_TOKEN, DEFAULT_CLIENT_KEY, SandboxApp, create_app

__all__ = ["DEFAULT_API_TOKEN", "DEFAULT_CLIENT_KEY", "SandboxApp", "create_app"]
