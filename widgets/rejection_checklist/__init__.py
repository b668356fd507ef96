"""``rejection-checklist``: steps after a rejection, progress, and a reply composer."""

from widgets.base import Option, Widget
from widgets.dates import DATE_STYLE_OPTION
from widgets.rejection_checklist.logic import STEPS, step_field, view

# The form before anything is typed: the two optional parts of the reply on.
DEFAULT_STATE = {"ask_feedback": True, "stay_in_touch": True, "tone": "formal"}

WIDGET = Widget(
    name="rejection-checklist",
    view=view,
    options=(
        Option("company_field", bool, True, "Ask for the company's name and use it in the reply."),
        Option("heading", str, "Your rejection-response checklist", "The widget's heading."),
        DATE_STYLE_OPTION,  # its interview chooser (the page runtime) writes dates in the guide's style
    ),
    initial_state=DEFAULT_STATE,
    template_context={
        "steps": STEPS,
        "step_field": step_field,
        "tones": [("formal", "Formal"), ("warm", "Warm")],
    },
)
