"""The thank-you-note builder's view and static HTML: any input stays text,
the mailto link carries each note exactly, a panel gets different notes."""

import dataclasses
import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.widget_fences import WidgetFence, find_widget_fences
from build_tools.widget_html import render_widget
from widgets.binding import handle
from widgets.registry import get_widget
from widgets.thank_you_note import WIDGET
from widgets.thank_you_note.checks import NEAR_IDENTICAL, similarity
from widgets.thank_you_note.inputs import FORMATS, MAX_INTERVIEWERS, TONES, TYPE_VALUES, Interviewer, read_inputs
from widgets.thank_you_note.logic import compose
from widgets.writing.mailto import crlf

OPTIONS = WIDGET.resolve_options({})
TEXT_FIELDS = ("your_name", "company", "role", "discussed", "strengths", "fit", "clarify", "materials")
ROW_FIELDS = ("name", "title", "detail")
HOSTILE = [
    "",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7 * 7 }} {% raw %}",
    "&amp; &lt;b&gt;",
    "\u202eevil\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",  # right-to-left
    "\U0001f600\U0001f44d\U0001f3fd \u2764\ufe0f",  # emoji, with modifiers
    "e\u0301\u0301\u0301 Zalgo\u0336\u0337",  # combining characters
    "line one\r\nline two\rthree\n",
    "x" * 10_000,
    "[Company] [Your name]",
    "mailto:?body=x&subject=y#frag %0D%0A %25",
]
field_text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=200))


ONE_TO_THREE_ROWS = st.integers(1, 3)


@st.composite
def states(draw, rows=ONE_TO_THREE_ROWS):
    state = {name: draw(field_text) for name in TEXT_FIELDS}
    for i in range(draw(rows)):
        for name in ROW_FIELDS:
            state[f"interviewers.{i}.{name}"] = draw(field_text)
    state["format"] = draw(st.sampled_from(FORMATS))
    state["tone"] = draw(st.sampled_from(TONES))
    state["interview_type"] = draw(st.sampled_from(TYPE_VALUES))
    state["interview_date"] = draw(st.sampled_from(["", "2025-03-04", "not a date", "9999-12-31"]))
    state["interview_time"] = draw(st.sampled_from(["", "14:30", "99:99"]))
    state["_now"] = "2025-03-05T10:00"
    return state


def view(state):
    return WIDGET.view(OPTIONS, state)


def leaves(value):
    """Every value in a view, which must be dicts, lists and strings only."""
    if isinstance(value, dict):
        assert all(isinstance(k, str) for k in value)
        for item in value.values():
            yield from leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from leaves(item)
    else:
        yield value


def decode_mailto(link):
    parts = urlsplit(link)
    assert (parts.scheme, parts.path) == ("mailto", "")
    fields = parse_qs(parts.query, keep_blank_values=True, errors="strict")
    return fields.get("subject", [""])[0], fields.get("body", [""])[0]


SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------------ the view


@SLOW
@given(states())
def test_any_input_gives_a_view_of_plain_text(state):
    v = view(state)
    assert all(isinstance(leaf, str) for leaf in leaves(v))
    for check in v["outputs"]["checks"]:
        assert set(check) == {"text", "tone"} and check["tone"] in {"pass", "warn"}
    notes = v["repeats"]["notes"]
    assert len(notes) == len(WIDGET.template_context["interviewer_rows"](state))
    for item in notes:
        assert set(item["outputs"]) == {"to", "subject_label", "subject", "body", "count", "checks"}
        assert all(c["tone"] in {"pass", "warn"} for c in item["outputs"]["checks"])


