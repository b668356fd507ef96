"""Composing one thank-you note: the guide's "What to say" as sentences.

Gratitude first, with the role and the company named once; then what this
interviewer asked about and the specific detail, tied to a strength; then
the point owed to this person only; then fit and interest. A required field
left empty shows as a [placeholder] the checks point at; an empty optional
one leaves its sentence out.

A panel gets notes that differ in substance: each is built on what that
person asked about and the point owed to them, and the reader's shared
points (the detail with its strength, the fit) are shared out between the
notes instead of being pasted into all of them.

The short formats condense: a card keeps 3-5 sentences and about 80 words,
a LinkedIn note fits its character limit by dropping and shortening content,
not by cutting text mid-word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache

from widgets.dates import long_date
from widgets.thank_you_note.inputs import Inputs, Interviewer
from widgets.writing.greetings import greeting
from widgets.writing.message import Message
from widgets.writing.sentences import join, phrase, sentence, without_lead
from widgets.writing.signature import signature_block

# A note for the LinkedIn format must fit in this many characters: what
# LinkedIn has long allowed with a connection request, so it works as that or
# as a message.
LINKEDIN_MAX_CHARS = 300
CARD_MAX_WORDS = 80
CARD_SENTENCES = (3, 5)

PLACEHOLDERS = {
    "your_name": "[Your name]",
    "interviewer": "[Interviewer's name]",
    "company": "[Company]",
    "role": "[Role]",
    "detail": "[One thing you discussed, and how it connects to one of your strengths.]",
    "advice": "[One piece of their advice that helped you.]",
    "fit": "[Why you fit the role, in a sentence.]",
}

# What the interview was, after "Thank you for".
_ACTIVITY = {
    "phone": "speaking with me by phone",
    "video": "speaking with me",
    "on-site": "meeting with me",
    "panel": "meeting with me",
    "final-round": "meeting with me for the final round",
}
# Stock wording, by tone; a panel's notes take them in turn (the substance
# differs anyway: these only keep the shared frame from reading as a form letter).
_THANKS = {
    "formal": ("Thank you for", "I am grateful to you for", "Thank you very much for"),
    "warm": ("Thank you so much for", "Many thanks for", "I really appreciated you"),
}
_PERSON = {
    "formal": (
        "I appreciated your questions about {}.",
        "I valued our exchange about {}.",
        "I enjoyed your questions about {}.",
    ),
    "warm": (
        "I enjoyed your questions about {}.",
        "I loved our exchange about {}.",
        "Your questions about {} were great to think through.",
    ),
}
_DISCUSSED = {
    "formal": ("I especially enjoyed discussing {}.", "Our discussion of {} was particularly interesting."),
    "warm": ("I really enjoyed talking about {}.", "Our chat about {} has stayed with me."),
}
_DISCUSSED_ALSO = {"formal": "I also enjoyed discussing {}.", "warm": "It was great to talk about {} as well."}
_INTEREST = {
    "formal": (
        "I remain very interested in the role and in joining your team.",
        "I am still very keen to join your team in this role.",
        "The role interests me even more after our conversation.",
    ),
    "warm": (
        "I'm even more excited about the role and would love to join your team.",
        "I'd love to join your team in this role.",
        "I'm keener than ever to join the team.",
    ),
}
_CLOSING = {
    "formal": (
        "I look forward to hearing about the next steps.",
        "I look forward to hearing from you.",
        "I hope to hear from you about the next steps.",
    ),
    "warm": (
        "I'm looking forward to hearing about the next steps.",
        "I hope to hear from you soon.",
        "I look forward to hearing what comes next.",
    ),
}
# An informational interview: thanks for advice, no role to win.
_ADVICE_THANKS = {
    "formal": "Thank you for taking the time to share your advice with me{on}.",
    "warm": "Thank you so much for taking the time to talk with me{on}.",
}
_ADVICE_DETAIL = {
    "formal": "Your advice on {} was especially helpful.",
    "warm": "What you said about {} was really helpful.",
}
_ADVICE_DISCUSSED = {"formal": "I also enjoyed hearing about {}.", "warm": "I also loved hearing about {}."}
_ADVICE_CLOSING = {
    "formal": "I will let you know how I put your advice to use.",
    "warm": "I'll let you know how I put your advice to use.",
}


def _pick(options: tuple[str, ...], variant: int) -> str:
    return options[variant % len(options)]


def subject_line(inputs: Inputs) -> str:
    if inputs.format != "email":
        return ""
    if inputs.informational:
        return "Thank you for your advice"
    role = phrase(inputs.role) or PLACEHOLDERS["role"]
    return f"Thank you for the {role} interview" if inputs.tone == "warm" else f"Thank you - {role} interview"


def _on_day(inputs: Inputs) -> str:
    return f" on {long_date(inputs.date, inputs.date_style)}" if inputs.date else ""


def _opening(inputs: Inputs, variant: int, short: bool = False) -> str:
    """ "Thank you for meeting with me on Tuesday 4 March to discuss the Analyst role at Acme." """
    role = phrase(inputs.role) or PLACEHOLDERS["role"]
    company = phrase(inputs.company) or PLACEHOLDERS["company"]
    thanks = _pick(_THANKS[inputs.tone], variant)
    activity = _ACTIVITY[inputs.interview_type]
    day = "" if short else _on_day(inputs)
    # "on Tuesday, March 4, to discuss": a month-day date closes its comma; "on Tuesday 4 March to" has none.
    comma = "," if day and inputs.date_style.order == "month-day" else ""
    at = "" if short and len(role) + len(company) > 40 else f" at {company}"
    about = "to discuss" if activity.startswith("meeting") else "about"
    return f"{thanks} {activity}{day}{comma} {about} the {role} role{at}."


def _person_sentence(inputs: Inputs, person: Interviewer, variant: int, condensed: bool = False) -> str:
    detail = without_lead(person.detail, "about", "asked about", "on")
    if condensed:
        detail = condense(detail)
    return _pick(_PERSON[inputs.tone], variant).format(detail) if detail else ""


def _discussed_sentence(inputs: Inputs, variant: int, also: bool) -> str:
    discussed = without_lead(inputs.discussed, "discussing", "about")
    if not discussed:
        return ""
    if also:  # after what this person asked about
        return _DISCUSSED_ALSO[inputs.tone].format(discussed)
    return _pick(_DISCUSSED[inputs.tone], variant).format(discussed)


def _closing(inputs: Inputs, short: bool = False, bare: bool = False) -> str:
    name = inputs.your_name or PLACEHOLDERS["your_name"]
    return signature_block(inputs.tone, name, "" if short or bare else inputs.signature, short=short)


def condense(fragment: str) -> str:
    """A fragment's first clause, for the short formats: "how I would check a
    dashboard's numbers, and why it matters" -> "how I would check a dashboard's numbers"."""
    text = phrase(fragment)
    for separator in (", ", "; ", " - ", " – ", " — ", " (", " and ", " because ", " which "):
        head = text.split(separator, 1)[0]
        if head != text and len(head.split()) >= 2:
            text = head
    return phrase(text)


