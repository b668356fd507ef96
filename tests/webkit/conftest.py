"""WebKitGTK (Debian webkit2gtk-driver) driven by Selenium's WebKitGTK driver
on a private Xvfb display, against the built guide served under
/careers/guide/. WebKit is the engine of Safari on iPhones."""

from __future__ import annotations

import pytest

from tests.support.engines import WebKit, isolated_copy, served_site, xvfb


def pytest_collection_modifyitems(items):
    for item in items:
        if "/webkit/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def webkit_site(tmp_path_factory):
    with served_site(tmp_path_factory) as server:
        yield server


@pytest.fixture(scope="session")
def webkit_isolated_site(webkit_site):
    with isolated_copy(webkit_site) as server:
        yield server


@pytest.fixture(scope="session")
def webkit():
    with xvfb() as display:
        engine = WebKit(display)
        yield engine
        engine.close()
