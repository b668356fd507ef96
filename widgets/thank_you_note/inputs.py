"""Reading the note builder's form state into plain values, never raising."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from widgets.state import text

FORMATS = ("email", "card", "linkedin")
TONES = ("formal", "warm")
# (value, label) in the order the select shows them.
INTERVIEW_TYPES = (
    ("phone", "Phone"),
    ("video", "Video"),
    ("on-site", "On-site"),
    ("panel", "Panel"),
    ("final-round", "Final round"),
    ("informational", "Informational"),
)
# Each row is one note and a few diff comparisons on every keystroke: a bound
# keeps typing instant whatever a saved (or forged) state holds. The guide's
# advice for a larger panel is one note to the coordinator anyway.
TYPE_VALUES = tuple(value for value, _ in INTERVIEW_TYPES)
MAX_INTERVIEWERS = 10

_ROW_KEY = re.compile(r"interviewers\.(\d{1,6})\.(?:name|title|detail)")


@dataclass(frozen=True)
class Interviewer:
    name: str = ""
    title: str = ""
    # What this person asked about or cared about: what makes a panel's notes differ.
    detail: str = ""


@dataclass(frozen=True)
class Inputs:
    your_name: str = ""
    company: str = ""
    role: str = ""
    date: dt.date | None = None
    time: dt.time | None = None
    interview_type: str = "video"
    discussed: str = ""
    strengths: str = ""
    fit: str = ""
    clarify: str = ""
    materials: str = ""
    format: str = "email"
    tone: str = "formal"


def field(state: Mapping[str, Any], name: str) -> str:
    """One field as single-line text; a lone surrogate (half an emoji, pasted
    from a broken source) becomes U+FFFD so it can be UTF-8-encoded later."""
    value = text(state, name)
    if value.isascii():
        return value
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def choice(state: Mapping[str, Any], name: str, allowed: tuple[str, ...], default: str) -> str:
    value = state.get(name)
    return value if value in allowed else default


def parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def parse_time(value: str) -> dt.time | None:
    try:
        return dt.time.fromisoformat(value).replace(tzinfo=None) if value else None
    except ValueError:
        return None


def read_inputs(state: Mapping[str, Any]) -> Inputs:
    return Inputs(
        your_name=field(state, "your_name"),
        company=field(state, "company"),
        role=field(state, "role"),
        date=parse_date(field(state, "interview_date")),
        time=parse_time(field(state, "interview_time")),
        interview_type=choice(state, "interview_type", TYPE_VALUES, "video"),
        discussed=field(state, "discussed"),
        strengths=field(state, "strengths"),
        fit=field(state, "fit"),
        clarify=field(state, "clarify"),
        materials=field(state, "materials"),
        format=choice(state, "format", FORMATS, "email"),
        tone=choice(state, "tone", TONES, "formal"),
    )


def read_interviewers(state: Mapping[str, Any]) -> list[Interviewer]:
    """The rows the page sends (interviewers.0.name...): at least one, at most the bound."""
    return [
        Interviewer(
            field(state, f"interviewers.{i}.name"),
            field(state, f"interviewers.{i}.title"),
            field(state, f"interviewers.{i}.detail"),
        )
        for i in range(min(row_count(state), MAX_INTERVIEWERS))
    ]


def row_count(state: Mapping[str, Any]) -> int:
    """How many rows the state holds, before the bound."""
    counts = [int(m.group(1)) + 1 for k in state if isinstance(k, str) and (m := _ROW_KEY.fullmatch(k))]
    return max(counts, default=1)
