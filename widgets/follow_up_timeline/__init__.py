"""``follow-up-timeline``: an interview date in, a dated follow-up plan and a
calendar file out."""

from widgets.base import IsoDates, Option, Widget
from widgets.dates import DATE_STYLE_OPTION
from widgets.follow_up_timeline.calendar_file import REMINDERS
from widgets.follow_up_timeline.drafts import SLOTS
from widgets.follow_up_timeline.logic import SECTIONS, Rules
from widgets.follow_up_timeline.view import view
from widgets.interview import DEFAULT_INTERVIEW_TYPE, INTERVIEW_TYPES

_RULES = Rules()

# The form before anything is typed: the guide's one default interview type,
# weekends skipped, the first reminder choice.
DEFAULT_STATE = {"interview_type": DEFAULT_INTERVIEW_TYPE, "skip_weekends": True, "reminder": REMINDERS[0][0]}

WIDGET = Widget(
    name="follow-up-timeline",
    view=view,
    options=(
        Option("heading", str, "Your follow-up timeline", "The widget's heading."),
        Option(
            "closed_days",
            IsoDates,
            (),
            "Dates no step falls on, on top of the public holidays: [2026-12-24, 2026-12-31].",
        ),
        Option(
            "public_holidays",
            dict,
            None,
            "The public holidays of the guide's region (build_tools.public_holidays.HolidayData).",
            site="mkdocs.yml extra.holidays",
        ),
        DATE_STYLE_OPTION,
        Option(
            "guide_links",
            dict,
            None,
            "Each guide section's href from the page holding the widget (build_tools.guide_links).",
            site="the build (the sections the widget names, by page and heading)",
        ),
        Option(
            "thank_you_hours",
            int,
            _RULES.thank_you_hours,
            "Hours after the interview the thank-you note is due.",
            minimum=1,
            maximum=72,
        ),
        Option(
            "informational_thank_you_days",
            int,
            _RULES.informational_thank_you_days,
            "Days after an informational interview the thank-you note is due.",
            minimum=1,
            maximum=14,
        ),
        Option(
            "decision_check_business_days",
            int,
            _RULES.decision_check_business_days,
            "Business days after the employer's decision date for the first status check.",
            minimum=1,
            maximum=20,
        ),
        Option(
            "no_decision_check_days",
            int,
            _RULES.no_decision_check_days,
            "Days after the interview for the first status check when no decision date was given.",
            minimum=1,
            maximum=30,
        ),
        Option(
            "second_check_days",
            int,
            _RULES.second_check_days,
            "Days after the first status check for the second.",
            minimum=1,
            maximum=30,
        ),
        Option(
            "stay_in_touch_days",
            int,
            _RULES.stay_in_touch_days,
            "Days after the second check for the stay-in-touch step.",
            minimum=1,
            maximum=180,
        ),
    ),
    initial_state=DEFAULT_STATE,
    template_context={"interview_types": INTERVIEW_TYPES, "reminders": REMINDERS, "draft_slots": SLOTS},
    sections=SECTIONS,
)
