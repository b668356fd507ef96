"""The follow-up timeline with the guide's public holidays (computed by the build with
the holidays package), and a fence's closed_days on top."""

import datetime
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.public_holidays import Region, holiday_data
from widgets.binding import handle
from widgets.follow_up_timeline import WIDGET
from widgets.follow_up_timeline.logic import Interview, Rules, plan

D = datetime.date.fromisoformat
BUILT = datetime.date(2026, 11, 22)
US = holiday_data(Region("US"), BUILT)
ENGLAND = holiday_data(Region("GB", "ENG"), BUILT)


def rules(region=US, **fence):
    return Rules.from_options(WIDGET.resolve_options(fence, {"public_holidays": region}))


def days_of(steps):
    return [(s.kind, s.day.isoformat()) for s in steps]


CASES = [
    pytest.param(
        Interview(D("2026-11-19"), datetime.time(11)),
        US,
        [
            ("thank-you", "2026-11-20"),
            ("first-check", "2026-11-27"),
            ("second-check", "2026-12-04"),
            ("stay-in-touch", "2026-12-28"),
        ],
        [
            "",
            "Moved from Thursday 26 November: Thanksgiving Day (public holiday).",
            "",
            "Moved from Friday 25 December: Christmas Day (public holiday).",
        ],
        id="thanksgiving-no-decision-date",
    ),
    pytest.param(
        Interview(D("2026-11-20"), datetime.time(15, 30)),  # a Friday afternoon
        US,
        [
            ("thank-you", "2026-11-20"),
            ("first-check", "2026-11-27"),
            ("second-check", "2026-12-04"),
            ("stay-in-touch", "2026-12-28"),
        ],
        [
            "Moved earlier from Saturday 21 November: weekend.",
            "",
            "",
            "Moved from Friday 25 December: Christmas Day (public holiday).",
        ],
        id="friday-afternoon-stop-chasing-not-on-christmas",
    ),
    pytest.param(
        Interview(D("2026-12-16"), datetime.time(10), decision_day=D("2026-12-23")),
        ENGLAND,
        # Business days after Wed 23 Dec: Thu 24; Fri 25 Christmas, Mon 28 Boxing Day (substitute); Tue 29, Wed 30.
        [
            ("thank-you", "2026-12-17"),
            ("first-check", "2026-12-30"),
            ("second-check", "2027-01-06"),
            ("stay-in-touch", "2027-01-27"),
        ],
        ["", "", "", ""],
        id="christmas-and-boxing-day-are-not-business-days",
    ),
    pytest.param(
        Interview(D("2026-12-18"), datetime.time(10)),
        US,
        # The note goes before the weekend; first check Fri 25 Dec -> Mon 28; then across the year.
        [
            ("thank-you", "2026-12-18"),
            ("first-check", "2026-12-28"),
            ("second-check", "2027-01-04"),
            ("stay-in-touch", "2027-01-25"),
        ],
        [
            "Moved earlier from Saturday 19 December: weekend.",
            "Moved from Friday 25 December: Christmas Day (public holiday).",
            "",
            "",
        ],
        id="christmas-first-check",
    ),
    pytest.param(
        Interview(D("2026-12-31"), datetime.time(16)),
        US,
        [
            ("thank-you", "2026-12-31"),
            ("first-check", "2027-01-07"),
            ("second-check", "2027-01-14"),
            ("stay-in-touch", "2027-02-04"),
        ],
        ["Moved earlier from Friday 1 January 2027: New Year's Day (public holiday).", "", "", ""],
        id="new-year-across-the-year-boundary",
    ),
    pytest.param(
        Interview(D("2027-03-22"), datetime.time(9)),
        ENGLAND,
        # First check 7 days on: Mon 29 Mar 2027 is Easter Monday in England.
        [
            ("thank-you", "2027-03-23"),
            ("first-check", "2027-03-30"),
            ("second-check", "2027-04-06"),
            ("stay-in-touch", "2027-04-27"),
        ],
        ["", "Moved from Monday 29 March: Easter Monday (public holiday).", "", ""],
        id="uk-easter-monday",
    ),
    pytest.param(
        Interview(D("2026-11-18"), datetime.time(9), decision_day=D("2026-11-26")),
        US,
        # Decision on Thanksgiving: business days Fri 27, Mon 30, Tue 1 Dec.
        [
            ("thank-you", "2026-11-19"),
            ("first-check", "2026-12-01"),
            ("second-check", "2026-12-08"),
            ("stay-in-touch", "2026-12-29"),
        ],
        ["", "", "", ""],
        id="holiday-on-the-decision-date",
    ),
    pytest.param(
        Interview(D("2028-02-29"), datetime.time(9)),
        US,
        [
            ("thank-you", "2028-03-01"),
            ("first-check", "2028-03-07"),
            ("second-check", "2028-03-14"),
            ("stay-in-touch", "2028-04-04"),
        ],
        ["", "", "", ""],
        id="29-february",
    ),
    pytest.param(
        # Saturday before the US change to summer time (Sunday 14 March 2027).
        Interview(D("2027-03-13"), datetime.time(23, 30)),
        US,
        [
            ("thank-you", "2027-03-15"),
            ("first-check", "2027-03-22"),
            ("second-check", "2027-03-29"),
            ("stay-in-touch", "2027-04-19"),
        ],
        ["Moved from Sunday 14 March: weekend.", "Moved from Saturday 20 March: weekend.", "", ""],
        id="day-before-a-dst-change",
    ),
]


