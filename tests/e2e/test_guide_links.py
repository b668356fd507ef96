"""The timeline's guide links from a page in a sub-folder, in Chromium (issue 9,
point 6): on docs/events/career-fair.md, served under /careers/guide/, every
link the widget shows (the server-rendered "About each step" list and the live
plan) is followed as the browser resolves it, and leads to a page that loads
and holds the link's anchor. Links written for the timing page would lead to
/careers/guide/events/thank-you-notes/ and the like: 404s."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.support.career_fair import FAIR_PAGE, career_fair_config
from tests.support.pages import MOUNT, wait_for_state, widget
from tests.support.site_build import build_site
from tests.support.static_server import StaticServer, free_port
from widgets.follow_up_timeline import WIDGET as TIMELINE

NAME = "follow-up-timeline"


@pytest.fixture(scope="module")
def fair_site(tmp_path_factory):
    """The guide with the timeline on the career-fair page, built for the address
    it is served at (so Material's instant navigation is on, as in the guide)."""
    tmp = tmp_path_factory.mktemp("fair-e2e")
    port = free_port()
    site = tmp / "site"
    done = build_site(site, site_url=f"http://127.0.0.1:{port}{MOUNT}", config_file=career_fair_config(tmp))
    assert done.returncode == 0, done.stdout + done.stderr
    with StaticServer(site, MOUNT, port) as server:
        yield server


def hrefs(locator) -> list[str]:
    """Each link's address as the browser resolves it from the page (``a.href``)."""
    return locator.evaluate_all("links => links.map(a => a.href)")


def test_every_timeline_link_on_a_sub_folder_page_leads_to_its_section(context, page, fair_site):
    page_url = fair_site.url + FAIR_PAGE
    page.goto(page_url)
    wait_for_state(page, NAME, "ready")
    root = widget(page, NAME)
    # The server-rendered "About each step": one link per section the widget names.
    about = hrefs(root.get_by_role("region", name="About each step").locator("a[href]"))
    assert len(about) == len(TIMELINE.sections)
    # An interview a few days ahead: every step of the live plan is upcoming and shows its links.
    interview = datetime.date.today() + datetime.timedelta(days=3)
    root.get_by_label("Interview date", exact=True).fill(interview.isoformat())
    plan_links = root.locator('[data-output="plan"] a[href]')
    expect(plan_links.first).to_be_visible()
    live = hrefs(plan_links)
    assert len(live) >= 4  # the thank-you note, both checks, stopping: each links to its section

    # Every link in the widget: a section of the guide, on this site, or a mail or phone link.
    every = hrefs(root.locator("a[href]"))
    assert set(about) | set(live) <= set(every)
    guide = [h for h in every if not h.startswith(("mailto:", "tel:"))]
    assert all(h.startswith(fair_site.url) for h in guide), guide

    # Each page the links lead to, loaded once (a second link to the same page differs only in
    # its #anchor, which the browser would follow without a request): it loads, and holds them.
    sections: dict[str, set[str]] = {}
    for href in guide:
        address = urlsplit(href)
        assert address.fragment, href  # each names a section, not just a page
        sections.setdefault(href.split("#", 1)[0], set()).add(address.fragment)
    assert len(sections) >= 3  # thank-you notes, timing, staying in touch
    target = context.new_page()
    context.recorder.watch(target)
    for url, anchors in sorted(sections.items()):
        response = target.goto(url)
        assert response is not None and response.status == 200, url
        assert target.url == url  # no redirect elsewhere
        for anchor in sorted(anchors):
            expect(target.locator(f'[id="{anchor}"]'), f"{url}#{anchor}").to_have_count(1)
    assert context.recorder.console_errors == []
