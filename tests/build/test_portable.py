"""Embedding that does not depend on MkDocs: widget fences through plain
Python-Markdown, and the post-build step on a folder MkDocs did not build."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import markdown
import pytest

from build_tools.csp import inline_script_hashes
from build_tools.errors import ContentErrors
from build_tools.markdown_ext import WidgetFences
from build_tools.offline import WORKER_NAME, read_worker_build
from build_tools.runtime_assets import RUNTIME_DIR
from build_tools.widget_html import search_gate, worker_start

ROOT = Path(__file__).resolve().parent.parent.parent

PAGE = textwrap.dedent(
    """\
    # After a rejection

    Some advice first.

    ```widget rejection-checklist
    company_field: false
    heading: Your next steps
    ```

    1. A list item with a widget in it:

        ```widget thank-you-note
        ```

    > A quote, then a fence shown as an example:
    >
    >     ```widget rejection-checklist
    >     ```
    """
)


def test_plain_python_markdown_renders_the_widgets():
    html = markdown.markdown(PAGE, extensions=[WidgetFences(path="docs/rejection.md", page_id="rejection.md")])
    assert "<h1>After a rejection</h1>" in html
    assert html.count('data-widget="rejection-checklist"') == 1
    assert html.count('data-widget="thank-you-note"') == 1
    # The checklist with its options, server-rendered: a usable form.
    assert "Your next steps" in html
    assert 'data-widget-id="rejection.md#1"' in html and 'data-widget-id="rejection.md#2"' in html
    assert re.search(r'<input type="checkbox" name="ask_feedback"[^>]* checked', html)
    # The second widget stays inside its list item; the example stays code.
    assert re.search(r"<li>\s*<p>A list item with a widget in it:</p>\s*<section class=\"fug-widget\"", html)
    assert "<code>```widget rejection-checklist" in html
    assert "fugwidget" not in html  # no marker left


def test_the_extension_loads_by_name_as_generators_configure_it():
    html = markdown.markdown("```widget rejection-checklist\n```\n", extensions=["build_tools.markdown_ext"])
    assert 'data-widget="rejection-checklist"' in html
    assert 'data-widget-id="page.md#1"' in html


def test_the_runtime_starts_right_after_the_first_widget_when_told_where_it_is():
    ext = WidgetFences(path="docs/a.md", runtime_src="../assets/widget-runtime/widget-runtime.js")
    html = markdown.markdown(PAGE, extensions=[ext])
    tag = '<script type="module" src="../assets/widget-runtime/widget-runtime.js" async></script>'
    # The worker's starter first (the post-build step moves it into the head),
    # then the gate that holds the theme's search index back, then the runtime.
    start = worker_start("../assets/widget-runtime/widget-worker.js")
    gate = search_gate()
    assert html.count(tag) == 1 and html.count(start) == 1 and html.count(gate) == 1
    assert html.index(start) < html.index(gate) < html.index(tag) < html.index('data-widget="thank-you-note"')
    assert 'data-guide-start="../assets/widget-runtime/widget-worker.js"' in start
    assert "widget-start.js" not in html  # inlined, not loaded


def test_one_converter_serves_page_after_page():
    ext = WidgetFences()
    md = markdown.Markdown(extensions=[ext])
    ext.set_page("docs/a.md", "a.md")
    first = md.convert("```widget rejection-checklist\n```\n")
    md.reset()
    ext.set_page("docs/b.md", "b.md")
    second = md.convert("# B\n\nNo widget here.\n")
    md.reset()
    ext.set_page("docs/c.md", "c.md")
    third = md.convert("```widget thank-you-note\n```\n")
    assert 'data-widget-id="a.md#1"' in first
    assert "data-widget" not in second and "<h1>B</h1>" in second
    assert 'data-widget-id="c.md#1"' in third and "rejection-checklist" not in third


def test_a_bad_fence_stops_the_conversion_with_page_and_line():
    text = "# Page\n\n```widget rejection-checklist\ncompany_field: maybe\n```\n\n```widget nope\n```\n"
    with pytest.raises(ContentErrors) as caught:
        markdown.markdown(text, extensions=[WidgetFences(path="docs/x.md")])
    assert str(caught.value).splitlines() == [
        "docs/x.md:4: widget 'rejection-checklist': option 'company_field' must be true or false, got \"maybe\"",
        "docs/x.md:7: unknown widget 'nope' (known: follow-up-timeline, rejection-checklist, thank-you-note)",
    ]


def test_a_fence_python_markdown_reads_as_code_is_refused_with_its_line():
    # The fence finder and the renderer disagree here (a tab inside a list
    # item's admonition): the extension checks the page it renders.
    text = "# T\n\n-   !!! tip\n    \t```widget rejection-checklist\n    \t```\n"
    with pytest.raises(ContentErrors) as caught:
        markdown.markdown(text, extensions=["admonition", WidgetFences(path="docs/t.md")])
    assert str(caught.value) == (
        "docs/t.md:4: this widget fence would be published inside code or a line of text, not as a widget: "
        "put it on its own, after a blank line, indented like the text around it"
    )


def test_headings_are_left_alone_when_toc_renders_them():
    # toc runs the postprocessors on each heading: the widgets go in once, in the page.
    text = "# One\n\n```widget rejection-checklist\n```\n\n## Two\n\nText.\n"
    html = markdown.markdown(text, extensions=["toc", WidgetFences(path="docs/t.md")])
    assert html.count('data-widget="rejection-checklist"') == 1
    assert '<h2 id="two">Two</h2>' in html


# ------------------------------------------------------------- post-build

SHELL = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="{up}assets/widget-runtime/widget-runtime.css">
<script>document.documentElement.dataset.shell = "plain";</script>
</head>
<body>
{body}
<script type="module" src="{up}assets/widget-runtime/widget-runtime.js"></script>
</body>
</html>
"""


