"""The test browser's own command line (tests/support/browser.py): the guide's
disabled features reach Chromium beside Playwright's, not instead of them
(Chromium keeps only the last --disable-features switch)."""

from __future__ import annotations

from tests.support.browser import CHROMIUM_ARGS, DISABLED_FEATURES, chromium_path
from tests.support.chromium_features import SWITCH, joined


def disabled_features(browser) -> list[list[str]]:
    """Each --disable-features switch the running browser was started with, as names."""
    page = browser.new_page()
    try:
        page.goto("chrome://version")
        command_line = page.inner_text("#command_line")
    finally:
        page.close()
    return [arg[len(SWITCH) :].split(",") for arg in command_line.split() if arg.startswith(SWITCH)]


def test_every_disable_features_switch_is_joined_into_one_last():
    args = ["--a", SWITCH + "X,Y", "--b", SWITCH + "Y,Z", SWITCH]
    assert joined(args) == ["--a", "--b", SWITCH + "X,Y,Z"]
    assert joined(["--a", "--b"]) == ["--a", "--b"]


def test_the_browser_keeps_playwrights_disabled_features_and_the_guides(browser, playwright_instance):
    # Playwright's own list, read off a browser started without the wrapper.
    plain = playwright_instance.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    try:
        (playwrights,) = disabled_features(plain)
    finally:
        plain.close()
    assert playwrights, "Playwright passed no disabled features: nothing to keep"
    (ours,) = disabled_features(browser)  # one switch: none is dropped
    assert set(ours) == set(playwrights) | set(DISABLED_FEATURES)
