"""Greetings by tone, from a typed name.

Formal: courtesy title + surname ("Dear Dr. Chen,"), or the full name when no
title is given ("Dear Jordan Patel,"). Warm: the given name ("Hi Maria,").
Never title + given name + surname, and never an empty greeting.
"""

from __future__ import annotations

import re
from typing import Literal

from widgets.writing.names import Name, parse_name

Tone = Literal["formal", "warm"]
TONES: tuple[Tone, ...] = ("formal", "warm")

# The word before the name, by tone.
SALUTATIONS: dict[str, str] = {"formal": "Dear", "warm": "Hi"}
# Stray marks around a typed name, never part of the greeting: "Dear Maria,," is a seam.
_NOT_A_NAME = " ,;:"


_DOUBLED_COMMA = re.compile(r",(?:\s*,)+")


def _clean(text: str) -> str:
    # A doubled comma inside ("Hiring Manager,, HR") is a seam too: one is kept.
    return _DOUBLED_COMMA.sub(",", " ".join(text.split())).strip(_NOT_A_NAME)


def addressed_as(name: Name | str, tone: str) -> str:
    """How the person is named in the greeting: "Dr. Chen" or "Maria"; "" if nothing was typed."""
    parsed = parse_name(name) if isinstance(name, str) else name
    return parsed.warm if tone == "warm" else parsed.formal


def greeting(name: Name | str, tone: str, *, fallback: str, salutation: str | None = None) -> str:
    """ "Dear Dr. Chen," / "Hi Maria,"; ``fallback`` ("Hiring Manager", "[Interviewer's name]")
    when no name was typed. ``salutation`` overrides the tone's word (a card says "Dear" even warm)."""
    word = salutation or SALUTATIONS.get(tone, SALUTATIONS["formal"])
    who = _clean(addressed_as(name, tone)) or _clean(fallback) or "there"
    return f"{word} {who},"
