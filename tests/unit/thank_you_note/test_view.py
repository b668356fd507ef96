"""widgets/thank_you_note/view.py and the static HTML: any input stays text,
the mailto link and the .txt carry each note exactly as shown (edited or
not), a panel gets different notes, an untouched form only has to-dos, a
finished one reaches an all-clear."""

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.widget_fences import WidgetFence, find_widget_fences
from build_tools.widget_html import render_widget
from tests.unit.thank_you_note.cases import CHEN_EMAIL, INFORMATIONAL, OCONNOR_EMAIL, PANEL
from widgets.binding import handle
from widgets.interview import TYPE_VALUES
from widgets.record import replace
from widgets.registry import get_widget
from widgets.thank_you_note import WIDGET
from widgets.thank_you_note.inputs import FORMATS, MAX_INTERVIEWERS, TONES
from widgets.thank_you_note.view import EDITED
from widgets.writing.mailto import crlf

OPTIONS = WIDGET.resolve_options({})
TEXT_FIELDS = ("your_name", "company", "role", "discussed", "strengths", "fit", "signature")
ROW_FIELDS = ("name", "title", "email", "detail", "clarify")
NOTE_OUTPUTS = {"to", "recipient", "subject_label", "subject", "body", "edited", "count", "checks"}
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
    # The reader's own text for some notes, and the boxes they tick.
    for i in range(draw(st.integers(0, 2))):
        state[f"notes.{i}.body"] = draw(field_text)
    state["confirm_names"] = draw(st.booleans())
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
    """(to, subject, body) of a mailto: link, decoded as a mail client does."""
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    fields = parse_qs(parts.query, keep_blank_values=True, errors="strict")
    return unquote(parts.path, errors="strict"), fields.get("subject", [""])[0], fields.get("body", [""])[0]


SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------------ the view


@SLOW
@given(states())
def test_any_input_gives_a_view_of_plain_text(state):
    v = view(state)
    assert all(isinstance(leaf, str) for leaf in leaves(v))
    for check in v["outputs"]["checks"]:
        assert set(check) == {"text", "tone"} and check["tone"] in {"pass", "warn", "todo"}
    notes = v["repeats"]["notes"]
    assert len(notes) == len(WIDGET.template_context["interviewer_rows"](state))
    for item in notes:
        assert set(item["outputs"]) == NOTE_OUTPUTS
        assert all(c["tone"] in {"pass", "warn", "todo"} for c in item["outputs"]["checks"])


@SLOW
@given(states())
def test_the_mailto_link_and_the_txt_carry_each_note_exactly(state):
    for index, item in enumerate(view(state)["repeats"]["notes"]):
        subject, body = item["outputs"]["subject"], item["outputs"]["body"]
        assert "\r" not in subject and "\n" not in subject
        edited = state.get(f"notes.{index}.body")
        if isinstance(edited, str):  # the reader's text is the note, exactly
            assert body == edited.replace("\r\n", "\n").replace("\r", "\n")
            assert item["outputs"]["edited"] == EDITED
        # RFC 6068: line breaks travel as CRLF; everything else exactly.
        to, *fields = decode_mailto(item["links"]["mailto"])
        assert fields == [subject, crlf(body)]
        assert to in ("", " ".join(state.get(f"interviewers.{index}.email", "").split()))
        txt = item["downloads"]["txt"]
        assert txt["mime"] == "text/plain;charset=utf-8"
        ending = "" if body.endswith("\n") else "\n"
        assert txt["text"] == (f"Subject: {subject}\n\n" if subject else "") + body + ending
        assert txt["filename"].endswith(".txt") and txt["filename"].isascii() and "/" not in txt["filename"]


@SLOW
@given(states(rows=st.just(2)), st.sampled_from(["budgets", "the dbt move", "hiring plans"]))
def test_identical_rows_are_flagged_and_own_details_make_notes_differ(state, detail):
    state = {k: v for k, v in state.items() if not k.startswith("notes.")}
    state.update({"interviewers.0.detail": detail, "interviewers.1.detail": f"{detail} for {detail}"})
    notes = view(state)["repeats"]["notes"]
    assert notes[0]["outputs"]["body"] != notes[1]["outputs"]["body"]
    # The very same row twice, and no fit to share out: the notes say the same,
    # and the panel check says so.
    for name in ROW_FIELDS:
        state[f"interviewers.1.{name}"] = state[f"interviewers.0.{name}"]
    state["fit"] = ""
    checks = view(state)["outputs"]["checks"]
    assert any(c["text"].startswith("The notes to ") and c["tone"] == "warn" for c in checks)


