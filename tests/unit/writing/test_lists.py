"""widgets/writing/lists.py: "A, B and C"."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.writing.lists import and_list, quoted_list


@pytest.mark.parametrize(
    "items, expected",
    [([], ""), (["A"], "A"), (["A", "B"], "A and B"), (["A", "B", "C"], "A, B and C"), (["A", "", "C"], "A and C")],
)
def test_and_list(items, expected):
    assert and_list(items) == expected


def test_or_list_and_quoted_list():
    assert and_list(["tea", "coffee"], "or") == "tea or coffee"
    assert quoted_list(["a", "b"]) == "“a” and “b”"
    assert quoted_list(list("abcdef"), limit=2) == "“a”, “b” and 4 more"


@given(st.lists(st.text(min_size=1, max_size=5).filter(lambda s: "," not in s and " and " not in s), max_size=6))
def test_every_item_appears_once_in_order(items):
    text = and_list(items)
    position = 0
    for item in items:
        found = text.find(item, position)
        assert found >= 0
        position = found + len(item)
