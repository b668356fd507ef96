"""Links from widgets to the guide's sections, named by page and heading.

A widget declares the sections it links to (``Widget.sections``: a key, a
page of docs/ and a heading on it). The build checks that each one exists
(a missing one is a content error at the widget's fence) and gives the
widget, on each page that holds it, the href of each section relative to
that page, and its absolute address when the site's address is known.

Anchors are made as Python-Markdown's toc extension makes them (MkDocs'
default): the heading's text slugified, ``_1``, ``_2``... for repeats, or an
explicit ``{#id}``. Nothing here knows MkDocs.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict
from urllib.parse import urljoin

from markdown.extensions.toc import slugify
from markdown_it import MarkdownIt

from widgets.base import Section

_parser = MarkdownIt("commonmark")
_EXPLICIT_ID = re.compile(r"\s*\{[^}]*#([A-Za-z][\w:.-]*)[^}]*\}\s*$")


class GuideLinkData(TypedDict):
    """What a widget receives per section (its ``guide_links`` option)."""

    href: str  # relative to the page that holds the widget
    url: str  # absolute, or "" when the site's address is unknown


def heading_anchors(markdown: str) -> dict[str, str]:
    """Each heading's text (as written, inline markup as text) and its anchor."""
    anchors: dict[str, str] = {}
    used: set[str] = set()
    tokens = _parser.parse(markdown)
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        text = "".join(child.content for child in inline.children or [] if child.type in ("text", "code_inline"))
        explicit = _EXPLICIT_ID.search(text)
        if explicit:
            text, anchor = text[: explicit.start()].strip(), explicit.group(1)
        else:
            anchor = _unique(slugify(text, "-"), used)
        used.add(anchor)
        anchors.setdefault(text.strip(), anchor)
    return anchors


def _unique(anchor: str, used: set[str]) -> str:
    candidate, number = anchor, 0
    while candidate in used:
        number += 1
        candidate = f"{anchor}_{number}"
    return candidate


def page_url(src: str, directory_urls: bool = True) -> str:
    """A page's address relative to the site's root: 'timing/', 'events/career-fair/', ''."""
    stem = src[:-3] if src.endswith(".md") else src
    folder, _, name = stem.rpartition("/")
    prefix = f"{folder}/" if folder else ""
    if name in ("index", "README"):
        return prefix
    return f"{prefix}{name}/" if directory_urls else f"{prefix}{name}.html"


def relative_href(from_src: str, to_src: str, anchor: str, directory_urls: bool = True) -> str:
    """The href from one page to a section of another (or the same) page."""
    here, there = page_url(from_src, directory_urls), page_url(to_src, directory_urls)
    fragment = f"#{anchor}" if anchor else ""
    if here == there and fragment:
        return fragment
    start = posixpath.dirname(here) if here.endswith(".html") else here.rstrip("/")
    path = posixpath.relpath(there or ".", start or ".")
    if there.endswith("/") or not there:
        path = path.rstrip("/") + "/"
    if not path.startswith("."):
        path = f"./{path}"
    return path + fragment


@dataclass(frozen=True)
class GuideIndex:
    """The anchors of every page of docs/, by page (its path under docs/)."""

    pages: dict[str, dict[str, str]]

    @classmethod
    def from_docs(cls, docs_dir: Path) -> GuideIndex:
        pages = {}
        for page in sorted(docs_dir.rglob("*.md")):
            try:
                markdown = page.read_text(encoding="utf-8-sig")
            except UnicodeDecodeError:
                continue  # reported by the content check
            pages[page.relative_to(docs_dir).as_posix()] = heading_anchors(markdown)
        return cls(pages)

    def problem(self, section: Section) -> str:
        """Why a section cannot be linked to, or ''."""
        headings = self.pages.get(section.page)
        if headings is None:
            return f"there is no page docs/{section.page}"
        if section.heading and section.heading not in headings:
            known = ", ".join(repr(h) for h in headings) or "none"
            return f"docs/{section.page} has no heading {section.heading!r} (its headings: {known})"
        return ""

    def resolve(
        self, sections: dict[str, Section], from_src: str, site_url: str = "", directory_urls: bool = True
    ) -> dict[str, GuideLinkData]:
        """Each section's href from the page ``from_src``, and its absolute address."""
        links: dict[str, GuideLinkData] = {}
        for key, section in sections.items():
            anchor = self.pages.get(section.page, {}).get(section.heading, "") if section.heading else ""
            href = relative_href(from_src, section.page, anchor, directory_urls)
            target = page_url(section.page, directory_urls) + (f"#{anchor}" if anchor else "")
            url = urljoin(site_url if site_url.endswith("/") else f"{site_url}/", target) if site_url else ""
            links[key] = GuideLinkData(href=href, url=url)
        return links
