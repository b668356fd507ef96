"""build_tools.guide_links: widgets name guide sections by page and heading; the build
resolves each from the page that holds the widget, or stops at the fence's line."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from build_tools.content_check import check_docs
from build_tools.errors import ContentErrors
from build_tools.guide_links import GuideIndex, heading_anchors, page_url, relative_href
from tests.support.career_fair import career_fair_config
from tests.support.site_build import ROOT, build_site
from widgets.follow_up_timeline import WIDGET as TIMELINE

DOCS = ROOT / "docs"


@pytest.mark.parametrize(
    "from_src, to_src, anchor, href",
    [
        ("timing.md", "thank-you-notes.md", "when-to-send-it", "../thank-you-notes/#when-to-send-it"),
        ("timing.md", "timing.md", "the-second-check", "#the-second-check"),
        ("events/career-fair.md", "timing.md", "what-to-write", "../../timing/#what-to-write"),
        ("events/career-fair.md", "events/index.md", "", "../"),
        ("index.md", "timing.md", "", "./timing/"),
        ("timing.md", "index.md", "", "../"),
        ("a/b/c.md", "a/d.md", "x", "../../d/#x"),
    ],
)
def test_relative_href_from_any_page(from_src, to_src, anchor, href):
    assert relative_href(from_src, to_src, anchor) == href


def test_page_urls():
    assert [page_url(p) for p in ("index.md", "timing.md", "events/index.md", "events/career-fair.md")] == [
        "",
        "timing/",
        "events/",
        "events/career-fair/",
    ]
    assert page_url("events/career-fair.md", directory_urls=False) == "events/career-fair.html"


def test_heading_anchors_as_the_toc_extension_makes_them():
    markdown = (
        "# Title\n\n## Keep in touch\n\n## Keep in touch\n\n## The `code` part\n\n"
        "## Custom {#mine}\n\n    # not a heading\n"
    )
    assert heading_anchors(markdown) == {
        "Title": "title",
        "Keep in touch": "keep-in-touch",
        "The code part": "the-code-part",
        "Custom": "mine",
    }


def test_every_section_the_timeline_names_exists_in_the_guide():
    index = GuideIndex.from_docs(DOCS)
    assert {key: index.problem(section) for key, section in TIMELINE.sections.items()} == dict.fromkeys(
        TIMELINE.sections, ""
    )


def docs_copy(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    return docs


def test_a_missing_target_fails_with_the_fence_line(tmp_path, monkeypatch):
    docs = docs_copy(tmp_path)
    (docs / "staying-in-touch.md").write_text(
        (docs / "staying-in-touch.md").read_text().replace("## Keep in touch", "## Keeping in touch")
    )
    with pytest.raises(ContentErrors) as caught:
        check_docs(docs)
    (error,) = caught.value.errors
    line = 1 + (docs / "timing.md").read_text().splitlines().index("```widget follow-up-timeline")
    assert str(error).startswith(
        f"docs/timing.md:{line}: widget 'follow-up-timeline' links to staying-in-touch.md › 'Keep in touch': "
        "docs/staying-in-touch.md has no heading 'Keep in touch' (its headings: 'Staying top-of-mind',"
    )


def targets_exist(site: Path, page: Path, href: str) -> None:
    """The href, from the built page, leads to a file holding the anchor."""
    base = "file://" + page.parent.as_posix() + "/"
    parts = urlsplit(urljoin(base, href))
    target = Path(parts.path)
    target = target / "index.html" if target.is_dir() else target
    assert target.is_file() and site in target.parents, href
    if parts.fragment:
        assert f'id="{parts.fragment}"' in target.read_text(), href


@pytest.fixture(scope="module")
def fair_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fair")
    site = tmp / "site"
    done = build_site(site, site_url="https://careers.example.edu/guide/", config_file=career_fair_config(tmp))
    assert done.returncode == 0, done.stdout + done.stderr
    return site


@pytest.mark.parametrize("page", ["events/career-fair/index.html", "timing/index.html"])
def test_the_timeline_links_resolve_from_a_page_in_a_sub_folder(fair_site, page):
    path = fair_site / page
    text = path.read_text()
    (raw,) = re.findall(r'data-widget="follow-up-timeline"[^>]*data-options="([^"]*)"', text)
    links = json.loads(html.unescape(raw))["guide_links"]
    assert set(links) == set(TIMELINE.sections)
    for key, link in links.items():
        targets_exist(fair_site, path, link["href"])
        # The calendar's absolute address of the same section.
        assert link["url"] == urljoin(
            "https://careers.example.edu/guide/" + page.removesuffix("index.html"), link["href"]
        )
        assert link["url"].startswith("https://careers.example.edu/guide/"), key
    # The static "About each step" list links the same way.
    widget = text[text.index('data-widget="follow-up-timeline"') :]
    hrefs = re.findall(
        r'<a href="([^"]+)"',
        widget[: widget.index("</section>\n</section>") if "</section>\n</section>" in widget else None],
    )
    assert hrefs and all(not h.startswith(("http", "/")) for h in hrefs)
    for href in hrefs:
        targets_exist(fair_site, path, html.unescape(href))


def test_the_live_plan_links_resolve_from_the_sub_folder_page(fair_site):
    # The page sends the options back to the worker: the plan's links use the same hrefs.
    path = fair_site / "events" / "career-fair" / "index.html"
    (raw,) = re.findall(r'data-widget="follow-up-timeline"[^>]*data-options="([^"]*)"', path.read_text())
    options = TIMELINE.resolve_page_options(json.loads(html.unescape(raw)))
    view = TIMELINE.view(options, {"_now": "2026-11-22T10:00:00-05:00", "interview_date": "2026-11-24"})
    links = [link for item in view["outputs"]["plan"] for link in item.get("links", [])]
    assert len(links) == 7
    for link in links:
        assert link["href"].startswith("../../")
        targets_exist(fair_site, path, link["href"])
    urls = [e for e in view["downloads"]["ics"]["text"].replace("\r\n ", "").split("\r\n") if e.startswith("URL:")]
    assert urls == [
        "URL:https://careers.example.edu/guide/thank-you-notes/#when-to-send-it",
        "URL:https://careers.example.edu/guide/timing/#the-first-status-check",
        "URL:https://careers.example.edu/guide/timing/#the-second-check",
        "URL:https://careers.example.edu/guide/timing/#when-to-stop-chasing",
    ]
