"""The whole build: the site it writes, and how it fails."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_tools.runtime_assets import RUNTIME_DIR
from build_tools.widget_html import search_gate
from tests.support.site_build import ROOT, build_site

PIN = tomllib.loads((ROOT / "build_tools" / "pyodide-pin.toml").read_text())


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("build") / "site"
    done = build_site(root)
    assert done.returncode == 0, done.stdout + done.stderr
    return root


def test_widget_is_rendered_in_place_of_its_fence(site):
    html = (site / "rejection" / "index.html").read_text()
    assert html.count('data-widget="rejection-checklist"') == 1
    assert 'data-state="static"' in html and 'data-widget-id="rejection.md#1"' in html
    assert 'data-output="progress"' in html and "0 of 5 done" in html
    assert "```widget" not in html and "fugwidget" not in html
    # The widget sits where the fence was: after "Your checklist", before the next section.
    assert html.index('id="your-checklist"') < html.index("data-widget=") < html.index('id="give-yourself-a-moment"')


def test_only_the_pinned_runtime_files_are_copied(site):
    pyodide = site / "assets" / "pyodide"
    assert [p.name for p in pyodide.iterdir()] == [PIN["version"]]
    # Pyodide's 119 KB package lock stays out: the worker starts with a minimal one.
    shipped = sorted(name for name in PIN["files"] if name != "pyodide-lock.json")
    copied = (pyodide / PIN["version"]).iterdir()
    assert sorted(p.name for p in copied if p.suffix not in {".gz", ".br"}) == shipped


def test_the_manifest_carries_a_minimal_lock_and_every_fetched_files_integrity(site):
    manifest = json.loads((site / RUNTIME_DIR / "runtime-manifest.json").read_text())
    assert manifest["lock"]["packages"] == {} and manifest["lock"]["info"]["python"].startswith("3.14")
    assert len(json.dumps(manifest["lock"])) < 500
    runtime = site / RUNTIME_DIR
    fetched = {manifest["wheel"], manifest["stdlib"], manifest["pyodide"] + "pyodide.asm.wasm"}
    assert set(manifest["integrity"]) == fetched
    for rel, integrity in manifest["integrity"].items():
        algorithm, digest = integrity.split("-", 1)
        assert base64.b64encode(hashlib.new(algorithm, (runtime / rel).read_bytes()).digest()).decode() == digest
    full = runtime / manifest["stdlibFull"]["url"]
    assert hashlib.sha256(full.read_bytes()).hexdigest() == manifest["stdlibFull"]["sha256"]


def test_widgets_ship_as_a_pure_python_wheel(site):
    (wheel,) = (site / "assets" / "widgets").glob("*/*.whl")
    assert wheel.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "widgets/binding.py" in names and "widgets/rejection_checklist/logic.py" in names
    assert not any(n.startswith(("build_tools/", "tests/")) for n in names)
    manifest = (site / RUNTIME_DIR / "runtime-manifest.json").read_text()
    assert wheel.relative_to(site / "assets").as_posix() in manifest


def test_wheel_is_reproducible(tmp_path):
    from build_tools.runtime_assets import build_wheel

    first = build_wheel(tmp_path / "a").read_bytes()
    second = build_wheel(tmp_path / "b").read_bytes()
    assert first == second  # same content, same URL: safe to cache


# --- no URL to another origin -------------------------------------------------

URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "manifest", "xlink:href", "cite"}


class _Urls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value:
                self.urls += [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
            if tag == "meta" and name == "content" and value and "url=" in value.lower():
                self.urls.append(value.lower().split("url=", 1)[1])


def is_relative(url: str) -> bool:
    return not re.match(r"^([a-z][a-z0-9+.-]*:|//|/)", url, re.I) or url.startswith(("data:", "mailto:", "#"))


def html_urls(page: Path) -> list[str]:
    parser = _Urls()
    parser.feed(page.read_text())
    return parser.urls


def test_every_html_link_and_resource_is_relative(site):
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue
        assert [u for u in html_urls(page) if not is_relative(u)] == [], page


def test_the_404_page_stays_on_the_site(site):
    # 404.html is served at whatever address was missing, so no relative URL
    # can work there: MkDocs writes root paths from site_url (see README).
    urls = html_urls(site / "404.html")
    assert urls and all((u.startswith("/") and not u.startswith("//")) or is_relative(u) for u in urls)


def theme_features(page: Path) -> list[str]:
    """The features Material's script reads from the page (its #__config)."""
    config = re.search(r'<script id="__config" type="application/json">([^<]*)</script>', page.read_text())
    assert config, page
    return json.loads(config[1])["features"]


