"""widgets/writing/lint.py: checks on a message's text as it will be sent."""

import pytest
from hypothesis import given

from tests.unit.writing.strategies import typed
from widgets.writing.lint import (
    CLICHES,
    cliche_check,
    cliches,
    has_gratitude,
    has_interest,
    marks_check,
    placeholder_check,
    placeholders,
)


def test_cliches_come_from_the_data_file():
    assert {"perfect fit", "passionate about", "don't hesitate to reach out", "think outside the box"} <= set(
        CLICHES.values()
    )


@pytest.mark.parametrize(
    "text, found",
    [
        ("I am a perfect fit.", ["perfect fit"]),
        ("I'm PASSIONATE about data", ["passionate about"]),
        ("Don’t hesitate to reach out.", ["don't hesitate to reach out"]),  # curly apostrophe
        ("I think outside the box", ["think outside the box"]),  # not also "outside the box"
        ("a real go getter and team-player", ["go-getter", "team player"]),
        ("compassionate about patients; a perfect fitness plan", []),  # whole words only
        ("perfect fit, perfect fit", ["perfect fit"]),
    ],
)
def test_cliches(text, found):
    assert cliches(text) == found
    check = cliche_check(text)
    if found:
        assert check["tone"] == "warn"
        assert all(f"“{phrase}”" in check["text"] for phrase in found)
    else:
        assert check == {"text": "No cliches.", "tone": "pass"}


@pytest.mark.parametrize(
    "text, tone, says",
    [
        ("Thanks!", "pass", "Tone"),
        ("Thanks! Great!", "warn", "this has 2"),
        ("See you :)", "warn", "“:)”"),
        ("Bye ;-) and :D and xD and <3", "warn", "“;-)”, “:D”, “xD” and 1 more"),
        ("So happy \U0001f600", "warn", "\U0001f600"),
        ("See https://example.org/a:b, ratio 2:3, Note:Do this (a:)", "pass", "Tone"),
    ],
)
def test_exclamation_marks_and_emoticons(text, tone, says):
    check = marks_check(text)
    assert check["tone"] == tone and says in check["text"]


@pytest.mark.parametrize(
    "text, from_form, tone, says",
    [
        ("Dear Ana,", True, "pass", "Complete"),
        ("Dear [Interviewer's name], at [Company]", True, "todo", "Still to fill in: [Interviewer's name], [Company]."),
        ("Dear [Name],", False, "warn", "Replace what is still in brackets before you send: [Name]."),
        ("[a] [b] [c] [d] [e]", True, "todo", "[a], [b], [c], [d] and more."),
        ("[]  [x\ny]", True, "pass", "Complete"),  # not a blank to fill
    ],
)
def test_placeholders(text, from_form, tone, says):
    check = placeholder_check(text, from_form=from_form)
    assert check["tone"] == tone and says in check["text"]


@pytest.mark.parametrize(
    "text, gratitude, interest",
    [
        ("Thank you for your time.", True, False),
        ("I appreciated it and remain interested.", True, True),
        ("I look forward to hearing from you.", False, True),
        ("I'd love to join the team.", False, True),
        ("See you.", False, False),
    ],
)
def test_gratitude_and_interest(text, gratitude, interest):
    assert (has_gratitude(text), has_interest(text)) == (gratitude, interest)


@given(typed)
def test_lints_never_raise_and_quote_only_what_is_there(text):
    for blank in placeholders(text):
        assert blank in text
    for check in (cliche_check(text), marks_check(text), placeholder_check(text, from_form=False)):
        assert check["tone"] in {"pass", "warn", "todo"} and check["text"]
