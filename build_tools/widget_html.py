"""Put each widget's server-rendered HTML where its fence was.

Two steps, so that any Markdown renderer can sit in between (MkDocs today,
another tomorrow): ``mark_fences`` swaps each fence for a plain-word marker in
the Markdown, and ``fill_markers`` swaps the rendered marker for the widget's
HTML. The static HTML comes from the widget's own template, filled with the
view its Python computes for the initial state, so the page reads the same
before and without the runtime.
"""

from __future__ import annotations

import functools
import re
import secrets
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from build_tools.branding import Branding
from build_tools.errors import ContentError
from build_tools.widget_fences import WidgetFence, split_lines, widget_fence_openers
from widgets.registry import template_path

WIDGETS_DIR = Path(__file__).resolve().parent.parent / "widgets"
# Inlined into widget pages (early_start): they must run before the theme's bundle.
SEARCH_GATE = WIDGETS_DIR.parent / "web" / "search-gate.js"
WORKER_START = WIDGETS_DIR.parent / "web" / "widget-start.js"
# Never shipped as files (build_tools/runtime_assets.py leaves them out).
INLINED_SCRIPTS = (SEARCH_GATE, WORKER_START)
# The attribute that marks the worker's starter (and names the worker) in a
# page: build_tools/early_start.py moves that script into the page's head.
START_ATTR = "data-guide-start"

_templates = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(WIDGETS_DIR)),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


# Only relative addresses with no scheme ("#...", "./...", "../...") become
# links, so a view can never link elsewhere or run script. JS twin:
# web/runtime-helpers.js; both pass tests/vectors/linked_text.json.
# The class is JavaScript's \s spelled out: Python's \s differs (U+001C-U+001F,
# U+0085, U+FEFF), and its $ would also match before a final newline.
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_RELATIVE_HREF = re.compile(f"(#|\\.{{1,2}}/)[^{_JS_SPACE}:]*")


def is_relative_href(href: object) -> bool:
    return isinstance(href, str) and _RELATIVE_HREF.fullmatch(href) is not None


def linked_pieces(text: str, links: list[dict[str, str]] | None = None) -> list[dict[str, str]]:
    """A list item's text cut into pieces ({"text"} or {"text", "href"}): each
    link's text, found in order after the previous one, becomes a piece with
    its address; links not found or not relative stay text."""
    pieces: list[dict[str, str]] = []
    rest = str(text)
    for link in links or []:
        at = rest.find(link["text"])
        if at < 0 or not is_relative_href(link["href"]):
            continue
        if at > 0:
            pieces.append({"text": rest[:at]})
        pieces.append({"text": link["text"], "href": link["href"]})
        rest = rest[at + len(link["text"]) :]
    if rest:
        pieces.append({"text": rest})
    return pieces


def linked_text(text: str, links: list[dict[str, str]] | None = None) -> Markup:
    """A list item's text with its named pieces linked, as the page runtime's
    appendLinkedText does it live: escaped text, relative links only."""
    return Markup(
        "".join(
            f'<a href="{escape(p["href"], quote=True)}">{escape(p["text"])}</a>' if "href" in p else escape(p["text"])
            for p in linked_pieces(text, links)
        )
    )


_templates.globals["linked_text"] = linked_text

# Letters and digits only, so no Markdown syntax touches it; random per run, so
# no author's text can collide with it.
_MARKER_PREFIX = f"fugwidget{secrets.token_hex(6)}n"
_MARKER_RE = re.compile(rf"(<p>\s*)?{_MARKER_PREFIX}(\d+)x(\s*</p>)?")


def mark_fences(markdown: str, fences: list[WidgetFence]) -> str:
    """The Markdown with each fence's lines replaced by one marker line.

    The marker keeps the opening line's prefix (a list item's indent, a block
    quote's "> "), so it stays in the block the fence was in. A fence ends a
    block where a marker would not: when text follows at once, a blank line
    (in the same block quote) keeps it out of the marker's paragraph.
    """
    lines = split_lines(markdown)
    for index in reversed(range(len(fences))):
        fence = fences[index]
        opening = lines[fence.first_line]
        prefix = re.match(r"[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?[ \t>]*", opening)[0]  # type: ignore[index]
        marker = [f"{prefix}{_MARKER_PREFIX}{index}x\n"]
        if fence.end_line < len(lines) and lines[fence.end_line].strip(" \t>\r\n"):
            marker.append(re.sub(r"[^>]", "", prefix) + "\n")
        lines[fence.first_line : fence.end_line] = marker
    return "".join(lines)


