"""The widgets' wheel inside the real, pinned Pyodide (under Node): the same
requests give the same replies as on CPython."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from build_tools.runtime_assets import build_wheel, ensure_pyodide
from widgets.binding import handle

HERE = Path(__file__).resolve().parent
HOSTILE = '<script>alert(1)</script> \u202eשלום 👩🏽‍💻 e\u0301 "quotes" & \\ backslash'

REQUESTS = [
    {"widget": "rejection-checklist", "options": {}, "state": {}},
    {
        "widget": "rejection-checklist",
        "options": {"company_field": True},
        "state": {"step_pause": True, "step_reflect": True, "contact": HOSTILE, "company": "x" * 10_000,
                  "your_name": "Zoë", "ask_feedback": False, "stay_in_touch": True},
    },
    {"widget": "rejection-checklist", "options": {"company_field": "no"}, "state": {}},
    {"widget": "missing"},
]


@pytest.fixture(scope="module")
def pyodide_replies(tmp_path_factory):
    wheel = build_wheel(tmp_path_factory.mktemp("wheel"))
    done = subprocess.run(
        ["node", str(HERE / "run_binding.mjs"), str(ensure_pyodide()), str(wheel)],
        input=json.dumps(REQUESTS), capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_runs_on_the_pinned_runtime(pyodide_replies):
    assert pyodide_replies["python"].startswith("3.")


@pytest.mark.parametrize("index", range(len(REQUESTS)))
def test_same_reply_as_cpython(pyodide_replies, index):
    assert json.loads(pyodide_replies["replies"][index]) == json.loads(handle(json.dumps(REQUESTS[index])))
