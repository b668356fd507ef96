"""What the browser tests share: the guide's pages and small page helpers."""

from __future__ import annotations

import json

from tests.support.browser import AXE_JS

MOUNT = "/careers/guide/"
PAGES = ["", "thank-you-notes/", "timing/", "staying-in-touch/", "rejection/", "privacy/"]
# Long enough for a cold Pyodide start on a busy 2-core machine.
READY_MS = 60_000


def widget(page, name):
    return page.locator(f'[data-widget="{name}"]')


def wait_for_state(page, name, state, timeout=READY_MS):
    page.wait_for_selector(f'[data-widget="{name}"][data-state="{state}"]', timeout=timeout)


def widgets_settled(page) -> bool:
    """Whether the runtime marks the page as having no widget waiting for
    Python (data-widgets-settled: what the offline copy and the search index wait for)."""
    return page.evaluate("() => document.documentElement.hasAttribute('data-widgets-settled')")


def run_axe(page) -> list[dict]:
    # Evaluated through the DevTools protocol: an injected <script> would be an
    # inline script, which the pages' Content-Security-Policy refuses.
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate("async () => JSON.stringify(await axe.run(document, {resultTypes: ['violations']}))")
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in json.loads(result)["violations"]
    ]
