"""The thank-you-note builder on CPython: reading the form, composing, checks, timing."""

import dataclasses
import datetime as dt
import itertools

import pytest

from widgets.thank_you_note import checks
from widgets.thank_you_note.checks import (
    CARD_SENTENCES,
    CLICHES,
    EMAIL_WORDS,
    LINKEDIN_MAX_CHARS,
    cliche_check,
    gratitude_check,
    interest_check,
    length_check,
    marks_check,
    panel_checks,
    placeholder_check,
    reminders,
    sentence_count,
    similarity,
    specific_check,
)
from widgets.thank_you_note.inputs import (
    FORMATS,
    MAX_INTERVIEWERS,
    TONES,
    TYPE_VALUES,
    Inputs,
    Interviewer,
    read_inputs,
    read_interviewers,
)
from widgets.thank_you_note.logic import PLACEHOLDERS, Note, compose, greeting_name, phrase, sentence
from widgets.thank_you_note.timing import deadline, now_from, prompt_check, send_by_text

FULL = Inputs(
    your_name="Sam Lee",
    company="Acme",
    role="Project Coordinator",
    date=dt.date(2025, 3, 4),
    time=dt.time(14, 30),
    interview_type="on-site",
    discussed="the backlog in customer onboarding",
    strengths="at my last job I redesigned our intake process and cut wait times by a third",
    fit="My experience running intake projects matches what the team needs next",
    clarify="I have since finished the scheduling course I mentioned",
    materials="my portfolio",
)
ANA = Interviewer("Ana Okafor", "Head of Operations", "how the team plans its quarter")


def with_(**changes):
    return dataclasses.replace(FULL, **changes)


def note(body, subject=""):
    """A Note holding ``body`` as its whole message, for the checks that read text."""
    return Note(subject=subject, greeting="Dear Ana,", paragraphs=(body,), sign_off="Best,", signature="Sam")


# ------------------------------------------------------------ reading the form


def test_inputs_are_read_trimmed_and_folded():
    inputs = read_inputs({"your_name": "  Sam \n Lee ", "company": 42, "format": "card", "tone": "warm"})
    assert (inputs.your_name, inputs.company, inputs.format, inputs.tone) == ("Sam Lee", "", "card", "warm")


