"""widgets.dates: one way to write dates and times, set once in mkdocs.yml (extra.dates)."""

import datetime
import re
from pathlib import Path

import pytest

from widgets.dates import (
    DEFAULT,
    MONTHS,
    DateStyle,
    brief_date,
    check_style,
    clock,
    day_month,
    long_date,
    moment_words,
    short_date,
)
from widgets.follow_up_timeline import WIDGET
from widgets.follow_up_timeline.logic import Interview, Rules, plan

FRI = datetime.date(2026, 11, 20)
US_STYLE = DateStyle("month-day", 12)


@pytest.mark.parametrize(
    "style, short, brief, long, long_year, sentence",
    [
        (DEFAULT, "Fri 20 Nov 2026", "Fri 20 Nov", "Friday 20 November", "Friday 20 November 2026", "20 November"),
        (
            US_STYLE,
            "Fri, Nov 20, 2026",
            "Fri, Nov 20",
            "Friday, November 20",
            "Friday, November 20, 2026",
            "November 20",
        ),
    ],
    ids=["day-month", "month-day"],
)
def test_dates_in_both_orders(style, short, brief, long, long_year, sentence):
    assert short_date(FRI, style) == short
    assert brief_date(FRI, style) == brief
    assert long_date(FRI, style) == long
    assert long_date(FRI, style, year=True) == long_year
    assert day_month(FRI, style) == sentence


@pytest.mark.parametrize(
    "hour, minute, h24, h12",
    [
        (0, 0, "00:00", "12:00 AM"),
        (9, 5, "09:05", "9:05 AM"),
        (12, 0, "12:00", "12:00 PM"),
        (23, 59, "23:59", "11:59 PM"),
    ],
)
def test_clock_24_and_12_hours(hour, minute, h24, h12):
    moment = datetime.time(hour, minute)
    assert clock(moment, DEFAULT) == h24
    assert clock(moment, US_STYLE) == h12


def test_moment_words():
    moment = datetime.datetime(2026, 11, 20, 10, 0)
    assert moment_words(moment) == "Friday 20 November at 10:00"
    assert moment_words(moment, US_STYLE) == "Friday, November 20 at 10:00 AM"
    assert moment_words(moment, US_STYLE, with_time=False) == "Friday, November 20"


def test_the_guides_default_matches_its_own_text():
    # docs/timing.md's sample status check: "I interviewed ... on 3 March".
    assert day_month(datetime.date(2026, 3, 3)) == "3 March"


@pytest.mark.parametrize(
    "raw, expected",
    [
        (None, {"order": "day-month", "clock": 24}),
        ({"clock": 12}, {"order": "day-month", "clock": 12}),
        ({"order": "month-day", "clock": 12}, {"order": "month-day", "clock": 12}),
    ],
)
def test_check_style_fills_the_defaults(raw, expected):
    assert check_style(raw) == expected


@pytest.mark.parametrize(
    "raw, message",
    [
        ({"clock": 13}, "mkdocs.yml: extra.dates.clock: must be 12 or 24, got 13"),
        ({"clock": True}, "mkdocs.yml: extra.dates.clock: must be 12 or 24, got True"),
        ({"order": "dmy"}, "mkdocs.yml: extra.dates.order: must be day-month or month-day, got 'dmy'"),
        ({"format": "x"}, "mkdocs.yml: extra.dates.format: unknown key (known: clock, order)"),
        ("24h", "mkdocs.yml: extra.dates: must be lines of 'order: day-month' and 'clock: 24', got '24h'"),
    ],
)
def test_a_bad_style_names_the_key(raw, message):
    with pytest.raises(ValueError) as caught:
        check_style(raw)
    assert str(caught.value) == message


@pytest.mark.parametrize("value", [None, "x", {"order": "x", "clock": 7}, {}])
def test_a_widget_falls_back_to_the_default_on_anything_odd(value):
    assert DateStyle.from_option(value) == DEFAULT


def test_the_timeline_writes_the_guides_style():
    options = WIDGET.resolve_options({}, {"date_style": {"order": "month-day", "clock": 12}})
    state = {"_now": "2026-11-10T09:00", "interview_date": "2026-11-20", "interview_time": "15:30"}
    outputs = WIDGET.view(options, state)["outputs"]
    assert outputs["plan_heading"] == "Follow-up plan for your phone interview on Fri, Nov 20, 2026 at 3:30 PM"
    assert outputs["plan"][0]["text"].startswith(
        "Fri, Nov 20, 2026 — Send your thank-you note (it is due by 3:30 PM on Saturday, November 21). "
        "Moved earlier from Saturday, November 21: weekend."
    )
    steps = plan(Interview(FRI, decision_day=datetime.date(2026, 11, 24)), Rules(style=US_STYLE))
    assert steps[1].when == "3 business days after their decision date, Tue, Nov 24, 2026"


_MONTH = "|".join(m if len(m) <= 3 else f"{m[:3]}(?:{m[3:]})?" for m in MONTHS)
MONTH_DAY = re.compile(rf"\b(?:{_MONTH})\.? \d{{1,2}}\b")  # "March 3", "Nov 20"
DAY_MONTH = re.compile(rf"\b\d{{1,2}} (?:{_MONTH})\b")  # "3 March", "20 Nov"
TWELVE_HOUR = re.compile(r"\b\d{1,2}(?::\d\d)? ?(?:[ap]\.?m\.?)(?!\w)", re.IGNORECASE)  # "2pm", "10:00 AM"


def test_the_guides_own_text_uses_the_default_style():
    """The widgets' default style is the one the guide's pages are written in
    (mkdocs.yml says to edit the sample dates when a center changes it)."""
    docs = Path(__file__).resolve().parents[2] / "docs"
    text = "\n".join(page.read_text(encoding="utf-8") for page in sorted(docs.rglob("*.md")))
    assert (DEFAULT.order, DEFAULT.clock) == ("day-month", 24)
    assert DAY_MONTH.findall(text), "the guide writes dates: this check has something to read"
    assert MONTH_DAY.findall(text) == []
    assert TWELVE_HOUR.findall(text) == []


@pytest.mark.parametrize("text", ["on March 3 and", "Nov 20, 2026", "at 2pm", "by 10:00 AM.", "9 a.m. sharp"])
def test_the_guide_text_check_sees_the_other_style(text):
    assert MONTH_DAY.search(text) or TWELVE_HOUR.search(text)