@SLOW
@given(states())
def test_the_mailto_link_and_the_txt_carry_each_note_exactly(state):
    for item in view(state)["repeats"]["notes"]:
        subject, body = item["outputs"]["subject"], item["outputs"]["body"]
        assert "\r" not in subject and "\n" not in subject
        # RFC 6068: line breaks travel as CRLF; everything else exactly.
        assert decode_mailto(item["links"]["mailto"]) == (subject, crlf(body))
        txt = item["downloads"]["txt"]
        assert txt["mime"] == "text/plain;charset=utf-8"
        assert txt["text"] == (f"Subject: {subject}\n\n" if subject else "") + body + "\n"
        assert txt["filename"].endswith(".txt") and txt["filename"].isascii() and "/" not in txt["filename"]


@SLOW
@given(states(rows=st.just(2)), st.data())
def test_a_panel_of_two_gets_two_different_notes(state, data):
    notes = view(state)["repeats"]["notes"]
    assert notes[0]["outputs"]["body"] != notes[1]["outputs"]["body"]
    # Even under the very same name and title.
    for name in ROW_FIELDS:
        state[f"interviewers.1.{name}"] = state[f"interviewers.0.{name}"]
    notes = view(state)["repeats"]["notes"]
    assert notes[0]["outputs"]["body"] != notes[1]["outputs"]["body"]


def duplicate_warnings(v):
    return [c for c in v["outputs"]["checks"] if c["text"].startswith("The notes to ")]


@SLOW
@given(states(rows=st.just(1)), field_text, field_text)
def test_the_same_inputs_under_two_names_are_flagged(state, first, second):
    state = dict(state, **{"interviewers.0.name": "Ana Okafor", "interviewers.1.name": "Ben Ode"})
    state["interviewers.1.title"] = first
    state["interviewers.0.title"] = second  # titles are set aside like names
    state["interviewers.1.detail"] = state["interviewers.0.detail"]
    (warning,) = duplicate_warnings(view(state))
    assert warning["tone"] == "warn"
    assert "Ana Okafor and Ben Ode say the same thing apart from the names" in warning["text"]


@SLOW
@given(states(rows=st.just(1)), field_text, field_text)
def test_the_duplicate_warning_fires_only_when_near_identical(state, detail_a, detail_b):
    state = dict(state, **{"interviewers.0.detail": detail_a, "interviewers.1.detail": detail_b})
    inputs = read_inputs(state)
    said = [compose(inputs, Interviewer(detail=" ".join(d.split()))).message for d in (detail_a, detail_b)]
    alike = said[0] == said[1] or similarity(*said) >= NEAR_IDENTICAL
    warnings = duplicate_warnings(view(state))
    assert bool(warnings) == alike
    if not alike:
        assert {"text": "Each note says something of its own.", "tone": "pass"} in view(state)["outputs"]["checks"]


def test_a_realistic_panel():
    state = {
        "your_name": "Sam Lee",
        "company": "Acme",
        "role": "Project Coordinator",
        "interview_date": "2025-03-04",
        "interview_time": "14:30",
        "interview_type": "panel",
        "discussed": "the backlog in customer onboarding",
        "strengths": "At my last job I redesigned our intake process and cut wait times by a third.",
        "fit": "My experience running intake projects matches what the team needs next.",
        "interviewers.0.name": "Ana Okafor",
        "interviewers.0.title": "Head of Operations",
        "interviewers.0.detail": "how the team plans its quarter and reviews budgets",
        "interviewers.1.name": "Ben Ode",
        "interviewers.1.title": "Engineering Lead",
        "interviewers.1.detail": "the hiring plan for two new engineers this spring",
        "_now": "2025-03-05T10:00",
    }
    v = view(state)
    assert v["outputs"]["send_by"] == "Send by Wednesday, March 5 at 2:30 PM."
    assert v["outputs"]["checks"] == [
        {"text": "Prompt: send by Wednesday, March 5 at 2:30 PM (24 hours after the interview).", "tone": "pass"},
        {"text": "Each note says something of its own.", "tone": "pass"},
    ]
    first, second = v["repeats"]["notes"]
    assert first["outputs"]["to"] == "Ana Okafor" and second["outputs"]["to"] == "Ben Ode"
    assert first["outputs"]["body"].startswith("Dear Ana Okafor,")
    assert "Engineering Lead" in second["outputs"]["body"] and "Engineering Lead" not in first["outputs"]["body"]
    assert [c["tone"] for c in first["outputs"]["checks"]] == ["pass"] * 7 + ["warn"]  # + check the spelling
    assert first["downloads"]["txt"]["filename"] == "thank-you-note-1-ana-okafor.txt"
    assert v["errors"] == {"interview_date": "", "interview_time": ""}


