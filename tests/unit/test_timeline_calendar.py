"""The timeline's .ics file (RFC 5545), read back by Python's icalendar and by
ical.js (Mozilla's parser, used by Thunderbird): reminders, the thank-you
deadline as a timed event in the reader's zone, stable UIDs, URLs, no past."""

import datetime
import json
import subprocess
from pathlib import Path

import icalendar
import pytest

from build_tools.public_holidays import Region, holiday_data
from widgets.follow_up_timeline import WIDGET

ROOT = Path(__file__).resolve().parents[2]
US = holiday_data(Region("US"), datetime.date(2026, 11, 22))
OPTIONS = WIDGET.resolve_options({}, {"public_holidays": US})
# New York's offsets as the page sends them: the window's start, then each change.
NEW_YORK = [
    ["2026-01-01T05:00:00Z", -300],
    ["2026-03-08T07:00:00Z", -240],
    ["2026-11-01T06:00:00Z", -300],
    ["2027-03-14T07:00:00Z", -240],
    ["2027-11-07T06:00:00Z", -300],
]
NOW = "2026-11-22T10:00:00-05:00"


def ics(**state):
    full = {"_now": NOW, "_tz_changes": NEW_YORK, "company": "Acme", **state}
    return WIDGET.view(OPTIONS, full)["downloads"]["ics"]["text"]


def python_events(text):
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def js_events(text):
    done = subprocess.run(
        ["node", str(ROOT / "tests" / "support" / "ical_read.mjs")],
        input=text,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["version"] == "2.0"
    return result["events"]


def test_both_parsers_read_the_thank_you_deadline_as_a_timed_event_in_the_readers_zone():
    text = ics(interview_date="2026-11-23", interview_time="10:00")
    thank_you, *rest = python_events(text)
    # Due Tuesday 24 Nov at 10:00 in New York (15:00 UTC): a half-hour slot ending then.
    assert thank_you["DTSTART"].dt == datetime.datetime(2026, 11, 24, 14, 30, tzinfo=datetime.UTC)
    assert thank_you["DTEND"].dt == datetime.datetime(2026, 11, 24, 15, 0, tzinfo=datetime.UTC)
    assert str(thank_you["SUMMARY"]) == "Send your thank-you note, by 10:00 (Acme)"
    assert all(type(e["DTSTART"].dt) is datetime.date for e in rest)
    js_thank_you, *js_rest = js_events(text)
    assert (js_thank_you["allDay"], js_thank_you["start"], js_thank_you["end"]) == (
        False,
        "2026-11-24T14:30:00.000Z",
        "2026-11-24T15:00:00.000Z",
    )
    assert [e["start"] for e in js_rest] == [e["DTSTART"].dt.isoformat() for e in rest]
    assert all(e["allDay"] for e in js_rest)


def test_the_day_before_a_dst_change():
    # Saturday 13 March 2027, 10:00; the US moves to summer time on Sunday 14 at 2:00.
    text = ics(
        _now="2027-03-10T09:00:00-05:00", interview_date="2027-03-13", interview_time="10:00", skip_weekends=False
    )
    (thank_you,) = js_events(text)[:1]
    # Due Sunday 10:00 EDT (UTC-4) = 14:00 UTC, not 15:00 as the offset of "now" would say.
    assert thank_you["end"] == "2027-03-14T14:00:00.000Z"
    assert python_events(text)[0]["DTEND"].dt == datetime.datetime(2027, 3, 14, 14, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    "reminder, all_day, timed",
    [("on-the-day", 9 * 3600, -90 * 60), ("day-before", -15 * 3600, -24 * 3600), ("none", None, None)],
)
def test_reminders_the_reader_chooses(reminder, all_day, timed):
    text = ics(interview_date="2026-11-23", interview_time="10:00", reminder=reminder)
    for event in js_events(text):
        expected = timed if not event["allDay"] else all_day
        assert event["alarms"] == ([] if expected is None else [{"action": "DISPLAY", "trigger": expected}])
    for event in python_events(text):
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == (0 if reminder == "none" else 1)
        for alarm in alarms:
            assert str(alarm["ACTION"]) == "DISPLAY" and str(alarm["DESCRIPTION"]).startswith("Follow-up: ")


def test_the_default_is_a_reminder_on_the_day():
    text = ics(interview_date="2026-11-23")
    assert all(e["alarms"] == [{"action": "DISPLAY", "trigger": 9 * 3600}] for e in js_events(text))


def test_uids_are_stable_for_one_interview_and_the_sequence_grows():
    first = js_events(ics(interview_date="2026-11-23"))
    later = js_events(ics(_now="2026-11-22T11:30:00-05:00", interview_date="2026-11-23", decision_date="2026-12-04"))
    assert [e["uid"] for e in first] == [e["uid"] for e in later]
    assert all(b["sequence"] > a["sequence"] for a, b in zip(first, later, strict=True))
    assert [e["start"] for e in first] != [e["start"] for e in later]
    # The company as typed, in any case or spacing, is the same interview; another is not.
    assert [e["uid"] for e in js_events(ics(interview_date="2026-11-23", company="  acme "))] == [
        e["uid"] for e in first
    ]
    other = js_events(ics(interview_date="2026-11-23", company="Globex"))
    assert not {e["uid"] for e in other} & {e["uid"] for e in first}
    assert len({e["uid"] for e in first}) == 4
    assert {str(e["UID"]) for e in python_events(ics(interview_date="2026-11-23"))} == {e["uid"] for e in first}


def test_no_past_events_unless_asked():
    # Interview 2 Nov, thank-you sent: the first check is overdue (now on Mon 23 Nov).
    text = ics(interview_date="2026-11-02", thank_you_sent=True)
    starts = [e["start"] for e in js_events(text)]
    assert starts == ["2026-11-23", "2026-11-30", "2026-12-21"]
    assert all(e["DTSTART"].dt >= datetime.date(2026, 11, 22) for e in python_events(text))
    with_past = js_events(ics(interview_date="2026-11-02", thank_you_sent=True, include_past=True))
    assert [e["start"] for e in with_past] == ["2026-11-03", *starts]
    assert with_past[0]["alarms"] == []  # no reminder for what is done


def test_an_overdue_thank_you_is_an_all_day_event_today():
    text = ics(interview_date="2026-11-19", interview_time="11:00")
    first = js_events(text)[0]
    assert first["allDay"] and first["start"] == "2026-11-22"


def test_urls_of_the_guide_sections_when_the_site_address_is_known():
    from widgets.follow_up_timeline.calendar_file import calendar_events
    from widgets.follow_up_timeline.form import read_form
    from widgets.follow_up_timeline.ics import calendar
    from widgets.follow_up_timeline.logic import Rules, plan

    interview, _ = read_form({"interview_date": "2026-11-23"}, datetime.date(2026, 11, 22))
    urls = {"thank-you": "https://careers.example.edu/guide/thank-you-notes/#when-to-send-it"}
    events = calendar_events(interview, plan(interview, Rules()), urls=urls)
    text = calendar(events, datetime.datetime(2026, 11, 22, tzinfo=datetime.UTC))
    assert js_events(text)[0]["url"] == urls["thank-you"]
    assert str(python_events(text)[0]["URL"]) == urls["thank-you"]
    assert js_events(text)[1]["url"] is None
