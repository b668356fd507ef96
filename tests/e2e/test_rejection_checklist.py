"""The rejection-response checklist in the built guide, in Chromium."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.support.pages import READY_MS, wait_for_state, widget

NAME = "rejection-checklist"


def drafts(storage_state):
    """The widget drafts in local storage (Material keeps its own keys there)."""
    return [
        item
        for origin in storage_state["origins"]
        for item in origin["localStorage"]
        if item["name"].startswith("follow-up-guide:")
    ]


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
    root.get_by_label("Include a request for feedback").uncheck()
    reply = root.locator('[data-output="reply"]')
    expect(reply).to_contain_text("Dear Ms Okafor,")
    expect(reply).to_contain_text("interview at Acme")
    expect(reply).not_to_contain_text("feedback")
    expect(reply).to_contain_text("Best regards,\nSam Lee")


def test_ticks_and_reply_survive_a_reload(page, site):
    root = open_checklist(page, site)
    root.get_by_label("Reflect on what you can control and apply it next time").check()
    root.get_by_label("Contact's name").fill("Dr Chen")
    expect(root.locator('[data-output="reply"]')).to_contain_text("Dear Dr Chen,")
    page.reload()
    wait_for_state(page, NAME, "ready")
    expect(root.get_by_label("Reflect on what you can control and apply it next time")).to_be_checked()
    expect(root.get_by_label("Contact's name")).to_have_value("Dr Chen")
    expect(root.locator('[data-output="progress"]')).to_have_text("1 of 5 done")
    expect(root.locator('[data-output="reply"]')).to_contain_text("Dear Dr Chen,")


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
    state = context.storage_state()
    assert len(drafts(state)) == 1
    context.close()

    later = browser.new_context(storage_state=state)
    page = later.new_page()
    root = open_checklist(page, site)
    expect(root.get_by_label("Contact's name")).to_have_value("Kept on device")
    expect(root.get_by_label("Remember on this device")).to_be_checked()

    root.get_by_role("button", name="Clear my data").click()
    expect(root.get_by_label("Contact's name")).to_have_value("")
    expect(root.get_by_label("Remember on this device")).not_to_be_checked()
    expect(root.locator('[data-output="reply"]')).to_contain_text("Dear Hiring Manager,")
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
    expect(root.locator('[data-output="reply"]')).to_contain_text("Dear Typed early,")


def test_hostile_input_is_shown_literally(page, site):
    root = open_checklist(page, site)
    hostile = '<img src=x onerror="window.__owned=1"><script>window.__owned=2</script> \u202eשלום 👩🏽‍💻 e\u0301'
    root.get_by_label("Contact's name").fill(hostile)
    root.get_by_label("Company").fill("A" * 10_000)
    reply = root.locator('[data-output="reply"]')
    expect(reply).to_contain_text(f"Dear {hostile},")
    expect(reply).to_contain_text("A" * 10_000)
    assert reply.locator("img, script").count() == 0
    assert page.evaluate("() => window.__owned") is None


def test_copy_reply(context, site):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    page = context.new_page()
    root = open_checklist(page, site)
    root.get_by_label("Contact's name").fill("Ms Copy")
    expect(root.locator('[data-output="reply"]')).to_contain_text("Dear Ms Copy,")
    root.get_by_role("button", name="Copy reply").click()
    expect(root.locator('[data-role="status"]')).to_have_text("Copied to the clipboard.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == root.locator('[data-output="reply"]').text_content()


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
