"""The timeline's view: the form's state in, the plan and its files out."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from widgets.dates import DEFAULT, DateStyle
from widgets.follow_up_timeline.form import MISSING_DATE, read_form
from widgets.follow_up_timeline.ics import Event, calendar
from widgets.follow_up_timeline.logic import Interview, Rules, Step, plan
from widgets.follow_up_timeline.wording import default_timeline, guide_words, heading, plan_text, step_line

FIELD_LABELS = {
    "interview_date": "Interview date",
    "interview_time": "Interview time",
    "decision_date": "Decision date",
    "interview_type": "Interview type",
}
WAITING_HEADING = "Enter your interview date to get a dated plan. Until then, here is the guide's timeline:"


def view(options: Mapping[str, Any], state: Mapping[str, Any]) -> dict[str, Any]:
    rules = Rules.from_options(options)
    now = current_time(state)
    interview, errors = read_form(state, now.date())
    if interview is None:
        return _no_plan(rules, errors)
    steps = plan(interview, rules)
    style = rules.style
    text = plan_text(interview, steps, style)
    items = [plan_item(s, style) for s in steps]
    beyond = holidays_unknown(rules, steps)
    if beyond:
        items.append({"text": beyond, "tone": "note"})
        text += f"\n{beyond}\n"
    return {
        "outputs": {
            "plan_heading": heading(interview, style),
            "plan": items,
            "plan_text": text,
        },
        "downloads": {
            "ics": {
                "filename": "follow-up-plan.ics",
                "mime": "text/calendar",
                "text": calendar(calendar_events(interview, steps, style), now),
            },
            "text": {"filename": "follow-up-plan.txt", "mime": "text/plain", "text": text},
        },
        "errors": errors,
    }


def holidays_unknown(rules: Rules, steps: tuple[Step, ...]) -> str:
    """A warning when a step falls in a year the guide's public holidays were not built for."""
    if rules.holiday_years is None or not any(rules.beyond_holidays(s.day) for s in steps):
        return ""
    first, last = rules.holiday_years
    return (
        f"This guide knows the public holidays of {first}-{last} only: check the later dates against your own calendar."
    )


def plan_item(step: Step, style: DateStyle = DEFAULT) -> dict[str, Any]:
    """A step of the plan, its guide sections linked where the line names them."""
    if step.done:
        return {"text": step_line(step, style), "tone": "done"}
    links = [{"text": g.title, "href": g.href} for g in step.guides]
    return {"text": step_line(step, style), "tone": "step", "links": links}


def current_time(state: Mapping[str, Any]) -> datetime.datetime:
    """Now, for DTSTAMP and the "too far from today" checks.

    The page sends only the form, so this is the clock of wherever the view
    runs; tests (and anything else that needs a fixed "now") pass an ISO
    date-time as the state key "_now", which no control of the form has.
    """
    given = state.get("_now")
    if isinstance(given, str):
        try:
            moment = datetime.datetime.fromisoformat(given)
        except ValueError:
            pass
        else:
            return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)
    return datetime.datetime.now().astimezone()


def calendar_events(interview: Interview, steps: tuple[Step, ...], style: DateStyle = DEFAULT) -> list[Event]:
    """One all-day event per step still to do."""
    return [
        Event(step.day, event_summary(interview, step), event_description(interview, step, style))
        for step in steps
        if not step.done
    ]


def event_summary(interview: Interview, step: Step) -> str:
    return f"{step.title} ({interview.company})" if interview.company else step.title


def event_description(interview: Interview, step: Step, style: DateStyle = DEFAULT) -> str:
    lines = [f"When: {step.when}." if step.when else ""]
    lines += [step.moved, f"What to send: {step.send}", guide_words(step), f"{heading(interview, style)}."]
    return "\n".join(line for line in lines if line)


def _no_plan(rules: Rules, errors: dict[str, str]) -> dict[str, Any]:
    problems = {field: message for field, message in errors.items() if message}
    if problems == {"interview_date": MISSING_DATE}:
        # Nothing typed yet (the page as first shown): the rules in words.
        title = WAITING_HEADING
        items = [{"text": line, "tone": "note"} for line in default_timeline(rules)]
    else:
        title = "No plan yet: check the fields marked above."
        items = [{"text": f"{FIELD_LABELS[f]}: {m}", "tone": "missing"} for f, m in problems.items()]
    text = "\n".join([title, *(item["text"] for item in items)]) + "\n"
    # Empty downloads replace the last plan's files on the page: no stale .ics.
    return {
        "outputs": {"plan_heading": title, "plan": items, "plan_text": text},
        "downloads": {},
        "errors": errors,
    }