def test_without_site_url_no_page_sets_up_instant_navigation(site):
    # Its sitemap would be empty (no address to list): Material would fetch and
    # parse it on every page load for nothing. With SITE_URL it stays on
    # (tests/e2e/test_site.py, test_instant_navigation_remounts_with_a_single_worker).
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) >= 6
    for page in pages:
        features = theme_features(page)
        assert "navigation.footer" in features, page  # the others are kept
        assert not [f for f in features if f.startswith("navigation.instant")], page


def test_only_widget_pages_hold_the_search_index_back_before_the_theme_runs(site):
    # web/search-gate.js, inlined: it must patch the request before the
    # theme's bundle sends it. Pages without widgets load their index at once.
    gate = search_gate()
    assert gate.startswith("\n<script>") and "XMLHttpRequest" in gate and "// Holds back" not in gate
    with_widgets = 0
    for page in site.rglob("*.html"):
        html = page.read_text()
        if "data-widget=" in html:
            with_widgets += 1
            assert html.count(gate) == 1, page
            assert html.index(gate) < html.index("assets/javascripts/bundle."), page
        else:
            assert "guideSearchGate" not in html, page
    assert with_widgets == 3
    # Inlined only: no copy of it among the runtime's files.
    assert not list(site.rglob("search-gate.js*"))


def test_widget_pages_start_their_worker_from_the_head_before_the_stylesheets(site):
    # web/widget-start.js, inlined and moved up by the post-build step
    # (build_tools/early_start.py): it runs as the parser reads the head.
    with_widgets = 0
    for page in site.rglob("*.html"):
        html = page.read_text()
        head, _, body = html.partition("</head>")
        if "data-widget=" not in html:
            assert "data-guide-start" not in html, page
            continue
        with_widgets += 1
        (start,) = re.findall(r'<script data-guide-start="([^"]*)">', head)
        assert "data-guide-start" not in body, page
        assert head.index("data-guide-start") < head.index('rel="stylesheet"'), page
        assert head.index("Content-Security-Policy") < head.index("data-guide-start"), page
        assert (page.parent / start).resolve() == (site / RUNTIME_DIR / "widget-worker.js").resolve(), page
    assert with_widgets == 3
    assert not list(site.rglob("widget-start.js*"))


def test_every_css_url_is_relative(site):
    for sheet in site.rglob("*.css"):
        text = sheet.read_text()
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        assert [u for u in urls if not is_relative(u)] == [], sheet


def test_our_runtime_names_no_other_origin(site):
    for name in (
        "widget-runtime.js",
        "runtime-helpers.js",
        "widget-worker.js",
        "python-boot.js",
        "python-snapshot.js",
        "snapshot-maker.js",
        "quick-reply.js",
        "widget-runtime.css",
        "runtime-manifest.json",
    ):
        assert not re.search(r"https?:|//[a-z]", (site / RUNTIME_DIR / name).read_text()), name


# Addresses that stand in third-party files we ship, reviewed one by one. None
# is requested by the guide (the browser tests record every request); a new
# one, say a web font after a theme upgrade, fails this test until reviewed.
_COMMENTS = "licence or documentation link in a comment"
REVIEWED = {
    "www.w3.org": "XML/SVG namespace name: an identifier, never fetched",
    "www.sitemaps.org": "sitemap namespace name: an identifier, never fetched",
    "api.github.com": "Material's repository facts: only with repo_url, which the guide does not set",
    "unpkg.com": "Material's polyfill and mermaid loaders: only for browsers without "
    "ResizeObserver, and for mermaid diagrams, which the guide does not use",
    "cdn.jsdelivr.net": "Pyodide's default package address: the worker sets packageBaseUrl to the site's own",
    "i.test": "an example address in a comment of the search code",
    "console.error": "commented-out code, not an address",
    **dict.fromkeys(
        (
            "www.mozilla.org",
            "github.com",
            "snowball.tartarus.org",
            "tartarus.org",
            "code.google.com",
            "fontawesome.com",
            "en.wikipedia.org",
            "wiki.ecmascript.org",
            "wiki.commonjs.org",
            "underscorejs.org",
            "people.mozilla.org",
            "narwhaljs.org",
            "msdn.microsoft.com",
            "lunrjs.com",
            "docs.python.org",
            "developer.mozilla.org",
            "clipboardjs.com",
            "chasen.org",
            "bit.ly",
        ),
        _COMMENTS,
    ),
}


