"""Composing one thank-you note: the guide's "What to say" as sentences.

Gratitude first, then one specific detail tied to a strength, what this
interviewer cared about, then interest and fit. An empty required field
shows as a [placeholder] the checks point at; an empty optional one leaves
its sentence out. The short formats keep only what fits them: a card 3-5
sentences, a LinkedIn note a few lines.

Each interviewer's note picks its stock wording by position (variant 0, 1,
2, ...), so the notes to a panel read differently even before the reader
personalises them.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.thank_you_note.inputs import Inputs, Interviewer
from widgets.thank_you_note.timing import day_words

PLACEHOLDERS = {
    "your_name": "[Your name]",
    "interviewer": "[Interviewer's name]",
    "company": "[Company]",
    "role": "[Role]",
    "discussed": "[something specific you discussed]",
    "strengths": "[How it connects to one of your strengths.]",
    "fit": "[Why you fit and want the role.]",
}

# What the interview was, after "the time to ...".
_ACTIVITY = {
    "phone": "speak with me by phone",
    "video": "speak with me by video",
    "on-site": "meet with me",
    "panel": "meet with me as part of the panel",
    "final-round": "meet with me for the final round",
    "informational": "share your experience with me",
}

# Stock wording, by tone, one entry per variant.
_THANKS = {
    "formal": (
        "Thank you for taking the time to",
        "I am grateful that you took the time to",
        "Thank you very much for making the time to",
    ),
    "warm": (
        "Thank you so much for taking the time to",
        "I really appreciated you taking the time to",
        "Many thanks for making the time to",
    ),
}
# A LinkedIn note's shorter thanks, before "about ...".
_SHORT_THANKS = {
    "formal": (
        "Thank you for speaking with me",
        "I am grateful for our conversation",
        "Thank you for your time and our talk",
    ),
    "warm": (
        "Thanks so much for chatting with me",
        "I really appreciated our conversation",
        "Many thanks for talking with me",
    ),
}
_DISCUSSED = {
    "formal": (
        "I especially enjoyed discussing {}.",
        "Our discussion of {} was particularly valuable to me.",
        "I found our conversation about {} especially interesting.",
    ),
    "warm": (
        "I really enjoyed talking about {}.",
        "Our chat about {} has stayed with me.",
        "I loved hearing more about {}.",
    ),
}
# What this interviewer brought: keyed by which of title and detail are given.
_PERSONAL = {
    "title+detail": (
        "I also appreciated your perspective as {title} on {detail}.",
        "Hearing your view as {title} on {detail} was especially helpful.",
        "As {title}, your thoughts on {detail} gave me a lot to think about.",
    ),
    "title": (
        "I also appreciated hearing your perspective as {title}.",
        "It was helpful to hear how the work looks from your side as {title}.",
        "Your insights as {title} gave me a lot to think about.",
    ),
    "detail": (
        "I also appreciated your perspective on {detail}.",
        "Hearing your view on {detail} was especially helpful.",
        "Your thoughts on {detail} gave me a lot to think about.",
    ),
}
_INTEREST = {
    ("formal", False): "I remain very interested in the {role} role and in joining the team at {company}.",
    ("warm", False): "I'm excited about the {role} role and would love to join the team at {company}.",
    ("formal", True): "Our conversation has made me even more interested in {role} roles.",
    ("warm", True): "I'm even more interested in {role} roles after our conversation.",
}
_SHORT_INTEREST = {
    ("formal", False): "I remain very interested in the role.",
    ("warm", False): "I'm excited about the role.",
    ("formal", True): "Our conversation has made me even more interested in {role} roles.",
    ("warm", True): "I'm even more interested in {role} roles now.",
}
_CLARIFY_LEAD = {"formal": "I would also like to add one point:", "warm": "One more thing I wanted to add:"}
_MATERIALS = {"formal": "As promised, I have attached {}.", "warm": "As promised, I've attached {}."}
_CLOSING = {
    ("formal", False): "I look forward to hearing from you about the next steps.",
    ("warm", False): "I'm looking forward to hearing about the next steps.",
    ("formal", True): "I will keep you updated on how I put your advice to use.",
    ("warm", True): "I'd love to keep in touch and let you know how things go.",
}
_SIGN_OFF = {"formal": "Kind regards,", "warm": "Best wishes,", "linkedin": "Best,"}
_HONORIFICS = {"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor"}


@dataclass(frozen=True)
class Note:
    subject: str  # "" for a card or a LinkedIn message
    greeting: str
    paragraphs: tuple[str, ...]  # the message between greeting and sign-off
    sign_off: str
    signature: str

    @property
    def message(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def body(self) -> str:
        return f"{self.greeting}\n\n{self.message}\n\n{self.sign_off}\n{self.signature}"


def phrase(value: str) -> str:
    """A field used inside a sentence: its own end punctuation dropped."""
    return value.rstrip(" .!?;:,")


def sentence(value: str) -> str:
    """A field used as a sentence of its own: capitalised, ending in punctuation."""
    if value[:1].islower():
        value = value[0].upper() + value[1:]
    return value if value.endswith((".", "!", "?", "…", '"', "”", ")")) else value + "."


def greeting_name(name: str, tone: str) -> str:
    """The full name when formal; when warm, the first name ("Dr. Okafor" stays so)."""
    words = name.split()
    if tone == "formal" or len(words) < 2:
        return name
    if words[0].lower().rstrip(".") in _HONORIFICS:
        return f"{words[0]} {words[-1]}"
    return words[0]


def _personal(person: Interviewer, variant: int) -> str:
    title, detail = person.title, phrase(person.detail)
    kind = "+".join(k for k, v in (("title", title), ("detail", detail)) if v)
    if not kind:
        return ""
    wording = _PERSONAL[kind]
    return wording[variant % len(wording)].format(title=title, detail=detail)


def _opening(inputs: Inputs, variant: int) -> str:
    company = inputs.company or PLACEHOLDERS["company"]
    if inputs.interview_type == "informational":
        about = f"about your work at {company}"
    else:
        about = f"about the {inputs.role or PLACEHOLDERS['role']} role at {company}"
    if inputs.format == "linkedin":  # short: no date, no kind of interview
        thanks = _SHORT_THANKS[inputs.tone]
        return f"{thanks[variant % len(thanks)]} {about}."
    thanks = _THANKS[inputs.tone]
    on_date = f" on {day_words(inputs.date)}" if inputs.date else ""
    return f"{thanks[variant % len(thanks)]} {_ACTIVITY[inputs.interview_type]} {about}{on_date}."


def subject_line(inputs: Inputs) -> str:
    if inputs.format != "email":
        return ""
    if inputs.interview_type == "informational":
        return "Thank you for your advice" if inputs.tone == "warm" else "Thank you - informational interview"
    role = inputs.role or PLACEHOLDERS["role"]
    return f"Thank you for the {role} interview" if inputs.tone == "warm" else f"Thank you - {role} interview"


def compose(inputs: Inputs, person: Interviewer, variant: int = 0) -> Note:
    tone, fmt = inputs.tone, inputs.format
    informational = inputs.interview_type == "informational"
    discussed_wording = _DISCUSSED[tone][variant % len(_DISCUSSED[tone])]
    discussed = discussed_wording.format(phrase(inputs.discussed) or PLACEHOLDERS["discussed"])
    strengths = sentence(inputs.strengths) if inputs.strengths else PLACEHOLDERS["strengths"]
    interest = (_SHORT_INTEREST if fmt == "linkedin" else _INTEREST)[tone, informational].format(
        role=inputs.role or PLACEHOLDERS["role"], company=inputs.company or PLACEHOLDERS["company"]
    )
    opening, personal = _opening(inputs, variant), _personal(person, variant)

    if fmt == "linkedin":
        # A few lines: thanks, one detail, this person, interest.
        paragraphs = [" ".join(filter(None, [opening, discussed, personal, interest]))]
    elif fmt == "card":
        # 3-5 sentences: fit and the optional points are left for an e-mail.
        paragraphs = [" ".join(filter(None, [opening, discussed, strengths, personal])), interest]
    else:
        # After an informational interview there may be no role to fit yet.
        fit = sentence(inputs.fit) if inputs.fit else ("" if informational else PLACEHOLDERS["fit"])
        paragraphs = [
            " ".join(filter(None, [opening, discussed, strengths, personal])),
            " ".join(filter(None, [fit, interest])),
        ]
        extras = []
        if inputs.clarify:
            extras.append(f"{_CLARIFY_LEAD[tone]} {sentence(inputs.clarify)}")
        if phrase(inputs.materials):
            extras.append(_MATERIALS[tone].format(phrase(inputs.materials)))
        if extras:
            paragraphs.append(" ".join(extras))
        paragraphs.append(_CLOSING[tone, informational])

    name = greeting_name(person.name, tone) if person.name else PLACEHOLDERS["interviewer"]
    greeting = f"Dear {name}," if tone == "formal" or fmt == "card" else f"Hi {name},"
    return Note(
        subject=subject_line(inputs),
        greeting=greeting,
        paragraphs=tuple(paragraphs),
        sign_off=_SIGN_OFF["linkedin" if fmt == "linkedin" else tone],
        signature=inputs.your_name or PLACEHOLDERS["your_name"],
    )
