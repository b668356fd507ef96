"""The checks a career advisor would make on a note (the guide's "Before you
send"): each one passes or makes a short, specific suggestion.

A check is ``{"text": ..., "tone": "pass" | "warn"}``, the shape the page
writes as list items.
"""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher
from importlib import resources

from widgets.base import ListItem
from widgets.thank_you_note.inputs import Inputs, Interviewer
from widgets.thank_you_note.logic import Note

Check = ListItem  # {text, tone}: a list output's item (widgets/base.py)

# Lengths by format (the guide's "Length" advice):
EMAIL_WORDS = (100, 200)  # words in the whole e-mail, greeting and signature included
CARD_SENTENCES = (3, 5)  # sentences between the greeting and the sign-off
# "A few lines": 300 characters is what LinkedIn has long allowed for the note
# sent with a connection request, so a note within it works as that or as a message.
LINKEDIN_MAX_CHARS = 300
# Two notes whose messages, set side by side without names, titles or the
# builder's own varied wording, share this much of their words in order "say
# nearly the same": a copy with a word or two swapped, not a note with a
# sentence of its own. (difflib's ratio: 2 * matching words / all words.)
NEAR_IDENTICAL = 0.97
# Past this, only the words that differ are compared: bounds the diff's time
# for 10,000-character fields, whose notes are alike enough by then anyway.
_MAX_DIFFED_WORDS = 400

