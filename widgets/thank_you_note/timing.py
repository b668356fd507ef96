"""When to send the note: the guide's "within 24 hours" (3-5 days after an
informational interview), and whether that time has passed.

Times are naive local times: the interview's date and time as the reader
typed them, and "now" as the browser's clock gives it. Dates are written in
the guide's style (the date_style option, mkdocs.yml extra.dates): widgets/dates.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from widgets.base import ListItem
from widgets.dates import DEFAULT, DateStyle, moment_words
from widgets.record import record

PROMPT_WINDOW = dt.timedelta(hours=24)
INFORMATIONAL_AIM = dt.timedelta(days=3)
INFORMATIONAL_LATEST = dt.timedelta(days=5)


def now_from(state: Mapping[str, Any]) -> dt.datetime:
    """The reader's wall-clock time: the page sends "_now" as their local time
    with its UTC offset; the interview's date and time are wall-clock times too,
    so the offset is dropped, not converted to the worker's zone. Else the clock."""
    value = state.get("_now")
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value).replace(tzinfo=None)
        except (ValueError, OverflowError):
            pass
    return dt.datetime.now()


@record
class Deadline:
    """When the note is due, from the interview's date and time."""

    aim: dt.datetime  # send by this
    latest: dt.datetime  # past this, the note is late (the same as aim but for informational)
    with_time: bool  # False: only the day is known, so only days are compared


def deadline(date: dt.date | None, time: dt.time | None, informational: bool) -> Deadline | None:
    if date is None:
        return None
    start = dt.datetime.combine(date, time or dt.time())
    aim, latest = (INFORMATIONAL_AIM, INFORMATIONAL_LATEST) if informational else (PROMPT_WINDOW, PROMPT_WINDOW)
    try:
        return Deadline(start + aim, start + latest, time is not None)
    except OverflowError:  # a date typed in the last days of year 9999
        return None


# An interview date further ahead than this is a typo in the year (9999-12-31).
MAX_DAYS_AHEAD = 366


def far_ahead(day: dt.date | None, now: dt.datetime) -> str:
    """The interview date's field error when it lies more than a year ahead."""
    if day is None or (day - now.date()).days <= MAX_DAYS_AHEAD:
        return ""
    return "This is more than a year from today: check the year."


def is_past(limit: dt.datetime, now: dt.datetime, with_time: bool) -> bool:
    # Without the interview's time, the whole of the last day still counts.
    return now > limit if with_time else now.date() > limit.date()


def send_by_text(limit: Deadline | None, informational: bool, style: DateStyle = DEFAULT) -> str:
    if limit is None:
        window = "within 3-5 days" if informational else "within 24 hours"
        return f"Add the interview's date to see when to send your note ({window})."
    aim = moment_words(limit.aim, style, with_time=limit.with_time)
    if informational:
        return f"Send by {aim}; {moment_words(limit.latest, style, with_time=limit.with_time)} at the latest."
    return f"Send by {aim}."


def prompt_check(limit: Deadline | None, informational: bool, now: dt.datetime, style: DateStyle = DEFAULT) -> ListItem:
    window = "3-5 days of an informational interview" if informational else "24 hours"
    if limit is None:
        return {"text": f"Add the interview's date: a note should go within {window}.", "tone": "todo"}
    if is_past(limit.latest, now, limit.with_time):
        late = moment_words(limit.latest, style, with_time=limit.with_time)
        return {
            "text": f"The time to send passed on {late}: send it today anyway, a late note beats none.",
            "tone": "warn",
        }
    if informational and is_past(limit.aim, now, limit.with_time):
        latest = moment_words(limit.latest, style, with_time=limit.with_time)
        return {"text": f"Send it today: {latest} is the latest for an informational interview.", "tone": "warn"}
    after = "3-5 days after an informational interview" if informational else "24 hours after the interview"
    return {
        "text": f"Prompt: send by {moment_words(limit.aim, style, with_time=limit.with_time)} ({after}).",
        "tone": "pass",
    }