def test_no_unreviewed_address_of_another_origin_anywhere_in_site(site):
    found = {}
    for path in site.rglob("*"):
        if path.is_dir() or path.suffix in {".wasm", ".zip", ".whl", ".png", ".gz", ".br", ".map"}:
            continue
        for host in re.findall(r"(?:https?:)?//([a-z0-9-]+(?:\.[a-z0-9-]+)+)", path.read_text(errors="replace"), re.I):
            found.setdefault(host.lower(), set()).add(path.relative_to(site).as_posix())
    unreviewed = {host: files for host, files in found.items() if host not in REVIEWED}
    assert unreviewed == {}
    assert found["cdn.jsdelivr.net"] == {f"assets/pyodide/{PIN['version']}/pyodide.mjs"}
    boot = (ROOT / "web" / "python-boot.js").read_text()  # both Python workers start from it
    assert "packageBaseUrl: indexURL" in boot


# --- failing builds --------------------------------------------------------------


def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's config and pages, to break without harm."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "docs", copy / "docs")
    shutil.copytree(ROOT / "overrides", copy / "overrides")
    config = (ROOT / "mkdocs.yml").read_text()
    config = config.replace("build_tools/mkdocs_hooks.py", str(ROOT / "build_tools" / "mkdocs_hooks.py"))
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config)
    (copy / "mkdocs.yml").write_text(config)
    return copy


def test_bad_fence_fails_with_page_and_line_and_leaves_the_site_alone(tmp_path):
    project = project_copy(tmp_path)
    page = project / "docs" / "rejection.md"
    lines = page.read_text().splitlines()
    fence_line = lines.index("```widget rejection-checklist") + 1
    page.write_text(page.read_text().replace("company_field: true", "company_field: maybe"))
    (project / "docs" / "extra.md").write_text("# Extra\n\n~~~widget no-such-widget\n~~~\n")

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous, good site")
    done = build_site(site, config_file=project / "mkdocs.yml")

    assert done.returncode != 0
    output = done.stdout + done.stderr
    assert (
        f"docs/rejection.md:{fence_line + 1}: widget 'rejection-checklist': "
        "option 'company_field' must be true or false, got \"maybe\"" in output
    )
    assert "docs/extra.md:3: unknown widget 'no-such-widget'" in output
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "the previous, good site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # no staging left


def test_plain_mkdocs_build_also_stops_before_touching_the_site(tmp_path):
    project = project_copy(tmp_path)
    (project / "docs" / "index.md").write_text("# Home\n\n```widget\n```\n")
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.txt").write_text("kept")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 1
    assert "docs/index.md:3: a widget fence names one widget" in done.stderr
    assert [p.name for p in site.iterdir()] == ["keep.txt"]


def test_content_check_command(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("```widget rejection-checklist\nheading: 3\n```\n")
    done = subprocess.run(
        [sys.executable, "-m", "build_tools.content_check", str(docs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"{docs.as_posix()}/a.md:2: widget 'rejection-checklist': option 'heading' must be a text, got 3"
    )


def test_widget_fences_in_containers_are_built_in_place(tmp_path):
    # Inside a Material admonition, right under a line of text, with an entity
    # in the info string (issue 10): each becomes a live widget, in place.
    project = project_copy(tmp_path)
    page = project / "docs" / "timing.md"
    page.write_text(
        page.read_text()
        + '\n!!! example "Try it"\n    Check your reply:\n\n'
        + "    ```widget rejection-checklist\n    heading: In a box\n    ```\n"
        + "\nRight under this line:\n```&#119;idget rejection-checklist\nheading: Under a line\n```\n"
    )
    site = tmp_path / "site"
    done = build_site(site, config_file=project / "mkdocs.yml")
    assert done.returncode == 0, done.stdout + done.stderr
    html = (site / "timing" / "index.html").read_text()
    admonition = html[html.index('<div class="admonition example">') :]
    assert re.match(
        r'<div class="admonition example">\n<p class="admonition-title">Try it</p>\n<p>Check your reply:</p>\n'
        r'<section class="fug-widget" data-widget="rejection-checklist"[^>]*>\n<h3[^>]*>In a box</h3>',
        admonition,
    )
    assert re.search(
        r'<p>Right under this line:\n</p><section class="fug-widget" data-widget="rejection-checklist"', html
    )
    assert "widget rejection" not in html and "fugwidget" not in html


def test_a_fence_the_renderer_reads_as_code_fails_the_build(tmp_path):
    project = project_copy(tmp_path)
    page = project / "docs" / "timing.md"
    lines = page.read_text().count("\n")
    page.write_text(page.read_text() + "\n-   !!! tip\n    \t```widget rejection-checklist\n    \t```\n")
    site = tmp_path / "site"
    done = build_site(site, config_file=project / "mkdocs.yml")
    assert done.returncode != 0
    assert (
        f"docs/timing.md:{lines + 3}: this widget fence would be published inside code or a line of text, not as a "
        "widget: put it on its own, after a blank line, indented like the text around it"
    ) in done.stdout + done.stderr
    assert not site.exists()
