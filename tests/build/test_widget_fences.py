"""Finding widget fences in Markdown: edge cases and error messages."""

import textwrap
from pathlib import Path

import pytest

from build_tools.widget_fences import find_widget_fences
from build_tools.widget_html import fill_markers, mark_fences, misplaced_markers
from widgets.registry import WIDGET_NAMES

KNOWN = ", ".join(WIDGET_NAMES)


def fences_of(markdown):
    fences, errors = find_widget_fences(textwrap.dedent(markdown), "docs/page.md")
    assert errors == []
    return fences


def errors_of(markdown):
    _, errors = find_widget_fences(textwrap.dedent(markdown), "docs/page.md")
    return [str(e) for e in errors]


def test_backtick_fence_with_options_and_exact_lines():
    (fence,) = fences_of(
        """\
        # Title

        ```widget rejection-checklist
        company_field: false
        ```
        after
        """
    )
    assert fence.widget.name == "rejection-checklist"
    assert fence.options["company_field"] is False
    assert (fence.first_line, fence.end_line) == (2, 5)


@pytest.mark.parametrize(
    "markdown, lines",
    [
        ("~~~widget rejection-checklist\n~~~\n", (0, 2)),
        # A longer fence: the ``` inside (a YAML comment here) does not close it.
        ("````widget rejection-checklist\n# ``` inside\nheading: Four\n````\n", (0, 4)),
        ("- item\n\n  ```widget rejection-checklist\n  ```\n", (2, 4)),  # in a list item
        ("> quoted\n>\n> ```widget rejection-checklist\n> ```\n", (2, 4)),  # in a block quote
        ("1. one\n   > ```widget rejection-checklist\n   > ```\n", (1, 3)),  # quote in a list
        ("  ```widget rejection-checklist\n  ```\n", (0, 2)),  # indented under 4 spaces
    ],
)
def test_fence_forms_are_found(markdown, lines):
    (fence,) = fences_of(markdown)
    assert (fence.first_line, fence.end_line) == lines


def test_unclosed_fence_runs_to_the_end():
    (fence,) = fences_of("text\n\n```widget rejection-checklist\ncompany_field: true\n")
    assert (fence.first_line, fence.end_line) == (2, 4)


@pytest.mark.parametrize(
    "markdown",
    [
        # A widget fence shown as an example inside a longer fence.
        "````markdown\n```widget rejection-checklist\n```\n````\n",
        "~~~text\n```widget nope\n```\n~~~\n",
        # An indented code block (4 spaces) is code, not a fence.
        "    ```widget nope\n    ```\n",
        # Inline code and other fences.
        "Write `` ```widget rejection-checklist `` to place it.\n",
        "```python\nprint('widget')\n```\n",
        # An admonition's code block (8 spaces) is code in both Markdown readers.
        "!!! note\n\n        ```widget nope\n        ```\n",
    ],
)
def test_non_widget_blocks_are_left_alone(markdown):
    fences, errors = find_widget_fences(markdown, "docs/page.md")
    assert fences == [] and errors == []


def test_several_fences_in_order():
    fences = fences_of(
        """\
        ```widget rejection-checklist
        heading: First
        ```

        ~~~~widget rejection-checklist
        heading: Second
        ~~~~
        """
    )
    assert [f.options["heading"] for f in fences] == ["First", "Second"]


@pytest.mark.parametrize(
    "markdown, message",
    [
        ("intro\n\n```widget no-such-thing\n```\n", f"docs/page.md:3: unknown widget 'no-such-thing' (known: {KNOWN})"),
        ("```widget\n```\n", "docs/page.md:1: a widget fence names one widget, as in ```widget <name>; got no name"),
        (
            "```widget rejection-checklist extra\n```\n",
            "docs/page.md:1: a widget fence names one widget, as in ```widget <name>; "
            "got 2 words: rejection-checklist extra",
        ),
        (
            "```widget rejection-checklist\nheading: ok\ncompany_feild: true\n```\n",
            "docs/page.md:3: widget 'rejection-checklist': unknown option 'company_feild' for widget "
            "'rejection-checklist' (known: company_field, heading)",
        ),
        (
            '```widget rejection-checklist\n\ncompany_field: "yes"\n```\n',
            "docs/page.md:3: widget 'rejection-checklist': option 'company_field' must be true or false, got \"yes\"",
        ),
        (
            "```widget rejection-checklist\nheading: [a, b]\n```\n",
            "docs/page.md:2: widget 'rejection-checklist': option 'heading' must be a text, got [\"a\", \"b\"]",
        ),
        (
            "```widget rejection-checklist\ncompany_field: true\ncompany_field: false\n```\n",
            "docs/page.md:3: option 'company_field' is given twice (first on line 2)",
        ),
        (
            "```widget rejection-checklist\n- a list\n```\n",
            "docs/page.md:2: the widget's options must be lines of 'name: value'",
        ),
        (
            "```widget rejection-checklist\nheading: ok\n  bad: [\n```\n",
            "docs/page.md:3: the widget's options are not valid YAML: mapping values are not allowed here",
        ),
        (
            "```widget rejection-checklist\nheading: ok\ncompany_field: 2025-02-30\n```\n",
            "docs/page.md:3: widget 'rejection-checklist': option 'company_field' has a value that cannot be read, "
            "2025-02-30: day is out of range for month",
        ),
        (
            "```widget follow-up-timeline\nclosed_days:\n  - 2026-12-25\n  - 2026-02-30\n```\n",
            "docs/page.md:4: widget 'follow-up-timeline': option 'closed_days' has a value that cannot be read, "
            "2026-02-30: day is out of range for month",
        ),
        (
            "```widget rejection-checklist\n[a]: 1\n```\n",
            "docs/page.md:2: an option's name must be a plain word, as in 'name: value'",
        ),
        (
            "> x\n>\n> ```widget rejection-checklist\n> company_field: 3\n> ```\n",
            "docs/page.md:4: widget 'rejection-checklist': option 'company_field' must be true or false, got 3",
        ),
    ],
)
def test_errors_name_file_and_line(markdown, message):
    assert errors_of(markdown) == [message]


