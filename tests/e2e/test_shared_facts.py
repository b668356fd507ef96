"""One interview, three tools: facts typed once are offered in the guide's other
tools on this device, under the drafts' storage rules, and "Clear my data"
clears them everywhere."""

from __future__ import annotations

import datetime

from playwright.sync_api import expect

from tests.support.pages import MOUNT, wait_for_state, widget

INTERVIEW = datetime.date.today() + datetime.timedelta(days=3)
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
    checklist.get_by_role("button", name="Clear my data").click()
    expect(checklist.get_by_label("Your name")).to_have_value("")
    expect(checklist.locator('[data-role="storage-note"]')).to_contain_text("Cleared:")

    # Everywhere: the other tools' copies are gone too; what only they asked for stays.
    timeline = open_tool(page, site, "timing/", "follow-up-timeline")
    expect(timeline.get_by_label("Your name")).to_have_value("")
    expect(timeline.get_by_label("Company (optional, used in the calendar events)")).to_have_value("")
    expect(timeline.get_by_label("Interview date", exact=True)).to_have_value("")
    expect(timeline.get_by_label("Your main contact's name (recruiter or hiring manager)")).to_have_value("Ms. Rivera")
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
