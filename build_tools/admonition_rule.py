"""Python-Markdown's admonitions (``!!! note``), taught to markdown-it.

The guide's pages are rendered by Python-Markdown with the ``admonition``
extension, but the fence finder reads them with markdown-it (CommonMark), which
sees an admonition's 4-space indented body as a paragraph or indented code: a
widget fence inside one would be missed and published as code. This block rule
gives markdown-it the same container, with the same line map, so the finder
sees fences inside admonitions as Python-Markdown will render them.

It follows Python-Markdown's AdmonitionProcessor: the header is
``!!! type [type...] ["title"]`` alone on its line; the body is every following
line indented by 4 or more columns, blank lines between included, however
many. (mdit-py-plugins' admonition rule differs: it ends the body at two blank
lines and indents it by the header's own width.)
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

# Python-Markdown's own pattern (markdown.extensions.admonition), for one line.
_HEADER = re.compile(r'!!! ?([\w\-]+(?: +[\w\-]+)*)(?: +"(.*?)")? *')
_BODY_INDENT = 4  # Python-Markdown's tab_length


def _admonition(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith("!!!", begin):
        return False
    if not _HEADER.fullmatch(state.src, begin, state.eMarks[start_line]):
        return False
    if silent:
        return True

    body_indent = state.blkIndent + _BODY_INDENT
    next_line = start_line + 1
    while next_line < end_line:
        blank = state.isEmpty(next_line)
        if not blank and state.sCount[next_line] < body_indent:
            break
        next_line += 1

    old_parent, old_line_max, old_indent = state.parentType, state.lineMax, state.blkIndent
    state.parentType = "admonition"
    state.lineMax = next_line  # no lazy continuation past the body
    state.blkIndent = body_indent

    token = state.push("admonition_open", "div", 1)
    token.block = True
    token.markup = "!!!"
    token.map = [start_line, next_line]
    state.md.block.tokenize(state, start_line + 1, next_line)
    token = state.push("admonition_close", "div", -1)
    token.block = True
    token.markup = "!!!"

    state.parentType, state.lineMax, state.blkIndent = old_parent, old_line_max, old_indent
    state.line = next_line
    return True


def admonition_plugin(md: MarkdownIt) -> None:
    """Add the rule; like Python-Markdown's, a header interrupts a paragraph."""
    md.block.ruler.before("fence", "admonition", _admonition, {"alt": ["paragraph", "reference", "blockquote", "list"]})
