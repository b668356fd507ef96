"""The view: one note per interviewer (its editable text, checks, mail link
and .txt), the checks on the whole panel, and the verdict. Every value is
plain text.

A note the reader has edited comes back in the state as ``notes.<n>.body``:
from then on it is the note, and every check, the mail link and the .txt are
built from it, so what is sent is exactly what is shown.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from widgets.base import View
from widgets.dates import DateStyle
from widgets.record import replace
from widgets.thank_you_note.checks import Final, confirm_checks, note_checks, panel_checks
from widgets.thank_you_note.inputs import (
    MAX_INTERVIEWERS,
    Interviewer,
    field,
    is_untouched,
    parse_date,
    parse_time,
    read_confirmed,
    read_edits,
    read_inputs,
    read_interviewers,
    row_count,
)
from widgets.thank_you_note.logic import compose, gets_shared_detail
from widgets.thank_you_note.timing import deadline, far_ahead, now_from, prompt_check, send_by_text
from widgets.writing.lint import Check, todo
from widgets.writing.mailto import is_address, mailto
from widgets.writing.message import text_file

EDITED = "You edited this note: changes to the form no longer change it."


def label(person: Interviewer, index: int) -> str:
    return person.name or f"interviewer {index + 1}"


def filename(person: Interviewer, index: int) -> str:
    # ASCII letters and digits only ("José" as "jose"): safe on every system.
    ascii_name = unicodedata.normalize("NFKD", person.name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name)[:40].strip("-")
    return f"thank-you-note-{index + 1}{'-' + slug if slug else ''}.txt"


def recipient_text(person: Interviewer) -> str:
    if is_address(person.email):
        return f"To: {person.email}"
    return "To: add their e-mail above, or pick the address in your e-mail app."


def note_view(final: Final, person: Interviewer, index: int, checks: list[Check], count: str) -> View:
    return {
        "outputs": {
            "to": label(person, index),
            "recipient": recipient_text(person),
            "subject_label": "Subject:" if final.subject else "",
            "subject": final.subject,
            "body": final.body,
            "edited": EDITED if final.edited else "",
            "count": count,
            "checks": checks,
        },
        "links": {
            "mailto": mailto(
                to=person.email if is_address(person.email) else "", subject=final.subject, body=final.body
            )
        },
        "downloads": {
            "txt": {
                "filename": filename(person, index),
                "mime": "text/plain;charset=utf-8",
                "text": text_file(final.subject, final.body),
            }
        },
    }


def field_errors(state: Mapping[str, Any], people: list[Interviewer]) -> dict[str, str]:
    """A date or time the browser let through unparsed (no date picker there),
    an e-mail address a mail app would not take."""
    date, time = field(state, "interview_date"), field(state, "interview_time")
    day = parse_date(date)
    errors = {
        "interview_date": "Write the date as YYYY-MM-DD, e.g. 2025-03-04."
        if date and not day
        else far_ahead(day, now_from(state)),
        "interview_time": "Write the time as HH:MM, e.g. 14:30." if time and not parse_time(time) else "",
    }
    for index, person in enumerate(people):
        bad = person.email and not is_address(person.email)
        errors[f"interviewers.{index}.email"] = "Write one address, like name@example.com." if bad else ""
    return errors


def verdict(checks: list[Check]) -> str:
    fix = sum(c["tone"] == "warn" for c in checks)
    left = sum(c["tone"] == "todo" for c in checks)
    if not fix and not left:
        return "All clear: ready to send."
    parts = [f"{n} {what}" for n, what in ((fix, "to fix"), (left, "to do")) if n]
    return "Before you send: " + " and ".join(parts) + "."


def view(options: Mapping[str, Any], state: Mapping[str, Any]) -> View:
    style = DateStyle.from_option(options.get("date_style"))
    inputs = replace(read_inputs(state), date_style=style)
    people = read_interviewers(state)
    limit = deadline(inputs.date, inputs.time, inputs.informational)
    untouched = is_untouched(state)

    notes, finals, every_check = [], [], []
    for index, person in enumerate(people):
        composed = compose(inputs, person, variant=index, panel_size=len(people))
        edits = read_edits(state, index)
        final = Final(composed.subject, composed.body if edits.body is None else edits.body, edits.body is not None)
        shared = gets_shared_detail(inputs, index, len(people))
        checks, count = note_checks(inputs, person, final, shared)
        notes.append(note_view(final, person, index, checks, count))
        finals.append(final)
        every_check += checks

    panel = [prompt_check(limit, inputs.informational, now_from(state), style)]
    panel += panel_checks([label(p, i) for i, p in enumerate(people)], [f.body for f in finals], untouched)
    panel += confirm_checks(read_confirmed(state), people, [f.body for f in finals])
    if inputs.interview_type == "panel" and len(people) == 1:
        panel.append(todo("A panel: add each interviewer, so each gets a note of their own."))
    if row_count(state) > MAX_INTERVIEWERS:
        panel.append(
            todo(
                f"Notes are shown for the first {MAX_INTERVIEWERS} interviewers. For a panel this large, "
                "one note to the coordinator naming everyone is fine."
            )
        )
    errors = field_errors(state, people)
    send_by = send_by_text(limit, inputs.informational, style)
    if errors["interview_date"]:
        send_by = "Check the interview's date above to see when to send your note."
    return {
        "outputs": {"send_by": send_by, "checks": panel, "verdict": verdict(panel + every_check)},
        "errors": errors,
        "repeats": {"notes": notes},
    }
