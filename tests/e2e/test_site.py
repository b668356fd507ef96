"""The guide as a whole: navigation, the one worker, origins, accessibility."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import thread_names
from tests.support.pages import PAGES, READY_MS, run_axe, wait_for_state, widget
from tests.support.site_build import build_site
from tests.support.static_server import StaticServer

CHECKLIST = "rejection-checklist"


def python_workers(page):
    # Material's search runs in a worker of its own.
    return [w for w in page.workers if w.url.endswith("/widget-worker.js")]


def test_instant_navigation_remounts_with_a_single_worker(page, site):
    page.goto(site.url + "rejection/")
    wait_for_state(page, CHECKLIST, "ready")
    widget(page, CHECKLIST).get_by_label("Take a short, set time to be disappointed").check()
    expect(page.locator('[data-output="progress"]')).to_have_text("1 of 5 done")
    assert len(python_workers(page)) == 1
    page.evaluate("() => { window.__sameDocument = true; }")

    page.locator(".md-nav__link", has_text="Timing your follow-up").first.click()
    page.wait_for_url("**/timing/")
    expect(page.locator("h1")).to_contain_text("Timing your follow-up")
    page.locator(".md-nav__link", has_text="When you don't get the job").first.click()
    page.wait_for_url("**/rejection/")
    wait_for_state(page, CHECKLIST, "ready")

    # Material swapped the pages in place: same document, same worker.
    assert page.evaluate("() => window.__sameDocument") is True
    assert len(python_workers(page)) == 1
    expect(page.locator('[data-output="progress"]')).to_have_text("1 of 5 done")
    # The re-mounted widget is live again.
    widget(page, CHECKLIST).get_by_label("Reflect on what you can control and apply it next time").check()
    expect(page.locator('[data-output="progress"]')).to_have_text("2 of 5 done")


def test_every_page_loads_only_from_its_own_origin(context, page, site):
    # This test's requests only: the server is shared by the session, and
    # counting them at the server sees every worker's too (the Python worker,
    # the snapshot maker), whatever routes other tests set.
    before = len(site.requests)
    for path in PAGES:
        page.goto(site.url + path)
        expect(page.locator("h1")).to_be_visible()
        for root in page.locator("[data-widget]").all():
            wait_for_state(page, root.get_attribute("data-widget"), "ready")
    page.goto(site.url + "rejection/")
    wait_for_state(page, CHECKLIST, "ready")
    widget(page, CHECKLIST).get_by_label("Contact's name").fill("Private name")
    expect(page.locator('[data-output="reply"]')).to_contain_text("Private name")
    urls = context.recorder.urls
    assert any(u.endswith(".wasm") for u in urls)  # the runtime was really loaded
    foreign = [u for u in urls if not u.startswith(site.origin + "/")]
    assert foreign == []
    assert [p for p in site.requests[before:] if not p.startswith("/careers/guide/")] == []
    assert context.recorder.console_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_page(browser, site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    for path in PAGES:
        page.goto(site.url + path)
        for root in page.locator("[data-widget]").all():
            wait_for_state(page, root.get_attribute("data-widget"), "ready")
        assert run_axe(page) == [], f"{scheme} {path or 'home'}"
    context.close()


def test_axe_reads_the_page_after_the_headers_fade(page, site):
    """run_axe waits for the page to be still (tests/support/pages.py SETTLED).
    Slowed down here so the fade is certain to be running when axe is asked: a
    scroll past the title fades Material's header title, and mid-fade it is
    half-transparent (a flaky contrast violation in CI before the wait)."""
    page.goto(site.url + "rejection/")
    wait_for_state(page, CHECKLIST, "ready")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Animation.enable")
    cdp.send("Animation.setPlaybackRate", {"playbackRate": 0.2})
    widget(page, CHECKLIST).locator('textarea[data-output="reply"]').scroll_into_view_if_needed()
    assert run_axe(page) == []
    header = page.locator('[data-md-component="header-title"]')
    expect(header).to_have_class(re.compile("md-header__title--active"))


# V8's WebAssembly events that happen on the thread running the module:
# Python's interpreter is WebAssembly, so these say where Python ran.
WASM_ON_THIS_THREAD = {
    "wasm.SyncCompile",
    "wasm.AsyncCompile",
    "wasm.CompileLazy",
    "wasm.SyncInstantiate",
    "wasm.AsyncInstantiate",
}


def wasm_threads(trace: list[dict]) -> set[str]:
    """The names of the threads on which WebAssembly was compiled or run."""
    names = thread_names(trace)
    return {names.get((e["pid"], e["tid"]), "?") for e in trace if e.get("name") in WASM_ON_THIS_THREAD}


def test_python_runs_in_the_worker_never_on_the_page(browser, context, site):
    page = context.new_page()
    page.goto("about:blank")
    browser.start_tracing(page=page, categories=["v8.wasm"])
    try:
        page.goto(site.url + "rejection/")
        wait_for_state(page, CHECKLIST, "ready")
        root = widget(page, CHECKLIST)
        root.get_by_label("Contact's name").press_sequentially("Someone with a long name")
        for label in ["Take a short, set time to be disappointed", "Reply within 24-48 hours and thank them"]:
            root.get_by_label(label).check()
        expect(root.locator('[data-output="progress"]')).to_have_text("2 of 5 done")
        expect(root.locator('[data-output="reply"]')).to_contain_text("Dear Someone with a long name,")
    finally:
        trace = json.loads(browser.stop_tracing())["traceEvents"]

    # Through the runtime's start and the typing, Python's WebAssembly was
    # compiled and run by a worker alone, never by the page's main thread
    # (CrRendererMain). How long the page's tasks take is the benchmark's
    # figure (total blocking time): on a loaded machine, drawing one frame
    # can pass 50 ms.
    assert wasm_threads(trace) == {"DedicatedWorker thread"}

    # The runtime's files are fetched by the worker, not by the page.
    resources = "() => performance.getEntriesByType('resource').map((e) => e.name)"
    (worker,) = python_workers(page)
    on_worker = worker.evaluate(resources)
    assert any(u.endswith("pyodide.asm.wasm") for u in on_worker)
    assert any(u.endswith(".whl") for u in on_worker)
    assert not any(u.endswith((".wasm", ".whl", "python_stdlib.zip")) for u in page.evaluate(resources))
    assert page.evaluate("() => typeof window.loadPyodide + typeof window.pyodide") == "undefinedundefined"


def test_without_javascript_the_widget_is_a_usable_printable_form(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "rejection/")
    root = widget(page, CHECKLIST)
    assert root.get_attribute("data-state") == "static"
    expect(root.locator('[data-output="progress"]')).to_have_text("0 of 5 done")
    expect(root.locator('[data-output="reply"]')).to_contain_text("Dear Hiring Manager,")
    expect(root.locator("noscript")).to_have_count(1)
    root.get_by_label("Take a short, set time to be disappointed").check()
    root.get_by_label("Contact's name").fill("On paper")
    expect(root.get_by_label("Contact's name")).to_have_value("On paper")
    expect(root.get_by_label("Remember on this device")).to_be_hidden()  # needs JavaScript
    page.emulate_media(media="print")
    for label in [
        "Take a short, set time to be disappointed",
        "Reflect on what you can control and apply it next time",
    ]:
        expect(root.get_by_text(label)).to_be_visible()
    assert len(page.pdf()) > 1000
    context.close()


def test_default_build_works_under_any_sub_path(browser, tmp_path):
    """Built without SITE_URL (what a center gets by default) and served under
    another sub-path: pages load normally and the widget goes live."""
    root = tmp_path / "site"
    done = build_site(root)
    assert done.returncode == 0, done.stderr
    with StaticServer(root, "/a/deeper/path/") as server:
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url)
        page.get_by_role("link", name="When you don't get the job").first.click()
        page.wait_for_url("**/a/deeper/path/rejection/")
        wait_for_state(page, CHECKLIST, "ready", READY_MS)
        expect(page.locator('[data-output="progress"]')).to_have_text("0 of 5 done")
        assert all(p.startswith("/a/deeper/path/") for p in server.requests)
        # No instant navigation to set up: the page never asks for its sitemap,
        # which would list nothing. (The offline copy may still store it.)
        fetched = page.evaluate("() => performance.getEntriesByType('resource').map((r) => r.name)")
        assert any(name.endswith("search_index.json") for name in fetched)  # the theme's script ran
        assert not [name for name in fetched if "sitemap" in name]
        context.close()