def test_all_errors_of_a_page_are_reported():
    assert errors_of("```widget a\n```\n\n```widget b\n```\n") == [
        f"docs/page.md:1: unknown widget 'a' (known: {KNOWN})",
        f"docs/page.md:4: unknown widget 'b' (known: {KNOWN})",
    ]


@pytest.mark.parametrize(
    "markdown",
    [
        "Intro\n\n```widget rejection-checklist\n```\n\nOutro\n",
        "- item\n\n  ```widget rejection-checklist\n  ```\n- next\n",
        "> quoted\n>\n> ~~~widget rejection-checklist\n> ~~~\n",
    ],
)
def test_markers_replace_exactly_the_fence(markdown):
    fences = fences_of(markdown)
    marked = mark_fences(markdown, fences)
    assert "widget rejection-checklist" not in marked
    # Only the fence's lines change: into the marker, plus a blank line when
    # text follows at once (a marker, unlike a fence, would run into it).
    lines = markdown.splitlines(keepends=True)
    before, after = "".join(lines[: fences[0].first_line]), "".join(lines[fences[0].end_line :])
    assert marked.startswith(before) and marked.endswith(after)
    middle = marked[len(before) : len(marked) - len(after)].splitlines()
    text_follows = bool(after.split("\n")[0].strip(" >"))
    assert "fugwidget" in middle[0] and [line.strip(" >") for line in middle[1:]] == ([""] if text_follows else [])
    # The marker sits in the same container as the fence did.
    (marker_line,) = [line for line in marked.splitlines() if "fugwidget" in line]
    opening = markdown.splitlines()[fences[0].first_line]
    assert (
        marker_line[: len(opening) - len(opening.lstrip(" >"))] == opening[: len(opening) - len(opening.lstrip(" >"))]
    )
    html = "<p>" + marker_line.lstrip(" >-") + "</p>"
    assert fill_markers(html, ["<section>W</section>"]) == "<section>W</section>"


def test_linked_text_escapes_and_links_only_relative_addresses():
    from build_tools.widget_html import linked_text

    text = "Read <b>this</b>: Thank-you notes; Evil; Home."
    links = [
        {"text": "Thank-you notes", "href": "../thank-you-notes/#when-to-send-it"},
        {"text": "Evil", "href": "javascript:alert(1)"},
        {"text": "Home", "href": "https://elsewhere.example/"},
        {"text": "absent", "href": "#x"},
    ]
    assert str(linked_text(text, links)) == (
        'Read &lt;b&gt;this&lt;/b&gt;: <a href="../thank-you-notes/#when-to-send-it">Thank-you notes</a>; Evil; Home.'
    )


# ------------------------------------------------------------- issue 10: faults found under attack

# The characters str.splitlines() breaks at and markdown-it does not.
SEPARATORS = ["\u2028", "\u2029", "\x0c", "\x0b", "\x85", "\x1c", "\x1d", "\x1e"]


