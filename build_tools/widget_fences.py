"""Find the widget fences in a page's Markdown and check them.

An author places a widget with a fenced block whose info string names it::

    ```widget rejection-checklist
    company_field: true
    ```

markdown-it-py (CommonMark) finds the fences, so tildes, longer fences and
fences nested in lists or block quotes are found with their exact line range,
and a widget fence shown inside another code block stays an example.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import yaml
from markdown_it import MarkdownIt

from build_tools.errors import ContentError
from widgets.base import OptionError, Widget
from widgets.registry import WIDGET_NAMES, find_widget

_parser = MarkdownIt("commonmark")


@dataclass(frozen=True)
class WidgetFence:
    widget: Widget
    options: dict[str, Any]
    first_line: int  # 0-based index of the opening fence line
    end_line: int  # 0-based index just past the closing fence line

    @property
    def options_json(self) -> str:
        return json.dumps(self.options, ensure_ascii=False, sort_keys=True)

    def with_site(self, site: Mapping[str, Any] | None) -> WidgetFence:
        """The fence with the values the build sets for the whole guide (the
        widget's ``site`` options, e.g. the public holidays) filled in."""
        values = {o.name: site[o.name] for o in self.widget.options if o.site and site and o.name in site}
        return replace(self, options={**self.options, **values}) if values else self


def find_widget_fences(markdown: str, path: str) -> tuple[list[WidgetFence], list[ContentError]]:
    """All widget fences of a page, in order, and the errors found in them."""
    fences: list[WidgetFence] = []
    errors: list[ContentError] = []
    for token in _parser.parse(markdown):
        if token.type != "fence" or token.map is None:
            continue
        words = token.info.split()
        if not words or words[0] != "widget":
            continue
        first, end = token.map
        opening_line = first + 1  # 1-based, for messages
        try:
            fences.append(_check_fence(words[1:], token.content, opening_line, first, end))
        except _FenceProblem as problem:
            errors.append(ContentError(path, problem.line, problem.message))
    return fences, errors


class _FenceProblem(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def _check_fence(names: list[str], body: str, opening_line: int, first: int, end: int) -> WidgetFence:
    if len(names) != 1:
        got = "no name" if not names else f"{len(names)} words: {' '.join(names)}"
        raise _FenceProblem(opening_line, f"a widget fence names one widget, as in ```widget <name>; got {got}")
    name = names[0]
    widget = find_widget(name)
    if widget is None:
        known = ", ".join(WIDGET_NAMES)
        raise _FenceProblem(opening_line, f"unknown widget '{name}' (known: {known})")
    raw, key_lines = _read_options(body, opening_line)
    try:
        options = widget.resolve_options(raw)
    except OptionError as exc:
        line = key_lines.get(exc.key or "", opening_line + 1)
        raise _FenceProblem(line, f"widget '{name}': {exc.message}") from None
    return WidgetFence(widget, options, first, end)


def _read_options(body: str, opening_line: int) -> tuple[Any, dict[str, int]]:
    """The fence body as YAML, with the 1-based source line of each key."""
    body_line = opening_line + 1
    try:
        node = yaml.compose(body, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = body_line + (mark.line if mark else 0)
        reason = getattr(exc, "problem", None) or str(exc)
        raise _FenceProblem(line, f"the widget's options are not valid YAML: {reason}") from None
    if node is None:
        return {}, {}
    if not isinstance(node, yaml.MappingNode):
        raise _FenceProblem(body_line + node.start_mark.line, "the widget's options must be lines of 'name: value'")
    # Build the mapping key by key, so a bad value (an impossible date, a bad
    # tag) is reported on its own line.
    constructor = yaml.SafeLoader("")
    raw: dict[Any, Any] = {}
    key_lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = body_line + key_node.start_mark.line
        if not isinstance(key_node, yaml.ScalarNode):
            raise _FenceProblem(line, "an option's name must be a plain word, as in 'name: value'")
        key = key_node.value
        if key in key_lines:
            raise _FenceProblem(line, f"option '{key}' is given twice (first on line {key_lines[key]})")
        key_lines[key] = line
        try:
            raw[constructor.construct_object(key_node)] = constructor.construct_object(value_node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            reason = getattr(exc, "problem", None) or str(exc)
            raise _FenceProblem(line, f"option '{key}' has a value that cannot be read: {reason}") from None
    return raw, key_lines
