"""widgets/writing/names.py: a typed name read into title, given name and surname."""

import pytest
from hypothesis import given

from tests.unit.writing.strategies import typed
from widgets.writing.names import Name, parse_name

NAMES = [
    # typed, title, given, surname, full
    ("Dr. Maria Chen", "Dr.", "Maria", "Chen", "Maria Chen"),
    ("Chen, Maria", "", "Maria", "Chen", "Maria Chen"),
    ("María José García-López", "", "María José", "García-López", "María José García-López"),
    ("Priya", "", "Priya", "", "Priya"),
    ("Prof Lee", "Prof", "", "Lee", "Lee"),
    ("James O'Connor", "", "James", "O'Connor", "James O'Connor"),
    ("Ms Priya Natarajan", "Ms", "Priya", "Natarajan", "Priya Natarajan"),
    ("Maria Chen, PhD", "", "Maria", "Chen", "Maria Chen"),
    ("Chen, Dr. Maria", "Dr.", "Maria", "Chen", "Maria Chen"),
    ("Ludwig van Beethoven", "", "Ludwig", "van Beethoven", "Ludwig van Beethoven"),
    ("  dr.   ana   okafor ", "dr.", "ana", "okafor", "ana okafor"),
    ("Sir John Smith", "Sir", "John", "Smith", "John Smith"),
    ("", "", "", "", ""),
    ("Miss", "", "Miss", "", "Miss"),  # a title alone is what the reader typed: kept as the name
]


@pytest.mark.parametrize("typed_name, title, given_name, surname, full", NAMES)
def test_parse_name(typed_name, title, given_name, surname, full):
    assert parse_name(typed_name) == Name(title=title, given=given_name, surname=surname, full=full)


@pytest.mark.parametrize(
    "typed_name, formal, warm",
    [
        ("Dr. Maria Chen", "Dr. Chen", "Maria"),
        ("Chen, Maria", "Maria Chen", "Maria"),
        ("Prof Lee", "Prof Lee", "Prof Lee"),  # no given name: warm falls back to the formal form
        ("Sir John Smith", "Sir John", "John"),
        ("Priya", "Priya", "Priya"),
        ("", "", ""),
    ],
)
def test_formal_and_warm_forms(typed_name, formal, warm):
    name = parse_name(typed_name)
    assert (name.formal, name.warm) == (formal, warm)


@given(typed)
def test_parts_come_from_what_was_typed(text):
    name = parse_name(text)
    words = text.split()
    for part in (name.title, name.given, name.surname):
        assert all(word in words or word in text for word in part.split())
    assert name.is_empty == (not text.split(",") or not "".join(text.split(",")).split())
