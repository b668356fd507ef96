"""The theme's search index waits on a widget page (web/search-gate.js): it is
requested once the widgets are live, at once when the reader goes to search,
and after a while if the widgets' runtime never comes. Search works each way."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.pages import wait_for_state, widget, widgets_settled

CHECKLIST = "rejection-checklist"
# Records each XMLHttpRequest the page really sends. Installed before the
# page's own scripts, so the gate wraps it: a held request is not recorded.
RECORD_SENT = """
window.__sent = [];
const { open, send } = XMLHttpRequest.prototype;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.__url = String(url);
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function (...args) {
  window.__sent.push(this.__url);
  return send.apply(this, args);
};"""
INDEX_SENT = "() => window.__sent.filter((url) => url.endsWith('search/search_index.json')).length"


@pytest.fixture
def reader(context, page):
    context.add_init_script(RECORD_SENT)
    return page


def hold_python(context) -> None:
    """Python's runtime does not arrive while this route holds it."""
    held = []
    context.route("**/pyodide.asm.wasm", lambda route: held.append(route))


def search_for(page, words: str) -> None:
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially(words)  # the theme searches on key events
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_on_a_widget_page_the_index_is_asked_for_once_the_widgets_are_live(context, reader, site):
    hold_python(context)
    reader.goto(site.url + "rejection/")  # the theme's bundle has run
    expect(widget(reader, CHECKLIST)).to_have_attribute("data-state", "loading")
    assert reader.evaluate(INDEX_SENT) == 0
    assert widgets_settled(reader) is False
    context.unroute("**/pyodide.asm.wasm")  # the held requests go on too
    wait_for_state(reader, CHECKLIST, "ready")
    assert widgets_settled(reader) is True  # the runtime's mark the gate waits for
    reader.wait_for_function(f"() => ({INDEX_SENT})() === 1")
    search_for(reader, "rejection")


def test_on_a_page_without_widgets_the_index_is_asked_for_at_once(reader, site):
    reader.goto(site.url)
    assert reader.evaluate(INDEX_SENT) == 1
    assert reader.evaluate("() => 'guideSearchGate' in window") is False
    search_for(reader, "rejection")


def test_a_reader_who_searches_while_the_widgets_load_gets_results(context, reader, site):
    hold_python(context)
    reader.goto(site.url + "rejection/")
    assert reader.evaluate(INDEX_SENT) == 0
    search_for(reader, "thank-you")
    assert reader.evaluate(INDEX_SENT) == 1
    expect(widget(reader, CHECKLIST)).to_have_attribute("data-state", "loading")


def test_without_the_widgets_runtime_the_index_comes_after_a_while(context, reader, site):
    # The page runtime never arrives: nothing marks the widgets live (the
    # worker the head started has no one to tell).
    context.route("**/widget-runtime.js", lambda route: route.abort())
    reader.goto(site.url + "rejection/")
    assert reader.evaluate(INDEX_SENT) == 0
    reader.wait_for_function(f"() => ({INDEX_SENT})() === 1", timeout=30_000)
    # Released by the gate's timer (RELEASE_MS, 10 s), not by the widgets.
    assert reader.evaluate("() => performance.now()") >= 10_000
    assert reader.evaluate("() => document.documentElement.dataset.widgetRuntime") is None
    search_for(reader, "rejection")


def test_while_the_index_is_held_other_requests_go_out_as_usual(context, reader, site):
    hold_python(context)
    reader.goto(site.url + "rejection/")
    other = reader.evaluate(
        """() => new Promise((resolve) => {
             const request = new XMLHttpRequest();
             request.open("GET", "../search/search_index.json.gz-not-the-index");
             request.onloadend = () => resolve(request.status);
             request.send();
           })"""
    )
    assert other == 404
    refused = reader.evaluate(
        """() => { try { new XMLHttpRequest().open("GET", "http://["); return null; }
                   catch (error) { return error.name; } }"""
    )
    assert refused == "SyntaxError"  # as without the gate
    assert reader.evaluate(INDEX_SENT) == 0
    expect(widget(reader, CHECKLIST)).to_have_attribute("data-state", "loading")