@pytest.mark.parametrize(
    "state, expected",
    [
        ({}, ("email", "formal", "video")),
        ({"format": "fax", "tone": ["warm"], "interview_type": "<b>"}, ("email", "formal", "video")),
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


@pytest.mark.parametrize(
    "value, as_phrase, as_sentence",
    [
        ("the backlog.", "the backlog", "The backlog."),
        ("we met twice!", "we met twice", "We met twice!"),
        ("Done?", "Done", "Done?"),
        ("iPhone work", "iPhone work", "IPhone work."),
        ("(see the plan)", "(see the plan)", "(see the plan)"),
    ],
)
def test_fields_inside_and_as_sentences(value, as_phrase, as_sentence):
    assert phrase(value) == as_phrase
    assert sentence(value) == as_sentence


@pytest.mark.parametrize(
    "name, tone, expected",
    [
        ("Ana Okafor", "formal", "Ana Okafor"),
        ("Ana Okafor", "warm", "Ana"),
        ("Dr. Ana Okafor", "warm", "Dr. Okafor"),
        ("Prof Li", "warm", "Prof Li"),
        ("Okafor", "warm", "Okafor"),
    ],
)
def test_greeting_names(name, tone, expected):
    assert greeting_name(name, tone) == expected


def test_full_email_says_everything_in_the_guides_order():
    n = compose(FULL, ANA)
    assert n.subject == "Thank you - Project Coordinator interview"
    assert n.greeting == "Dear Ana Okafor,"
    body = n.body
    order = [
        "Thank you for taking the time to meet with me about the Project Coordinator role at Acme on Tuesday, March 4.",
        "I especially enjoyed discussing the backlog in customer onboarding.",
        "At my last job I redesigned our intake process and cut wait times by a third.",
        "I also appreciated your perspective as Head of Operations on how the team plans its quarter.",
        "My experience running intake projects matches what the team needs next.",
        "I remain very interested in the Project Coordinator role",
        "I would also like to add one point: I have since finished the scheduling course I mentioned.",
        "As promised, I have attached my portfolio.",
        "I look forward to hearing from you",
        "Kind regards,\nSam Lee",
    ]
    positions = [body.index(part) for part in order]
    assert positions == sorted(positions)
    assert "[" not in body


def test_warm_tone():
    n = compose(with_(tone="warm"), ANA)
    assert n.subject == "Thank you for the Project Coordinator interview"
    assert n.body.startswith("Hi Ana,\n\nThank you so much for taking the time")
    assert "I'm excited about the Project Coordinator role" in n.body
    assert n.body.endswith("Best wishes,\nSam Lee")


def test_card_is_short_and_has_no_subject():
    n = compose(with_(format="card"), ANA)
    assert n.subject == ""
    low, high = CARD_SENTENCES
    assert low <= sentence_count(n.message) <= high
    # Fit and the optional points are left for an e-mail.
    for left_out in (FULL.fit, "scheduling course", "portfolio"):
        assert left_out not in n.body


def test_linkedin_is_a_few_lines():
    n = compose(with_(format="linkedin"), Interviewer("Ana Okafor"))
    assert n.subject == ""
    assert len(n.paragraphs) == 1
    assert len(n.body) <= LINKEDIN_MAX_CHARS
    assert "Tuesday" not in n.body and n.body.endswith("Best,\nSam Lee")


@pytest.mark.parametrize(
    "interview_type, words",
    [
        ("phone", "speak with me by phone"),
        ("video", "speak with me by video"),
        ("on-site", "meet with me about"),
        ("panel", "meet with me as part of the panel"),
        ("final-round", "meet with me for the final round"),
        ("informational", "share your experience with me about your work at Acme"),
    ],
)
def test_the_kind_of_interview_is_named(interview_type, words):
    assert words in compose(with_(interview_type=interview_type), ANA).body


def test_informational_interview_wording():
    n = compose(with_(interview_type="informational", fit=""), ANA)
    assert n.subject == "Thank you - informational interview"
    assert "even more interested in Project Coordinator roles" in n.body
    assert "keep you updated on how I put your advice to use" in n.body
    assert "[" not in n.body  # no role to fit yet: no placeholder for it


def test_empty_form_shows_placeholders_for_what_is_needed_only():
    n = compose(Inputs(), Interviewer())
    for name in ("your_name", "interviewer", "company", "role", "discussed", "strengths", "fit"):
        assert PLACEHOLDERS[name] in n.subject + n.body
    assert "As promised" not in n.body and "add one point" not in n.body and " on " not in n.body.split("\n")[2]


def test_optional_fields_add_sentences_only_when_given():
    bare = compose(with_(clarify="", materials="", date=None), Interviewer("Ana"))
    assert "As promised" not in bare.body and "add one point" not in bare.body
    assert "Acme." in bare.body  # no date after the company
    assert "perspective" not in bare.body  # no title, no detail: no personal sentence


@pytest.mark.parametrize(
    "title, detail, expected",
    [
        ("CTO", "", "I also appreciated hearing your perspective as CTO."),
        ("", "hiring plans.", "I also appreciated your perspective on hiring plans."),
        ("CTO", "hiring plans", "I also appreciated your perspective as CTO on hiring plans."),
    ],
)
def test_the_personal_sentence(title, detail, expected):
    assert expected in compose(FULL, Interviewer("Ana", title, detail)).body


def test_each_position_words_the_note_differently():
    bodies = [compose(FULL, ANA, variant).body for variant in range(3)]
    assert len(set(bodies)) == 3
    assert compose(FULL, ANA, 3).body == bodies[0]  # deterministic, by position


ALL_COMBINATIONS = list(itertools.product(FORMATS, TONES, TYPE_VALUES, range(3)))


@pytest.mark.parametrize("fmt, tone, kind, variant", ALL_COMBINATIONS)
def test_stock_wording_passes_its_own_checks(fmt, tone, kind, variant):
    inputs = with_(format=fmt, tone=tone, interview_type=kind)
    n = compose(inputs, ANA, variant)
    assert cliche_check(n)["tone"] == "pass", n.body
    assert marks_check(n)["tone"] == "pass"
    assert gratitude_check(n)["tone"] == "pass"
    assert interest_check(inputs, n)["tone"] == "pass"
    assert placeholder_check(n)["tone"] == "pass"


# -------------------------------------------------------------------- checks


@pytest.mark.parametrize(
    "discussed, strengths, fmt, tone, says",
    [
        ("", "x", "email", "warn", "Add one specific thing"),
        ("Python", "x", "email", "warn", "Say a little more"),
        ("the role", "x", "email", "warn", "Say a little more"),
        ("your company culture and the team", "x", "email", "warn", "could fit any interview"),
        ("everything about the job, really", "x", "email", "warn", "could fit any interview"),
        ("the backlog in customer onboarding", "", "email", "warn", "Link what you discussed"),
        ("the backlog in customer onboarding", "", "linkedin", "pass", "Specific"),
        ("Kubernetes migration", "x", "card", "pass", "Specific"),
        ("the Q3 launch", "x", "email", "pass", "Specific"),
    ],
)
def test_specific(discussed, strengths, fmt, tone, says):
    check = specific_check(with_(discussed=discussed, strengths=strengths, format=fmt))
    assert check["tone"] == tone and says in check["text"]


@pytest.mark.parametrize(
    "text, tone",
    [("Thank you for your time.", "pass"), ("I appreciated it.", "pass"), ("Thanks!", "pass"), ("Hello.", "warn")],
)
def test_gratitude(text, tone):
    assert gratitude_check(note(text))["tone"] == tone


@pytest.mark.parametrize(
    "fit, text, tone, says",
    [
        ("", "I remain very interested.", "warn", "why you fit"),
        ("I fit.", "Nothing here.", "warn", "still interested"),
        ("I fit.", "I look forward to it.", "pass", "Interest"),
        ("I fit.", "I'm excited about the role.", "pass", "Interest"),
    ],
)
def test_interest(fit, text, tone, says):
    check = interest_check(with_(fit=fit), note(text))
    assert check["tone"] == tone and says in check["text"]


def test_no_fit_needed_in_short_formats_or_informational():
    for inputs in (
        with_(fit="", format="card"),
        with_(fit="", format="linkedin"),
        with_(fit="", interview_type="informational"),
    ):
        assert interest_check(inputs, compose(inputs, ANA))["tone"] == "pass"


@pytest.mark.parametrize(
    "subject, text, tone, says",
    [
        ("", "All done.", "pass", "no blanks"),
        ("Thank you - [Role] interview", "Hi [Name], [Name]", "warn", "[Role], [Name]."),
        ("", "[a] [b] [c] [d] [e]", "warn", "[a], [b], [c], [d] and more."),
        ("", "[\nnot one]", "pass", "no blanks"),
    ],
)
def test_placeholders(subject, text, tone, says):
    check = placeholder_check(note(text, subject))
    assert check["tone"] == tone and says in check["text"]


def chars_note(count):
    return note("x" * (count - len(note("").body)))


def words_note(count):
    # greeting (2 words) + sign-off (1) + signature (1) + the message.
    return note(" ".join(["word"] * (count - 4)))


@pytest.mark.parametrize(
    "fmt, n, tone, count",
    [
        ("email", words_note(EMAIL_WORDS[0] - 1), "warn", "99 words (aim for 100-200)"),
        ("email", words_note(EMAIL_WORDS[0]), "pass", "100 words (aim for 100-200)"),
        ("email", words_note(EMAIL_WORDS[1]), "pass", "200 words (aim for 100-200)"),
        ("email", words_note(EMAIL_WORDS[1] + 1), "warn", "201 words (aim for 100-200)"),
        ("card", note("One. Two! Three?"), "pass", "3 sentences (aim for 3-5)"),
        ("card", note("One. Two."), "warn", "2 sentences (aim for 3-5)"),
        ("card", note("1. 2. 3. 4. 5. 6."), "warn", "6 sentences (aim for 3-5)"),
        ("card", note("One sentence"), "warn", "1 sentence (aim for 3-5)"),
        ("linkedin", chars_note(LINKEDIN_MAX_CHARS), "pass", "300 of 300 characters"),
        ("linkedin", chars_note(LINKEDIN_MAX_CHARS + 1), "warn", "301 of 300 characters"),
    ],
)
def test_length_by_format(fmt, n, tone, count):
    check, shown = length_check(fmt, n)
    assert (check["tone"], shown) == (tone, count)


def test_length_suggestions_say_what_to_do():
    assert "Trim 1 character:" in length_check("linkedin", chars_note(LINKEDIN_MAX_CHARS + 1))[0]["text"]
    assert "Trim 2 characters:" in length_check("linkedin", chars_note(LINKEDIN_MAX_CHARS + 2))[0]["text"]
    assert "shorten it" in length_check("card", note("1. 2. 3. 4. 5. 6."))[0]["text"]


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
    check = cliche_check(note(text))
    if found:
        assert check["tone"] == "warn"
        assert all(f"“{phrase}”" in check["text"] for phrase in found)
    else:
        assert check == {"text": "No cliches.", "tone": "pass"}


@pytest.mark.parametrize(
    "text, tone, says",
    [
        ("Thanks!", "pass", "Tone"),
        ("Thanks! Great!", "warn", "this note has 2"),
        ("See you :)", "warn", "“:)”"),
        ("Bye ;-) and :D and xD and <3", "warn", "“;-)”, “:D”, “xD” and 1 more"),
        ("So happy \U0001f600", "warn", "\U0001f600"),
        ("See https://example.org/a:b, ratio 2:3, Note:Do this (a:)", "pass", "Tone"),
    ],
)
def test_exclamation_marks_and_emoticons(text, tone, says):
    check = marks_check(note(text))
    assert check["tone"] == tone and says in check["text"]


def test_reminders_name_spelling_and_attachments():
    texts = [c["text"] for c in reminders(FULL, ANA)]
    assert texts == [
        "Check the spelling: “Ana Okafor”, “Head of Operations”.",
        "Attach what you promised before you send: my portfolio.",
    ]
    assert reminders(with_(materials="", format="card"), Interviewer()) == []
    assert reminders(with_(format="card"), Interviewer("Ana"))[0]["text"] == "Check the spelling: “Ana”."


# ------------------------------------------------------------------- a panel


def said(detail, inputs=FULL):
    return compose(inputs, Interviewer(detail=detail)).message


@pytest.mark.parametrize(
    "a, b",
    [
        ("", ""),
        ("budgets", "hiring"),  # one word swapped
        ("the onboarding backlog", "the onboarding backlog for new customers"),
    ],
)
def test_near_identical_notes_are_flagged(a, b):
    (check,) = panel_checks(["Ana", "Ben"], [said(a), said(b)])
    assert check["tone"] == "warn"
    assert check["text"].startswith("The notes to Ana and Ben say ")


def test_identical_notes_say_so():
    (check,) = panel_checks(["Ana", "Ben", "Cy"], [said("")] * 3)
    assert check["text"] == (
        "The notes to Ana, Ben and Cy say the same thing apart from the names: "
        "add what each of them asked about or cared about most."
    )


@pytest.mark.parametrize(
    "a, b",
    [
        ("how the team plans its quarter and reviews budgets", "the hiring plan for two new engineers this spring"),
        ("the quarterly budget review and its tooling", "how new engineers are hired and trained"),
    ],
)
def test_notes_with_a_sentence_of_their_own_pass(a, b):
    assert panel_checks(["Ana", "Ben"], [said(a), said(b)]) == [
        {"text": "Each note says something of its own.", "tone": "pass"}
    ]
    assert similarity(said(a), said(b)) < checks.NEAR_IDENTICAL


def test_groups_of_alike_notes():
    texts = [said(""), said("the hiring plan for two new engineers this spring"), said("")]
    (check,) = panel_checks(["Ana", "Ben", "Cy"], texts)
    assert check["text"].startswith("The notes to Ana and Cy say the same thing")


def test_one_interviewer_has_no_panel_check():
    assert panel_checks(["Ana"], [said("")]) == []


@pytest.mark.parametrize(
    "a, b, expected",
    [("", "", 1.0), ("a b c", "a b c", 1.0), ("a b c d", "a x c d", 0.75), ("a", "", 0.0), ("a b", "c d", 0.0)],
)
def test_similarity_is_difflibs_ratio_on_words(a, b, expected):
    assert similarity(a, b) == expected


def test_similarity_stays_fast_on_huge_repetitive_texts():
    a = "a " * 5000 + "x " * 3000
    b = "a " * 5000 + "y " * 3000
    assert 0.5 < similarity(a, b) < 0.7


# ------------------------------------------------------------------- timing

NOW = dt.datetime(2025, 3, 5, 10, 0)


@pytest.mark.parametrize(
    "date, time, informational, now, tone, says",
    [
        (None, None, False, NOW, "warn", "Add the interview's date: a note should go within 24 hours."),
        (None, None, True, NOW, "warn", "within 3-5 days of an informational interview"),
        (
            dt.date(2025, 3, 4),
            dt.time(14, 30),
            False,
            NOW,
            "pass",
            "Prompt: send by Wednesday, March 5 at 2:30 PM (24 hours after the interview).",
        ),
        (
            dt.date(2025, 3, 4),
            dt.time(9, 0),
            False,
            NOW,
            "warn",
            "The time to send passed on Wednesday, March 5 at 9:00 AM",
        ),
        (dt.date(2025, 3, 4), None, False, dt.datetime(2025, 3, 5, 23, 59), "pass", "send by Wednesday, March 5 ("),
        (dt.date(2025, 3, 4), None, False, dt.datetime(2025, 3, 6, 0, 1), "warn", "passed on Wednesday, March 5:"),
        (dt.date(2025, 3, 4), None, True, dt.datetime(2025, 3, 7), "pass", "send by Friday, March 7 (3-5 days"),
        (
            dt.date(2025, 3, 4),
            None,
            True,
            dt.datetime(2025, 3, 8),
            "warn",
            "Send it today: Sunday, March 9 is the latest",
        ),
        (dt.date(2025, 3, 4), None, True, dt.datetime(2025, 3, 10), "warn", "passed on Sunday, March 9"),
        (dt.date(2025, 3, 10), None, False, NOW, "pass", "send by Tuesday, March 11"),  # a note prepared early
    ],
)
def test_prompt(date, time, informational, now, tone, says):
    check = prompt_check(deadline(date, time, informational), informational, now)
    assert check["tone"] == tone and says in check["text"]


@pytest.mark.parametrize(
    "date, time, informational, expected",
    [
        (None, None, False, "Add the interview's date to see when to send your note (within 24 hours)."),
        (dt.date(2025, 3, 4), dt.time(0, 5), False, "Send by Wednesday, March 5 at 12:05 AM."),
        (
            dt.date(2025, 3, 4),
            dt.time(12, 0),
            True,
            "Send by Friday, March 7 at 12:00 PM; Sunday, March 9 at 12:00 PM at the latest.",
        ),
        (
            dt.date(9999, 12, 31),
            None,
            False,
            "Add the interview's date to see when to send your note (within 24 hours).",
        ),
    ],
)
def test_send_by(date, time, informational, expected):
    assert send_by_text(deadline(date, time, informational), informational) == expected


def test_now_comes_from_the_state_when_given():
    assert now_from({"_now": "2025-03-05T10:00"}) == NOW
    aware = now_from({"_now": "2025-03-05T10:00+00:00"})
    assert aware.tzinfo is None
    for bad in ({}, {"_now": "soon"}, {"_now": 5}):
        assert abs(now_from(bad) - dt.datetime.now()) < dt.timedelta(minutes=1)
