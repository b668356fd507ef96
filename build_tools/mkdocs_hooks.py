"""The MkDocs adapter: the one module that knows MkDocs' event API.

Everything it calls works on plain strings and paths, so another generator
(Zensical reads the same mkdocs.yml) needs only a new adapter like this one.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by path; make the project's packages importable.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from build_tools.content_check import check_docs  # noqa: E402
from build_tools.errors import ContentErrors  # noqa: E402
from build_tools.runtime_assets import RUNTIME_SCRIPT, install_runtime  # noqa: E402
from build_tools.widget_fences import find_widget_fences  # noqa: E402
from build_tools.widget_html import early_start, fill_markers, mark_fences, render_widget  # noqa: E402

_rendered: dict[str, list[str]] = {}


def on_pre_build(config, **kwargs):
    # Check every page before MkDocs empties site/: a bad widget fence stops
    # the build with nothing written.
    try:
        check_docs(Path(config.docs_dir))
    except ContentErrors as exc:
        raise PluginError(str(exc)) from None


def on_page_markdown(markdown, page, config, files, **kwargs):
    path = _author_path(page, config)
    fences, errors = find_widget_fences(markdown, path)
    if errors:
        raise PluginError(str(ContentErrors(errors)))
    _rendered[page.file.src_uri] = [
        render_widget(fence, page.file.src_uri, index) for index, fence in enumerate(fences)
    ]
    return mark_fences(markdown, fences)


def on_page_content(html, page, config, files, **kwargs):
    rendered = _rendered.pop(page.file.src_uri, [])
    if not rendered:
        return html
    rendered[0] += early_start(get_relative_url(RUNTIME_SCRIPT, page.url))
    return fill_markers(html, rendered)


def on_post_build(config, **kwargs):
    install_runtime(Path(config.site_dir))


def _author_path(page, config) -> str:
    docs = Path(config.docs_dir)
    try:
        docs = docs.relative_to(Path(config.config_file_path).parent)
    except ValueError:
        pass
    return f"{docs.as_posix()}/{page.file.src_uri}"
