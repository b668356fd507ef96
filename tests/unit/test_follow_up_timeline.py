"""The follow-up timeline: dated steps, the form's errors, the view, the template."""

import datetime
import json
import re
import time as time_module
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.guide_links import GuideIndex
from build_tools.widget_fences import find_widget_fences
from build_tools.widget_html import render_widget
from widgets.binding import handle
from widgets.follow_up_timeline import WIDGET
from widgets.follow_up_timeline.logic import Interview, Rules, plan
from widgets.interview import INTERVIEW_TYPES

D = datetime.date.fromisoformat
NOW = "2025-11-01T09:00:00+00:00"
DOCS = Path(__file__).resolve().parents[2] / "docs"


def days_of(steps):
    return [(s.kind, s.day.isoformat()) for s in steps]


def options(**raw):
    return WIDGET.resolve_options(raw)


def view(state, **raw_options):
    return WIDGET.view(options(**raw_options), {"_now": NOW, **state})


# ------------------------------------------------------------- the table


# A plain set of dates: Rules also takes one (unnamed closed days).
CHRISTMAS: Any = frozenset({D("2025-12-25"), D("2025-12-26"), D("2026-01-01")})

CASES = [
    pytest.param(
        Interview(D("2025-11-07"), datetime.time(15, 30)),  # a Friday afternoon
        Rules(),
        [
            ("thank-you", "2025-11-07"),
            ("first-check", "2025-11-14"),
            ("second-check", "2025-11-21"),
            ("stay-in-touch", "2025-12-12"),
        ],
        "Moved earlier from Saturday 8 November: weekend.",
        id="friday-afternoon-thank-you-goes-before-the-weekend",
    ),
    pytest.param(
        Interview(D("2025-11-07"), datetime.time(15, 30), skip_weekends=False),
        Rules(),
        [
            ("thank-you", "2025-11-08"),
            ("first-check", "2025-11-14"),
            ("second-check", "2025-11-21"),
            ("stay-in-touch", "2025-12-12"),
        ],
        "",
        id="friday-afternoon-weekends-allowed",
    ),
    pytest.param(
        Interview(D("2025-11-07"), datetime.time(15, 30), decision_day=D("2025-11-14")),
        Rules(),
        # 3 business days after Friday 14: Mon 17, Tue 18, Wed 19.
        [
            ("thank-you", "2025-11-07"),
            ("first-check", "2025-11-19"),
            ("second-check", "2025-11-26"),
            ("stay-in-touch", "2025-12-17"),
        ],
        "Moved earlier from Saturday 8 November: weekend.",
        id="friday-afternoon-with-decision-date",
    ),
    pytest.param(
        Interview(D("2025-12-18"), datetime.time(10), decision_day=D("2025-12-25")),
        Rules(closed_days=CHRISTMAS),
        # Fri 26 closed, then Mon 29, Tue 30, Wed 31.
        [
            ("thank-you", "2025-12-19"),
            ("first-check", "2025-12-31"),
            ("second-check", "2026-01-07"),
            ("stay-in-touch", "2026-01-28"),
        ],
        "",
        id="decision-date-on-a-closed-day",
    ),
    pytest.param(
        Interview(D("2025-12-18"), datetime.time(10)),
        Rules(closed_days=CHRISTMAS),
        [
            ("thank-you", "2025-12-19"),
            ("first-check", "2025-12-29"),
            ("second-check", "2026-01-05"),
            ("stay-in-touch", "2026-01-26"),
        ],
        "Moved from Thursday 25 December: closed day.",
        id="first-check-on-christmas-moves-over-the-weekend",
    ),
    pytest.param(
        Interview(D("2025-12-31"), datetime.time(16)),
        Rules(closed_days=CHRISTMAS),
        [
            ("thank-you", "2025-12-31"),
            ("first-check", "2026-01-07"),
            ("second-check", "2026-01-14"),
            ("stay-in-touch", "2026-02-04"),
        ],
        "Moved earlier from Thursday 1 January 2026: closed day.",
        id="turn-of-the-year",
    ),
    pytest.param(
        Interview(D("2025-12-24"), kind="informational"),
        Rules(closed_days=CHRISTMAS),
        # Due on day 3 (Sat 27), Mon 29 is day 5: still within 3-5 days.
        [("thank-you", "2025-12-29"), ("stay-in-touch", "2026-01-19")],
        "Moved from Saturday 27 December: weekend.",
        id="informational-over-christmas",
    ),
    pytest.param(
        Interview(D("2024-02-29"), datetime.time(9)),
        Rules(),
        [
            ("thank-you", "2024-03-01"),
            ("first-check", "2024-03-07"),
            ("second-check", "2024-03-14"),
            ("stay-in-touch", "2024-04-04"),
        ],
        "",
        id="interview-on-29-february",
    ),
    pytest.param(
        Interview(D("2024-02-28"), datetime.time(9), decision_day=D("2024-02-29")),
        Rules(),
        [
            ("thank-you", "2024-02-29"),
            ("first-check", "2024-03-05"),
            ("second-check", "2024-03-12"),
            ("stay-in-touch", "2024-04-02"),
        ],
        "",
        id="decision-on-29-february",
    ),
    pytest.param(
        # Saturday before the US change to summer time (Sunday 9 March 2025).
        Interview(D("2025-03-08"), datetime.time(10), skip_weekends=False),
        Rules(),
        [
            ("thank-you", "2025-03-09"),
            ("first-check", "2025-03-15"),
            ("second-check", "2025-03-22"),
            ("stay-in-touch", "2025-04-12"),
        ],
        "",
        id="day-before-daylight-saving-change",
    ),
    pytest.param(
        # Saturday before the EU change back to winter time (Sunday 26 October 2025).
        Interview(D("2025-10-25"), datetime.time(23, 30)),
        Rules(),
        [
            ("thank-you", "2025-10-27"),
            ("first-check", "2025-11-03"),
            ("second-check", "2025-11-10"),
            ("stay-in-touch", "2025-12-01"),
        ],
        "Moved from Sunday 26 October: weekend.",
        id="day-before-daylight-saving-change-weekend-skipped",
    ),
]


