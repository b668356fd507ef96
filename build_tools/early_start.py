"""The widgets' worker starts from the page's head.

The Markdown extension writes the worker's starter (web/widget-start.js,
inline, marked with ``START_ATTR``) after a page's first widget: that is as
far as a Markdown extension reaches. Here, on the built pages, it moves into
the head, before the first stylesheet (an inline script after a stylesheet
waits for it to load), so it runs as soon as the parser reads it. As an async
module after the first widget, it had to wait for a free moment of the page's
thread: the worker started 63-115 ms into a cold load (`make bench`), against
23-30 ms from the head, and in A/B runs interleaved with bare Pyodide on 2
cores the widgets went live 40-60 ms sooner (median of 10 paired loads a page).

Runs before the Content-Security-Policy is written (build_tools/csp.py); the
script's hash does not change with its place.
"""

from __future__ import annotations

import re
from pathlib import Path

from build_tools.errors import SiteError
from build_tools.widget_html import START_ATTR

# The script as build_tools.widget_html.worker_start writes it: its code has no "</".
_START_RE = re.compile(rf'\n?<script {START_ATTR}="[^"]*">.*?</script>', re.DOTALL)
_HEAD_RE = re.compile(r"<head[\s>].*?</head>", re.DOTALL | re.IGNORECASE)
_STYLESHEET_RE = re.compile(r'<link\b[^>]*\brel="stylesheet"', re.IGNORECASE)


def start_in_head(html: str, page: str = "page") -> str:
    """The page with its worker's starter moved into its head; unchanged if
    it has none, or has it there already. ``page`` names it in errors."""
    found = _START_RE.search(html)
    if not found:
        return html
    head = _HEAD_RE.search(html)
    if not head:
        raise SiteError(f"{page}: no <head> to start the widgets' worker from")
    if head.start() <= found.start() < head.end():
        return html
    script = found.group(0).lstrip("\n")
    rest = html[: found.start()] + html[found.end() :]
    head = _HEAD_RE.search(rest)
    assert head  # the script was outside the head: cutting it left the head whole
    sheet = _STYLESHEET_RE.search(rest, head.start(), head.end())
    at = sheet.start() if sheet else head.end() - len("</head>")
    return rest[:at] + script + "\n" + rest[at:]


def move_worker_start_to_head(site_dir: Path) -> int:
    """Every built page's worker starter into its head; returns how many moved."""
    moved = 0
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        new = start_in_head(html, str(page))
        if new != html:
            page.write_text(new, encoding="utf-8")
            moved += 1
    return moved
