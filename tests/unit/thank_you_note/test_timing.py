"""widgets/thank_you_note/timing.py: when to send, and whether that time has passed."""

import datetime as dt

import pytest

from widgets.dates import DateStyle
from widgets.thank_you_note.timing import deadline, now_from, prompt_check, send_by_text

NOW = dt.datetime(2025, 3, 5, 10, 0)
US_STYLE = DateStyle(order="month-day", clock=12)


@pytest.mark.parametrize(
    "date, time, informational, now, tone, says",
    [
        (None, None, False, NOW, "todo", "Add the interview's date: a note should go within 24 hours."),
        (None, None, True, NOW, "todo", "within 3-5 days of an informational interview"),
        (
            dt.date(2025, 3, 4),
            dt.time(14, 30),
            False,
            NOW,
            "pass",
            "Prompt: send by Wednesday 5 March at 14:30 (24 hours after the interview).",
        ),
        (
            dt.date(2025, 3, 4),
            dt.time(9, 0),
            False,
            NOW,
            "warn",
            "The time to send passed on Wednesday 5 March at 09:00",
        ),
        (dt.date(2025, 3, 4), None, False, dt.datetime(2025, 3, 5, 23, 59), "pass", "send by Wednesday 5 March ("),
        (dt.date(2025, 3, 4), None, False, dt.datetime(2025, 3, 6, 0, 1), "warn", "passed on Wednesday 5 March:"),
        (dt.date(2025, 3, 4), None, True, dt.datetime(2025, 3, 7), "pass", "send by Friday 7 March (3-5 days"),
        (
            dt.date(2025, 3, 4),
            None,
            True,
            dt.datetime(2025, 3, 8),
            "warn",
            "Send it today: Sunday 9 March is the latest",
        ),
        (dt.date(2025, 3, 4), None, True, dt.datetime(2025, 3, 10), "warn", "passed on Sunday 9 March"),
        (dt.date(2025, 3, 10), None, False, NOW, "pass", "send by Tuesday 11 March"),  # a note prepared early
    ],
)
def test_prompt(date, time, informational, now, tone, says):
    check = prompt_check(deadline(date, time, informational), informational, now)
    assert check["tone"] == tone and says in check["text"]


@pytest.mark.parametrize(
    "date, time, informational, expected",
    [
        (None, None, False, "Add the interview's date to see when to send your note (within 24 hours)."),
        (dt.date(2025, 3, 4), dt.time(0, 5), False, "Send by Wednesday 5 March at 00:05."),
        (
            dt.date(2025, 3, 4),
            dt.time(12, 0),
            True,
            "Send by Friday 7 March at 12:00; Sunday 9 March at 12:00 at the latest.",
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


# The same deadlines with the guide set to month-day and a 12-hour clock (mkdocs.yml extra.dates).
@pytest.mark.parametrize(
    "date, time, informational, expected",
    [
        (dt.date(2025, 3, 4), dt.time(0, 5), False, "Send by Wednesday, March 5 at 12:05 AM."),
        (dt.date(2025, 3, 4), dt.time(14, 30), False, "Send by Wednesday, March 5 at 2:30 PM."),
        (dt.date(2025, 3, 4), None, False, "Send by Wednesday, March 5."),
        (
            dt.date(2025, 3, 4),
            dt.time(12, 0),
            True,
            "Send by Friday, March 7 at 12:00 PM; Sunday, March 9 at 12:00 PM at the latest.",
        ),
    ],
)
def test_send_by_in_the_month_day_12_hour_style(date, time, informational, expected):
    assert send_by_text(deadline(date, time, informational), informational, US_STYLE) == expected


@pytest.mark.parametrize(
    "time, now, says",
    [
        (dt.time(14, 30), NOW, "Prompt: send by Wednesday, March 5 at 2:30 PM (24 hours after the interview)."),
        (
            dt.time(9, 0),
            NOW,
            "The time to send passed on Wednesday, March 5 at 9:00 AM: send it today anyway, a late note beats none.",
        ),
    ],
)
def test_prompt_in_the_month_day_12_hour_style(time, now, says):
    assert prompt_check(deadline(dt.date(2025, 3, 4), time, False), False, now, US_STYLE)["text"] == says


def test_now_comes_from_the_state_when_given():
    assert now_from({"_now": "2025-03-05T10:00"}) == NOW
    # The reader's own wall clock, whatever the worker's zone.
    assert now_from({"_now": "2025-03-05T10:00-05:00"}) == NOW
    for bad in ({}, {"_now": "soon"}, {"_now": 5}):
        assert abs(now_from(bad) - dt.datetime.now()) < dt.timedelta(minutes=1)
