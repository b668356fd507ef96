"""The interview every tool asks about: one list of interview types and one
default, so the note builder and the timeline offer the same choices, start
on the same one, and a type typed in one tool means the same in the other
(the page runtime shares it between them: widgets/README.md, "Facts shared by
the tools")."""

from __future__ import annotations

# (value, label) of the interview-type select, in the order shown.
INTERVIEW_TYPES: tuple[tuple[str, str], ...] = (
    ("phone", "Phone"),
    ("video", "Video"),
    ("on-site", "On-site"),
    ("panel", "Panel"),
    ("final-round", "Final round"),
    ("informational", "Informational"),
)
TYPE_VALUES: tuple[str, ...] = tuple(value for value, _ in INTERVIEW_TYPES)
# The type a form starts on, and the one read when a state has none (or one
# not in the list): a first interview is most often a phone screen.
DEFAULT_INTERVIEW_TYPE = "phone"
INFORMATIONAL = "informational"
