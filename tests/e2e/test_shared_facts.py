"""One interview, three tools: facts typed once are offered in the guide's other
tools on this device, under the drafts' storage rules, and "Clear my data"
clears them everywhere."""

from __future__ import annotations

import datetime
import re

from playwright.sync_api import expect

from tests.support.pages import MOUNT, run_axe, wait_for_state, widget

INTERVIEW = datetime.date.today() + datetime.timedelta(days=3)
DECISION = INTERVIEW + datetime.timedelta(days=14)
# Draft keys carry the guide's own path, so two guides on one origin keep apart.
FACTS_KEY = f"follow-up-guide:{MOUNT}:facts"


def open_tool(page, site, path: str, name: str):
    page.goto(site.url + path)
    wait_for_state(page, name, "ready")
    return widget(page, name)


def test_facts_typed_once_are_offered_in_the_other_tools_and_cleared_everywhere(page, site):
    timeline = open_tool(page, site, "timing/", "follow-up-timeline")
    timeline.get_by_label("Interview date", exact=True).fill(INTERVIEW.isoformat())
    timeline.get_by_label("Interview time (optional)").fill("14:30")
    timeline.get_by_label("Company (optional, used in the calendar events)").fill("Acme <b>Ltd</b>")
    timeline.get_by_label("Your name").fill("Sam Lee")
    timeline.get_by_label("Role", exact=True).fill("Project Coordinator")
    timeline.get_by_label("Your main contact's name (recruiter or hiring manager)").fill("Ms. Rivera")
    timeline.get_by_label("Decision date they gave you (optional)").fill(DECISION.isoformat())
    expect(timeline.locator('[data-output="plan_heading"]')).to_contain_text("Acme <b>Ltd</b>")

    note = open_tool(page, site, "thank-you-notes/", "thank-you-note")
    expect(note.get_by_label("Your name")).to_have_value("Sam Lee")
    expect(note.get_by_label("Company")).to_have_value("Acme <b>Ltd</b>")
    expect(note.get_by_label("Role", exact=True)).to_have_value("Project Coordinator")
    expect(note.get_by_label("Interview date")).to_have_value(INTERVIEW.isoformat())
    expect(note.get_by_label("Interview time (optional)")).to_have_value("14:30")
    expect(note.locator('[data-role="storage-note"]')).to_contain_text(
        "Filled in from your other tools on this device: Your name; Company; Role; Interview date;"
    )
    # Kept for this tab only, like the drafts: nothing in local storage.
    keys = page.evaluate("() => [Object.keys(sessionStorage), Object.keys(localStorage)]")
    assert FACTS_KEY in keys[0] and not [k for k in keys[1] if k.startswith("follow-up-guide:")]

    checklist = open_tool(page, site, "rejection/", "rejection-checklist")
    expect(checklist.get_by_label("Your name")).to_have_value("Sam Lee")
    expect(checklist.get_by_label("Company")).to_have_value("Acme <b>Ltd</b>")
    # The main contact typed in the timeline is the checklist's contact too.
    expect(checklist.get_by_label("Contact's name")).to_have_value("Ms. Rivera")
    checklist.get_by_role("button", name="Clear my data").click()
    expect(checklist.get_by_label("Your name")).to_have_value("")
    expect(checklist.locator('[data-role="storage-note"]')).to_contain_text("Cleared:")

    # Everywhere: the other tools' copies are gone too; what only they asked for stays.
    timeline = open_tool(page, site, "timing/", "follow-up-timeline")
    expect(timeline.get_by_label("Your name")).to_have_value("")
    expect(timeline.get_by_label("Company (optional, used in the calendar events)")).to_have_value("")
    expect(timeline.get_by_label("Interview date", exact=True)).to_have_value("")
    expect(timeline.get_by_label("Your main contact's name (recruiter or hiring manager)")).to_have_value("")
    expect(timeline.get_by_label("Decision date they gave you (optional)")).to_have_value(DECISION.isoformat())
    note = open_tool(page, site, "thank-you-notes/", "thank-you-note")
    expect(note.get_by_label("Your name")).to_have_value("")
    expect(note.get_by_label("Company")).to_have_value("")
    assert page.evaluate("key => sessionStorage.getItem(key)", FACTS_KEY) is None


