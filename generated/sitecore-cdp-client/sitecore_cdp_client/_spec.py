"""The OpenAPI document this package was generated from (written by scripts/regenerate)."""

__version__ = "0.2.2"
SPEC_SHA256 = "c777fbf02f7bd2092fb8c5e034d859b1119dd295224b6d1cbc61148d5e3aedcf"
GENERATOR = "openapi-python-client 0.29.1"
