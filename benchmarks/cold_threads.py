"""Where a cold load's time goes, thread by thread: one traced cold load of the
bare page and of each widget page, in headless Chromium, on the site and
server of benchmarks/checklist_ready.py (served_site).

    make bench            (or: python benchmarks/cold_threads.py)

For each load, from the navigation's start until the page was live, how
long each of these was busy (ms of wall time inside a task; the threads run
in parallel, as many at once as the machine has free CPUs):

- the page's main thread (the theme, the page runtime);
- the Python worker, and within it V8 compiling Pyodide's WebAssembly
  function by function on first call (lazy compilation, on the worker's own
  thread);
- V8 re-compiling the hot WebAssembly functions with its optimising compiler
  on background threads (tier-up: CPU time, summed over those threads);
- any other worker of the page (the theme's search index).

Figures only, no goal: they say which part of issue 11's cold start is the
guide's (the main thread, the worker's Python) and which is the browser's
fixed cost for this runtime (compiling 9.6 MB of WebAssembly), shared with the
bare page. A trace slows a load: the times to live here are not the
benchmark's.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checklist_ready import BARE, PROBE, WIDGET_PAGES, measure, served_site  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.browser import launch, thread_names  # noqa: E402

# "disabled-by-default-devtools.timeline" holds the task events that span a
# worker's script; without it a worker running Python looks idle.
# "blink.user_timing" holds CLOCK, a mark that puts the page's clock on the trace's.
CATEGORIES = [
    "toplevel",
    "v8",
    "v8.wasm",
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "blink.user_timing",
]
CLOCK = "bench:clock"  # marked once the page is live: the trace may miss a new renderer's first events
LAZY = "wasm.CompileLazy"  # a function compiled on its first call (Liftoff), on the calling thread
TIER_UP = "wasm.TopTierCompilation"  # the optimising compiler, on background threads


class Busy(NamedTuple):
    """ms busy from the navigation's start until the page was live."""

    live: float
    main: float  # the page's main thread
    python: float  # the Python worker's thread
    lazy: float  # of which: compiling WebAssembly on first call
    tier_up: float  # V8's optimising compiler, summed over background threads
    other_workers: float  # any other worker of the page


def union(intervals: list[tuple[float, float]]) -> float:
    """Total length covered by the intervals (nested trace events count once)."""
    total, end = 0.0, float("-inf")
    for start, stop in sorted(intervals):
        if stop <= end:
            continue
        total += stop - max(start, end)
        end = stop
    return total


def busy(events: list[dict], clock: float, live: float) -> Busy:
    """The breakdown of one traced load (Chrome trace events, µs), given when
    CLOCK was marked and when the page was live (ms on the page's clock)."""
    names = thread_names(events)
    (mark,) = [e["ts"] for e in events if e.get("name") == CLOCK]
    start = mark - clock * 1000  # the navigation's start, on the trace's clock
    end = start + live * 1000
    spans: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    by_name: dict[tuple[tuple[int, int], str], list[tuple[float, float]]] = defaultdict(list)
    for e in events:
        if e.get("ph") != "X" or not e.get("dur"):
            continue
        span = (max(e["ts"], start), min(e["ts"] + e["dur"], end))
        if span[0] >= span[1]:
            continue
        thread = (e["pid"], e["tid"])
        spans[thread].append(span)
        if e["name"] in (LAZY, TIER_UP):
            by_name[thread, e["name"]].append(span)
    busy_ms = {thread: union(s) / 1000 for thread, s in spans.items()}

    def named(prefix: str) -> list[tuple[int, int]]:
        return [t for t in busy_ms if names.get(t, "").startswith(prefix)]

    # The page's renderer is the busiest main thread (about:blank's is idle).
    main = max(named("CrRendererMain"), key=busy_ms.__getitem__)
    workers = named("DedicatedWorker")
    # The Python worker is the one that runs WebAssembly.
    python = [t for t in workers if (t, LAZY) in by_name]
    python_ms = sum(busy_ms[t] for t in python)
    return Busy(
        live=live,
        main=busy_ms[main],
        python=python_ms,
        lazy=sum(union(by_name[t, LAZY]) / 1000 for t in python),
        tier_up=sum(union(s) / 1000 for (t, name), s in by_name.items() if name == TIER_UP),
        other_workers=sum(busy_ms[t] for t in workers) - python_ms,
    )


def main() -> int:
    pages = {"bare": BARE, **WIDGET_PAGES}
    rows: dict[str, Busy] = {}
    with served_site() as server, sync_playwright() as p:
        browser = launch(p)
        for name, path in pages.items():
            context = browser.new_context()  # empty caches, no snapshot
            context.add_init_script(PROBE)
            page = context.new_page()
            page.goto("about:blank")
            browser.start_tracing(page=page, categories=CATEGORIES)
            live, _, _ = measure(page, server.url + path)
            clock = page.evaluate(f"performance.mark({CLOCK!r}).startTime")
            trace = json.loads(browser.stop_tracing())
            context.close()
            rows[name] = busy(trace["traceEvents"], clock, live)
        browser.close()
    print("where a cold load's time goes, one traced load each (ms busy until live; threads run in parallel):")
    print(
        f"  {'':<10} {'live':>6} {'page main thread':>17} {'Python worker':>14} {'(compiling wasm on first call)':>31}"
        f" {'V8 optimising wasm, background':>31} {'other workers':>14}"
    )
    for name, row in rows.items():
        print(
            f"  {name:<10} {row.live:6.0f} {row.main:17.0f} {row.python:14.0f} {row.lazy:31.0f}"
            f" {row.tier_up:31.0f} {row.other_workers:14.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