@pytest.mark.parametrize("interview, rules, expected, first_move", CASES)
def test_plan_table(interview, rules, expected, first_move):
    steps = plan(interview, rules)
    assert days_of(steps) == expected
    moves = [s.moved for s in steps if s.moved]
    assert (moves[0] if moves else "") == first_move


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe"])
def test_daylight_saving_does_not_move_dates_or_deadlines(monkeypatch, zone):
    # All-day dates and wall-clock deadlines: the process's time zone plays no part.
    monkeypatch.setenv("TZ", zone)
    time_module.tzset()
    try:
        state = {
            "_now": "2025-03-01T09:00:00+00:00",
            "interview_date": "2025-03-08",
            "interview_time": "10:00",
            "skip_weekends": False,
        }
        result = view(state)
    finally:
        monkeypatch.undo()
        time_module.tzset()
    assert result["outputs"]["plan"][0]["text"].startswith(
        "Sun 9 Mar 2025 — Send your thank-you note (by 10:00, 24 hours after the interview)."
    )
    # A timed event ending at the deadline: 10:00 at the reader's offset (here UTC), whatever the process's zone.
    assert "DTEND:20250309T100000Z\r\n" in result["downloads"]["ics"]["text"]


def test_thank_you_already_sent_is_marked_done():
    steps = plan(Interview(D("2025-11-04"), thank_you_sent=True), Rules())
    assert steps[0].done and steps[0].title == "Thank-you note already sent"
    result = view({"interview_date": "2025-11-04", "thank_you_sent": True})
    assert result["outputs"]["plan"][0] == {
        "text": "Done — Thank-you note already sent. Nothing more to do here.",
        "tone": "done",
    }
    assert result["downloads"]["ics"]["text"].count("BEGIN:VEVENT") == 3


def test_gaps_come_from_the_options():
    rules = Rules.from_options(
        options(
            thank_you_hours=48,
            decision_check_business_days=2,
            second_check_days=10,
            stay_in_touch_days=30,
            closed_days=["2025-11-11"],
        )
    )
    steps = plan(Interview(D("2025-11-10"), datetime.time(9), decision_day=D("2025-11-10")), rules)
    # 48 h: Wed 12; 2 business days after Mon 10, Tue 11 closed: Wed 12, Thu 13.
    assert days_of(steps) == [
        ("thank-you", "2025-11-12"),
        ("first-check", "2025-11-13"),
        ("second-check", "2025-11-24"),
        ("stay-in-touch", "2025-12-24"),
    ]


def test_a_status_check_never_comes_before_the_thank_you():
    rules = Rules(thank_you_hours=72, decision_check_business_days=1)
    steps = plan(Interview(D("2025-11-03"), datetime.time(9), decision_day=D("2025-11-03")), rules)
    assert days_of(steps)[:2] == [("thank-you", "2025-11-06"), ("first-check", "2025-11-07")]
    assert steps[1].moved == "Moved to come after the step before it."


