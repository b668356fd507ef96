"""The plan in words: one line per step, the plain-text copy, the rules."""

from __future__ import annotations

import datetime

from widgets.dates import DEFAULT, DateStyle, brief_date, clock, long_date, short_date
from widgets.follow_up_timeline.dates import CLOSED_DAY
from widgets.follow_up_timeline.logic import Interview, Rules, Step
from widgets.interview import INTERVIEW_TYPES

ACTIONS = {
    "thank-you": "send your thank-you note",
    "first-check": "send your first status check",
    "second-check": "send your second status check",
    "stay-in-touch": "stop chasing and stay top-of-mind",
}


def step_date(step: Step, style: DateStyle = DEFAULT, today: datetime.date | None = None) -> str:
    """The start of a step's line: its date, or where it stands against today."""
    if step.status == "overdue" and step.planned:
        when = "today" if today is None or step.day == today else f"on {brief_date(step.day, style)}"
        return f"Overdue since {brief_date(step.planned, style)}: send it {when}"
    if step.status == "ongoing" and step.planned:
        return f"Since {brief_date(step.planned, style)}"
    if step.status == "today":
        return f"Today, {brief_date(step.day, style)}"
    return short_date(step.day, style)


def step_line(step: Step, style: DateStyle = DEFAULT, today: datetime.date | None = None) -> str:
    """One line per step, as the plan shows it."""
    if step.done:
        return f"Done — {step.title}. {step.send}"
    parts = [f"{step_date(step, style, today)} — {step.title}" + (f" ({step.when})." if step.when else ".")]
    if step.moved:
        parts.append(step.moved)
    parts.append(f"What to send: {step.send}")
    parts.append(guide_words(step))
    return " ".join(parts)


def next_step(steps: tuple[Step, ...], today: datetime.date, style: DateStyle = DEFAULT) -> str:
    """What to do next, in one sentence."""
    step = next((s for s in steps if not s.done), None)
    if step is None:
        return "Nothing left to send: every step is done."
    action = ACTIONS[step.kind]
    if step.status == "overdue" and step.planned:
        late = " A late note beats none." if step.kind == "thank-you" else ""
        when = "today" if step.day == today else f"on {long_date(step.day, style)}, the next working day"
        return f"Next: {action} {when}. It has been due since {long_date(step.planned, style)}.{late}"
    if step.status == "ongoing":
        return "Next: no more status checks. Stay in touch lightly, and keep applying elsewhere."
    if step.status == "today":
        due = f", by {clock(step.deadline.time(), style)}" if step.deadline else ""
        return f"Next: {action} today{due}."
    days = (step.day - today).days
    later = "tomorrow" if days == 1 else f"in {days} days"
    return f"Next: {action} on {long_date(step.day, style)} ({later})."


def guide_words(step: Step) -> str:
    return "In the guide: " + "; ".join(g.title for g in step.guides) + "."


def heading(interview: Interview, style: DateStyle = DEFAULT) -> str:
    """'Follow-up plan for your video interview with Acme on Tue 4 Nov 2025 at 14:00'."""
    label = dict(INTERVIEW_TYPES).get(interview.kind, "").lower()
    words = f"Follow-up plan for your {label} interview".replace("  ", " ")
    if interview.company:
        words += f" with {interview.company}"
    words += f" on {short_date(interview.day, style)}"
    if interview.time:
        words += f" at {clock(interview.time, style)}"
    return words


def plan_text(
    interview: Interview, steps: tuple[Step, ...], style: DateStyle = DEFAULT, today: datetime.date | None = None
) -> str:
    """The plan as plain text, to copy or save."""
    lines = [heading(interview, style), ""]
    for step in steps:
        if step.done:
            lines += [step_line(step, style, today), ""]
            continue
        lines.append(f"{step_date(step, style, today)} — {step.title}" + (f" ({step.when})" if step.when else ""))
        if step.moved:
            lines.append(f"  {step.moved}")
        lines += [f"  What to send: {step.send}", f"  {guide_words(step)}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def default_timeline(rules: Rules) -> list[str]:
    """The rules in words, for when there is no interview date yet."""
    window = "3-5" if rules.informational_thank_you_days == 3 else str(rules.informational_thank_you_days)
    lines = [
        f"Thank-you note: within {rules.thank_you_hours} hours of the interview "
        f"(within {window} days after an informational interview).",
        f"First status check: {rules.decision_check_business_days} business days after the decision date "
        f"the employer gave you, or {rules.no_decision_check_days} days after the interview if they gave none.",
        f"Second status check: {rules.second_check_days} days after the first, if it got no reply.",
        f"Then stop chasing and stay top-of-mind: {rules.stay_in_touch_days} days after the second check, "
        "share something relevant, connect, or say hello at an event.",
        "A step that falls on a weekend, a public holiday or a closed day moves to the next working day "
        "(a thank-you note moves earlier, to stay on time).",
    ]
    if rules.holiday_region:
        lines.append(f"Public holidays ({rules.holiday_region}) count as closed days.")
    closed = sorted(d for d, name in rules.closed_days.items() if name == CLOSED_DAY)
    if closed:
        lines.append(f"Closed days: {', '.join(short_date(d, rules.style) for d in closed)}.")
    return lines
