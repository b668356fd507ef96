"""The follow-up plan: from one interview to dated steps, following the
guide's page "Timing your follow-up".

Pure functions on plain dates; the rules' gaps come from the fence options.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from widgets.base import Section
from widgets.dates import DEFAULT as DEFAULT_STYLE
from widgets.dates import DateStyle, clock, long_date, short_date
from widgets.follow_up_timeline.dates import CLOSED_DAY, WorkingDays
from widgets.interview import DEFAULT_INTERVIEW_TYPE, INFORMATIONAL
from widgets.record import field, record, replace

ONE_DAY = datetime.timedelta(days=1)

INFORMATIONAL_LAST_DAY = 5  # the guide: thank them within 3-5 days


@record
class GuideLink:
    """A link from a step to a section of the guide (SECTIONS)."""

    key: str  # in SECTIONS, and in the build's guide_links option
    title: str


# The guide's sections the plan links to, by page and heading: the build checks
# them and works out each href from the page that holds the widget.
SECTIONS = {
    "thank-you": Section("thank-you-notes.md", "When to send it"),
    "note-builder": Section("thank-you-notes.md", "Build your note"),
    "first-check": Section("timing.md", "The first status check"),
    "what-to-write": Section("timing.md", "What to write"),
    "second-check": Section("timing.md", "The second check"),
    "stop-chasing": Section("timing.md", "When to stop chasing"),
    "keep-in-touch": Section("staying-in-touch.md", "Keep in touch"),
}
GUIDE = {
    "thank-you": GuideLink("thank-you", "Thank-you notes › When to send it"),
    "note-builder": GuideLink("note-builder", "Thank-you notes › the note builder"),
    "first-check": GuideLink("first-check", "Timing your follow-up › The first status check"),
    "what-to-write": GuideLink("what-to-write", "Timing your follow-up › What to write"),
    "second-check": GuideLink("second-check", "Timing your follow-up › The second check"),
    "stop-chasing": GuideLink("stop-chasing", "Timing your follow-up › When to stop chasing"),
    "keep-in-touch": GuideLink("keep-in-touch", "Staying top-of-mind › Keep in touch"),
}


@record
class Rules:
    """The plan's gaps; the field names are the widget's option names."""

    thank_you_hours: int = 24
    informational_thank_you_days: int = 3
    decision_check_business_days: int = 3
    no_decision_check_days: int = 7
    second_check_days: int = 7
    stay_in_touch_days: int = 21
    # Each day no step falls on, and its name: the region's public holidays
    # (the option public_holidays, from mkdocs.yml) and the fence's closed_days.
    closed_days: Mapping[datetime.date, str] = field(default_factory=dict)
    # The public holidays' region and the years they are known for, if any.
    holiday_region: str = ""
    holiday_years: tuple[int, int] | None = None
    # Each guide section's href from the page holding the widget and its absolute
    # address ("" unless the site's is known): the build's guide_links option.
    guide_links: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # How dates and times are written (mkdocs.yml extra.dates, the option date_style).
    style: DateStyle = DEFAULT_STYLE

    def __post_init__(self) -> None:
        if not isinstance(self.closed_days, Mapping):  # a plain set of dates: unnamed closed days
            object.__setattr__(self, "closed_days", dict.fromkeys(self.closed_days, CLOSED_DAY))

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Rules:
        gaps = {name: options[name] for name in _GAPS if name in options}
        public = options.get("public_holidays")
        closed: dict[datetime.date, str] = {}
        if isinstance(public, Mapping):
            closed.update(_holidays(public.get("days")))
            gaps["holiday_region"] = str(public.get("region", ""))
            years = public.get("first_year"), public.get("last_year")
            if all(isinstance(y, int) for y in years):
                gaps["holiday_years"] = years
        # The fence's own closed days add to the public holidays.
        for day in options.get("closed_days", ()):
            closed.setdefault(datetime.date.fromisoformat(day), CLOSED_DAY)
        links = options.get("guide_links")
        return cls(
            **gaps,
            closed_days=closed,
            style=DateStyle.from_option(options.get("date_style")),
            guide_links=links if isinstance(links, Mapping) else {},
        )

    def href(self, key: str) -> str:
        link = self.guide_links.get(key)
        return str(link.get("href", "")) if isinstance(link, Mapping) else ""

    @property
    def guide_urls(self) -> dict[str, str]:
        """Each step kind's first guide section as an absolute address, where known."""
        urls = {}
        for kind, key in (
            ("thank-you", "thank-you"),
            ("first-check", "first-check"),
            ("second-check", "second-check"),
            ("stay-in-touch", "stop-chasing"),
        ):
            link = self.guide_links.get(key)
            if isinstance(link, Mapping) and link.get("url"):
                urls[kind] = str(link["url"])
        return urls

    def beyond_holidays(self, day: datetime.date) -> bool:
        """Whether ``day`` is in a year the public holidays were not computed for."""
        return self.holiday_years is not None and not self.holiday_years[0] <= day.year <= self.holiday_years[1]


