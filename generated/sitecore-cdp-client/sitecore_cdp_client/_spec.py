"""The OpenAPI document this package was generated from (written by scripts/regenerate)."""

__version__ = "0.1.0"
SPEC_SHA256 = "e49b242ede9fb8a3ec2be486bfeec2a1d695472899c073c6098713eb08217894"
GENERATOR = "openapi-python-client 0.29.1"
