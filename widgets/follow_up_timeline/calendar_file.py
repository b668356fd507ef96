"""The plan as calendar events: what goes in the .ics file, and how.

- One event per step still to do (steps already done only when the reader
  asks for the past too).
- The thank-you note, when the interview's time is known and the deadline is
  still ahead, is a timed event ending at the deadline, in UTC from the
  reader's own clock; every other step is an all-day event.
- Each event carries the reminder the reader chose (VALARM), the guide's
  section for the step when the site's address is known, and a UID made from
  the interview (its date and company) and the step, with a SEQUENCE that
  grows with every export: importing the file again updates the events.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Mapping
from typing import Any

from widgets.dates import DEFAULT, DateStyle, clock
from widgets.follow_up_timeline.ics import Alarm, Event
from widgets.follow_up_timeline.logic import Interview, Step
from widgets.follow_up_timeline.wording import guide_words, heading
from widgets.state import to_utc

# (value, label) of the reminder select; the first is the default.
REMINDERS: tuple[tuple[str, str], ...] = (
    ("on-the-day", "On the day, at 9:00 (two hours before the thank-you deadline)"),
    ("day-before", "The day before, at 9:00 (a day before the thank-you deadline)"),
    ("none", "No reminders"),
)
# The VALARM trigger of each choice: (all-day event, timed event); relative to the start.
_TRIGGERS = {"on-the-day": ("PT9H", "-PT90M"), "day-before": ("-PT15H", "-P1D")}
THANK_YOU_MINUTES = 30  # the timed thank-you event ends at the deadline
SEQUENCE_EPOCH = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def interview_key(interview: Interview) -> str:
    """The interview's identity in UIDs: its date and company (case and spacing aside)."""
    company = " ".join(interview.company.casefold().split())
    digest = hashlib.sha256(f"{interview.day.isoformat()}\n{company}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


def sequence(stamp: datetime.datetime) -> int:
    """Grows with every export (minutes since 2026), so the newest file wins."""
    stamp = stamp if stamp.tzinfo else stamp.replace(tzinfo=datetime.UTC)
    return max(0, int((stamp - SEQUENCE_EPOCH).total_seconds() // 60))


def calendar_events(
    interview: Interview,
    steps: tuple[Step, ...],
    style: DateStyle = DEFAULT,
    *,
    state: Mapping[str, Any] | None = None,
    reminder: str = "none",
    include_past: bool = False,
    urls: Mapping[str, str] | None = None,
    stamp: datetime.datetime | None = None,
) -> list[Event]:
    """The plan's events; ``urls`` maps a step's kind to its guide section's address."""
    state = state or {}
    key = interview_key(interview)
    number = sequence(stamp) if stamp else 0
    events = []
    for step in steps:
        if step.done and not include_past:
            continue
        start = None
        if _timed(step) and step.deadline is not None:
            start = to_utc(step.deadline, state) - datetime.timedelta(minutes=THANK_YOU_MINUTES)
        triggers = _TRIGGERS.get(reminder)
        alarm = None
        if triggers and not step.done:
            alarm = Alarm(triggers[1] if start else triggers[0], f"Follow-up: {event_summary(interview, step)}")
        events.append(
            Event(
                step.day,
                event_summary(interview, step, style),
                event_description(interview, step, style),
                key=f"{key}-{step.kind}",
                sequence=number,
                start=start,
                minutes=THANK_YOU_MINUTES,
                url=(urls or {}).get(step.kind, ""),
                alarm=alarm,
            )
        )
    return events


def _timed(step: Step) -> bool:
    """A thank-you with a deadline still ahead, planned on the deadline's own day
    (one moved earlier, past a weekend, stays an all-day event on its day)."""
    return (
        step.deadline is not None
        and step.status in ("upcoming", "today")
        and step.deadline.date() == step.day
        and not step.done
    )


def event_summary(interview: Interview, step: Step, style: DateStyle = DEFAULT) -> str:
    title = step.title
    if _timed(step) and step.deadline is not None:
        title = f"{title}, by {clock(step.deadline.time(), style)}"
    return f"{title} ({interview.company})" if interview.company else title


def event_description(interview: Interview, step: Step, style: DateStyle = DEFAULT) -> str:
    lines = [f"When: {step.when}." if step.when else ""]
    lines += [step.moved, f"What to send: {step.send}", guide_words(step), f"{heading(interview, style)}."]
    return "\n".join(line for line in lines if line)
