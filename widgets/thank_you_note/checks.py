"""The checks a career advisor would make on a note (the guide's "Before you
send"), run on the text as it will be sent, edited or not.

Each check passes, warns about something to fix, or is a to-do for what is
still missing: an untouched form shows only to-dos, and a finished note
reaches an all-clear. Things only the reader can confirm (names spelled
right, an attachment included) are boxes they tick.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from widgets.record import record
from widgets.thank_you_note.inputs import Confirmed, Inputs, Interviewer
from widgets.thank_you_note.logic import CARD_MAX_WORDS, CARD_SENTENCES, LINKEDIN_MAX_CHARS, is_frame, stock_key
from widgets.writing.greetings import addressed_as
from widgets.writing.lint import (
    Check,
    cliche_check,
    has_gratitude,
    has_interest,
    marks_check,
    passed,
    placeholder_check,
    placeholders,
    todo,
    warn,
)
from widgets.writing.lists import and_list, quoted_list
from widgets.writing.parts import sentences, split_message, word_count

EMAIL_WORDS = (100, 200)  # words in the whole e-mail, greeting and signature included
INFORMATIONAL_SENTENCES = (3, 5)
# Two notes "say the same" when they share more than half their sentences, or
# when difflib's ratio of their words in order (2 * matching / all) is over this.
SIMILAR_RATIO = 0.6
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
# What a note promises to include: the reader ticks that it really is.
_PROMISE = re.compile(
    r"\b(?:attach(?:ed|ing|ment|ments)?|enclos(?:ed|ing|ure)|links?|portfolio|promised)\b|https?://|\bwww\.",
    re.IGNORECASE,
)


@record
class Final:
    """A note as it will be sent: the subject and the body the reader sees."""

    subject: str
    body: str
    edited: bool  # the reader changed the body: its blanks and lengths are theirs


def specific_check(inputs: Inputs, person: Interviewer, shared_detail: bool = True) -> Check:
    """``shared_detail``: this note carries the reader's shared detail (a panel's
    notes may not: then only what this person asked about makes it specific)."""
    given = " ".join(p for p in (person.detail, inputs.discussed if shared_detail else "") if p)
    words = _WORD.findall(given.lower())
    content = [w for w in words if w not in _GENERIC_WORDS]
    who = person.name or "this interviewer"
    if not words:
        if inputs.informational:
            return todo(f"Add what {who} talked about: one piece of their advice that helped you.")
        return todo(f"Add what {who} asked about, or one specific thing you discussed.")
    if len(content) < 2:
        return warn("This detail could fit any interview: name the project, challenge or question you discussed.")
    if not inputs.informational and not inputs.strengths and inputs.format != "linkedin":
        return todo("Link what you discussed to one of your strengths, in a sentence.")
    return passed("Specific: the note names something from your conversation.")


def gratitude_check(message: str) -> Check:
    if has_gratitude(message):
        return passed("Gratitude: you thank them for their time.")
    return warn("Thank them for their time and for considering you.")


def interest_check(message: str) -> Check:
    if has_interest(message):
        return passed("Interest: you say you are still interested.")
    return warn("Say plainly that you are still interested in the role.")


def length_check(inputs: Inputs, final: Final, unfinished: bool) -> tuple[Check, str]:
    """The check and the count the preview shows beside the note. A length off
    because fields are still empty is a to-do, not a warning."""
    flag = todo if unfinished else warn
    message = split_message(final.body).message
    if inputs.format == "linkedin":
        chars = len(final.body)
        count = f"{chars} of {LINKEDIN_MAX_CHARS} characters"
        if chars > LINKEDIN_MAX_CHARS:
            over = chars - LINKEDIN_MAX_CHARS
            return warn(
                f"Trim {over} character{'s' * (over != 1)}: a LinkedIn note has room for {LINKEDIN_MAX_CHARS}."
            ), count
        return passed(f"Length: {count}."), count
    if inputs.format == "card" or inputs.informational:
        low, high = CARD_SENTENCES if inputs.format == "card" else INFORMATIONAL_SENTENCES
        found = len(sentences(message))
        words = word_count(message)
        kind = "a card" if inputs.format == "card" else "an informational note"
        count = f"{found} sentence{'s' * (found != 1)} (aim for {low}-{high})"
        if found > high:
            return flag(
                f"{kind[0].upper()}{kind[1:]} needs {low}-{high} sentences; this one has {found}: shorten it."
            ), count
        if found < low:
            return flag(
                f"{kind[0].upper()}{kind[1:]} needs {low}-{high} sentences; this one has {found}: add a detail."
            ), count
        if inputs.format == "card" and words > CARD_MAX_WORDS:
            return flag(f"A card holds about {CARD_MAX_WORDS} words; this one has {words}: shorten it."), count
        return passed(f"Length: {found} sentences, right for {kind}."), count
    low, high = EMAIL_WORDS
    words = word_count(final.body)
    count = f"{words} word{'s' * (words != 1)} (aim for {low}-{high})"
    if words > high:
        return flag(f"Aim for {low}-{high} words; this e-mail has {words}: cut what they don't need."), count
    if words < low:
        return flag(f"Aim for {low}-{high} words; this e-mail has {words}: say more about what you discussed."), count
    return passed(f"Length: {words} words, right for an e-mail."), count


def name_check(inputs: Inputs, person: Interviewer, final: Final) -> Check | None:
    """The greeting names the person as the form spells them."""
    if not person.name:
        return None
    forms = {addressed_as(person.name, "formal"), addressed_as(person.name, "warm"), person.name}
    greeting = split_message(final.body).greeting or final.body.split("\n", 1)[0]
    if any(form and form in greeting for form in forms):
        return passed(f"Name: spelled “{person.name}”, as in the form.")
    return warn(f"The greeting “{greeting}” doesn't spell the name as the form does (“{person.name}”).")


def note_checks(
    inputs: Inputs, person: Interviewer, final: Final, shared_detail: bool = True
) -> tuple[list[Check], str]:
    # Only the first check reads the shared fields the reader is typing in; the
    # rest depend on the note's text, its format and the person's name, and are
    # read once per text (_text_checks).
    form = Inputs(interview_type=inputs.interview_type, format=inputs.format)
    checks, count = _text_checks(form, Interviewer(name=person.name), final)
    return [specific_check(inputs, person, shared_detail), *checks], count


# Cached: while the reader types, most notes of a panel keep their text (the
# ones the typed field does not reach, and every note they edited). The checks
# are shared between calls: nothing changes a check once made.
@lru_cache(maxsize=32)
def _text_checks(form: Inputs, person: Interviewer, final: Final) -> tuple[tuple[Check, ...], str]:
    text = f"{final.subject}\n{final.body}"
    message = split_message(final.body).message
    unfinished = bool(placeholders(text)) and not final.edited
    length, count = length_check(form, final, unfinished)
    checks = [
        gratitude_check(message),
        None if form.informational else interest_check(message),
        placeholder_check(text, from_form=not final.edited),
        length,
        cliche_check(text),
        marks_check(text),
        name_check(form, person, final),
    ]
    return tuple(c for c in checks if c), count


@lru_cache(maxsize=32)  # asked of every note on every keystroke
def promises_something(body: str) -> bool:
    """The message (not the signature, whose profile address is no promise)
    mentions an attachment or a link."""
    return bool(_PROMISE.search(split_message(body).message))


def confirm_checks(confirmed: Confirmed, people: list[Interviewer], bodies: list[str]) -> list[Check]:
    """The to-dos the reader ticks: names and titles, and what a note promises."""
    named = [p.name for p in people if p.name]
    found = []
    if confirmed.names:
        found.append(passed("Names and titles checked."))
    elif named:
        titles = "their titles" if len(named) > 1 else "their title"
        found.append(
            todo(f"Check the spelling of {and_list(named)} and {titles}, then tick “Names and titles checked”.")
        )
    promising = any(promises_something(b) for b in bodies)
    if promising and confirmed.attachments:
        found.append(passed("Attachments and links included."))
    elif promising:
        found.append(
            todo("A note mentions an attachment or a link: include it, then tick “Attachments and links included”.")
        )
    return found


# --------------------------------------------------------------- a panel


def similarity(a: str, b: str) -> float:
    """How much of two texts' words match in order (difflib's ratio), fast
    when they share a long start and end."""
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


def _key(text: str) -> str:
    return " ".join(stock_key(text).casefold().split())


def substance(message: str) -> list[str]:
    """What a message says: its sentences but the builder's frame (the thanks
    that open every note, the interest and closing lines that end it)."""
    return [s for s in sentences(message) if not is_frame(s)]


def shared_sentences(a: str, b: str) -> list[str]:
    """The sentences of ``a``'s substance that ``b`` says too: word for word,
    case and spacing aside, the builder's synonyms counted as the same words."""
    return _Said(a).shared_with(_Said(b))