@pytest.mark.parametrize("separator", SEPARATORS, ids=lambda s: f"U+{ord(s):04X}")
def test_line_separators_in_the_text_do_not_shift_the_fence(separator):
    markdown = f"Intro{separator}text\n\n```widget rejection-checklist\nheading: Hi\n```\n\nKeep me\n"
    (fence,) = fences_of(markdown)
    assert (fence.first_line, fence.end_line) == (2, 5)
    marked = mark_fences(markdown, [fence])
    assert marked.startswith(f"Intro{separator}text\n\n")
    assert marked.endswith("x\n\nKeep me\n")
    assert "heading" not in marked


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"], ids=lambda s: f"U+{ord(s):04X}")
def test_line_separators_keep_option_lines_right(separator):
    # In the fence body too: YAML breaks lines at U+2028, U+2029 and NEL, the page does not.
    markdown = f'x{separator}y\n\n```widget rejection-checklist\nheading: "a{separator}b"\ncompany_feild: 1\n```\n'
    assert errors_of(markdown) == [
        "docs/page.md:5: widget 'rejection-checklist': unknown option 'company_feild' for widget "
        "'rejection-checklist' (known: company_field, heading)"
    ]


def test_a_character_yaml_refuses_is_reported_on_its_line():
    assert errors_of("```widget rejection-checklist\nheading: ok\ncompany_field: \x0c\n```\n") == [
        "docs/page.md:3: the widget's options are not valid YAML: the character U+000C is not allowed"
    ]


