"""widgets/thank_you_note/inputs.py: the form's state read into plain values, never raising."""

import datetime as dt

import pytest

from widgets.thank_you_note.inputs import (
    MAX_INTERVIEWERS,
    Confirmed,
    Edits,
    Interviewer,
    is_untouched,
    read_confirmed,
    read_edits,
    read_inputs,
    read_interviewers,
)


def test_inputs_are_read_trimmed_and_folded():
    inputs = read_inputs({"your_name": "  Sam \n Lee ", "company": 42, "format": "card", "tone": "warm"})
    assert (inputs.your_name, inputs.company, inputs.format, inputs.tone) == ("Sam Lee", "", "card", "warm")


@pytest.mark.parametrize(
    "state, expected",
    [
        ({}, ("email", "formal", "phone")),
        ({"format": "fax", "tone": ["warm"], "interview_type": "<b>"}, ("email", "formal", "phone")),
        (
            {"format": "linkedin", "tone": "warm", "interview_type": "informational"},
            ("linkedin", "warm", "informational"),
        ),
    ],
)
def test_choices_fall_back_to_the_defaults(state, expected):
    inputs = read_inputs(state)
    assert (inputs.format, inputs.tone, inputs.interview_type) == expected


@pytest.mark.parametrize(
    "date, time, parsed",
    [
        ("2025-03-04", "14:30", (dt.date(2025, 3, 4), dt.time(14, 30))),
        ("", "", (None, None)),
        ("4 March", "2pm", (None, None)),
        ("2025-02-30", "25:00", (None, None)),
    ],
)
def test_date_and_time(date, time, parsed):
    inputs = read_inputs({"interview_date": date, "interview_time": time})
    assert (inputs.date, inputs.time) == parsed


def test_rows_follow_the_highest_index_and_stop_at_the_bound():
    state = {
        "interviewers.0.name": "Ana",
        "interviewers.2.title": "CTO",
        "interviewers.x.name": "?",
        "other.5.name": "?",
    }
    assert read_interviewers(state) == [Interviewer("Ana"), Interviewer(), Interviewer(title="CTO")]
    assert read_interviewers({}) == [Interviewer()]
    many = {f"interviewers.{i}.name": f"P{i}" for i in range(MAX_INTERVIEWERS + 5)}
    assert len(read_interviewers(many)) == MAX_INTERVIEWERS
    assert len(read_interviewers({"interviewers.999999.name": "x"})) == MAX_INTERVIEWERS


def test_a_lone_surrogate_becomes_a_replacement_character():
    inputs = read_inputs({"your_name": "Sam \ud83d Lee", "company": "Caf\u00e9 \U0001f600"})
    assert inputs.your_name == "Sam \ufffd Lee"
    assert inputs.company == "Caf\u00e9 \U0001f600"
    inputs.your_name.encode("utf-8")


# ------------------------------------------------------------------ composing


def test_a_row_holds_name_title_email_detail_and_a_point_of_its_own():
    state = {
        "interviewers.0.name": " Dr. Maria Chen ",
        "interviewers.0.title": "Analytics Manager",
        "interviewers.0.email": "maria.chen@example.org",
        "interviewers.0.detail": "dashboards",
        "interviewers.0.clarify": "window\nfunctions",
    }
    assert read_interviewers(state) == [
        Interviewer("Dr. Maria Chen", "Analytics Manager", "maria.chen@example.org", "dashboards", "window functions")
    ]


def test_the_signature_keeps_its_lines():
    assert read_inputs({"signature": "+1 555 0100\r\nsamrivera.dev"}).signature == "+1 555 0100\nsamrivera.dev"


@pytest.mark.parametrize(
    "state, edits",
    [
        ({}, Edits()),
        ({"notes.0.body": "Hi,\r\n\r\nThanks."}, Edits(body="Hi,\n\nThanks.")),
        ({"notes.0.body": ""}, Edits(body="")),  # an emptied draft is the reader's too
        ({"notes.0.body": 5}, Edits()),
        ({"notes.1.body": "x"}, Edits()),
    ],
)
def test_the_readers_own_text(state, edits):
    assert read_edits(state, 0) == edits


def test_ticks_and_untouched():
    assert read_confirmed({"confirm_names": True, "confirm_attachments": "yes"}) == Confirmed(names=True)
    assert is_untouched(
        {"format": "card", "tone": "warm", "interview_type": "panel", "_now": "x", "_tz": "Europe/Paris"}
    )
    assert is_untouched({"interviewers.0.name": "  ", "interviewers.1.name": ""})
    assert not is_untouched({"interviewers.1.detail": "x"})
