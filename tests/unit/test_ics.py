"""The calendar file: RFC 5545 text, read back with the icalendar library."""

import datetime
import re

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.follow_up_timeline import WIDGET
from widgets.follow_up_timeline.calendar_file import calendar_events, event_description, event_summary
from widgets.follow_up_timeline.form import read_form
from widgets.follow_up_timeline.ics import Event, calendar, escape_text, fold
from widgets.follow_up_timeline.logic import Rules, plan

NOW = "2025-11-01T09:30:00-04:00"
STAMP = datetime.datetime(2025, 11, 1, 13, 30, tzinfo=datetime.UTC)

HOSTILE = [
    "<script>alert('x')</script><b onmouseover=alert(1)>Acme</b>",
    'Acme, Inc.; "Widgets" & Sons',
    "C:\\new\\table\\ \\n not a newline; \\, \\; \\\\",
    "Line one\nLine two\r\nLine three\rend",
    "Emoji 👩🏽‍💻🚀🇩🇪 Co",
    "شركة الأمل للتقنية ‏עברית‎ mixed",
    "\u202eRTL override\u202c and zero\u200bwidth",
    "x" * 10_000,
    ("é😀,;\\ " * 1_700)[:10_000],
]


def lines_of(ics_text):
    assert ics_text.endswith("\r\n")
    return ics_text[:-2].split("\r\n")


def plan_and_ics(company, **state):
    state = {
        "interview_date": "2025-11-07",
        "interview_time": "15:30",
        "decision_date": "2025-11-14",
        "interview_type": "panel",
        "company": company,
        "skip_weekends": True,
        "_now": NOW,
        **state,
    }
    view = WIDGET.view(WIDGET.resolve_options({"closed_days": ["2025-11-20"]}), state)
    interview, _ = read_form(state, datetime.date(2025, 11, 1))
    steps = plan(interview, Rules(closed_days=frozenset({datetime.date(2025, 11, 20)})))
    return interview, steps, view["downloads"]["ics"]["text"]


@pytest.mark.parametrize("company", HOSTILE, ids=lambda c: c[:12])
def test_ics_reads_back_as_the_plan(company):
    interview, steps, ics_text = plan_and_ics(company)
    parsed = icalendar.Calendar.from_ical(ics_text)
    assert str(parsed["VERSION"]) == "2.0"
    assert "Follow-Up Guide" in str(parsed["PRODID"])
    events = list(parsed.walk("VEVENT"))
    assert len(events) == len(steps) == 4
    for event, step in zip(events, steps, strict=True):
        assert event["DTSTART"].dt == step.day and not isinstance(event["DTSTART"].dt, datetime.datetime)
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert event["DTEND"].dt == step.day + datetime.timedelta(days=1)
        assert str(event["SUMMARY"]) == event_summary(interview, step)
        assert str(event["DESCRIPTION"]) == event_description(interview, step)
        assert event["DTSTAMP"].dt == STAMP
        assert re.fullmatch(
            r"[0-9a-f]{20}-(thank-you|first-check|second-check|stay-in-touch)@follow-up-guide", str(event["UID"])
        )
    assert len({str(e["UID"]) for e in events}) == len(events)
    # The company name, as typed on one line, is in every summary.
    assert all(interview.company in str(e["SUMMARY"]) for e in events)


@pytest.mark.parametrize("company", HOSTILE, ids=lambda c: c[:12])
def test_ics_lines_are_crlf_and_at_most_75_octets(company):
    _, _, ics_text = plan_and_ics(company)
    assert "\n" not in ics_text.replace("\r\n", "") and "\r" not in ics_text.replace("\r\n", "")
    for line in lines_of(ics_text):
        assert len(line.encode("utf-8")) <= 75, line


def test_a_10000_character_name_reassembles_exactly():
    company = ("é😀,;\\ " * 1_700)[:10_000]
    interview, steps, ics_text = plan_and_ics(company)
    unfolded = re.sub(r"\r\n ", "", ics_text)
    summary = next(line for line in unfolded.split("\r\n") if line.startswith("SUMMARY:"))
    assert summary == "SUMMARY:" + escape_text(event_summary(interview, steps[0]))
    assert len(fold(summary).split("\r\n")) > 100


