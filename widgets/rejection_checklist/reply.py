"""The reply to a rejection: short, gracious, opening with gratitude, with an
optional specific detail, one clear question for feedback and the wish to be
considered again (the guide's page "When you don't get the job").

Written with the same core as the thank-you notes (widgets/writing): the
greeting rules, sentence fitting and the signature block.
"""

from __future__ import annotations

from widgets.record import record
from widgets.writing.greetings import greeting
from widgets.writing.message import Message
from widgets.writing.sentences import join, phrase, question, without_lead
from widgets.writing.signature import signature_block

DEFAULT_QUESTION = "What would make me a stronger candidate for similar roles?"
PLACEHOLDER_NAME = "[Your name]"

_THANKS = {
    "formal": "Thank you for letting me know your decision{about}.",
    "warm": "Thank you for letting me know{about}.",
}
_CHANCE = {
    "formal": "I appreciated the chance to interview{at} and the time you gave me.",
    "warm": "I really appreciated the chance to interview{at} and the time you gave me.",
}
_DETAIL = {"formal": "I especially enjoyed {}.", "warm": "I especially enjoyed {}."}
_FEEDBACK = {
    "formal": "If you are able to share feedback, I would be grateful for your answer to one question.",
    "warm": "If you have a moment, I'd be grateful for your answer to one question.",
}
_FUTURE = {
    "formal": "I would welcome the chance to be considered for future openings{at}, and I hope we can stay in touch.",
    "warm": "I'd love to be considered for future openings{at}, and I hope we stay in touch.",
}


@record
class ReplyInputs:
    """The form's fields the reply to a rejection is written from, as plain values."""

    your_name: str = ""
    contact: str = ""
    company: str = ""
    role: str = ""
    detail: str = ""  # something specific from the process
    ask_feedback: bool = False
    question: str = ""  # the one clear question; a default one when empty
    stay_in_touch: bool = False
    tone: str = "formal"
    signature: str = ""


def subject_line(inputs: ReplyInputs) -> str:
    role = phrase(inputs.role)
    return f"Thank you - {role} role" if role else "Thank you"


def compose_reply(inputs: ReplyInputs) -> Message:
    """A short, polite reply. Empty fields get neutral wording, never a seam."""
    tone = inputs.tone if inputs.tone in _THANKS else "formal"
    role, company = phrase(inputs.role), phrase(inputs.company)
    about = f" about the {role} role" if role else ""
    at = f" at {company}" if company else ""
    detail = without_lead(inputs.detail, "I enjoyed", "enjoyed")
    first = join(
        _THANKS[tone].format(about=about),
        _CHANCE[tone].format(at=at),
        _DETAIL[tone].format(detail) if detail else "",
    )
    feedback = join(_FEEDBACK[tone], question(inputs.question) or DEFAULT_QUESTION) if inputs.ask_feedback else ""
    future = _FUTURE[tone].format(at=at) if inputs.stay_in_touch else ""
    return Message(
        subject=subject_line(inputs),
        greeting=greeting(inputs.contact, tone, fallback="Hiring Manager"),
        paragraphs=tuple(p for p in (first, feedback, future) if p),
        closing=signature_block(tone, inputs.your_name or PLACEHOLDER_NAME, inputs.signature),
    )