def test_panel_and_informational_wording():
    panel = plan(Interview(D("2025-11-04"), kind="panel"), Rules())[0]
    assert "each panel member" in panel.send
    informational = plan(Interview(D("2025-11-04"), kind="informational"), Rules())
    assert informational[0].when == "within 3-5 days of an informational interview"
    assert [s.kind for s in informational] == ["thank-you", "stay-in-touch"]


def test_plan_lines_and_text():
    result = view(
        {
            "interview_date": "2025-11-03",
            "interview_time": "14:00",
            "interview_type": "video",
            "company": "Acme",
            "skip_weekends": True,
        }
    )
    plan_items = result["outputs"]["plan"]
    assert [item["tone"] for item in plan_items] == ["step"] * 4
    assert plan_items[0]["text"].startswith(
        "Tue 4 Nov 2025 — Send your thank-you note (by 14:00, 24 hours after the interview). What to send: "
    )
    assert "In the guide: Thank-you notes › When to send it" in plan_items[0]["text"]
    assert result["outputs"]["plan_heading"] == (
        "Follow-up plan for your video interview with Acme on Mon 3 Nov 2025 at 14:00"
    )
    text = result["outputs"]["plan_text"]
    assert text == result["downloads"]["text"]["text"]
    assert text.startswith("Follow-up plan for your video interview with Acme")
    assert "\nMon 10 Nov 2025 — First status check" in text
    assert result["downloads"]["ics"]["filename"] == "follow-up-plan.ics"
    assert result["downloads"]["ics"]["mime"] == "text/calendar"
    assert result["downloads"]["text"]["filename"] == "follow-up-plan.txt"
    assert result["errors"] == dict.fromkeys(
        ["interview_date", "interview_time", "decision_date", "interview_type"], ""
    )


# ----------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "state, field, message",
    [
        ({}, "interview_date", "Enter the interview date to see your plan."),
        ({"interview_date": "   "}, "interview_date", "Enter the interview date to see your plan."),
        ({"interview_date": "garbage"}, "interview_date", "Enter the date as YYYY-MM-DD, for example 2025-11-04."),
        (
            {"interview_date": "2025-02-30"},
            "interview_date",
            "2025-02-30 is not a date on the calendar: check the day and month.",
        ),
        (
            {"interview_date": "2025-02-29"},
            "interview_date",
            "2025-02-29 is not a date on the calendar: check the day and month.",
        ),
        ({"interview_date": "04/11/2025"}, "interview_date", "Enter the date as YYYY-MM-DD, for example 2025-11-04."),
        (
            {"interview_date": "+275760-09-13"},
            "interview_date",
            "Enter the date as YYYY-MM-DD, for example 2025-11-04.",
        ),
        ({"interview_date": "2052-11-04"}, "interview_date", "This is more than a year from today: check the year."),
        ({"interview_date": "2023-11-04"}, "interview_date", "This is more than a year from today: check the year."),
        (
            {"interview_date": "2025-11-04", "decision_date": "2025-11-03"},
            "decision_date",
            "The decision date is before the interview: check both dates.",
        ),
        (
            {"interview_date": "2025-11-04", "decision_date": "2052-11-04"},
            "decision_date",
            "This is more than 2 years after the interview: check the year.",
        ),
        (
            {"interview_date": "2025-11-04", "decision_date": "2025-13-01"},
            "decision_date",
            "2025-13-01 is not a date on the calendar: check the day and month.",
        ),
        (
            {"interview_date": "2025-11-04", "interview_time": "25:00"},
            "interview_time",
            "Enter the time as HH:MM, for example 14:00.",
        ),
        (
            {"interview_date": "2025-11-04", "interview_time": "noon"},
            "interview_time",
            "Enter the time as HH:MM, for example 14:00.",
        ),
        (
            {"interview_date": "2025-11-04", "interview_type": "<script>"},
            "interview_type",
            "Choose one of the interview types in the list.",
        ),
    ],
)
def test_bad_input_gets_a_message_at_the_field_and_no_plan(state, field, message):
    result = view(state)
    assert result["errors"][field] == message
    assert [f for f, m in result["errors"].items() if m] == [field]
    assert result["downloads"] == {}  # replaces the last plan's files
    texts = [item["text"] for item in result["outputs"]["plan"]]
    assert not any(re.match(r"\w{3} \d+ \w{3} \d{4} — ", t) for t in texts)
    if message != "Enter the interview date to see your plan.":
        assert result["outputs"]["plan_heading"] == "No plan yet: check the fields marked above."
        assert texts == [f"{field.replace('_', ' ').capitalize()}: {message}"]


