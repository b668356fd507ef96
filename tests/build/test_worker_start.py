"""The post-build step that moves a page's worker starter to the top of its
<head> (build_tools/worker_start.py)."""

from __future__ import annotations

from build_tools.worker_start import hoist_worker_start

START = '<script type="module" src="../assets/widget-runtime/widget-start.js" async></script>'
RUNTIME = '<script type="module" src="../assets/widget-runtime/widget-runtime.js" async></script>'
PAGE = (
    '<html>\n<head>\n<meta charset="utf-8">\n<link rel="stylesheet" href="a.css">\n</head>\n'
    f'<body>\n<section data-widget="x"></section>\n{START}\n{RUNTIME}\n<p>After.</p>\n</body>\n</html>\n'
)


def test_the_starter_moves_to_the_top_of_head_and_the_runtime_stays():
    moved = hoist_worker_start(PAGE)
    assert moved.count(START) == 1 and moved.count(RUNTIME) == 1
    assert moved.index("<head>") < moved.index(START) < moved.index('<meta charset="utf-8">')
    assert moved.index("<body>") < moved.index('data-widget="x"') < moved.index(RUNTIME)
    # Only the tag (and its line break) moved: the rest of the page is as it was.
    assert moved.replace(f"\n{START}", "") == PAGE.replace(f"\n{START}", "")


def test_moving_twice_changes_nothing():
    once = hoist_worker_start(PAGE)
    assert hoist_worker_start(once) == once


def test_a_page_without_a_widget_or_without_head_is_unchanged():
    plain = PAGE.replace(f"\n{START}", "")
    assert hoist_worker_start(plain) == plain
    headless = PAGE.replace("<head>", "").replace("</head>", "")
    assert hoist_worker_start(headless) == headless


def test_a_starter_shown_as_code_is_not_a_starter():
    shown = PAGE.replace(START, START.replace("<", "&lt;").replace(">", "&gt;"))
    assert hoist_worker_start(shown) == shown
