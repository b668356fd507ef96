"""The runtime's files in the browser: a trimmed standard library of bytecode
with the rest fetched on first need, and every file the worker fetches checked
against the build's hashes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.pages import WHEEL_CHECK, WHEEL_CHECKED, python_in_worker, wait_for_state, widget

NAME = "rejection-checklist"
FULL_STDLIB = "/assets/pyodide/"  # the full python_stdlib.zip lives with Pyodide


@pytest.fixture
def worker_page(browser, site):
    """The checklist page, live, in a context where the test may evaluate
    JavaScript in the page's Python worker."""
    context = browser.new_context(bypass_csp=True, service_workers="block")  # no offline copy download
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.requests = requests
    page.goto(site.url + "rejection/")
    wait_for_state(page, NAME, "ready")
    yield page
    context.close()


def full_stdlib_requests(page) -> list[str]:
    return [u for u in page.requests if FULL_STDLIB in u and u.endswith("python_stdlib.zip")]


def test_the_page_starts_on_the_trimmed_standard_library(worker_page):
    assert full_stdlib_requests(worker_page) == []
    assert any("/assets/stdlib/" in u for u in worker_page.requests)
    # Started from bytecode: the standard library's modules have no source here.
    assert (
        python_in_worker(worker_page, "import json; str(json.__spec__.origin.endswith('.pyc') or json.__file__)")
        == "True"
    )


def test_the_widgets_import_from_their_wheel_with_its_bytecode_and_sources(worker_page):
    assert python_in_worker(worker_page, WHEEL_CHECK) == WHEEL_CHECKED


def test_a_module_outside_the_trimmed_set_still_imports(worker_page):
    outside = python_in_worker(worker_page, "import sys; str('colorsys' in sys.modules)")
    assert outside == "False"
    # An unknown name fails as usual, and fetches nothing.
    missing = python_in_worker(
        worker_page,
        "try:\n import no_such_module_anywhere\nexcept ModuleNotFoundError as e:\n r = str(e)\nr",
    )
    assert "no_such_module_anywhere" in missing
    assert full_stdlib_requests(worker_page) == []
    # A standard-library module the widgets never import: fetched once, checked, imported.
    hsv = python_in_worker(worker_page, "import colorsys; str(colorsys.rgb_to_hsv(1.0, 0.0, 0.0))")
    assert hsv == "(0.0, 1.0, 1.0)"
    again = python_in_worker(worker_page, "import email.utils; email.utils.quote('a\"b')")
    assert again == 'a\\"b'
    assert len(full_stdlib_requests(worker_page)) == 1
    # The widgets still answer.
    widget(worker_page, NAME).get_by_label("Contact's name").fill("Dana")
    expect(widget(worker_page, NAME).locator('[data-output="reply"]')).to_contain_text("Dana")


def test_a_tampered_wheel_is_refused_with_a_clear_message(context, site):
    def tampered(route):
        body = bytearray(route.fetch().body())
        body[len(body) // 2] ^= 1  # one bit changed, in a file the server really sends
        route.fulfill(status=200, content_type="application/octet-stream", body=bytes(body))

    context.route("**/*.whl", tampered)
    page = context.new_page()
    page.goto(site.url + "rejection/")
    wait_for_state(page, NAME, "error", timeout=30_000)
    status = widget(page, NAME).locator('[data-role="status"]')
    expect(status).to_contain_text(re.compile(r"a file it needs is damaged \(follow_up_guide_widgets-.*\.whl\)"))
