"""widgets/thank_you_note/logic.py: the notes read as a person writes them.

Each table row is a draft read aloud: the right greeting, no template seams,
different notes for different people, and the short formats condensed."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.thank_you_note.cases import CHEN_EMAIL, INFORMATIONAL, INFORMATIONAL_EMAIL, OCONNOR_EMAIL, PANEL
from widgets.dates import DEFAULT, DateStyle
from widgets.interview import TYPE_VALUES
from widgets.record import replace
from widgets.thank_you_note.inputs import FORMATS, TONES, Interviewer, read_inputs, read_interviewers
from widgets.thank_you_note.logic import (
    CARD_MAX_WORDS,
    LINKEDIN_MAX_CHARS,
    PLACEHOLDERS,
    compose,
    condense,
    gets_shared_detail,
    is_frame,
    subject_line,
)
from widgets.writing.parts import sentences, split_message

INPUTS = read_inputs(PANEL)
US_STYLE = DateStyle(order="month-day", clock=12)
CHEN, OCONNOR = read_interviewers(PANEL)


def notes(state):
    inputs, people = read_inputs(state), read_interviewers(state)
    return [compose(inputs, p, i, len(people)) for i, p in enumerate(people)]


def test_the_realistic_panel_gets_two_notes_an_advisor_would_send():
    chen, oconnor = notes(PANEL)
    assert chen.body == CHEN_EMAIL
    assert oconnor.body == OCONNOR_EMAIL
    assert chen.subject == oconnor.subject == "Thank you - Junior Data Analyst interview"


def test_the_clarification_goes_only_to_the_person_it_is_owed_to():
    chen, oconnor = notes(PANEL)
    assert "SQL window functions" in chen.body and "SQL window functions" not in oconnor.body
    assert "portfolio" in oconnor.body and "portfolio" not in chen.body


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_template_seams(fmt, tone):
    for note in notes(dict(PANEL, format=fmt, tone=tone)):
        text = note.body
        assert "as part of the panel" not in text
        # Their own title is never told back to them.
        assert "Analytics Manager" not in text and "Head of Data Engineering" not in text
        assert not re.search(r": [A-Z][a-z]", text.replace("Subject: ", ""))  # no capital after a colon
        assert "discussing The" not in text and "attached a link" not in text
        assert not re.search(r"\. \.|,\.|\.\.(?!\.)", text)
        assert text.count("Junior Data Analyst") <= 1 and text.count("Northwind Health") <= 1
        assert "Dr. Maria Chen" not in text  # never title + given name + surname


@pytest.mark.parametrize(
    "name, tone, fmt, greeting",
    [
        ("Dr. Maria Chen", "formal", "email", "Dear Dr. Chen,"),
        ("Dr. Maria Chen", "warm", "email", "Hi Maria,"),
        ("Dr. Maria Chen", "warm", "card", "Dear Maria,"),  # a card opens with "Dear"
        ("James O'Connor", "formal", "email", "Dear James O'Connor,"),
        ("Chen, Maria", "warm", "linkedin", "Hi Maria,"),
        ("Prof Lee", "formal", "email", "Dear Prof Lee,"),
        ("", "formal", "email", "Dear [Interviewer's name],"),
    ],
)
def test_greetings(name, tone, fmt, greeting):
    inputs = replace(INPUTS, tone=tone, format=fmt)
    assert compose(inputs, Interviewer(name=name)).greeting == greeting


@pytest.mark.parametrize(
    "interview_type, style, opening",
    [
        ("phone", DEFAULT, "Thank you for speaking with me by phone on Tuesday 17 November about the"),
        ("video", DEFAULT, "Thank you for speaking with me on Tuesday 17 November about the"),
        ("on-site", DEFAULT, "Thank you for meeting with me on Tuesday 17 November to discuss the"),
        ("panel", DEFAULT, "Thank you for meeting with me on Tuesday 17 November to discuss the"),
        ("final-round", DEFAULT, "Thank you for meeting with me for the final round on Tuesday 17 November to discuss"),
        # The guide set to month-day (mkdocs.yml extra.dates): the date's commas close around it.
        ("phone", US_STYLE, "Thank you for speaking with me by phone on Tuesday, November 17, about the"),
        ("on-site", US_STYLE, "Thank you for meeting with me on Tuesday, November 17, to discuss the"),
        ("final-round", US_STYLE, "Thank you for meeting with me for the final round on Tuesday, November 17, to"),
    ],
)
def test_the_kind_of_interview_is_said_naturally(interview_type, style, opening):
    note = compose(replace(INPUTS, interview_type=interview_type, date_style=style), CHEN)
    assert note.paragraphs[0].startswith(opening)


@pytest.mark.parametrize("style", [DEFAULT, US_STYLE])
def test_the_opening_thanks_is_frame_in_either_date_style(style):
    """A panel's notes are compared without it, however the date is written."""
    opening = compose(replace(INPUTS, date_style=style), CHEN).paragraphs[0].split(". ")[0] + "."
    assert "17" in opening and is_frame(opening)


@pytest.mark.parametrize(
    "style, thanks",
    [
        (DEFAULT, "Thank you so much for taking the time to talk with me on Tuesday 17 November. "),
        (US_STYLE, "Thank you so much for taking the time to talk with me on Tuesday, November 17. "),
    ],
)
def test_the_informational_note_gives_the_day_in_the_guides_style(style, thanks):
    inputs = replace(read_inputs(INFORMATIONAL), date_style=style)
    assert compose(inputs, read_interviewers(INFORMATIONAL)[0]).paragraphs[0].startswith(thanks)


