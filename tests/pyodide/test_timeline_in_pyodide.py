"""The follow-up timeline inside the real, pinned Pyodide (under Node): the
same requests give the same replies as on CPython, .ics files included.

Each request passes "_now", so "today" (for the far-from-today check) and the
calendar's DTSTAMP agree on both sides; one request leaves it out, to run the
clock path in Pyodide too.
"""

from __future__ import annotations

import datetime
import json
import re
from urllib.parse import quote

import icalendar
import pytest

from build_tools.guide_links import GuideIndex
from build_tools.public_holidays import Region, holiday_data
from tests.support.site_build import ROOT
from widgets.binding import handle
from widgets.follow_up_timeline import WIDGET

NAME = "follow-up-timeline"
NOW = "2026-11-20T09:15:00+01:00"
# The thank-you of the "hostile-company" case: due Wed 25 Nov 14:00 at +01:00, a half-hour event ending then.
EXPECTED_THANK_YOU_START = "2026-11-25T12:30:00+00:00"
HOSTILE = (
    '<img src=x onerror="alert(1)"><script>alert(2)</script> \u202eשלום 👩🏽\u200d💻 e\u0301, '
    '"Acme; Ltd" & Co \\ back \ud800 tab\there ' + "ü" * 80
)

# A draft as a reader may edit it: markup, right-to-left, an emoji sequence, a
# line separator, CRLF, a lone surrogate.
EDITED_DRAFT = "Hi Ana,\r\n\r\n<b>Thanks</b> \u202eשלום 👩🏽\u200d💻\u2028100% & more \ud800.\r\n\r\nSam"

# The options a built page holds for the timeline: what the fence sets and what the build adds.
SITE_OPTIONS = json.loads(
    json.dumps(
        WIDGET.resolve_options(
            {},
            {
                "public_holidays": holiday_data(Region("US"), datetime.date(2026, 11, 22)),
                "guide_links": GuideIndex.from_docs(ROOT / "docs").resolve(dict(WIDGET.sections), "timing.md"),
            },
        )
    )
)


def request(state: dict, options: dict | None = None, now: str | None = NOW) -> dict:
    state = {"skip_weekends": True, **state}
    if now:
        state["_now"] = now
    return {"widget": NAME, "options": options or {}, "state": state}


CASES = {
    "friday-afternoon": request(
        {"interview_date": "2026-11-27", "interview_time": "16:30", "interview_type": "on-site"}
    ),
    "friday-afternoon-weekends-allowed": request(
        {"interview_date": "2026-11-27", "interview_time": "16:30", "skip_weekends": False}
    ),
    "informational": request({"interview_date": "2026-11-26", "interview_type": "informational", "company": "Acme"}),
    "decision-on-a-closed-day": request(
        {"interview_date": "2026-12-14", "decision_date": "2026-12-24", "interview_type": "final-round"},
        {"closed_days": ["2026-12-24", "2026-12-25", "2026-12-28", "2027-01-01"]},
    ),
    "gaps-from-options": request(
        {"interview_date": "2026-12-02", "interview_time": "09:00"},
        {"thank_you_hours": 48, "no_decision_check_days": 10, "second_check_days": 5, "stay_in_touch_days": 60},
    ),
    "turn-of-the-year": request({"interview_date": "2026-12-31", "interview_time": "11:00", "company": "Year End"}),
    "29-february": request(
        {"interview_date": "2028-02-28", "interview_time": "10:00", "decision_date": "2028-02-29"},
        now="2027-12-01T12:00:00+00:00",
    ),
    "day-before-daylight-saving": request(
        {"interview_date": "2027-03-27", "interview_time": "23:30", "interview_type": "video"},
        now="2027-03-01T08:00:00-05:00",
    ),
    "day-before-us-daylight-saving-weekends-allowed": request(
        {"interview_date": "2027-03-13", "interview_time": "23:30", "skip_weekends": False},
        now="2027-03-01T08:00:00-05:00",
    ),
    "thank-you-sent-panel": request(
        {"interview_date": "2026-11-23", "interview_type": "panel", "thank_you_sent": True}
    ),
    "hostile-company": request({"interview_date": "2026-11-24", "interview_time": "14:00", "company": HOSTILE}),
    "invalid-date": request({"interview_date": "2026-02-30"}),
    "date-typed-another-way": request({"interview_date": "27/11/2026", "interview_time": "25:00"}),
    "decision-before-interview": request({"interview_date": "2026-11-26", "decision_date": "2026-11-25"}),
    "decades-away": request({"interview_date": "1996-11-26"}),
    "no-date-yet": request({"interview_type": "phone"}),
    "unknown-type": request({"interview_date": "2026-11-26", "interview_type": "<script>"}),
    "bad-option": request({"interview_date": "2026-11-26"}, {"closed_days": ["2026-13-01"]}),
    # As a built page sends it: the guide's holidays, date style and links; the reader's clock; the drafts' facts.
    "thanksgiving-overdue-with-drafts": request(
        {
            "interview_date": "2026-11-19",
            "interview_time": "11:00",
            "company": "Acme",
            "your_name": "Sam Lee",
            "contact_name": "Dr. Ana Rivera",
            "role": "Analyst",
            "_tz_changes": [
                ["2026-01-01T05:00:00Z", -300],
                ["2026-03-08T07:00:00Z", -240],
                ["2026-11-01T06:00:00Z", -300],
            ],
        },
        SITE_OPTIONS,
        now="2026-11-22T10:00:00-05:00",
    ),
    # The reader's own drafts: the first check's (sent, so not shown) and the keep-in-touch one.
    "edited-draft-first-check-sent": request(
        {
            "interview_date": "2026-11-10",
            "company": "Acme",
            "thank_you_sent": True,
            "first_check_sent": True,
            "first_check.0.body": "My first check",
            "keep_in_touch.0.body": EDITED_DRAFT,
        }
    ),
    "month-day-12-hour": request(
        {"interview_date": "2026-11-24", "interview_time": "14:00"},
        {**SITE_OPTIONS, "date_style": {"order": "month-day", "clock": 12}},
    ),
}
# With the clock of wherever it runs: only DTSTAMP may differ.
TODAY = datetime.date.today()
CLOCK_CASE = request(
    {"interview_date": (TODAY + datetime.timedelta(days=2)).isoformat(), "company": "Now Inc"}, now=None
)
NAMES = list(CASES)