def test_what_a_tool_was_given_does_not_overwrite_what_was_typed_there(page, site):
    note = open_tool(page, site, "thank-you-notes/", "thank-you-note")
    note.get_by_label("Company").fill("Globex")
    timeline = open_tool(page, site, "timing/", "follow-up-timeline")
    expect(timeline.get_by_label("Company (optional, used in the calendar events)")).to_have_value("Globex")
    timeline.get_by_label("Company (optional, used in the calendar events)").fill("Initech")
    note = open_tool(page, site, "thank-you-notes/", "thank-you-note")
    # The note builder's own draft holds "Globex": typed there, kept there.
    expect(note.get_by_label("Company")).to_have_value("Globex")


CONTACT = "Your main contact's name (recruiter or hiring manager)"
# Markup, right-to-left text, an emoji and a line separator: shown as typed.
HOSTILE = "Dr. <b>Ana</b> \u05e8\u05d9\u05d1\u05e8\u05d4 \U0001f600\u2028Rivera"


def interviewer(note, index: int):
    return note.get_by_role("group", name=f"Interviewer {index + 1}", exact=True)


def suggested(field) -> list[str]:
    """What a name field suggests as the reader types (its <datalist>)."""
    return field.evaluate("el => [...(el.list ? el.list.options : [])].map(o => o.value)")


def test_the_people_typed_in_one_tool_are_offered_in_the_others(page, site):
    note = open_tool(page, site, "thank-you-notes/", "thank-you-note")
    interviewer(note, 0).get_by_label("Interviewer's name").fill(HOSTILE)
    interviewer(note, 0).get_by_label("Their title").fill("Head of Operations")
    interviewer(note, 0).get_by_label("E-mail (optional)").fill("ana@acme.test")
    note.get_by_role("button", name="Add interviewer").click()
    interviewer(note, 1).get_by_label("Interviewer's name").fill("Jordan Patel")
    interviewer(note, 1).get_by_label("What they asked about or cared about").fill("dashboards")

    # The timeline's main contact and the checklist's contact: the first interviewer.
    timeline = open_tool(page, site, "timing/", "follow-up-timeline")
    expect(timeline.get_by_label(CONTACT)).to_have_value(HOSTILE)
    expect(timeline.locator('[data-role="storage-note"]')).to_contain_text(CONTACT)
    # The other interviewer is a suggestion away.
    assert suggested(timeline.get_by_label(CONTACT)) == ["Jordan Patel"]
    checklist = open_tool(page, site, "rejection/", "rejection-checklist")
    expect(checklist.get_by_label("Contact's name")).to_have_value(HOSTILE)
    expect(checklist.get_by_label("Their e-mail (optional)")).to_have_value("ana@acme.test")
    expect(checklist.locator('textarea[name="reply"]')).to_have_value(re.compile("Rivera"))
    # What was typed in a tool stays: the checklist's own contact is now the recruiter.
    checklist.get_by_label("Contact's name").fill("Ms. Kim")
    checklist.get_by_label("Their e-mail (optional)").fill("kim@acme.test")
    timeline = open_tool(page, site, "timing/", "follow-up-timeline")
    expect(timeline.get_by_label(CONTACT)).to_have_value(HOSTILE)

    # A note builder with no rows of its own (its draft gone, as on a second
    # page that holds one) gets both people, title and e-mail with each; not
    # what only the other note builder asked (what each cared about).
    page.evaluate(
        "() => Object.keys(sessionStorage).filter(k => k.includes('thank-you-notes.md'))"
        ".forEach(k => sessionStorage.removeItem(k))"
    )
    note = open_tool(page, site, "thank-you-notes/", "thank-you-note")
    expect(interviewer(note, 1).get_by_label("Interviewer's name")).to_have_value("Jordan Patel")
    expect(interviewer(note, 0).get_by_label("Interviewer's name")).to_have_value(HOSTILE)
    expect(interviewer(note, 0).get_by_label("Their title")).to_have_value("Head of Operations")
    expect(interviewer(note, 0).get_by_label("E-mail (optional)")).to_have_value("ana@acme.test")
    expect(interviewer(note, 1).get_by_label("What they asked about or cared about")).to_have_value("")
    # The checklist's contact is suggested for a row, as typed there.
    assert suggested(interviewer(note, 1).get_by_label("Interviewer's name")) == ["Ms. Kim"]
    expect(note.locator('[data-output="to"]').first).to_have_text(HOSTILE)
    assert note.locator("b").count() == 0

    # A removed interviewer is no longer offered; "Clear my data" forgets everyone.
    interviewer(note, 1).get_by_role("button", name="Remove interviewer 2").click()
    expect(note.get_by_role("group", name="Interviewer 2", exact=True)).to_have_count(0)
    # Saved once the view of the removal is shown.
    page.wait_for_function("key => !sessionStorage.getItem(key).includes('Patel')", arg=FACTS_KEY)
    note.get_by_role("button", name="Clear my data").click()
    checklist = open_tool(page, site, "rejection/", "rejection-checklist")
    expect(checklist.get_by_label("Contact's name")).to_have_value("")
    expect(checklist.get_by_label("Their e-mail (optional)")).to_have_value("")
    timeline = open_tool(page, site, "timing/", "follow-up-timeline")
    expect(timeline.get_by_label(CONTACT)).to_have_value("")
    stored = page.evaluate("() => JSON.stringify(Object.entries(sessionStorage))")
    assert "Rivera" not in stored and "Patel" not in stored and "kim@" not in stored


