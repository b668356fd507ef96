"""Reading the timeline form: the interview it describes, or what is wrong.

Every message is meant for the field it names (``errors[field]``); a form
with any problem gives no interview, so no half-made plan is shown.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Mapping
from typing import Any

from widgets.follow_up_timeline.dates import DateProblem, parse_date, parse_time
from widgets.follow_up_timeline.logic import Interview
from widgets.interview import DEFAULT_INTERVIEW_TYPE, INTERVIEW_TYPES
from widgets.state import flag, text

# The fields that can carry a message; the view always sends all of them, so
# a message that no longer applies is cleared.
CHECKED_FIELDS = ("interview_date", "interview_time", "decision_date", "interview_type")

# Further than this from today, a date is almost surely a typo in the year.
MAX_DAYS_FROM_TODAY = 366
MAX_DAYS_TO_DECISION = 2 * 366

MISSING_DATE = "Enter the interview date to see your plan."


def read_form(state: Mapping[str, Any], today: datetime.date) -> tuple[Interview | None, dict[str, str]]:
    errors = dict.fromkeys(CHECKED_FIELDS, "")
    day = _date_field(state, "interview_date", errors)
    if day is None and not errors["interview_date"]:
        errors["interview_date"] = MISSING_DATE
    elif day is not None and abs((day - today).days) > MAX_DAYS_FROM_TODAY:
        errors["interview_date"] = "This is more than a year from today: check the year."

    time = None
    raw_time = text(state, "interview_time")
    if raw_time:
        try:
            time = parse_time(raw_time)
        except DateProblem as problem:
            errors["interview_time"] = str(problem)

    decision = _date_field(state, "decision_date", errors)
    if decision is not None and day is not None:
        if decision < day:
            errors["decision_date"] = "The decision date is before the interview: check both dates."
        elif (decision - day).days > MAX_DAYS_TO_DECISION:
            errors["decision_date"] = "This is more than 2 years after the interview: check the year."

    kind = text(state, "interview_type") or DEFAULT_INTERVIEW_TYPE
    kind = "final-round" if kind == "final" else kind  # as drafts saved before the tools shared it
    if kind not in dict(INTERVIEW_TYPES):
        errors["interview_type"] = "Choose one of the interview types in the list."

    if any(errors.values()) or day is None:
        return None, errors
    interview = Interview(
        day=day,
        time=time,
        kind=kind,
        company=company_name(state),
        decision_day=decision,
        thank_you_sent=flag(state, "thank_you_sent"),
        first_check_sent=flag(state, "first_check_sent"),
        second_check_sent=flag(state, "second_check_sent"),
        # On unless unticked: a state without the key keeps the default.
        skip_weekends=state.get("skip_weekends", True) is True,
    )
    return interview, errors


def _date_field(state: Mapping[str, Any], name: str, errors: dict[str, str]) -> datetime.date | None:
    raw = text(state, name)
    if not raw:
        return None
    try:
        return parse_date(raw)
    except DateProblem as problem:
        errors[name] = str(problem)
        return None


def company_name(state: Mapping[str, Any]) -> str:
    """The company as typed, on one line, without control characters (or
    lone surrogates a browser may send) that no calendar file can carry."""
    return "".join(c for c in text(state, "company") if unicodedata.category(c) not in ("Cc", "Cs"))
