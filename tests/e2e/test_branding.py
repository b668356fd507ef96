"""The career-center example (examples/career-center/) in Chromium, served under
/careers/guide/: its name, logo, colours and contacts, and the checklist's
advisor link, with no accessibility violation."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.pages import MOUNT, PAGES, run_axe, wait_for_state, widget
from tests.support.site_build import ROOT, build_site
from tests.support.static_server import StaticServer, free_port

CONFIG = ROOT / "examples" / "career-center" / "mkdocs.yml"
NAME = "Northfield University Career Center"
BOOKING = "https://careers.northfield.example/appointments"
PRIMARY = "rgb(0, 86, 63)"  # "#00563f" in the example
CHECKLIST = "rejection-checklist"


@pytest.fixture(scope="module")
def center(tmp_path_factory):
    port = free_port()
    root = tmp_path_factory.mktemp("center") / "site"
    done = build_site(root, site_url=f"http://127.0.0.1:{port}{MOUNT}", config_file=CONFIG)
    assert done.returncode == 0, done.stdout + done.stderr
    with StaticServer(root, MOUNT, port) as server:
        yield server


def wait_for_widgets(page):
    for root in page.locator("[data-widget]").all():
        wait_for_state(page, root.get_attribute("data-widget"), "ready")


def test_header_shows_the_name_the_logo_and_the_colour(page, center):
    page.goto(center.url + "timing/")
    header = page.locator("header.md-header")
    expect(header.locator(".md-header__topic").first).to_have_text(NAME)
    expect(page).to_have_title(f"Timing your follow-up - {NAME}")
    logo = header.locator(".md-logo img")
    expect(logo).to_be_visible()
    assert logo.evaluate("img => img.complete && img.naturalWidth") > 0  # the file was found and decoded
    assert logo.evaluate("img => img.currentSrc") == center.url + "assets/center/logo.svg"
    styles = header.evaluate("h => { const s = getComputedStyle(h); return [s.backgroundColor, s.color]; }")
    assert styles == [PRIMARY, "rgb(255, 255, 255)"]  # white text: it reads best on dark green


SHORT_NAME = "Northfield Careers"  # extra.center.short_name in the example
FITS = """topic => {
  const shown = getComputedStyle(topic, "::before");
  const pen = document.createElement("canvas").getContext("2d");
  pen.font = `${shown.fontWeight} ${shown.fontSize} ${shown.fontFamily}`;
  const long = topic.querySelector(".md-ellipsis");
  return {
    content: shown.content,
    longShown: getComputedStyle(long).display !== "none",
    fits: pen.measureText(JSON.parse(shown.content)).width <= topic.getBoundingClientRect().width,
    longWouldFit: pen.measureText(long.textContent.trim()).width <= topic.getBoundingClientRect().width,
  };
}"""


def test_a_phones_header_shows_the_short_name_whole(browser, center):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(center.url + "timing/")
    topic = page.locator("header.md-header .md-header__topic").first
    expect(topic).to_be_visible()
    shown = topic.evaluate(FITS)
    assert shown["content"] == f'"{SHORT_NAME}"' and not shown["longShown"]
    assert shown["fits"]  # whole, not cut to "Northfield Univ..."
    assert not shown["longWouldFit"]  # the full name would have been cut here
    context.close()


def test_footer_has_the_contacts_and_the_booking_link(page, center):
    page.goto(center.url)
    footer = page.locator("footer address.fug-center")
    expect(footer).to_contain_text(NAME)
    expect(footer.get_by_role("link", name="Book an appointment with an advisor")).to_have_attribute("href", BOOKING)
    expect(footer.get_by_role("link", name="careers@northfield.example")).to_have_attribute(
        "href", "mailto:careers@northfield.example"
    )
    expect(footer.get_by_role("link", name="+1 555 010 0199")).to_have_attribute("href", "tel:+15550100199")


def test_checklist_is_live_and_offers_the_centers_advisor(context, page, center):
    page.goto(center.url + "rejection/")
    wait_for_state(page, CHECKLIST, "ready")
    root = widget(page, CHECKLIST)
    link = root.get_by_role("link", name=f"Book a mock interview with {NAME}")
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", BOOKING)
    expect(root.get_by_role("link", name="careers@northfield.example")).to_be_visible()
    # The runtime leaves the static link alone while the reader works.
    root.get_by_label("Ask for feedback (optional)").check()
    expect(root.locator('[data-output="progress"]')).to_have_text("1 of 5 done")
    expect(link).to_have_attribute("href", BOOKING)
    # Branding loads nothing from elsewhere and breaks nothing (CSP included).
    assert [u for u in context.recorder.urls if not u.startswith(center.origin + "/")] == []
    assert all(path.startswith(MOUNT) for path in center.requests)
    assert context.recorder.console_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_the_branded_guide(browser, center, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    for path in PAGES:
        page.goto(center.url + path)
        wait_for_widgets(page)
        if path == "rejection/":
            expect(widget(page, CHECKLIST).locator(".fug-widget__advisor a").first).to_be_visible()
        assert run_axe(page) == [], f"{scheme} {path or 'home'}"
    context.close()
