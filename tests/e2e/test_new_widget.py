"""A widget made by the scaffold goes live in the browser with no JavaScript
written for it: the generic runtime, the worker and the wheel do the rest."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.pages import MOUNT, run_axe, wait_for_state, widget
from tests.support.scaffold import NEW_WIDGET, project_with_new_widget, run
from tests.support.static_server import StaticServer, free_port


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory):
    project = project_with_new_widget(tmp_path_factory.mktemp("scaffold-e2e"))
    port = free_port()
    site = project / "site"
    run(project, "-m", "build_tools.build", "--site-dir", str(site))
    with StaticServer(site, MOUNT, port) as server:
        yield server


def test_the_scaffolded_widget_is_live_and_accessible(context, page, scaffolded):
    page.goto(scaffolded.url + "negotiating/")
    wait_for_state(page, NEW_WIDGET, "ready")
    root = widget(page, NEW_WIDGET)
    summary = root.locator('[data-output="summary"]')
    expect(summary).to_have_text("Type a topic to start.")
    root.get_by_label("Topic").fill("<b>my raise</b>")
    expect(summary).to_have_text("Your topic: <b>my raise</b>.")  # text, never markup
    root.get_by_label("I am ready to start").check()
    expect(summary).to_have_text("Your topic: <b>my raise</b>. You are ready to start.")
    expect(root.get_by_role("button", name="Copy the summary")).to_be_visible()
    assert run_axe(page) == []
    assert context.recorder.console_errors == []
