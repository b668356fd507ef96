"""The timeline against the reader's today: done, overdue, what to do next, local time."""

import datetime
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.public_holidays import Region, holiday_data
from widgets.follow_up_timeline import WIDGET
from widgets.follow_up_timeline.dates import WorkingDays
from widgets.follow_up_timeline.logic import Interview, Rules, plan
from widgets.interview import INTERVIEW_TYPES

D = datetime.date.fromisoformat
US = holiday_data(Region("US"), datetime.date(2026, 11, 22))
OPTIONS = WIDGET.resolve_options({}, {"public_holidays": US})
SUNDAY_MORNING = "2026-11-22T10:00:00-05:00"  # the reader's local time, as the page sends it


def outputs(now=SUNDAY_MORNING, **state):
    return WIDGET.view(OPTIONS, {"_now": now, **state})["outputs"]


def test_a_thank_you_past_its_time_is_overdue_and_next():
    out = outputs(interview_date="2026-11-19", interview_time="11:00")
    first = out["plan"][0]
    assert first["tone"] == "overdue"
    assert first["text"].startswith(
        "Overdue since Fri 20 Nov: send it today — Send your thank-you note (by 11:00, 24 hours after the interview)."
    )
    assert out["next_step"] == (
        "Next: send your thank-you note today. It has been due since Friday 20 November. A late note beats none."
    )
    # The plain text leads with the same.
    assert out["plan_text"].split("\n")[2] == out["next_step"]
    assert [item["tone"] for item in out["plan"]] == ["overdue", "step", "step", "step"]


def test_steps_sent_are_done_and_the_next_one_is_named():
    out = outputs(interview_date="2026-11-19", interview_time="11:00", thank_you_sent=True)
    assert out["plan"][0] == {"text": "Done — Thank-you note already sent. Nothing more to do here.", "tone": "done"}
    assert out["next_step"] == "Next: send your first status check on Friday 27 November (in 5 days)."


def test_an_overdue_check_on_a_weekend_goes_to_the_next_working_day_and_the_rest_follow():
    out = outputs(interview_date="2026-11-02", thank_you_sent=True)
    check, second, stop = out["plan"][1:]
    assert check["tone"] == "overdue"
    assert check["text"].startswith("Overdue since Mon 9 Nov: send it on Mon 23 Nov — First status check")
    assert out["next_step"] == (
        "Next: send your first status check on Monday 23 November, the next working day. "
        "It has been due since Monday 9 November."
    )
    # Planned from the day it is now sent, with the gaps of the rules.
    assert second["text"].startswith("Mon 30 Nov 2026 — Second status check (7 days after the first check).")
    assert stop["text"].startswith("Mon 21 Dec 2026 — Stop chasing")


def test_a_later_step_sent_marks_the_earlier_ones_done():
    out = outputs(interview_date="2026-10-01", second_check_sent=True)
    assert [item["tone"] for item in out["plan"]] == ["done", "done", "done", "step"]
    assert out["plan"][1]["text"] == "Done — First status check already sent. Nothing more to do here."


def test_stop_chasing_once_begun_is_ongoing():
    out = outputs(interview_date="2026-09-01", second_check_sent=True)
    assert out["plan"][3]["text"].startswith("Since Tue 6 Oct — Stop chasing; stay top-of-mind")
    assert out["next_step"] == "Next: no more status checks. Stay in touch lightly, and keep applying elsewhere."


def test_stop_chasing_on_its_own_day_is_for_today():
    # Found by Hypothesis: on its own day the step was still "upcoming".
    out = outputs(now="2026-10-06T09:00:00-04:00", interview_date="2026-09-01", second_check_sent=True)
    assert out["plan"][3]["tone"] == "today"
    assert out["plan"][3]["text"].startswith("Today, Tue 6 Oct — Stop chasing; stay top-of-mind")