@pytest.mark.parametrize(
    "state, errors",
    [
        (
            {"interview_date": "4/3/2025"},
            {"interview_date": "Write the date as YYYY-MM-DD, e.g. 2025-03-04.", "interview_time": ""},
        ),
        ({"interview_time": "2pm"}, {"interview_date": "", "interview_time": "Write the time as HH:MM, e.g. 14:30."}),
    ],
)
def test_a_date_the_browser_let_through_gets_a_message(state, errors):
    assert view(state)["errors"] == errors


def test_panel_hints():
    single_panel = view({"interview_type": "panel"})["outputs"]["checks"]
    assert {"text": "A panel: add each interviewer, so each gets a note of their own.", "tone": "warn"} in single_panel
    many = view({f"interviewers.{i}.name": f"P{i}" for i in range(MAX_INTERVIEWERS + 2)})
    assert len(many["repeats"]["notes"]) == MAX_INTERVIEWERS
    assert any(
        c["text"].startswith(f"Notes are shown for the first {MAX_INTERVIEWERS}") for c in many["outputs"]["checks"]
    )


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Ana Okafor", "thank-you-note-1-ana-okafor.txt"),
        ("José Núñez", "thank-you-note-1-jose-nunez.txt"),
        ("", "thank-you-note-1.txt"),
        ("../etc/passwd", "thank-you-note-1-etc-passwd.txt"),
        ("\u0645\u0631\u062d\u0628\u0627 \U0001f600", "thank-you-note-1.txt"),
        ("x" * 100, f"thank-you-note-1-{'x' * 40}.txt"),
    ],
)
def test_download_file_names(name, expected):
    (item,) = view({"interviewers.0.name": name})["repeats"]["notes"]
    assert item["downloads"]["txt"]["filename"] == expected


def test_card_and_linkedin_have_no_subject():
    for fmt in ("card", "linkedin"):
        (item,) = view({"format": fmt})["repeats"]["notes"]
        assert item["outputs"]["subject"] == item["outputs"]["subject_label"] == ""
        assert "subject=" not in item["links"]["mailto"]
        assert not item["downloads"]["txt"]["text"].startswith("Subject:")
    (item,) = view({"format": "linkedin"})["repeats"]["notes"]
    assert item["outputs"]["count"].endswith("of 300 characters")


def test_a_lone_surrogate_is_carried_as_a_replacement_character():
    (item,) = view({"your_name": "Sam \ud83d", "interviewers.0.name": "\udc00Ana"})["repeats"]["notes"]
    assert "Sam \ufffd" in item["outputs"]["body"] and "Dear \ufffdAna," in item["outputs"]["body"]
    json.dumps(item, ensure_ascii=False).encode("utf-8")


# --------------------------------------------------------------- the binding


def test_the_binding_returns_a_view():
    assert get_widget("thank-you-note") is WIDGET
    reply = json.loads(
        handle(json.dumps({"widget": "thank-you-note", "options": {}, "state": {"company": "<b>Acme</b>"}}))
    )
    (item,) = reply["view"]["repeats"]["notes"]
    assert "at <b>Acme</b>" in item["outputs"]["body"]
    assert reply["view"]["outputs"]["send_by"].startswith("Add the interview's date")