# Each step kind and the section its calendar event links to.
_STEP_SECTIONS = (
    ("thank-you", "thank-you"),
    ("first-check", "first-check"),
    ("second-check", "second-check"),
    ("stay-in-touch", "stop-chasing"),
)
_GAPS = (
    "thank_you_hours",
    "informational_thank_you_days",
    "decision_check_business_days",
    "no_decision_check_days",
    "second_check_days",
    "stay_in_touch_days",
)


def _holidays(days: Any) -> dict[datetime.date, str]:
    """The build's {"2026-11-26": "Thanksgiving Day"}, skipping anything malformed."""
    out: dict[datetime.date, str] = {}
    for key, name in (days or {}).items() if isinstance(days, Mapping) else ():
        try:
            out[datetime.date.fromisoformat(key)] = str(name) or "public holiday"
        except (TypeError, ValueError):
            continue
    return out


@record
class Interview:
    """What the reader told the timeline about one interview, checked (read_form)."""

    day: datetime.date
    time: datetime.time | None = None
    kind: str = DEFAULT_INTERVIEW_TYPE
    company: str = ""
    decision_day: datetime.date | None = None
    thank_you_sent: bool = False
    skip_weekends: bool = True
    first_check_sent: bool = False
    second_check_sent: bool = False

    def sent(self, kind: str) -> bool:
        """Whether the reader has sent this step; a later step sent implies the earlier ones."""
        order = ("thank-you", "first-check", "second-check")
        flags = (self.thank_you_sent, self.first_check_sent, self.second_check_sent)
        return kind in order and any(flags[order.index(kind) :])


@record
class Step:
    """One step of the plan: what to send, on which day, and where it stands."""

    kind: str  # thank-you | first-check | second-check | stay-in-touch
    day: datetime.date
    title: str
    when: str  # why this day: "by 14:00, 24 hours after the interview"
    send: str  # what to send
    guides: tuple[GuideLink, ...]
    moved: str = ""  # "Moved from Saturday 3 May: weekend."
    # Against the reader's today: upcoming | today | overdue (not sent, its day
    # passed: planned for today now) | done (sent) | ongoing (stay-in-touch, begun).
    status: str = "upcoming"
    planned: datetime.date | None = None  # an overdue or ongoing step's own day
    deadline: datetime.datetime | None = None  # the thank-you's, when its time is known
    last_day: datetime.date | None = None  # the thank-you's last day on time

    @property
    def done(self) -> bool:
        return self.status == "done"


SENT_TITLES = {
    "thank-you": "Thank-you note already sent",
    "first-check": "First status check already sent",
    "second-check": "Second status check already sent",
}