# ------------------------------------------------------- several interviews

GLOBEX = "Globex <img src=x onerror=alert(1)>"
ROLE_B = "\u05de\u05e0\u05d4\u05dc\u05ea \u05e4\u05e8\u05d5\u05d9\u05e7\u05d8\u05d9\u05dd \U0001f680\u2028Lead"
SECOND = INTERVIEW + datetime.timedelta(days=7)


def chooser(tool):
    return tool.get_by_label("Interview", exact=True)


def choices(tool) -> list[str]:
    return chooser(tool).locator("option").all_text_contents()


def shown_choice(tool) -> str:
    return chooser(tool).evaluate("el => el.selectedOptions[0].textContent")


def test_two_interviews_are_kept_apart_across_pages_and_a_reload(page, site):
    timeline = open_tool(page, site, "timing/", "follow-up-timeline")
    expect(chooser(timeline)).to_be_visible()
    assert choices(timeline) == ["Interview 1"]
    timeline.get_by_label("Your name").fill("Sam Lee")
    timeline.get_by_label("Company (optional, used in the calendar events)").fill("Acme Logistics")
    timeline.get_by_label("Role", exact=True).fill("Project Coordinator")
    timeline.get_by_label("Interview date", exact=True).fill(INTERVIEW.isoformat())
    timeline.get_by_label("Decision date they gave you (optional)").fill(DECISION.isoformat())
    # The date as the guide writes dates (extra.dates unset: day-month, as widgets/dates.py).
    label = f"Acme Logistics – Project Coordinator, {INTERVIEW.day} {INTERVIEW:%b} {INTERVIEW.year}"
    expect(chooser(timeline).locator("option")).to_have_text([label])

    timeline.get_by_role("button", name="Start another interview").click()
    # A fresh form for it; the reader's own name comes along.
    expect(timeline.get_by_label("Company (optional, used in the calendar events)")).to_have_value("")
    expect(timeline.get_by_label("Interview date", exact=True)).to_have_value("")
    expect(timeline.get_by_label("Decision date they gave you (optional)")).to_have_value("")
    expect(timeline.get_by_label("Your name")).to_have_value("Sam Lee")
    expect(timeline.locator('[data-role="interview-note"]')).to_contain_text("Started interview 2")
    expect(chooser(timeline).locator("option")).to_have_count(2)
    timeline.get_by_label("Company (optional, used in the calendar events)").fill(GLOBEX)
    timeline.get_by_label("Role", exact=True).fill(ROLE_B)
    timeline.get_by_label("Interview date", exact=True).fill(SECOND.isoformat())
    # Text, never markup: the label shows the company as typed, the line separator as a space.
    expect(chooser(timeline).locator("option").nth(1)).to_have_text(
        re.compile("^" + re.escape(f"{GLOBEX} – {ROLE_B.replace(chr(0x2028), ' ')}, "))
    )
    assert page.locator("img[src=x]").count() == 0

    # Another page of the guide shows the same interview; the note builder's own answers are its own.
    note = open_tool(page, site, "thank-you-notes/", "thank-you-note")
    assert shown_choice(note).startswith(GLOBEX)
    expect(note.get_by_label("Company")).to_have_value(GLOBEX)
    expect(note.get_by_label("Interview date")).to_have_value(SECOND.isoformat())
    interviewer(note, 0).get_by_label("Interviewer's name").fill("Dr. Maria Chen")
    # Back to the first: its facts, and nothing of the second's people.
    chooser(note).select_option(index=0)
    expect(note.get_by_label("Company")).to_have_value("Acme Logistics")
    expect(note.get_by_label("Interview date")).to_have_value(INTERVIEW.isoformat())
    expect(interviewer(note, 0).get_by_label("Interviewer's name")).to_have_value("")
    expect(note.locator('[data-role="interview-note"]')).to_contain_text("Now showing Acme Logistics")
    page.reload()
    wait_for_state(page, "thank-you-note", "ready")
    assert shown_choice(note).startswith("Acme Logistics")
    expect(note.get_by_label("Company")).to_have_value("Acme Logistics")
    chooser(note).select_option(index=1)
    expect(interviewer(note, 0).get_by_label("Interviewer's name")).to_have_value("Dr. Maria Chen")
    expect(note.get_by_label("Company")).to_have_value(GLOBEX)

    # The timeline follows: the second interview, its own decision date empty; the first's kept.
    timeline = open_tool(page, site, "timing/", "follow-up-timeline")
    expect(timeline.get_by_label("Company (optional, used in the calendar events)")).to_have_value(GLOBEX)
    expect(timeline.get_by_label("Your main contact's name (recruiter or hiring manager)")).to_have_value(
        "Dr. Maria Chen"
    )
    expect(timeline.get_by_label("Decision date they gave you (optional)")).to_have_value("")
    chooser(timeline).select_option(index=0)
    expect(timeline.get_by_label("Decision date they gave you (optional)")).to_have_value(DECISION.isoformat())
    expect(timeline.get_by_label("Your main contact's name (recruiter or hiring manager)")).to_have_value("")
    assert run_axe(page) == [], "two interviews"

    # "Clear my data": every interview, in every tool.
    checklist = open_tool(page, site, "rejection/", "rejection-checklist")
    expect(chooser(checklist).locator("option")).to_have_count(2)
    checklist.get_by_role("button", name="Clear my data").click()
    expect(chooser(checklist).locator("option")).to_have_text(["Interview 1"])
    expect(checklist.get_by_label("Company")).to_have_value("")
    for path, name in (("timing/", "follow-up-timeline"), ("thank-you-notes/", "thank-you-note")):
        tool = open_tool(page, site, path, name)
        expect(chooser(tool).locator("option")).to_have_text(["Interview 1"])
        expect(tool.get_by_label("Company", exact=False).first).to_have_value("")
    stored = page.evaluate("() => JSON.stringify(Object.entries(sessionStorage))")
    assert "Globex" not in stored and "Acme" not in stored and "Chen" not in stored and "~" not in stored


