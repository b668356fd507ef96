"""widgets/rejection_checklist/reply.py: a short, gracious reply, with the greeting rules."""

import pytest

from widgets.rejection_checklist.reply import DEFAULT_QUESTION, ReplyInputs, compose_reply

FULL = ReplyInputs(
    your_name="Sam Rivera",
    contact="Ms Priya Natarajan",
    company="Northwind Health",
    role="Junior Data Analyst",
    detail="meeting the analytics team",
    ask_feedback=True,
    question="which skill would most strengthen an application like mine",
    stay_in_touch=True,
    tone="formal",
    signature="+1 555 0100\nlinkedin.com/in/samrivera",
)

REPLY = """Dear Ms Natarajan,

Thank you for letting me know your decision about the Junior Data Analyst role. I appreciated the chance to \
interview at Northwind Health and the time you gave me. I especially enjoyed meeting the analytics team.

If you are able to share feedback, I would be grateful for your answer to one question. Which skill would most \
strengthen an application like mine?

I would welcome the chance to be considered for future openings at Northwind Health, and I hope we can stay in touch.

Kind regards,
Sam Rivera
+1 555 0100
linkedin.com/in/samrivera"""


def test_a_reply_an_advisor_would_send():
    reply = compose_reply(FULL)
    assert reply.body == REPLY
    assert reply.subject == "Thank you - Junior Data Analyst role"


@pytest.mark.parametrize(
    "contact, tone, greeting",
    [
        ("Priya Natarajan", "formal", "Dear Priya Natarajan,"),
        ("Ms Priya Natarajan", "formal", "Dear Ms Natarajan,"),
        ("Dr. Maria Chen", "warm", "Hi Maria,"),
        ("Chen, Maria", "formal", "Dear Maria Chen,"),
        ("", "formal", "Dear Hiring Manager,"),
        ("", "warm", "Hi Hiring Manager,"),
    ],
)
def test_greeting_rules(contact, tone, greeting):
    assert compose_reply(ReplyInputs(contact=contact, tone=tone)).greeting == greeting


def test_the_warm_reply():
    body = compose_reply(ReplyInputs(contact="Priya Natarajan", your_name="Sam", tone="warm", stay_in_touch=True)).body
    assert body == (
        "Hi Priya,\n\nThank you for letting me know. I really appreciated the chance to interview and the time you "
        "gave me.\n\nI'd love to be considered for future openings, and I hope we stay in touch.\n\nBest wishes,\nSam"
    )


def test_one_clear_question_a_default_when_none_is_typed():
    assert DEFAULT_QUESTION in compose_reply(ReplyInputs(ask_feedback=True)).body
    body = compose_reply(ReplyInputs(ask_feedback=True, question="What could I improve.")).body
    assert "What could I improve?" in body and body.count("?") == 1


def test_without_the_optional_parts():
    reply = compose_reply(ReplyInputs())
    assert reply.body == (
        "Dear Hiring Manager,\n\nThank you for letting me know your decision. I appreciated the chance to interview "
        "and the time you gave me.\n\nKind regards,\n[Your name]"
    )
    assert reply.subject == "Thank you"


@pytest.mark.parametrize("detail", ["I enjoyed meeting the team.", "Meeting the team", "meeting the team,"])
def test_the_detail_fits_its_sentence(detail):
    assert "I especially enjoyed meeting the team." in compose_reply(ReplyInputs(detail=detail)).body
