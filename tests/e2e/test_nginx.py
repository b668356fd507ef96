"""The guide on a real web server: Debian's nginx with the project's sample
configuration (deploy/nginx/), under /careers/guide/, its strict
Content-Security-Policy sent as a header on every file (worker included) and
in every page's meta tag."""

from __future__ import annotations

import datetime
import urllib.error
import urllib.request
from typing import Any

import brotli
import pytest
from playwright.sync_api import expect

from build_tools.csp import header_policy, site_script_hashes
from build_tools.nginx_conf import HSTS_MAX_AGE
from tests.support.nginx import NginxServer
from tests.support.pages import MOUNT, PAGES, wait_for_state, widget
from tests.support.site_build import build_site
from tests.support.static_server import StaticServer, free_port

EMBEDDER = "embedder"  # a page on another origin that frames the guide


@pytest.fixture(scope="module")
def embedders(tmp_path_factory):
    """Two pages on other origins framing the guide: one allowed, one not."""
    folder = tmp_path_factory.mktemp("embedders")
    servers = [StaticServer(folder, "/"), StaticServer(folder, "/")]
    for server in servers:
        server.__enter__()
    yield folder, servers
    for server in servers:
        server.__exit__(None, None, None)


@pytest.fixture(scope="module")
def nginx(tmp_path_factory, embedders):
    _, (allowed, _) = embedders
    port = free_port()
    root = tmp_path_factory.mktemp("nginx-site") / "site"
    done = build_site(root, site_url=f"http://127.0.0.1:{port}{MOUNT}")
    assert done.returncode == 0, done.stdout + done.stderr
    with NginxServer(root, tmp_path_factory.mktemp("nginx"), port, MOUNT, [allowed.origin]) as server:
        server.root = root
        server.allowed = allowed.origin
        yield server


def head(url: str, **headers) -> Any:
    try:
        return urllib.request.urlopen(urllib.request.Request(url, headers=headers))
    except urllib.error.HTTPError as error:
        return error


def test_types_compression_and_cache_lifetimes(nginx):
    version = next((nginx.root / "assets" / "pyodide").iterdir()).name
    wasm = head(nginx.url + f"assets/pyodide/{version}/pyodide.asm.wasm", **{"Accept-Encoding": "gzip"})
    assert wasm.headers["Content-Type"] == "application/wasm"
    assert wasm.headers["Content-Encoding"] == "gzip"
    assert "immutable" in wasm.headers["Cache-Control"]
    module = head(nginx.url + f"assets/pyodide/{version}/pyodide.mjs")
    assert module.headers["Content-Type"].startswith("text/javascript")
    # The wheel and the trimmed standard library are named by their hashes.
    (wheel,) = (nginx.root / "assets" / "widgets").glob("*/*.whl")
    (stdlib,) = (nginx.root / "assets" / "stdlib").glob("*/python_stdlib.zip")
    for hashed in (wheel, stdlib):
        assert "immutable" in head(nginx.url + hashed.relative_to(nginx.root).as_posix()).headers["Cache-Control"]
    # Files that keep their name across deployments are revalidated.
    for path in [
        "",
        "rejection/",
        "assets/widget-runtime/widget-runtime.js",
        "assets/widget-runtime/runtime-manifest.json",
        "sitemap.xml",
    ]:
        assert head(nginx.url + path).headers["Cache-Control"] == "no-cache", path
    missing = head(nginx.url + "no/such/page/")
    assert missing.status == 404 and "Follow-Up Guide" in missing.read().decode()


def test_every_file_carries_the_security_headers(nginx):
    expected = header_policy(site_script_hashes(nginx.root), [nginx.allowed])
    for path in [
        "",
        "assets/widget-runtime/widget-worker.js",
        "assets/pyodide/" + next((nginx.root / "assets" / "pyodide").iterdir()).name + "/pyodide.asm.wasm",
        "no/such/",
    ]:
        headers = head(nginx.url + path).headers
        assert headers["Content-Security-Policy"] == expected, path
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
        assert headers["Cross-Origin-Embedder-Policy"] == "require-corp"
        assert headers["Strict-Transport-Security"] is None  # only when asked for: see below
    assert "'unsafe-inline'" not in expected and "'unsafe-eval'" not in expected
    assert f"frame-ancestors 'self' {nginx.allowed}" in expected


