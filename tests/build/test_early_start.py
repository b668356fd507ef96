"""build_tools/early_start.py: the worker's starter moves into the page's head."""

from __future__ import annotations

import pytest

from build_tools.early_start import move_worker_start_to_head, start_in_head
from build_tools.errors import SiteError
from build_tools.widget_html import worker_start

START = worker_start("../assets/widget-runtime/widget-worker.js").lstrip("\n")


def page(head: str, body: str) -> str:
    return f"<!doctype html>\n<html>\n<head>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n"


def test_it_goes_before_the_first_stylesheet_and_leaves_the_body():
    sheets = '<meta charset="utf-8">\n<link rel="stylesheet" href="a.css">\n<link rel="stylesheet" href="b.css">'
    html = page(sheets, f'<section data-widget="x"></section>\n{START}\n<p>After.</p>')
    moved = start_in_head(html)
    head, body = moved.split("</head>")
    assert head.count(START) == 1 and START not in body
    assert head.index('<meta charset="utf-8">') < head.index(START) < head.index('href="a.css"')
    assert '<section data-widget="x"></section>\n<p>After.</p>' in body  # nothing else moved


def test_without_a_stylesheet_it_ends_the_head():
    moved = start_in_head(page("<title>T</title>", START))
    assert moved.index("<title>T</title>") < moved.index(START) < moved.index("</head>")


def test_a_page_without_one_or_with_it_in_place_is_unchanged():
    plain = page('<link rel="stylesheet" href="a.css">', "<p>No widget.</p>")
    assert start_in_head(plain) == plain
    done = start_in_head(page('<link rel="stylesheet" href="a.css">', START))
    assert start_in_head(done) == done  # a second post-build run moves nothing


def test_a_header_element_is_not_the_head():
    html = f"<html><body><header>Top</header>{START}</body></html>"
    with pytest.raises(SiteError, match=r"late\.html: no <head>"):
        start_in_head(html, "late.html")


def test_the_site_step_rewrites_only_the_pages_that_move(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(page('<link rel="stylesheet" href="a.css">', START))
    (tmp_path / "index.html").write_text(page("", "<p>Home.</p>"))
    assert move_worker_start_to_head(tmp_path) == 1
    assert START in (tmp_path / "a" / "index.html").read_text().split("</head>")[0]
    assert move_worker_start_to_head(tmp_path) == 0