# ------------------------------------------------------------------ pieces


def compose(inputs: Inputs, person: Interviewer, variant: int = 0, panel_size: int = 1) -> Message:
    """The note to ``person``, the ``variant``-th of a panel of ``panel_size``."""
    name = person.name or PLACEHOLDERS["interviewer"]
    card = inputs.format == "card"
    hello = greeting(name, inputs.tone, fallback=PLACEHOLDERS["interviewer"], salutation="Dear" if card else None)
    if inputs.format == "linkedin":
        return Message("", hello, (_linkedin_message(inputs, person, variant, hello),), _closing(inputs, short=True))
    if inputs.informational:
        paragraphs = _informational(inputs, person)
    elif card:
        paragraphs = _card(inputs, person, variant, panel_size)
    else:
        paragraphs = _email(inputs, person, variant, panel_size)
    # A handwritten card is signed with the name alone: phone and links belong in an e-mail.
    return Message(
        subject_line(inputs), hello, tuple(p for p in paragraphs if p), _closing(inputs, short=False, bare=card)
    )


def gets_shared_detail(inputs: Inputs, variant: int, panel_size: int) -> bool:
    """Whether note ``variant`` of a panel carries the shared detail and strength:
    every note but an e-mail of a panel whose reader gave both a detail and a fit,
    where the odd notes carry the fit instead."""
    if inputs.format != "email" or inputs.informational or panel_size == 1:
        return True
    has_detail = bool(phrase(inputs.discussed) or phrase(inputs.strengths))
    return not (has_detail and inputs.fit) or variant % 2 == 0


