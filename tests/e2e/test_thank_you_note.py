"""The thank-you-note builder in the built guide, in Chromium (issue 3): fill
by label, the live preview and checks, a panel's notes, copy (and its
fallbacks), the mailto link, the .txt file, drafts, formats, accessibility
and print."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from tests.support.pages import run_axe, wait_for_state, widget
from tests.support.static_server import StaticServer
from widgets.thank_you_note import FORMAT_LABELS, WIDGET
from widgets.thank_you_note.timing import day_words

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
    "clarify": "A point to clarify or add (optional)",
    "materials": "Materials you promised to send (optional)",
}
ROW_LABELS = {
    "name": "Interviewer's name",
    "title": "Their title",
    "detail": "What they asked about or cared about most (optional)",
}
TYPE_LABELS = {"on-site": "On-site", "informational": "Informational", "video": "Video"}
TONE_LABELS = {"formal": "Formal", "warm": "Warm"}

# A note the reader would be proud to send: every check but the reminders passes.
FULL = {
    "your_name": "Sam Lee",
    "company": "Acme Logistics",
    "role": "Project Coordinator",
    "interview_date": "2025-03-04",
    "interview_time": "14:30",
    "interview_type": "on-site",
    "interviewers.0.name": "Dr. Ana Okafor",
    "interviewers.0.title": "Head of Operations",
    "interviewers.0.detail": "how the team plans its quarter",
    "discussed": "the backlog in customer onboarding and how you plan to clear it by June",
    "strengths": "at my last job I redesigned our intake process and cut wait times by a third",
    "fit": "I enjoy bringing order to busy queues, and your plan to grow into two new regions "
    "is exactly the kind of work I want to do next",
    "clarify": "when you asked about budgets, I should have said that I managed a 40,000 dollar vendor budget",
    "materials": "the sample project plan I mentioned",
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
    expect(notes(root).nth(index).locator('[data-output="to"]')).to_have_text(name)


def shown(note) -> tuple[str, str]:
    """The subject and body exactly as the page shows them."""
    return note.locator('[data-output="subject"]').text_content(), note.locator('[data-output="body"]').text_content()


def expected_notes(state):
    """What the Python side (CPython here) composes for the same form."""
    return [item["outputs"] for item in WIDGET.view(OPTIONS, state)["repeats"]["notes"]]


def wait_for_body(note, body):
    # to_have_text folds white space: wait with it, then compare exactly.
    expect(note.locator('[data-output="body"]')).to_have_text(body)
    assert shown(note)[1] == body


def decode_mailto(href: str) -> dict[str, str]:
    """The fields of a mailto: URL, percent-decoded as UTF-8 (RFC 6068: no '+' as space)."""
    parts = urlsplit(href)
    assert (parts.scheme, parts.path, parts.fragment) == ("mailto", "", "")
    fields = {}
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
    expect(note.locator('[data-output="to"]')).to_have_text("Dr. Ana Okafor")
    expect(note.locator('[data-output="count"]')).to_have_text(expected["count"])
    expect(note_checks(note)).to_have_text([c["text"] for c in expected["checks"]])
    assert [li.get_attribute("data-tone") for li in note_checks(note).all()] == [c["tone"] for c in expected["checks"]]
    # Every field reached the note.
    body = expected["body"]
    for words in [
        "Hi Dr. Okafor,",
        "meet with me about the Project Coordinator role at Acme Logistics on Tuesday, March 4.",
        "the backlog in customer onboarding",
        "At my last job",
        "as Head of Operations on how the team plans",
        "bringing order to busy queues",
        "When you asked about budgets",
        "the sample project plan",
        "Sam Lee",
    ]:
        assert words in body
    # Warm tone, and the reader is proud of it: only the reminders remain.
    assert [c["tone"] for c in expected["checks"]] == ["pass"] * 7 + ["warn", "warn"]
    expect(root.locator('[data-output="send_by"]')).to_have_text("Send by Wednesday, March 5 at 2:30 PM.")


def test_the_preview_follows_each_keystroke(page, site):
    root = open_builder(page, site)
    note = notes(root).first
    body = note.locator('[data-output="body"]')
    expect(body).to_contain_text("Dear [Interviewer's name],")
    name = row(root, 0).get_by_label("Interviewer's name", exact=True)
    name.press_sequentially("Ana")
    # Still in the field: the note follows typing, not leaving the field.
    expect(name).to_be_focused()
    expect(body).to_contain_text("Dear Ana,")
    expect(note.locator('[data-output="to"]')).to_have_text("Ana")
    name.press_sequentially(" Okafor")
    expect(body).to_contain_text("Dear Ana Okafor,")
    role = root.get_by_label("Role", exact=True)
    role.press_sequentially("Analyst")
    expect(note.locator('[data-output="subject"]')).to_have_text("Thank you - Analyst interview")
    discussed = root.get_by_label("Something specific you discussed", exact=True)
    discussed.press_sequentially("the onboarding backlog")
    expect(discussed).to_be_focused()
    expect(body).to_contain_text("I especially enjoyed discussing the onboarding backlog.")
    expect(note.locator('[data-output="count"]')).to_have_text(f"{len(shown(note)[1].split())} words (aim for 100-200)")


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

    clarify = root.get_by_label("A point to clarify or add (optional)", exact=True)
    clarify.press_sequentially("I can start in May!! :)")
    expect(check("Use one exclamation")).to_have_text(
        "Use one exclamation mark at most (this note has 2) and take out the emoticons: “:)”."
    )
    clarify.fill("I can start in May.")
    expect(check("Tone: no more than one exclamation mark, no emoticons.")).to_have_attribute("data-tone", "pass")

    discussed = root.get_by_label("Something specific you discussed", exact=True)
    discussed.press_sequentially("the role and the team")
    expect(check("This detail could fit any interview")).to_have_attribute("data-tone", "warn")
    discussed.fill("the backlog in customer onboarding")
    expect(check("Link what you discussed to one of your strengths")).to_have_attribute("data-tone", "warn")
    root.get_by_label("How it connects to your strengths", exact=True).fill("I cut intake wait times by a third.")
    expect(check("Specific: the note names something from your conversation.")).to_have_attribute("data-tone", "pass")

    row(root, 0).get_by_label("Interviewer's name", exact=True).fill("Ana Okafor")
    expect(check("Check the spelling")).to_have_text("Check the spelling: “Ana Okafor”.")
    expect(check("Fill in what is still in brackets")).to_contain_text("[Role]")

    # Prompt: from the interview's date; passed once the time to send is over.
    prompt = panel_checks(root).first
    expect(prompt).to_have_text("Add the interview's date: a note should go within 24 hours.")
    date = root.get_by_label("Interview date", exact=True)
    date.fill("2020-03-02")
    expect(prompt).to_have_text(
        "The time to send passed on Tuesday, March 3: send it today anyway, a late note beats none."
    )
    expect(prompt).to_have_attribute("data-tone", "warn")
    today = browser_today(page)
    date.fill(today.isoformat())
    tomorrow = day_words(today + dt.timedelta(days=1))
    expect(prompt).to_have_text(f"Prompt: send by {tomorrow} (24 hours after the interview).")
    expect(prompt).to_have_attribute("data-tone", "pass")
    root.get_by_label("Interview type", exact=True).select_option(label="Informational")
    expect(prompt).to_have_text(
        f"Prompt: send by {day_words(today + dt.timedelta(days=3))} (3-5 days after an informational interview)."
    )
    expect(root.locator('[data-output="send_by"]')).to_have_text(
        f"Send by {day_words(today + dt.timedelta(days=3))}; {day_words(today + dt.timedelta(days=5))} at the latest."
    )


# ------------------------------------------------------------------ panels


def test_a_panel_of_two_gets_two_notes_and_the_duplicate_warning(page, site):
    root = open_builder(page, site)
    fill(root, {"interviewers.0.name": "Ana Okafor", "interviewers.0.title": "Head of Operations", "role": "Analyst"})
    root.get_by_role("button", name="Add interviewer").click()
    second = row(root, 1)
    expect(second.get_by_label("Interviewer's name", exact=True)).to_be_focused()
    second.get_by_label("Interviewer's name", exact=True).fill("Ben Ode")
    second.get_by_label("Their title", exact=True).fill("Operations Analyst")

    expect(notes(root)).to_have_count(2)
    first_note, second_note = notes(root).nth(0), notes(root).nth(1)
    expect(first_note.locator('[data-output="to"]')).to_have_text("Ana Okafor")
    expect(second_note.locator('[data-output="to"]')).to_have_text("Ben Ode")
    expect(second_note.locator('[data-output="body"]')).to_contain_text("Dear Ben Ode,")
    expect(second_note.locator('[data-output="body"]')).to_contain_text("as Operations Analyst")
    ana, ben = shown(first_note)[1], shown(second_note)[1]
    assert ana != ben and "Ben Ode" not in ana and "Ana Okafor" not in ben
    # Each is what Python composes for that interviewer, in its own words.
    state = {
        "interviewers.0.name": "Ana Okafor",
        "interviewers.0.title": "Head of Operations",
        "role": "Analyst",
        "interviewers.1.name": "Ben Ode",
        "interviewers.1.title": "Operations Analyst",
    }
    assert [ana, ben] == [n["body"] for n in expected_notes(state)]

    # Same thing said to both, names and titles aside: a warning.
    duplicate = panel_checks(root).filter(has_text="The notes to")
    expect(duplicate).to_have_text(
        "The notes to Ana Okafor and Ben Ode say the same thing apart from the names: "
        "add what each of them asked about or cared about most."
    )
    expect(duplicate).to_have_attribute("data-tone", "warn")
    own = panel_checks(root).filter(has_text="Each note says something of its own.")
    expect(own).to_have_count(0)

    row(root, 0).get_by_label(ROW_LABELS["detail"], exact=True).fill("how the team plans its quarter")
    expect(duplicate).to_have_count(0)
    expect(own).to_have_attribute("data-tone", "pass")
    # A word apart is still nearly the same note.
    second.get_by_label(ROW_LABELS["detail"], exact=True).fill("how the team plans each quarter")
    expect(duplicate).to_have_text(
        "The notes to Ana Okafor and Ben Ode say nearly the same thing: "
        "add what each of them asked about or cared about most."
    )
    second.get_by_label(ROW_LABELS["detail"], exact=True).fill("the tools the analysts use every day")
    expect(duplicate).to_have_count(0)
    expect(own).to_have_count(1)

    # Remove the first interviewer: Ben's row becomes row 1 and keeps his note.
    row(root, 0).get_by_role("button", name="Remove interviewer 1").click()
    expect(notes(root)).to_have_count(1)
    expect(notes(root).first.locator('[data-output="to"]')).to_have_text("Ben Ode")
    expect(notes(root).first.locator('[data-output="body"]')).to_contain_text("the tools the analysts use every day")
    only = row(root, 0).get_by_label("Interviewer's name", exact=True)
    expect(only).to_have_value("Ben Ode")
    expect(only).to_have_attribute("name", "interviewers.0.name")
    expect(only).to_be_focused()
    expect(row(root, 1)).to_have_count(0)
    expect(root.get_by_role("button", name=re.compile("Remove interviewer"))).to_have_count(0)  # hidden: one row left
    expect(panel_checks(root)).to_have_count(1)  # only the prompt: no panel, no comparison


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
    assert "Dear Ben Ode," in body
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
        expect(note.locator('[data-output="body"]')).to_contain_text("Dear Ana Okafor,")
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
    selected = page.evaluate(
        """() => {
          const s = getSelection();
          const node = s.anchorNode.nodeType === 1 ? s.anchorNode : s.anchorNode.parentElement;
          return {text: s.toString(), output: node.closest("[data-output]").dataset.output};
        }"""
    )
    assert selected == {"text": shown(note)[1], "output": "body"}


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
        assert decode_mailto(href) == {"subject": subject, "body": body.replace("\n", "\r\n")}
        assert subject == expected[index]["subject"] and HOSTILE in body

    # A card has no subject: the link has none either.
    root.get_by_role("radio", name=FORMAT_LABELS["card"]).check()
    note = notes(root).first
    expect(note.locator('[data-output="subject"]')).to_have_text("")
    expect(note.get_by_role("link", name="Open in e-mail app")).not_to_have_attribute("href", re.compile("subject="))
    href = note.get_by_role("link", name="Open in e-mail app").get_attribute("href")
    assert decode_mailto(href) == {"body": shown(note)[1].replace("\n", "\r\n")}


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
    assert f"\n{HOSTILE}" in shown(first)[1]  # the signature, as typed
    assert "A" * 10_000 in shown(first)[1]
    expect(first.locator('[data-output="to"]')).to_have_text(HOSTILE_STATE["interviewers.0.name"])
    expect(second.locator('[data-output="to"]')).to_have_text("</span><img src=x onerror=alert(2)>")
    expect(root.locator('[data-output="checks"] li', has_text="Check the spelling: “</span><img")).to_have_count(1)

    # Every output holds text only; checks hold <li> of text only.
    markup = root.evaluate(
        """(root) => [...root.querySelectorAll("[data-output]")].flatMap((el) =>
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
    expect(notes(root).nth(1).locator('[data-output="body"]')).to_contain_text("the tools the analysts use")
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
    expect(note.locator('[data-output="body"]')).to_contain_text("Dear Ana Okafor,")

    root.get_by_role("radio", name=FORMAT_LABELS["linkedin"]).check()
    root.get_by_role("radio", name="Warm").check()
    expect(note.locator('[data-output="body"]')).to_contain_text("Hi Ana,")
    expect(subject).to_have_text("")
    expect(label).to_have_text("")

    def count_matches_body():
        body = shown(note)[1]
        expect(count).to_have_text(f"{len(body)} of 300 characters")
        return len(body)

    short = count_matches_body()
    discussed = root.get_by_label("Something specific you discussed", exact=True)
    discussed.press_sequentially("the onboarding backlog")
    expect(note.locator('[data-output="body"]')).to_contain_text("the onboarding backlog.")
    longer = count_matches_body()
    assert longer == short - len("[something specific you discussed]") + len("the onboarding backlog")
    expect(note_checks(note).filter(has_text="Length:")).to_have_text(f"Length: {longer} of 300 characters.")
    discussed.fill("the onboarding backlog " + "and the reporting pipeline " * 6)
    expect(note_checks(note).filter(has_text="Trim")).to_have_attribute("data-tone", "warn")
    over = count_matches_body() - 300
    expect(note_checks(note).filter(has_text="Trim")).to_have_text(
        f"Trim {over} characters: a LinkedIn note has room for 300."
    )

    root.get_by_role("radio", name=FORMAT_LABELS["email"]).check()
    expect(subject).to_have_text("Thank you for the Analyst interview")
    expect(label).to_have_text("Subject:")


# ------------------------------------------------ accessibility and print


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_two_notes(browser, site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    root = open_builder(page, site)
    fill(root, FULL)
    fill(root, {"clarify": "I can start in May!!", "fit": "I am a team player"})  # warnings shown too
    add_interviewer(root, "Ben Ode", "Operations Analyst")
    expect(notes(root)).to_have_count(2)
    expect(note_checks(notes(root).first).filter(has_text="Swap cliches")).to_have_count(1)
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == (
        "slate" if scheme == "dark" else "default"
    )
    assert run_axe(page) == [], scheme
    context.close()


def test_print_shows_the_notes_without_the_buttons(context, site):
    context.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page = context.new_page()
    root = open_builder(page, site)
    fill(root, {"interviewers.0.name": "Ana Okafor", "discussed": "the onboarding backlog"})
    add_interviewer(root, "Ben Ode")
    root.get_by_role("button", name="Print the notes").click()
    assert page.evaluate("() => window.__printed") == 1

    buttons = root.locator("button, a.fug-widget__button")
    assert buttons.count() >= 12
    visible = [b.text_content() for b in buttons.all() if b.is_visible()]
    assert "Add interviewer" in visible and "Print the notes" in visible  # on screen
    page.emulate_media(media="print")
    assert [b.text_content() for b in buttons.all() if b.is_visible()] == []
    expect(root.locator('[data-role="storage"]')).to_be_hidden()
    for index, name in enumerate(["Ana Okafor", "Ben Ode"]):
        note = notes(root).nth(index)
        expect(note.get_by_role("heading", name=f"Note for {name}")).to_be_visible()
        expect(note.locator('[data-output="body"]')).to_be_visible()
        expect(note.locator('[data-output="body"]')).to_contain_text(f"Dear {name},")
    assert len(page.pdf()) > 1000
