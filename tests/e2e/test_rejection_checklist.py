"""The rejection-response checklist in the built guide, in Chromium: the steps,
and the reply composer (greeting rules, one clear question, an editable reply
whose copy, mailto and .txt carry exactly the text shown)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

from playwright.sync_api import expect

from tests.support.pages import MOUNT, READY_MS, run_axe, wait_for_state, widget

NAME = "rejection-checklist"


def drafts(storage_state):
    """The widget drafts in local storage (Material keeps its own keys there)."""
    return [
        item
        for origin in storage_state["origins"]
        for item in origin["localStorage"]
        if item["name"].startswith("follow-up-guide:")
    ]


def reply_of(root):
    return root.locator('textarea[data-output="reply"]')


def has(text):
    return re.compile(re.escape(text))


def open_checklist(page, site):
    page.goto(site.url + "rejection/")
    wait_for_state(page, NAME, "ready")
    return widget(page, NAME)


def test_reaches_ready_and_composes_the_reply(page, site):
    root = open_checklist(page, site)
    expect(root.locator('[data-output="progress"]')).to_have_text("0 of 5 done")
    root.get_by_label("Take a short, set time to be disappointed").check()
    root.get_by_label("Ask for feedback (optional)").check()
    root.get_by_label("Reply within 24-48 hours and thank them").check()
    expect(root.locator('[data-output="progress"]')).to_have_text("3 of 5 done")
    root.get_by_label("Your name").fill("Sam Lee")
    root.get_by_label("Contact's name").fill("Ms Okafor")
    root.get_by_label("Company").fill("Acme")
    root.get_by_label("Include one clear question for feedback").uncheck()
    reply = reply_of(root)
    expect(reply).to_have_value(has("Dear Ms Okafor,"))
    expect(reply).to_have_value(has("interview at Acme"))
    expect(reply).not_to_have_value(has("feedback"))
    expect(reply).to_have_value(has("Kind regards,\nSam Lee"))


def test_ticks_and_reply_survive_a_reload(page, site):
    root = open_checklist(page, site)
    root.get_by_label("Reflect on what you can control and apply it next time").check()
    root.get_by_label("Contact's name").fill("Dr Chen")
    expect(reply_of(root)).to_have_value(has("Dear Dr Chen,"))
    page.reload()
    wait_for_state(page, NAME, "ready")
    expect(root.get_by_label("Reflect on what you can control and apply it next time")).to_be_checked()
    expect(root.get_by_label("Contact's name")).to_have_value("Dr Chen")
    expect(root.locator('[data-output="progress"]')).to_have_text("1 of 5 done")
    expect(reply_of(root)).to_have_value(has("Dear Dr Chen,"))


def test_session_only_by_default_and_remember_on_this_device(browser, site):
    # A new tab in a fresh context stands for closing the browser: session
    # storage is gone, local storage stays only if the reader asked for it.
    context = browser.new_context()
    page = context.new_page()
    root = open_checklist(page, site)
    root.get_by_label("Contact's name").fill("Not kept")
    assert drafts(context.storage_state()) == []
    root.get_by_label("Remember on this device").check()
    root.get_by_label("Contact's name").fill("Kept on device")
    expect(root.locator('[data-role="storage-note"]')).to_contain_text("remembered on this device")
    # A keystroke's draft is saved once its view is shown (or when the reader leaves).
    page.wait_for_function(
        "() => Object.keys(localStorage).some((k) => localStorage.getItem(k).includes('Kept on device'))"
    )
    state = context.storage_state()
    # The checklist's draft, and the facts it shares with the other tools (the contact).
    assert sorted(item["name"] for item in drafts(state)) == [
        f"follow-up-guide:{MOUNT}:facts",
        f"follow-up-guide:{MOUNT}:rejection.md#1",
    ]
    context.close()

    later = browser.new_context(storage_state=state)
    page = later.new_page()
    root = open_checklist(page, site)
    expect(root.get_by_label("Contact's name")).to_have_value("Kept on device")
    expect(root.get_by_label("Remember on this device")).to_be_checked()

    root.get_by_role("button", name="Clear my data").click()
    expect(root.get_by_label("Contact's name")).to_have_value("")
    expect(root.get_by_label("Remember on this device")).not_to_be_checked()
    expect(reply_of(root)).to_have_value(has("Dear Hiring Manager,"))
    keys = page.evaluate("() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    assert [k for k in keys if k.startswith("follow-up-guide:")] == []
    page.reload()
    wait_for_state(page, NAME, "ready")
    expect(root.get_by_label("Contact's name")).to_have_value("")
    later.close()


def test_works_when_storage_is_blocked(browser, site):
    context = browser.new_context()
    context.add_init_script(
        """
        for (const name of ["sessionStorage", "localStorage"]) {
          Object.defineProperty(window, name, {
            get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
          });
        }
        """
    )
    page = context.new_page()
    root = open_checklist(page, site)
    expect(root.locator('[data-role="storage-note"]')).to_have_text(
        "This browser isn't letting the page store anything, so drafts won't be kept."
    )
    expect(root.get_by_label("Remember on this device")).to_be_disabled()
    root.get_by_label("Take a short, set time to be disappointed").check()
    expect(root.locator('[data-output="progress"]')).to_have_text("1 of 5 done")
    context.close()


def test_what_is_typed_while_loading_is_kept(context, site):
    held = []
    context.route("**/*.whl", lambda route: held.append(route))
    page = context.new_page()
    page.goto(site.url + "rejection/")
    root = widget(page, NAME)
    wait_for_state(page, NAME, "loading")
    expect(root.locator('[data-role="status"]')).to_contain_text("Loading")
    # Pyodide is up; the widgets' wheel is held back, so the runtime waits.
    for _ in range(READY_MS // 100):
        if held:
            break
        page.wait_for_timeout(100)
    assert len(held) == 1
    root.get_by_label("Contact's name").fill("Typed early")
    root.get_by_label("Reply within 24-48 hours and thank them").check()
    assert root.get_attribute("data-state") == "loading"
    held[0].continue_()
    wait_for_state(page, NAME, "ready")
    expect(root.get_by_label("Contact's name")).to_have_value("Typed early")
    expect(root.locator('[data-output="progress"]')).to_have_text("1 of 5 done")
    expect(reply_of(root)).to_have_value(has("Dear Typed early,"))


def test_hostile_input_is_shown_literally(page, site):
    root = open_checklist(page, site)
    hostile = '<img src=x onerror="window.__owned=1"><script>window.__owned=2</script> \u202eשלום 👩🏽‍💻 e\u0301'
    root.get_by_label("Contact's name").fill(hostile)
    root.get_by_label("Company").fill("A" * 10_000)
    reply = reply_of(root)
    expect(reply).to_have_value(has(f"Dear {hostile},"))
    expect(reply).to_have_value(has("A" * 10_000))
    assert root.locator("img, script").count() == 0
    assert page.evaluate("() => window.__owned") is None


def test_copy_reply(context, site):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    page = context.new_page()
    root = open_checklist(page, site)
    root.get_by_label("Contact's name").fill("Ms Copy")
    expect(reply_of(root)).to_have_value(has("Dear Ms Copy,"))
    root.get_by_role("button", name="Copy reply").click()
    expect(root.locator('[data-role="status"]')).to_have_text("Copied to the clipboard.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == reply_of(root).input_value()


def test_keyboard_only(page, site):
    root = open_checklist(page, site)
    first = root.get_by_label("Take a short, set time to be disappointed")
    first.focus()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    page.keyboard.press("Tab")
    expect(root.get_by_label("Reply within 24-48 hours and thank them")).to_be_focused()
    expect(root.locator('[data-output="progress"]')).to_have_text("1 of 5 done")
    # Focus is visible: the focused control gets an outline.
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")


def test_the_reply_follows_the_greeting_rules_and_asks_one_clear_question(page, site):
    root = open_checklist(page, site)
    root.get_by_label("Contact's name").fill("Ms Priya Natarajan")
    reply = reply_of(root)
    expect(reply).to_have_value(re.compile(r"^Dear Ms Natarajan,\n"))  # title + surname
    root.get_by_role("radio", name="Warm").check()
    expect(reply).to_have_value(re.compile(r"^Hi Priya,\n"))
    root.get_by_label("Something specific from the process (optional)").fill("Meeting the analytics team")
    expect(reply).to_have_value(has("I especially enjoyed meeting the analytics team."))
    root.get_by_label("Your question (optional)").fill("which skill would most strengthen my application")
    expect(reply).to_have_value(has("Which skill would most strengthen my application?"))
    assert reply.input_value().count("?") == 1
    checks = root.get_by_role("list", name="Checks on your reply").locator("li")
    expect(checks.filter(has_text="One clear question for feedback.")).to_have_attribute("data-tone", "pass")
    assert root.locator('[data-output="checks"] li[data-tone="warn"]').count() == 0


def test_an_edited_reply_is_kept_and_sent_exactly(context, site):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    page = context.new_page()
    root = open_checklist(page, site)
    root.get_by_label("Contact's name").fill("Ms Priya Natarajan")
    root.get_by_label("Their e-mail (optional)").fill("priya@northwind.example")
    reply = reply_of(root)
    expect(reply).to_have_value(re.compile("^Dear Ms Natarajan,"))
    mine = "Dear Priya,\n\nThank you – ünïcödé & 100%. Why? How?\n\nSam"
    reply.fill(mine)
    with page.expect_download() as info:
        root.get_by_role("button", name="Download as .txt").click()
    with open(info.value.path(), "rb") as file:
        assert file.read().decode("utf-8") == f"Subject: Thank you\n\n{mine}\n"
    href = root.get_by_role("link", name="Open in e-mail app").get_attribute("href")
    parts = urlsplit(href)
    assert unquote(parts.path) == "priya@northwind.example"
    assert parse_qs(parts.query)["body"] == [mine.replace("\n", "\r\n")]
    root.get_by_role("button", name="Copy reply").click()
    expect(root.locator('[data-role="status"]')).to_have_text("Copied to the clipboard.")
    assert page.evaluate("() => navigator.clipboard.readText()") == mine
    checks = root.get_by_role("list", name="Checks on your reply").locator("li")
    expect(checks.filter(has_text="Ask one clear question at most: this reply asks 2.")).to_have_count(1)
    # Later changes to the form leave the reader's text alone, until they ask.
    root.get_by_label("Contact's name").fill("Dr. Lee")
    expect(root.locator('[data-output="edited"]')).to_have_text(
        "You edited this reply: changes to the form no longer change it."
    )
    expect(reply).to_have_value(mine)
    assert run_axe(page) == []
    root.get_by_role("button", name="Rewrite from the form").click()
    expect(reply).to_have_value(re.compile("^Dear Dr. Lee,"))
    root.get_by_role("button", name="Undo the rewrite").click()
    expect(reply).to_have_value(mine)
    page.reload()
    wait_for_state(page, NAME, "ready")
    expect(reply_of(root)).to_have_value(mine)


def test_axe_finds_no_violations(page, site):
    root = open_checklist(page, site)
    assert run_axe(page) == []
    root.get_by_label("Their e-mail (optional)").fill("not an address")
    expect(root.locator('[data-error-for="contact_email"]')).to_have_text("Write one address, like name@example.com.")
    reply_of(root).fill("Dear,\n\nWhy?? :)")
    expect(root.locator('[data-output="checks"] li[data-tone="warn"]').first).to_be_visible()
    assert run_axe(page) == []
