"""The rejection-response checklist's rules, on CPython."""

import json

import pytest

from widgets.binding import handle
from widgets.rejection_checklist import WIDGET
from widgets.rejection_checklist.logic import STEPS, compose_reply, progress, step_field

OPTIONS = WIDGET.resolve_options({})


def test_steps_follow_the_guide():
    assert [s.id for s in STEPS] == ["pause", "reply", "feedback", "future", "reflect"]
    assert "24-48 hours" in STEPS[1].label
    assert "optional" in STEPS[2].label
    assert "mock interview with a career advisor" in STEPS[2].detail


@pytest.mark.parametrize("ticked, expected", [(0, "0 of 5 done"), (3, "3 of 5 done"), (5, "5 of 5 done")])
def test_progress_counts_ticked_steps(ticked, expected):
    state = {step_field(s): i < ticked for i, s in enumerate(STEPS)}
    assert progress(state) == expected


def test_progress_ignores_anything_but_true():
    assert progress({"step_pause": "on", "step_reply": 1, "step_future": True}) == "1 of 5 done"


def test_reply_uses_every_choice():
    reply = compose_reply(
        your_name="Sam Lee",
        contact="Ms Okafor",
        company="Acme",
        role="Analyst",
        ask_feedback=True,
        stay_in_touch=True,
    )
    assert reply.startswith("Dear Ms Okafor,\n\n")
    assert "your decision about the Analyst role" in reply
    assert "interview at Acme" in reply
    assert "feedback" in reply
    assert "learning about Acme" in reply and "future openings" in reply
    assert reply.endswith("Best regards,\nSam Lee")


def test_reply_without_the_optional_parts():
    reply = compose_reply(
        your_name="",
        contact="",
        company="",
        role="",
        ask_feedback=False,
        stay_in_touch=False,
    )
    assert reply.startswith("Dear Hiring Manager,")
    assert "feedback" not in reply and "future openings" not in reply
    assert reply.endswith("[Your name]")
    assert "  " not in reply and " ." not in reply


def test_company_field_off_leaves_company_out():
    options = WIDGET.resolve_options({"company_field": False})
    view = WIDGET.view(options, {"company": "Acme", "stay_in_touch": True})
    assert "Acme" not in view["outputs"]["reply"]


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<b onmouseover=x>bold</b> & "quotes"',
        "\u202eRTL override \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
        "Zoë 👩🏽‍💻 e\u0301",
        "x" * 10_000,
    ],
)
def test_hostile_text_comes_back_literally(hostile):
    view = WIDGET.view(OPTIONS, {"contact": hostile, "company": hostile})
    assert f"Dear {hostile}," in view["outputs"]["reply"]


def test_line_breaks_in_a_name_are_folded():
    view = WIDGET.view(OPTIONS, {"contact": "Ada\n\nLovelace"})
    assert view["outputs"]["reply"].startswith("Dear Ada Lovelace,")


def test_binding_round_trip_through_json():
    reply = json.loads(
        handle(
            json.dumps(
                {
                    "widget": "rejection-checklist",
                    "options": {"company_field": True},
                    "state": {"step_pause": True, "contact": "Ms <i>Ng</i>"},
                }
            )
        )
    )
    assert reply["view"]["outputs"]["progress"] == "1 of 5 done"
    assert "Dear Ms <i>Ng</i>," in reply["view"]["outputs"]["reply"]


@pytest.mark.parametrize(
    "request_json, error",
    [
        ('{"widget": "nope"}', "unknown widget 'nope'"),
        ('{"widget": "rejection-checklist", "options": {"x": 1}}', "unknown option 'x'"),
        ('{"widget": "rejection-checklist", "state": [1]}', "state must be an object"),
        ("not json", "Expecting value"),
    ],
)
def test_binding_reports_bad_requests(request_json, error):
    assert error in json.loads(handle(request_json))["error"]
