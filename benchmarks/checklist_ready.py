"""Time to a live checklist, against a bare page that only loads Pyodide in a
worker; and the checklist page's total blocking time. One run, interleaved, in
headless Chromium, so the machine's noise hits both sides alike.

    make bench            (or: python benchmarks/checklist_ready.py --runs 7)

Goals (issue 2): cold ratio at most 1.15; total blocking time at most 50 ms.
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


def measure(context, url: str) -> tuple[float, float]:
    """(ms from navigation start to ready, total blocking time in ms)."""
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector('[data-state="ready"]', timeout=60_000)
    ready, tasks = page.evaluate("() => [window.__bench.readyAt, window.__bench.longTasks]")
    page.close()
    return ready, sum(max(0.0, d - 50) for d in tasks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with temporary_site() as site:
        shutil.copytree(ROOT / "benchmarks" / "bare", site / "_bench")
        with StaticServer(site, MOUNT) as server, sync_playwright() as p:
            browser = launch(p)
            pages = {"checklist": server.url + "rejection/", "bare": server.url + "_bench/bare.html"}
            cold: dict[str, list[float]] = {k: [] for k in pages}
            warm: dict[str, list[float]] = {k: [] for k in pages}
            tbt: list[float] = []
            for _ in range(args.runs):
                for name, url in pages.items():  # interleaved: same noise for both
                    context = browser.new_context()  # a new context: an empty cache
                    context.add_init_script(PROBE)
                    ready, blocking = measure(context, url)
                    cold[name].append(ready)
                    if name == "checklist":
                        tbt.append(blocking)
                    warm[name].append(measure(context, url)[0])  # same context: warm cache
                    context.close()
            browser.close()

    med = {k: statistics.median(v) for k, v in cold.items()}
    wmed = {k: statistics.median(v) for k, v in warm.items()}
    cold_ratio = med["checklist"] / med["bare"]
    warm_ratio = wmed["checklist"] / wmed["bare"]
    print(f"runs: {args.runs} each, interleaved; medians")
    print(
        f"cold  checklist {med['checklist']:7.0f} ms   bare {med['bare']:7.0f} ms   "
        f"ratio {cold_ratio:.2f}  (goal <= 1.15)"
    )
    print(f"warm  checklist {wmed['checklist']:7.0f} ms   bare {wmed['bare']:7.0f} ms   ratio {warm_ratio:.2f}")
    print(
        f"total blocking time, checklist page, cold: median {statistics.median(tbt):.0f} ms, "
        f"max {max(tbt):.0f} ms  (goal <= 50 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
