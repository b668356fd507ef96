"""The Python worker starts from web/widget-start.js, the tiny script the build
inlines into a widget page's head (build_tools/early_start.py); the page
runtime takes it over and hears what it said before then."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.support.pages import wait_for_state, widget

NAME = "rejection-checklist"

# Records every worker the page creates, with the script that created it:
# the stack of a module, or where a classic script sat in the page.
COUNT_WORKERS = """
window.__workers = [];
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(url, options) {
    super(url, options);
    const script = document.currentScript;
    window.__workers.push({
      name: (options && options.name) || "",
      stack: new Error().stack || "",
      inHead: Boolean(script && script.parentElement === document.head && script.dataset.guideStart),
      beforeBody: document.body === null,
    });
  }
};
"""


def python_workers_started(page):
    """The Python workers the page created (COUNT_WORKERS), with their creators' stacks."""
    return [w for w in page.evaluate("() => window.__workers") if w["name"] == "follow-up-guide-python"]


def test_one_worker_is_started_from_the_head_and_taken_over(context, site):
    context.add_init_script(COUNT_WORKERS)
    page = context.new_page()
    page.goto(site.url + "rejection/")
    wait_for_state(page, NAME, "ready")
    root = widget(page, NAME)
    root.get_by_label("Contact's name").fill("Early Start")
    expect(root.locator('[data-output="reply"]')).to_contain_text("Early Start")
    workers = python_workers_started(page)
    assert len(workers) == 1
    # Started by the head's inline script, before the parser reached the body.
    assert workers[0]["inHead"] and workers[0]["beforeBody"]
    assert page.evaluate("() => 'guideEarlyWorker' in globalThis") is False  # taken over


def test_without_the_head_s_starter_the_runtime_starts_the_one_worker(context, site):
    # As after instant navigation from a page without widgets: the head the
    # page came with never ran the starter, so the runtime starts the worker.
    context.add_init_script(COUNT_WORKERS)

    def without_starter(route):
        response = route.fetch()
        html = response.text()
        stripped = re.sub(r'<script data-guide-start="[^"]*">.*?</script>', "", html, flags=re.DOTALL)
        assert stripped != html
        route.fulfill(response=response, body=stripped)

    context.route("**/rejection/", without_starter)
    page = context.new_page()
    page.goto(site.url + "rejection/")
    wait_for_state(page, NAME, "ready")
    widget(page, NAME).get_by_label("Contact's name").fill("Late Starter")
    expect(widget(page, NAME).locator('[data-output="reply"]')).to_contain_text("Late Starter")
    workers = python_workers_started(page)
    assert len(workers) == 1 and not workers[0]["inHead"] and "widget-runtime.js" in workers[0]["stack"]
    assert page.evaluate("() => 'guideEarlyWorker' in globalThis") is False


def test_the_starter_run_again_starts_no_second_worker(context, site):
    # Were the head's script run once more (instant navigation re-running a
    # page's inline scripts), the worker already running stays the only one.
    context.add_init_script(COUNT_WORKERS)
    page = context.new_page()
    page.goto(site.url + "rejection/")
    wait_for_state(page, NAME, "ready")
    ran = page.evaluate(
        """() => {
             // The starter reads document.currentScript first thing: count the
             // reads, to know it ran (a script the CSP blocked would not).
             let reads = 0;
             const { get } = Object.getOwnPropertyDescriptor(Document.prototype, "currentScript");
             Object.defineProperty(document, "currentScript", {
               configurable: true,
               get() {
                 reads += 1;
                 return get.call(this);
               },
             });
             const starter = document.head.querySelector("script[data-guide-start]");
             const again = document.createElement("script");
             again.dataset.guideStart = starter.dataset.guideStart;
             again.textContent = starter.textContent;  // the same code: the page's CSP allows it
             document.head.append(again);  // an inline script runs as it is inserted
             delete document.currentScript;
             return reads;
           }"""
    )
    assert ran == 1
    widget(page, NAME).get_by_label("Contact's name").fill("Once Only")
    expect(widget(page, NAME).locator('[data-output="reply"]')).to_contain_text("Once Only")
    assert len(python_workers_started(page)) == 1


def test_a_failure_the_worker_reports_before_the_runtime_runs_is_shown(context, site):
    # The worker's own script is missing: its one "error" event comes at once,
    # and never again, so the runtime must be told of it when it takes over.
    context.route("**/widget-worker.js", lambda route: route.fulfill(status=404, body="not found"))
    held = []
    context.route("**/widget-runtime.js", lambda route: held.append(route))  # the page runtime arrives late
    page = context.new_page()
    # The worker starts from the head: its error may come before the page asks for the runtime.
    with page.expect_request(lambda request: request.url.endswith("/widget-runtime.js")):
        page.goto(site.url + "rejection/", wait_until="commit")
    page.wait_for_function("() => globalThis.guideEarlyWorker?.heard.some((e) => e.type === 'error')", timeout=30_000)
    assert len(held) == 1
    held[0].continue_()
    wait_for_state(page, NAME, "error")
    expect(widget(page, NAME).locator('[data-role="status"]')).to_contain_text(
        "a file it needs could not be loaded (widget-worker.js)"
    )