def test_the_binding_with_hostile_sizes():
    state = dict.fromkeys(TEXT_FIELDS, "\u202e<script>x</script>😀é " * 300)
    state.update({f"interviewers.{i}.{f}": f"{i} " * 3000 for i in range(3) for f in ROW_FIELDS})
    reply = json.loads(handle(json.dumps({"widget": "thank-you-note", "state": state})))
    assert len(reply["view"]["repeats"]["notes"]) == 3


def test_bad_options_are_an_error_not_a_crash():
    reply = json.loads(handle(json.dumps({"widget": "thank-you-note", "options": {"colour": "red"}, "state": {}})))
    assert "unknown option 'colour'" in reply["error"]


# ---------------------------------------------------------- the static HTML


class Page(HTMLParser):
    """Just enough of a DOM: elements with their attributes, parents and text."""

    VOID = frozenset({"input", "br", "img", "meta", "link", "hr"})

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.root = {"tag": "#root", "attrs": {}, "children": [], "parent": None, "text": ""}
        self.current = self.root
        self.elements = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "children": [], "parent": self.current, "text": ""}
        self.current["children"].append(element)
        self.elements.append(element)
        if tag not in self.VOID:
            self.current = element

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node["tag"] != tag:
            node = node["parent"]
        if node is not self.root:
            self.current = node["parent"]

    def handle_data(self, data):
        node = self.current
        while node is not None:
            node["text"] += data
            node = node["parent"]

    @staticmethod
    def ancestors(element):
        node = element["parent"]
        while node is not None:
            yield node
            node = node["parent"]

    def live(self):
        """Elements outside <template>: what the page shows."""
        return [e for e in self.elements if all(a["tag"] != "template" for a in self.ancestors(e))]

    def find(self, elements=None, **attrs):
        elements = self.live() if elements is None else elements
        return [e for e in elements if all(e["attrs"].get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def inside(self, element):
        found = []
        for child in element["children"]:
            found.append(child)
            found.extend(self.inside(child))
        return found


def render(state=None):
    widget = WIDGET if state is None else dataclasses.replace(WIDGET, initial_state=state)
    return render_widget(WidgetFence(widget, OPTIONS, 0, 2), "thank-you-notes.md", 0)


@pytest.fixture(scope="module")
def page():
    return Page(render())


def test_every_control_has_a_visible_label(page):
    labels = {e["attrs"].get("for") for e in page.live() if e["tag"] == "label"}
    controls = [e for e in page.live() if e["tag"] in {"input", "select", "textarea"}]
    assert len(controls) > 10
    for control in controls:
        wrapped = any(a["tag"] == "label" for a in page.ancestors(control))
        assert wrapped or control["attrs"].get("id") in labels, control["attrs"]


def test_ids_are_unique_and_prefixed(page):
    ids = [e["attrs"]["id"] for e in page.live() if "id" in e["attrs"]]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("w1-thank-you-note-") for i in ids)


def test_the_named_controls(page):
    names = {e["attrs"]["name"] for e in page.live() if "name" in e["attrs"]}
    assert names == {
        "your_name",
        "company",
        "role",
        "interview_date",
        "interview_time",
        "interview_type",
        "interviewers.0.name",
        "interviewers.0.title",
        "interviewers.0.detail",
        "discussed",
        "strengths",
        "fit",
        "clarify",
        "materials",
        "format",
        "tone",
    }
    types = {e["attrs"]["value"] for e in page.live() if e["tag"] == "option"}
    assert types == set(TYPE_VALUES)
    radios = {(e["attrs"]["name"], e["attrs"]["value"], "checked" in e["attrs"]) for e in page.find(type="radio")}
    assert radios == {
        ("format", "email", True),
        ("format", "card", False),
        ("format", "linkedin", False),
        ("tone", "formal", True),
        ("tone", "warm", False),
    }


def test_repeated_interviewer_rows(page):
    (rows,) = page.find(data_repeat="interviewers")
    (row,) = [e for e in rows["children"] if "data-repeat-row" in e["attrs"]]
    inside = page.inside(row)
    assert {e["attrs"]["id"] for e in inside if e["tag"] == "input"} == {
        f"w1-thank-you-note-interviewers-0-{f}" for f in ROW_FIELDS
    }
    assert [e["text"] for e in inside if "data-row-number" in e["attrs"]] == ["1", "1"]
    (remove,) = [e for e in inside if e["attrs"].get("data-action") == "remove-row"]
    assert "hidden" in remove["attrs"]
    (add,) = page.find(data_action="add-row")
    assert add["attrs"]["data-target"] == "interviewers" and "hidden" in add["attrs"]


def test_buttons_wait_for_the_runtime(page):
    buttons = [e for e in page.elements if e["tag"] == "button" and "data-action" in e["attrs"]]
    assert {b["attrs"]["data-action"] for b in buttons} == {"add-row", "remove-row", "copy", "download", "print"}
    live = {id(e) for e in page.live()}
    assert all("hidden" in b["attrs"] for b in buttons if id(b) in live)
    # The runtime shows a widget's buttons when it mounts; a note it adds
    # later is cloned from the <template>, whose buttons must not be hidden.
    in_template = [b for b in buttons if id(b) not in live]
    assert {b["attrs"]["data-action"] for b in in_template} == {"copy", "download"}
    assert not any("hidden" in b["attrs"] for b in in_template)


def test_the_sample_note_is_rendered_with_its_hooks(page):
    (notes,) = page.find(data_output_repeat="notes")
    template = [e for e in notes["children"] if e["tag"] == "template"]
    assert len(template) == 1 and template[0]["children"][0]["attrs"].keys() >= {"data-repeat-item"}
    (item,) = [e for e in notes["children"] if "data-repeat-item" in e["attrs"]]
    inside = page.inside(item)
    by_output = {e["attrs"]["data-output"]: e for e in inside if "data-output" in e["attrs"]}
    assert set(by_output) == {"to", "subject_label", "subject", "body", "count", "checks"}
    (expected,) = view(dict(WIDGET.initial_state))["repeats"]["notes"]
    assert by_output["body"]["text"] == expected["outputs"]["body"]
    assert by_output["subject"]["text"] == "Thank you - [Role] interview"
    assert by_output["checks"]["attrs"]["aria-live"] == "polite"
    assert [li["attrs"]["data-tone"] for li in by_output["checks"]["children"]] == [
        c["tone"] for c in expected["outputs"]["checks"]
    ]
    (link,) = [e for e in inside if e["attrs"].get("data-link") == "mailto"]
    assert link["text"] == "Open in e-mail app"
    assert decode_mailto(link["attrs"]["href"]) == (expected["outputs"]["subject"], crlf(expected["outputs"]["body"]))
    targets = {(e["attrs"]["data-action"], e["attrs"]["data-target"]) for e in inside if "data-action" in e["attrs"]}
    assert targets == {("copy", "body"), ("copy", "subject"), ("download", "txt")}


def test_panel_checks_and_send_by(page):
    (checks,) = [
        e
        for e in page.find(data_output="checks")
        if not any("data-repeat-item" in a["attrs"] for a in page.ancestors(e))
    ]
    assert checks["attrs"]["aria-live"] == "polite"
    (send_by,) = page.find(data_output="send_by")
    assert send_by["text"].startswith("Add the interview's date")


TAGS = {
    "section",
    "h3",
    "h4",
    "p",
    "noscript",
    "fieldset",
    "legend",
    "label",
    "input",
    "select",
    "option",
    "textarea",
    "div",
    "span",
    "button",
    "ul",
    "li",
    "template",
    "article",
    "a",
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(states(rows=st.integers(1, 2)))
def test_no_input_ever_becomes_markup(state):
    html = render(state)
    page = Page(html)
    assert {e["tag"] for e in page.elements} <= TAGS
    assert "<script" not in html and "<img" not in html
    # Every attribute is one the template writes, never one typed in.
    allowed = {
        "class",
        "data-widget",
        "data-widget-id",
        "data-state",
        "data-options",
        "aria-labelledby",
        "id",
        "data-role",
        "role",
        "for",
        "type",
        "name",
        "autocomplete",
        "dir",
        "value",
        "aria-describedby",
        "data-error-for",
        "selected",
        "checked",
        "data-repeat",
        "data-repeat-row",
        "data-row-number",
        "data-action",
        "data-target",
        "hidden",
        "rows",
        "data-output",
        "aria-live",
        "aria-label",
        "data-output-repeat",
        "data-repeat-item",
        "data-tone",
        "data-link",
        "href",
    }
    assert {a for e in page.elements for a in e["attrs"]} <= allowed
    v = view(state)
    items = [e for e in page.live() if "data-repeat-item" in e["attrs"]]
    assert len(items) == len(v["repeats"]["notes"])
    for element, item in zip(items, v["repeats"]["notes"], strict=True):
        (body,) = [e for e in page.inside(element) if e["attrs"].get("data-output") == "body"]
        assert body["text"] == item["outputs"]["body"]
    for name in TEXT_FIELDS:
        (control,) = page.find(name=name)
        if control["tag"] == "input":
            assert control["attrs"]["value"] == state[name]


# ------------------------------------------------------------------ the page


def test_the_page_places_the_builder_under_its_own_heading():
    markdown = Path(__file__).resolve().parents[2].joinpath("docs", "thank-you-notes.md").read_text(encoding="utf-8")
    (fence,), errors = find_widget_fences(markdown, "docs/thank-you-notes.md")
    assert errors == [] and fence.widget is WIDGET
    headings = [(i, line) for i, line in enumerate(markdown.splitlines()) if line.startswith("## ")]
    before = [line for i, line in headings if i < fence.first_line]
    assert before == ["## Build your note"]
    assert (
        markdown.index("# Thank-you notes")
        < markdown.index("A short note after an interview")
        < markdown.index("## Build your note")
    )


def test_the_cliche_list_loads_from_the_wheel(tmp_path):
    """The browser imports the widgets from their wheel: the data file must travel in it."""
    import os
    import subprocess
    import sys

    from build_tools.runtime_assets import build_wheel

    wheel = build_wheel(tmp_path / "dist")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from widgets.thank_you_note import checks;"
        "assert checks.__file__.startswith(sys.argv[1]), checks.__file__;"
        "print(len(checks.CLICHES))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-I", "-c", code, str(wheel)], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 30


def test_printing_leaves_every_button_out(page):
    """The print style hides .fug-widget__actions (and the storage controls):
    every button and button-like link must sit inside one."""
    hidden_in_print = {"fug-widget__actions", "fug-widget__storage"}
    buttons = [e for e in page.elements if e["tag"] == "button" or "fug-widget__button" in e["attrs"].get("class", "")]
    assert len(buttons) >= 8
    for button in buttons:
        classes = {c for a in page.ancestors(button) for c in a["attrs"].get("class", "").split()}
        assert classes & hidden_in_print, button["attrs"]


@pytest.mark.parametrize("date", ["9999-12-31", "9999-12-25", "2027-03-10"])
def test_an_interview_date_years_ahead_gets_a_field_error(date):
    # Issue 10: 9999-12-31 showed "Add the interview's date" and no field error.
    v = view({"interview_date": date, "_now": "2026-03-04T10:00:00"})
    assert v["errors"]["interview_date"] == "This is more than a year from today: check the year."
    assert v["outputs"]["send_by"] == "Check the interview's date above to see when to send your note."


def test_an_interview_date_within_a_year_has_no_error():
    v = view({"interview_date": "2027-03-04", "_now": "2026-03-04T10:00:00"})
    assert v["errors"]["interview_date"] == ""
    assert v["outputs"]["send_by"].startswith("Send by")
