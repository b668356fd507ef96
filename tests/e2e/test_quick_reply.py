"""Previews through memory shared with the Python worker (web/quick-reply.js).

Served as the nginx config serves it (COOP and COEP), a page is cross-origin
isolated, and each view's reply also comes through shared memory, which
Chromium does not hold back until the keystroke's frame is drawn, as it does
a worker's message. To show that path alone, these tests drop the worker's
reply messages once the widget is live: every preview after that came the
shared way."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.pages import MOUNT, wait_for_state, widget
from tests.support.static_server import StaticServer

NOTE = "thank-you-note"
# Installed before the page's scripts: once window.__dropReplies is set, a
# worker's "result" message that carries a reply never reaches the runtime.
DROP_REPLIES = """
window.__dropReplies = false;
window.__dropped = 0;
const addListener = Worker.prototype.addEventListener;
Worker.prototype.addEventListener = function (type, listener, ...rest) {
  if (type !== "message") return addListener.call(this, type, listener, ...rest);
  const filtered = (event) => {
    const data = event.data;
    if (window.__dropReplies && data && data.type === "result" && "json" in data) {
      window.__dropped += 1;
      return;
    }
    listener.call(this, event);
  };
  return addListener.call(this, type, filtered, ...rest);
};
"""
FORM = {
    "Your name": "Sam Lee",
    "Company": "Acme Logistics",
    "Role": "Project Coordinator",
    "Interviewer's name": "Dr. Ana Okafor",
}
# Markup, script, right-to-left, emoji, odd line separators, a lone surrogate:
# all shown as typed, whichever way the reply came.
HOSTILE = (
    '<img src=x onerror="alert(1)"> & </textarea><script>alert(2)</script> '
    "שלום עולם 😀👩🏽‍💻 \u202eevil\u202c line\u2028separator\u2029paragraph \ud83d end"
)


@pytest.fixture(scope="module")
def isolated(site):
    """The same built site, sent with the nginx config's COOP and COEP."""
    with StaticServer(site.root, MOUNT, isolated=True) as server:
        yield server


def open_note(browser, url: str, drop_replies: bool):
    context = browser.new_context()
    context.add_init_script(DROP_REPLIES)
    page = context.new_page()
    errors: list[str] = []

    def console(message) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", console)
    page.goto(url + "thank-you-notes/")
    wait_for_state(page, NOTE, "ready")
    note = widget(page, NOTE)
    for label, value in FORM.items():
        note.get_by_label(label, exact=True).first.fill(value)
    expect(note.locator('[data-output="body"]').first).to_contain_text("Sam Lee")
    page.evaluate(f"window.__dropReplies = {'true' if drop_replies else 'false'}")
    return context, page, note, errors


def test_an_isolated_page_shows_every_preview_through_shared_memory(browser, isolated):
    context, page, note, errors = open_note(browser, isolated.url, drop_replies=True)
    assert page.evaluate("crossOriginIsolated") is True
    before = page.evaluate("globalThis.guideQuickReplies")
    discussed = note.get_by_label("Something specific you discussed", exact=True)
    discussed.press_sequentially("the intake backlog")
    body = note.locator('[data-output="body"]').first
    expect(body).to_contain_text("the intake backlog")
    # Only the shared memory could have brought these: the replies' messages,
    # which a loaded machine may deliver after the preview is drawn, are dropped.
    page.wait_for_function("() => window.__dropped > 0")
    assert page.evaluate("globalThis.guideQuickReplies") > before
    # And the widget is live and well, not waiting on a reply that never came.
    discussed.fill("the move to the new warehouse system")
    expect(body).to_contain_text("the move to the new warehouse system")
    expect(widget(page, NOTE)).to_have_attribute("data-state", "ready")
    assert errors == []
    context.close()


def test_a_preview_through_shared_memory_equals_the_one_by_message(browser, isolated, site):
    drafts = {}
    for server, shared in ((isolated, True), (site, False)):
        context, page, note, errors = open_note(browser, server.url, drop_replies=shared)
        assert page.evaluate("crossOriginIsolated") is shared
        note.get_by_label("Something specific you discussed", exact=True).fill(HOSTILE)
        body = note.locator('[data-output="body"]').first
        expect(body).to_contain_text("שלום עולם 😀👩🏽‍💻")
        drafts[shared] = (body.input_value(), note.locator('[data-output="subject"]').first.text_content())
        if shared:
            page.wait_for_function("() => window.__dropped > 0")
        else:
            assert page.evaluate("globalThis.guideQuickReplies") is None
        # Shown as text: nothing typed became an element.
        assert page.locator("img[src=x], [data-widget] script").count() == 0
        assert errors == []
        context.close()
    assert drafts[True] == drafts[False]
    assert "<script>alert(2)</script>" in drafts[True][0]
