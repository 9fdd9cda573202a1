"""The repository's scripts as importable modules, checked by ruff and mypy like the packages.

Each runs as a file (`python scripts/spec_changes.py`), as a module from the repository root
(`python -m scripts.spec_changes`), and the extension-less commands (`scripts/regenerate`, `scripts/nox`) are
thin wrappers around theirs.
"""
