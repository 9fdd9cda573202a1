"""The OpenAPI document this package was generated from (written by scripts/regenerate)."""

__version__ = "0.2.1"
SPEC_SHA256 = "e74395e7153b379e0c4fedc100f437e4ae2848e6b620ffe0b2c9b1eb5caf1f8c"
GENERATOR = "openapi-python-client 0.29.1"