def duplicate_warnings(v):
    return [c for c in v["outputs"]["checks"] if c["text"].startswith("The notes to ")]


def test_the_realistic_panel_reaches_an_all_clear_once_the_reader_ticks():
    v = view(PANEL)
    assert v["outputs"]["send_by"] == "Send by Wednesday 18 November at 10:00."
    chen, oconnor = v["repeats"]["notes"]
    assert (chen["outputs"]["body"], oconnor["outputs"]["body"]) == (CHEN_EMAIL, OCONNOR_EMAIL)
    assert chen["outputs"]["to"] == "Dr. Maria Chen" and oconnor["outputs"]["to"] == "James O'Connor"
    assert chen["outputs"]["recipient"] == "To: maria.chen@northwind.example"
    assert decode_mailto(chen["links"]["mailto"])[0] == "maria.chen@northwind.example"
    assert chen["links"]["mailto"].startswith("mailto:maria.chen@northwind.example?subject=")
    assert chen["downloads"]["txt"]["filename"] == "thank-you-note-1-dr-maria-chen.txt"
    assert {c["tone"] for n in (chen, oconnor) for c in n["outputs"]["checks"]} == {"pass"}
    assert [c["tone"] for c in v["outputs"]["checks"]] == ["pass", "pass", "todo", "todo"]
    assert v["outputs"]["verdict"] == "Before you send: 2 to do."
    ticked = view(dict(PANEL, confirm_names=True, confirm_attachments=True))
    assert {c["tone"] for c in ticked["outputs"]["checks"]} == {"pass"}
    assert ticked["outputs"]["verdict"] == "All clear: ready to send."


def test_the_same_detail_for_two_people_gets_the_panel_warning():
    state = dict(PANEL, **{"interviewers.1.detail": PANEL["interviewers.0.detail"], "fit": ""})
    state.update({"interviewers.0.clarify": "", "interviewers.1.clarify": ""})
    (warning,) = duplicate_warnings(view(state))
    assert warning["tone"] == "warn"
    assert warning["text"].startswith("The notes to Dr. Maria Chen and James O'Connor ")


def test_the_check_runs_on_the_final_text():
    # The reader pastes Dr. Chen's note into James's draft and changes the greeting.
    state = dict(PANEL, **{"notes.1.body": CHEN_EMAIL.replace("Dear Dr. Chen,", "Dear James,")})
    (warning,) = duplicate_warnings(view(state))
    assert "share 4 of 4 sentences" in warning["text"]  # every sentence but the thanks and closing lines


def test_an_edited_note_is_kept_and_linted_as_it_is():
    edited = "Dear James,\n\nThanks!! You are a rock star.\n\nBest,\nSam Rivera"
    v = view(dict(PANEL, **{"notes.1.body": edited}))
    chen, oconnor = v["repeats"]["notes"]
    assert chen["outputs"]["edited"] == "" and chen["outputs"]["body"] == CHEN_EMAIL
    assert oconnor["outputs"]["body"] == edited and oconnor["outputs"]["edited"] == EDITED
    assert oconnor["downloads"]["txt"]["text"] == f"Subject: {oconnor['outputs']['subject']}\n\n{edited}\n"
    assert decode_mailto(oconnor["links"]["mailto"])[2] == crlf(edited)
    warned = " ".join(c["text"] for c in oconnor["outputs"]["checks"] if c["tone"] == "warn")
    assert "“rock star”" in warned and "exclamation" in warned and "100-200 words" in warned


def test_an_untouched_form_warns_about_nothing():
    v = view(dict(WIDGET.initial_state))
    (item,) = v["repeats"]["notes"]
    tones = {c["tone"] for c in v["outputs"]["checks"] + item["outputs"]["checks"]}
    assert "warn" not in tones and "todo" in tones
    assert v["outputs"]["verdict"].startswith("Before you send:") and "to fix" not in v["outputs"]["verdict"]
    # An added, still empty, interviewer row is no reason to warn either.
    v = view(dict(WIDGET.initial_state, **{"interviewers.1.name": "", "interview_type": "panel"}))
    assert "warn" not in {c["tone"] for c in v["outputs"]["checks"]}


def test_the_informational_note():
    v = view(INFORMATIONAL)
    (item,) = v["repeats"]["notes"]
    assert item["outputs"]["subject"] == "Thank you for your advice"
    assert "role" not in item["outputs"]["body"]
    assert item["outputs"]["count"] == "4 sentences (aim for 3-5)"
    assert not any("strength" in c["text"] or "fit" in c["text"] for c in item["outputs"]["checks"])
    assert v["outputs"]["send_by"].startswith("Send by Friday 20 November")


