"""widgets/thank_you_note/checks.py: an advisor's checks on the text as it will be sent."""

import pytest

from tests.unit.thank_you_note.cases import CHEN_EMAIL, OCONNOR_EMAIL, PANEL
from widgets.record import replace
from widgets.thank_you_note.checks import (
    Final,
    confirm_checks,
    length_check,
    name_check,
    note_checks,
    panel_checks,
    shared_sentences,
    similarity,
    specific_check,
)
from widgets.thank_you_note.inputs import Confirmed, Interviewer, read_inputs, read_interviewers
from widgets.writing.parts import split_message

INPUTS = read_inputs(PANEL)
CHEN, OCONNOR = read_interviewers(PANEL)


def tones(checks):
    return [c["tone"] for c in checks]


def test_a_finished_note_passes_every_check():
    checks, count = note_checks(INPUTS, CHEN, Final("Thank you", CHEN_EMAIL, edited=False))
    assert set(tones(checks)) == {"pass"}
    assert count == "129 words (aim for 100-200)"


@pytest.mark.parametrize(
    "detail, discussed, strengths, tone, says",
    [
        ("", "", "x", "todo", "Add what Dr. Maria Chen asked about, or one specific thing you discussed."),
        ("the company", "", "x", "warn", "could fit any interview"),
        ("the dbt migration", "", "", "todo", "Link what you discussed to one of your strengths"),
        ("the dbt migration", "", "x", "pass", "Specific"),
        ("", "the dbt migration", "x", "pass", "Specific"),
    ],
)
def test_specific(detail, discussed, strengths, tone, says):
    inputs = replace(INPUTS, discussed=discussed, strengths=strengths)
    check = specific_check(inputs, replace(CHEN, detail=detail))
    assert check["tone"] == tone and says in check["text"]


def test_a_panel_note_without_the_shared_detail_needs_its_own():
    person = replace(OCONNOR, detail="")
    assert specific_check(INPUTS, person, shared_detail=False)["tone"] == "todo"
    assert specific_check(INPUTS, person, shared_detail=True)["tone"] == "pass"


def final(body, edited=True):
    return Final("", body, edited)


@pytest.mark.parametrize(
    "fmt, informational, body, unfinished, tone, count",
    [
        ("email", False, "word " * 150, False, "pass", "150 words (aim for 100-200)"),
        ("email", False, "word " * 99, False, "warn", "99 words (aim for 100-200)"),
        ("email", False, "word " * 99, True, "todo", "99 words (aim for 100-200)"),
        ("email", False, "word " * 201, False, "warn", "201 words (aim for 100-200)"),
        ("card", False, "Dear A,\n\nOne. Two. Three.\n\nBest,\nSam", False, "pass", "3 sentences (aim for 3-5)"),
        ("card", False, "Dear A,\n\nOne. Two.\n\nBest,\nSam", False, "warn", "2 sentences (aim for 3-5)"),
        ("card", False, "Dear A,\n\n1. 2. 3. 4. 5. 6.\n\nBest,\nSam", False, "warn", "6 sentences (aim for 3-5)"),
        (
            "card",
            False,
            "Dear A,\n\nOne. Two. " + "w " * 80 + ".\n\nBest,\nSam",
            False,
            "warn",
            "3 sentences (aim for 3-5)",
        ),
        ("email", True, "Hi A,\n\nOne. Two. Three. Four.\n\nBest,\nSam", False, "pass", "4 sentences (aim for 3-5)"),
        ("email", True, "Hi A,\n\nOne. Two.\n\nBest,\nSam", False, "warn", "2 sentences (aim for 3-5)"),
        ("linkedin", False, "x" * 300, False, "pass", "300 of 300 characters"),
        ("linkedin", False, "x" * 301, False, "warn", "301 of 300 characters"),
    ],
)
def test_length_for_the_format(fmt, informational, body, unfinished, tone, count):
    inputs = replace(INPUTS, format=fmt, interview_type="informational" if informational else "panel")
    check, shown = length_check(inputs, final(body), unfinished)
    assert (check["tone"], shown) == (tone, count)


def test_length_suggestions_say_what_to_do():
    linkedin = replace(INPUTS, format="linkedin")
    assert "Trim 1 character:" in length_check(linkedin, final("x" * 301), False)[0]["text"]
    assert "Trim 2 characters:" in length_check(linkedin, final("x" * 302), False)[0]["text"]
    card = replace(INPUTS, format="card")
    assert "shorten it" in length_check(card, final("A,\n\n1. 2. 3. 4. 5. 6."), False)[0]["text"]


@pytest.mark.parametrize(
    "body, tone",
    [
        (CHEN_EMAIL, "pass"),
        (CHEN_EMAIL.replace("Dear Dr. Chen,", "Hi Maria,"), "pass"),
        (CHEN_EMAIL.replace("Dear Dr. Chen,", "Dear Dr. Chan,"), "warn"),
        (CHEN_EMAIL.replace("Dear Dr. Chen,", "Dear Maria Chen,"), "pass"),
    ],
)
def test_each_name_is_spelled_as_in_the_form(body, tone):
    assert name_check(INPUTS, CHEN, final(body))["tone"] == tone


