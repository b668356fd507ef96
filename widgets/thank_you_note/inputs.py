"""Reading the note builder's form state into plain values, never raising."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from widgets.dates import DEFAULT, DateStyle
from widgets.interview import DEFAULT_INTERVIEW_TYPE, TYPE_VALUES
from widgets.record import record
from widgets.state import block, flag, text

FORMATS = ("email", "card", "linkedin")
TONES = ("formal", "warm")
# Each row is one note and a few diff comparisons on every keystroke: a bound
# keeps typing instant whatever a saved (or forged) state holds. The guide's
# advice for a larger panel is one note to the coordinator anyway.
MAX_INTERVIEWERS = 10
# A row's fields: interviewers.<n>.<field>.
ROW_FIELDS = ("name", "title", "email", "detail", "clarify")

_ROW_KEY = re.compile(r"interviewers\.(\d{1,6})\.(?:" + "|".join(ROW_FIELDS) + ")")


@record
class Interviewer:
    """One person the reader met: a note of their own is written to each."""

    name: str = ""
    title: str = ""  # their job title: for the reader's own check, never told back to them
    email: str = ""
    # What this person asked about or cared about: what makes a panel's notes differ.
    detail: str = ""
    # A point to clarify or add with this person only (a link promised to them...).
    clarify: str = ""


@record
class Inputs:
    """The note builder's form, read into plain values (read_inputs)."""

    your_name: str = ""
    company: str = ""
    role: str = ""
    date: dt.date | None = None
    time: dt.time | None = None
    interview_type: str = DEFAULT_INTERVIEW_TYPE
    discussed: str = ""
    strengths: str = ""
    fit: str = ""
    signature: str = ""  # optional lines under the name: phone, LinkedIn, portfolio
    format: str = "email"
    tone: str = "formal"
    # How the date is written: the guide's date_style option, not a field of the form.
    date_style: DateStyle = DEFAULT

    @property
    def informational(self) -> bool:
        return self.interview_type == "informational"


@record
class Edits:
    """What the reader typed into a draft itself; None where they have not."""

    body: str | None = None  # the subject is not the reader's to edit: it is copied as written


@record
class Confirmed:
    """The to-dos only the reader can tick."""

    names: bool = False
    attachments: bool = False


def field(state: Mapping[str, Any], name: str) -> str:
    """One field as single-line text; a lone surrogate (half an emoji, pasted
    from a broken source) becomes U+FFFD so it can be UTF-8-encoded later."""
    return _no_surrogates(text(state, name))


def _no_surrogates(value: str) -> str:
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
        interview_type=choice(state, "interview_type", TYPE_VALUES, DEFAULT_INTERVIEW_TYPE),
        discussed=field(state, "discussed"),
        strengths=field(state, "strengths"),
        fit=field(state, "fit"),
        signature=block(state, "signature") or "",
        format=choice(state, "format", FORMATS, "email"),
        tone=choice(state, "tone", TONES, "formal"),
    )


def read_interviewers(state: Mapping[str, Any]) -> list[Interviewer]:
    """The rows the page sends (interviewers.0.name...): at least one, at most the bound."""
    return [
        Interviewer(**{name: field(state, f"interviewers.{i}.{name}") for name in ROW_FIELDS})
        for i in range(min(row_count(state), MAX_INTERVIEWERS))
    ]


def read_edits(state: Mapping[str, Any], index: int) -> Edits:
    """The reader's own text for note ``index`` (notes.<n>.body): the page
    sends it only once the reader has edited that draft."""
    return Edits(body=block(state, f"notes.{index}.body"))


def read_confirmed(state: Mapping[str, Any]) -> Confirmed:
    return Confirmed(names=flag(state, "confirm_names"), attachments=flag(state, "confirm_attachments"))


def row_count(state: Mapping[str, Any]) -> int:
    """How many rows the state holds, before the bound."""
    counts = [int(m.group(1)) + 1 for k in state if isinstance(k, str) and (m := _ROW_KEY.fullmatch(k))]
    return max(counts, default=1)


def is_untouched(state: Mapping[str, Any]) -> bool:
    """Nothing typed yet in any text field: the checks then only say what is to do."""
    return not any(
        isinstance(value, str) and value.strip()
        for key, value in state.items()
        # Choices always have a value; "_" keys are the page's own (the reader's clock).
        if key not in ("interview_type", "format", "tone") and not key.startswith("_")
    )
