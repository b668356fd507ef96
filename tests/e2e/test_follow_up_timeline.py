"""The follow-up timeline on the timing page of the built guide, in Chromium.

Dates are near today's real date (the widget asks to check the year of a date
more than a year away) and are worked out here from the guide's rules, not by
the widget's code: a Thursday interview keeps every step on a weekday, a
Friday-afternoon one puts the thank-you note's deadline on a Saturday.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

import holidays
import icalendar
import pytest
from playwright.sync_api import expect

from tests.support.pages import run_axe, wait_for_state, widget

NAME = "follow-up-timeline"
DAY = datetime.timedelta(days=1)
THURSDAY, FRIDAY = 3, 4
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)

THANK_YOU = "Send your thank-you note"
FIRST = "First status check"
SECOND = "Second status check"
STOP = "Stop chasing; stay top-of-mind"
KEEP_IN_TOUCH = "Keep in touch"

# Markup, script, a right-to-left override, Hebrew, an emoji sequence, a
# combining accent, and the characters iCalendar text must escape (, ; \ ").
HOSTILE = (
    '<img src=x onerror="window.__owned=1"><script>window.__owned=2</script> '
    '\u202eשלום 👩🏽\u200d💻 e\u0301, "Acme; Ltd" & Co \\ back'
)


# The guide's default region (mkdocs.yml extra.holidays unset): the United States.
US_HOLIDAYS = holidays.country_holidays("US", years=range(datetime.date.today().year, datetime.date.today().year + 3))
# Every day, counted from the interview, that a test below expects a step on or
# counts business days over: none of them may be a public holiday.
STEP_OFFSETS = (0, 1, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 17, 20, 25, 35, 41)


def next_weekday(weekday: int) -> datetime.date:
    """The first day of that weekday after today whose plan meets no public
    holiday (so the expected dates follow the weekend rules alone)."""
    today = datetime.date.today()
    day = today + ((weekday - today.weekday() - 1) % 7 + 1) * DAY
    while any(day + offset * DAY in US_HOLIDAYS for offset in STEP_OFFSETS):
        day += 7 * DAY
    return day


def short(day: datetime.date) -> str:
    """How the plan writes a date: 'Thu 26 Nov 2026'."""
    return f"{_DAYS[day.weekday()][:3]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def long(day: datetime.date, step_day: datetime.date) -> str:
    """How a move is worded: 'Saturday 28 November', with the year when the step is in another."""
    words = f"{_DAYS[day.weekday()]} {day.day} {_MONTH_NAMES[day.month - 1]}"
    return f"{words} {day.year}" if day.year != step_day.year else words


def open_timeline(page, site):
    page.goto(site.url + "timing/")
    wait_for_state(page, NAME, "ready")
    return widget(page, NAME)


def steps(root):
    """The dated steps of the plan (not the rules shown before a date, nor messages)."""
    return root.locator('[data-output="plan"] > li[data-tone="step"]')


def enter_interview(root, day: datetime.date, time: str = "14:00"):
    root.get_by_label("Interview date", exact=True).fill(day.isoformat())
    root.get_by_label("Interview time (optional)").fill(time)


def expect_plan(root, expected: list[tuple[datetime.date, str]]):
    """The plan shows these (date, title) steps, in this order."""
    expect(steps(root)).to_have_count(len(expected))
    for item, (day, title) in zip(steps(root).all(), expected, strict=True):
        expect(item).to_contain_text(f"{short(day)} — {title}")
        assert item.text_content().startswith(f"{short(day)} — {title}")


def download(page, root, button) -> tuple[str, str]:
    with page.expect_download() as info:
        root.get_by_role("button", name=button).click()
    file = info.value
    return file.suggested_filename, Path(file.path()).read_bytes().decode("utf-8")


def vevents(ics_text: str) -> list:
    calendar = icalendar.Calendar.from_ical(ics_text)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    return list(calendar.walk("VEVENT"))


def test_a_date_entered_by_label_gives_a_dated_plan(context, page, site):
    root = open_timeline(page, site)
    # Before a date: the guide's rules in words, and the date asked for at its field.
    expect(root.locator('[data-output="plan"] > li[data-tone="note"]').first).to_contain_text("Thank-you note")
    expect(steps(root)).to_have_count(0)
    expect(root.locator('[data-error-for="interview_date"]')).to_have_text("Enter the interview date to see your plan.")

    thursday = next_weekday(THURSDAY)
    enter_interview(root, thursday)
    expect(root.locator('[data-output="plan_heading"]')).to_have_text(
        f"Follow-up plan for your phone interview on {short(thursday)} at 14:00"
    )
    expect_plan(
        root,
        [
            (thursday + DAY, THANK_YOU),
            (thursday + 7 * DAY, FIRST),
            (thursday + 14 * DAY, SECOND),
            (thursday + 35 * DAY, STOP),
        ],
    )
    first = steps(root).first
    expect(first).to_contain_text("(by 14:00, 24 hours after the interview)")
    expect(first).to_contain_text("What to send: A short note to each person who interviewed you")
    expect(first).to_contain_text("In the guide: Thank-you notes › When to send it")
    expect(root.locator('[data-error-for="interview_date"]')).to_have_text("")
    expect(root.get_by_label("Interview date", exact=True)).not_to_have_attribute("aria-invalid", "true")

    # An informational interview: a 3-5 day thank-you (Sunday moves to
    # Monday), then keep in touch; no status checks.
    root.get_by_label("Interview type").select_option(label="Informational")
    monday = thursday + 4 * DAY
    expect_plan(root, [(monday, THANK_YOU), (monday + 21 * DAY, KEEP_IN_TOUCH)])
    expect(steps(root).first).to_contain_text(f"Moved from {long(thursday + 3 * DAY, monday)}: weekend.")
    expect(root.locator('[data-output="plan_heading"]')).to_contain_text("your informational interview")

    # A decision date they gave: the first check is 3 business days after it.
    root.get_by_label("Interview type").select_option(label="Final round")
    decision = thursday + 8 * DAY  # a Friday
    root.get_by_label("Decision date they gave you (optional)").fill(decision.isoformat())
    expect_plan(
        root,
        [
            (thursday + DAY, THANK_YOU),
            (decision + 5 * DAY, FIRST),
            (decision + 12 * DAY, SECOND),
            (decision + 33 * DAY, STOP),
        ],
    )
    expect(steps(root).nth(1)).to_contain_text(f"3 business days after their decision date, {short(decision)}")
    assert context.recorder.console_errors == []


@pytest.mark.parametrize(
    "field, entered, message",
    [
        ("decision_date", -1, "The decision date is before the interview: check both dates."),
        ("interview_date", -40 * 366, "This is more than a year from today: check the year."),
    ],
    ids=["decision-before-interview", "interview-decades-ago"],
)
def test_bad_input_gets_a_message_at_the_field_and_no_plan(page, site, field, entered, message):
    downloads = []
    page.on("download", lambda file: downloads.append(file))
    root = open_timeline(page, site)
    thursday = next_weekday(THURSDAY)
    enter_interview(root, thursday)
    expect(steps(root)).to_have_count(4)

    control = root.locator(f'[name="{field}"]')
    good = control.input_value()
    control.fill((thursday + entered * DAY).isoformat())
    expect(root.locator(f'[data-error-for="{field}"]')).to_have_text(message)
    expect(control).to_have_attribute("aria-invalid", "true")
    # The message is read with the field.
    error_id = root.locator(f'[data-error-for="{field}"]').get_attribute("id")
    assert error_id in control.get_attribute("aria-describedby").split()
    expect(steps(root)).to_have_count(0)
    expect(root.locator('[data-output="plan_heading"]')).to_have_text("No plan yet: check the fields marked above.")
    expect(root.locator('[data-output="plan"] > li[data-tone="missing"]')).to_have_count(1)
    expect(root.locator('[data-output="plan_text"]')).not_to_contain_text(" — ")
    # The last plan's calendar file is gone with it: the button saves nothing.
    root.get_by_role("button", name="Add to calendar (.ics file)").click()

    control.fill(good if good else (thursday + 2 * DAY).isoformat())
    expect(root.locator(f'[data-error-for="{field}"]')).to_have_text("")
    expect(control).not_to_have_attribute("aria-invalid", "true")
    expect(steps(root)).to_have_count(4)
    _, ics = download(page, root, "Add to calendar (.ics file)")
    assert len(vevents(ics)) == 4
    # Downloads are reported in order: the click without a plan gave none.
    assert len(downloads) == 1


def test_calendar_file_parses_and_matches_the_plan(page, site):
    root = open_timeline(page, site)
    thursday = next_weekday(THURSDAY)
    enter_interview(root, thursday)
    root.get_by_label("Company (optional, used in the calendar events)").fill("Acme")
    expect(root.locator('[data-output="plan_heading"]')).to_contain_text("with Acme on")
    expected = [
        (thursday + DAY, THANK_YOU),
        (thursday + 7 * DAY, FIRST),
        (thursday + 14 * DAY, SECOND),
        (thursday + 35 * DAY, STOP),
    ]
    expect_plan(root, expected)
    shown = [item.text_content() for item in steps(root).all()]

    filename, ics = download(page, root, "Add to calendar (.ics file)")
    assert filename == "follow-up-plan.ics"
    lines = ics.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "" and "\n" not in "".join(lines)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    events = vevents(ics)
    # The thank-you, due at 14:00, is a timed event (half an hour ending then); the rest all-day.
    summaries = [f"{THANK_YOU}, by 14:00 (Acme)", *(f"{title} (Acme)" for _, title in expected[1:])]
    assert [str(e["SUMMARY"]) for e in events] == summaries
    thank_you = events[0]
    assert isinstance(thank_you.decoded("DTSTART"), datetime.datetime)
    assert thank_you.decoded("DTEND") - thank_you.decoded("DTSTART") == datetime.timedelta(minutes=30)
    assert [e.decoded("DTSTART") for e in events[1:]] == [day for day, _ in expected[1:]]
    assert len({str(e["UID"]) for e in events}) == 4
    for event, line, (day, title) in zip(events, shown, expected, strict=True):
        # Each event is the step shown on the page: its date, its title.
        assert line.startswith(f"{short(day)} — {title} (")
        if event is thank_you:
            continue
        # All-day events: dates, not date-times, so no time zone is involved.
        start = event.decoded("DTSTART")
        assert type(start) is datetime.date and event.decoded("DTEND") == start + DAY
        assert event.get("DTSTAMP") is not None
        description = str(event["DESCRIPTION"])
        send = line.split("What to send: ", 1)[1].split(" In the guide: ")[0]
        assert f"What to send: {send}" in description.splitlines()
        assert description.endswith(f"Follow-up plan for your phone interview with Acme on {short(thursday)} at 14:00.")

    # A thank-you already sent is marked done on the page and left out of the file.
    root.get_by_label("I have already sent my thank-you note").check()
    expect(root.locator('[data-output="plan"] > li[data-tone="done"]')).to_have_text(
        "Done — Thank-you note already sent. Nothing more to do here."
    )
    expect(steps(root)).to_have_count(3)
    _, ics = download(page, root, "Add to calendar (.ics file)")
    assert [e.decoded("DTSTART") for e in vevents(ics)] == [day for day, _ in expected[1:]]


def test_hostile_company_is_exact_in_the_calendar_and_never_markup(page, site):
    root = open_timeline(page, site)
    thursday = next_weekday(THURSDAY)
    enter_interview(root, thursday)
    company = HOSTILE + " " + "ü" * 60  # long enough that its lines are folded
    root.get_by_label("Company (optional, used in the calendar events)").fill(company)
    heading = f"Follow-up plan for your phone interview with {company} on {short(thursday)} at 14:00"
    expect(root.locator('[data-output="plan_heading"]')).to_have_text(heading)
    expect(root.locator('[data-output="plan_text"]')).to_contain_text(heading)
    assert root.locator("[data-output] img, [data-output] script").count() == 0
    assert page.evaluate("() => window.__owned") is None

    _, ics = download(page, root, "Add to calendar (.ics file)")
    assert max(len(line.encode("utf-8")) for line in ics.split("\r\n")) <= 75
    # icalendar reads a stray ; or , in text leniently: the escapes are checked as written.
    unfolded = ics.replace("\r\n ", "")
    escaped = company.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    assert f"\r\nSUMMARY:First status check ({escaped})\r\n" in unfolded
    events = vevents(ics)
    titles = (f"{THANK_YOU}, by 14:00", FIRST, SECOND, STOP)
    assert [str(e["SUMMARY"]) for e in events] == [f"{t} ({company})" for t in titles]
    for event in events:
        assert str(event["DESCRIPTION"]).endswith(f"\n{heading}.")
    assert page.evaluate("() => window.__owned") is None


def test_copy_the_plan_and_save_it_as_text(context, site):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    page = context.new_page()
    root = open_timeline(page, site)
    thursday = next_weekday(THURSDAY)
    enter_interview(root, thursday)
    expect(steps(root)).to_have_count(4)
    root.get_by_role("button", name="Copy the plan").click()
    expect(root.locator('[data-role="status"]')).to_have_text("Copied to the clipboard.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == root.locator('[data-output="plan_text"]').text_content()
    assert copied.startswith(
        f"Follow-up plan for your phone interview on {short(thursday)} at 14:00\n\n"
        f"Next: send your thank-you note on {long(thursday + DAY, thursday + DAY)}"
    )
    assert (
        f"\n\n{short(thursday + DAY)} — {THANK_YOU} (by 14:00, 24 hours after the interview)\n"
        "  What to send: A short note"
    ) in copied
    for day, title in [(thursday + 7 * DAY, FIRST), (thursday + 14 * DAY, SECOND), (thursday + 35 * DAY, STOP)]:
        assert f"\n\n{short(day)} — {title}" in copied
    assert "<" not in copied

    filename, text = download(page, root, "Save as text")
    assert filename == "follow-up-plan.txt"
    assert text == copied


def test_a_reload_keeps_the_inputs(page, site):
    root = open_timeline(page, site)
    friday = next_weekday(FRIDAY)
    enter_interview(root, friday, "16:30")
    root.get_by_label("Interview type").select_option(label="Panel")
    root.get_by_label("Decision date they gave you (optional)").fill((friday + 10 * DAY).isoformat())
    root.get_by_label("Company (optional, used in the calendar events)").fill("Kept Ltd")
    root.get_by_label("I have already sent my thank-you note").check()
    root.get_by_label("Skip weekends: move steps to the next weekday").uncheck()
    heading = f"Follow-up plan for your panel interview with Kept Ltd on {short(friday)} at 16:30"
    expect(root.locator('[data-output="plan_heading"]')).to_have_text(heading)
    before = [item.text_content() for item in root.locator('[data-output="plan"] > li').all()]
    assert len(before) == 4

    page.reload()
    wait_for_state(page, NAME, "ready")
    expect(root.get_by_label("Interview date", exact=True)).to_have_value(friday.isoformat())
    expect(root.get_by_label("Interview time (optional)")).to_have_value("16:30")
    expect(root.get_by_label("Interview type")).to_have_value("panel")
    expect(root.get_by_label("Decision date they gave you (optional)")).to_have_value((friday + 10 * DAY).isoformat())
    expect(root.get_by_label("Company (optional, used in the calendar events)")).to_have_value("Kept Ltd")
    expect(root.get_by_label("I have already sent my thank-you note")).to_be_checked()
    expect(root.get_by_label("Skip weekends: move steps to the next weekday")).not_to_be_checked()
    expect(root.locator('[data-output="plan_heading"]')).to_have_text(heading)
    expect(root.locator('[data-output="plan"] > li')).to_have_text(before)
    # Kept for this tab only: session storage, not local storage.
    keys = page.evaluate("() => [Object.keys(sessionStorage), Object.keys(localStorage)]")
    assert [k for k in keys[0] if k.startswith("follow-up-guide:")] != []
    assert [k for k in keys[1] if k.startswith("follow-up-guide:")] == []


def test_skip_weekends_off_allows_a_weekend_date(page, site):
    root = open_timeline(page, site)
    friday = next_weekday(FRIDAY)
    saturday = friday + DAY
    enter_interview(root, friday, "15:30")
    # Skip weekends is on by default: the note due Saturday 15:30 is planned
    # for Friday, and the plan says why.
    expect(root.get_by_label("Skip weekends: move steps to the next weekday")).to_be_checked()
    expect_plan(
        root, [(friday, THANK_YOU), (friday + 7 * DAY, FIRST), (friday + 14 * DAY, SECOND), (friday + 35 * DAY, STOP)]
    )
    expect(steps(root).first).to_contain_text(
        f"(it is due by 15:30 on {long(saturday, friday)}). Moved earlier from {long(saturday, friday)}: weekend."
    )

    root.get_by_label("Skip weekends: move steps to the next weekday").uncheck()
    expect_plan(
        root, [(saturday, THANK_YOU), (friday + 7 * DAY, FIRST), (friday + 14 * DAY, SECOND), (friday + 35 * DAY, STOP)]
    )
    expect(steps(root).first).not_to_contain_text("Moved")
    _, ics = download(page, root, "Add to calendar (.ics file)")
    # Due Saturday 15:30: a timed event on Saturday.
    start = vevents(ics)[0].decoded("DTEND") - datetime.timedelta(minutes=30)
    assert start.date() == saturday


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_a_plan_and_with_an_error(browser, site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    root = open_timeline(page, site)
    thursday = next_weekday(THURSDAY)
    enter_interview(root, thursday)
    root.get_by_label("Company (optional, used in the calendar events)").fill("Acme")
    expect(steps(root)).to_have_count(4)
    root.locator("details.fug-widget__plain > summary").click()  # the plain text, shown too
    expect(root.locator('[data-output="plan_text"]')).to_be_visible()
    assert run_axe(page) == [], f"{scheme}, plan shown"

    root.get_by_label("Decision date they gave you (optional)").fill((thursday - DAY).isoformat())
    expect(root.locator('[data-error-for="decision_date"]')).not_to_be_empty()
    assert run_axe(page) == [], f"{scheme}, error shown"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_overdue_with_drafts_and_edited(browser, site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    root = open_timeline(page, site)
    # Overdue: an interview ten days ago, nothing sent.
    root.get_by_label("Interview date", exact=True).fill((browser_today(page) - 10 * DAY).isoformat())
    expect(root.locator('[data-output="plan"] > li[data-tone="overdue"]').first).to_contain_text("Overdue since ")
    assert run_axe(page) == [], f"{scheme}, overdue"

    # The drafts shown, with every fact typed.
    fill_draft_facts(root)
    root.get_by_label("Something relevant to share when you keep in touch").fill("a report on onboarding")
    expect(drafts(root)).to_have_count(3)
    expect(draft(drafts(root).nth(2))).to_have_value(re.compile("I came across a report on onboarding"))
    assert run_axe(page) == [], f"{scheme}, drafts shown"

    # A draft edited (its notice shown), then rewritten (its undo button shown).
    first = drafts(root).first
    draft(first).fill("Dear Dr. Rivera,\n\nAny news?\n\nKind regards,\nSam Lee")
    expect(first.locator('[data-output="edited"]')).to_have_text(EDITED)
    assert run_axe(page) == [], f"{scheme}, edited"
    first.get_by_role("button", name="Rewrite from the form").click()
    expect(first.get_by_role("button", name="Undo the rewrite")).to_be_visible()
    assert run_axe(page) == [], f"{scheme}, rewritten"
    context.close()


def browser_today(page) -> datetime.date:
    """Today where the browser is (the widget's clock)."""
    return datetime.date.fromisoformat(
        page.evaluate(
            "() => { const d = new Date(); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'),"
            " String(d.getDate()).padStart(2, '0')].join('-'); }"
        )
    )


def test_keyboard_reaches_every_control_and_can_copy(browser, site):
    context = browser.new_context(locale="en-US")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    page = context.new_page()
    root = open_timeline(page, site)
    date = root.get_by_label("Interview date", exact=True)
    date.focus()
    thursday = next_weekday(THURSDAY)
    page.keyboard.type(f"{thursday:%m%d%Y}")  # typed into the field, as a reader would
    expect(date).to_have_value(thursday.isoformat())
    expect(steps(root)).to_have_count(4)

    # Tab (a date or time field takes one Tab per part) goes through every
    # control in reading order.
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        here = page.evaluate(
            "() => { const e = document.activeElement;"
            " return e.name || (e.tagName === 'BUTTON' ? e.textContent.trim() : e.tagName); }"
        )
        if not reached or reached[-1] != here:
            reached.append(here)
        if here == "Print":
            break
    if reached[0] == "interview_date":  # still on the date's last part
        reached.pop(0)
    # The plan's links to the guide's sections (A) come between the form and its buttons.
    assert reached == [
        "interview_time",
        "interview_type",
        "decision_date",
        "company",
        "skip_weekends",
        "thank_you_sent",
        "first_check_sent",
        "second_check_sent",
        "A",
        "reminder",
        "include_past",
        "Add to calendar (.ics file)",
        "Copy the plan",
        "Save as text",
        "Print",
    ]
    # The buttons work from the keyboard, and focus shows.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    expect(root.get_by_role("button", name="Copy the plan")).to_be_focused()
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    page.keyboard.press("Enter")
    expect(root.locator('[data-role="status"]')).to_have_text("Copied to the clipboard.")
    assert page.evaluate("() => navigator.clipboard.readText()").startswith("Follow-up plan for your phone interview")
    context.close()


def test_print_shows_the_plan_without_the_buttons(context, site):
    context.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page = context.new_page()
    root = open_timeline(page, site)
    thursday = next_weekday(THURSDAY)
    enter_interview(root, thursday)
    expect(steps(root)).to_have_count(4)
    buttons = [
        root.get_by_role("button", name=n)
        for n in ("Add to calendar (.ics file)", "Copy the plan", "Save as text", "Print")
    ]
    for button in buttons:
        expect(button).to_be_visible()
    root.get_by_role("button", name="Print").click()
    page.wait_for_function("() => window.__printed === 1")

    page.emulate_media(media="print")
    expect(root.locator('[data-output="plan_heading"]')).to_be_visible()
    for item in steps(root).all():
        expect(item).to_be_visible()
    expect(steps(root).first).to_contain_text(f"{short(thursday + DAY)} — {THANK_YOU}")
    for button in buttons:
        expect(button).to_be_hidden()
    expect(root.get_by_role("button", name="Clear my data")).to_be_hidden()
    expect(root.locator('[data-role="status"]')).to_be_hidden()
    # The plan once: no form around it, no plain-text copy (the theme opens <details> to print).
    root.locator("details.fug-widget__plain").evaluate("d => { d.open = true; }")
    expect(root.locator("details.fug-widget__plain")).to_be_hidden()
    expect(root.get_by_label("Interview date", exact=True)).to_be_hidden()
    expect(root.get_by_label("I have already sent my thank-you note")).to_be_hidden()
    expect(root.get_by_label("Reminders")).to_be_hidden()
    # The drafts to send are not part of the printed plan.
    expect(drafts(root)).to_have_count(3)
    expect(root.locator(".fug-widget__drafts")).to_be_hidden()
    expect(root.get_by_role("heading", name="Drafts to send")).to_be_hidden()
    assert len(page.pdf()) > 1000


def test_guide_links_in_the_widget_lead_to_real_sections(page, site):
    root = open_timeline(page, site)
    urls = [a.evaluate("a => a.href") for a in root.locator("a[href]").all()]
    assert len(urls) == 7
    for url in urls:
        page.goto(url)
        expect(page.locator("h1")).to_be_visible()
        page_url, _, fragment = url.partition("#")
        assert page_url.startswith(site.url)
        if fragment:
            expect(page.locator(f'h2[id="{fragment}"]')).to_have_count(1)
        else:  # the note builder
            expect(widget(page, "thank-you-note")).to_have_count(1)


def test_each_step_links_to_its_section_of_the_guide(page, site):
    root = open_timeline(page, site)
    enter_interview(root, next_weekday(THURSDAY))
    first = steps(root).first
    link = first.get_by_role("link", name="Thank-you notes › When to send it")
    expect(link).to_have_attribute("href", "../thank-you-notes/#when-to-send-it")
    expect(first.get_by_role("link", name="Thank-you notes › the note builder")).to_be_visible()
    expect(
        steps(root).nth(1).get_by_role("link", name="Timing your follow-up › The first status check")
    ).to_have_attribute("href", "#the-first-status-check")
    link.click()
    page.wait_for_url("**/thank-you-notes/#when-to-send-it")
    expect(page.locator("#when-to-send-it")).to_be_visible()


def drafts(root):
    """The drafts shown, in the plan's order (one repeated output per kind)."""
    return root.locator(".fug-widget__drafts [data-repeat-item]")


def draft(item):
    return item.locator('textarea[data-output="body"]')


def fill_draft_facts(root):
    """Types the drafts' facts and waits until the drafts show them all."""
    root.get_by_label("Company (optional, used in the calendar events)").fill("Acme")
    root.get_by_label("Your name").fill("Sam Lee")
    root.get_by_label("Your main contact's name (recruiter or hiring manager)").fill("Dr. Ana Rivera")
    root.get_by_label("Role", exact=True).fill("Project Coordinator")
    all_typed = re.compile(
        "^Dear Dr. Rivera,\n(?=.*Acme)(?=.*the Project Coordinator role).*Kind regards,\nSam Lee$", re.S
    )
    expect(drafts(root)).to_have_count(3)
    for item in drafts(root).all():
        expect(draft(item)).to_have_value(all_typed)


def decode_mailto(href: str) -> dict[str, str]:
    """The fields of a mailto: URL, percent-decoded as UTF-8 (RFC 6068: no '+' as space)."""
    parts = urlsplit(href)
    assert (parts.scheme, parts.path, parts.fragment) == ("mailto", "", "")
    fields = {}
    for pair in parts.query.split("&"):
        name, _, value = pair.partition("=")
        fields[name] = unquote(value, encoding="utf-8", errors="strict")
    return fields


def test_drafts_for_every_follow_up_copy_exactly(context, site):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    page = context.new_page()
    root = open_timeline(page, site)
    thursday = next_weekday(THURSDAY)
    enter_interview(root, thursday)
    fill_draft_facts(root)
    expect(drafts(root)).to_have_count(3)
    expect(drafts(root).locator('[data-output="title"]')).to_have_text(
        ["First status check", "Second status check", "Keep in touch"]
    )
    first = drafts(root).first
    expect(draft(first)).to_have_value(re.compile("Kind regards,\nSam Lee$"))
    body = draft(first).input_value()
    assert body.startswith("Dear Dr. Rivera,\n\nI hope your week is going well. I interviewed for the Project")
    expect(first.get_by_label("Your first status check (edit it here)")).to_have_value(body)
    expect(drafts(root).nth(2).get_by_label("Your keep-in-touch message (edit it here)")).to_be_visible()

    first.get_by_role("button", name="Copy the message").click()
    expect(root.locator('[data-role="status"]')).to_have_text("Copied to the clipboard.")
    assert page.evaluate("() => navigator.clipboard.readText()") == body
    first.get_by_role("button", name="Copy the subject").click()
    assert page.evaluate("() => navigator.clipboard.readText()") == "Following up - Project Coordinator interview"
    href = first.get_by_role("link", name="Open in e-mail app").get_attribute("href")
    assert href.startswith("mailto:?subject=Following%20up%20-%20Project%20Coordinator%20interview&body=Dear%20Dr.")
    with page.expect_download() as info:
        first.get_by_role("button", name="Download as .txt").click()
    assert info.value.suggested_filename == "first-status-check.txt"
    assert Path(info.value.path()).read_text(encoding="utf-8") == (
        f"Subject: Following up - Project Coordinator interview\n\n{body}\n"
    )
    # A follow-up marked sent needs no draft.
    root.get_by_label("I have already sent my thank-you note").check()
    root.get_by_label("I have sent my first status check").check()
    expect(drafts(root)).to_have_count(2)
    expect(drafts(root).first.locator('[data-output="title"]')).to_have_text("Second status check")


# Typed into a draft: markup, script, right-to-left, an emoji sequence, a line
# separator (U+2028), a percent sign and an ampersand, blank lines.
MINE = (
    "Dear Ana,\n\n<b>Still</b> keen <script>window.__owned=3</script> \u202eשלום 👩🏽\u200d💻 e\u0301\u2028"
    "100% sure & ready?\n\nBest,\nSam"
)
EDITED = "You edited this draft: changes to the form no longer change it."


def test_an_edited_draft_copies_mails_and_saves_exactly_the_text_shown(context, site):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    page = context.new_page()
    root = open_timeline(page, site)
    enter_interview(root, next_weekday(THURSDAY))
    fill_draft_facts(root)
    second = drafts(root).nth(1)
    expect(draft(second)).to_have_value(re.compile("Sam Lee$"))
    draft(second).fill(MINE)
    shown = draft(second).input_value()  # what the reader sees, the browser's own line breaks
    assert shown == MINE
    # Straight after the keystroke: the file is the text shown, the last key included.
    with page.expect_download() as info:
        second.get_by_role("button", name="Download as .txt").click()
    assert info.value.suggested_filename == "second-status-check.txt"
    subject = "Re: Following up - Project Coordinator interview"
    assert Path(info.value.path()).read_bytes().decode("utf-8") == f"Subject: {subject}\n\n{shown}\n"
    expect(second.locator('[data-output="edited"]')).to_have_text(EDITED)
    href = second.get_by_role("link", name="Open in e-mail app").get_attribute("href")
    assert decode_mailto(href) == {"subject": subject, "body": shown.replace("\n", "\r\n")}
    second.get_by_role("button", name="Copy the message").click()
    expect(root.locator('[data-role="status"]')).to_have_text("Copied to the clipboard.")
    assert page.evaluate("() => navigator.clipboard.readText()") == shown
    # Shown literally, never run.
    assert page.evaluate("() => window.__owned") is None
    expect(second.locator("b, script")).to_have_count(0)


def test_an_edit_stays_with_its_draft_through_changes_sent_steps_a_reload_and_a_rewrite(page, site):
    root = open_timeline(page, site)
    thursday = next_weekday(THURSDAY)
    enter_interview(root, thursday)
    fill_draft_facts(root)
    first = drafts(root).first
    expect(draft(first)).to_have_value(re.compile("Sam Lee$"))
    composed_second = draft(drafts(root).nth(1)).input_value()
    draft(first).fill(MINE)
    notice = first.locator('[data-output="edited"]')
    expect(notice).to_have_text(EDITED)
    expect(notice).to_have_attribute("aria-live", "polite")

    # A later change to the form changes the other drafts, never the edited one.
    root.get_by_label("Role", exact=True).fill("Data Analyst")
    expect(drafts(root).nth(1).locator('[data-output="subject"]')).to_have_text(
        "Re: Following up - Data Analyst interview"
    )
    expect(first.locator('[data-output="subject"]')).to_have_text("Following up - Data Analyst interview")
    expect(draft(first)).to_have_value(MINE)

    # Marked sent, the first check's draft goes; its text never moves to another draft.
    root.get_by_label("I have already sent my thank-you note").check()
    root.get_by_label("I have sent my first status check").check()
    expect(drafts(root)).to_have_count(2)
    second = drafts(root).first
    expect(second.locator('[data-output="title"]')).to_have_text("Second status check")
    expect(draft(second)).to_have_value(re.compile("^Dear Dr. Rivera,\n\nI am following up on my message of"))
    expect(second.locator('[data-output="edited"]')).to_have_text("")
    # ... and kept: unticked, it is back as it was.
    sent = root.get_by_label("I have sent my first status check")
    sent.uncheck()
    expect(drafts(root)).to_have_count(3)
    expect(draft(drafts(root).first)).to_have_value(MINE)
    # Also through other changes and a reload while it is away.
    sent.check()
    expect(drafts(root)).to_have_count(2)
    root.get_by_label("Something relevant to share when you keep in touch").fill("a report")
    expect(draft(drafts(root).nth(1))).to_have_value(re.compile("I came across a report"))
    page.reload()
    wait_for_state(page, NAME, "ready")
    expect(drafts(root)).to_have_count(2)
    sent.uncheck()
    expect(drafts(root)).to_have_count(3)
    first = drafts(root).first
    expect(draft(first)).to_have_value(MINE)
    expect(first.locator('[data-output="edited"]')).to_have_text(EDITED)
    expect(draft(drafts(root).nth(1))).not_to_have_value(MINE)
    assert composed_second != MINE

    # Rewrite from the form, and undo.
    undo = first.get_by_role("button", name="Undo the rewrite")
    expect(undo).to_be_hidden()
    first.get_by_role("button", name="Rewrite from the form").click()
    expect(draft(first)).to_have_value(re.compile("^Dear Dr. Rivera,\n\nI hope your week is going well. I interviewed"))
    expect(draft(first)).to_have_value(re.compile("the Data Analyst role at Acme"))
    expect(first.locator('[data-output="edited"]')).to_have_text("")
    expect(root.locator('[data-role="status"]')).to_contain_text("Rewritten from the form.")
    expect(undo).to_be_visible()
    undo.click()
    expect(draft(first)).to_have_value(MINE)
    expect(draft(first)).to_be_focused()
    expect(undo).to_be_hidden()
    expect(first.locator('[data-output="edited"]')).to_have_text(EDITED)

    # Edits survive a reload, and a form change after it still leaves them alone.
    page.reload()
    wait_for_state(page, NAME, "ready")
    expect(drafts(root)).to_have_count(3)
    expect(draft(drafts(root).first)).to_have_value(MINE)
    root.get_by_label("Your name").fill("Sam J. Lee")
    expect(draft(drafts(root).nth(2))).to_have_value(re.compile("Sam J. Lee$"))
    expect(draft(drafts(root).first)).to_have_value(MINE)

    # "Clear my data" forgets it, also while its draft is away.
    def stored():
        return page.evaluate("() => JSON.stringify([Object.values(sessionStorage), Object.values(localStorage)])")

    sent.check()
    expect(drafts(root)).to_have_count(2)
    assert "__owned" in stored()
    root.get_by_role("button", name="Clear my data").click()
    expect(drafts(root)).to_have_count(0)
    assert "__owned" not in stored()
    enter_interview(root, thursday)
    expect(drafts(root)).to_have_count(3)
    expect(draft(drafts(root).first)).to_have_value(re.compile("^Dear Hiring Manager,"))
    expect(drafts(root).first.locator('[data-output="edited"]')).to_have_text("")


def local_today(zone: str) -> datetime.date:
    return datetime.datetime.now(ZoneInfo(zone)).date()


def test_overdue_against_the_readers_local_date(browser, site):
    # The same instant, two readers: in Kiritimati (UTC+14) the thank-you for an
    # interview two days ago is overdue; in Pago Pago (UTC-11), a day behind, not yet.
    interview = local_today("Pacific/Kiritimati") - 2 * DAY
    tones = {}
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        context = browser.new_context(timezone_id=zone)
        page = context.new_page()
        root = open_timeline(page, site)
        root.get_by_label("Interview date", exact=True).fill(interview.isoformat())
        first = root.locator('[data-output="plan"] > li').first
        expect(first).to_contain_text(THANK_YOU)
        tones[zone] = first.get_attribute("data-tone")
        if zone == "Pacific/Kiritimati":
            expect(first).to_contain_text("Overdue since ")
            expect(first).to_contain_text(": send it today — Send your thank-you note")
            expect(root.locator('[data-output="next_step"]')).to_contain_text(
                "Next: send your thank-you note today. It has been due since"
            )
        context.close()
    assert tones["Pacific/Kiritimati"] == "overdue" and tones["Pacific/Pago_Pago"] != "overdue"


def next_dst_eve() -> datetime.date:
    """The Saturday before the next US change to summer time (the second Sunday of March)."""
    for year in (datetime.date.today().year, datetime.date.today().year + 1):
        march = datetime.date(year, 3, 1)
        sunday = march + ((6 - march.weekday()) % 7 + 7) * DAY
        if sunday - DAY > datetime.date.today():
            return sunday - DAY
    raise AssertionError("unreachable")


def test_the_thank_you_deadline_after_a_change_of_clocks(browser, site):
    # New York moves to summer time on a Sunday in March at 2:00: an interview on
    # the Saturday at 10:00 is due on the Sunday at 10:00 EDT, 14:00 UTC.
    context = browser.new_context(timezone_id="America/New_York")
    page = context.new_page()
    root = open_timeline(page, site)
    saturday = next_dst_eve()
    enter_interview(root, saturday, "10:00")
    root.get_by_label("Skip weekends: move steps to the next weekday").uncheck()
    expect(steps(root).first).to_contain_text(f"{short(saturday + DAY)} — {THANK_YOU}")
    _, ics = download(page, root, "Add to calendar (.ics file)")
    thank_you = vevents(ics)[0]
    due = datetime.datetime.combine(saturday + DAY, datetime.time(10), ZoneInfo("America/New_York"))
    assert thank_you.decoded("DTEND") == due.astimezone(datetime.UTC)
    assert due.utcoffset() == datetime.timedelta(hours=-4)
    context.close()
