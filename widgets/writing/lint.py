"""Checks on a message's text as it will be sent, edited or not: what a career
advisor looks for in any message. Each check passes, warns, or (for what is
still to be added) is a to-do; nothing here knows which widget wrote the text.

A check is ``{"text": ..., "tone": "pass" | "warn" | "todo"}``, the shape the
page writes as list items.
"""

from __future__ import annotations

import json
import pkgutil
import re

from widgets.base import ListItem
from widgets.writing.lists import quoted_list

Check = ListItem  # {text, tone}: a list output's item (widgets/base.py)

_GRATITUDE = re.compile(r"\b(?:thank|thanks|grateful|gratitude|appreciat)", re.IGNORECASE)
_INTEREST = re.compile(
    r"\b(?:interest|excited|eager|keen|look(?:ing)? forward|would love|'d love|welcome the chance|hope to)",
    re.IGNORECASE,
)
PLACEHOLDER = re.compile(r"\[[^\[\]\r\n]{1,80}\]")
_EMOTICON = re.compile(
    r"(?<![\w:;=/])[:;=][-'^]?[)(\]\[DPpOo3*/\\|](?![\w/])"  # :) ;-) :D :P :/ (not https://)
    r"|(?<!\w)[xX]D(?!\w)|<3|\^_?\^"  # xD <3 ^^
    r"|[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50\u2B55]"  # emoji and pictographs
)


def passed(text: str) -> Check:
    return {"text": text, "tone": "pass"}


def warn(text: str) -> Check:
    return {"text": text, "tone": "warn"}


def todo(text: str) -> Check:
    return {"text": text, "tone": "todo"}


def _load_cliches() -> tuple[dict[str, str], re.Pattern[str]]:
    """The phrases, keyed by their matching form, and one pattern for them all."""
    # Read through the package's loader: from the wheel too (the browser).
    # (pkgutil, not importlib.resources: a cold browser's first view imported
    # nine modules for this one file.)
    raw = pkgutil.get_data(__package__, "cliches.json")
    if raw is None:
        raise FileNotFoundError(f"{__package__}/cliches.json")
    data = json.loads(raw.decode("utf-8"))
    phrases = {_key(p): p for p in data["cliches"] if isinstance(p, str) and p.strip()}
    # Longest first, so "think outside the box" wins over "outside the box".
    ordered = sorted(phrases, key=len, reverse=True)
    # Matched against the text in the same key form (see cliches): plain
    # phrases, half the pattern a "[\s-]+" between words made; compiling it is
    # part of a cold page's first view.
    return phrases, re.compile(r"\b(" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


def _key(text: str) -> str:
    """Hyphens and runs of spaces as one space: "go-getter" matches "go getter"."""
    return " ".join(re.split(r"[\s-]+", _plain(text).strip()))


def _plain(text: str) -> str:
    """Lower case, curly apostrophes as straight ones: "Don’t" matches "don't"."""
    return text.lower().replace("’", "'").replace("‘", "'")


CLICHES, _CLICHE_PATTERN = _load_cliches()


def has_gratitude(text: str) -> bool:
    return bool(_GRATITUDE.search(text))


def has_interest(text: str) -> bool:
    return bool(_INTEREST.search(text))


def placeholders(text: str) -> list[str]:
    return list(dict.fromkeys(PLACEHOLDER.findall(text)))


def placeholder_check(text: str, *, from_form: bool) -> Check:
    """Blanks in brackets. From the form (empty fields) they are a to-do; left
    in text the reader edited, they would be sent: a warning."""
    blanks = placeholders(text)
    if not blanks:
        return passed("Complete: no blanks left to fill in.")
    shown = ", ".join(blanks[:4]) + (" and more" if len(blanks) > 4 else "")
    end = "" if shown.endswith(".]") else "."  # no "[A sentence.]."
    if from_form:
        return todo(f"Still to fill in: {shown}{end}")
    return warn(f"Replace what is still in brackets before you send: {shown}{end}")


def cliches(text: str) -> list[str]:
    # In key form (lower case, each run of spaces and hyphens one space) the
    # text matches the phrases as written, and each match is a key.
    return list({CLICHES[m.group(1)]: None for m in _CLICHE_PATTERN.finditer(_key(text))})


def cliche_check(text: str) -> Check:
    found = cliches(text)
    if found:
        return warn(f"Swap cliches for something concrete: {quoted_list(found)}.")
    return passed("No cliches.")


def marks_check(text: str) -> Check:
    exclamations = text.count("!")
    emoticons = list(dict.fromkeys(m.group(0) for m in _EMOTICON.finditer(text)))
    problems = []
    if exclamations > 1:
        problems.append(f"use one exclamation mark at most (this has {exclamations})")
    if emoticons:
        problems.append(f"take out the emoticons: {quoted_list(emoticons, 3)}")
    if problems:
        words = " and ".join(problems)
        return warn(words[0].upper() + words[1:] + ".")
    return passed("Tone: no more than one exclamation mark, no emoticons.")