def _email(inputs: Inputs, person: Interviewer, variant: int, panel_size: int) -> list[str]:
    # The reader's shared points: the detail with its strength, and the fit.
    # A single note carries both; a panel's notes take them in turn.
    detail = [_discussed_sentence(inputs, variant, also=bool(person.detail)), sentence(inputs.strengths)]
    detail = [s for s in detail if s]
    fit = [sentence(inputs.fit)] if inputs.fit else []
    if not gets_shared_detail(inputs, variant, panel_size):
        detail = []
    elif panel_size > 1 and detail and fit:
        fit = []
    first = [_opening(inputs, variant), _person_sentence(inputs, person, variant), *detail]
    if not person.detail and not detail:
        first.append(PLACEHOLDERS["detail"])
    if not fit and panel_size == 1:
        fit = [PLACEHOLDERS["fit"]]
    last = join(*fit, _pick(_INTEREST[inputs.tone], variant), _pick(_CLOSING[inputs.tone], variant))
    return [join(*first), sentence(person.clarify), last]


def _informational(inputs: Inputs, person: Interviewer) -> list[str]:
    tone = inputs.tone
    detail = without_lead(person.detail, "about", "on")
    discussed = without_lead(inputs.discussed, "about")
    advice = _ADVICE_DETAIL[tone].format(detail) if detail else ""
    also = _ADVICE_DISCUSSED[tone].format(discussed) if discussed else ""
    if not advice and also:
        advice, also = also.replace(" also", "", 1), ""
    opening = _ADVICE_THANKS[tone].format(on=_on_day(inputs))
    return [join(opening, advice or PLACEHOLDERS["advice"], also), sentence(person.clarify), _ADVICE_CLOSING[tone]]


def _card(inputs: Inputs, person: Interviewer, variant: int, panel_size: int) -> list[str]:
    """3-5 short sentences, about 80 words at most: the fullest version that fits."""
    if inputs.informational:
        candidates = [_informational(inputs, person)]
    else:
        opening = _opening(inputs, variant, short=True)
        person_line = _person_sentence(inputs, person, variant, condensed=True)
        discussed = _discussed_sentence(inputs, variant, also=bool(person_line))
        detail = person_line or discussed or PLACEHOLDERS["detail"]
        strengths = sentence(inputs.strengths)
        fit = sentence(inputs.fit)
        interest = _pick(_INTEREST[inputs.tone], variant)
        if panel_size > 1 and strengths and fit:  # a panel's cards share the points out, as the e-mails do
            strengths, fit = (strengths, "") if variant % 2 == 0 else ("", fit)
        candidates = [
            [join(opening, detail, strengths), join(fit, interest)],
            [join(opening, detail, strengths), interest],
            [join(opening, detail), join(fit, interest)],
            [join(opening, detail), interest],
        ]
    for paragraphs in candidates:
        words = sum(len(p.split()) for p in paragraphs)
        if words <= CARD_MAX_WORDS:
            return paragraphs
    return candidates[-1]


