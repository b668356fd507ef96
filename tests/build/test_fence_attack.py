"""Attack suite: the fence finder against markdown-it and Python-Markdown on
generated pages (containers, odd line separators, tabs, entities).

Two properties, for any page:
- nothing but the widget fences changes: marking the fences keeps every other
  word of the page, in order, as markdown-it reads it (a shifted line map
  deleted the author's text and published the fence's YAML);
- the page is published right or not at all: either the build reports
  ``page:line`` errors, or every widget appears exactly once, outside code, and
  no fence's YAML and none of the author's words are lost.
"""

from __future__ import annotations

import re

import markdown as python_markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll

from build_tools.admonition_rule import admonition_plugin
from build_tools.widget_fences import find_widget_fences, split_lines
from build_tools.widget_html import (
    _MARKER_PREFIX,
    fences_shown_as_text,
    fill_markers,
    mark_fences,
    misplaced_markers,
)

ODD_BREAKS = ["\u2028", "\u2029", "\x0c", "\x0b", "\x85", "\x1c", "\x1d", "\x1e", "\r", "\r\n"]
INFO_STRINGS = [
    "widget rejection-checklist",
    "&#119;idget rejection-checklist",
    "widget&#32;rejection-checklist",
    "widget rejection&#45;checklist",
    "widget  rejection-checklist  ",
    "\twidget\trejection-checklist",
]
# The guide's Markdown extensions that change block structure.
EXTENSIONS = ["admonition", "attr_list", "tables"]

# markdown-it as the guide's Markdown reads block structure: CommonMark, plus admonitions.
_reference = MarkdownIt("commonmark").use(admonition_plugin)


@st.composite
def text_line(draw, word):
    """A line of the author's text: a word to find again, odd characters around it."""
    extra = draw(st.lists(st.sampled_from(["plain", "&amp;", "&#x41;", "\t", "é", "中", "*em*", *ODD_BREAKS[:8]])))
    return " ".join([word, *extra]).strip()


@st.composite
def widget_fence(draw, token):
    fence = draw(st.sampled_from(["```", "~~~", "````"]))
    info = draw(st.sampled_from(INFO_STRINGS))
    heading = f"{token} {draw(st.sampled_from(['x', 'é', 'a' + ODD_BREAKS[0] + 'b', '&amp;']))}"
    return [f"{fence}{info}", f'heading: "{heading}"', fence]


EXAMPLE_FENCE = ["````markdown", "```widget thank-you-note", "```", "````"]  # code that must stay code


def indent(lines, prefix, first=None):
    first = prefix if first is None else first
    return [(first if i == 0 else prefix) + line if line else prefix.rstrip() for i, line in enumerate(lines)]


@st.composite
def contained(draw, lines):
    """The block inside zero to two containers the guide's Markdown knows."""
    for _ in range(draw(st.integers(0, 2))):
        kind = draw(
            st.sampled_from(
                ["quote", "bullet", "tight-bullet", "ordered", "paren", "admonition", "admonition-tab", "indent"]
            )
        )
        if kind == "quote":
            lines = indent(lines, "> ")
        elif kind == "bullet":
            lines = indent(lines, "    ", "-   ")
        elif kind == "tight-bullet":
            lines = indent(lines, "  ", "- ")
        elif kind == "ordered":
            lines = indent(lines, "    ", "1.  ")
        elif kind == "paren":
            lines = indent(lines, "    ", "10) ")
        elif kind == "admonition":
            lines = ['!!! note "Title"', *indent(lines, "    ")]
        elif kind == "admonition-tab":
            lines = ["!!! tip", *indent(lines, "\t")]
        else:
            lines = indent(lines, draw(st.sampled_from([" ", "  ", "   "])))
    return lines


@st.composite
def page(draw):
    """A page: paragraphs, widget fences and examples, in containers, joined by
    blank lines or not, with odd line breaks."""
    words, tokens, blocks = [], [], []
    for index in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["text", "text", "widget", "example", "rule"]))
        if kind == "text":
            words.append(f"Wq{index}")
            block = [draw(text_line(words[-1])) for _ in range(draw(st.integers(1, 2)))]
        elif kind == "widget":
            tokens.append(f"Qz{index}")
            block = draw(widget_fence(tokens[-1]))
        elif kind == "rule":
            block = [draw(st.sampled_from(["---", "===", "# Heading", "<div>", "| a |\n| - |"]))]
        else:
            block = EXAMPLE_FENCE
        blocks.append("\n".join(draw(contained(block))))
    joiners = [draw(st.sampled_from(["\n\n", "\n\n", "\n", "\r\n\r\n"])) for _ in blocks]
    return "".join(block + joiner for block, joiner in zip(blocks, joiners, strict=True)), words, tokens


def is_widget_fence(token) -> bool:
    words = unescapeAll(token.info).split()
    return token.type == "fence" and bool(words) and words[0] == "widget"


def words_of(markdown: str) -> list[str]:
    """The words of a page as markdown-it reads it (text and code), widget
    fences and markers left out."""
    out = []
    for token in _reference.parse(markdown):
        if token.type in ("inline", "fence", "code_block") and not is_widget_fence(token):
            out += [word for word in token.content.split() if not word.startswith(_MARKER_PREFIX)]
    return out


def assert_line_errors(errors, markdown):
    lines = len(split_lines(markdown))
    for error in errors:
        assert error.path == "docs/page.md" and 1 <= error.line <= max(lines, 1), str(error)


ATTACK = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ATTACK
@given(page())
def test_marking_fences_changes_nothing_else(generated):
    markdown, _, _ = generated
    fences, errors = find_widget_fences(markdown, "docs/page.md")
    assert_line_errors(errors, markdown)
    if errors:
        return  # the build stops here
    marked = mark_fences(markdown, fences)
    # Every widget fence markdown-it sees is replaced by a marker, and nothing else changes.
    assert not any(is_widget_fence(token) for token in _reference.parse(marked))
    assert marked.count(_MARKER_PREFIX) == len(fences) == sum(map(is_widget_fence, _reference.parse(markdown)))
    assert words_of(marked) == words_of(markdown)


@ATTACK
@given(page())
def test_a_page_is_published_right_or_fails_with_page_and_line(generated):
    markdown, words, tokens = generated
    fences, errors = find_widget_fences(markdown, "docs/page.md")
    assert_line_errors(errors, markdown)
    if errors:
        return
    html = python_markdown.markdown(mark_fences(markdown, fences), extensions=EXTENSIONS)
    shown = fences_shown_as_text(html, markdown, "docs/page.md")
    assert_line_errors(shown, markdown)
    if shown:
        return
    misplaced = misplaced_markers(html, fences, "docs/page.md")
    assert_line_errors(misplaced, markdown)
    if misplaced:
        return
    html = fill_markers(html, [f'<section class="w">{i}</section>' for i in range(len(fences))])
    for index in range(len(fences)):
        (at,) = [m.start() for m in re.finditer(f'<section class="w">{index}</section>', html)]
        assert html.count("<pre", 0, at) == html.count("</pre>", 0, at), "a widget inside code"
    # Every fence the author wrote became a widget or, indented 4 spaces, a code
    # block for both Markdown readers: no fence's YAML shows as text.
    text = re.sub(r"<pre>.*?</pre>", "", html, flags=re.S)
    assert not any(token in text for token in tokens), "a fence's YAML is published as text"
    for word in words:
        assert word in html, f"the author's {word!r} is lost"