def _alias_bomb(levels):
    lines = ["heading:", "  - &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        lines.append(f"  - &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    return "\n".join(lines)


def test_yaml_aliases_are_refused_without_expanding_them():
    # Nine levels took 258 s and 3.3 GB before aliases were refused.
    markdown = f"```widget rejection-checklist\n{_alias_bomb(9)}\n```\n"
    assert errors_of(markdown) == [
        "docs/page.md:4: the widget's options use a YAML alias (*a0): write the value out instead"
    ]


@pytest.mark.parametrize(
    "body",
    [
        "heading: " + "[" * 300 + "]" * 300,
        "heading:\n" + "".join("  " * level + "- \n" for level in range(1, 300)),
        "heading: " + "{a: " * 300 + "1" + "}" * 300,
    ],
    ids=["flow-lists", "block-lists", "flow-maps"],
)
def test_deep_yaml_is_refused_on_its_line(body):
    (message,) = errors_of(f"```widget rejection-checklist\n{body}\n```\n")
    assert message.startswith("docs/page.md:")
    assert message.endswith("the widget's options nest more than 10 levels deep")


def test_yaml_nested_to_the_limit_is_read():
    # The options' own mapping is the first level.
    body = "heading: " + "[" * 9 + "]" * 9
    assert errors_of(f"```widget rejection-checklist\n{body}\n```\n") == [
        "docs/page.md:2: widget 'rejection-checklist': option 'heading' must be a text, got [[[[[[[[[]]]]]]]]]"
    ]


@pytest.mark.parametrize(
    "markdown, lines",
    [
        ("!!! note\n    ```widget rejection-checklist\n    ```\n", (1, 3)),
        ('Intro\n\n!!! tip "Try it"\n    Some text.\n\n    ```widget rejection-checklist\n    ```\n', (5, 7)),
        # Any number of blank lines inside the body, as in Python-Markdown.
        ("!!! note\n\n\n\n    ```widget rejection-checklist\n    ```\n", (4, 6)),
        ("!!! note\n    !!! warning\n        ```widget rejection-checklist\n        ```\n", (2, 4)),  # nested
        ("!!!note\n\t```widget rejection-checklist\n\t```\n", (1, 3)),  # tab-indented
        ("- item\n\n    !!! note\n        ```widget rejection-checklist\n        ```\n", (3, 5)),  # in a list
    ],
)
def test_fences_inside_admonitions_are_found(markdown, lines):
    (fence,) = fences_of(markdown)
    assert (fence.first_line, fence.end_line) == lines


def render(markdown):
    """The page as the guide publishes it: fences marked, Python-Markdown with
    the guide's extensions, then the widgets filled in."""
    import markdown as python_markdown

    fences, errors = find_widget_fences(markdown, "docs/page.md")
    assert errors == []
    html = python_markdown.markdown(mark_fences(markdown, fences), extensions=["admonition", "attr_list", "tables"])
    problems = [str(e) for e in misplaced_markers(html, fences, "docs/page.md")]
    return fill_markers(html, [f'<section class="w">{i}</section>' for i in range(len(fences))]), problems


def test_a_widget_inside_an_admonition_is_published_inside_it():
    html, problems = render('Intro\n\n!!! tip "Try it"\n    Some text.\n\n    ```widget rejection-checklist\n    ```\n')
    assert problems == []
    assert '<p>Some text.</p>\n<section class="w">0</section>\n</div>' in html
    assert "<code>" not in html


def test_a_fence_right_under_a_line_of_text_closes_the_paragraph():
    html, problems = render("Para\n```widget rejection-checklist\n```\n")
    assert problems == []
    assert html == '<p>Para\n</p><section class="w">0</section>'


@pytest.mark.parametrize(
    "markdown, line",
    [
        ("10) one\n\n    ```widget rejection-checklist\n    ```\n", 3),
        ("1) ```widget rejection-checklist\n   ```\n", 1),
        ("1) one\n   - two\n\n     ```widget rejection-checklist\n     ```\n", 4),
    ],
)
def test_a_fence_in_a_list_numbered_with_a_parenthesis_fails(markdown, line):
    assert errors_of(markdown) == [
        f"docs/page.md:{line}: this widget fence is in a list numbered like '1)', which the guide's Markdown does "
        "not read as a list (the widget would show as code): number the list '1.', '2.'..."
    ]


@pytest.mark.parametrize(
    "markdown, line",
    [
        ("A paragraph\n    ```widget rejection-checklist\n    ```\n", 2),  # continues the paragraph
        ("<div>\n```widget rejection-checklist\n```\n</div>\n", 2),  # raw HTML
        ("- item\n\n      ```widget rejection-checklist\n      ```\n", 3),  # code for one reader, text for the other
        ("Text\n    ```Widget rejection-checklist\n", 2),
    ],
)
def test_a_widget_fence_read_as_text_fails(markdown, line):
    assert errors_of(markdown) == [
        f"docs/page.md:{line}: this widget fence would show as text, not as a widget: give it a blank line before "
        "it, and indent it no more than the text it belongs to"
    ]


@pytest.mark.parametrize(
    "info",
    ["&#119;idget rejection-checklist", "widget&#32;rejection-checklist", "widget rejection&#45;checklist"],
)
def test_entities_in_the_info_string_are_read_as_commonmark_says(info):
    markdown = f"Intro\n\n```{info}\nheading: Hi\n```\n"
    (fence,) = fences_of(markdown)
    assert fence.widget.name == "rejection-checklist" and fence.options["heading"] == "Hi"
    html, problems = render(markdown)
    assert problems == [] and html == '<p>Intro</p>\n<section class="w">0</section>'


@pytest.mark.parametrize(
    "opening, suggestion",
    [
        ("```Widget rejection-checklist", "```widget rejection-checklist"),
        ("```WIDGET rejection-checklist", "```widget rejection-checklist"),
        ("```widgets rejection-checklist", "```widget rejection-checklist"),
        ("~~~~wdiget thank-you-note", "~~~~widget thank-you-note"),
        ("```widget:rejection-checklist", "```widget rejection-checklist"),
        ("```widget-rejection-checklist", "```widget rejection-checklist"),
        ("```Widget", "```widget <name>"),
    ],
)
def test_an_info_string_close_to_widget_fails_with_did_you_mean(opening, suggestion):
    word = opening.lstrip("`~").split()[0]
    markup = opening[: len(opening) - len(opening.lstrip("`~"))]
    assert errors_of(f"Intro\n\n{opening}\n{markup}\n") == [
        f"docs/page.md:3: '{markup}{word}' is not a widget fence: did you mean '{suggestion}'?"
    ]


@pytest.mark.parametrize("info", ["python", "yaml", "markdown", "text", "gadget", "wid", "json"])
def test_other_languages_are_not_mistaken_for_widget(info):
    assert errors_of(f"```{info}\nwidget: x\n```\n") == []


def test_an_unknown_widget_close_to_a_known_one_gets_did_you_mean():
    assert errors_of("```widget rejection-checklst\n```\n") == [
        f"docs/page.md:1: unknown widget 'rejection-checklst' (did you mean 'rejection-checklist'? known: {KNOWN})"
    ]


def test_a_widget_is_rendered_from_one_computation_of_its_view(monkeypatch):
    # The template gets the whole view (outputs, links, downloads, errors,
    # repeats): no widget computes it a second time from its template.
    import dataclasses

    from build_tools.guide_links import GuideIndex
    from build_tools.widget_html import render_widget
    from widgets.record import replace
    from widgets.registry import WIDGET_NAMES, get_widget

    docs = Path(__file__).resolve().parent.parent.parent / "docs"
    for name in WIDGET_NAMES:
        widget = get_widget(name)
        calls = []

        def counted(options, state, _view=widget.view, calls=calls):
            calls.append(1)
            view = _view(options, state)
            # Marked text in every repeated item: the page must show it.
            for items in view.get("repeats", {}).values():
                for item in items:
                    item["outputs"] = {
                        k: "fug-marked" if isinstance(v, str) else v for k, v in item.get("outputs", {}).items()
                    }
            return view

        (fence,), errors = find_widget_fences(f"```widget {name}\n```\n", "docs/page.md")
        assert errors == []
        site = {"guide_links": GuideIndex.from_docs(docs).resolve(dict(widget.sections), "timing.md")}
        counted_fence = dataclasses.replace(fence, widget=replace(widget, view=counted))  # a fence, a record
        html = render_widget(counted_fence, "timing.md", 0, site=site)
        assert calls == [1], name
        assert f'data-widget="{name}"' in html
        if name == "thank-you-note":
            assert "fug-marked" in html