def misplaced_markers(html: str, fences: list[WidgetFence], path: str) -> list[ContentError]:
    """The fences whose marker the Markdown renderer did not leave as a block:
    inside code, or in the middle of a line of text. A last check, for any
    container the fence finder reads differently from the renderer."""
    errors = []
    for index, fence in enumerate(fences):
        marker = f"{_MARKER_PREFIX}{index}x"
        places = [m.start() for m in re.finditer(marker, html)]
        in_code = bool(places) and html.count("<pre", 0, places[0]) > html.count("</pre>", 0, places[0])
        # Alone in a paragraph or list item, or ending one (a fence right
        # under a line of text): fill_markers closes that paragraph first.
        as_block = re.search(rf"(?:^|\n)[ \t]*(?:<p>|<li>)?{marker}(?:</p>|</li>)?[ \t]*(?:\n|$)", html)
        if len(places) != 1 or in_code or not as_block:
            errors.append(
                ContentError(
                    path,
                    fence.first_line + 1,
                    "this widget fence would be published inside code or a line of text, not as a widget: "
                    "put it on its own, after a blank line, indented like the text around it",
                )
            )
    return errors


def fences_shown_as_text(html: str, markdown: str, path: str) -> list[ContentError]:
    """Widget fences the renderer passed through as raw text, neither widget nor
    code: Python-Markdown keeps all that follows an unclosed HTML block (a lone
    ``<div>``) as raw HTML, where markdown-it, and so the fence finder, reads an
    indented code block. A last check on the page as published."""
    outside_code = re.sub(r"<(pre|code)\b.*?</\1>", "", html, flags=re.S)
    return [
        ContentError(
            path,
            line,
            "this widget fence would show as text, not as a widget: an HTML block above it (a <div> "
            "without its </div>?) takes it in; close that block before the fence",
        )
        for line, opener in widget_fence_openers(markdown)
        if opener in outside_code
    ]


def fill_markers(html: str, rendered: list[str]) -> str:
    """The page's HTML with each marker (and the paragraph around it) replaced."""

    def fill(match: re.Match[str]) -> str:
        widget = rendered[int(match.group(2))]
        # A marker ending a paragraph of text: close the paragraph, then the widget.
        return "</p>" + widget if match.group(3) and not match.group(1) else widget

    return _MARKER_RE.sub(fill, html)


def _inlined(source: Path) -> str:
    """A classic script of web/ as inline code, without its opening comments."""
    lines = source.read_text(encoding="utf-8").splitlines()
    while lines and lines[0].startswith("//"):
        lines.pop(0)
    code = "\n".join(lines).strip()
    if "</" in code:
        raise ValueError(f"{source} cannot be inlined: it contains '</'")
    return code


@functools.cache
def search_gate() -> str:
    """web/search-gate.js as an inline script (the build's CSP hashes it like
    the theme's own inline scripts)."""
    return f"\n<script>{_inlined(SEARCH_GATE)}</script>"


@functools.cache
def worker_start(worker_src: str) -> str:
    """web/widget-start.js as an inline script that starts the worker at
    ``worker_src`` (relative to the page). Its code is the same on every page,
    so one CSP hash allows it."""
    return f'\n<script {START_ATTR}="{escape(worker_src, quote=True)}">{_inlined(WORKER_START)}</script>'


def early_start(runtime_src: str) -> str:
    """Tags for right after a page's first widget, before the theme's scripts:
    the worker's starter (web/widget-start.js, which the post-build step moves
    into the page's head, build_tools/early_start.py); the search gate
    (web/search-gate.js), which holds the theme's search index back until the
    widgets are live; and an async copy of the runtime's module tag, which the
    page's footer loads too (a module runs only once), so that it mounts the
    widgets as soon as it arrives."""
    runtime_dir = runtime_src.rsplit("/", 1)[0] + "/" if "/" in runtime_src else ""
    return (
        worker_start(runtime_dir + "widget-worker.js")
        + search_gate()
        + f'\n<script type="module" src="{escape(runtime_src, quote=True)}" async></script>'
    )


def render_widget(
    fence: WidgetFence,
    page_id: str,
    index: int,
    center: Branding | None = None,
    site: Mapping[str, Any] | None = None,
) -> str:
    """The static HTML of one widget: a usable form, hooks for the runtime.

    ``center`` is the career center's branding (mkdocs.yml's extra.center), or
    None: every template gets it as ``center``, for its "talk to an advisor"
    step (static links; the runtime only ever writes text). ``site`` holds the
    values the build sets for the whole guide (``build_tools.site_values``).

    The template gets the whole view of the initial state as ``view`` (and
    its outputs as ``outputs``, for short): the one computation of it.
    """
    fence = fence.with_site(site)
    widget = fence.widget
    state = dict(widget.initial_state)
    view = widget.view(fence.options, state)
    uid = f"w{index + 1}-{widget.name}"
    frame = {
        "name": widget.name,
        "uid": uid,
        "storage_id": f"{page_id}#{index + 1}",
        "options_json": fence.options_json,
        "state": state,
    }
    template = _templates.get_template(template_path(widget.name))
    return template.render(
        w=frame,
        options=fence.options,
        view=view,
        outputs=view.get("outputs", {}),
        center=center,
        **widget.template_context,
    ).strip()
