"""Find the widget fences in a page's Markdown and check them.

An author places a widget with a fenced block whose info string names it::

    ```widget rejection-checklist
    company_field: true
    ```

markdown-it-py (CommonMark) finds the fences, so tildes, longer fences and
fences nested in lists, block quotes or admonitions (``!!! note``, which the
guide's Python-Markdown renders) are found with their exact line range, and a
widget fence shown inside another code block stays an example.

Where the two Markdown readers would disagree, the build stops with
``page:line`` rather than publish a fence as code: a fence in a list numbered
``10)`` (Python-Markdown knows only ``10.``), a widget fence that markdown-it
reads as text, an info string that is a typo of ``widget``.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll
from markdown_it.token import Token

from build_tools.admonition_rule import admonition_plugin
from build_tools.errors import ContentError
from widgets.base import OptionError, Widget
from widgets.registry import WIDGET_NAMES, find_widget

_parser = MarkdownIt("commonmark").use(admonition_plugin)

# How deep a fence's YAML may nest: options are flat (a list of dates at most),
# and PyYAML composes recursively, so a deeper document is refused first.
MAX_YAML_DEPTH = 10


def split_lines(markdown: str) -> list[str]:
    """The page's lines, ends kept, as markdown-it and Python-Markdown count
    them: only \\n, \\r\\n and \\r end a line. (``str.splitlines`` also splits at
    U+2028, U+2029, NEL, form feed, vertical tab and \\x1c-\\x1e, which would
    shift every fence below them.)"""
    return _LINE.findall(markdown)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


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
    problems: list[_FenceProblem] = []
    code_lines: set[int] = set()  # lines markdown-it reads as code: examples stay examples
    containers: list[Token] = []
    for token in _parser.parse(markdown):
        if token.nesting == 1:
            containers.append(token)
        elif token.nesting == -1:
            containers.pop()
        if token.type not in ("fence", "code_block") or token.map is None:
            continue
        first, end = token.map
        if token.type == "code_block":
            # Indented code in a list item: Python-Markdown indents list items by
            # 4, not by the marker's width, so it may read this as text.
            if not any(c.type == "list_item_open" for c in containers):
                code_lines.update(range(first, end))
            continue
        code_lines.update(range(first, end))
        # CommonMark decodes entities and escapes in the info string.
        words = unescapeAll(token.info).split()
        try:
            if words and words[0] == "widget":
                _check_container(containers, first + 1)
                fences.append(_check_fence(words[1:], token.content, first + 1, first, end))
            elif words and _looks_like_widget(words[0]):
                raise _FenceProblem(first + 1, _did_you_mean(words[0], token.markup, words[1:]))
        except _FenceProblem as problem:
            problems.append(problem)
    problems += _fences_read_as_text(markdown, code_lines)
    problems.sort(key=lambda problem: problem.line)
    return fences, [ContentError(path, problem.line, problem.message) for problem in problems]


def _looks_like_widget(word: str) -> bool:
    """An info string's first word that was meant to be ``widget``:
    ``Widget``, ``widgets``, ``wdiget``, ``widget:name``..."""
    word = word.lower()
    if re.match(r"widgets?(?:[^a-z0-9]|$)", word):
        return True
    return difflib.SequenceMatcher(None, word, "widget").ratio() >= 0.8


def _did_you_mean(word: str, markup: str, rest: list[str]) -> str:
    name = re.sub(r"^widgets?[^a-z0-9]+", "", word.lower()) if not rest else " ".join(rest)
    name = name if name and name not in ("widget", "widgets") else "<name>"
    return f"'{markup}{word}' is not a widget fence: did you mean '{markup}widget {name}'?"


def _check_container(containers: list[Token], line: int) -> None:
    for token in containers:
        if token.type == "ordered_list_open" and token.markup == ")":
            raise _FenceProblem(
                line,
                "this widget fence is in a list numbered like '1)', which the guide's Markdown does not read "
                "as a list (the widget would show as code): number the list '1.', '2.'...",
            )


# An opening fence line, after any block quote or list markers.
_FENCE_LIKE = re.compile(r"[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)*(`{3,}|~{3,})[ \t]*([^\s`]+)")


def widget_fence_openers(markdown: str) -> list[tuple[int, str]]:
    """Every line that opens a widget fence, read or not as one: its number
    and the opener as typed ("```widget rejection-checklist")."""
    found = []
    for index, line in enumerate(split_lines(markdown)):
        match = _FENCE_LIKE.match(line)
        if match and unescapeAll(match.group(2)) == "widget":
            found.append((index + 1, line[match.start(1) :].rstrip()))
    return found


def _fences_read_as_text(markdown: str, code_lines: set[int]) -> list[_FenceProblem]:
    """Lines that open a widget fence but that markdown-it reads as text (a
    paragraph's continuation, raw HTML): the page would show the fence."""
    problems = []
    for index, line in enumerate(split_lines(markdown)):
        match = _FENCE_LIKE.match(line)
        if index in code_lines or not match:
            continue
        word = unescapeAll(match.group(2))
        if word == "widget" or _looks_like_widget(word):
            problems.append(
                _FenceProblem(
                    index + 1,
                    "this widget fence would show as text, not as a widget: give it a blank line before it, "
                    "and indent it no more than the text it belongs to",
                )
            )
    return problems


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
        close = difflib.get_close_matches(name, WIDGET_NAMES, n=1, cutoff=0.8)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise _FenceProblem(opening_line, f"unknown widget '{name}' ({hint}known: {known})")
    raw, key_lines = _read_options(body, opening_line, name)
    try:
        options = widget.resolve_options(raw)
    except OptionError as exc:
        line = key_lines.get(exc.key or "", opening_line + 1)
        raise _FenceProblem(line, f"widget '{name}': {exc.message}") from None
    return WidgetFence(widget, options, first, end)


def _read_options(body: str, opening_line: int, name: str) -> tuple[Any, dict[str, int]]:
    """The fence body as YAML, with the 1-based source line of each key."""

    def line_of(mark: Any) -> int:
        # YAML also breaks lines at U+2028, NEL...: count the page's own lines.
        return opening_line + 1 + body.count("\n", 0, mark.index)

    try:
        _check_yaml_bounds(body, line_of)
        node = yaml.compose(body, Loader=yaml.SafeLoader)
    except yaml.reader.ReaderError as exc:
        line = opening_line + 1 + body.count("\n", 0, exc.position)
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise _FenceProblem(
            line, f"the widget's options are not valid YAML: the character {char} is not allowed"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = line_of(mark) if mark else opening_line + 1
        reason = getattr(exc, "problem", None) or str(exc)
        raise _FenceProblem(line, f"the widget's options are not valid YAML: {reason}") from None
    if node is None:
        return {}, {}
    if not isinstance(node, yaml.MappingNode):
        raise _FenceProblem(line_of(node.start_mark), "the widget's options must be lines of 'name: value'")
    # Build the mapping key by key, so a bad value (an impossible date, a bad
    # tag) is reported on its own line.
    constructor = yaml.SafeLoader("")
    raw: dict[Any, Any] = {}
    key_lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = line_of(key_node.start_mark)
        if not isinstance(key_node, yaml.ScalarNode):
            raise _FenceProblem(line, "an option's name must be a plain word, as in 'name: value'")
        key = key_node.value
        if key in key_lines:
            raise _FenceProblem(line, f"option '{key}' is given twice (first on line {key_lines[key]})")
        key_lines[key] = line
        try:
            raw[constructor.construct_object(key_node)] = constructor.construct_object(value_node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            bad = _unreadable_scalar(value_node) or value_node
            written = body[bad.start_mark.index : bad.end_mark.index]
            reason = getattr(exc, "problem", None) or str(exc)
            raise _FenceProblem(
                line_of(bad.start_mark),
                f"widget '{name}': option '{key}' has a value that cannot be read, {written}: {reason}",
            ) from None
    return raw, key_lines


def _check_yaml_bounds(body: str, line_of: Any) -> None:
    """Refuse what could make reading or reporting the options blow up: an
    alias (nine nested ones expand to gigabytes when a message shows the
    value) and deep nesting (PyYAML composes recursively). Checked on the
    parser's events, which cost neither."""
    depth = 0
    for event in yaml.parse(body, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise _FenceProblem(
                line_of(event.start_mark),
                f"the widget's options use a YAML alias (*{event.anchor}): write the value out instead",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise _FenceProblem(
                    line_of(event.start_mark), f"the widget's options nest more than {MAX_YAML_DEPTH} levels deep"
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _unreadable_scalar(node: yaml.Node) -> yaml.Node | None:
    """The first scalar inside ``node`` that YAML cannot construct (an
    impossible date in a list...), to name it and its line."""
    if isinstance(node, yaml.ScalarNode):
        try:
            yaml.SafeLoader("").construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError):
            return node
        return None
    children = node.value if isinstance(node, yaml.SequenceNode) else [v for pair in node.value for v in pair]
    for child in children:
        found = _unreadable_scalar(child)
        if found is not None:
            return found
    return None
