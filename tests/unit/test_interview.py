"""widgets/interview.py: one list of interview types and one default, used by
every widget that asks for the type (issue 9: the timeline started on phone,
the note builder on video)."""

from __future__ import annotations

import datetime

import pytest

from widgets import follow_up_timeline, thank_you_note
from widgets.follow_up_timeline.form import read_form
from widgets.interview import DEFAULT_INTERVIEW_TYPE, INTERVIEW_TYPES, TYPE_VALUES
from widgets.thank_you_note.inputs import read_inputs

TOOLS_ASKING_FOR_THE_TYPE = (follow_up_timeline, thank_you_note)


def test_the_default_is_one_of_the_types():
    assert DEFAULT_INTERVIEW_TYPE in TYPE_VALUES
    assert tuple(value for value, _ in INTERVIEW_TYPES) == TYPE_VALUES
    assert len(set(TYPE_VALUES)) == len(TYPE_VALUES)


@pytest.mark.parametrize("tool", TOOLS_ASKING_FOR_THE_TYPE, ids=lambda t: t.WIDGET.name)
def test_every_tool_starts_on_the_one_default_and_offers_the_one_list(tool):
    assert tool.WIDGET.initial_state["interview_type"] == DEFAULT_INTERVIEW_TYPE
    assert tool.WIDGET.template_context["interview_types"] is INTERVIEW_TYPES


def test_a_state_without_a_type_reads_as_the_default_in_every_tool():
    assert read_inputs({}).interview_type == DEFAULT_INTERVIEW_TYPE
    interview, errors = read_form({"interview_date": "2026-11-20"}, datetime.date(2026, 11, 22))
    assert interview is not None and interview.kind == DEFAULT_INTERVIEW_TYPE, errors
