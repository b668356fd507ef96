"""Dates and times in words, one style for every widget of the guide.

The style is set once in mkdocs.yml and reaches each widget as its ``date_style``
option (a site value, see widgets/README.md)::

    extra:
      dates:
        order: day-month   # "Fri 20 Nov 2026", "Friday 20 November" (the guide's own text)
        clock: 24          # "10:00"; 12 gives "10:00 AM"

``month-day`` gives "Fri, Nov 20, 2026" and "Friday, November 20". English
names, whatever the machine's locale. Pure functions on ``datetime`` values.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypedDict

from widgets.base import Option
from widgets.record import record

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ORDERS = ("day-month", "month-day")
CLOCKS = (24, 12)


class DateStyleData(TypedDict):
    """The ``date_style`` option as the build ships it: JSON-ready."""

    order: Literal["day-month", "month-day"]
    clock: Literal[12, 24]


# The option every widget that writes dates declares: a site value, set once for the guide.
DATE_STYLE_OPTION = Option(
    "date_style",
    dict,
    None,
    "How dates and times are written (widgets.dates.DateStyleData).",
    site="mkdocs.yml extra.dates",
)


@record
class DateStyle:
    """How the guide writes dates: day or month first, a 12- or 24-hour clock."""

    order: str = "day-month"
    clock: int = 24

    @classmethod
    def from_option(cls, value: Any) -> DateStyle:
        """The style a widget's ``date_style`` option names; the default for anything else."""
        if not isinstance(value, Mapping):
            return cls()
        order, clock = value.get("order"), value.get("clock")
        return cls(
            order if isinstance(order, str) and order in ORDERS else cls.order,
            clock if isinstance(clock, int) and clock in CLOCKS else cls.clock,
        )

    def data(self) -> DateStyleData:
        return DateStyleData(order=self.order, clock=self.clock)  # type: ignore[typeddict-item]


DEFAULT = DateStyle()


def short_date(day: datetime.date, style: DateStyle = DEFAULT, *, year: bool = True) -> str:
    """'Fri 20 Nov 2026' / 'Fri, Nov 20, 2026': plans, lists, calendar text."""
    weekday, month = WEEKDAYS[day.weekday()][:3], MONTHS[day.month - 1][:3]
    if style.order == "month-day":
        return f"{weekday}, {month} {day.day}, {day.year}" if year else f"{weekday}, {month} {day.day}"
    return f"{weekday} {day.day} {month} {day.year}" if year else f"{weekday} {day.day} {month}"


def brief_date(day: datetime.date, style: DateStyle = DEFAULT) -> str:
    """'Fri 20 Nov' / 'Fri, Nov 20': a date close to today, in a status line."""
    return short_date(day, style, year=False)


def long_date(day: datetime.date, style: DateStyle = DEFAULT, *, year: bool = False) -> str:
    """'Friday 20 November' / 'Friday, November 20', with ', 2026' or ' 2026' when asked:
    running text, as in a message."""
    weekday, month = WEEKDAYS[day.weekday()], MONTHS[day.month - 1]
    if style.order == "month-day":
        return f"{weekday}, {month} {day.day}, {day.year}" if year else f"{weekday}, {month} {day.day}"
    return f"{weekday} {day.day} {month} {day.year}" if year else f"{weekday} {day.day} {month}"


def day_month(day: datetime.date, style: DateStyle = DEFAULT) -> str:
    """'20 November' / 'November 20': a date without its weekday, in a sentence."""
    month = MONTHS[day.month - 1]
    return f"{month} {day.day}" if style.order == "month-day" else f"{day.day} {month}"


def clock(moment: datetime.time, style: DateStyle = DEFAULT) -> str:
    """'14:00' / '2:00 PM'."""
    if style.clock == 12:
        return f"{moment.hour % 12 or 12}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"
    return f"{moment.hour:02d}:{moment.minute:02d}"


def moment_words(moment: datetime.datetime, style: DateStyle = DEFAULT, *, with_time: bool = True) -> str:
    """'Friday 20 November at 14:00' / 'Friday, November 20 at 2:00 PM'."""
    day = long_date(moment.date(), style)
    return f"{day} at {clock(moment.time(), style)}" if with_time else day


def check_style(raw: Any, source: str = "mkdocs.yml") -> DateStyleData:
    """``extra.dates`` from mkdocs.yml, checked (ValueError naming the key) and filled
    with the defaults. Used by the build; the widgets trust what it ships."""
    where = f"{source}: extra.dates"
    if raw is None:
        return DEFAULT.data()
    if not isinstance(raw, Mapping):
        raise ValueError(f"{where}: must be lines of 'order: day-month' and 'clock: 24', got {raw!r}")
    unknown = sorted(str(k) for k in raw if k not in ("order", "clock"))
    if unknown:
        raise ValueError(f"{where}.{unknown[0]}: unknown key (known: clock, order)")
    order = raw.get("order", DEFAULT.order)
    if order not in ORDERS:
        raise ValueError(f"{where}.order: must be day-month or month-day, got {order!r}")
    clock_hours = raw.get("clock", DEFAULT.clock)
    if clock_hours not in CLOCKS or isinstance(clock_hours, bool):
        raise ValueError(f"{where}.clock: must be 12 or 24, got {clock_hours!r}")
    return DateStyle(order, clock_hours).data()
