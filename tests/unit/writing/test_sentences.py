"""widgets/writing/sentences.py: a reader's fragment fitted into a sentence."""

import re

import pytest
from hypothesis import given

from tests.unit.writing.strategies import typed
from widgets.writing.sentences import join, phrase, question, sentence, tidy, without_lead

SENTENCES = [
    ("when you asked about budgets, I should have said more", "When you asked about budgets, I should have said more."),
    ("It went well.", "It went well."),
    ("it went well . .", "It went well."),
    ("it went well,.", "It went well."),
    ("it went well;", "It went well."),
    ("is that right?", "Is that right?"),
    ("really?!", "Really?!"),
    ("and then...", "And then..."),
    ('She said "yes."', 'She said "yes."'),
    ("(see the plan)", "(see the plan)."),
    ("  ", ""),
    ("", ""),
    ("SQL in   two\nlines", "SQL in two lines."),
]


@pytest.mark.parametrize("fragment, expected", SENTENCES)
def test_sentence(fragment, expected):
    assert sentence(fragment) == expected


PHRASES = [
    ("The new loyalty programme launch.", "the new loyalty programme launch"),
    ("How the team plans its quarter", "how the team plans its quarter"),
    ("SQL window functions", "SQL window functions"),  # a name or an acronym keeps its capital
    ("Python pipelines!", "Python pipelines"),
    ("the backlog ,", "the backlog"),
    ("I", "I"),
    ("", ""),
]


@pytest.mark.parametrize("fragment, expected", PHRASES)
def test_phrase(fragment, expected):
    assert phrase(fragment) == expected


@pytest.mark.parametrize(
    "fragment, expected",
    [("about budgets", "budgets"), ("About the dashboards.", "the dashboards"), ("aboutness", "aboutness")],
)
def test_without_lead(fragment, expected):
    assert without_lead(fragment, "about") == expected


def test_tidy_and_join():
    assert tidy("a  b , c . . d") == "a b, c. d"
    assert join("One.", "", "Two.") == "One. Two."


SEAMS = re.compile(r"\. \.|,\.|;\.|:\.")


@given(typed)
def test_a_sentence_has_no_seams_and_one_end(fragment):
    text = sentence(fragment)
    assert not SEAMS.search(text)
    if text:
        assert text[0] == text[0].upper() or len(text[0].upper()) != 1
        # One end mark, but after a web or mail address (a full stop would join the link).
        assert text.rstrip("\"'”’)]").endswith((".", "!", "?", "…")) or re.search(r"(://|www\.|@)\S*$", text)


@given(typed)
def test_a_phrase_has_no_seams_and_no_end_mark(fragment):
    text = phrase(fragment)
    assert not SEAMS.search(text)
    assert text == text.strip() and not text.endswith((".", ",", ";", ":", "!", "?"))


@given(typed)
def test_never_markup_the_reader_did_not_type(fragment):
    # Text stays text: nothing is escaped ("&lt;") and no markup is added.
    for text in (sentence(fragment), phrase(fragment)):
        for mark in "<>&":
            assert text.count(mark) <= fragment.count(mark)


@pytest.mark.parametrize(
    "fragment, expected",
    [
        ("what would make me a stronger candidate", "What would make me a stronger candidate?"),
        ("Which skills should I build first?", "Which skills should I build first?"),
        ("is there one thing I could improve.", "Is there one thing I could improve?"),
        ("", ""),
    ],
)
def test_question(fragment, expected):
    assert question(fragment) == expected


def test_a_link_at_the_end_gets_no_full_stop():
    assert sentence("my portfolio is at https://samrivera.dev/work") == "My portfolio is at https://samrivera.dev/work"
    assert sentence("write to sam@example.org") == "Write to sam@example.org"
