"""When the runtime cannot load, the reader is told within 15 seconds, the
static form stays usable and nothing typed is lost."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import launch
from tests.support.pages import READY_MS, wait_for_state, widget, widgets_settled

NAME = "rejection-checklist"
FAILURE_MS = 15_000


def assert_fails_plainly_and_keeps_input(page, site, names=None, within=FAILURE_MS):
    """``names``: the words the message must use for what failed (issue 10).
    ``within``: a file found damaged only once Python runs is reported when Python has started."""
    page.goto(site.url + "rejection/")
    root = widget(page, NAME)
    root.get_by_label("Contact's name").fill("Typed before the failure")
    wait_for_state(page, NAME, "error", timeout=within)
    # A failed widget waits for nothing: what the page held back for it goes on (search-gate.js, offline.js).
    assert widgets_settled(page) is True
    status = root.locator('[data-role="status"]')
    expect(status).to_contain_text("The interactive part of this tool could not start")
    expect(status).to_contain_text("The form still works")
    if names:
        expect(status).to_contain_text(names)
    for raw in ("Traceback", "Program terminated", "exit(1)", "HTTP 404", "Error:"):
        expect(status).not_to_contain_text(raw)
    expect(root.get_by_label("Contact's name")).to_have_value("Typed before the failure")
    # The static form stays usable, and what is typed is still kept.
    root.get_by_label("Take a short, set time to be disappointed").check()
    root.get_by_label("Company").fill("Still typing")
    page.reload()
    wait_for_state(page, NAME, "error", timeout=within)
    expect(root.get_by_label("Take a short, set time to be disappointed")).to_be_checked()
    expect(root.get_by_label("Company")).to_have_value("Still typing")
    expect(root.get_by_label("Contact's name")).to_have_value("Typed before the failure")


@pytest.mark.parametrize(
    "missing, names",
    [
        ("pyodide.asm.wasm", "a file it needs is missing from the site (pyodide.asm.wasm)"),
        ("python_stdlib.zip", "a file it needs is missing from the site (python_stdlib.zip)"),
        ("*.whl", re.compile(r"a file it needs is missing from the site \(follow_up_guide_widgets-.*\.whl\)")),
        ("runtime-manifest.json", "a file it needs is missing from the site (runtime-manifest.json)"),
        ("widget-worker.js", "a file it needs could not be loaded (widget-worker.js)"),
        ("pyodide.mjs", "a file it needs is missing from the site (pyodide.mjs)"),
    ],
)
def test_a_missing_file(context, site, missing, names):
    context.route(f"**/{missing}", lambda route: route.fulfill(status=404, body="not found"))
    assert_fails_plainly_and_keeps_input(context.new_page(), site, names)


def test_a_corrupt_wasm_file(context, site):
    context.route(
        "**/pyodide.asm.wasm",
        lambda route: route.fulfill(status=200, content_type="application/wasm", body=b"\0asm\x01\0\0\0garbage" * 64),
    )
    assert_fails_plainly_and_keeps_input(context.new_page(), site, "a file it needs is damaged (pyodide.asm.wasm)")


def test_a_truncated_wasm_file(context, site):
    wasm = next(site.root.rglob("pyodide.asm.wasm")).read_bytes()
    context.route(
        "**/pyodide.asm.wasm",
        lambda route: route.fulfill(status=200, content_type="application/wasm", body=wasm[: len(wasm) // 3]),
    )
    assert_fails_plainly_and_keeps_input(context.new_page(), site, "a file it needs is damaged (pyodide.asm.wasm)")


def test_a_corrupt_wheel_shows_no_traceback(context, site):
    context.route("**/*.whl", lambda route: route.fulfill(status=200, body=b"PK\x03\x04 not really a zip" * 32))
    assert_fails_plainly_and_keeps_input(
        context.new_page(),
        site,
        re.compile(r"a file it needs is damaged \(follow_up_guide_widgets-.*\.whl\)"),
        within=READY_MS,
    )


def test_a_broken_standard_library_is_named(context, site):
    context.route("**/python_stdlib.zip", lambda route: route.fulfill(status=200, body=b"PK\x05\x06" + b"\0" * 18))
    assert_fails_plainly_and_keeps_input(
        context.new_page(), site, "a file it needs is damaged (python_stdlib.zip)", within=READY_MS
    )


def test_a_slow_load_says_it_is_still_loading_not_that_it_failed(context, site):
    # The wasm is held back until the page has said it is still loading.
    held = []
    context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page = context.new_page()
    page.goto(site.url + "rejection/")
    root = widget(page, NAME)
    status = root.locator('[data-role="status"]')
    root.get_by_label("Contact's name").fill("Typed while it loads")
    expect(status).to_contain_text("Still loading the interactive version", timeout=FAILURE_MS + 15_000)
    expect(root).to_have_attribute("data-state", "loading")
    expect(status).not_to_contain_text("could not start")
    held[0].continue_()
    wait_for_state(page, NAME, "ready")
    expect(status).to_have_text("")
    expect(root.get_by_label("Contact's name")).to_have_value("Typed while it loads")


def test_webassembly_turned_off(playwright_instance, site):
    # V8 without its JIT has no WebAssembly, as when a browser's hardened
    # mode turns the JIT off.
    browser = launch(playwright_instance, ["--js-flags=--jitless"])
    try:
        context = browser.new_context()
        page = context.new_page()
        assert page.evaluate("() => typeof WebAssembly") == "undefined"
        assert_fails_plainly_and_keeps_input(page, site, "this browser has WebAssembly turned off")
    finally:
        browser.close()
