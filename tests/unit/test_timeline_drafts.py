"""A draft for every follow-up: composed from the plan and the interview with the
writing core; read as an advisor would (no seams, the right greeting)."""

import datetime
from urllib.parse import parse_qs, urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.follow_up_timeline import WIDGET
from widgets.follow_up_timeline.drafts import Facts, drafts
from widgets.follow_up_timeline.logic import Interview, Rules, plan

D = datetime.date.fromisoformat
NOW = "2026-11-22T10:00:00-05:00"


def view_drafts(**state):
    full = {"_now": NOW, "interview_date": "2026-11-24", "company": "Acme", **state}
    return WIDGET.view(WIDGET.resolve_options({}), full)["repeats"]["drafts"]


def test_three_drafts_read_as_e_mails():
    items = view_drafts(your_name="Sam Lee", contact_name="Dr. Ana Rivera", role="Project Coordinator")
    assert [item["outputs"]["title"] for item in items] == [
        "First status check",
        "Second status check",
        "Keep in touch",
    ]
    first, second, keep = (item["outputs"] for item in items)
    assert first["subject"] == "Following up - Project Coordinator interview"
    assert first["body"] == (
        "Dear Dr. Rivera,\n\n"
        "I hope your week is going well. I interviewed for the Project Coordinator role at Acme on 24 November "
        "and wanted to ask whether there is any update on your timeline.\n\n"
        "I am still very interested in the position and in joining Acme.\n\n"
        "Thank you again for your time. I look forward to hearing from you.\n\n"
        "Kind regards,\nSam Lee"
    )
    # The second is a reply in the first one's thread, naming the day the first went.
    assert second["subject"] == "Re: Following up - Project Coordinator interview"
    assert "I am following up on my message of 1 December about the Project Coordinator role at Acme." in second["body"]
    assert keep["subject"] == "Staying in touch - Acme"
    assert keep["body"].startswith("Dear Dr. Rivera,\n\nI hope all is well at Acme.")


def test_a_decision_date_is_mentioned():
    (first, *_) = view_drafts(decision_date="2026-12-04")
    assert "You mentioned you hoped to decide by 4 December, so I wanted to ask" in first["outputs"]["body"]


def test_nothing_typed_leaves_no_seams():
    items = view_drafts(company="")
    bodies = [item["outputs"]["body"] for item in items]
    assert bodies[0].startswith(
        "Dear Hiring Manager,\n\nI hope your week is going well. I interviewed for the position on"
    )
    assert items[0]["outputs"]["subject"] == "Following up on my interview"
    for body in bodies:
        assert "[" not in body and "None" not in body and "  " not in body and " ." not in body
        assert body.endswith("Kind regards,")  # unsigned until the reader types their name


def test_informational_gets_only_a_keep_in_touch_draft():
    (item,) = view_drafts(interview_type="informational", company="", share="the report you mentioned.")
    body = item["outputs"]["body"]
    assert body.startswith("Hello,\n\nThank you again for the advice you gave me when we spoke on 24 November.")
    assert "I came across the report you mentioned and thought of our conversation." in body


def test_sent_follow_ups_need_no_draft():
    items = view_drafts(interview_date="2026-11-02", thank_you_sent=True, first_check_sent=True)
    assert [item["outputs"]["title"] for item in items] == ["Second status check", "Keep in touch"]


def test_mailto_and_txt_carry_the_exact_draft():
    (first, *_) = view_drafts(your_name="Zoë O'Brien", contact_name="Mx. Kim", role="R&D lead")
    subject, body = first["outputs"]["subject"], first["outputs"]["body"]
    query = parse_qs(urlsplit(first["links"]["mailto"]).query)
    assert query["subject"] == [subject]
    assert query["body"] == [body.replace("\n", "\r\n")]
    assert first["downloads"]["txt"] == {
        "filename": "first-status-check.txt",
        "mime": "text/plain",
        "text": f"Subject: {subject}\n\n{body}\n",
    }


HOSTILE = '<img src=x onerror="alert(1)"> \u202eשלום 👩🏽\u200d💻'


def test_hostile_text_is_kept_literally():
    (first, *_) = view_drafts(company=HOSTILE, contact_name=HOSTILE, role=HOSTILE)
    assert HOSTILE in first["outputs"]["body"] and HOSTILE in first["outputs"]["subject"]


typed = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@settings(max_examples=200, deadline=None)
@given(typed, typed, typed, typed, typed, st.sampled_from(["phone", "panel", "informational"]))
def test_any_typing_gives_whole_messages(name, contact, role, company, share, kind):
    interview = Interview(D("2026-11-24"), kind=kind, company=" ".join(company.split()))
    facts = Facts(" ".join(name.split()), " ".join(contact.split()), " ".join(role.split()), share)
    for message in drafts(interview, plan(interview, Rules()), facts).values():
        greeting, *_ = message.body.split("\n\n")
        assert greeting.endswith(",") and greeting.split(" ", 1)[0] in ("Dear", "Hello,")
        assert ",," not in greeting and "Dear ," not in greeting
        for paragraph in message.paragraphs:
            assert paragraph and paragraph[-1] in ".?!…", paragraph
        assert message.body == message.body.strip()
