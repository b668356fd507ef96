"""Widget fences as a Python-Markdown extension: any generator that renders
with Python-Markdown (MkDocs, Zensical, a plain script) gets the widgets.

    import markdown
    html = markdown.markdown(text, extensions=[WidgetFences(path="docs/rejection.md")])

The extension reuses the fence finder (build_tools/widget_fences.py) and the
renderer (build_tools/widget_html.py): a preprocessor swaps each fence for a
plain-word marker, a postprocessor swaps the rendered marker for the widget's
HTML. A bad fence raises ContentErrors (``docs/<page>.md:<line>: <what>``).

Per page, a generator's adapter sets (``set_page``, or the extension's config):
- ``path``: the page as the author sees it, for error messages;
- ``page_id``: names the page in the widgets' draft keys (default: ``path``);
- ``runtime_src``: widget-runtime.js relative to the page, for the early-start
  tag after the first widget ("" for none: the page's own script tag loads it);
- ``center``, ``site`` and ``site_for`` (attributes): the career center's
  Branding, or None; the values the build sets for the whole guide
  (build_tools/site_values.py), or a function giving them for one fence of
  the page (with the hrefs of the guide sections its widget links to).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from build_tools.branding import Branding
from build_tools.errors import ContentErrors
from build_tools.widget_fences import WidgetFence, find_widget_fences
from build_tools.widget_html import (
    early_start,
    fences_shown_as_text,
    fill_markers,
    mark_fences,
    misplaced_markers,
    render_widget,
)

# Before Python-Markdown's own preprocessors (whitespace 30, HTML blocks 20),
# so line numbers are the page's; after its raw-HTML postprocessor (30). The
# tree mark runs after every treeprocessor (toc runs the postprocessors on each
# heading from one): the postprocessor then knows it has the whole page.
_PRE_PRIORITY = 35
_TREE_DONE_PRIORITY = -1000
_POST_PRIORITY = 5


class WidgetFences(Extension):
    def __init__(self, center: Branding | None = None, site: Mapping[str, Any] | None = None, **kwargs: Any):
        self.config = {
            "path": ["page.md", "the page as the author sees it, for error messages"],
            "page_id": ["", "names the page in the widgets' draft keys (default: path)"],
            "runtime_src": ["", "widget-runtime.js relative to the page, for the early start ('' for none)"],
        }
        super().__init__(**kwargs)
        # Not config entries: Python-Markdown would read None as a boolean.
        self.center = center
        self.site = site
        self.site_for: Callable[[WidgetFence], Mapping[str, Any] | None] | None = None
        self.reset()

    def set_page(self, path: str, page_id: str = "", runtime_src: str = "") -> None:
        """The page the next conversion is for (a generator's adapter calls it)."""
        self.setConfigs({"path": path, "page_id": page_id, "runtime_src": runtime_src})

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown names it
        md.registerExtension(self)
        md.preprocessors.register(_MarkFences(md, self), "widget_fences", _PRE_PRIORITY)
        md.treeprocessors.register(_TreeDone(md, self), "widget_tree_done", _TREE_DONE_PRIORITY)
        md.postprocessors.register(_FillMarkers(md, self), "widget_html", _POST_PRIORITY)

    def reset(self) -> None:
        self.fences: list[WidgetFence] = []
        self.rendered: list[str] = []
        self.whole_page = False
        self.source = ""  # the page's Markdown, for the last checks on its HTML


class _MarkFences(Preprocessor):
    def __init__(self, md: Markdown, extension: WidgetFences):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        ext = self.extension
        text = "\n".join(lines) + "\n"
        path = ext.getConfig("path")
        fences, errors = find_widget_fences(text, path)
        if errors:
            raise ContentErrors(errors)
        page_id = ext.getConfig("page_id") or path
        ext.fences, ext.whole_page, ext.source = fences, False, text
        site_for = ext.site_for or (lambda fence: ext.site)
        ext.rendered = [
            render_widget(fence, page_id, index, center=ext.center, site=site_for(fence))
            for index, fence in enumerate(fences)
        ]
        runtime_src = ext.getConfig("runtime_src")
        if ext.rendered and runtime_src:
            ext.rendered[0] += early_start(runtime_src)
        return mark_fences(text, fences).split("\n")[:-1] if fences else lines


class _TreeDone(Treeprocessor):
    def __init__(self, md: Markdown, extension: WidgetFences):
        super().__init__(md)
        self.extension = extension

    def run(self, root: Any) -> None:
        self.extension.whole_page = True


class _FillMarkers(Postprocessor):
    def __init__(self, md: Markdown, extension: WidgetFences):
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        ext = self.extension
        if not ext.whole_page:  # a heading for toc
            return text
        shown = fences_shown_as_text(text, ext.source, ext.getConfig("path"))
        if shown:
            raise ContentErrors(shown)
        if not ext.rendered:
            return text
        misplaced = misplaced_markers(text, ext.fences, ext.getConfig("path"))
        if misplaced:
            raise ContentErrors(misplaced)
        return fill_markers(text, ext.rendered)


def makeExtension(**kwargs: Any) -> WidgetFences:  # Python-Markdown names it
    """``markdown_extensions: [build_tools.markdown_ext]`` in a generator's config."""
    return WidgetFences(**kwargs)