def test_a_single_note_carries_every_shared_point_and_the_signature():
    note = compose(INPUTS, CHEN)
    for point in ("loyalty programme", "capstone", "healthcare", "SQL window functions"):
        assert point in note.body
    assert note.closing == "Kind regards,\nSam Rivera\n+1 555 0100\nlinkedin.com/in/samrivera"
    assert 100 <= len(note.body.split()) <= 200


def test_a_panel_shares_the_readers_points_out():
    assert [gets_shared_detail(INPUTS, i, 3) for i in range(3)] == [True, False, True]
    assert gets_shared_detail(replace(INPUTS, fit=""), 1, 3)  # nothing to share out
    assert gets_shared_detail(INPUTS, 1, 1)


def test_the_informational_note_thanks_for_advice():
    (note,) = notes(INFORMATIONAL)
    assert note.body == INFORMATIONAL_EMAIL
    assert note.subject == "Thank you for your advice"
    assert "the role" not in note.body and "dashboard" not in note.body and "great analyst" not in note.body
    assert 3 <= len(sentences(note.message)) <= 5


def test_an_empty_informational_note_asks_for_their_advice():
    note = compose(read_inputs({"interview_type": "informational"}), Interviewer())
    assert PLACEHOLDERS["advice"] in note.body and "[Role]" not in note.body


@pytest.mark.parametrize("tone", TONES)
def test_a_card_is_three_to_five_short_sentences(tone):
    for note in notes(dict(PANEL, format="card", tone=tone)):
        assert note.subject == ""
        assert 3 <= len(sentences(note.message)) <= 5
        assert len(note.message.split()) <= CARD_MAX_WORDS
        assert note.closing == f"{'Kind regards,' if tone == 'formal' else 'Best wishes,'}\nSam Rivera"


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("interview_type", ["panel", "informational"])
def test_linkedin_fits_its_limit_from_realistic_input(tone, interview_type):
    for note in notes(dict(PANEL, format="linkedin", tone=tone, interview_type=interview_type)):
        assert len(note.body) <= LINKEDIN_MAX_CHARS
        assert note.closing == "Best,\nSam Rivera"
        assert note.subject == ""


def test_linkedin_condenses_content_rather_than_cutting_words():
    long_detail = (
        "how I would check a dashboard's numbers before it goes to the clinics, and what I would do "
        "when the source system and the warehouse disagree about a patient count"
    )
    state = dict(PANEL, format="linkedin", **{"interviewers.0.detail": long_detail})
    note = notes(state)[0]
    assert len(note.body) <= LINKEDIN_MAX_CHARS
    assert "how I would check a dashboard's numbers" in note.body
    assert "disagree" not in note.body  # the second clause was dropped, not cut mid-word
    for sentence in sentences(note.message):
        assert sentence.endswith((".", "?", "!"))


@pytest.mark.parametrize(
    "fragment, condensed",
    [
        ("how I check numbers, and why it matters", "how I check numbers"),
        ("the move to dbt (and the tests)", "the move to dbt"),
        ("budgets and hiring", "budgets and hiring"),  # nothing shorter keeps two words
        ("SQL", "SQL"),
    ],
)
def test_condense(fragment, condensed):
    assert condense(fragment) == condensed


def test_subjects():
    assert subject_line(INPUTS) == "Thank you - Junior Data Analyst interview"
    assert subject_line(replace(INPUTS, tone="warm")) == "Thank you for the Junior Data Analyst interview"
    assert subject_line(replace(INPUTS, role="")) == "Thank you - [Role] interview"
    assert subject_line(replace(INPUTS, format="card")) == ""


def test_an_empty_form_shows_placeholders_for_what_is_needed_only():
    note = compose(read_inputs({}), Interviewer())
    for blank in (
        "[Interviewer's name]",
        "[Role]",
        "[Company]",
        "[Your name]",
        PLACEHOLDERS["detail"],
        PLACEHOLDERS["fit"],
    ):
        assert blank in note.body


words = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.fixed_dictionaries(
        dict.fromkeys(("role", "company", "discussed", "strengths", "fit"), words),
        optional={"interview_date": st.sampled_from(["2026-11-17", ""])},
    ),
    st.lists(st.fixed_dictionaries(dict.fromkeys(("name", "detail", "clarify"), words)), min_size=1, max_size=3),
    st.sampled_from(FORMATS),
    st.sampled_from(TONES),
    st.sampled_from(TYPE_VALUES),
)
def test_any_input_reads_without_seams_or_new_markup(fields, rows, fmt, tone, kind):
    state = dict(fields, format=fmt, tone=tone, interview_type=kind, your_name="Sam")
    for i, row in enumerate(rows):
        state.update({f"interviewers.{i}.{k}": v for k, v in row.items()})
    typed = "".join(str(v) for v in state.values())
    for note in notes(state):
        message = split_message(note.body).message
        assert not re.search(r"\. \.|,\.|;\.", message)
        assert note.greeting.endswith(",") and note.greeting.split(" ", 1)[1].strip(" ,")
        for mark in "<>&":
            assert note.body.count(mark) <= typed.count(mark)
