"""Firefox ESR (Debian firefox-esr) driven by puppeteer-core over WebDriver
BiDi, against the built guide served under /careers/guide/."""

from __future__ import annotations

import pytest

from tests.support.engines import Firefox, isolated_copy, served_site


def pytest_collection_modifyitems(items):
    for item in items:
        if "/firefox/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def firefox_site(tmp_path_factory):
    with served_site(tmp_path_factory) as server:
        yield server


@pytest.fixture(scope="session")
def firefox_isolated_site(firefox_site):
    with isolated_copy(firefox_site) as server:
        yield server


@pytest.fixture(scope="session")
def firefox():
    engine = Firefox()
    yield engine
    engine.close()
