"""The checklist inside the real, pinned Pyodide (under Node): the same
requests give the same replies as on CPython."""

from __future__ import annotations

import json

import pytest

from widgets.binding import handle

HOSTILE = '<script>alert(1)</script> \u202eשלום 👩🏽‍💻 e\u0301 "quotes" & \\ backslash'

REQUESTS = [
    {"widget": "rejection-checklist", "options": {}, "state": {}},
    {
        "widget": "rejection-checklist",
        "options": {"company_field": True},
        "state": {
            "step_pause": True,
            "step_reflect": True,
            "contact": HOSTILE,
            "company": "x" * 10_000,
            "your_name": "Zoë",
            "ask_feedback": False,
            "stay_in_touch": True,
        },
    },
    # The reply composer: tone, detail, one question, an edited reply, an address.
    {
        "widget": "rejection-checklist",
        "options": {},
        "state": {
            "contact": "Dr. María José García-López",
            "contact_email": "mj@example.org",
            "tone": "warm",
            "detail": "Meeting the team",
            "ask_feedback": True,
            "question": "what could I improve",
            "signature": "+1 555 0100",
        },
    },
    {"widget": "rejection-checklist", "options": {}, "state": {"reply": "Hi,\r\nThanks!! Why? How?"}},
    {"widget": "rejection-checklist", "options": {"company_field": "no"}, "state": {}},
    {"widget": "missing"},
]


@pytest.fixture(scope="module")
def pyodide_replies(in_pyodide):
    return in_pyodide(REQUESTS)


def test_runs_on_the_pinned_runtime(pyodide_replies):
    python, _ = pyodide_replies
    assert python.startswith("3.")


@pytest.mark.parametrize("index", range(len(REQUESTS)))
def test_same_reply_as_cpython(pyodide_replies, index):
    _, replies = pyodide_replies
    assert json.loads(replies[index]) == json.loads(handle(json.dumps(REQUESTS[index])))


def test_the_reply_reads_the_same_in_the_browser(pyodide_replies):
    _, replies = pyodide_replies
    warm, edited = (json.loads(r)["view"] for r in replies[2:4])
    assert warm["outputs"]["reply"].startswith("Hi María José,\n\n")
    assert "What could I improve?" in warm["outputs"]["reply"]
    assert warm["links"]["mailto"].startswith("mailto:mj@example.org?")
    assert edited["outputs"]["reply"] == "Hi,\nThanks!! Why? How?"
    assert "Ask one clear question at most: this reply asks 2." in [c["text"] for c in edited["outputs"]["checks"]]