def test_without_a_date_the_rules_are_shown_in_words():
    result = view({}, closed_days=["2025-12-25"], stay_in_touch_days=28)
    texts = [item["text"] for item in result["outputs"]["plan"]]
    assert texts[0].startswith("Thank-you note: within 24 hours of the interview")
    assert any("28 days after the second check" in t for t in texts)
    assert texts[-1] == "Closed days: Thu 25 Dec 2025."


def test_accepted_times_and_dates_as_browsers_send_them():
    result = view({"interview_date": " 2025-11-04 ", "interview_time": "14:00:30.5"})
    assert not any(result["errors"].values())
    assert "by 14:00" in result["outputs"]["plan"][0]["text"]


def test_now_defaults_to_the_clock():
    result = WIDGET.view(options(), {"interview_date": datetime.date.today().isoformat()})
    assert result["outputs"]["plan"][0]["tone"] == "step"


# ------------------------------------------------------------ properties

closed_sets = st.frozensets(st.dates(D("2024-12-01"), D("2027-06-30")), max_size=40)
rules_st = st.builds(
    Rules,
    thank_you_hours=st.integers(1, 72),
    informational_thank_you_days=st.integers(1, 14),
    decision_check_business_days=st.integers(1, 20),
    no_decision_check_days=st.integers(1, 30),
    second_check_days=st.integers(1, 30),
    stay_in_touch_days=st.integers(1, 180),
    closed_days=closed_sets,
)


@st.composite
def interviews(draw):
    day = draw(st.dates(D("2025-01-01"), D("2026-12-31")))
    decision = draw(st.none() | st.integers(0, 2 * 366).map(lambda n: day + datetime.timedelta(days=n)))
    return Interview(
        day=day,
        time=draw(st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0))),
        kind=draw(st.sampled_from([value for value, _ in INTERVIEW_TYPES])),
        company=draw(st.text(max_size=20)),
        decision_day=decision,
        thank_you_sent=draw(st.booleans()),
        skip_weekends=draw(st.booleans()),
    )


@settings(max_examples=400, deadline=None)
@given(interviews(), rules_st)
def test_properties_of_every_plan(interview, rules):
    steps = plan(interview, rules)
    days = [s.day for s in steps]
    assert all(day >= interview.day for day in days), "no step before the interview"
    assert days == sorted(days) and len(set(days)) == len(days), "steps in date order"
    assert not any(day in rules.closed_days for day in days), "no step on a closed day"
    if interview.skip_weekends:
        assert all(day.weekday() < 5 for day in days), "no step at a weekend"
    if interview.decision_day and interview.kind != "informational":
        assert steps[1].day > interview.decision_day


# ---------------------------------------------------- binding and template


def test_binding_returns_a_view_with_options_as_the_page_sends_them():
    # The page sends the resolved options back as JSON: dates are strings then.
    page_options = json.loads(json.dumps(options(closed_days=[D("2025-11-14")])))
    reply = json.loads(
        handle(
            json.dumps(
                {
                    "widget": "follow-up-timeline",
                    "options": page_options,
                    "state": {
                        "interview_date": "2025-11-07",
                        "interview_time": "15:30",
                        "skip_weekends": True,
                        "company": "Ünïcødé 🚀",
                        "_now": NOW,
                    },
                }
            )
        )
    )
    view_ = reply["view"]
    assert view_["outputs"]["plan"][1]["text"].startswith("Mon 17 Nov 2025 — First status check")
    assert "Moved from Friday 14 November: closed day." in view_["outputs"]["plan"][1]["text"]
    assert view_["downloads"]["ics"]["text"].startswith("BEGIN:VCALENDAR\r\n")


def test_binding_reports_a_bad_option():
    reply = json.loads(
        handle(json.dumps({"widget": "follow-up-timeline", "options": {"second_check_days": 0}, "state": {}}))
    )
    assert reply == {"error": "option 'second_check_days' must be a whole number from 1 to 30, got 0"}


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def _rendered(markdown="```widget follow-up-timeline\n```\n"):
    fences, errors = find_widget_fences(markdown, "docs/timing.md")
    assert errors == []
    links = GuideIndex.from_docs(DOCS).resolve(dict(WIDGET.sections), "timing.md")
    html = render_widget(fences[0], "timing.md", 0, site={"guide_links": links})
    parser = _Elements()
    # What the page shows (a <template> is only the runtime's pattern for the drafts).
    parser.feed(re.sub(r"<template>.*?</template>", "", html, flags=re.S))
    return html, parser.elements