def test_an_address_that_is_not_one_gets_a_message_and_no_to():
    v = view({"interviewers.0.email": "maria at example"})
    assert v["errors"]["interviewers.0.email"] == "Write one address, like name@example.com."
    assert v["repeats"]["notes"][0]["links"]["mailto"].startswith("mailto:?")


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
    assert view(state)["errors"] == dict(errors, **{"interviewers.0.email": ""})


def test_panel_hints():
    single_panel = view({"interview_type": "panel"})["outputs"]["checks"]
    assert {"text": "A panel: add each interviewer, so each gets a note of their own.", "tone": "todo"} in single_panel
    many = view({f"interviewers.{i}.name": f"P{i}" for i in range(MAX_INTERVIEWERS + 2)})
    assert len(many["repeats"]["notes"]) == MAX_INTERVIEWERS
    assert any(
        c["text"].startswith(f"Notes are shown for the first {MAX_INTERVIEWERS}") for c in many["outputs"]["checks"]
    )


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Ana Okafor", "thank-you-note-1-ana-okafor.txt"),
        ("Dr. María José García-López", "thank-you-note-1-dr-maria-jose-garcia-lopez.txt"),
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
    (item,) = view({"notes.0.body": "Hi \ud83d"})["repeats"]["notes"]
    assert item["outputs"]["body"] == "Hi \ufffd"
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


@pytest.mark.parametrize(
    "date_style, send_by, on_day",
    [
        (None, "Send by Wednesday 18 November at 10:00.", "on Tuesday 17 November to discuss"),
        (
            {"order": "month-day", "clock": 12},
            "Send by Wednesday, November 18 at 10:00 AM.",
            "on Tuesday, November 17, to discuss",
        ),
        (
            {"order": "day-month", "clock": 12},
            "Send by Wednesday 18 November at 10:00 AM.",
            "on Tuesday 17 November to",
        ),
    ],
)
def test_the_guides_date_style_reaches_every_date_the_builder_writes(date_style, send_by, on_day):
    """The page sends the build's date_style (mkdocs.yml extra.dates) with the options."""
    options = {} if date_style is None else {"date_style": date_style}
    state = dict(PANEL, _now="2026-11-18T11:00")  # past the deadline: the late warning names it too
    reply = json.loads(handle(json.dumps({"widget": "thank-you-note", "options": options, "state": state})))
    view_ = reply["view"]
    assert view_["outputs"]["send_by"] == send_by
    late = send_by.removeprefix("Send by ").removesuffix(".")
    assert view_["outputs"]["checks"][0]["text"].startswith(f"The time to send passed on {late}: ")
    assert all(on_day in n["outputs"]["body"] for n in view_["repeats"]["notes"])


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
    widget = WIDGET if state is None else replace(WIDGET, initial_state=state)
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
        "interviewers.0.email",
        "interviewers.0.detail",
        "interviewers.0.clarify",
        "discussed",
        "strengths",
        "fit",
        "signature",
        "format",
        "tone",
        "confirm_names",
        "confirm_attachments",
        "notes.0.body",  # the draft itself, sent back only once the reader edits it
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
    assert {e["attrs"]["id"] for e in inside if e["tag"] in ("input", "textarea")} == {
        f"w1-thank-you-note-interviewers-0-{f}" for f in ROW_FIELDS
    }
    assert [e["text"] for e in inside if "data-row-number" in e["attrs"]] == ["1", "1"]
    (remove,) = [e for e in inside if e["attrs"].get("data-action") == "remove-row"]
    assert "hidden" in remove["attrs"]
    (add,) = page.find(data_action="add-row")
    assert add["attrs"]["data-target"] == "interviewers" and "hidden" in add["attrs"]


def test_buttons_wait_for_the_runtime(page):
    buttons = [e for e in page.elements if e["tag"] == "button" and "data-action" in e["attrs"]]
    assert {b["attrs"]["data-action"] for b in buttons} == {
        "add-row",
        "remove-row",
        "copy",
        "download",
        "print",
        "rewrite",
        "undo-rewrite",
    }
    live = {id(e) for e in page.live()}
    assert all("hidden" in b["attrs"] for b in buttons if id(b) in live)
    # The runtime shows a widget's buttons when it mounts; a note it adds
    # later is cloned from the <template>, whose buttons must not be hidden,
    # but for "Undo the rewrite", which the runtime shows after a rewrite.
    in_template = [b for b in buttons if id(b) not in live]
    assert {b["attrs"]["data-action"] for b in in_template} == {"copy", "download", "rewrite", "undo-rewrite"}
    assert [b["attrs"]["data-action"] for b in in_template if "hidden" in b["attrs"]] == ["undo-rewrite"]


