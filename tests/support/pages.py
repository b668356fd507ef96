"""What the browser tests share: the guide's pages and small page helpers."""

from __future__ import annotations

import json

from tests.support.browser import AXE_JS

MOUNT = "/careers/guide/"
PAGES = ["", "thank-you-notes/", "timing/", "staying-in-touch/", "rejection/", "privacy/"]
# Long enough for a cold Pyodide start on a busy 2-core machine.
READY_MS = 60_000


# Run in the page's Python worker: the widgets import from their wheel as it
# stands (web/python-boot.js), from bytecode compiled for the path they have
# there, and both their data and a traceback's source lines are read from it.
WHEEL_CHECK = """
import linecache, pkgutil, widgets.binding as b
code = b.handle.__code__
str([
    b.__spec__.loader.__class__.__name__,
    b.__spec__.origin.endswith(".pyc") and b.__spec__.origin[:-1] == code.co_filename,
    linecache.getline(code.co_filename, code.co_firstlineno, b.__dict__).strip(),
    len(pkgutil.get_data("widgets.writing", "cliches.json")) > 0,
])
"""
WHEEL_CHECKED = str(["zipimporter", True, "def handle(request_json: str) -> str:", True])


def python_in_worker(page, code: str) -> str:
    """What ``code`` gives (as text) in the page's Python worker (web/python-boot.js guidePython)."""
    (worker,) = [w for w in page.workers if w.url.endswith("/widget-worker.js")]
    return worker.evaluate("(code) => String(self.guidePython.runPython(code))", code)


def widget(page, name):
    return page.locator(f'[data-widget="{name}"]')


def wait_for_state(page, name, state, timeout=READY_MS):
    page.wait_for_selector(f'[data-widget="{name}"][data-state="{state}"]', timeout=timeout)


def widgets_settled(page) -> bool:
    """Whether the runtime marks the page as having no widget waiting for
    Python (data-widgets-settled: what the offline copy and the search index wait for)."""
    return page.evaluate("() => document.documentElement.hasAttribute('data-widgets-settled')")


# Resolves once the page is still. A scroll (Playwright scrolls a control into
# view before it fills it) makes Material's header fade its title in and out
# over 150 ms; axe reading colours mid-fade finds a half-transparent title and
# reports a contrast that no reader sees once it has settled. Scroll events run
# in a frame's rendering steps, so the fade starts by the second frame.
SETTLED = """async () => {
    for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
    const running = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(running.map((a) => a.finished.catch(() => null)));
}"""


def run_axe(page) -> list[dict]:
    # Evaluated through the DevTools protocol: an injected <script> would be an
    # inline script, which the pages' Content-Security-Policy refuses.
    page.evaluate(AXE_JS.read_text())
    page.evaluate(SETTLED)
    result = page.evaluate("async () => JSON.stringify(await axe.run(document, {resultTypes: ['violations']}))")
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in json.loads(result)["violations"]
    ]
