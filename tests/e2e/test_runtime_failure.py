"""When the runtime cannot load, the reader is told within 15 seconds, the
static form stays usable and nothing typed is lost."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.browser import launch
from tests.support.pages import wait_for_state, widget

NAME = "rejection-checklist"
FAILURE_MS = 15_000


def assert_fails_plainly_and_keeps_input(page, site):
    page.goto(site.url + "rejection/")
    root = widget(page, NAME)
    root.get_by_label("Contact's name").fill("Typed before the failure")
    wait_for_state(page, NAME, "error", timeout=FAILURE_MS)
    status = root.locator('[data-role="status"]')
    expect(status).to_contain_text("The interactive part of this tool could not start")
    expect(status).to_contain_text("The form still works")
    expect(root.get_by_label("Contact's name")).to_have_value("Typed before the failure")
    # The static form stays usable, and what is typed is still kept.
    root.get_by_label("Take a short, set time to be disappointed").check()
    root.get_by_label("Company").fill("Still typing")
    page.reload()
    wait_for_state(page, NAME, "error", timeout=FAILURE_MS)
    expect(root.get_by_label("Take a short, set time to be disappointed")).to_be_checked()
    expect(root.get_by_label("Company")).to_have_value("Still typing")
    expect(root.get_by_label("Contact's name")).to_have_value("Typed before the failure")


@pytest.mark.parametrize(
    "missing", ["pyodide.asm.wasm", "python_stdlib.zip", "*.whl", "runtime-manifest.json", "widget-worker.js"]
)
def test_a_missing_file(context, site, missing):
    context.route(f"**/{missing}", lambda route: route.fulfill(status=404, body="not found"))
    assert_fails_plainly_and_keeps_input(context.new_page(), site)


def test_a_corrupt_wasm_file(context, site):
    context.route(
        "**/pyodide.asm.wasm",
        lambda route: route.fulfill(status=200, content_type="application/wasm", body=b"\0asm\x01\0\0\0garbage" * 64),
    )
    assert_fails_plainly_and_keeps_input(context.new_page(), site)


def test_webassembly_turned_off(playwright_instance, site):
    # V8 without its JIT has no WebAssembly, as when a browser's hardened
    # mode turns the JIT off.
    browser = launch(playwright_instance, ["--js-flags=--jitless"])
    try:
        context = browser.new_context()
        page = context.new_page()
        assert page.evaluate("() => typeof WebAssembly") == "undefined"
        assert_fails_plainly_and_keeps_input(page, site)
        expect(widget(page, NAME).locator('[data-role="status"]')).to_contain_text("WebAssembly")
    finally:
        browser.close()
