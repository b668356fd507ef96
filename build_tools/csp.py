"""A strict Content-Security-Policy for the built site.

Scripts come only from the site itself, plus the few inline scripts the theme
emits, allowed by their hashes (computed here, from the pages as built); the
Pyodide worker needs 'wasm-unsafe-eval' to compile WebAssembly. Nothing may be
loaded from another origin, no plugin, no <base> elsewhere, no form posted.

The same policy goes into every page as a meta tag (for hosts that cannot set
headers) and, from ``header_policy``, into the nginx sample's header, which
can also say who may frame the guide (browsers ignore frame-ancestors in meta).
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from build_tools.errors import SiteError

META_NAME = "Content-Security-Policy"
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _InlineScripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.bodies: list[str] = []
        self._inside: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag != "script":
            return
        attributes = dict(attrs)
        is_js = (attributes.get("type") or "").strip().lower() in _JS_TYPES
        self._inside = [] if is_js and "src" not in attributes else None

    def handle_data(self, data):
        if self._inside is not None:
            self._inside.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._inside is not None:
            self.bodies.append("".join(self._inside))
            self._inside = None


def inline_script_hashes(html: str) -> set[str]:
    """'sha256-...' sources for every inline script of a page, as written."""
    parser = _InlineScripts()
    parser.feed(html)
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in parser.bodies
    }


def policy(script_hashes: set[str]) -> str:
    directives = [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(sorted(script_hashes)),
        "style-src 'self'",
        # The theme's icons are data: SVGs in its stylesheet.
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ]
    return "; ".join(d.strip() for d in directives)


def header_policy(script_hashes: set[str], frame_ancestors: list[str]) -> str:
    ancestors = " ".join(["'self'", *frame_ancestors]) if frame_ancestors else "'self'"
    return f"{policy(script_hashes)}; frame-ancestors {ancestors}"


def site_script_hashes(site_dir: Path) -> set[str]:
    hashes: set[str] = set()
    for page in site_dir.rglob("*.html"):
        hashes |= inline_script_hashes(page.read_text(encoding="utf-8"))
    return hashes


def add_policy_to_pages(site_dir: Path) -> str:
    """Put one meta policy, allowing every page's inline scripts, at the top of
    every page's <head>; returns the policy.

    One policy for all pages: Material's instant navigation may carry one
    page's head tags into another, and a second, narrower policy would block
    the first page's scripts.
    """
    text = policy(site_script_hashes(site_dir))
    meta = f'<meta http-equiv="{META_NAME}" content="{escape(text, quote=False)}">'
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if META_NAME in html:
            html = re.sub(rf'<meta http-equiv="{META_NAME}"[^>]*>', "", html)
        html, count = re.subn(r"<head>", "<head>\n" + meta.replace("\\", "\\\\"), html, count=1)
        if count != 1:
            raise SiteError(f"{page}: no <head> to put the Content-Security-Policy in")
        page.write_text(html, encoding="utf-8")
    return text
