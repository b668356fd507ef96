"""Fitting what the reader typed into the builder's sentences.

A fragment goes either inside a sentence ("I enjoyed discussing {}.": no end
punctuation of its own, a capitalised common first word lowered, so never
"discussing The new launch.") or stands as a sentence ("When you asked ...":
first letter capitalised, one end mark, never ". ." or ",.").
"""

from __future__ import annotations

import re

# End marks a sentence may already have; closing quotes and brackets may follow them.
_ENDS = (".", "!", "?", "…")
_CLOSERS = "\"'”’)]"
# Common words a reader capitalises out of habit at the start of a fragment;
# lowered inside a sentence. Names, acronyms and products ("SQL", "Python")
# are not in this list and keep their capital.
_COMMON_FIRST_WORDS = frozenset(
    """a an the this that these those your our my their his her its some any each every all both
    how what why when where which who whether if
    building working using making improving reducing growing planning managing leading running
    designing testing writing learning cutting moving setting meeting seeing talking hearing
    visiting touring discussing getting taking reading analysing analyzing checking""".split()
)
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?…])")
# A comma, semicolon or colon right before an end mark: ",." is a seam, "." is meant.
_MARK_BEFORE_END = re.compile(r"[,;:]+(?=[.!?…])")
_DOT_RUN = re.compile(r"\.(?:\s*\.)+")
# A web or mail address at the very end: left without a full stop.
_ENDS_WITH_ADDRESS = re.compile(r"(?:\w+://|www\.|\S+@)\S+$")
_TRAILING = re.compile(r"[\s,;:\-–—.!?…]*$")


def _dots(match: re.Match[str]) -> str:
    # ". ." or ".." becomes one full stop; an ellipsis "..." is the reader's to keep.
    run = match.group(0)
    return run if len(run) >= 3 and run.strip(".") == "" else "."


def tidy(text: str) -> str:
    """One line: runs of white space as one space, no space before a mark,
    no ",." and no ". ."."""
    text = _SPACE_BEFORE_MARK.sub(r"\1", " ".join(text.split()))
    return _DOT_RUN.sub(_dots, _MARK_BEFORE_END.sub("", text))


def _trailing_start(text: str) -> int:
    match = _TRAILING.search(text)  # always matches, if only at the end
    return match.start() if match else len(text)


def phrase(fragment: str) -> str:
    """A fragment used inside a sentence: trimmed, without end punctuation,
    a capitalised common first word lowered ("The new launch" -> "the new launch")."""
    text = tidy(fragment)
    text = text[: _trailing_start(text)]
    first, _, rest = text.partition(" ")
    if first[:1].isupper() and first[1:].islower() and first.lower() in _COMMON_FIRST_WORDS:
        text = first.lower() + (f" {rest}" if rest else "")
    return text


def without_lead(fragment: str, *leads: str) -> str:
    """The fragment without a lead word the sentence already says:
    "about budgets" after "asked about" is "budgets"."""
    text = phrase(fragment)
    for lead in leads:
        if text.lower().startswith(lead.lower() + " "):
            return text[len(lead) + 1 :].lstrip()
    return text


def sentence(fragment: str) -> str:
    """A fragment as a sentence of its own: first letter capitalised, one end mark
    ("?" and "!" and an ellipsis kept, else a full stop)."""
    text = tidy(fragment)
    cut = _trailing_start(text)
    body, tail = text[:cut], text[cut:]
    if not body:
        return ""
    body = cap_first(body)
    if body.rstrip(_CLOSERS).endswith(_ENDS):  # 'She said "yes."' ends already
        return body
    if _ENDS_WITH_ADDRESS.search(body):  # a full stop after a link would become part of it
        return body
    marks = "".join(c for c in tail if c in "?!…")
    if marks:  # "?", "!", "?!" and an ellipsis as the reader typed them
        return body + marks
    return body + ("..." if "..." in tail else ".")


def question(fragment: str) -> str:
    """A fragment as a question of its own: first letter capitalised, one "?"."""
    text = sentence(fragment)
    if not text or text.endswith("?") or _ENDS_WITH_ADDRESS.search(text):
        return text
    return text.rstrip(".!…") + "?"


def join(*parts: str) -> str:
    """Sentences side by side, the empty ones left out."""
    return " ".join(p for p in parts if p)


def cap_first(text: str) -> str:
    """The first letter in upper case, when it has a one-letter capital ("ß" stays)."""
    first = text[:1].upper()
    return first + text[1:] if len(first) == 1 else text
