"""The view: one note per interviewer with its checks, link and download,
and the checks that concern the whole panel. Every value is plain text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from widgets.base import View
from widgets.thank_you_note.checks import note_checks, panel_checks, suggest
from widgets.thank_you_note.inputs import (
    MAX_INTERVIEWERS,
    Interviewer,
    field,
    parse_date,
    parse_time,
    read_inputs,
    read_interviewers,
    row_count,
)
from widgets.thank_you_note.logic import Note, compose
from widgets.thank_you_note.timing import deadline, far_ahead, now_from, prompt_check, send_by_text
from widgets.writing.mailto import mailto


def label(person: Interviewer, index: int) -> str:
    return person.name or f"interviewer {index + 1}"


def filename(person: Interviewer, index: int) -> str:
    # ASCII letters and digits only ("José" as "jose"): safe on every system.
    ascii_name = unicodedata.normalize("NFKD", person.name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name)[:40].strip("-")
    return f"thank-you-note-{index + 1}{'-' + slug if slug else ''}.txt"


def note_text(note: Note) -> str:
    return (f"Subject: {note.subject}\n\n" if note.subject else "") + note.body + "\n"


def note_view(note: Note, person: Interviewer, index: int, checks: list, count: str) -> View:
    return {
        "outputs": {
            "to": label(person, index),
            "subject_label": "Subject:" if note.subject else "",
            "subject": note.subject,
            "body": note.body,
            "count": count,
            "checks": checks,
        },
        "links": {"mailto": mailto(subject=note.subject, body=note.body)},
        "downloads": {
            "txt": {"filename": filename(person, index), "mime": "text/plain;charset=utf-8", "text": note_text(note)}
        },
    }


def date_errors(state: Mapping[str, Any]) -> dict[str, str]:
    """A date or time the browser let through unparsed (no date picker there)."""
    date, time = field(state, "interview_date"), field(state, "interview_time")
    day = parse_date(date)
    return {
        "interview_date": "Write the date as YYYY-MM-DD, e.g. 2025-03-04."
        if date and not day
        else far_ahead(day, now_from(state)),
        "interview_time": "Write the time as HH:MM, e.g. 14:30." if time and not parse_time(time) else "",
    }


def view(options: Mapping[str, Any], state: Mapping[str, Any]) -> View:
    inputs = read_inputs(state)
    people = read_interviewers(state)
    informational = inputs.interview_type == "informational"
    limit = deadline(inputs.date, inputs.time, informational)

    notes = []
    for index, person in enumerate(people):
        note = compose(inputs, person, variant=index)
        checks, count = note_checks(inputs, person, note)
        notes.append(note_view(note, person, index, checks, count))

    # What the reader says to each person, with names, titles and the
    # builder's varied wording set aside: the panel's notes compared fairly.
    said = [compose(inputs, Interviewer(detail=p.detail)).message for p in people]
    panel = [prompt_check(limit, informational, now_from(state))]
    panel += panel_checks([label(p, i) for i, p in enumerate(people)], said)
    if inputs.interview_type == "panel" and len(people) == 1:
        panel.append(suggest("A panel: add each interviewer, so each gets a note of their own."))
    if row_count(state) > MAX_INTERVIEWERS:
        panel.append(
            suggest(
                f"Notes are shown for the first {MAX_INTERVIEWERS} interviewers. For a panel this large, "
                "one note to the coordinator naming everyone is fine."
            )
        )
    errors = date_errors(state)
    send_by = send_by_text(limit, informational)
    if errors["interview_date"]:
        send_by = "Check the interview's date above to see when to send your note."
    return {
        "outputs": {"send_by": send_by, "checks": panel},
        "errors": errors,
        "repeats": {"notes": notes},
    }