# Words that fit any interview: a detail made only of these is not specific.
_GENERIC_WORDS = frozenset(
    """a an the and or but of in on at for to with about from by as into than then so
    i me my we our us you your it its this that these those there here s is was were be
    been are am do did have had how what why who which when where all any some more most
    much many lot lots very really just also everything anything something things thing
    stuff great good nice interesting amazing awesome fun exciting new
    company companies organization organisation firm business department team teams
    role roles job jobs position positions work working opportunity opportunities
    culture values mission vision goals environment people office place industry field
    interview interviews conversation discussion talk chat meeting day today yesterday
    enjoyed learning learned learnt hearing discussed talking about general overall
    responsibilities duties future growth products product services service""".split()
)
_WORD = re.compile(r"\w+")
_GRATITUDE = re.compile(r"\b(?:thank|thanks|grateful|gratitude|appreciat)", re.IGNORECASE)
_INTEREST = re.compile(r"\b(?:interest|excited|eager|keen|look(?:ing)? forward)", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\[[^\[\]\r\n]{1,80}\]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+")
_EMOTICON = re.compile(
    r"(?<![\w:;=/])[:;=][-'^]?[)(\]\[DPpOo3*/\\|](?![\w/])"  # :) ;-) :D :P :/ (not https://)
    r"|(?<!\w)[xX]D(?!\w)|<3|\^_?\^"  # xD <3 ^^
    r"|[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50\u2B55]"  # emoji and pictographs
)


def passed(text: str) -> Check:
    return {"text": text, "tone": "pass"}


def suggest(text: str) -> Check:
    return {"text": text, "tone": "warn"}


def quoted_list(items: list[str], limit: int = 4) -> str:
    shown = ", ".join(f"“{item}”" for item in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _load_cliches() -> tuple[dict[str, str], re.Pattern[str]]:
    """The phrases, keyed by their matching form, and one pattern for them all."""
    # importlib.resources reads the file from the wheel too (the browser).
    data = json.loads(resources.files(__package__).joinpath("cliches.json").read_text(encoding="utf-8"))
    phrases = {_key(p): p for p in data["cliches"] if isinstance(p, str) and p.strip()}
    # Longest first, so "think outside the box" wins over "outside the box".
    ordered = sorted(phrases, key=len, reverse=True)
    alternatives = ["[\\s-]+".join(re.escape(w) for w in key.split()) for key in ordered]
    # Matched against lower-cased text: faster than IGNORECASE on long notes.
    return phrases, re.compile(r"\b(" + "|".join(alternatives) + r")(?!\w)")


def _key(text: str) -> str:
    """Hyphens and runs of spaces as one space: "go-getter" matches "go getter"."""
    return " ".join(re.split(r"[\s-]+", _plain(text).strip()))


def _plain(text: str) -> str:
    """Lower case, curly apostrophes as straight ones: "Don’t" matches "don't"."""
    return text.lower().replace("’", "'").replace("‘", "'")


CLICHES, _CLICHE_PATTERN = _load_cliches()


# ------------------------------------------------------------ one note


def specific_check(inputs: Inputs) -> Check:
    words = _WORD.findall(inputs.discussed.lower())
    content = [w for w in words if w not in _GENERIC_WORDS]
    if not words:
        return suggest("Add one specific thing you discussed, so the note is clearly about your interview.")
    if len(content) < 2 and len(words) < 3:
        return suggest("Say a little more about what you discussed: a project, a challenge or a question they asked.")
    if len(content) < 2:
        return suggest("This detail could fit any interview: name the project, challenge or question you discussed.")
    if not inputs.strengths and inputs.format != "linkedin":
        return suggest("Link what you discussed to one of your strengths, in a sentence.")
    return passed("Specific: the note names something from your conversation.")


def gratitude_check(note: Note) -> Check:
    if _GRATITUDE.search(note.message):
        return passed("Gratitude: you thank them for their time.")
    return suggest("Thank them for their time and for considering you.")


def interest_check(inputs: Inputs, note: Note) -> Check:
    informational = inputs.interview_type == "informational"
    if inputs.format == "email" and not inputs.fit and not informational:
        return suggest("Add why you fit and want the role: one sentence makes your interest believable.")
    if not _INTEREST.search(note.message):
        return suggest("Say plainly that you are still interested.")
    return passed("Interest: you say you are still interested.")


def placeholder_check(note: Note) -> Check:
    blanks = list(dict.fromkeys(_PLACEHOLDER.findall(f"{note.subject}\n{note.body}")))
    if blanks:
        return suggest(
            f"Fill in what is still in brackets: {', '.join(blanks[:4])}" + (" and more." if len(blanks) > 4 else ".")
        )
    return passed("Complete: no blanks left to fill in.")


def sentence_count(text: str) -> int:
    return sum(1 for part in _SENTENCE_END.split(text) if _WORD.search(part))


def length_check(fmt: str, note: Note) -> tuple[Check, str]:
    """The check and the count the preview shows beside the note."""
    if fmt == "linkedin":
        chars = len(note.body)
        count = f"{chars} of {LINKEDIN_MAX_CHARS} characters"
        if chars > LINKEDIN_MAX_CHARS:
            over = chars - LINKEDIN_MAX_CHARS
            text = f"Trim {over} character{'s' * (over != 1)}: a LinkedIn note has room for {LINKEDIN_MAX_CHARS}."
            return suggest(text), count
        return passed(f"Length: {count}."), count
    if fmt == "card":
        low, high = CARD_SENTENCES
        sentences = sentence_count(note.message)
        count = f"{sentences} sentence{'s' * (sentences != 1)} (aim for {low}-{high})"
        if sentences > high:
            return suggest(f"A card has room for {low}-{high} sentences; this one has {sentences}: shorten it."), count
        if sentences < low:
            return suggest(f"A card needs {low}-{high} sentences; this one has {sentences}: add a detail."), count
        return passed(f"Length: {sentences} sentences, right for a card."), count
    low, high = EMAIL_WORDS
    words = len(note.body.split())
    count = f"{words} word{'s' * (words != 1)} (aim for {low}-{high})"
    if words > high:
        return suggest(f"Aim for {low}-{high} words; this e-mail has {words}: cut what they don't need."), count
    if words < low:
        return suggest(
            f"Aim for {low}-{high} words; this e-mail has {words}: say more about what you discussed."
        ), count
    return passed(f"Length: {words} words, right for an e-mail."), count


def cliche_check(note: Note) -> Check:
    text = _plain(f"{note.subject}\n{note.body}")
    found = {CLICHES[_key(m.group(1))]: None for m in _CLICHE_PATTERN.finditer(text)}
    if found:
        return suggest(f"Swap cliches for something concrete: {quoted_list(list(found))}.")
    return passed("No cliches.")


def marks_check(note: Note) -> Check:
    text = f"{note.subject}\n{note.body}"
    exclamations = text.count("!")
    emoticons = list(dict.fromkeys(m.group(0) for m in _EMOTICON.finditer(text)))
    problems = []
    if exclamations > 1:
        problems.append(f"use one exclamation mark at most (this note has {exclamations})")
    if emoticons:
        problems.append(f"take out the emoticons: {quoted_list(emoticons, 3)}")
    if problems:
        text = " and ".join(problems)
        return suggest(text[0].upper() + text[1:] + ".")
    return passed("Tone: no more than one exclamation mark, no emoticons.")


def reminders(inputs: Inputs, person: Interviewer) -> list[Check]:
    """What only the reader can check: names as spelled, promised attachments."""
    found = []
    if person.name:
        spelled = quoted_list([person.name] + ([person.title] if person.title else []))
        found.append(suggest(f"Check the spelling: {spelled}."))
    if inputs.format == "email" and inputs.materials:
        found.append(suggest(f"Attach what you promised before you send: {inputs.materials}."))
    return found


def note_checks(inputs: Inputs, person: Interviewer, note: Note) -> tuple[list[Check], str]:
    length, count = length_check(inputs.format, note)
    checks = [
        specific_check(inputs),
        gratitude_check(note),
        interest_check(inputs, note),
        placeholder_check(note),
        length,
        cliche_check(note),
        marks_check(note),
        *reminders(inputs, person),
    ]
    return checks, count


# --------------------------------------------------------------- a panel


def similarity(a: str, b: str) -> float:
    """How much of two texts' words match in order (difflib's ratio), fast
    when they share a long start and end, as a panel's notes do."""
    x, y = a.split(), b.split()
    total = len(x) + len(y)
    if not total:
        return 1.0
    start = 0
    while start < min(len(x), len(y)) and x[start] == y[start]:
        start += 1
    end = 0
    while end < min(len(x), len(y)) - start and x[-1 - end] == y[-1 - end]:
        end += 1
    x_mid, y_mid = x[start : len(x) - end], y[start : len(y) - end]
    big = len(x_mid) + len(y_mid) > _MAX_DIFFED_WORDS
    matcher = SequenceMatcher(None, x_mid, y_mid, autojunk=big)
    middle = sum(block.size for block in matcher.get_matching_blocks())
    return 2 * (start + end + middle) / total


def panel_checks(labels: list[str], messages: list[str]) -> list[Check]:
    """Groups of interviewers whose notes say the same, or nearly.

    ``messages`` are the notes as they would read without names, titles or
    varied stock wording: what the reader actually says to each person.
    """
    if len(messages) < 2:
        return []
    group = list(range(len(messages)))  # each note's group: the first note it matches
    for j in range(1, len(messages)):
        for i in range(j):
            if group[i] != i:
                continue
            if messages[i] == messages[j] or similarity(messages[i], messages[j]) >= NEAR_IDENTICAL:
                group[j] = i
                break
    found = []
    for first in sorted(set(group)):
        members = [labels[k] for k in range(len(labels)) if group[k] == first]
        if len(members) < 2:
            continue
        same = all(messages[k] == messages[first] for k in range(len(labels)) if group[k] == first)
        how = "the same thing apart from the names" if same else "nearly the same thing"
        found.append(
            suggest(
                f"The notes to {_and_list(members)} say {how}: add what each of them asked about or cared about most."
            )
        )
    return found or [passed("Each note says something of its own.")]


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
