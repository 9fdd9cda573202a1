"""The project keeps one `$ref` resolver, cdp_openapi/refs.py: no other hand-written module walks a JSON pointer.

A second resolver drifts from the first (one unescapes `~1`, the other not; one follows list indices, the other
not), and the sandbox, the suite and the scripts then read the same spec differently. Walking a pointer shows as
splitting a `$ref` on "/" or unescaping its tokens; reading a ref's component name (`rsplit("/", 1)`) is not.
"""

from __future__ import annotations

import re

from tests.house.test_module_size import ROOT, hand_written_modules

RESOLVER = "cdp_openapi/refs.py"
WALKS_A_POINTER = re.compile(r"""\$ref.*\.split\(\s*["']/["']|replace\(\s*["']~[01]["']""")


def test_only_cdp_openapi_refs_follows_json_pointers() -> None:
    walkers = {}
    for path in hand_written_modules():
        name = path.relative_to(ROOT).as_posix()
        if name in (RESOLVER, "tests/house/test_one_ref_resolver.py"):
            continue
        lines = [
            n
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if WALKS_A_POINTER.search(line)
        ]
        if lines:
            walkers[name] = lines
    assert walkers == {}, (
        f"use cdp_openapi.refs (follow, resolve, target) instead of walking $ref pointers: {walkers}"
    )


def test_the_pattern_sees_the_resolvers_it_replaced() -> None:
    for line in (
        'for part in value["$ref"][2:].split("/"):',
        'for part in node["$ref"].lstrip("#/").split("/"):',
        'key = part.replace("~1", "/").replace("~0", "~")',
    ):
        assert WALKS_A_POINTER.search(line), line
    assert not WALKS_A_POINTER.search('name = ref.rsplit("/", 1)[-1]')