def _linkedin_message(inputs: Inputs, person: Interviewer, variant: int, hello: str) -> str:
    """The fullest version whose whole text (greeting and sign-off included)
    fits LinkedIn's limit: fewer details, then shorter ones, then fewer words."""
    closing = _closing(inputs, short=True)
    company = phrase(inputs.company)
    role = phrase(inputs.role) or PLACEHOLDERS["role"]
    full_detail = without_lead(person.detail, "about") or without_lead(inputs.discussed, "discussing", "about")
    short_detail = condense(full_detail)
    if inputs.informational:
        thanks = "Thank you for sharing your advice" + (f" about your work at {company}." if company else ".")
        short_thanks = "Thank you for your advice."
        detail_line = "It helped most on {}."
        interest = "I will let you know how I use it."
    else:
        thanks = f"Thank you for speaking with me about the {role} role" + (f" at {company}." if company else ".")
        short_thanks = f"Thank you for speaking with me about the {role} role."
        detail_line = "I enjoyed your questions about {}." if person.detail else "I enjoyed discussing {}."
        interest = (
            "I remain very interested and hope to hear from you."
            if inputs.tone == "formal"
            else ("I'd love to join your team.")
        )
    candidates = []
    for opening in (thanks, short_thanks):
        for detail in dict.fromkeys((full_detail, short_detail, "")):
            candidates.append(join(opening, detail_line.format(detail) if detail else "", interest))
    candidates.append(short_thanks)
    for message in candidates:
        if len(f"{hello}\n\n{message}\n\n{closing}") <= LINKEDIN_MAX_CHARS:
            return message
    # Nothing fits (a very long name or sign-off): the length check warns, and the
    # note keeps what this person asked about, so a panel's notes still differ.
    return join(short_thanks, detail_line.format(short_detail)) if person.detail else short_thanks


# ------------------------------------------------------- comparing a panel's notes
# The patterns below (some fifty) are compiled on first use, a panel's first
# comparison, not at import: on a cold start, a single note's first view does
# not wait for them. A snapshot holds them compiled (warm, registry.import_all).


@cache
def _stock_patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each stock variant as a pattern, with the first variant of its table as
    the replacement: a panel's notes are compared for substance, so "I valued
    our exchange about X." and "I appreciated your questions about X." count
    as the same sentence."""
    found = []
    tables: list[Mapping[str, tuple[str, ...]]] = [_THANKS, _PERSON, _DISCUSSED, _INTEREST, _CLOSING]
    for table in tables:
        for variants in table.values():
            first = variants[0]
            for variant in variants:
                if "{}" in variant:
                    before, after = (re.escape(p) for p in variant.split("{}"))
                    found.append((re.compile(f"^{before}(.+?){after}$"), first.replace("{}", r"\1")))
                elif variant.endswith("."):
                    found.append((re.compile(f"^{re.escape(variant)}$"), first))
                else:  # an opening's first words
                    found.append((re.compile(f"^{re.escape(variant)} "), first + " "))
    return found


# Sentences repeat from one keystroke's view to the next: remembered.
@lru_cache(maxsize=4096)
def stock_key(sentence: str) -> str:
    """A sentence with the builder's varied stock wording set to one form."""
    for pattern, replacement in _stock_patterns():
        changed, n = pattern.subn(replacement, sentence, count=1)
        if n:
            return changed
    return sentence


@cache
def _frame_patterns() -> list[re.Pattern[str]]:
    """The builder's frame sentences, in their first (stock_key) form: the
    thanks that open a note and the interest and closing lines that end it.
    Every note has them; they are set aside when a panel's notes are compared."""
    role = r"the .+ role(?: at .+)?"
    # The date as either style writes it: "on Tuesday 17 November" or "on Tuesday, November 17,".
    openings = [
        rf"{re.escape(_THANKS[tone][0])} {re.escape(activity)}(?: on .+?,?)? (?:to discuss|about) {role}\."
        for tone in _THANKS
        for activity in _ACTIVITY.values()
    ]
    openings += [rf"Thank you for speaking with me about {role}\.", r"Thank you for sharing your advice(?: .+)?\."]
    openings += [re.escape(t).replace(re.escape("{on}"), "(?: on .+)?") for t in _ADVICE_THANKS.values()]
    fixed = [v[0] for table in (_INTEREST, _CLOSING) for v in table.values()] + list(_ADVICE_CLOSING.values())
    fixed += [
        "Thank you for your advice.",
        "I will let you know how I use it.",
        "I remain very interested and hope to hear from you.",
        "I'd love to join your team.",
    ]
    return [re.compile(p) for p in openings + [re.escape(f) for f in fixed]]


def warm() -> None:
    """Compiles now what is otherwise compiled on first use (before a snapshot)."""
    _stock_patterns()
    _frame_patterns()


@lru_cache(maxsize=4096)
def is_frame(sentence: str) -> bool:
    """A sentence of the builder's frame (thanks, interest, closing), stock wording set to one form."""
    key = stock_key(sentence)
    return any(pattern.fullmatch(key) for pattern in _frame_patterns())