def test_files_go_out_as_compressed_at_build_time(nginx):
    wasm = next((nginx.root / "assets" / "pyodide").iterdir()) / "pyodide.asm.wasm"
    url = nginx.url + wasm.relative_to(nginx.root).as_posix()
    for accept, encoding, suffix in [("gzip, deflate, br", "br", ".br"), ("gzip", "gzip", ".gz")]:
        response = head(url, **{"Accept-Encoding": accept})
        body = response.read()
        assert response.headers["Content-Encoding"] == encoding
        assert response.headers["Content-Type"] == "application/wasm"
        assert "Accept-Encoding" in response.headers["Vary"]
        # The very bytes the build wrote, with their length: nothing is
        # compressed per request.
        assert body == wasm.with_name(wasm.name + suffix).read_bytes()
        assert int(response.headers["Content-Length"]) == len(body)
    plain = head(url)
    assert plain.headers["Content-Encoding"] is None and plain.read() == wasm.read_bytes()
    page = head(nginx.url + "rejection/", **{"Accept-Encoding": "br"})
    assert page.headers["Content-Encoding"] == "br"
    assert brotli.decompress(page.read()) == (nginx.root / "rejection" / "index.html").read_bytes()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_the_guide_without_its_final_slash_leads_to_it(nginx):
    bare = nginx.origin + MOUNT.rstrip("/")
    try:
        response = urllib.request.build_opener(_NoRedirect).open(bare + "?from=poster")
    except urllib.error.HTTPError as error:
        response = error
    assert response.status == 301
    assert response.headers["Location"] == MOUNT + "?from=poster"  # relative: right behind any proxy
    followed = head(bare)
    assert followed.status == 200 and followed.url == nginx.url


def test_hsts_is_sent_only_when_asked_for(nginx, tmp_path):
    assert "Strict-Transport-Security" not in nginx.snippet
    with NginxServer(nginx.root, tmp_path, free_port(), MOUNT, hsts=HSTS_MAX_AGE) as server:
        for path in ["", "assets/widget-runtime/widget-worker.js", "no/such/"]:
            assert head(server.url + path).headers["Strict-Transport-Security"] == f"max-age={HSTS_MAX_AGE}", path


def test_every_widget_goes_live_with_no_violation_and_no_other_origin(browser, nginx):
    # No bypass_csp: the real policy, checked through locators and the console.
    context = browser.new_context()
    requests, console = [], []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.on("console", lambda m: m.type in ("error", "warning") and console.append(m.text))
    page.on("pageerror", lambda e: console.append(str(e)))

    for path in PAGES:
        page.goto(nginx.url + path)
        expect(page.locator("h1")).to_be_visible()
        # COOP and COEP: views also come through shared memory (web/quick-reply.js).
        assert page.evaluate("crossOriginIsolated") is True, path
        for root in page.locator("[data-widget]").all():
            wait_for_state(page, root.get_attribute("data-widget"), "ready")

    # Use every widget, moving between pages with instant navigation.
    page.goto(nginx.url + "rejection/")
    checklist = widget(page, "rejection-checklist")
    wait_for_state(page, "rejection-checklist", "ready")
    checklist.get_by_label("Take a short, set time to be disappointed").check()
    expect(checklist.locator('[data-output="progress"]')).to_have_text("1 of 5 done")

    page.locator(".md-nav__link", has_text="Thank-you notes").first.click()
    wait_for_state(page, "thank-you-note", "ready")
    note = widget(page, "thank-you-note")
    note.get_by_label("Your name", exact=True).fill("Sam Lee")
    expect(note.locator('[data-output="body"]').first).to_contain_text("Sam Lee")

    page.locator(".md-nav__link", has_text="Timing your follow-up").first.click()
    wait_for_state(page, "follow-up-timeline", "ready")
    timeline = widget(page, "follow-up-timeline")
    timeline.get_by_label("Interview date", exact=True).fill(
        (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    )
    expect(timeline.locator('[data-output="plan"] li').first).to_contain_text("thank-you")

    # Search works under the policy too (the theme's worker and index).
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially("rejection")  # the theme searches on key events
    expect(page.locator(".md-search-result__item").first).to_be_visible()

    assert console == []
    assert [u for u in requests if not u.startswith(nginx.origin + MOUNT)] == []
    assert len(page.workers) >= 1
    context.close()


def test_framing_only_from_configured_origins(browser, nginx, embedders):
    folder, (allowed, refused) = embedders
    (folder / f"{EMBEDDER}.html").write_text(
        '<!doctype html><html lang="en"><title>Career center</title>'
        f'<iframe title="Follow-Up Guide" src="{nginx.url}rejection/" width="800" height="600"></iframe></html>'
    )
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{allowed.url}{EMBEDDER}.html")
    frame = page.frame_locator("iframe")
    expect(frame.locator('[data-widget="rejection-checklist"][data-state="ready"]')).to_be_visible(timeout=60_000)

    with page.expect_console_message(lambda m: "frame-ancestors" in m.text) as refusal:
        page.goto(f"{refused.url}{EMBEDDER}.html")
    assert f"frame-ancestors 'self' {allowed.origin}" in refusal.value.text
    expect(frame.locator("[data-widget]")).to_have_count(0)
    context.close()