def test_no_name_no_name_check():
    assert name_check(INPUTS, Interviewer(), final("Dear [Interviewer's name],")) is None


def test_edited_text_is_linted_as_sent():
    edited = CHEN_EMAIL.replace("I remain very interested", "I am a perfect fit!! :) and remain interested")
    edited = edited.replace("Dear Dr. Chen,", "Dear [Name],")
    checks, _ = note_checks(INPUTS, CHEN, final(edited))
    texts = " ".join(c["text"] for c in checks if c["tone"] == "warn")
    for says in ("“perfect fit”", "exclamation", "“:)”", "Replace what is still in brackets", "greeting"):
        assert says in texts


def test_a_note_edited_to_say_no_thanks_nor_interest_warns():
    checks, _ = note_checks(INPUTS, CHEN, final("Dear Dr. Chen,\n\nSee you.\n\nKind regards,\nSam"))
    texts = [c["text"] for c in checks if c["tone"] == "warn"]
    assert "Thank them for their time and for considering you." in texts
    assert "Say plainly that you are still interested in the role." in texts


def test_the_reader_ticks_what_only_they_can_confirm():
    people = [CHEN, OCONNOR]
    open_items = confirm_checks(Confirmed(), people, [CHEN_EMAIL, OCONNOR_EMAIL])
    assert tones(open_items) == ["todo", "todo"]
    assert "Dr. Maria Chen and James O'Connor" in open_items[0]["text"]
    assert "attachment or a link" in open_items[1]["text"]
    done = confirm_checks(Confirmed(names=True, attachments=True), people, [CHEN_EMAIL, OCONNOR_EMAIL])
    assert done == [
        {"text": "Names and titles checked.", "tone": "pass"},
        {"text": "Attachments and links included.", "tone": "pass"},
    ]
    # Nothing promised, no names yet: nothing to tick.
    assert confirm_checks(Confirmed(), [Interviewer()], ["Dear [Interviewer's name],\n\nThank you."]) == []


# ------------------------------------------------------------------- a panel

A = "Dear Ana,\n\nOne point. Two point. Three point. Four point.\n\nBest,\nSam"


@pytest.mark.parametrize(
    "b, tone",
    [
        (A.replace("Ana", "Ben"), "warn"),  # the same text under another name
        ("Dear Ben,\n\nOne point. Two point. Three point. Other.\n\nBest,\nSam", "warn"),  # 3 of 4 shared
        ("Dear Ben,\n\nOne point. Two point. Else. Other.\n\nBest,\nSam", "pass"),  # half: not more than half
        ("Dear Ben,\n\nSomething else entirely. Quite different words here.\n\nBest,\nSam", "pass"),
    ],
)
def test_more_than_half_the_sentences_shared(b, tone):
    (check,) = panel_checks(["Ana", "Ben"], [A, b], untouched=False)
    assert check["tone"] == tone


def test_the_warning_names_the_shared_sentences():
    (check,) = panel_checks(["Dr. Maria Chen", "James O'Connor"], [A, A.replace("Ana", "Ben")], untouched=False)
    assert check["text"].startswith("The notes to Dr. Maria Chen and James O'Connor share 4 of 4 sentences")
    assert "“One point.”, “Two point.”, “Three point.” and 1 more" in check["text"]


def test_a_similarity_ratio_over_point_six_warns_without_shared_sentences():
    a = "Hi A,\n\nI enjoyed our talk about the dbt move and the tests we need\n\nBest,\nSam"
    b = "Hi B,\n\nI loved our talk about the dbt move and the tests we need\n\nBest,\nSam"
    x, y = split_message(a).message, split_message(b).message
    assert similarity(x, y) > 0.6 and shared_sentences(x, y) == []
    (check,) = panel_checks(["A", "B"], [a, b], untouched=False)
    assert check["tone"] == "warn" and "% of their words match" in check["text"]


def test_the_realistic_panel_differs_in_substance():
    assert panel_checks(["Chen", "O'Connor"], [CHEN_EMAIL, OCONNOR_EMAIL], untouched=False) == [
        {"text": "Each note says something of its own.", "tone": "pass"}
    ]


def test_an_untouched_panel_gets_a_to_do_not_a_warning():
    blank = "Dear [Interviewer's name],\n\nThank you.\n\nKind regards,\n[Your name]"
    (check,) = panel_checks(["interviewer 1", "interviewer 2"], [blank, blank], untouched=True)
    assert check["tone"] == "todo"


def test_every_pair_is_checked():
    other = "Dear Cy,\n\nSomething else entirely. Quite different words here.\n\nBest,\nSam"
    found = panel_checks(["Ana", "Ben", "Cy"], [A, other, A], untouched=False)
    assert len(found) == 1 and "Ana and Cy" in found[0]["text"]
    assert panel_checks(["Ana"], [A], untouched=False) == []


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
