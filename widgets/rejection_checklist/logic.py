"""Rules of the rejection-response checklist: the steps, progress, the reply.

The steps follow the guide's page "When you don't get the job".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from widgets.base import View
from widgets.state import flag, text


@dataclass(frozen=True)
class Step:
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


def compose_reply(
    *,
    your_name: str,
    contact: str,
    company: str,
    role: str,
    ask_feedback: bool,
    stay_in_touch: bool,
) -> str:
    """A short, polite reply to a rejection. Empty fields get neutral wording."""
    greeting = f"Dear {contact}," if contact else "Dear Hiring Manager,"
    for_role = f" about the {role} role" if role else ""
    at_company = f" at {company}" if company else ""
    paragraphs = [
        greeting,
        f"Thank you for letting me know your decision{for_role}. I appreciated the "
        f"chance to interview{at_company} and the time you gave me.",
    ]
    if ask_feedback:
        paragraphs.append(
            "If you are able to share any feedback on my application or interview, "
            "I would welcome it: it would help me improve."
        )
    if stay_in_touch:
        team = company or "your team"
        paragraphs.append(
            f"I enjoyed learning about {team} and would welcome the chance to be "
            "considered for future openings. I hope we can stay in touch."
        )
    paragraphs.append(f"Best regards,\n{your_name or '[Your name]'}")
    return "\n\n".join(paragraphs)


def view(options: Mapping[str, Any], state: Mapping[str, Any]) -> View:
    company = text(state, "company") if options["company_field"] else ""
    reply = compose_reply(
        your_name=text(state, "your_name"),
        contact=text(state, "contact"),
        company=company,
        role=text(state, "role"),
        ask_feedback=flag(state, "ask_feedback"),
        stay_in_touch=flag(state, "stay_in_touch"),
    )
    return {"outputs": {"progress": progress(state), "reply": reply}}