def write_plain_site(site: Path) -> None:
    """A two-page site written by a script with Python-Markdown: no MkDocs."""
    pages = {"index.html": ("Home", "# Home\n\n[Rejection](rejection/)\n"), "rejection/index.html": ("Rejection", PAGE)}
    for rel, (title, text) in pages.items():
        up = "../" * rel.count("/")
        ext = WidgetFences(path=f"docs/{rel}", page_id=rel, runtime_src=f"{up}{RUNTIME_DIR}/widget-runtime.js")
        body = markdown.markdown(text, extensions=[ext])
        target = site / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(SHELL.format(title=title, up=up, body=body), encoding="utf-8")


def finish(site: Path, config_file: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "build_tools.build", "--finish", str(site), "--config-file", str(config_file)],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def sha256(data: bytes) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()


def test_the_post_build_step_finishes_a_folder_mkdocs_did_not_build(tmp_path):
    site = tmp_path / "plain-site"
    write_plain_site(site)
    done = finish(site, ROOT / "examples" / "career-center" / "mkdocs.yml")
    assert done.returncode == 0, done.stdout + done.stderr

    # The runtime, Pyodide and the wheel are in place.
    runtime = site / RUNTIME_DIR
    workers = ("widget-worker.js", "python-boot.js", "python-snapshot.js", "snapshot-maker.js", "quick-reply.js")
    for name in ("widget-runtime.js", "runtime-helpers.js", *workers, "offline.js", "runtime-manifest.json"):
        assert (runtime / name).is_file(), name
    manifest = json.loads((runtime / "runtime-manifest.json").read_text())
    assert (runtime / manifest["pyodide"] / "pyodide.asm.wasm").is_file()
    assert (runtime / manifest["wheel"]).is_file()
    # The center's branding files (examples/career-center/mkdocs.yml).
    assert (site / "assets" / "center" / "center.css").is_file()
    assert list((site / "assets" / "center").glob("*.svg"))
    # Every page carries the policy, which allows the page's inline scripts.
    inline = sha256(b'document.documentElement.dataset.shell = "plain";')
    for page in ("index.html", "rejection/index.html"):
        head = (site / page).read_text().split("</head>")[0]
        assert head.count('<meta http-equiv="Content-Security-Policy"') == 1, page
        assert f"'{inline}'" in head
    # The page with a widget starts its worker from its head, which the policy allows.
    head, body = (site / "rejection" / "index.html").read_text().split("</head>")
    start = worker_start("../assets/widget-runtime/widget-worker.js").lstrip("\n")
    assert head.count(start) == 1 and "data-guide-start" not in body
    (start_hash,) = inline_script_hashes(start)
    assert start_hash in head
    assert "data-guide-start" not in (site / "index.html").read_text()
    # The offline worker lists every file with its hash, pages by their URL.
    build = read_worker_build(site)
    assert build["offline"] is True
    assert build["files"]["./"] == sha256((site / "index.html").read_bytes())
    assert build["files"]["rejection/"] == sha256((site / "rejection" / "index.html").read_bytes())
    assert f"{RUNTIME_DIR}/runtime-helpers.js" in build["files"]
    assert WORKER_NAME not in build["files"]


def test_the_post_build_step_refuses_a_folder_that_is_not_a_site(tmp_path):
    (tmp_path / "empty").mkdir()
    done = finish(tmp_path / "empty", ROOT / "mkdocs.yml")
    assert done.returncode == 1
    assert done.stderr == f"error: {tmp_path / 'empty'}: no index.html, so not a built site\n"


def test_the_post_build_step_reports_bad_settings_in_one_line(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><head></head><body></body></html>")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: X\nsite_url: !ENV SITE_URL\nextra:\n  offline: sometimes\n")
    done = finish(site, config)
    assert done.returncode == 1
    assert done.stderr == "error: extra.offline: must be true or false, got 'sometimes'\n"


@pytest.mark.parametrize(
    "page, line",
    [
        # markdown-it: the <div> block ends at the blank line, then code; Python-Markdown:
        # all that follows an unclosed <div> is raw HTML, so the YAML would show as text.
        ('<div>\n\n    ```widget rejection-checklist\n    heading: "Hi"\n    ```\n', 3),
        ("Intro\n\n<div>\n\n\t```widget rejection-checklist\n\t```\n", 5),
    ],
)
def test_a_fence_an_unclosed_html_block_takes_in_fails_with_page_and_line(page, line):
    with pytest.raises(ContentErrors) as caught:
        markdown.markdown(page, extensions=[WidgetFences(path="docs/x.md")])
    assert str(caught.value) == (
        f"docs/x.md:{line}: this widget fence would show as text, not as a widget: an HTML block above it "
        "(a <div> without its </div>?) takes it in; close that block before the fence"
    )


def test_a_fence_shown_as_an_example_in_code_is_no_error():
    page = "<div>\n</div>\n\nAn example:\n\n    ```widget rejection-checklist\n    ```\n\n`` ```widget `` opens one.\n"
    html = markdown.markdown(page, extensions=[WidgetFences(path="docs/x.md")])
    assert "<pre><code>```widget rejection-checklist" in html and "<code>```widget</code>" in html