@pytest.fixture(scope="module")
def pyodide_replies(in_pyodide):
    python, replies = in_pyodide([*CASES.values(), CLOCK_CASE])
    assert len(replies) == len(CASES) + 1
    return python, dict(zip([*NAMES, "clock"], replies, strict=True))


def cpython_reply(request: dict) -> dict:
    return json.loads(handle(json.dumps(request)))


def test_runs_on_the_pinned_runtime(pyodide_replies):
    python, _ = pyodide_replies
    assert python.startswith("3.")


@pytest.mark.parametrize("name", NAMES)
def test_same_reply_as_cpython(pyodide_replies, name):
    _, replies = pyodide_replies
    assert json.loads(replies[name]) == cpython_reply(CASES[name])


def without_dtstamp(reply: dict) -> dict:
    ics = reply["view"]["downloads"]["ics"]
    ics["text"] = re.sub(r"DTSTAMP:\d{8}T\d{6}Z\r\n", "", ics["text"])
    return reply


def test_same_reply_on_the_real_clock(pyodide_replies):
    _, replies = pyodide_replies
    in_pyodide = json.loads(replies["clock"])
    assert in_pyodide["view"]["errors"]["interview_date"] == ""
    stamp = re.search(r"DTSTAMP:(\d{8}T\d{6}Z)", in_pyodide["view"]["downloads"]["ics"]["text"]).group(1)
    made = datetime.datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.UTC)
    assert abs(datetime.datetime.now(datetime.UTC) - made) < datetime.timedelta(minutes=10)
    assert without_dtstamp(in_pyodide) == without_dtstamp(cpython_reply(CLOCK_CASE))


def plan_dates(reply: dict) -> list[str]:
    return [item["text"].split(" — ")[0] for item in reply["view"]["outputs"]["plan"]]


# The comparison above holds for two broken runtimes too: these replies, from
# Pyodide, are checked on their own.
EXPECTED_PLANS = {
    "friday-afternoon": ["Fri 27 Nov 2026", "Fri 4 Dec 2026", "Fri 11 Dec 2026", "Fri 1 Jan 2027"],
    "friday-afternoon-weekends-allowed": ["Sat 28 Nov 2026", "Fri 4 Dec 2026", "Fri 11 Dec 2026", "Fri 1 Jan 2027"],
    "informational": ["Mon 30 Nov 2026", "Mon 21 Dec 2026"],
    "decision-on-a-closed-day": ["Tue 15 Dec 2026", "Thu 31 Dec 2026", "Thu 7 Jan 2027", "Thu 28 Jan 2027"],
    "gaps-from-options": ["Fri 4 Dec 2026", "Mon 14 Dec 2026", "Mon 21 Dec 2026", "Fri 19 Feb 2027"],
    "thank-you-sent-panel": ["Done", "Mon 30 Nov 2026", "Mon 7 Dec 2026", "Mon 28 Dec 2026"],
    "turn-of-the-year": ["Fri 1 Jan 2027", "Thu 7 Jan 2027", "Thu 14 Jan 2027", "Thu 4 Feb 2027"],
    # 3 business days after the decision on 29 February.
    "29-february": ["Tue 29 Feb 2028", "Fri 3 Mar 2028", "Fri 10 Mar 2028", "Fri 31 Mar 2028"],
    # A Saturday interview: the note due on Sunday goes on Monday, as early as can be.
    "day-before-daylight-saving": ["Mon 29 Mar 2027", "Mon 5 Apr 2027", "Mon 12 Apr 2027", "Mon 3 May 2027"],
    "thanksgiving-overdue-with-drafts": [
        "Overdue since Fri 20 Nov: send it today",
        "Fri 27 Nov 2026",
        "Fri 4 Dec 2026",
        "Mon 28 Dec 2026",
    ],
    "month-day-12-hour": ["Wed, Nov 25, 2026", "Tue, Dec 1, 2026", "Tue, Dec 8, 2026", "Tue, Dec 29, 2026"],
    "day-before-us-daylight-saving-weekends-allowed": [
        "Sun 14 Mar 2027",
        "Sat 20 Mar 2027",
        "Sat 27 Mar 2027",
        "Sat 17 Apr 2027",
    ],
}
FIELD_ERRORS = {
    "invalid-date": ("interview_date", "2026-02-30 is not a date on the calendar: check the day and month."),
    "date-typed-another-way": ("interview_date", "Enter the date as YYYY-MM-DD, for example 2025-11-04."),
    "decision-before-interview": ("decision_date", "The decision date is before the interview: check both dates."),
    "decades-away": ("interview_date", "This is more than a year from today: check the year."),
    "unknown-type": ("interview_type", "Choose one of the interview types in the list."),
}


