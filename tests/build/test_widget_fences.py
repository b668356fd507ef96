"""Finding widget fences in Markdown: edge cases and error messages."""

import textwrap

import pytest

from build_tools.widget_fences import find_widget_fences
from build_tools.widget_html import fill_markers, mark_fences
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
        "```widgets rejection-checklist\n```\n",
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
            "docs/page.md:3: widget 'rejection-checklist': option 'company_field' must be true or false, got 'yes'",
        ),
        (
            "```widget rejection-checklist\nheading: [a, b]\n```\n",
            "docs/page.md:2: widget 'rejection-checklist': option 'heading' must be a text, got ['a', 'b']",
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
            "docs/page.md:3: option 'company_field' has a value that cannot be read: day is out of range for month",
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
    assert marked.count("\n") == markdown.count("\n") - (fences[0].end_line - fences[0].first_line - 1)
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
