"""Time to a live widget on every widget page, against a bare page that only
loads the same Pyodide in a worker; the snapshot path; first-visit bytes; total
blocking time. One run, interleaved (bare, then each widget page, in turn), in
headless Chromium, so the machine's noise hits every side alike.

    make bench            (or: python benchmarks/checklist_ready.py --runs 5)

The site is the default build (no SITE_URL: no instant navigation, so every
page is a full load), served uncompressed on 127.0.0.1 under a sub-path.

- cold: a new browser context (empty caches, no snapshot);
- warm: the same page again in that context, after the first start's snapshot
  was written (HTTP cache, snapshot); bare warm is a reload of the bare page;
- second page: a full load of another widget page in that context;
- bytes: what the server sent on a first visit, until the widget was live (the
  home page: until its offline copy was stored);
- total blocking time: long tasks on the widget page, cold.

Goals (issue 11), ratios in this run: cold <= 0.5 x bare cold; warm and second
page <= 0.3 x bare warm; first-visit bytes to a live widget <= bare's; home
page < 1 MB; total blocking time <= 50 ms. Keystroke p95 <= 16 ms is measured
by benchmarks/note_typing.py (also run by make bench).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.browser import launch  # noqa: E402
from tests.support.site_build import temporary_site  # noqa: E402
from tests.support.static_server import StaticServer  # noqa: E402

MOUNT = "/careers/guide/"
WIDGET_PAGES = {"checklist": "rejection/", "note": "thank-you-notes/", "timeline": "timing/"}
BARE = "_bench/bare.html"
# The second page loaded after each widget page (the snapshot path).
SECOND = {"checklist": "thank-you-notes/", "note": "timing/", "timeline": "rejection/"}

# Records when the page's widget (or the bare page's body) turns ready, and
# every long task, from the very start of the navigation.
PROBE = """
window.__bench = { longTasks: [], readyAt: null };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__bench.longTasks.push(e.duration);
}).observe({ type: "longtask", buffered: true });
new MutationObserver(() => {
  if (window.__bench.readyAt === null && document.querySelector('[data-state="ready"]')) {
    window.__bench.readyAt = performance.now();
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
"""


def measure(page, url: str) -> tuple[float, float, str | None]:
    """(ms from navigation start to ready, total blocking time in ms, how Python started)."""
    page.goto(url)
    page.wait_for_selector('[data-state="ready"]', timeout=120_000)
    ready, tasks, boot = page.evaluate(
        "() => [window.__bench.readyAt, window.__bench.longTasks, document.documentElement.dataset.pythonBoot]"
    )
    return ready, sum(max(0.0, d - 50) for d in tasks), boot


def wait_for_snapshot(page) -> None:
    page.wait_for_selector("html[data-python-snapshot]", state="attached", timeout=120_000)


def first_visit_bytes(browser, server, path: str) -> int:
    """Bytes the server sent on a first visit: until the widget is live, or
    (a page without one) until its offline copy is stored."""
    # To a live widget: the offline copy's own later download is not part of it
    # (the test browser's memory cache does not keep the 9.6 MB wasm, so it
    # would count the runtime twice). A page without a widget: until its copy is stored.
    context = browser.new_context(service_workers="allow" if path == "" else "block")
    page = context.new_page()
    start = len(server.sent)
    page.goto(server.url + path)
    if page.locator("[data-widget]").count() or path == BARE:
        page.wait_for_selector('[data-state="ready"]', timeout=120_000)
    else:
        page.evaluate(
            """async () => {
                 const registration = await navigator.serviceWorker.ready;
                 while (registration.active.state !== "activated") await new Promise((r) => setTimeout(r, 50));
               }"""
        )
    sent = sum(size for _, size in server.sent[start:])
    context.close()
    return sent


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    names = ["bare", *WIDGET_PAGES]
    cold: dict[str, list[float]] = {k: [] for k in names}
    warm: dict[str, list[float]] = {k: [] for k in names}
    second: dict[str, list[float]] = {k: [] for k in WIDGET_PAGES}
    tbt: dict[str, list[float]] = {k: [] for k in WIDGET_PAGES}
    boots: set[str | None] = set()
    with temporary_site() as site:
        shutil.copytree(ROOT / "benchmarks" / "bare", site / "_bench")
        # As the nginx config serves it (COOP and COEP: cross-origin isolated).
        with StaticServer(site, MOUNT, isolated=True) as server, sync_playwright() as p:
            browser = launch(p)
            for _ in range(args.runs):
                for name in names:  # interleaved: the same noise for every side
                    path = BARE if name == "bare" else WIDGET_PAGES[name]
                    context = browser.new_context()  # empty caches, no snapshot
                    context.add_init_script(PROBE)
                    page = context.new_page()
                    ready, blocking, _ = measure(page, server.url + path)
                    cold[name].append(ready)
                    if name == "bare":
                        warm[name].append(measure(page, server.url + path)[0])
                    else:
                        tbt[name].append(blocking)
                        wait_for_snapshot(page)  # the reader read on for a moment
                        ready, _, boot = measure(page, server.url + path)
                        warm[name].append(ready)
                        boots.add(boot)
                        ready, _, boot = measure(page, server.url + SECOND[name])
                        second[name].append(ready)
                        boots.add(boot)
                    context.close()
            sizes = {name: first_visit_bytes(browser, server, path) for name, path in WIDGET_PAGES.items()}
            sizes["bare"] = first_visit_bytes(browser, server, BARE)
            sizes["home"] = first_visit_bytes(browser, server, "")
            browser.close()

    bare_cold, bare_warm = median(cold["bare"]), median(warm["bare"])
    print(f"runs: {args.runs} each, interleaved; medians; later loads restored from: {sorted(map(str, boots))}")
    print(f"bare Pyodide      cold {bare_cold:7.0f} ms   warm {bare_warm:7.0f} ms")
    for name in WIDGET_PAGES:
        c, w, s = median(cold[name]), median(warm[name]), median(second[name])
        print(
            f"{name:<10}        cold {c:7.0f} ms ({c / bare_cold:.2f} x bare, goal <= 0.5)   "
            f"warm {w:7.0f} ms ({w / bare_warm:.2f} x bare warm, goal <= 0.3)   "
            f"second page {s:7.0f} ms ({s / bare_warm:.2f} x bare warm, goal <= 0.3)"
        )
    for name in WIDGET_PAGES:
        print(
            f"total blocking time, {name}, cold: median {median(tbt[name]):.0f} ms, "
            f"max {max(tbt[name]):.0f} ms  (goal <= 50 ms)"
        )
    print("first-visit bytes (uncompressed, as served here):")
    print(f"  bare Pyodide to ready  {sizes['bare'] / 1e6:6.2f} MB")
    for name in WIDGET_PAGES:
        print(
            f"  {name:<10} to live     {sizes[name] / 1e6:6.2f} MB  "
            f"({sizes[name] / sizes['bare']:.2f} x bare, goal <= 1)"
        )
    print(f"  home page (no widget)  {sizes['home'] / 1e6:6.2f} MB  (goal < 1 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
