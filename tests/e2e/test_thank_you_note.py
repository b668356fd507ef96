"""The thank-you-note builder in the built guide, in Chromium (issues 3 and 8):
fill by label, the live drafts and their checks, a panel's notes, editing a
draft (kept, rewritten, undone, reloaded), copy (and its fallbacks), the
mailto link and the .txt file carrying exactly the text shown, formats,
layout, accessibility and print."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from tests.support.pages import run_axe, wait_for_state, widget
from tests.support.static_server import StaticServer
from widgets.dates import long_date
from widgets.thank_you_note import FORMAT_LABELS, WIDGET

NAME = "thank-you-note"
OPTIONS = WIDGET.resolve_options({})

# Every field of the form, by its visible label.
LABELS = {
    "your_name": "Your name",
    "company": "Company",
    "role": "Role",
    "interview_date": "Interview date",
    "interview_time": "Interview time (optional)",
    "discussed": "Something specific you discussed",
    "strengths": "How it connects to your strengths",
    "fit": "Why you fit and want the role",
    "signature": "Your signature (optional)",
}
ROW_LABELS = {
    "name": "Interviewer's name",
    "title": "Their title",
    "email": "E-mail (optional)",
    "detail": "What they asked about or cared about",
    "clarify": "A point to clarify or add with them (optional)",
}
TYPE_LABELS = {"on-site": "On-site", "informational": "Informational", "video": "Video", "panel": "Panel"}
TONE_LABELS = {"formal": "Formal", "warm": "Warm"}

# A note the reader would be proud to send: every check passes once they tick.
FULL = {
    "your_name": "Sam Lee",
    "company": "Acme Logistics",
    "role": "Project Coordinator",
    "interview_date": "2025-03-04",
    "interview_time": "14:30",
    "interview_type": "on-site",
    "interviewers.0.name": "Dr. Ana Okafor",
    "interviewers.0.title": "Head of Operations",
    "interviewers.0.email": "ana.okafor@acme.example",
    "interviewers.0.detail": "how the team plans its quarter",
    "interviewers.0.clarify": "when you asked about budgets, I should have said that I managed a 40,000 dollar "
    "vendor budget",
    "discussed": "the backlog in customer onboarding and how you plan to clear it by June",
    "strengths": "at my last job I redesigned our intake process and cut wait times by a third",
    "fit": "I enjoy bringing order to busy queues, and your plan to grow into two new regions "
    "is exactly the kind of work I want to do next",
    "signature": "+1 555 0100\nlinkedin.com/in/samlee",
    "format": "email",
    "tone": "warm",
}

# Markup and script, right-to-left text, emoji, combining characters.
HOSTILE = '<img src=x onerror="window.__owned=1"><script>window.__owned=2</script> \u202eשלום 👩🏽‍💻 e\u0301'
HOSTILE_STATE = {
    "your_name": HOSTILE,
    "company": "<b>Acme</b> &amp; Co",
    "role": '"><svg onload="window.__owned=3">',
    "discussed": "A" * 10_000,  # a 10,000-character field
    "strengths": "\u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd, Zalgo\u0336\u0337 e\u0301\u0301 "
    "\U0001f600\U0001f44d\U0001f3fd",
    "interviewers.0.name": "{{ 7 * 7 }} ${alert(1)} %0D%0A &subject=x #frag",
    "interviewers.0.title": "</article><h1>Injected</h1>",
    "interviewers.0.clarify": "</textarea><script>window.__owned=4</script>",
    "signature": HOSTILE,
}


def open_builder(page, site):
    page.goto(site.url + "thank-you-notes/")
    wait_for_state(page, NAME, "ready")
    return widget(page, NAME)


def notes(root):
    return root.locator('[data-output-repeat="notes"] > [data-repeat-item]')


def row(root, index):
    return root.get_by_role("group", name=f"Interviewer {index + 1}", exact=True)


def note_checks(note):
    return note.get_by_role("list", name="Checks on this note").locator("li")


def panel_checks(root):
    return root.get_by_role("list", name="Checks on all the notes").locator("li")


def fill(root, state):
    """Fill the form by label, as a reader would."""
    for key, value in state.items():
        if key in LABELS:
            root.get_by_label(LABELS[key], exact=True).fill(value)
        elif key == "interview_type":
            root.get_by_label("Interview type", exact=True).select_option(label=TYPE_LABELS[value])
        elif key == "format":
            root.get_by_role("radio", name=FORMAT_LABELS[value], exact=True).check()
        elif key == "tone":
            root.get_by_role("radio", name=TONE_LABELS[value], exact=True).check()
        elif key.startswith("interviewers."):
            _, index, name = key.split(".")
            row(root, int(index)).get_by_label(ROW_LABELS[name], exact=True).fill(value)
        else:
            raise KeyError(key)


def add_interviewer(root, name, title=""):
    root.get_by_role("button", name="Add interviewer").click()
    index = root.locator('[data-repeat="interviewers"] > [data-repeat-row]').count() - 1
    fill(root, {f"interviewers.{index}.name": name, f"interviewers.{index}.title": title})
    expect(notes(root)).to_have_count(index + 1)
    expect(notes(root).nth(index).locator('[data-output="to"]').first).to_have_text(name)


def draft(note):
    """A note's editable text: the reader's final text."""
    return note.locator('textarea[data-output="body"]')


def shown(note) -> tuple[str, str]:
    """The subject and body exactly as the page shows them."""
    return note.locator('[data-output="subject"]').text_content(), draft(note).input_value()


def expected_notes(state):
    """What the Python side (CPython here) composes for the same form."""
    return [item["outputs"] for item in WIDGET.view(OPTIONS, state)["repeats"]["notes"]]


def wait_for_body(note, body):
    expect(draft(note)).to_have_value(body)


def decode_mailto(href: str) -> dict[str, str]:
    """The fields of a mailto: URL, percent-decoded as UTF-8 (RFC 6068: no '+' as space)."""
    parts = urlsplit(href)
    assert (parts.scheme, parts.fragment) == ("mailto", "")
    fields = {"to": unquote(parts.path, encoding="utf-8", errors="strict")} if parts.path else {}
    for pair in parts.query.split("&"):
        name, _, value = pair.partition("=")
        fields[name] = unquote(value, encoding="utf-8", errors="strict")
    return fields


def browser_today(page) -> dt.date:
    return dt.date.fromisoformat(
        page.evaluate(
            "() => { const d = new Date(); "
            "return new Date(d - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10); }"
        )
    )


# ------------------------------------------------------ inputs and preview


def test_every_field_filled_by_label_gives_the_note_python_composes(page, site):
    root = open_builder(page, site)
    fill(root, FULL)
    (expected,) = expected_notes(FULL)
    note = notes(root).first
    wait_for_body(note, expected["body"])
    assert shown(note) == (expected["subject"], expected["body"])
    expect(note.locator('[data-output="subject_label"]')).to_have_text("Subject:")
    expect(note.locator('[data-output="to"]').first).to_have_text("Dr. Ana Okafor")
    expect(note.locator('[data-output="recipient"]')).to_have_text("To: ana.okafor@acme.example")
    expect(note.locator('[data-output="count"]')).to_have_text(expected["count"])
    expect(note_checks(note)).to_have_text([c["text"] for c in expected["checks"]])
    assert [li.get_attribute("data-tone") for li in note_checks(note).all()] == [c["tone"] for c in expected["checks"]]
    # The draft is labelled with the recipient's name.
    expect(note.get_by_label("Your note to Dr. Ana Okafor (edit it here)", exact=True)).to_have_value(expected["body"])
    # Every field reached the note, each in its place, and it reads as written by a person.
    body = expected["body"]
    for words in [
        "Hi Ana,",
        "meeting with me on Tuesday 4 March to discuss the Project Coordinator role at Acme Logistics.",
        "I enjoyed your questions about how the team plans its quarter.",
        "the backlog in customer onboarding",
        "At my last job",
        "When you asked about budgets",
        "bringing order to busy queues",
        "Best wishes,\nSam Lee\n+1 555 0100\nlinkedin.com/in/samlee",
    ]:
        assert words in body
    assert "Head of Operations" not in body  # their own title is never told back to them
    assert {c["tone"] for c in expected["checks"]} == {"pass"}
    expect(root.locator('[data-output="send_by"]')).to_have_text("Send by Wednesday 5 March at 14:30.")
    # A note for an interview long past: late. For today's: what only the reader
    # can confirm is a tick, and then the all-clear.
    verdict = root.locator('[data-output="verdict"]')
    expect(verdict).to_have_text("Before you send: 1 to fix and 1 to do.")
    root.get_by_label("Interview date", exact=True).fill(browser_today(page).isoformat())
    expect(verdict).to_have_text("Before you send: 1 to do.")
    root.get_by_label("Names and titles checked", exact=True).check()
    expect(verdict).to_have_text("All clear: ready to send.")
    assert {li.get_attribute("data-tone") for li in panel_checks(root).all()} == {"pass"}


def test_the_preview_follows_each_keystroke(page, site):
    root = open_builder(page, site)
    note = notes(root).first
    body = draft(note)
    expect(body).to_have_value(re.compile(r"^Dear \[Interviewer's name\],"))
    name = row(root, 0).get_by_label("Interviewer's name", exact=True)
    name.press_sequentially("Ana")
    # Still in the field: the note follows typing, not leaving the field.
    expect(name).to_be_focused()
    expect(body).to_have_value(re.compile(r"^Dear Ana,"))
    expect(note.locator('[data-output="to"]').first).to_have_text("Ana")
    name.press_sequentially(" Okafor")
    expect(body).to_have_value(re.compile(r"^Dear Ana Okafor,"))
    name.fill("Dr. Ana Okafor")
    expect(body).to_have_value(re.compile(r"^Dear Dr\. Okafor,"))  # title + surname, never the full name
    role = root.get_by_label("Role", exact=True)
    role.press_sequentially("Analyst")
    expect(note.locator('[data-output="subject"]')).to_have_text("Thank you - Analyst interview")
    discussed = root.get_by_label("Something specific you discussed", exact=True)
    discussed.press_sequentially("The onboarding backlog.")
    expect(discussed).to_be_focused()
    expect(body).to_have_value(re.compile(r"I especially enjoyed discussing the onboarding backlog\.\s"))
    expect(note.locator('[data-output="count"]')).to_have_text(f"{len(shown(note)[1].split())} words (aim for 100-200)")


def test_nothing_warns_on_an_untouched_form(page, site):
    root = open_builder(page, site)
    items = root.locator('[data-output="checks"] li')
    expect(items.first).to_be_visible()
    assert items.count() >= 5
    assert root.locator('[data-output="checks"] li[data-tone="warn"]').count() == 0
    expect(root.locator('[data-output="verdict"]')).to_have_text(re.compile(r"^Before you send: \d+ to do\.$"))


def test_checks_react_as_the_reader_types(page, site):
    root = open_builder(page, site)
    note = notes(root).first
    checks = note_checks(note)

    def check(text):
        return checks.filter(has_text=text)

    fit = root.get_by_label("Why you fit and want the role", exact=True)
    fit.press_sequentially("I am a team player who loves logistics")
    expect(check("Swap cliches")).to_have_text("Swap cliches for something concrete: “team player”.")
    expect(check("Swap cliches")).to_have_attribute("data-tone", "warn")
    fit.fill("I have run logistics for three warehouses")
    expect(check("Swap cliches")).to_have_count(0)
    expect(check("No cliches.")).to_have_attribute("data-tone", "pass")

    clarify = row(root, 0).get_by_label(ROW_LABELS["clarify"], exact=True)
    clarify.press_sequentially("I can start in May!! :)")
    expect(check("Use one exclamation")).to_have_text(
        "Use one exclamation mark at most (this has 2) and take out the emoticons: “:)”."
    )
    clarify.fill("I can start in May.")
    expect(check("Tone: no more than one exclamation mark, no emoticons.")).to_have_attribute("data-tone", "pass")

    discussed = root.get_by_label("Something specific you discussed", exact=True)
    expect(check("Add what this interviewer asked about")).to_have_attribute("data-tone", "todo")
    discussed.press_sequentially("the role and the team")
    expect(check("This detail could fit any interview")).to_have_attribute("data-tone", "warn")
    discussed.fill("the backlog in customer onboarding")
    expect(check("Link what you discussed to one of your strengths")).to_have_attribute("data-tone", "todo")
    root.get_by_label("How it connects to your strengths", exact=True).fill("I cut intake wait times by a third.")
    expect(check("Specific: the note names something from your conversation.")).to_have_attribute("data-tone", "pass")

    row(root, 0).get_by_label("Interviewer's name", exact=True).fill("Ana Okafor")
    expect(check("Name:")).to_have_text("Name: spelled “Ana Okafor”, as in the form.")
    expect(check("Still to fill in")).to_contain_text("[Role]")
    expect(check("Still to fill in")).to_have_attribute("data-tone", "todo")
    names = panel_checks(root).filter(has_text="Check the spelling of Ana Okafor")
    expect(names).to_have_attribute("data-tone", "todo")
    root.get_by_label("Names and titles checked", exact=True).check()
    expect(panel_checks(root).filter(has_text="Names and titles checked.")).to_have_attribute("data-tone", "pass")

    # Prompt: from the interview's date; passed once the time to send is over.
    prompt = panel_checks(root).first
    expect(prompt).to_have_text("Add the interview's date: a note should go within 24 hours.")
    expect(prompt).to_have_attribute("data-tone", "todo")
    date = root.get_by_label("Interview date", exact=True)
    date.fill("2020-03-02")
    expect(prompt).to_have_text(
        "The time to send passed on Tuesday 3 March: send it today anyway, a late note beats none."
    )
    expect(prompt).to_have_attribute("data-tone", "warn")
    today = browser_today(page)
    date.fill(today.isoformat())
    tomorrow = long_date(today + dt.timedelta(days=1))
    expect(prompt).to_have_text(f"Prompt: send by {tomorrow} (24 hours after the interview).")
    expect(prompt).to_have_attribute("data-tone", "pass")
    root.get_by_label("Interview type", exact=True).select_option(label="Informational")
    expect(prompt).to_have_text(
        f"Prompt: send by {long_date(today + dt.timedelta(days=3))} (3-5 days after an informational interview)."
    )
    expect(root.locator('[data-output="send_by"]')).to_have_text(
        f"Send by {long_date(today + dt.timedelta(days=3))}; {long_date(today + dt.timedelta(days=5))} at the latest."
    )


# ------------------------------------------------------------------ panels

# The panel: a Junior Data Analyst, two interviewers, a clarification
# owed to one of them, a portfolio link promised to the other.
PANEL = {
    "your_name": "Sam Rivera",
    "company": "Northwind Health",
    "role": "Junior Data Analyst",
    "interview_date": "2026-11-17",
    "interview_type": "panel",
    "interviewers.0.name": "Dr. Maria Chen",
    "interviewers.0.title": "Analytics Manager",
    "interviewers.0.email": "maria.chen@northwind.example",
    "interviewers.0.detail": "how I would check a dashboard's numbers before it goes to the clinics",
    "interviewers.0.clarify": "when you asked about SQL window functions, I gave a short answer; "
    "I use them every week to build patient-cohort reports",
    "discussed": "The new loyalty programme launch and the data it will need",
    "strengths": "in my capstone I built the reporting for a student-run clinic's appointment data",
    "fit": "I want to grow as an analyst in healthcare, and your team's focus on trusted reporting is the work I want",
    "format": "email",
    "tone": "formal",
}
SECOND = {
    "interviewers.1.name": "James O'Connor",
    "interviewers.1.title": "Head of Data Engineering",
    "interviewers.1.email": "j.oconnor@northwind.example",
    "interviewers.1.detail": "the move of the reporting pipeline to dbt",
    "interviewers.1.clarify": "As promised, here is the link to my portfolio: https://samrivera.dev/portfolio",
}


def fill_panel(root):
    fill(root, PANEL)
    root.get_by_role("button", name="Add interviewer").click()
    second = row(root, 1)
    expect(second.get_by_label("Interviewer's name", exact=True)).to_be_focused()
    fill(root, SECOND)
    expect(notes(root)).to_have_count(2)


def test_a_realistic_panel_gets_two_notes_that_differ_in_substance(page, site):
    root = open_builder(page, site)
    fill_panel(root)
    chen, oconnor = notes(root).nth(0), notes(root).nth(1)
    expected = expected_notes(PANEL | SECOND)
    wait_for_body(chen, expected[0]["body"])
    wait_for_body(oconnor, expected[1]["body"])
    chen_text, oconnor_text = shown(chen)[1], shown(oconnor)[1]
    assert chen_text.startswith("Dear Dr. Chen,\n\n") and oconnor_text.startswith("Dear James O'Connor,\n\n")
    # The clarification goes to the person it is owed to; the link to the other.
    assert "SQL window functions" in chen_text and "SQL window functions" not in oconnor_text
    assert "portfolio" in oconnor_text and "portfolio" not in chen_text
    # Each e-mail goes to its interviewer.
    for note, address in ((chen, "maria.chen@northwind.example"), (oconnor, "j.oconnor@northwind.example")):
        href = note.get_by_role("link", name="Open in e-mail app").get_attribute("href")
        assert href.startswith(f"mailto:{address}?subject=")
        assert decode_mailto(href)["to"] == address
    own = panel_checks(root).filter(has_text="Each note says something of its own.")
    expect(own).to_have_attribute("data-tone", "pass")
    # The link promised in a note: a to-do to tick.
    expect(panel_checks(root).filter(has_text="A note mentions an attachment or a link")).to_have_count(1)

    # The same question for both, and no fit to share out: the panel warning names the shared sentences.
    row(root, 1).get_by_label(ROW_LABELS["detail"], exact=True).fill(PANEL["interviewers.0.detail"])
    root.get_by_label("Why you fit and want the role", exact=True).fill("")
    for index in range(2):
        row(root, index).get_by_label(ROW_LABELS["clarify"], exact=True).fill("")
    duplicate = panel_checks(root).filter(has_text="The notes to Dr. Maria Chen and James O'Connor share")
    expect(duplicate).to_have_attribute("data-tone", "warn")
    expect(duplicate).to_contain_text("“I also enjoyed discussing the new loyalty programme launch")
    expect(own).to_have_count(0)
    row(root, 1).get_by_label(ROW_LABELS["detail"], exact=True).fill("the move of the reporting pipeline to dbt")
    root.get_by_label("Why you fit and want the role", exact=True).fill(PANEL["fit"])
    expect(duplicate).to_have_count(0)
    expect(own).to_have_count(1)


def test_removing_an_interviewer_keeps_each_note_with_its_person(page, site):
    root = open_builder(page, site)
    fill_panel(root)
    # The reader edits James's note once it shows the whole form (a view still
    # on its way would land while Playwright selects, then types).
    wait_for_body(notes(root).nth(1), expected_notes(PANEL | SECOND)[1]["body"])
    mine = "Dear James,\n\nThank you for the tour of the data platform.\n\nKind regards,\nSam Rivera"
    draft(notes(root).nth(1)).fill(mine)
    row(root, 0).get_by_role("button", name="Remove interviewer 1").click()
    expect(notes(root)).to_have_count(1)
    expect(notes(root).first.locator('[data-output="to"]').first).to_have_text("James O'Connor")
    expect(draft(notes(root).first)).to_have_value(mine)  # his edited note stayed his
    only = row(root, 0).get_by_label("Interviewer's name", exact=True)
    expect(only).to_have_value("James O'Connor")
    expect(only).to_have_attribute("name", "interviewers.0.name")
    expect(only).to_be_focused()
    expect(draft(notes(root).first)).to_have_attribute("name", "notes.0.body")
    expect(root.get_by_role("button", name=re.compile("Remove interviewer"))).to_have_count(0)  # one row left


# ------------------------------------------------------- editing a draft


def test_an_edit_is_kept_rewritten_from_the_form_undone_and_reloaded(page, site):
    root = open_builder(page, site)
    fill_panel(root)
    chen = notes(root).first
    expected = expected_notes(PANEL | SECOND)
    wait_for_body(chen, expected[0]["body"])
    body = draft(chen)
    mine = expected[0]["body"].replace("I remain very interested", "I am still very interested")
    body.fill(mine)
    edited = chen.locator('[data-output="edited"]')
    expect(edited).to_have_text("You edited this note: changes to the form no longer change it.")
    # A later change to the form changes the other note, never the edited one.
    root.get_by_label("Company", exact=True).fill("Northwind Clinics")
    expect(draft(notes(root).nth(1))).to_have_value(re.compile("Northwind Clinics"))
    expect(body).to_have_value(mine)
    # The checks read the edited text.
    expect(note_checks(chen).filter(has_text="Interest:")).to_have_attribute("data-tone", "pass")

    # "Rewrite from the form": back to the form's text, with a way back.
    undo = chen.get_by_role("button", name="Undo the rewrite")
    expect(undo).to_be_hidden()
    chen.get_by_role("button", name="Rewrite from the form").click()
    rewritten = expected_notes(PANEL | SECOND | {"company": "Northwind Clinics"})[0]["body"]
    expect(body).to_have_value(rewritten)
    expect(edited).to_have_text("")
    expect(root.locator('[data-role="status"]')).to_contain_text("Rewritten from the form.")
    expect(undo).to_be_visible()
    undo.click()
    expect(body).to_have_value(mine)
    expect(body).to_be_focused()
    expect(undo).to_be_hidden()
    expect(edited).to_have_text("You edited this note: changes to the form no longer change it.")

    # Edits survive a reload, the second note's too (its item is added by the view).
    draft(notes(root).nth(1)).fill("Dear James,\n\nThank you.\n\nKind regards,\nSam Rivera")
    expect(notes(root).nth(1).locator('[data-output="edited"]')).not_to_be_empty()
    page.reload()
    wait_for_state(page, NAME, "ready")
    expect(notes(root)).to_have_count(2)
    expect(draft(notes(root).first)).to_have_value(mine)
    expect(draft(notes(root).nth(1))).to_have_value("Dear James,\n\nThank you.\n\nKind regards,\nSam Rivera")
    root.get_by_label("Role", exact=True).fill("Data Analyst")
    expect(notes(root).first.locator('[data-output="subject"]')).to_have_text("Thank you - Data Analyst interview")
    expect(draft(notes(root).first)).to_have_value(mine)


def test_copy_mailto_and_txt_carry_exactly_the_edited_text(context, site):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    page = context.new_page()
    root = open_builder(page, site)
    fill(root, FULL)
    note = notes(root).first
    wait_for_body(note, expected_notes(FULL)[0]["body"])
    mine = "Hi Ana,\n\nThank you – ünïcödé, <b>tags</b> & 100% “quotes”.\r\nA line.\n\nBest wishes,\nSam Lee\n"
    draft(note).fill(mine)
    shown_text = draft(note).input_value()  # the browser's own line breaks: what the reader sees
    # Straight after the keystroke: the file is the text shown, the last key included.
    with page.expect_download() as info:
        note.get_by_role("button", name="Download as .txt").click()
    with open(info.value.path(), "rb") as file:
        assert file.read().decode("utf-8") == f"Subject: {shown(note)[0]}\n\n{shown_text}"
    href = note.get_by_role("link", name="Open in e-mail app").get_attribute("href")
    assert decode_mailto(href) == {
        "to": "ana.okafor@acme.example",
        "subject": shown(note)[0],
        "body": shown_text.replace("\n", "\r\n"),
    }
    note.get_by_role("button", name="Copy the note").click()
    expect(root.locator('[data-role="status"]')).to_have_text("Copied to the clipboard.")
    assert page.evaluate("() => navigator.clipboard.readText()") == shown_text


def test_informational_and_linkedin_drafts(page, site):
    root = open_builder(page, site)
    fill(root, PANEL | {"interview_type": "informational"})
    note = notes(root).first
    (expected,) = expected_notes(PANEL | {"interview_type": "informational"})
    wait_for_body(note, expected["body"])
    body = shown(note)[1]
    assert "Thank you for taking the time to share your advice with me" in body
    assert "the role" not in body and "capstone" not in body  # no role, no strengths demanded
    expect(note.locator('[data-output="subject"]')).to_have_text("Thank you for your advice")
    expect(note.locator('[data-output="count"]')).to_have_text(re.compile(r"^[345] sentences \(aim for 3-5\)$"))
    expect(note_checks(note).filter(has_text="strength")).to_have_count(0)

    fill(root, {"interview_type": "panel", "format": "linkedin"})
    fill_second = SECOND | {
        "interviewers.1.detail": "the move of the reporting pipeline to dbt, and the tests it needs before the "
        "clinics can trust the new weekly figures"
    }
    root.get_by_role("button", name="Add interviewer").click()
    fill(root, fill_second)
    expect(notes(root)).to_have_count(2)
    for index in range(2):
        n = notes(root).nth(index)
        expected = expected_notes(PANEL | fill_second | {"format": "linkedin"})[index]
        wait_for_body(n, expected["body"])
        text = shown(n)[1]
        assert len(text) <= 300
        expect(n.locator('[data-output="count"]')).to_have_text(f"{len(text)} of 300 characters")
        expect(n.locator('[data-output="subject"]')).to_have_text("")
        expect(note_checks(n).filter(has_text="Length:")).to_have_attribute("data-tone", "pass")
    second = shown(notes(root).nth(1))[1]
    assert "the move of the reporting pipeline to dbt." in second  # condensed, not cut mid-word
    assert "weekly figures" not in second


# -------------------------------------------------------------------- copy


def test_copy_puts_the_note_and_the_subject_on_the_clipboard(context, site):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    page = context.new_page()
    root = open_builder(page, site)
    fill(root, {"interviewers.0.name": "Ana Okafor", "role": "Analyst", "discussed": "the onboarding backlog"})
    add_interviewer(root, "Ben Ode", "Operations Analyst")
    status = root.locator('[data-role="status"]')

    # The second note's button copies the second note, exactly.
    subject, body = shown(notes(root).nth(1))
    assert body.startswith("Dear Ben Ode,")
    notes(root).nth(1).get_by_role("button", name="Copy the note").click()
    expect(status).to_have_text("Copied to the clipboard.")
    assert page.evaluate("() => navigator.clipboard.readText()") == body

    status.evaluate("(el) => { el.textContent = ''; }")  # to see the second copy land
    notes(root).nth(0).get_by_role("button", name="Copy the subject").click()
    expect(status).to_have_text("Copied to the clipboard.")
    assert page.evaluate("() => navigator.clipboard.readText()") == subject == "Thank you - Analyst interview"


COPY_LOG = """
window.__copyLog = [];
const exec = Document.prototype.execCommand;
Document.prototype.execCommand = function (...args) {
  const result = exec.apply(this, args);
  window.__copyLog.push([args[0], result]);
  return result;
};
"""


def test_copy_falls_back_in_a_cross_origin_frame(context, site, tmp_path):
    """Framed by another site without clipboard permission (a career center's
    portal, say), the Clipboard API is blocked: the older copy command works."""
    (tmp_path / "portal.html").write_text(
        f'<!doctype html><html lang="en"><title>Portal</title>'
        f'<iframe title="Guide" src="{site.url}thank-you-notes/" width="1000" height="800"></iframe></html>',
        encoding="utf-8",
    )
    with StaticServer(tmp_path, "/portal/") as portal:
        assert portal.origin != site.origin
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=portal.origin)
        context.add_init_script(COPY_LOG)
        page = context.new_page()
        page.goto(portal.url + "portal.html")
        frame = page.wait_for_selector("iframe").content_frame()
        wait_for_state(frame, NAME, "ready")
        root = widget(frame, NAME)
        blocked = frame.evaluate("() => navigator.clipboard.writeText('x').then(() => 'written', (e) => e.name)")
        assert blocked == "NotAllowedError"

        fill(root, {"interviewers.0.name": "Ana Okafor", "discussed": "the onboarding backlog"})
        note = notes(root).first
        expect(draft(note)).to_have_value(re.compile("^Dear Ana Okafor,"))
        note.get_by_role("button", name="Copy the note").click()
        expect(root.locator('[data-role="status"]')).to_have_text("Copied to the clipboard.")
        assert frame.evaluate("() => window.__copyLog") == [["copy", True]]
        assert page.evaluate("() => navigator.clipboard.readText()") == shown(note)[1]


def test_when_nothing_may_copy_the_text_is_selected_and_the_reader_told(context, site):
    context.add_init_script(
        COPY_LOG
        + """
        navigator.clipboard.writeText = () => Promise.reject(new DOMException("Blocked", "NotAllowedError"));
        Document.prototype.execCommand = function (...args) { window.__copyLog.push([args[0], false]); return false; };
        """
    )
    page = context.new_page()
    root = open_builder(page, site)
    fill(root, {"interviewers.0.name": "Ana Okafor"})
    add_interviewer(root, "Ben Ode")
    note = notes(root).nth(1)
    note.get_by_role("button", name="Copy the note").click()
    expect(root.locator('[data-role="status"]')).to_have_text(
        "Copying was blocked: the text is selected, press Ctrl+C (or Cmd+C) to copy it."
    )
    assert page.evaluate("() => window.__copyLog") == [["copy", False]]
    # The whole draft is selected in its text area, ready for the keyboard.
    expect(draft(note)).to_be_focused()
    selected = draft(note).evaluate("(el) => el.value.slice(el.selectionStart, el.selectionEnd)")
    assert selected == shown(note)[1]


def test_a_reader_in_the_draft_keeps_the_caret_when_a_late_view_rewrites_it(page, site):
    root = open_builder(page, site)
    fill(root, {"interviewers.0.name": "Ana Okafor", "discussed": "the onboarding backlog"})
    text = draft(notes(root).first)
    expect(text).to_have_value(re.compile("the onboarding backlog"))
    discussed = root.get_by_label(LABELS["discussed"], exact=True)

    def late_view(words):
        """A change to the form whose view lands while the reader is in the draft
        (typing outpaced Python, then a click into the note): the focus stays."""
        before = text.input_value()
        discussed.evaluate(
            "(el, words) => { el.value = words; el.dispatchEvent(new Event('input', {bubbles: true})); }", words
        )
        # The view itself, waited for: a short word ("it") is in the old text too.
        expect(text).not_to_have_value(before)
        expect(text).to_have_value(re.compile(re.escape(words)))
        expect(text).to_be_focused()
        return text.evaluate("(el) => [el.selectionStart, el.selectionEnd, el.selectionDirection]")

    text.focus()
    text.evaluate("(el) => el.setSelectionRange(5, 8, 'backward')")
    assert late_view("the migration plan") == [5, 8, "backward"]
    # The whole text selected (as the copy fallback does it) stays the whole text.
    text.evaluate("(el) => el.select()")
    start, end, _ = late_view("the quarterly roadmap for the data platform team")
    assert (start, end) == (0, len(text.input_value()))
    # A caret past the end of a shorter text lands at its end.
    text.evaluate("(el) => el.setSelectionRange(el.value.length, el.value.length)")
    start, end, _ = late_view("it")
    assert start == end == len(text.input_value())


# ----------------------------------------------------- mailto and download


def test_the_mailto_link_carries_exactly_the_note_shown(page, site):
    root = open_builder(page, site)
    fill(root, HOSTILE_STATE)
    second = "José Núñez \u200fשלום"
    add_interviewer(root, second, "Directora")
    expected = expected_notes(HOSTILE_STATE | {"interviewers.1.name": second, "interviewers.1.title": "Directora"})
    for index in range(2):
        note = notes(root).nth(index)
        wait_for_body(note, expected[index]["body"])
        subject, body = shown(note)
        href = note.get_by_role("link", name="Open in e-mail app").get_attribute("href")
        # RFC 6068: UTF-8, percent-encoded, line breaks as %0D%0A.
        assert href.isascii() and not re.search(r"[\s<>\"']", href)
        assert "%0D%0A" in href and not re.search(r"(?<!%0D)%0A|%0D(?!%0A)", href)
        assert decode_mailto(href) == {"subject": subject, "body": body.replace("\n", "\r\n")}  # no valid To:
        assert subject == expected[index]["subject"] and HOSTILE in body

    # A card has no subject: the link has none either.
    root.get_by_role("radio", name=FORMAT_LABELS["card"]).check()
    note = notes(root).first
    expect(note.locator('[data-output="subject"]')).to_have_text("")
    expect(note.get_by_role("link", name="Open in e-mail app")).not_to_have_attribute("href", re.compile("subject="))
    href = note.get_by_role("link", name="Open in e-mail app").get_attribute("href")
    assert decode_mailto(href) == {"body": shown(note)[1].replace("\n", "\r\n")}
    # An interviewer's address becomes the To:, exactly as RFC 6068 writes it.
    row(root, 0).get_by_label(ROW_LABELS["email"], exact=True).fill("ana+notes@acme.example")
    expect(note.get_by_role("link", name="Open in e-mail app")).to_have_attribute(
        "href", re.compile(r"^mailto:ana%2Bnotes@acme\.example\?body=")
    )
    assert decode_mailto(note.get_by_role("link", name="Open in e-mail app").get_attribute("href"))["to"] == (
        "ana+notes@acme.example"
    )
    row(root, 0).get_by_label(ROW_LABELS["email"], exact=True).fill("ana at acme")
    expect(row(root, 0).locator('[data-error-for="interviewers.0.email"]')).to_have_text(
        "Write one address, like name@example.com."
    )
    expect(row(root, 0).get_by_label(ROW_LABELS["email"], exact=True)).to_have_attribute("aria-invalid", "true")


def test_the_txt_download_carries_exactly_the_note_shown(page, site):
    root = open_builder(page, site)
    fill(root, HOSTILE_STATE)
    add_interviewer(root, "José Núñez", "Directora")
    expected = expected_notes(
        HOSTILE_STATE | {"interviewers.1.name": "José Núñez", "interviewers.1.title": "Directora"}
    )
    files = [(0, "thank-you-note-1-7-7-alert-1-0d-0a-subject-x-frag.txt"), (1, "thank-you-note-2-jose-nunez.txt")]
    for index, filename in files:
        note = notes(root).nth(index)
        wait_for_body(note, expected[index]["body"])
        subject, body = shown(note)
        with page.expect_download() as info:
            note.get_by_role("button", name="Download as .txt").click()
        download = info.value
        assert download.suggested_filename == filename
        with open(download.path(), "rb") as file:
            assert file.read().decode("utf-8") == f"Subject: {subject}\n\n{body}\n"
        assert "A" * 10_000 in body and HOSTILE in body


def test_hostile_input_is_shown_literally_and_never_becomes_markup(context, page, site):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    root = open_builder(page, site)
    fill(root, HOSTILE_STATE)
    add_interviewer(root, "</span><img src=x onerror=alert(2)>", "<b>Lead</b>")
    expected = expected_notes(
        HOSTILE_STATE
        | {"interviewers.1.name": "</span><img src=x onerror=alert(2)>", "interviewers.1.title": "<b>Lead</b>"}
    )
    for index in range(2):
        wait_for_body(notes(root).nth(index), expected[index]["body"])
    first, second = notes(root).nth(0), notes(root).nth(1)
    assert shown(first)[1].endswith(f"\n{HOSTILE}")  # the name (the signature repeating it is written once)
    assert "A" * 10_000 in shown(first)[1]
    assert "</textarea><script>window.__owned=4</script>" in shown(first)[1]
    expect(first.locator('[data-output="to"]').first).to_have_text(HOSTILE_STATE["interviewers.0.name"])
    expect(second.locator('[data-output="to"]').first).to_have_text("</span><img src=x onerror=alert(2)>")
    expect(root.locator('[data-output="checks"] li', has_text="</span><img src=x onerror=alert(2)>")).not_to_have_count(
        0
    )

    # Every output holds text only; checks hold <li> of text only.
    markup = root.evaluate(
        """(root) => [...root.querySelectorAll("[data-output]:not(textarea)")].flatMap((el) =>
             el.dataset.output === "checks"
               ? [...el.children].flatMap((li) => (li.tagName === "LI" ? [...li.children] : [li]))
               : [...el.children]
           ).map((el) => el.outerHTML)"""
    )
    assert markup == []
    assert root.locator("img, script, svg, b, h1, [onerror], [onload]").count() == 0
    assert page.evaluate("() => window.__owned") is None
    assert dialogs == []
    assert context.recorder.console_errors == []

    # Empty everything: the note falls back to its placeholders.
    root.get_by_role("button", name="Clear my data").click()
    expect(notes(root)).to_have_count(1)
    (empty,) = expected_notes(dict(WIDGET.initial_state))
    wait_for_body(notes(root).first, empty["body"])


# -------------------------------------------------------------- the draft


def test_a_reload_keeps_the_draft_and_both_interviewers(page, site):
    root = open_builder(page, site)
    fill(
        root,
        {
            "your_name": "Sam Lee",
            "interviewers.0.name": "Ana Okafor",
            "discussed": "the onboarding backlog",
            "format": "card",
            "tone": "warm",
        },
    )
    add_interviewer(root, "Ben Ode", "Operations Analyst")
    row(root, 1).get_by_label(ROW_LABELS["detail"], exact=True).fill("the tools the analysts use")
    expect(draft(notes(root).nth(1))).to_have_value(re.compile("the tools the analysts use"))
    before = [shown(notes(root).nth(i)) for i in range(2)]

    page.reload()
    wait_for_state(page, NAME, "ready")
    expect(notes(root)).to_have_count(2)
    expect(row(root, 1).get_by_label("Interviewer's name", exact=True)).to_have_value("Ben Ode")
    expect(row(root, 1).get_by_label("Their title", exact=True)).to_have_value("Operations Analyst")
    expect(row(root, 1).get_by_label(ROW_LABELS["detail"], exact=True)).to_have_value("the tools the analysts use")
    expect(row(root, 0).get_by_label("Interviewer's name", exact=True)).to_have_value("Ana Okafor")
    expect(root.get_by_role("radio", name=FORMAT_LABELS["card"])).to_be_checked()
    expect(root.get_by_role("radio", name="Warm")).to_be_checked()
    expect(root.get_by_role("button", name="Remove interviewer 2")).to_be_visible()
    for i in range(2):
        wait_for_body(notes(root).nth(i), before[i][1])
    assert [shown(notes(root).nth(i)) for i in range(2)] == before

    # "Clear my data" removes it: one empty row, nothing kept.
    root.get_by_role("button", name="Clear my data").click()
    expect(notes(root)).to_have_count(1)
    expect(row(root, 1)).to_have_count(0)
    expect(row(root, 0).get_by_label("Interviewer's name", exact=True)).to_have_value("")
    keys = page.evaluate("() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    assert [k for k in keys if k.startswith("follow-up-guide:")] == []
    page.reload()
    wait_for_state(page, NAME, "ready")
    expect(notes(root)).to_have_count(1)
    expect(root.get_by_label("Your name", exact=True)).to_have_value("")


# ----------------------------------------------------------------- formats


def test_the_format_sets_the_subject_and_the_linkedin_count(page, site):
    root = open_builder(page, site)
    fill(root, {"interviewers.0.name": "Ana Okafor", "role": "Analyst", "company": "Acme", "your_name": "Sam Lee"})
    note = notes(root).first
    subject, label, count = (note.locator(f'[data-output="{n}"]') for n in ("subject", "subject_label", "count"))
    expect(subject).to_have_text("Thank you - Analyst interview")
    expect(label).to_have_text("Subject:")
    expect(count).to_have_text(re.compile(r"^\d+ words \(aim for 100-200\)$"))

    root.get_by_role("radio", name=FORMAT_LABELS["card"]).check()
    expect(subject).to_have_text("")
    expect(label).to_have_text("")
    expect(count).to_have_text(re.compile(r"^\d sentences \(aim for 3-5\)$"))
    expect(draft(note)).to_have_value(re.compile("^Dear Ana Okafor,"))

    root.get_by_role("radio", name=FORMAT_LABELS["linkedin"]).check()
    root.get_by_role("radio", name="Warm").check()
    expect(draft(note)).to_have_value(re.compile("^Hi Ana,"))
    expect(subject).to_have_text("")
    expect(label).to_have_text("")

    def count_matches_body():
        body = shown(note)[1]
        expect(count).to_have_text(f"{len(body)} of 300 characters")
        return len(body)

    count_matches_body()
    detail = row(root, 0).get_by_label(ROW_LABELS["detail"], exact=True)
    detail.press_sequentially("the onboarding backlog")
    expect(draft(note)).to_have_value(re.compile("I enjoyed your questions about the onboarding backlog\\."))
    longer = count_matches_body()
    expect(note_checks(note).filter(has_text="Length:")).to_have_text(f"Length: {longer} of 300 characters.")
    # Longer details are condensed to fit, never cut mid-word.
    detail.fill("the onboarding backlog, " + "and the reporting pipeline " * 6)
    expect(draft(note)).to_have_value(re.compile("I enjoyed your questions about the onboarding backlog\\."))
    assert count_matches_body() <= 300
    # An edit past the limit: the check says how much to trim.
    draft(note).fill("Hi Ana,\n\n" + "Thank you. " * 30 + "\n\nBest,\nSam Lee")
    over = count_matches_body() - 300
    expect(note_checks(note).filter(has_text="Trim")).to_have_attribute("data-tone", "warn")
    expect(note_checks(note).filter(has_text="Trim")).to_have_text(
        f"Trim {over} characters: a LinkedIn note has room for 300."
    )
    note.get_by_role("button", name="Rewrite from the form").click()

    root.get_by_role("radio", name=FORMAT_LABELS["email"]).check()
    expect(subject).to_have_text("Thank you for the Analyst interview")
    expect(count).to_have_text(re.compile(r"^\d+ words \(aim for 100-200\)$"))
    expect(label).to_have_text("Subject:")


# ---------------------------------------------- layout, accessibility and print


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_every_state(browser, site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    root = open_builder(page, site)
    assert run_axe(page) == [], "untouched"
    fill(root, FULL)
    fill(root, {"interviewers.0.clarify": "I can start in May!!", "fit": "I am a team player"})  # warnings shown
    add_interviewer(root, "Ben Ode", "Operations Analyst")
    expect(notes(root)).to_have_count(2)
    # The panel's notes share the reader's points out: the fit, and its cliche, go to the second.
    expect(note_checks(notes(root).nth(1)).filter(has_text="Swap cliches")).to_have_count(1)
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == (
        "slate" if scheme == "dark" else "default"
    )
    assert run_axe(page) == [], "warnings"
    # An edited draft, rewritten, with its undo button shown.
    draft(notes(root).first).fill("Hi Ana,\n\nThank you.\n\nBest wishes,\nSam Lee")
    expect(notes(root).first.locator('[data-output="edited"]')).not_to_be_empty()
    assert run_axe(page) == [], "edited"
    notes(root).first.get_by_role("button", name="Rewrite from the form").click()
    expect(notes(root).first.get_by_role("button", name="Undo the rewrite")).to_be_visible()
    assert run_axe(page) == [], "rewritten"
    # The all-clear, and a bad address.
    fill(root, {"interviewers.0.clarify": "", "fit": FULL["fit"], "interview_date": browser_today(page).isoformat()})
    root.get_by_role("button", name="Remove interviewer 2").click()
    root.get_by_label("Names and titles checked", exact=True).check()
    expect(root.locator('[data-output="verdict"]')).to_have_text("All clear: ready to send.")
    row(root, 0).get_by_label(ROW_LABELS["email"], exact=True).fill("not an address")
    expect(row(root, 0).locator('[data-error-for="interviewers.0.email"]')).not_to_be_empty()
    assert run_axe(page) == [], "all clear, bad address"
    context.close()


def test_wide_screens_keep_the_draft_beside_the_form_and_in_view(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    root = open_builder(page, site)
    form, preview = root.locator(".fug-widget__form").first, root.locator(".fug-widget__preview").first
    fields, note = form.bounding_box(), preview.bounding_box()
    assert note["x"] >= fields["x"] + fields["width"]  # beside, not below
    # Typing in the last field of the form: the draft is still on screen.
    signature = root.get_by_label("Your signature (optional)", exact=True)
    signature.scroll_into_view_if_needed()
    signature.press_sequentially("+1 555 0100")
    body = draft(notes(root).first)
    expect(body).to_have_value(re.compile(r"\+1 555 0100"))
    expect(body).to_be_in_viewport()
    context.close()

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    root = open_builder(page, site)
    fields = root.locator(".fug-widget__form").first.bounding_box()
    note = root.locator(".fug-widget__preview").first.bounding_box()
    assert note["y"] >= fields["y"] + fields["height"] - 1  # one column: the draft under the form
    assert note["width"] <= 390
    context.close()


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))


def test_printing_the_notes_prints_one_page_per_note_and_nothing_else(context, site):
    context.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page = context.new_page()
    root = open_builder(page, site)
    fill_panel(root)
    draft(notes(root).nth(1)).fill("Dear James,\n\n" + "Thank you for the tour of the data platform. " * 3 + "\n\nSam")
    page.emulate_media(media="print")
    whole_page = pdf_pages(page.pdf())  # the browser's own print: the article and the notes
    page.emulate_media(media="screen")
    root.get_by_role("button", name="Print the notes").click()
    assert page.evaluate("() => window.__printed") == 1

    page.emulate_media(media="print")
    for hidden in [
        root.get_by_label("Your name", exact=True),
        root.locator(".fug-widget__form").first,
        page.get_by_role("heading", name="Why send one"),  # the article
        root.locator('[data-output="checks"]').first,
        root.locator('[data-role="storage"]'),
    ]:
        expect(hidden).to_be_hidden()
    assert [b.text_content() for b in root.locator("button, a.fug-widget__button").all() if b.is_visible()] == []
    # Each note prints its whole text (a copy: a text area would clip it).
    for index, start in enumerate(["Dear Dr. Chen,", "Dear James,"]):
        note = notes(root).nth(index)
        copy = note.locator(".fug-widget__print-copy")
        expect(copy).to_be_visible()
        expect(copy).to_have_text(shown(note)[1], use_inner_text=True)
        assert copy.inner_text().startswith(start)
        expect(draft(note)).to_be_hidden()
    assert pdf_pages(page.pdf()) == 2 < whole_page  # one page per note