def plan(interview: Interview, rules: Rules, now: datetime.datetime | None = None) -> tuple[Step, ...]:
    """The dated steps; with ``now`` (the reader's local time), each one marked
    against today, and the steps after an overdue one planned from today."""
    days = WorkingDays(rules.closed_days, interview.skip_weekends)
    thank_you = _today(_thank_you(interview, rules, days), interview, now, days)
    if interview.kind == INFORMATIONAL:
        # No decision to ask about: thank them, then keep in touch.
        return thank_you, _today(_stay_in_touch(thank_you, rules, days, informational=True), interview, now, days)
    first = _today(_first_check(interview, thank_you, rules, days), interview, now, days)
    second = _later_step(
        "second-check",
        "Second status check",
        first,
        rules.second_check_days,
        "after the first check",
        "Only if the first got no reply: one last short nudge. A line that you are following up on "
        "your earlier message, a line restating your interest, and thanks.",
        (GUIDE["second-check"],),
        days,
        rules.style,
    )
    second = _today(second, interview, now, days)
    return (
        thank_you,
        first,
        second,
        _today(_stay_in_touch(second, rules, days, informational=False), interview, now, days),
    )


def _today(step: Step, interview: Interview, now: datetime.datetime | None, days: WorkingDays) -> Step:
    """The step marked against the reader's today. An overdue thank-you is for
    today; an overdue status check for the first working day from today."""
    if interview.sent(step.kind):
        # Kept on its day, so the plan's dates still follow the rules.
        title = SENT_TITLES[step.kind]
        return replace(step, title=title, when="", send="Nothing more to do here.", moved="", status="done")
    if now is None:
        return step
    today = now.date()
    if step.kind == "stay-in-touch":
        if step.day < today:
            return replace(step, status="ongoing", planned=step.day, day=today, moved="")
        return replace(step, status="today") if step.day == today else step
    if step.deadline is not None:  # the thank-you, due at an hour
        late = now > step.deadline
    elif step.last_day is not None:  # a thank-you due within a day (or a few): the whole day counts
        late = today > step.last_day
    else:
        late = step.day < today
    if late:
        day = today if step.kind == "thank-you" else days.on_or_after(today)
        return replace(step, status="overdue", planned=step.day, day=day, moved="")
    if step.day <= today:  # its day, or a thank-you planned earlier that is still on time
        return replace(step, status="today", planned=step.day if step.day < today else None, day=today)
    return step


def _thank_you(interview: Interview, rules: Rules, days: WorkingDays) -> Step:
    title = "Send your thank-you note"
    guides = (GUIDE["thank-you"], GUIDE["note-builder"])
    due_clock = ""  # the hour it is due, when the interview's time is known
    deadline = None
    if interview.kind == INFORMATIONAL:
        gap = rules.informational_thank_you_days
        due = interview.day + gap * ONE_DAY
        # "Within 3-5 days": aim for the first day, a day off may push it to the last.
        last = interview.day + max(gap, INFORMATIONAL_LAST_DAY) * ONE_DAY
        on_time = f"within {'3-5' if gap == 3 else gap} days of an informational interview"
        send = "Thank them for their time and advice, and say what you will do with it."
    else:
        hours = rules.thank_you_hours
        start = datetime.datetime.combine(interview.day, interview.time or datetime.time(12))
        due_at = start + datetime.timedelta(hours=hours)
        due = last = due_at.date()
        if interview.time:
            deadline = due_at
            due_clock = clock(due_at.time(), rules.style)
            on_time = f"by {due_clock}, {hours} hours after the interview"
        else:
            on_time = f"within {hours} hours of the interview"
        send = _thank_you_content(interview.kind)
    step = Step("thank-you", due, title, on_time, send, guides, deadline=deadline, last_day=last)
    return _on_a_working_day(step, interview.day, last, due_clock, days, rules.style)


