"""widgets/writing/parts.py: a message's parts found again in edited text."""

import pytest
from hypothesis import given

from tests.unit.writing.strategies import typed
from widgets.writing.parts import Parts, paragraphs, sentences, split_message, word_count

NOTE = "Dear Dr. Chen,\n\nThank you. It was good.\n\nI remain interested.\n\nKind regards,\nSam Lee\n+1 555 0100"


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            NOTE,
            Parts(
                "Dear Dr. Chen,",
                "Thank you. It was good.\n\nI remain interested.",
                "Kind regards,\nSam Lee\n+1 555 0100",
            ),
        ),
        ("Hi Maria,\n\nThanks!\n\nBest,\nSam", Parts("Hi Maria,", "Thanks!", "Best,\nSam")),
        ("Thanks for everything.\n\nSincerely,\nSam", Parts("", "Thanks for everything.", "Sincerely,\nSam")),
        ("Just one paragraph, no greeting or closing.", Parts("", "Just one paragraph, no greeting or closing.", "")),
        ("Dear Ana,\r\n\r\nText.\r\n\r\nWarm regards,\r\nSam", Parts("Dear Ana,", "Text.", "Warm regards,\nSam")),
        ("", Parts("", "", "")),
    ],
)
def test_split_message(text, parts):
    assert split_message(text) == parts


def test_sentences_and_words():
    assert sentences("One. Two? Three!\n\nFour…  Five (yes.) Six") == [
        "One.",
        "Two?",
        "Three!",
        "Four…",
        "Five (yes.)",
        "Six",
    ]
    assert sentences("Line one\nline two.") == ["Line one", "line two."]
    assert word_count("a  b\nc") == 3
    assert paragraphs("a\n \nb\n\n\nc") == ["a", "b", "c"]


@given(typed)
def test_split_keeps_every_word(text):
    parts = split_message(text)
    assert word_count(" ".join([parts.greeting, parts.message, parts.closing])) == word_count(text)
