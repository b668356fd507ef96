"""The plan in words: one line per step, the plain-text copy, the rules."""

from __future__ import annotations

from widgets.dates import DEFAULT, DateStyle, clock, short_date
from widgets.follow_up_timeline.dates import CLOSED_DAY
from widgets.follow_up_timeline.logic import INTERVIEW_TYPES, Interview, Rules, Step


def step_line(step: Step, style: DateStyle = DEFAULT) -> str:
    """One line per step, as the plan shows it."""
    if step.done:
        return f"Done — {step.title}. {step.send}"
    parts = [f"{short_date(step.day, style)} — {step.title}" + (f" ({step.when})." if step.when else ".")]
    if step.moved:
        parts.append(step.moved)
    parts.append(f"What to send: {step.send}")
    parts.append(guide_words(step))
    return " ".join(parts)


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


def plan_text(interview: Interview, steps: tuple[Step, ...], style: DateStyle = DEFAULT) -> str:
    """The plan as plain text, to copy or save."""
    lines = [heading(interview, style), ""]
    for step in steps:
        if step.done:
            lines += [step_line(step, style), ""]
            continue
        lines.append(f"{short_date(step.day, style)} — {step.title}" + (f" ({step.when})" if step.when else ""))
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
