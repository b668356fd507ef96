"""``thank-you-note``: a note per interviewer, in the format and tone chosen,
with the checks a career advisor would make, a mailto link and a .txt file."""

from widgets.base import Option, Widget
from widgets.dates import DATE_STYLE_OPTION
from widgets.interview import DEFAULT_INTERVIEW_TYPE, INTERVIEW_TYPES
from widgets.thank_you_note.inputs import FORMATS, TONES, read_interviewers
from widgets.thank_you_note.view import view

# The form before anything is typed: one interviewer, an e-mail, formal.
DEFAULT_STATE = {
    "interviewers.0.name": "",
    "interviewers.0.title": "",
    "interviewers.0.email": "",
    "interviewers.0.detail": "",
    "interviewers.0.clarify": "",
    "interview_type": DEFAULT_INTERVIEW_TYPE,
    "format": "email",
    "tone": "formal",
}

FORMAT_LABELS = {
    "email": "E-mail, with a subject line",
    "card": "Handwritten card: 3-5 sentences, no subject",
    "linkedin": "LinkedIn message: a few lines",
}
TONE_LABELS = {"formal": "Formal", "warm": "Warm"}

WIDGET = Widget(
    name="thank-you-note",
    view=view,
    options=(
        Option("heading", str, "Build your thank-you note", "The widget's heading."),
        DATE_STYLE_OPTION,
    ),
    initial_state=DEFAULT_STATE,
    template_context={
        "interview_types": INTERVIEW_TYPES,
        "formats": [(f, FORMAT_LABELS[f]) for f in FORMATS],
        "tones": [(t, TONE_LABELS[t]) for t in TONES],
        "interviewer_rows": read_interviewers,
    },
)
