"""widgets/rejection_checklist/checks.py: the reply checked as it will be sent."""

import pytest

from widgets.rejection_checklist.checks import MAX_WORDS, reply_checks
from widgets.rejection_checklist.reply import ReplyInputs, compose_reply

INPUTS = ReplyInputs(contact="Ms Priya Natarajan", your_name="Sam", ask_feedback=True, stay_in_touch=True)


def texts(checks, tone):
    return [c["text"] for c in checks if c["tone"] == tone]


def test_a_composed_reply_passes():
    checks = reply_checks(INPUTS, compose_reply(INPUTS).body, edited=False)
    assert {c["tone"] for c in checks} == {"pass"}


@pytest.mark.parametrize(
    "body, says",
    [
        ("Dear Ms Natarajan,\n\nWhy? And why not?\n\nSam", "Ask one clear question at most: this reply asks 2."),
        ("Dear Ms Natarajan,\n\nOK.\n\nSam", "Open with thanks"),
        ("Dear Ms Natarajen,\n\nThank you.\n\nSam", "doesn't spell the name"),
        ("Dear [Name],\n\nThank you.", "Replace what is still in brackets"),
        ("Dear Ms Natarajan,\n\nThank you. " + "word " * MAX_WORDS, "Keep it short"),
        ("Dear Ms Natarajan,\n\nThank you, I am passionate about it!! :)", "“passionate about”"),
    ],
)
def test_an_edited_reply_warns(body, says):
    assert any(says in text for text in texts(reply_checks(INPUTS, body, edited=True), "warn"))


def test_an_empty_form_has_to_dos_not_warnings():
    checks = reply_checks(ReplyInputs(), compose_reply(ReplyInputs()).body, edited=False)
    assert texts(checks, "warn") == []
    assert texts(checks, "todo") == [
        "Add the name of the person who wrote to you, for the greeting.",
        "Still to fill in: [Your name].",
    ]
