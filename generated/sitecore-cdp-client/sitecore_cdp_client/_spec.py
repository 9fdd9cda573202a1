"""The OpenAPI document this package was generated from (written by scripts/regenerate)."""

__version__ = "0.2.0"
SPEC_SHA256 = "06cedf9a4cae0a749336b2d6567e50db81a5021621151fe421b9aef8b5618947"
GENERATOR = "openapi-python-client 0.29.1"
