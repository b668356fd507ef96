"""Reading the form's state as the page sends it: tolerant, never raising."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any


def text(state: Mapping[str, Any], name: str) -> str:
    """A single-line text field, trimmed, inner line breaks folded to spaces."""
    value = state.get(name)
    if not isinstance(value, str):
        return ""
    return " ".join(value.split())


def flag(state: Mapping[str, Any], name: str) -> bool:
    return state.get(name) is True


def reader_now(state: Mapping[str, Any]) -> datetime.datetime:
    """The reader's local time, aware of its UTC offset.

    The page runtime adds ``_now`` to every state: the browser's local time as
    ISO 8601 with its offset ("2026-11-22T09:30:00-05:00"). Without it (a build,
    a test that wants the clock) this is the clock where the view runs.
    """
    given = state.get("_now")
    if isinstance(given, str):
        try:
            moment = datetime.datetime.fromisoformat(given)
        except ValueError:
            pass
        else:
            return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)
    return datetime.datetime.now().astimezone()


def reader_offsets(state: Mapping[str, Any]) -> tuple[tuple[datetime.datetime, int], ...]:
    """The reader's UTC offsets over time, from ``_tz_changes``: the page sends
    ``[[utc_iso, minutes_east_of_utc], ...]`` in time order, the first at the
    start of the window it covers, then one at each change (summer time...)."""
    raw = state.get("_tz_changes")
    out: list[tuple[datetime.datetime, int]] = []
    for item in raw[:64] if isinstance(raw, list) else ():  # a few changes a year
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[1], int)):
            continue
        try:
            at = datetime.datetime.fromisoformat(str(item[0]).replace("Z", "+00:00"))
        except ValueError:
            continue
        if at.tzinfo is not None and abs(item[1]) <= 18 * 60:
            out.append((at.astimezone(datetime.UTC), item[1]))
    return tuple(sorted(out))


def to_utc(local: datetime.datetime, state: Mapping[str, Any]) -> datetime.datetime:
    """A wall-clock time in the reader's zone (naive) as a UTC instant: with the
    offset in force at that instant (the page's ``_tz_changes``), else today's."""
    now = reader_now(state)
    default = now.utcoffset() or datetime.timedelta(0)
    changes = reader_offsets(state)

    def offset_at(instant: datetime.datetime) -> datetime.timedelta:
        minutes = [m for at, m in changes if at <= instant]
        return datetime.timedelta(minutes=minutes[-1]) if minutes else default

    utc = (local - default).replace(tzinfo=datetime.UTC)
    for _ in range(2):  # settle on the offset of the instant itself
        utc = (local - offset_at(utc)).replace(tzinfo=datetime.UTC)
    return utc


def block(state: Mapping[str, Any], name: str) -> str | None:
    """A multi-line text as typed (line breaks kept, CRLF and CR as LF), or None
    when the state has none; a lone surrogate becomes U+FFFD."""
    value = state.get(name)
    if not isinstance(value, str):
        return None
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value if value.isascii() else value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