def test_a_remembered_interview_comes_back_in_a_new_tab_and_clears_everywhere(context, site):
    page = context.new_page()
    note = open_tool(page, site, "thank-you-notes/", "thank-you-note")
    note.get_by_label("Company").fill("Acme Logistics")
    note.get_by_role("button", name="Start another interview").click()
    expect(note.get_by_label("Company")).to_have_value("")
    note.get_by_label("Remember on this device").check()
    note.get_by_label("Company").fill("Initech")
    note.get_by_label("Role", exact=True).fill("Analyst")
    # Saved (the chooser's label follows what is saved).
    expect(chooser(note).locator("option").nth(1)).to_have_text("Initech – Analyst")
    assert run_axe(page) == [], "a new interview"

    # A new tab: the remembered interview is there to choose (the first was for that tab only).
    other = context.new_page()
    note2 = open_tool(other, site, "thank-you-notes/", "thank-you-note")
    expect(chooser(note2).locator("option")).to_have_count(2)
    expect(chooser(note2).locator("option").nth(1)).to_have_text("Initech – Analyst")
    chooser(note2).select_option(label="Initech – Analyst")
    expect(note2.get_by_label("Company")).to_have_value("Initech")
    expect(note2.get_by_label("Remember on this device")).to_be_checked()
    note2.get_by_role("button", name="Clear my data").click()
    expect(chooser(note2).locator("option")).to_have_count(1)
    local = other.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('follow-up-guide:'))")
    assert local == []
    # The first tab's own copy, next time it loads a page, has no second interview either.
    page.reload()
    wait_for_state(page, "thank-you-note", "ready")
    expect(chooser(note).locator("option")).to_have_count(1)
