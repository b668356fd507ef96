"""The thank-you-note builder inside the real, pinned Pyodide (under Node): the
same requests give the same replies as on CPython, hostile input included,
and the cliche list loads from the wheel."""

from __future__ import annotations

import json

import pytest

from tests.unit.thank_you_note.cases import CHEN_EMAIL, INFORMATIONAL, OCONNOR_EMAIL, PANEL
from widgets.binding import handle
from widgets.writing.lint import CLICHES

NOW = "2025-03-05T10:00"
HOSTILE = '<script>alert(1)</script> \u202eשלום 👩🏽‍💻 e\u0301\u0301 "quotes" & \\ backslash %0D%0A'

FULL = {
    "your_name": "Sam Lee",
    "company": "Acme Logistics",
    "role": "Project Coordinator",
    "interview_date": "2025-03-04",
    "interview_time": "14:30",
    "interview_type": "on-site",
    "interviewers.0.name": "Dr. Ana Okafor",
    "interviewers.0.title": "Head of Operations",
    "interviewers.0.detail": "how the team plans its quarter",
    "discussed": "the backlog in customer onboarding",
    "strengths": "I cut intake wait times by a third",
    "fit": "I like bringing order to busy queues",
    "interviewers.0.clarify": "I managed a vendor budget",
    "signature": "+1 555 0100",
    "format": "email",
    "tone": "warm",
    "_now": NOW,
}
CLICHE_FIT = "I am a team player, a go-getter and a self starter who will hit the ground running!!! :)"

REQUESTS = [
    # The empty form, as the page first sends it.
    {"widget": "thank-you-note", "options": {}, "state": {"_now": NOW}},
    {"widget": "thank-you-note", "options": {"heading": "Your note"}, "state": FULL},
    # A panel of three, two of them alike; a card, formal; an informational LinkedIn note.
    {
        "widget": "thank-you-note",
        "options": {},
        "state": {
            **FULL,
            "interview_type": "panel",
            "format": "card",
            "tone": "formal",
            "interviewers.1.name": "Ben Ode",
            "interviewers.1.detail": "how the team plans its quarter",
            "interviewers.2.name": "Cy Park",
            "interviewers.2.title": "CTO",
            "interviewers.2.detail": "the tools",
        },
    },
    {
        "widget": "thank-you-note",
        "options": {},
        "state": {
            **FULL,
            "interview_type": "informational",
            "format": "linkedin",
            "interview_time": "",
            "_now": "2025-03-08T09:00",
        },
    },
    # The cliche list (a data file in the wheel) and the marks check.
    {"widget": "thank-you-note", "options": {}, "state": {**FULL, "fit": CLICHE_FIT}},
    # Hostile and odd input: markup, RTL, emoji, combining characters, 10,000
    # characters, a lone surrogate, dates no picker would let through, rows past the bound.
    {
        "widget": "thank-you-note",
        "options": {},
        "state": {
            "your_name": HOSTILE,
            "company": "x" * 10_000,
            "role": "\ud83d",
            "discussed": HOSTILE * 50,
            "interviewers.0.name": HOSTILE,
            "interviewers.0.title": "</article>",
            "interviewers.11.name": "Twelfth",
            "interview_date": "9999-12-31",
            "interview_time": "99:99",
            "format": "<b>",
            "tone": None,
            "interview_type": ["panel"],
            "_now": "not a time",
        },
    },
    {
        "widget": "thank-you-note",
        "options": {},
        "state": {"interview_date": "2025-02-30", "interview_time": "14:30", "_now": NOW},
    },
    {"widget": "thank-you-note", "options": {"heading": 3}, "state": {}},
    {"widget": "thank-you-note", "options": {}, "state": "not an object"},
    # The panel, the same with James's draft edited, an informational
    # note, and the panel as LinkedIn notes: the drafts an advisor reads.
    {"widget": "thank-you-note", "options": {}, "state": PANEL},
    {"widget": "thank-you-note", "options": {}, "state": {**PANEL, "notes.1.body": "Dear James,\r\n\r\nThanks!!"}},
    {"widget": "thank-you-note", "options": {}, "state": INFORMATIONAL},
    {"widget": "thank-you-note", "options": {}, "state": {**PANEL, "format": "linkedin", "tone": "warm"}},
    # The panel in a guide set to month-day and a 12-hour clock (mkdocs.yml extra.dates).
    {"widget": "thank-you-note", "options": {"date_style": {"order": "month-day", "clock": 12}}, "state": PANEL},
]


