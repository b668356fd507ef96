"""The MkDocs adapter: the one module that knows MkDocs' event API, and a
thin one. The work is done elsewhere, in pieces any generator can use:
- widget fences: the Python-Markdown extension in build_tools/markdown_ext.py,
  added to MkDocs' extensions and told which page it is converting;
- the finished site: the post-build step in build_tools/postbuild.py;
- the center's branding in the theme (name, logo, palette, stylesheet link):
  the theme's configuration, set here (another generator's theme would read
  the same ``extra.center``).
A build error stops MkDocs with its message, no traceback.
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
from mkdocs.utils import get_relative_url  # noqa: E402

from build_tools.branding import CSS_URI, Branding, branded_palette, load_branding  # noqa: E402
from build_tools.content_check import check_docs  # noqa: E402
from build_tools.errors import BuildError  # noqa: E402
from build_tools.guide_links import GuideIndex  # noqa: E402
from build_tools.markdown_ext import WidgetFences  # noqa: E402
from build_tools.offline import offline_enabled  # noqa: E402
from build_tools.postbuild import SiteSettings, finish_site  # noqa: E402
from build_tools.runtime_assets import RUNTIME_SCRIPT  # noqa: E402
from build_tools.site_values import site_values  # noqa: E402

_fences = WidgetFences()
_site: dict = {}  # what the build hands every widget for the whole guide (public holidays...)
_serving = False  # `mkdocs serve`: no offline copy, so live reload shows every change
_center: Branding | None = None  # the career center's Branding (extra.center)
_guide: GuideIndex | None = None  # the guide's pages and sections, for the widgets' links


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
    # What the build hands every widget for the whole guide (public holidays...).
    _site = site_values(config.extra, _shown_path(config_file), datetime.date.today())
    config.extra["center"] = _center
    if _center:
        config.site_name = _center.name
        if _center.logo:
            config.theme["logo"] = _center.logo_uri
        if _center.has_colours:
            config.theme["palette"] = branded_palette(config.theme["palette"], _center)
        if _center.has_stylesheet:
            config.extra_css.append(CSS_URI)
    if not config.site_url:
        config.theme["features"] = without_instant_navigation(config.theme["features"])
    _fences.center = _center
    config.markdown_extensions.append(_fences)
    return config


def without_instant_navigation(features: list[str]) -> list[str]:
    """The theme's features for a build that does not know its address.

    Material's instant navigation swaps only the pages its sitemap lists, and
    without site_url that sitemap is empty: every page load would still fetch
    and parse it and set up navigation that never happens. On a cold widget
    page that work competes with Python's start (about 0.08 s on 2 cores).
    """
    return [f for f in features if f != "navigation.instant" and not f.startswith("navigation.instant.")]


@_reported
def on_pre_build(config, **kwargs):
    # Check every page before MkDocs empties site/: a bad widget fence (or a
    # link of a widget to a section that does not exist) stops the build with
    # nothing written.
    global _guide
    check_docs(Path(config.docs_dir))
    _guide = GuideIndex.from_docs(Path(config.docs_dir))


def on_page_markdown(markdown, page, config, files, **kwargs):
    # The page the widget extension converts next.
    _fences.set_page(
        path=_author_path(page, config),
        page_id=page.file.src_uri,
        runtime_src=get_relative_url(RUNTIME_SCRIPT, page.url),
    )
    _fences.site_for = lambda fence: _page_site(fence, page, config)
    return markdown


def _page_site(fence, page, config) -> dict:
    """The guide-wide values, and the hrefs of the sections the widget links to from this page."""
    if not fence.widget.sections or _guide is None:
        return _site
    links = _guide.resolve(
        dict(fence.widget.sections), page.file.src_uri, config.site_url or "", config.use_directory_urls
    )
    return {**_site, "guide_links": links}


@_reported
def on_post_build(config, **kwargs):
    offline = offline_enabled(config.extra) and not _serving
    finish_site(Path(config.site_dir), SiteSettings(offline=offline, center=_center))


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
