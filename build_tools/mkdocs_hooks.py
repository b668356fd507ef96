"""The MkDocs adapter: the one module that knows MkDocs' event API.

Everything it calls works on plain strings and paths, so another generator
(Zensical reads the same mkdocs.yml) needs only a new adapter like this one.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import sys
from pathlib import Path

# MkDocs loads hooks by path; make the project's packages importable.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from build_tools.branding import CSS_URI, Branding, branded_palette, center_css, load_branding  # noqa: E402
from build_tools.content_check import check_docs  # noqa: E402
from build_tools.csp import add_policy_to_pages  # noqa: E402
from build_tools.errors import BuildError, ContentErrors  # noqa: E402
from build_tools.guide_links import GuideIndex  # noqa: E402
from build_tools.offline import offline_enabled, write_offline_worker  # noqa: E402
from build_tools.runtime_assets import RUNTIME_SCRIPT, install_runtime  # noqa: E402
from build_tools.site_values import site_values  # noqa: E402
from build_tools.widget_fences import WidgetFence, find_widget_fences  # noqa: E402
from build_tools.widget_html import (  # noqa: E402
    early_start,
    fill_markers,
    mark_fences,
    misplaced_markers,
    render_widget,
)

_rendered: dict[str, list[str]] = {}
_fences: dict[str, tuple[str, list[WidgetFence]]] = {}  # page -> (author's path, its fences)
_serving = False  # `mkdocs serve`: no offline copy, so live reload shows every change
_center: Branding | None = None  # the career center's Branding (extra.center)
_site: dict = {}  # what the build hands every widget for the whole guide (public holidays...)
_guide = None  # the guide's GuideIndex: the anchors of every page, for the widgets' links


def _reported(hook):
    """A build error stops MkDocs with its message and no traceback."""

    @functools.wraps(hook)
    def run(*args, **kwargs):
        try:
            return hook(*args, **kwargs)
        except BuildError as exc:
            raise PluginError(str(exc)) from None

    return run


def on_startup(command, dirty, **kwargs):
    global _serving
    _serving = command == "serve"


@_reported
def on_config(config, **kwargs):
    # A career center's branding (extra.center): checked before anything is
    # written; shown in the header (name, logo), the footer (contacts: see
    # overrides/partials/copyright.html), the colours and the widgets.
    global _center, _site
    config_file = Path(config.config_file_path)
    _center = load_branding(config.extra.get("center"), config_file.parent, _shown_path(config_file))
    _site = site_values(config.extra, _shown_path(config_file), datetime.date.today())
    config.extra["center"] = _center
    if _center:
        config.site_name = _center.name
        if _center.logo:
            config.theme["logo"] = _center.logo_uri
        if _center.has_colours:
            config.theme["palette"] = branded_palette(config.theme["palette"], _center)
            config.extra_css.append(CSS_URI)
    return config


@_reported
def on_files(files, config, **kwargs):
    # The center's logo and colours, written into the site with the pages.
    if _center and _center.logo and _center.logo_uri:
        files.append(File.generated(config, _center.logo_uri, abs_src_path=str(_center.logo)))
    css = center_css(_center) if _center else None
    if css:
        files.append(File.generated(config, CSS_URI, content=css))
    return files


@_reported
def on_pre_build(config, **kwargs):
    # Check every page before MkDocs empties site/: a bad widget fence (or a
    # link of a widget to a section that does not exist) stops the build with
    # nothing written.
    global _guide
    check_docs(Path(config.docs_dir))
    _guide = GuideIndex.from_docs(Path(config.docs_dir))


@_reported
def on_page_markdown(markdown, page, config, files, **kwargs):
    path = _author_path(page, config)
    fences, errors = find_widget_fences(markdown, path)
    if errors:
        raise ContentErrors(errors)
    _fences[page.file.src_uri] = (path, fences)
    _rendered[page.file.src_uri] = [
        render_widget(fence, page.file.src_uri, index, center=_center, site=_page_site(fence, page, config))
        for index, fence in enumerate(fences)
    ]
    return mark_fences(markdown, fences)


def _page_site(fence, page, config) -> dict:
    """The guide-wide values, and the hrefs of the sections the widget links to from this page."""
    if not fence.widget.sections or _guide is None:
        return _site
    links = _guide.resolve(
        dict(fence.widget.sections), page.file.src_uri, config.site_url or "", config.use_directory_urls
    )
    return {**_site, "guide_links": links}


@_reported
def on_page_content(html, page, config, files, **kwargs):
    rendered = _rendered.pop(page.file.src_uri, [])
    path, fences = _fences.pop(page.file.src_uri, ("", []))
    if not rendered:
        return html
    misplaced = misplaced_markers(html, fences, path)
    if misplaced:
        raise ContentErrors(misplaced)
    rendered[0] += early_start(get_relative_url(RUNTIME_SCRIPT, page.url))
    return fill_markers(html, rendered)


@_reported
def on_post_build(config, **kwargs):
    site_dir = Path(config.site_dir)
    install_runtime(site_dir)
    # The policy hashes the pages' inline scripts as written: after every
    # change to the HTML.
    add_policy_to_pages(site_dir)
    # Keep this last: the offline copy is checked against the hashes of the
    # site's final files (mkdocs.yml extra.offline; off under mkdocs serve).
    offline = offline_enabled(config.extra) and not _serving
    write_offline_worker(site_dir, offline)


def _shown_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _author_path(page, config) -> str:
    docs = Path(config.docs_dir)
    with contextlib.suppress(ValueError):  # docs_dir outside the project: keep it absolute
        docs = docs.relative_to(Path(config.config_file_path).parent)
    return f"{docs.as_posix()}/{page.file.src_uri}"
