"""The timeline's view: the form's state in, the plan and its files out."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from widgets.base import Link, ListItem, View
from widgets.dates import DEFAULT, DateStyle
from widgets.follow_up_timeline.calendar_file import REMINDERS, calendar_events
from widgets.follow_up_timeline.drafts import draft_repeats
from widgets.follow_up_timeline.form import MISSING_DATE, read_form
from widgets.follow_up_timeline.ics import calendar
from widgets.follow_up_timeline.logic import Rules, Step, plan
from widgets.follow_up_timeline.wording import (
    default_timeline,
    heading,
    next_step,
    plan_text,
    step_line,
)
from widgets.state import flag, reader_now
from widgets.state import text as text_field

FIELD_LABELS = {
    "interview_date": "Interview date",
    "interview_time": "Interview time",
    "decision_date": "Decision date",
    "interview_type": "Interview type",
}
WAITING_HEADING = "Enter your interview date to get a dated plan. Until then, here is the guide's timeline:"


def view(options: Mapping[str, Any], state: Mapping[str, Any]) -> View:
    rules = Rules.from_options(options)
    now = current_time(state)
    interview, errors = read_form(state, now.date())
    if interview is None:
        return _no_plan(rules, errors)
    steps = plan(interview, rules, now.replace(tzinfo=None))
    style = rules.style
    next_words = next_step(steps, now.date(), style)
    # The plain text: the heading, what to do next, then the steps.
    text = plan_text(interview, steps, style, now.date()).replace("\n\n", f"\n\n{next_words}\n\n", 1)
    items = [plan_item(s, style, now.date(), rules) for s in steps]
    beyond = holidays_unknown(rules, steps)
    if beyond:
        items.append({"text": beyond, "tone": "note"})
        text += f"\n{beyond}\n"
    return {
        "outputs": {
            "plan_heading": heading(interview, style),
            "next_step": next_words,
            "plan": items,
            "plan_text": text,
        },
        "downloads": {
            "ics": {
                "filename": "follow-up-plan.ics",
                "mime": "text/calendar",
                "text": calendar(
                    calendar_events(
                        interview,
                        steps,
                        style,
                        state=state,
                        reminder=reminder_choice(state),
                        include_past=flag(state, "include_past"),
                        urls=rules.guide_urls,
                        stamp=now,
                    ),
                    now,
                ),
            },
            "text": {"filename": "follow-up-plan.txt", "mime": "text/plain", "text": text},
        },
        "repeats": draft_repeats(interview, steps, state, style),
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


def plan_item(
    step: Step, style: DateStyle = DEFAULT, today: datetime.date | None = None, rules: Rules | None = None
) -> ListItem:
    """A step of the plan, its guide sections linked where the line names them
    (with the hrefs the build worked out for the page holding the widget)."""
    if step.done:
        return {"text": step_line(step, style), "tone": "done"}
    hrefs = {g.key: rules.href(g.key) for g in step.guides} if rules else {}
    links: list[Link] = [{"text": g.title, "href": hrefs[g.key]} for g in step.guides if hrefs.get(g.key)]
    tone = {"overdue": "overdue", "today": "today"}.get(step.status, "step")
    return {"text": step_line(step, style, today), "tone": tone, "links": links}


def reminder_choice(state: Mapping[str, Any]) -> str:
    choice = text_field(state, "reminder")
    return choice if choice in dict(REMINDERS) else REMINDERS[0][0]


def current_time(state: Mapping[str, Any]) -> datetime.datetime:
    """The reader's local time (the page's ``_now``): for today, DTSTAMP, the date checks."""
    return reader_now(state)


def _no_plan(rules: Rules, errors: dict[str, str]) -> View:
    problems = {field: message for field, message in errors.items() if message}
    if problems == {"interview_date": MISSING_DATE}:
        # Nothing typed yet (the page as first shown): the rules in words.
        title = WAITING_HEADING
        items: list[ListItem] = [{"text": line, "tone": "note"} for line in default_timeline(rules)]
    else:
        title = "No plan yet: check the fields marked above."
        items = [{"text": f"{FIELD_LABELS[f]}: {m}", "tone": "missing"} for f, m in problems.items()]
    text = "\n".join([title, *(item["text"] for item in items)]) + "\n"
    # Empty downloads replace the last plan's files on the page: no stale .ics.
    return {
        "outputs": {"plan_heading": title, "next_step": "", "plan": items, "plan_text": text},
        "downloads": {},
        "repeats": draft_repeats(None, (), {}),
        "errors": errors,
    }