def test_template_controls_are_labelled_and_errors_described():
    html, elements = _rendered()
    ids = {attrs["id"] for _, attrs in elements if "id" in attrs}
    labelled = {attrs["for"] for tag, attrs in elements if tag == "label" and "for" in attrs}
    controls = [(tag, attrs) for tag, attrs in elements if tag in ("input", "select") and "name" in attrs]
    names = {attrs["name"] for _, attrs in controls}
    assert names == {
        "interview_date",
        "interview_time",
        "interview_type",
        "decision_date",
        "company",
        "thank_you_sent",
        "first_check_sent",
        "second_check_sent",
        "skip_weekends",
        "reminder",
        "include_past",
        "your_name",
        "contact_name",
        "role",
        "share",
    }
    for _tag, attrs in controls:
        if attrs.get("type") != "checkbox":  # checkboxes sit inside their label
            assert attrs["id"] in labelled, attrs["name"]
    for field in ("interview_date", "interview_time", "decision_date", "interview_type"):
        (control,) = [attrs for _, attrs in controls if attrs["name"] == field]
        described = control["aria-describedby"].split()
        assert all(ref in ids for ref in described)
        (error,) = [attrs for _, attrs in elements if attrs.get("data-error-for") == field]
        assert error["id"] in described
    types = {attrs.get("type") for _, attrs in controls}
    assert {"date", "time", "text", "checkbox"} <= types
    skip = next(attrs for _, attrs in controls if attrs["name"] == "skip_weekends")
    assert "checked" in skip
    (plan_list,) = [(tag, attrs) for tag, attrs in elements if attrs.get("data-output") == "plan"]
    assert plan_list[0] == "ol" and plan_list[1]["aria-live"] == "polite"
    buttons = [attrs for tag, attrs in elements if tag == "button" and "data-action" in attrs]
    assert {(b["data-action"], b.get("data-target")) for b in buttons} == {
        ("download", "ics"),
        ("download", "text"),
        ("copy", "plan_text"),
        ("print", None),
    }
    assert all("hidden" in b for b in buttons)
    # Without JavaScript: the guide's timeline in words.
    assert "Thank-you note: within 24 hours of the interview" in html
    assert "<script" not in html


def test_each_draft_is_a_labelled_text_area_the_reader_edits():
    html, _ = _rendered()
    templates = re.findall(r'<div data-output-repeat="([a-z_]+)">\s*<template>(.*?)</template>', html, flags=re.S)
    assert [name for name, _ in templates] == ["first_check", "second_check", "keep_in_touch"]
    what = {"first_check": "first status check", "second_check": "second status check"}
    what["keep_in_touch"] = "keep-in-touch message"
    for name, markup in templates:
        parser = _Elements()
        parser.feed(markup)
        elements = parser.elements
        (area,) = [attrs for tag, attrs in elements if tag == "textarea"]
        assert area["name"] == f"{name}.0.body" and area["data-output"] == "body"
        assert f'<label for="{area["id"]}">Your {what[name]} (edit it here)</label>' in markup
        (notice,) = [attrs for _, attrs in elements if attrs.get("data-output") == "edited"]
        assert notice["id"] == area["aria-describedby"] and notice["aria-live"] == "polite"
        actions = {attrs["data-action"]: attrs for tag, attrs in elements if tag == "button"}
        assert set(actions) == {"copy", "download", "rewrite", "undo-rewrite"}
        assert "hidden" in actions["undo-rewrite"] and "hidden" not in actions["rewrite"]
        assert (
            "a",
            {"class": "fug-widget__button", "data-link": "mailto", "aria-describedby": area["id"][:-4] + "title"},
        ) in elements
        # The runtime renumbers ids with the repeat's name: each id carries it.
        assert all(f"-{name}-0-" in attrs["id"] for _, attrs in elements if "id" in attrs)


def test_template_escapes_a_hostile_heading():
    html, _ = _rendered('```widget follow-up-timeline\nheading: "<img src=x onerror=alert(1)>"\n```\n')
    assert "<img" not in html and "&lt;img src=x" in html