@pytest.mark.parametrize("interview, region, expected, moved", CASES)
def test_plan_table_with_public_holidays(interview, region, expected, moved):
    steps = plan(interview, rules(region))
    assert days_of(steps) == expected
    assert [s.moved for s in steps] == moved


def test_closed_days_in_a_fence_add_to_the_public_holidays():
    # Thu 26 Nov is Thanksgiving, the fence closes Fri 27 too.
    steps = plan(Interview(D("2026-11-19"), datetime.time(11)), rules(closed_days=["2026-11-27"]))
    assert steps[1].day == D("2026-11-30")
    assert steps[1].moved == "Moved from Thursday 26 November: Thanksgiving Day (public holiday)."
    steps = plan(Interview(D("2026-11-20"), datetime.time(11)), rules(closed_days=["2026-11-27"]))
    assert (steps[1].day, steps[1].moved) == (D("2026-11-30"), "Moved from Friday 27 November: closed day.")


def test_without_public_holidays_only_weekends_and_closed_days_count():
    steps = plan(Interview(D("2026-11-19"), datetime.time(11)), rules(None))
    assert steps[1].day == D("2026-11-26")


def test_the_page_sends_the_holidays_back_with_the_options():
    # What the build writes into data-options, read back by the worker's binding.
    page_options = json.loads(json.dumps(WIDGET.resolve_options({}, {"public_holidays": US})))
    request = {
        "widget": "follow-up-timeline",
        "options": page_options,
        "state": {"_now": "2026-11-19T12:00:00-05:00", "interview_date": "2026-11-19", "interview_time": "11:00"},
    }
    plan_items = json.loads(handle(json.dumps(request)))["view"]["outputs"]["plan"]
    assert "Moved from Thursday 26 November: Thanksgiving Day (public holiday)." in plan_items[1]["text"]


def test_a_fence_cannot_set_the_public_holidays():
    from widgets.base import OptionError

    with pytest.raises(OptionError) as caught:
        WIDGET.resolve_options({"public_holidays": {}})
    assert caught.value.message == (
        "option 'public_holidays' is set for the whole guide in mkdocs.yml extra.holidays, not in a fence"
    )


def test_rules_in_words_name_the_region():
    result = WIDGET.view(WIDGET.resolve_options({}, {"public_holidays": ENGLAND}), {"_now": "2026-11-22T10:00"})
    assert "Public holidays (GB-ENG) count as closed days." in [i["text"] for i in result["outputs"]["plan"]]


def test_a_plan_beyond_the_built_years_says_so():
    state = {"_now": "2031-10-01T10:00", "interview_date": "2031-11-20", "decision_date": "2031-12-20"}
    result = WIDGET.view(WIDGET.resolve_options({}, {"public_holidays": US}), state)
    warning = "This guide knows the public holidays of 2025-2031 only: check the later dates against your own calendar."
    assert result["outputs"]["plan"][-1] == {"text": warning, "tone": "note"}
    assert result["outputs"]["plan_text"].endswith(warning + "\n")


@settings(max_examples=300, deadline=None)
@given(
    st.dates(D("2025-01-01"), D("2027-12-31")),
    st.none() | st.integers(0, 60),
    st.sampled_from([US, ENGLAND]),
)
def test_no_step_on_a_public_holiday_or_weekend(day, decision_in, region):
    interview = Interview(day, decision_day=None if decision_in is None else day + datetime.timedelta(days=decision_in))
    steps = plan(interview, rules(region))
    for step in steps:
        assert step.day.isoformat() not in region["days"]
        assert step.day.weekday() < 5