def _on_a_working_day(
    step: Step, interview_day: datetime.date, last: datetime.date, due_clock: str, days: WorkingDays, style: DateStyle
) -> Step:
    """The note on its due day (``step.day``), or the working day it moves to."""
    due = step.day
    day = days.on_or_after(due)
    if day <= last:
        return replace(step, day=day, moved=_moved(due, day, days, style) if day != due else "")
    # Past the deadline: send it on a working day before rather than late.
    earlier = days.latest_between(interview_day, due)
    if earlier is not None:
        deadline = long_date(last, style, year=last.year != earlier.year)
        deadline = f"{due_clock} on {deadline}" if due_clock else deadline
        moved = (
            f"Moved earlier from {long_date(due, style, year=due.year != earlier.year)}: {days.why_not_working(due)}."
        )
        return replace(step, day=earlier, when=f"it is due by {deadline}", moved=moved)
    return replace(step, day=day, when="as early in the day as you can", moved=_moved(due, day, days, style))


def _thank_you_content(kind: str) -> str:
    if kind == "panel":
        return (
            "A separate note to each panel member, each one different (they compare them): thanks, "
            "one specific thing they raised tied to a strength of yours, and that you still want the role."
        )
    return (
        "A short note to each person who interviewed you: thanks, one specific thing you discussed "
        "tied to a strength of yours, and that you still want the role."
    )


def _first_check(interview: Interview, thank_you: Step, rules: Rules, days: WorkingDays) -> Step:
    send = (
        "A short, polite e-mail to your main contact: the role and the date you interviewed, that you "
        "are still interested, and whether there is an update on their timeline."
    )
    guides = (GUIDE["first-check"], GUIDE["what-to-write"])
    if interview.decision_day is not None:
        count = rules.decision_check_business_days
        nominal = days.add_business_days(interview.decision_day, count)
        unit = "business day" if count == 1 else "business days"
        when = f"{count} {unit} after their decision date, {short_date(interview.decision_day, rules.style)}"
    else:
        nominal = interview.day + rules.no_decision_check_days * ONE_DAY
        when = f"{rules.no_decision_check_days} days after the interview, as they gave no decision date"
    day, moved = _schedule(nominal, thank_you.day, days, rules.style)
    return Step("first-check", day, "First status check", when, send, guides, moved)


def _stay_in_touch(previous: Step, rules: Rules, days: WorkingDays, *, informational: bool) -> Step:
    if informational:
        return _later_step(
            "stay-in-touch",
            "Keep in touch",
            previous,
            rules.stay_in_touch_days,
            "after your thank-you note",
            "Tell them how their advice helped, share something relevant to what you discussed, or "
            "connect on LinkedIn.",
            (GUIDE["keep-in-touch"],),
            days,
            rules.style,
        )
    return _later_step(
        "stay-in-touch",
        "Stop chasing; stay top-of-mind",
        previous,
        rules.stay_in_touch_days,
        "after the second check",
        "No more status checks. Keep in touch lightly instead: share something relevant, connect on "
        "LinkedIn, say hello at an event.",
        (GUIDE["stop-chasing"], GUIDE["keep-in-touch"]),
        days,
        rules.style,
    )


def _later_step(
    kind: str,
    title: str,
    previous: Step,
    gap: int,
    since: str,
    send: str,
    guides: tuple[GuideLink, ...],
    days: WorkingDays,
    style: DateStyle,
) -> Step:
    day, moved = _schedule(previous.day + gap * ONE_DAY, previous.day, days, style)
    return Step(kind, day, title, f"{gap} days {since}", send, guides, moved)


def _schedule(
    nominal: datetime.date, previous: datetime.date, days: WorkingDays, style: DateStyle
) -> tuple[datetime.date, str]:
    """The working day for a step due on ``nominal``: that day or the next
    working one, and always after the previous step."""
    day = days.on_or_after(nominal)
    if day <= previous:
        return days.on_or_after(previous + ONE_DAY), "Moved to come after the step before it."
    return day, _moved(nominal, day, days, style) if day != nominal else ""


def _moved(nominal: datetime.date, day: datetime.date, days: WorkingDays, style: DateStyle) -> str:
    when = long_date(nominal, style, year=nominal.year != day.year)
    return f"Moved from {when}: {days.why_not_working(nominal)}."
