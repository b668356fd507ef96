"""widgets/rejection_checklist/logic.py: the steps, progress and the view with the reply."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from widgets.binding import handle
from widgets.rejection_checklist import WIDGET
from widgets.rejection_checklist.checks import EDITED
from widgets.rejection_checklist.logic import STEPS, progress, step_field
from widgets.writing.mailto import crlf

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


FULL = {
    "your_name": "Sam Rivera",
    "contact": "Ms Priya Natarajan",
    "contact_email": "priya.natarajan@northwind.example",
    "company": "Northwind Health",
    "role": "Junior Data Analyst",
    "detail": "meeting the analytics team",
    "ask_feedback": True,
    "question": "which skill would most strengthen an application like mine",
    "stay_in_touch": True,
    "tone": "formal",
    "signature": "+1 555 0100",
}


def test_the_view_carries_the_reply_its_checks_link_and_file():
    view = WIDGET.view(OPTIONS, FULL)
    reply = view["outputs"]["reply"]
    assert reply.startswith("Dear Ms Natarajan,\n\nThank you for letting me know your decision about the Junior ")
    assert reply.endswith("Kind regards,\nSam Rivera\n+1 555 0100")
    assert view["outputs"]["edited"] == ""
    assert {c["tone"] for c in view["outputs"]["checks"]} == {"pass"}
    assert view["links"]["mailto"].startswith("mailto:priya.natarajan@northwind.example?subject=Thank%20you%20-%20")
    assert view["downloads"]["txt"] == {
        "filename": "reply.txt",
        "mime": "text/plain;charset=utf-8",
        "text": f"Subject: Thank you - Junior Data Analyst role\n\n{reply}\n",
    }
    assert view["errors"] == {"contact_email": ""}


def test_an_edited_reply_is_kept_sent_and_checked_as_it_is():
    edited = "Dear Priya,\n\nWhy not me? What went wrong?\n\nSam"
    view = WIDGET.view(OPTIONS, dict(FULL, reply=edited))
    assert view["outputs"]["reply"] == edited and view["outputs"]["edited"] == EDITED
    body = parse_qs(urlsplit(view["links"]["mailto"]).query)["body"][0]
    assert body == crlf(edited)
    assert view["downloads"]["txt"]["text"].endswith(f"{edited}\n")
    warned = [c["text"] for c in view["outputs"]["checks"] if c["tone"] == "warn"]
    assert "Ask one clear question at most: this reply asks 2." in warned
    assert "Open with thanks: for the chance to interview and for their time." in warned


def test_an_untouched_reply_warns_about_nothing():
    view = WIDGET.view(OPTIONS, dict(WIDGET.initial_state))
    assert view["outputs"]["reply"].startswith("Dear Hiring Manager,")
    assert "warn" not in {c["tone"] for c in view["outputs"]["checks"]}


def test_a_bad_address_gets_a_message():
    view = WIDGET.view(OPTIONS, {"contact_email": "priya at northwind"})
    assert view["errors"]["contact_email"] == "Write one address, like name@example.com."
    assert view["links"]["mailto"].startswith("mailto:?")


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
    view = WIDGET.view(OPTIONS, {"contact": f"Ms {hostile}", "company": hostile, "stay_in_touch": True})
    assert hostile in view["outputs"]["reply"]


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
    assert "Dear Ms <i>Ng</i>," in reply["view"]["outputs"]["reply"]  # title + surname, as typed


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
