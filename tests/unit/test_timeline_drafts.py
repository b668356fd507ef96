"""A draft for every follow-up: composed from the plan and the interview with the
writing core; read as an advisor would (no seams, the right greeting)."""

import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.follow_up_timeline import WIDGET
from widgets.follow_up_timeline.drafts import SLOTS, Facts, drafts
from widgets.follow_up_timeline.logic import Interview, Rules, plan
from widgets.state import block
from widgets.writing.message import text_file

D = datetime.date.fromisoformat
NOW = "2026-11-22T10:00:00-05:00"


def view_repeats(**state):
    full = {"_now": NOW, "interview_date": "2026-11-24", "company": "Acme", **state}
    return WIDGET.view(WIDGET.resolve_options({}), full)["repeats"]


def view_drafts(**state):
    """The drafts shown, in the plan's order (each kind has its own repeated output)."""
    repeats = view_repeats(**state)
    assert list(repeats) == ["first_check", "second_check", "keep_in_touch"]
    assert all(len(items) <= 1 for items in repeats.values())
    return [item for items in repeats.values() for item in items]


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


# ------------------------------------------------------- the reader's own text

EDITED = "You edited this draft: changes to the form no longer change it."
MINE = f"Hi Ana,\r\n\r\n{HOSTILE}\u2028a line\rand 100% “quotes” & <b>tags</b>.\n\nSam\n"


def decoded_mailto(href: str) -> dict[str, list[str]]:
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == ""
    return parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)


def test_an_edited_draft_is_the_readers_text_everywhere():
    (first, second, _) = view_drafts(role="Analyst", **{"first_check.0.body": MINE})
    shown = MINE.replace("\r\n", "\n").replace("\r", "\n")  # as the page's text area gives it back
    assert first["outputs"]["body"] == shown
    assert first["outputs"]["edited"] == EDITED
    assert first["outputs"]["subject"] == "Following up - Analyst interview"  # the subject is not edited
    query = decoded_mailto(first["links"]["mailto"])
    assert query == {"subject": ["Following up - Analyst interview"], "body": [shown.replace("\n", "\r\n")]}
    assert first["downloads"]["txt"]["text"] == f"Subject: Following up - Analyst interview\n\n{shown}"
    # The other drafts still follow the form.
    assert second["outputs"]["edited"] == "" and second["outputs"]["body"].startswith("Dear Hiring Manager,")


def test_an_edit_stays_with_its_kind_of_draft():
    mine = {"first_check.0.body": "My first check", "keep_in_touch.0.body": "My keep-in-touch"}
    # The first check sent: its draft goes, and its text never moves to the second check.
    repeats = view_repeats(interview_date="2026-11-02", thank_you_sent=True, first_check_sent=True, **mine)
    assert repeats["first_check"] == []
    assert repeats["second_check"][0]["outputs"]["body"].startswith("Dear Hiring Manager,")
    assert repeats["second_check"][0]["outputs"]["edited"] == ""
    assert repeats["keep_in_touch"][0]["outputs"]["body"] == "My keep-in-touch"
    # Unticked again: the reader's first check is back as they left it.
    (first, *_) = view_drafts(interview_date="2026-11-02", thank_you_sent=True, **mine)
    assert first["outputs"]["body"] == "My first check" and first["outputs"]["edited"] == EDITED
    # An informational interview has only keep-in-touch: a status check's text is not used for it.
    (keep,) = view_drafts(interview_type="informational", **{"first_check.0.body": "My first check"})
    assert keep["outputs"]["title"] == "Keep in touch" and keep["outputs"]["edited"] == ""


def test_a_draft_emptied_by_the_reader_stays_empty():
    (first, *_) = view_drafts(**{"first_check.0.body": ""})
    assert first["outputs"]["body"] == "" and first["outputs"]["edited"] == EDITED
    assert decoded_mailto(first["links"]["mailto"]) == {"subject": ["Following up on my interview"]}
    assert first["downloads"]["txt"]["text"] == "Subject: Following up on my interview\n\n\n"


def test_a_lone_surrogate_in_an_edit_cannot_break_the_files():
    (first, *_) = view_drafts(**{"first_check.0.body": "half an emoji \ud83d here"})
    assert first["outputs"]["body"] == "half an emoji \ufffd here"
    assert decoded_mailto(first["links"]["mailto"])["body"] == ["half an emoji \ufffd here"]
    first["downloads"]["txt"]["text"].encode("utf-8")


def test_no_plan_no_drafts_and_an_edit_is_not_lost():
    # The state still carries the reader's text (the page keeps it); no item shows it for now.
    repeats = view_repeats(interview_date="2026-02-30", **{"first_check.0.body": "Mine"})
    assert repeats == {"first_check": [], "second_check": [], "keep_in_touch": []}
    assert view_repeats(interview_date="")["first_check"] == []


def test_each_slot_names_its_field_and_file():
    assert [(s.body_field, s.filename) for s in SLOTS] == [
        ("first_check.0.body", "first-status-check.txt"),
        ("second_check.0.body", "second-status-check.txt"),
        ("keep_in_touch.0.body", "stay-in-touch.txt"),
    ]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_any_edit_is_what_copy_mailto_and_txt_carry(mine):
    (first, *_) = view_drafts(**{"first_check.0.body": mine})
    shown = first["outputs"]["body"]
    assert shown == block({"b": mine}, "b")
    assert decoded_mailto(first["links"]["mailto"]).get("body", [""]) == [shown.replace("\n", "\r\n")]
    assert first["downloads"]["txt"]["text"] == text_file(first["outputs"]["subject"], shown)


# ------------------------------------------------- the guide's sample of each

DOCS = Path(__file__).resolve().parents[2] / "docs"
# Each draft's sample in the guide: (page, the admonition's title, the slot).
SAMPLES = (
    ("timing.md", "A sample status check", "first_check"),
    ("timing.md", "A sample second check", "second_check"),
    ("staying-in-touch.md", "A sample keep-in-touch message", "keep_in_touch"),
)


def sample(page: str, title: str) -> list[str]:
    """The lines of a sample in the guide, as Markdown writes them (unindented)."""
    text = (DOCS / page).read_text(encoding="utf-8")
    head = f'!!! tip "{title}"\n'
    assert text.count(head) == 1, f"docs/{page}: one sample titled {title!r}"
    lines = []
    for line in text.split(head, 1)[1].splitlines():
        if line and not line.startswith("    "):
            break
        lines.append(line.removeprefix("    "))
    while lines and not lines[-1]:
        lines.pop()
    return lines


def test_the_guide_shows_each_draft_laid_out_as_the_widget_writes_it():
    # The samples' own facts: what the widget writes with them has the same subject, greeting and closing.
    repeats = view_repeats(
        company="Northwind Logistics", your_name="Sam Lee", contact_name="Ms. Ana Rivera", role="Project Coordinator"
    )
    for page, title, slot in SAMPLES:
        lines = sample(page, title)
        (item,) = repeats[slot]
        subject, body = item["outputs"]["subject"], item["outputs"]["body"]
        greeting = body.split("\n\n")[0]
        assert lines[0] == f"**Subject:** {subject}", page
        assert lines[1] == "" and lines[2] == greeting and lines[3] == ""  # a blank line after each part
        assert lines[-2:] == ["Kind regards,<br>", "Sam Lee"] and body.endswith("Kind regards,\nSam Lee")
        paragraphs = [line for line in lines[4:-2] if line]
        assert len(paragraphs) == len(body.split("\n\n")) - 2  # as many paragraphs as the widget writes
