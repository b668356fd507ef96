"""widgets/writing/greetings.py: formal is title + surname or the full name, warm the given name."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.writing.strategies import typed
from widgets.writing.greetings import TONES, addressed_as, greeting

GREETINGS = [
    ("Dr. Maria Chen", "formal", "Dear Dr. Chen,"),
    ("Dr. Maria Chen", "warm", "Hi Maria,"),
    ("James O'Connor", "formal", "Dear James O'Connor,"),
    ("James O'Connor", "warm", "Hi James,"),
    ("Ms Priya Natarajan", "formal", "Dear Ms Natarajan,"),
    ("Chen, Maria", "formal", "Dear Maria Chen,"),
    ("Chen, Maria", "warm", "Hi Maria,"),
    ("María José García-López", "formal", "Dear María José García-López,"),
    ("María José García-López", "warm", "Hi María José,"),
    ("Priya", "formal", "Dear Priya,"),
    ("Prof Lee", "formal", "Dear Prof Lee,"),
    ("Prof Lee", "warm", "Hi Prof Lee,"),
    ("", "formal", "Dear Hiring Manager,"),
    ("   ", "warm", "Hi Hiring Manager,"),
]


@pytest.mark.parametrize("name, tone, expected", GREETINGS)
def test_greeting(name, tone, expected):
    assert greeting(name, tone, fallback="Hiring Manager") == expected


def test_salutation_overrides_the_tone_word():
    assert greeting("Dr. Maria Chen", "warm", fallback="x", salutation="Dear") == "Dear Maria,"


def test_never_title_given_and_surname_together():
    assert addressed_as("Dr. Maria Chen", "formal") == "Dr. Chen"


@given(typed, st.sampled_from(TONES), typed)
def test_a_greeting_is_never_empty_and_ends_with_a_comma(name, tone, fallback):
    text = greeting(name, tone, fallback=fallback)
    salutation, _, who = text.partition(" ")
    assert salutation in ("Dear", "Hi") and who.strip(" ,") and text.endswith(",")
    assert "\n" not in text and ",," not in text