def test_a_step_due_today():
    out = outputs(now="2026-11-27T08:00:00-05:00", interview_date="2026-11-19", thank_you_sent=True)
    assert out["plan"][1]["tone"] == "today"
    assert out["plan"][1]["text"].startswith("Today, Fri 27 Nov — First status check")
    assert out["next_step"] == "Next: send your first status check today."


def test_a_thank_you_planned_before_a_weekend_is_still_on_time_the_next_morning():
    # Friday 15:30 interview: due Saturday 15:30, planned for Friday. Saturday 9:00 is not late.
    out = outputs(now="2026-11-21T09:00:00-05:00", interview_date="2026-11-20", interview_time="15:30")
    assert out["plan"][0]["tone"] == "today"
    assert out["next_step"] == "Next: send your thank-you note today, by 15:30."


@pytest.mark.parametrize(
    "now, tone",
    [
        ("2026-11-20T21:00:00-08:00", "today"),  # Friday 21:00 in Los Angeles: still on time
        ("2026-11-21T05:00:00+00:00", "overdue"),  # the same instant read in UTC: 05:00 Saturday, late
        ("2026-11-20T22:30:00-08:00", "overdue"),  # 22:30 local: past 22:00
    ],
)
def test_the_clock_is_the_readers_local_time(now, tone):
    out = outputs(now=now, interview_date="2026-11-19", interview_time="22:00")
    assert out["plan"][0]["tone"] == tone


def test_no_date_typed_no_next_step():
    assert outputs()["next_step"] == ""


def test_every_step_done():
    out = outputs(interview_date="2026-10-01", kind="informational", second_check_sent=True)
    assert out["next_step"].startswith("Next:")
    informational = outputs(interview_date="2026-11-16", interview_type="informational", thank_you_sent=True)
    assert informational["next_step"] == "Next: stop chasing and stay top-of-mind on Thursday 10 December (in 18 days)."


# --------------------------------------------------------------- properties

RULES = Rules.from_options(OPTIONS)


@st.composite
def interviews(draw):
    day = draw(st.dates(D("2025-06-01"), D("2027-06-30")))
    return Interview(
        day=day,
        time=draw(st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0))),
        kind=draw(st.sampled_from([value for value, _ in INTERVIEW_TYPES])),
        decision_day=draw(st.none() | st.integers(0, 60).map(lambda n: day + datetime.timedelta(days=n))),
        thank_you_sent=draw(st.booleans()),
        first_check_sent=draw(st.booleans()),
        skip_weekends=draw(st.booleans()),
    )


@settings(max_examples=300, deadline=None)
@given(interviews(), st.none() | st.datetimes(datetime.datetime(2025, 6, 1), datetime.datetime(2027, 12, 31)))
def test_properties_against_any_today(interview, now):
    steps = plan(interview, RULES, now)
    days = [s.day for s in steps]
    assert days == sorted(days) and len(set(days)) == len(days), "steps in order"
    working = WorkingDays(RULES.closed_days, interview.skip_weekends)
    for step in steps:
        # An overdue thank-you is for today, whatever the day; everything else on a working day.
        if not (step.kind == "thank-you" and step.status in ("overdue", "today")) and step.status != "ongoing":
            assert working.is_working(step.day), step
        if now is not None and step.status in ("overdue", "today", "ongoing"):
            assert step.day >= now.date()
        if now is not None and step.status == "upcoming" and step.kind != "thank-you":
            assert step.day > now.date()
    # Each gap as stated: a later step is its gap after the step before it, or
    # the first working day after that.
    gaps = {"second-check": RULES.second_check_days, "stay-in-touch": RULES.stay_in_touch_days}
    for before, step in itertools.pairwise(steps):
        if step.kind in gaps and step.status == "upcoming" and before.kind != "thank-you":
            nominal = before.day + datetime.timedelta(days=gaps[step.kind])
            assert step.day == working.on_or_after(nominal)
            assert bool(step.moved) == (step.day != nominal)
