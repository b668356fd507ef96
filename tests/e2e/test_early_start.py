"""The Python worker starts from web/widget-start.js, the tiny module the build
puts after a page's first widget, before the theme's scripts; the page
runtime takes it over and hears what it said before then."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.support.pages import wait_for_state, widget

NAME = "rejection-checklist"

# Records every worker the page creates, with the script that created it.
COUNT_WORKERS = """
window.__workers = [];
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(url, options) {
    super(url, options);
    window.__workers.push({ name: (options && options.name) || "", stack: new Error().stack || "" });
  }
};
"""


def python_workers_started(page):
    """The Python workers the page created (COUNT_WORKERS), with their creators' stacks."""
    return [w for w in page.evaluate("() => window.__workers") if w["name"] == "follow-up-guide-python"]


def test_one_worker_is_started_by_the_early_module_and_taken_over(context, site):
    context.add_init_script(COUNT_WORKERS)
    page = context.new_page()
    page.goto(site.url + "rejection/")
    wait_for_state(page, NAME, "ready")
    root = widget(page, NAME)
    root.get_by_label("Contact's name").fill("Early Start")
    expect(root.locator('[data-output="reply"]')).to_contain_text("Early Start")
    workers = python_workers_started(page)
    assert len(workers) == 1
    assert "widget-start.js" in workers[0]["stack"]
    assert page.evaluate("() => 'guideEarlyWorker' in globalThis") is False  # taken over


def test_when_the_runtime_arrives_first_the_early_module_starts_no_second_worker(context, site):
    context.add_init_script(COUNT_WORKERS)
    held = []
    context.route("**/widget-start.js", lambda route: held.append(route))  # arrives after the runtime
    page = context.new_page()
    page.goto(site.url + "rejection/", wait_until="commit")
    wait_for_state(page, NAME, "ready")
    assert len(held) == 1
    held[0].continue_()
    page.wait_for_load_state("load")  # an async script delays the load event until it has run
    widget(page, NAME).get_by_label("Contact's name").fill("Late Starter")
    expect(widget(page, NAME).locator('[data-output="reply"]')).to_contain_text("Late Starter")
    workers = python_workers_started(page)
    assert len(workers) == 1 and "widget-start.js" not in workers[0]["stack"]
    assert page.evaluate("() => 'guideEarlyWorker' in globalThis") is False


def test_a_failure_the_worker_reports_before_the_runtime_runs_is_shown(context, site):
    # The worker's own script is missing: its one "error" event comes at once,
    # and never again, so the runtime must be told of it when it takes over.
    context.route("**/widget-worker.js", lambda route: route.fulfill(status=404, body="not found"))
    held = []
    context.route("**/widget-runtime.js", lambda route: held.append(route))  # the page runtime arrives late
    page = context.new_page()
    page.goto(site.url + "rejection/", wait_until="commit")
    page.wait_for_function("() => globalThis.guideEarlyWorker?.heard.some((e) => e.type === 'error')", timeout=30_000)
    assert len(held) == 1
    held[0].continue_()
    wait_for_state(page, NAME, "error")
    expect(widget(page, NAME).locator('[data-role="status"]')).to_contain_text(
        "a file it needs could not be loaded (widget-worker.js)"
    )
