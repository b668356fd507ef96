"""Calendar dates for the plan: reading them and working days (their words: widgets.dates).

Everything is a plain local calendar date (``datetime.date``): the plan never
needs a time zone, so a daylight-saving change cannot shift a step.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping

from widgets.record import field, record

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# What <input type="time"> sends: HH:MM, with seconds when its step allows.
_TIME = re.compile(r"([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?")

SATURDAY = 5


class DateProblem(ValueError):
    """A date or time the reader typed that cannot be used; the message says why."""


def parse_date(value: str) -> datetime.date:
    if not _ISO_DATE.fullmatch(value):
        raise DateProblem("Enter the date as YYYY-MM-DD, for example 2025-11-04.")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise DateProblem(f"{value} is not a date on the calendar: check the day and month.") from None


def parse_time(value: str) -> datetime.time:
    match = _TIME.fullmatch(value)
    hour, minute = (int(match.group(1)), int(match.group(2))) if match else (99, 99)
    if hour > 23 or minute > 59:
        raise DateProblem("Enter the time as HH:MM, for example 14:00.")
    return datetime.time(hour, minute)


CLOSED_DAY = "closed day"  # the name of a fence's closed_days


@record
class WorkingDays:
    """Which days a step may fall on: not a closed day (a public holiday or one
    of the fence's closed days), and not a weekend when the reader skips weekends."""

    # Each closed day and its name: "Thanksgiving Day", or CLOSED_DAY.
    closed: Mapping[datetime.date, str] = field(default_factory=dict)
    skip_weekends: bool = True

    def why_not_working(self, day: datetime.date) -> str:
        """'weekend', 'closed day', 'Christmas Day (public holiday)', or '' for a working day."""
        name = self.closed.get(day)
        if name:
            return name if name == CLOSED_DAY else f"{name} (public holiday)"
        if self.skip_weekends and day.weekday() >= SATURDAY:
            return "weekend"
        return ""

    def is_working(self, day: datetime.date) -> bool:
        return not self.why_not_working(day)

    def on_or_after(self, day: datetime.date) -> datetime.date:
        while not self.is_working(day):
            day += datetime.timedelta(days=1)
        return day

    def latest_between(self, first: datetime.date, last: datetime.date) -> datetime.date | None:
        """The last working day from ``first`` to ``last`` (both included), if any."""
        day = last
        while day >= first:
            if self.is_working(day):
                return day
            day -= datetime.timedelta(days=1)
        return None

    def add_business_days(self, day: datetime.date, count: int) -> datetime.date:
        """``count`` business days after ``day``: Monday to Friday and not closed,
        whatever the reader's weekend setting (they are the employer's days)."""
        business = WorkingDays(self.closed, skip_weekends=True)
        for _ in range(count):
            day = business.on_or_after(day + datetime.timedelta(days=1))
        return day
