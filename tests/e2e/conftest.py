"""Browser tests: real Chromium, driven by Playwright, against the built guide
served on 127.0.0.1 under a sub-path (/careers/guide/), as a career center
would host it."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from tests.support.browser import launch
from tests.support.pages import MOUNT
from tests.support.site_build import build_site
from tests.support.static_server import StaticServer, free_port


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The built site, served; its URL is the one it was built for, so
    Material's instant navigation is on (see mkdocs.yml)."""
    port = free_port()
    root = tmp_path_factory.mktemp("site") / "site"
    url = f"http://127.0.0.1:{port}{MOUNT}"
    done = build_site(root, site_url=url)
    assert done.returncode == 0, done.stdout + done.stderr
    with StaticServer(root, MOUNT, port) as server:
        server.root = root
        yield server


@pytest.fixture(scope="session")
def playwright_instance():
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    browser = launch(playwright_instance)
    yield browser
    browser.close()


class Recorder:
    """Every request the pages and their workers make, and console errors."""

    def __init__(self, context):
        self.urls: list[str] = []
        self.console_errors: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))

    def watch(self, page):
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))


@pytest.fixture
def context(browser):
    context = browser.new_context()
    context.recorder = Recorder(context)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    context.recorder.watch(page)
    return page
