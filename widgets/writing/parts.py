"""Finding a message's parts again in text the reader may have edited:
the greeting line, what they say, and the closing (sign-off and signature)."""

from __future__ import annotations

import re
from functools import lru_cache

from widgets.record import record
from widgets.writing.signature import SIGN_OFFS

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# After an end mark, or an end mark and a closing quote or bracket.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"'”’)\]]))\s+")
_WORD = re.compile(r"\w+")
_SIGN_OFF_WORDS = re.compile(
    r"(?:kind|best|warm|warmest|many|with)?\s*(?:regards|wishes|thanks|thank you|best|sincerely|cheers|gratitude)"
    r"(?:\s+\w+)?,?",
    re.IGNORECASE,
)
_KNOWN_SIGN_OFFS = {s.lower() for s in SIGN_OFFS.values()}


@record
class Parts:
    """A message's text in its three parts (split_message)."""

    greeting: str
    message: str  # the paragraphs between greeting and closing
    closing: str


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n")) if p.strip()]


def _is_greeting(paragraph: str) -> bool:
    return "\n" not in paragraph and paragraph.rstrip().endswith((",", ":")) and len(paragraph.split()) <= 8


def _is_closing(paragraph: str) -> bool:
    first = paragraph.splitlines()[0].strip()
    return first.lower() in _KNOWN_SIGN_OFFS or (bool(_SIGN_OFF_WORDS.fullmatch(first)) and len(first.split()) <= 4)


@lru_cache(maxsize=64)  # read by several checks, for every note, on every keystroke
def split_message(text: str) -> Parts:
    """The greeting (first paragraph when it is one short line ending in a
    comma), the closing (last paragraph when it opens with a sign-off) and
    what lies between."""
    found = paragraphs(text)
    greeting = found.pop(0) if found and _is_greeting(found[0]) else ""
    closing = found.pop() if found and _is_closing(found[-1]) else ""
    return Parts(greeting, "\n\n".join(found), closing)


def sentences(text: str) -> list[str]:
    """The sentences of running text (paragraph and line breaks end one too)."""
    found = []
    for paragraph in paragraphs(text):
        for line in paragraph.splitlines():
            found += [s.strip() for s in _SENTENCE_END.split(line) if _WORD.search(s)]
    return found


def word_count(text: str) -> int:
    return len(text.split())
