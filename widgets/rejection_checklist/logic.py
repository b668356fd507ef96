"""Rules of the rejection-response checklist: the steps, progress, and the
view with the reply (composed in reply.py, checked in checks.py).

The steps follow the guide's page "When you don't get the job".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from widgets.base import View
from widgets.record import record
from widgets.rejection_checklist.checks import EDITED, reply_checks
from widgets.rejection_checklist.reply import ReplyInputs, compose_reply
from widgets.state import block, flag, text
from widgets.writing.mailto import is_address, mailto
from widgets.writing.message import text_file


@record
class Step:
    """One step of the checklist, as the reader ticks it."""

    id: str
    label: str
    detail: str


STEPS: tuple[Step, ...] = (
    Step(
        "pause",
        "Take a short, set time to be disappointed",
        "An evening, not a week. It is one decision, not a verdict on you.",
    ),
    Step(
        "reply",
        "Reply within 24-48 hours and thank them",
        "Thank them for the chance to interview and for their time.",
    ),
    Step(
        "feedback",
        "Ask for feedback (optional)",
        "Many employers decline, often for legal reasons. If they do, book a mock "
        "interview with a career advisor instead.",
    ),
    Step(
        "future",
        "Say you would welcome future openings, and keep in touch",
        "An occasional message or a hello at an event keeps the door open.",
    ),
    Step(
        "reflect",
        "Reflect on what you can control and apply it next time",
        "Preparation and practice: note one thing to do differently.",
    ),
)


def step_field(step: Step) -> str:
    return f"step_{step.id}"


def progress(state: Mapping[str, Any]) -> str:
    done = sum(flag(state, step_field(s)) for s in STEPS)
    return f"{done} of {len(STEPS)} done"


def read_reply(options: Mapping[str, Any], state: Mapping[str, Any]) -> ReplyInputs:
    tone = state.get("tone")
    return ReplyInputs(
        your_name=text(state, "your_name"),
        contact=text(state, "contact"),
        company=text(state, "company") if options["company_field"] else "",
        role=text(state, "role"),
        detail=text(state, "detail"),
        ask_feedback=flag(state, "ask_feedback"),
        question=text(state, "question"),
        stay_in_touch=flag(state, "stay_in_touch"),
        tone=tone if tone in ("formal", "warm") else "formal",
        signature=block(state, "signature") or "",
    )


def view(options: Mapping[str, Any], state: Mapping[str, Any]) -> View:
    inputs = read_reply(options, state)
    composed = compose_reply(inputs)
    edited = block(state, "reply")
    body = composed.body if edited is None else edited
    email = text(state, "contact_email")
    return {
        "outputs": {
            "progress": progress(state),
            "reply": body,
            "subject": composed.subject,
            "edited": EDITED if edited is not None else "",
            "checks": reply_checks(inputs, body, edited=edited is not None),
        },
        "links": {"mailto": mailto(to=email if is_address(email) else "", subject=composed.subject, body=body)},
        "downloads": {
            "txt": {
                "filename": "reply.txt",
                "mime": "text/plain;charset=utf-8",
                "text": text_file(composed.subject, body),
            }
        },
        "errors": {
            "contact_email": "Write one address, like name@example.com." if email and not is_address(email) else ""
        },
    }