@pytest.mark.parametrize("name", list(EXPECTED_PLANS))
def test_pyodide_plans_follow_the_rules(pyodide_replies, name):
    _, replies = pyodide_replies
    assert plan_dates(json.loads(replies[name])) == EXPECTED_PLANS[name]


@pytest.mark.parametrize("name", list(FIELD_ERRORS))
def test_pyodide_bad_input_gets_a_message_and_no_plan(pyodide_replies, name):
    _, replies = pyodide_replies
    view = json.loads(replies[name])["view"]
    field, message = FIELD_ERRORS[name]
    assert view["errors"][field] == message
    assert view["downloads"] == {}
    assert all(item["tone"] == "missing" for item in view["outputs"]["plan"])


def test_pyodide_reports_a_bad_option(pyodide_replies):
    _, replies = pyodide_replies
    assert "closed_days" in json.loads(replies["bad-option"])["error"]


def test_pyodide_calendar_reads_back_exactly(pyodide_replies):
    _, replies = pyodide_replies
    view = json.loads(replies["hostile-company"])["view"]
    ics = view["downloads"]["ics"]["text"]
    assert all(len(line.encode("utf-8")) <= 75 for line in ics.split("\r\n"))
    # As typed, on one line (the tab is a space), less what a file cannot carry (the lone surrogate).
    company = " ".join(HOSTILE.split()).replace("\ud800", "")
    # icalendar reads a stray ; or , in text leniently: the escapes are checked as written.
    escaped = company.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    assert f"\r\nSUMMARY:First status check ({escaped})\r\n" in ics.replace("\r\n ", "")
    events = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    titles = [
        "Send your thank-you note, by 14:00",
        "First status check",
        "Second status check",
        "Stop chasing; stay top-of-mind",
    ]
    assert [str(e["SUMMARY"]) for e in events] == [f"{t} ({company})" for t in titles]
    # The thank-you deadline is a timed event (half an hour ending at 14:00, the reader's offset), the rest all-day.
    assert [e.decoded("DTSTART").isoformat() for e in events] == [
        EXPECTED_THANK_YOU_START,
        "2026-12-01",
        "2026-12-08",
        "2026-12-29",
    ]
    assert all(f"with {company} on Tue 24 Nov 2026 at 14:00." in str(e["DESCRIPTION"]) for e in events)
    assert (
        view["outputs"]["plan_heading"]
        == f"Follow-up plan for your phone interview with {company} on Tue 24 Nov 2026 at 14:00"
    )


def test_pyodide_names_the_holiday_drafts_and_links(pyodide_replies):
    _, replies = pyodide_replies
    view = json.loads(replies["thanksgiving-overdue-with-drafts"])["view"]
    assert "Moved from Thursday 26 November: Thanksgiving Day (public holiday)." in view["outputs"]["plan"][1]["text"]
    assert view["outputs"]["next_step"].startswith("Next: send your thank-you note today.")
    assert [link["href"] for link in view["outputs"]["plan"][1]["links"]] == [
        "#the-first-status-check",
        "#what-to-write",
    ]
    drafts = [item for items in view["repeats"].values() for item in items]
    assert [d["outputs"]["title"] for d in drafts] == ["First status check", "Second status check", "Keep in touch"]
    assert drafts[0]["outputs"]["body"].startswith("Dear Dr. Rivera,\n\nI hope your week is going well.")


def test_pyodide_an_edited_draft_is_the_readers_text(pyodide_replies):
    _, replies = pyodide_replies
    repeats = json.loads(replies["edited-draft-first-check-sent"])["view"]["repeats"]
    assert repeats["first_check"] == []  # sent: no draft, and its text goes nowhere else
    (keep,) = repeats["keep_in_touch"]
    mine = EDITED_DRAFT.replace("\r\n", "\n").replace("\ud800", "\ufffd")
    assert keep["outputs"]["body"] == mine
    assert keep["outputs"]["edited"] == "You edited this draft: changes to the form no longer change it."
    assert keep["links"]["mailto"].endswith("&body=" + quote(mine.replace("\n", "\r\n"), safe=""))
    assert keep["downloads"]["txt"]["text"] == f"Subject: Staying in touch - Acme\n\n{mine}\n"
    assert repeats["second_check"][0]["outputs"]["edited"] == ""
