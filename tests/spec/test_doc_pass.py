"""Every operation records when it was last compared with Sitecore's pages, and what was found (issue 10).

The systematic pass writes one sentence into each operation's `x-doc-notes`: "Compared on <date> with
<pages>: <verdict>." or "Compared on <date>: no page found ...". A later pass updates the date; an
operation added without being compared fails here.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests._spec import operations

COMPARED = re.compile(r"Compared on (\d{4}-\d{2}-\d{2})(?: with (?P<pages>[^:]+))?: (?P<verdict>[^.]+)")
OPERATIONS = sorted(operations(), key=lambda op: op[2]["operationId"])


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op[2]["operationId"])
def test_each_operation_says_what_it_was_compared_with_and_when(
    op: tuple[str, str, dict[str, object]],
) -> None:
    _, _, operation = op
    notes = str(operation.get("x-doc-notes", ""))
    found = COMPARED.search(" ".join(notes.split()))
    assert found is not None, f"{operation['operationId']}: x-doc-notes does not record a page comparison"
    assert date.fromisoformat(found.group(1)) <= date.today()
    if found.group("pages") is None:
        assert "no page found" in found.group("verdict")
    else:
        assert found.group("verdict").startswith(("agrees", "differed")), found.group(0)


def test_no_page_verdicts_are_the_inferred_or_listed_operations() -> None:
    """An operation with no page to compare cannot claim to be documented."""
    for _, _, operation in OPERATIONS:
        notes = " ".join(str(operation.get("x-doc-notes", "")).split())
        if "Compared on" in notes and "no page found" in notes:
            assert operation["x-doc-status"] == "inferred", operation["operationId"]