def test_the_sample_note_is_rendered_with_its_hooks(page):
    (notes,) = page.find(data_output_repeat="notes")
    template = [e for e in notes["children"] if e["tag"] == "template"]
    assert len(template) == 1 and template[0]["children"][0]["attrs"].keys() >= {"data-repeat-item"}
    (item,) = [e for e in notes["children"] if "data-repeat-item" in e["attrs"]]
    inside = page.inside(item)
    by_output = {e["attrs"]["data-output"]: e for e in inside if "data-output" in e["attrs"]}
    assert set(by_output) == NOTE_OUTPUTS
    (expected,) = view(dict(WIDGET.initial_state))["repeats"]["notes"]
    # The draft is a text area the reader edits, labelled with the recipient's name.
    body = by_output["body"]
    assert body["tag"] == "textarea" and body["attrs"]["name"] == "notes.0.body"
    assert body["text"] == expected["outputs"]["body"]
    (label,) = [e for e in inside if e["tag"] == "label" and e["attrs"].get("for") == body["attrs"]["id"]]
    assert label["text"].startswith("Your note to interviewer 1")
    assert by_output["subject"]["text"] == "Thank you - [Role] interview"
    assert by_output["checks"]["attrs"]["aria-live"] == "polite"
    assert [li["attrs"]["data-tone"] for li in by_output["checks"]["children"]] == [
        c["tone"] for c in expected["outputs"]["checks"]
    ]
    (link,) = [e for e in inside if e["attrs"].get("data-link") == "mailto"]
    assert link["text"] == "Open in e-mail app"
    assert decode_mailto(link["attrs"]["href"]) == (
        "",
        expected["outputs"]["subject"],
        crlf(expected["outputs"]["body"]),
    )
    targets = {(e["attrs"]["data-action"], e["attrs"]["data-target"]) for e in inside if "data-action" in e["attrs"]}
    assert targets == {
        ("copy", "body"),
        ("copy", "subject"),
        ("download", "txt"),
        ("rewrite", "body"),
        ("undo-rewrite", "body"),
    }


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
        "data-fact",  # a fact the tools share (widgets/_shared/frame.html)
        "data-fact-reader",  # ... about the reader: a new interview starts with it
        "data-suggest",  # a name field suggests the people typed elsewhere
        "href",
        "spellcheck",
        "data-follows",
    }
    assert {a for e in page.elements for a in e["attrs"]} <= allowed
    v = view(state)
    items = [e for e in page.live() if "data-repeat-item" in e["attrs"]]
    assert len(items) == len(v["repeats"]["notes"])
    for element, item in zip(items, v["repeats"]["notes"], strict=True):
        (body,) = [e for e in page.inside(element) if e["attrs"].get("data-output") == "body"]
        # A text area's first line break is eaten by the HTML parser, as the browser does.
        assert body["text"] in (item["outputs"]["body"], item["outputs"]["body"][1:])
    for name in TEXT_FIELDS:
        (control,) = page.find(name=name)
        if control["tag"] == "input":
            assert control["attrs"]["value"] == state[name]


# ------------------------------------------------------------------ the page


def test_the_page_places_the_builder_under_its_own_heading():
    markdown = Path(__file__).resolve().parents[3].joinpath("docs", "thank-you-notes.md").read_text(encoding="utf-8")
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
        "from widgets.writing import lint;"
        "assert lint.__file__.startswith(sys.argv[1]), lint.__file__;"
        "print(len(lint.CLICHES))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-I", "-c", code, str(wheel)], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 30


def test_printing_leaves_every_button_out(page):
    """The print style hides .fug-widget__actions (and the storage and interview controls):
    every button and button-like link must sit inside one."""
    hidden_in_print = {"fug-widget__actions", "fug-widget__storage", "fug-widget__interview"}
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


def test_a_linkedin_note_too_long_to_fit_still_keeps_each_persons_detail():
    # Found by Hypothesis: with a sign-off too long for any version to fit,
    # the fallback dropped the detail and a panel's notes came out identical.
    state = dict(PANEL, format="linkedin", your_name="x" * 400)
    state.update({"interviewers.0.detail": "budgets", "interviewers.1.detail": "hiring plans"})
    notes = view(state)["repeats"]["notes"]
    bodies = [n["outputs"]["body"] for n in notes]
    assert "budgets" in bodies[0] and "hiring plans" in bodies[1]