class _Said:
    """One message's substance, read once for all the pairs it is in."""

    def __init__(self, message: str):
        self.sentences = substance(message)
        self.keys = [_key(s) for s in self.sentences]
        # The substance with the builder's stock wording set to one form, for the ratio.
        self.text = " ".join(stock_key(s) for s in self.sentences)

    def shared_with(self, other: _Said) -> list[str]:
        theirs = set(other.keys)
        return list(dict.fromkeys(s for s, k in zip(self.sentences, self.keys, strict=True) if k in theirs))


@lru_cache(maxsize=32)
def _read(message: str) -> _Said:
    return _Said(message)


# Cached by the two texts: typing changes one or two notes of a panel, and the
# pairs of the others are not compared again.
@lru_cache(maxsize=64)
def _compare(a: str, b: str) -> tuple[list[str], int, float]:
    """The sentences ``a`` shares with ``b``, the fewer sentences of the two,
    and their words' similarity."""
    x, y = _read(a), _read(b)
    return x.shared_with(y), min(len(x.sentences), len(y.sentences)) or 1, similarity(x.text, y.text)


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def panel_checks(labels: list[str], bodies: list[str], untouched: bool) -> list[Check]:
    """Pairs of notes that say the same: more than half their sentences shared,
    or their words alike past SIMILAR_RATIO. Compared as sent, without the
    greetings and signatures (which differ by design) and the builder's frame
    (the thanks, interest and closing lines every note has)."""
    if len(bodies) < 2:
        return []
    messages = [split_message(b).message for b in bodies]
    found = []
    for j in range(1, len(messages)):
        for i in range(j):
            shared, fewest, ratio = _compare(messages[i], messages[j])
            if len(shared) * 2 <= fewest and ratio <= SIMILAR_RATIO:
                continue
            who = f"{labels[i]} and {labels[j]}"
            if untouched:
                found.append(todo(f"Add what {who} each asked about, so each note says something of its own."))
                continue
            if shared:
                quoted = quoted_list([_short(s) for s in shared], limit=3)
                found.append(
                    warn(
                        f"The notes to {who} share {len(shared)} of {fewest} sentences: "
                        f"{quoted}. Make each about what that person asked or cared about."
                    )
                )
            else:
                found.append(
                    warn(
                        f"The notes to {who} read nearly the same ({round(ratio * 100)}% of their words "
                        "match): make each about what that person asked or cared about."
                    )
                )
    return found or [passed("Each note says something of its own.")]
