"""A draft for every follow-up the plan asks for: the first status check, the
second check and a keep-in-touch message, composed from the plan and the
interview with the shared message-writing core (widgets/writing).

What the reader typed is used as typed (names, role, company); what they did
not type is left out of the sentence, never replaced by a placeholder.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from widgets.base import Download, View
from widgets.dates import DEFAULT, DateStyle, day_month
from widgets.follow_up_timeline.logic import INFORMATIONAL, Interview, Step
from widgets.record import record
from widgets.state import block, text
from widgets.writing.greetings import greeting
from widgets.writing.mailto import mailto
from widgets.writing.message import Message, text_file
from widgets.writing.sentences import phrase, sentence
from widgets.writing.signature import sign_off, signature_block

TONE = "formal"  # status checks go to a recruiter or hiring manager
EDITED = "You edited this draft: changes to the form no longer change it."


@record
class Slot:
    """Where one kind of draft is shown: a repeated output of its own, with one
    item while the plan needs that draft and none otherwise. The reader's text
    comes back as ``<repeat>.0.body``, so an edit stays with its kind of draft
    whatever the others do (a sent one dropped, none before an informational
    interview's keep-in-touch)."""

    kind: str  # the plan step it is for
    repeat: str  # the repeated output (template.html)
    title: str  # the heading above it
    what: str  # how its text area's label names it: "Your first status check (edit it here)"

    @property
    def body_field(self) -> str:
        return f"{self.repeat}.0.body"

    @property
    def filename(self) -> str:
        return self.kind.replace("-check", "-status-check") + ".txt"


# In the plan's order.
SLOTS: tuple[Slot, ...] = (
    Slot("first-check", "first_check", "First status check", "first status check"),
    Slot("second-check", "second_check", "Second status check", "second status check"),
    Slot("stay-in-touch", "keep_in_touch", "Keep in touch", "keep-in-touch message"),
)


@record
class Facts:
    """What the drafts say besides the plan: as the reader typed it."""

    your_name: str = ""
    contact: str = ""  # the main contact: "Ms. Rivera", "Dr. Ana Rivera"
    role: str = ""
    share: str = ""  # something relevant to share when keeping in touch

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> Facts:
        return cls(text(state, "your_name"), text(state, "contact_name"), text(state, "role"), text(state, "share"))


def drafts(
    interview: Interview, steps: tuple[Step, ...], facts: Facts, style: DateStyle = DEFAULT
) -> dict[str, Message]:
    """The drafts for the plan's steps, by step kind (no status checks after an
    informational interview)."""
    by_kind = {step.kind: step for step in steps}
    out: dict[str, Message] = {}
    if "first-check" in by_kind:
        out["first-check"] = first_check(interview, facts, style)
    if "second-check" in by_kind and "first-check" in by_kind:
        out["second-check"] = second_check(interview, by_kind["first-check"], facts, style)
    if "stay-in-touch" in by_kind:
        out["stay-in-touch"] = keep_in_touch(interview, facts, style)
    return out


def _role(facts: Facts) -> str:
    return f"the {facts.role} role" if facts.role else "the position"


def _at(interview: Interview) -> str:
    return f" at {interview.company}" if interview.company else ""


def _subject(facts: Facts) -> str:
    return f"Following up - {facts.role} interview" if facts.role else "Following up on my interview"


def _message(subject: str, facts: Facts, paragraphs: tuple[str, ...], *, fallback: str = "Hiring Manager") -> Message:
    hello = greeting(facts.contact, TONE, fallback=fallback) if facts.contact or fallback else "Hello,"
    closing = signature_block(TONE, facts.your_name) if facts.your_name else sign_off(TONE)
    return Message(subject, hello, paragraphs, closing)


def first_check(interview: Interview, facts: Facts, style: DateStyle = DEFAULT) -> Message:
    interviewed = f"I interviewed for {_role(facts)}{_at(interview)} on {day_month(interview.day, style)}"
    if interview.decision_day is not None:
        ask = (
            f"{interviewed}. You mentioned you hoped to decide by {day_month(interview.decision_day, style)}, "
            "so I wanted to ask whether there is any update on your timeline."
        )
    else:
        ask = f"{interviewed} and wanted to ask whether there is any update on your timeline."
    still = "I am still very interested in the position"
    still += f" and in joining {interview.company}." if interview.company else "."
    return _message(
        _subject(facts),
        facts,
        (
            f"I hope your week is going well. {ask}",
            still,
            "Thank you again for your time. I look forward to hearing from you.",
        ),
    )


def second_check(interview: Interview, first: Step, facts: Facts, style: DateStyle = DEFAULT) -> Message:
    sent_on = first.planned or first.day
    return _message(
        f"Re: {_subject(facts)}",  # a reply in the thread of the first check
        facts,
        (
            f"I am following up on my message of {day_month(sent_on, style)} about {_role(facts)}{_at(interview)}.",
            "I remain very interested in the position, and I would be grateful for any update on your timeline "
            "when you have a moment.",
            "Thank you for your time.",
        ),
    )


def keep_in_touch(interview: Interview, facts: Facts, style: DateStyle = DEFAULT) -> Message:
    when = day_month(interview.day, style)
    if interview.kind == INFORMATIONAL:
        opening = f"Thank you again for the advice you gave me when we spoke on {when}."
        middle = "I have been putting it to use, and I would be glad to stay in touch."
    else:
        opening = (
            f"I hope all is well{_at(interview)}. Thank you again for our conversation about {_role(facts)} on {when}."
        )
        middle = (
            "I would welcome the chance to be considered for future openings, and I would be glad to stay in touch."
        )
    shared = phrase(facts.share)
    if shared:
        middle = sentence(f"I came across {shared} and thought of our conversation") + " " + middle
    subject = f"Staying in touch - {interview.company}" if interview.company else "Staying in touch"
    # After an informational interview, no hiring manager: "Hello," when no name was given.
    fallback = "" if interview.kind == INFORMATIONAL else "Hiring Manager"
    return _message(subject, facts, (opening, middle, "I hope our paths cross again soon."), fallback=fallback)


def draft_view(slot: Slot, message: Message, edited: str | None = None) -> View:
    """One draft as the item of its repeated output: the text shown (the
    reader's own once edited, else the composed one), and the mailto link and
    .txt file of exactly that text."""
    body = message.body if edited is None else edited
    return View(
        outputs={
            "title": slot.title,
            "subject": message.subject,
            "body": body,
            "edited": "" if edited is None else EDITED,
        },
        links={"mailto": mailto(subject=message.subject, body=body)},
        downloads={"txt": Download(filename=slot.filename, mime="text/plain", text=text_file(message.subject, body))},
    )


def draft_repeats(
    interview: Interview | None, steps: tuple[Step, ...], state: Mapping[str, Any], style: DateStyle = DEFAULT
) -> dict[str, list[View]]:
    """Each slot's item: a draft for each follow-up still to send (a sent one
    needs none), with the reader's text where they edited it; no plan, no drafts."""
    composed = {} if interview is None else drafts(interview, steps, Facts.from_state(state), style)
    done = {step.kind for step in steps if step.done}
    return {
        slot.repeat: [draft_view(slot, composed[slot.kind], block(state, slot.body_field))]
        if slot.kind in composed and slot.kind not in done
        else []
        for slot in SLOTS
    }
