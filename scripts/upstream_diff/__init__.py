"""Compare spec/openapi.yaml with Sitecore's own description of the API (used by scripts/upstream.py).

Both sides are read into the same small model (`model.py`): an OpenAPI document by `openapi.py`, a folder
of saved API reference pages by `pages.py`; `compare.py` finds the differences and `report.py` prints them.
"""
