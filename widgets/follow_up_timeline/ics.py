"""A small iCalendar (RFC 5545) writer: all-day events, timed events in UTC,
reminders (VALARM), stable UIDs with SEQUENCE, and a URL per event.

All-day events (DTSTART;VALUE=DATE) are the reader's own calendar dates in
every calendar application. A timed event (the thank-you deadline) is written
in UTC, worked out from the reader's own clock, so no time-zone data has to ship.
"""

from __future__ import annotations

import datetime
import hashlib
import unicodedata
from collections.abc import Iterable

from widgets.record import record

PRODID = "-//Follow-Up Guide//Follow-up timeline//EN"
UID_DOMAIN = "follow-up-guide"
MAX_OCTETS = 75  # per line, CRLF not counted (RFC 5545, 3.1)


@record
class Alarm:
    """A VALARM: ``trigger`` is a DURATION relative to the event's start
    ("PT9H": 9:00 on an all-day event's day, "-P1D": a day before)."""

    trigger: str
    description: str


@record
class Event:
    """One event of the calendar file: all-day on ``day``, or timed from ``start``."""

    day: datetime.date
    summary: str
    description: str
    # A stable identity ("<interview>-<step>"): a re-import with a higher
    # SEQUENCE updates the event instead of adding a copy. Empty: from the content.
    key: str = ""
    sequence: int = 0
    # A timed event: its start (aware) and length; None: an all-day event on ``day``.
    start: datetime.datetime | None = None
    minutes: int = 30
    url: str = ""
    alarm: Alarm | None = None

    @property
    def uid(self) -> str:
        if self.key:
            return f"{self.key}@{UID_DOMAIN}"
        content = "\n".join((self.day.isoformat(), self.summary, self.description))
        return f"{hashlib.sha256(content.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}@{UID_DOMAIN}"


def calendar(events: Iterable[Event], stamp: datetime.datetime) -> str:
    """The .ics text. ``stamp`` (DTSTAMP, when the file was made) is passed in,
    so the output depends on the arguments alone."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{utc_stamp(stamp)}"]
        if event.key:
            lines.append(f"SEQUENCE:{event.sequence}")
        if event.start is not None:
            lines += [
                f"DTSTART:{utc_stamp(event.start)}",
                f"DTEND:{utc_stamp(event.start + datetime.timedelta(minutes=event.minutes))}",
            ]
        else:
            lines += [
                f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{event.day + datetime.timedelta(days=1):%Y%m%d}",
            ]
        lines += [f"SUMMARY:{escape_text(event.summary)}", f"DESCRIPTION:{escape_text(event.description)}"]
        if event.url:
            lines.append(f"URL:{event.url}")
        lines.append("TRANSP:TRANSPARENT")  # a reminder, not a busy slot
        if event.alarm is not None:
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"TRIGGER:{event.alarm.trigger}",
                f"DESCRIPTION:{escape_text(event.alarm.description)}",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def utc_stamp(moment: datetime.datetime) -> str:
    """A UTC date-time, as DTSTAMP requires; a naive moment is taken as UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC)
    return f"{moment:%Y%m%dT%H%M%S}Z"


def escape_text(value: str) -> str:
    r"""A TEXT value: \ ; , escaped, line breaks as \n, other control
    characters (not allowed in TEXT) dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for char in value:
        if char in "\\;,":
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t" or not _unsafe(char):
            out.append(char)
    return "".join(out)


def _unsafe(char: str) -> bool:
    # Control characters, and lone surrogates that cannot be written as UTF-8.
    return unicodedata.category(char) in ("Cc", "Cs")


def fold(line: str) -> str:
    """The line split into pieces of at most 75 octets of UTF-8, each after
    the first starting with a space; never inside a character or an escape."""
    pieces: list[str] = []
    current: list[str] = []
    size, limit = 0, MAX_OCTETS
    for unit in _units(line):
        octets = len(unit.encode("utf-8"))
        if size + octets > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, MAX_OCTETS - 1  # the leading space counts
        current.append(unit)
        size += octets
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _units(line: str) -> Iterable[str]:
    """Characters, with an escape (backslash and the next one) kept whole."""
    index = 0
    while index < len(line):
        step = 2 if line[index] == "\\" and index + 1 < len(line) else 1
        yield line[index : index + step]
        index += step