@pytest.fixture(scope="module")
def pyodide_replies(in_pyodide):
    return in_pyodide(REQUESTS)


def test_runs_on_the_pinned_runtime(pyodide_replies):
    python, replies = pyodide_replies
    assert python.startswith("3.")
    assert len(replies) == len(REQUESTS)


@pytest.mark.parametrize("index", range(len(REQUESTS)))
def test_same_reply_as_cpython(pyodide_replies, index):
    _, replies = pyodide_replies
    assert json.loads(replies[index]) == json.loads(handle(json.dumps(REQUESTS[index])))


def test_the_cliche_list_loads_from_the_wheel(pyodide_replies):
    """In Pyodide the widgets come from their wheel only: the checks that
    read cliches.json work there, phrase by phrase as the file spells them."""
    _, replies = pyodide_replies
    (note,) = json.loads(replies[4])["view"]["repeats"]["notes"]
    texts = [c["text"] for c in note["outputs"]["checks"]]
    assert (
        "Swap cliches for something concrete: “team player”, “go-getter”, “self-starter” and “hit the ground running”."
        in texts
    )
    assert {"team player", "go-getter", "self-starter", "hit the ground running"} <= set(CLICHES.values())
    assert "Use one exclamation mark at most (this has 3) and take out the emoticons: “:)”." in texts


def test_hostile_input_comes_back_as_text(pyodide_replies):
    _, replies = pyodide_replies
    view = json.loads(replies[5])["view"]
    notes = view["repeats"]["notes"]
    assert len(notes) == 10  # the bound, not twelve
    body = notes[0]["outputs"]["body"]
    assert body.startswith(f"Dear {HOSTILE},") and "x" * 10_000 in body and "\ufffd" in body
    assert view["errors"]["interview_time"] == "Write the time as HH:MM, e.g. 14:30."
    assert view["errors"]["interview_date"] == "This is more than a year from today: check the year."
    errors = [json.loads(replies[i]) for i in (7, 8)]
    assert all(set(e) == {"error"} for e in errors)


def test_the_drafts_read_the_same_in_the_browser(pyodide_replies):
    _, replies = pyodide_replies
    panel, edited, informational, linkedin = (json.loads(r)["view"] for r in replies[9:13])
    assert [n["outputs"]["body"] for n in panel["repeats"]["notes"]] == [CHEN_EMAIL, OCONNOR_EMAIL]
    assert edited["repeats"]["notes"][1]["outputs"]["body"] == "Dear James,\n\nThanks!!"
    (note,) = informational["repeats"]["notes"]
    assert note["outputs"]["subject"] == "Thank you for your advice" and "role" not in note["outputs"]["body"]
    assert all(len(n["outputs"]["body"]) <= 300 for n in linkedin["repeats"]["notes"])


def test_the_guides_date_style_holds_in_the_browser(pyodide_replies):
    _, replies = pyodide_replies
    default, month_day = (json.loads(replies[i])["view"] for i in (9, 13))
    assert default["outputs"]["send_by"] == "Send by Wednesday 18 November at 10:00."
    assert month_day["outputs"]["send_by"] == "Send by Wednesday, November 18 at 10:00 AM."
    assert "on Tuesday, November 17, to discuss" in month_day["repeats"]["notes"][0]["outputs"]["body"]
