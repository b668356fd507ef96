"""One interview, three tools: facts typed once are offered in the guide's other
tools on this device, under the drafts' storage rules, and "Clear my data"
clears them everywhere."""

from __future__ import annotations

import datetime
import re

from playwright.sync_api import expect

from tests.support.pages import MOUNT, wait_for_state, widget

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
    expect(note.locator('[data-output="to"]').first).to_have_text(HOSTILE)
    assert note.locator("b").count() == 0

    # A removed interviewer is no longer offered; "Clear my data" forgets everyone.
    interviewer(note, 1).get_by_role("button", name="Remove interviewer 2").click()
    expect(note.get_by_role("group", name="Interviewer 2", exact=True)).to_have_count(0)
    assert "Patel" not in page.evaluate("key => sessionStorage.getItem(key)", FACTS_KEY)
    note.get_by_role("button", name="Clear my data").click()
    checklist = open_tool(page, site, "rejection/", "rejection-checklist")
    expect(checklist.get_by_label("Contact's name")).to_have_value("")
    expect(checklist.get_by_label("Their e-mail (optional)")).to_have_value("")
    timeline = open_tool(page, site, "timing/", "follow-up-timeline")
    expect(timeline.get_by_label(CONTACT)).to_have_value("")
    stored = page.evaluate("() => JSON.stringify(Object.entries(sessionStorage))")
    assert "Rivera" not in stored and "Patel" not in stored and "kim@" not in stored