def test_same_plan_same_file_and_uids():
    assert plan_and_ics("Acme")[2] == plan_and_ics("Acme")[2]
    assert plan_and_ics("Acme")[2] != plan_and_ics("Acme Ltd")[2]


def test_done_steps_are_left_out():
    _, _, ics_text = plan_and_ics("Acme", thank_you_sent=True)
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(ics_text).walk("VEVENT")]
    assert summaries == [
        "First status check (Acme)",
        "Second status check (Acme)",
        "Stop chasing; stay top-of-mind (Acme)",
    ]


def test_calendar_structure():
    text = calendar([Event(datetime.date(2025, 11, 4), "A", "B")], STAMP)
    assert lines_of(text) == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Follow-Up Guide//Follow-up timeline//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{Event(datetime.date(2025, 11, 4), 'A', 'B').uid}",
        "DTSTAMP:20251101T133000Z",
        "DTSTART;VALUE=DATE:20251104",
        "DTEND;VALUE=DATE:20251105",
        "SUMMARY:A",
        "DESCRIPTION:B",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
    ]


@pytest.mark.parametrize(
    "stamp, expected",
    [
        (
            datetime.datetime(2025, 3, 30, 3, 15, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
            "20250330T011500Z",
        ),
        (datetime.datetime(2025, 3, 30, 1, 15), "20250330T011500Z"),  # naive: taken as UTC
    ],
)
def test_dtstamp_is_utc(stamp, expected):
    assert f"DTSTAMP:{expected}\r\n" in calendar([Event(datetime.date(2025, 3, 30), "A", "B")], stamp)


@pytest.mark.parametrize(
    "raw, escaped",
    [
        ("plain", "plain"),
        ("a,b;c\\d", "a\\,b\\;c\\\\d"),
        ("one\ntwo\r\nthree\rfour", "one\\ntwo\\nthree\\nfour"),
        ("tab\there", "tab\there"),
        ("bell\x07 nul\x00 del\x7f", "bell nul del"),
        ("lone \ud800 surrogate", "lone  surrogate"),
        ("<b>&amp;</b>", "<b>&amp\\;</b>"),  # markup is text: not HTML-escaped
    ],
)
def test_escape_text(raw, escaped):
    assert escape_text(raw) == escaped


@pytest.mark.parametrize("text", ["a" * 200, "é" * 200, "😀" * 100, "\\," * 100, "a" + "😀" * 100, "ab\\n" * 60])
def test_fold_keeps_characters_and_escapes_whole(text):
    folded = fold("SUMMARY:" + text)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    # Each piece is whole UTF-8, and no piece ends inside an escape.
    for piece in pieces:
        piece.encode("utf-8").decode("utf-8")
        assert len(re.search(r"\\*$", piece).group(0)) % 2 == 0
    assert "".join([pieces[0], *(p[1:] for p in pieces[1:])]) == "SUMMARY:" + text


def test_short_lines_are_not_folded():
    assert fold("SUMMARY:" + "a" * 67) == "SUMMARY:" + "a" * 67
    assert fold("SUMMARY:" + "a" * 68) == "SUMMARY:" + "a" * 67 + "\r\n a"


def _expected_text(value):
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        c for c in value if c in "\n\t" or not (ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or 0xD800 <= ord(c) < 0xE000)
    )


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.text(max_size=400))
def test_any_text_round_trips(summary, description):
    event = Event(datetime.date(2025, 11, 4), summary, description)
    text = calendar([event], STAMP)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines_of(text))
    (parsed,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(parsed.get("SUMMARY", "")) == _expected_text(summary)
    assert str(parsed.get("DESCRIPTION", "")) == _expected_text(description)


def test_events_follow_the_plan_order():
    interview, steps, _ = plan_and_ics("Acme")
    assert [e.day for e in calendar_events(interview, steps)] == [s.day for s in steps]
