"""Moves each page's worker starter into its <head> (a post-build step).

The Markdown extension can only write into a page's content, so it puts
widget-start.js right after the first widget (``widget_html.early_start``).
There, the tag reaches the browser only after the header and navigation, and
the module runs only once the main thread is free of the page's first layout
(about 150 ms into a load on a phone-class CPU). At the top of <head>, the
preload scanner asks for it first and Python's download starts while the page
is still being laid out. Run before the Content-Security-Policy step, which puts
its meta tag above this one (a policy covers only what follows it).
"""

from __future__ import annotations

import re
from pathlib import Path

_START_RE = re.compile(r'\n?(<script type="module" src="[^"<>]*widget-start\.js" async></script>)')


def hoist_worker_start(html: str) -> str:
    """The page with its widget-start.js tag moved to the top of <head>; a page
    without one, or whose tag is already there, unchanged."""
    match = _START_RE.search(html)
    head = html.find("<head>")
    body = html.find("<body")
    if not match or head < 0 or body < 0 or match.start() < body:
        return html
    html = html[: match.start()] + html[match.end() :]
    at = head + len("<head>")
    return html[:at] + "\n" + match.group(1) + html[at:]


def hoist_in_pages(site_dir: Path) -> None:
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        moved = hoist_worker_start(html)
        if moved != html:
            page.write_text(moved, encoding="utf-8")
