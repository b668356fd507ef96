"""Offline reading: after a first visit, every page and widget works with no
network; a new deployment replaces the copy as a whole; the off switch removes
the worker and the copy. The guide is served under /careers/guide/.

Chromium's emulated offline mode covers the pages and their workers, not the
service worker's own network: so the server's log shows whether anything
came from the network rather than from the copy.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from build_tools.offline import WORKER_NAME, read_worker_build
from tests.build.test_build import project_copy
from tests.support.pages import MOUNT, PAGES, READY_MS, wait_for_state, widget
from tests.support.site_build import build_site
from tests.support.static_server import StaticServer, free_port

CHECKLIST = "rejection-checklist"
NEW_TEXT = "This paragraph is new in the second deployment."
STATE_KEY = "offline-worker-state.json"


@pytest.fixture
def served(tmp_path):
    """A folder served under the sub-path, and the URL its builds are made for
    (so Material's instant navigation is on, as in the other browser tests)."""
    port = free_port()
    root = tmp_path / "site"
    root.mkdir()
    with StaticServer(root, MOUNT, port) as server:
        server.root = root
        yield server


def build(server, project, edit=None) -> str | None:
    """Build the project into the served folder; returns the deployment's version."""
    if edit:
        edit(project)
    done = build_site(server.root, site_url=server.url, config_file=project / "mkdocs.yml")
    assert done.returncode == 0, done.stdout + done.stderr
    return read_worker_build(server.root).get("version")  # None when offline is off


def add_new_text(project):
    for page in ("index.md", "rejection.md"):
        path = project / "docs" / page
        text = path.read_text()
        heading = text.index("\n") + 1  # after the page's title
        path.write_text(text[:heading] + f"\n{NEW_TEXT}\n" + text[heading:])


def cache_name(server, version):
    return f"follow-up-guide offline {server.url} {version}"


def our_caches(page, server) -> set[str]:
    names = page.evaluate("async () => await caches.keys()")
    return {n for n in names if n.startswith(f"follow-up-guide offline {server.url} ")}


def wait_until(page, condition: str, arg=None, timeout: int = READY_MS):
    """Wait until ``condition`` (an async function's source, given ``arg``)
    holds in the page. (wait_for_function takes a promise for a truthy value.)"""
    held = page.evaluate(
        f"""async ([arg, timeout]) => {{
              const condition = {condition};
              const until = Date.now() + timeout;
              while (!(await condition(arg))) {{
                if (Date.now() > until) return false;
                await new Promise((resolve) => setTimeout(resolve, 50));
              }}
              return true;
            }}""",
        [arg, timeout],
    )
    assert held, f"still not true after {timeout} ms: {condition}"


# The files a tool's first use adds to the copy: the runtime it downloaded
# (pyodide.mjs, pyodide.asm.mjs, the wasm, the trimmed standard library, the wheel).
TOOL_FILES = 5


def copy_files(server, used_a_tool: bool) -> list[str]:
    """What the copy holds: the pages and their small assets; plus, once a tool
    was used, the runtime it downloaded."""
    build = read_worker_build(server.root)
    core = [u for u in build["files"] if u not in set(build["later"])]
    return core + ["(runtime)"] * TOOL_FILES if used_a_tool else core


def wait_until_copy_is_active(page, server, version, files):
    """The worker of this version controls the page, its copy holds those
    files, and it is the copy new pages get."""
    wait_until(
        page,
        """async ([name, count, state, key]) => {
             if (!navigator.serviceWorker.controller || !(await caches.has(name))) return false;
             const stored = await caches.match(key, {cacheName: state});
             return (await (await caches.open(name)).keys()).length === count
               && Boolean(stored) && (await stored.json()).active === name;
           }""",
        [
            cache_name(server, version),
            len(files),
            f"follow-up-guide offline {server.url} state",
            server.url + STATE_KEY,
        ],
    )


class Loads:
    """Which deployment answered each request of a page (and of its workers),
    load by load: the worker marks every response from a copy."""

    def __init__(self, page):
        self.current: list[tuple[str, bool, str | None]] = []
        page.on(
            "response",
            lambda r: self.current.append((r.url, r.from_service_worker, r.headers.get("x-guide-deployment"))),
        )

    def take(self) -> list[tuple[str, bool, str | None]]:
        taken, self.current = self.current, []
        return taken

    def versions(self) -> set[str | None]:
        return {version for _, _, version in self.take()}


def wait_for_every_widget(page):
    expect(page.locator("h1")).to_be_visible()
    for root in page.locator("[data-widget]").all():
        wait_for_state(page, root.get_attribute("data-widget"), "ready")


RUNTIME_SUFFIXES = (".wasm", ".whl", "python_stdlib.zip", "pyodide.asm.mjs", "pyodide.mjs")


def test_a_reader_who_opens_only_the_home_page_downloads_no_runtime(browser, served, tmp_path):
    version = build(served, project_copy(tmp_path))
    context = browser.new_context()
    page = context.new_page()
    page.goto(served.url)
    wait_until_copy_is_active(page, served, version, copy_files(served, used_a_tool=False))
    page.goto(served.url + "privacy/")
    expect(page.locator("h1")).to_be_visible()
    # The server saw every request, the offline worker's included.
    assert [r for r in served.requests if r.endswith(RUNTIME_SUFFIXES)] == []
    context.close()


# What each widget showed when the page asked for the offline copy.
STATES_AT_REGISTER = """
const register = ServiceWorkerContainer.prototype.register;
ServiceWorkerContainer.prototype.register = function (...args) {
  window.__statesAtRegister = [...document.querySelectorAll("[data-widget]")].map((w) => w.dataset.state);
  return register.apply(this, args);
};
"""


def test_on_a_widget_page_the_copy_waits_until_every_widget_is_live(browser, served, tmp_path):
    # Its download and checks must not compete with the runtime's start, nor
    # with the widgets' first views.
    build(served, project_copy(tmp_path))
    context = browser.new_context()
    context.add_init_script(STATES_AT_REGISTER)
    page = context.new_page()
    page.goto(served.url + "thank-you-notes/")
    page.wait_for_function("() => window.__statesAtRegister !== undefined", timeout=READY_MS)
    assert page.evaluate("() => window.__statesAtRegister") == ["ready"]
    context.close()


def test_with_save_data_nothing_is_downloaded_for_the_copy(browser, served, tmp_path):
    build(served, project_copy(tmp_path))
    context = browser.new_context()
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})
    page.goto(served.url + "rejection/")
    wait_for_state(page, CHECKLIST, "ready")
    assert page.evaluate("() => navigator.connection.saveData") is True
    page.goto(served.url)
    expect(page.locator("h1")).to_be_visible()
    page.wait_for_load_state("load")
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    assert our_caches(page, served) == set()
    context.close()


def test_after_one_widget_was_used_every_page_and_widget_works_offline(browser, served, tmp_path):
    version = build(served, project_copy(tmp_path))
    context = browser.new_context()
    page = context.new_page()
    loads = Loads(page)
    # One tool used: its runtime joins the copy (from the HTTP cache: the
    # offline worker starts only once the tool is live).
    page.goto(served.url + "rejection/")
    wait_for_state(page, CHECKLIST, "ready")
    wait_until_copy_is_active(page, served, version, copy_files(served, used_a_tool=True))
    assert our_caches(page, served) == {cache_name(served, version), f"follow-up-guide offline {served.url} state"}
    loads.take()

    seen = len(served.requests)
    context.set_offline(True)
    assert page.evaluate("() => navigator.onLine") is False
    page.reload()
    wait_for_every_widget(page)
    for path in PAGES:
        page.goto(served.url + path)
        wait_for_every_widget(page)
    root = widget(page, CHECKLIST)
    page.goto(served.url + "rejection/")
    wait_for_state(page, CHECKLIST, "ready")
    root.get_by_label("Contact's name").fill("Offline reader")
    expect(root.locator('[data-output="reply"]')).to_contain_text("Offline reader")

    answered = loads.take()
    assert any(url.endswith("pyodide.asm.wasm") for url, _, _ in answered)  # the runtime really loaded
    assert [(url, version) for url, from_worker, v in answered if not from_worker or v != version] == []
    # Nothing reached the server but the browser's own check for a new worker
    # (it bypasses every worker; a browser that is really offline just fails it).
    assert [r for r in served.requests[seen:] if r != MOUNT + WORKER_NAME] == []
    context.close()


def test_offline_an_unknown_address_in_the_guide_shows_its_404_page(browser, served, tmp_path):
    version = build(served, project_copy(tmp_path))
    context = browser.new_context()
    page = context.new_page()
    page.goto(served.url)
    wait_until_copy_is_active(page, served, version, copy_files(served, used_a_tool=False))
    # Really offline: the server is gone, for the service worker's requests too
    # (Chromium's emulated offline mode leaves those alone).
    served.__exit__(None, None, None)
    response = page.goto(served.url + "no/such/page/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("404 - Not found")
    context.close()


def test_a_new_deployment_replaces_the_copy_as_a_whole(browser, served, tmp_path):
    first = build(served, project_copy(tmp_path / "one"))
    first_files = read_worker_build(served.root)["files"]
    context = browser.new_context()
    # A tool used once, in a tab since closed: the copy holds its runtime.
    tool = context.new_page()
    tool.goto(served.url + "rejection/")
    wait_for_state(tool, CHECKLIST, "ready")
    wait_until_copy_is_active(tool, served, first, copy_files(served, used_a_tool=True))
    tool.close()
    reader = context.new_page()
    reader_loads = Loads(reader)
    reader.goto(served.url)
    expect(reader.locator("h1")).to_be_visible()
    # A second tab, open on the first deployment while the second arrives.
    other = context.new_page()
    other_loads = Loads(other)
    other.goto(served.url)
    expect(other.locator("h1")).to_be_visible()
    assert other.evaluate("() => navigator.serviceWorker.controller !== null")
    assert other_loads.versions() == {first}
    other.evaluate("() => { window.__sameDocument = true; }")

    second = build(served, project_copy(tmp_path / "two"), add_new_text)
    second_files = read_worker_build(served.root)["files"]
    second_copy = copy_files(served, used_a_tool=True)  # the runtime comes along from the first copy
    assert second != first
    changed = {url for url in second_files if first_files.get(url) != second_files[url]}
    assert {"./", "rejection/", "search/search_index.json"} <= changed

    # Online again: this load still comes whole from the first copy, while
    # the browser finds the new worker, which installs the second in full and
    # takes over.
    reader_loads.take()
    reader.reload()
    expect(reader.locator("h1")).to_be_visible()
    expect(reader.locator("article")).not_to_contain_text(NEW_TEXT)
    wait_until_copy_is_active(reader, served, second, second_copy)
    assert reader_loads.versions() == {first}

    # The tab that was open during the switch goes on with the first copy,
    # whole: instant navigation to a page with a widget, whose Python worker
    # starts only now.
    other.locator(".md-nav__link", has_text="When you don't get the job").first.click()
    other.wait_for_url("**/rejection/")
    wait_for_state(other, CHECKLIST, "ready")
    assert other.evaluate("() => window.__sameDocument") is True
    expect(other.locator("article")).not_to_contain_text(NEW_TEXT)
    answered = other_loads.take()
    assert any(url.endswith(".whl") for url, _, _ in answered)
    assert {version for _, _, version in answered} == {first}

    # A reload gives the second deployment, whole.
    reader.reload()
    expect(reader.locator("article")).to_contain_text(NEW_TEXT)
    reader.goto(served.url + "rejection/")
    wait_for_state(reader, CHECKLIST, "ready")
    expect(reader.locator("article")).to_contain_text(NEW_TEXT)
    answered = reader_loads.take()
    assert any(url.endswith(".whl") for url, _, _ in answered)
    assert {version for _, _, version in answered} == {second}

    # Once no page of the first deployment is open, its copy is gone.
    other.close()
    reader.reload()
    wait_for_state(reader, CHECKLIST, "ready")
    wait_until(reader, "async (name) => !(await caches.has(name))", cache_name(served, first))
    assert our_caches(reader, served) == {cache_name(served, second), f"follow-up-guide offline {served.url} state"}
    assert reader_loads.versions() == {second}
    context.close()


def test_the_off_switch_removes_the_worker_and_the_copy(browser, served, tmp_path):
    version = build(served, project_copy(tmp_path / "on"))
    context = browser.new_context()
    page = context.new_page()
    page.goto(served.url)
    wait_until_copy_is_active(page, served, version, copy_files(served, used_a_tool=False))

    def switch_off(project):
        config = project / "mkdocs.yml"
        text, count = re.subn(r"(?m)^  offline: true\b", "  offline: false", config.read_text())
        assert count == 1
        config.write_text(text)

    assert build(served, project_copy(tmp_path / "off"), switch_off) is None
    assert read_worker_build(served.root) == {"offline": False}

    # From the copy; the browser finds the worker that removes itself, and
    # loads the page again, from the network.
    page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller === null", timeout=READY_MS)
    wait_until(page, "async () => (await navigator.serviceWorker.getRegistrations()).length === 0")
    assert our_caches(page, served) == set()
    # Pages now come from the network, and no worker stays. (A page may still
    # run the earlier offline.js from the HTTP cache: it registers the worker
    # that removes itself, which leaves that page alone.)
    seen = len(served.requests)
    page.reload()
    wait_for_every_widget(page)
    assert MOUNT in served.requests[seen:]
    wait_until(page, "async () => (await navigator.serviceWorker.getRegistrations()).length === 0")
    assert page.evaluate("() => navigator.serviceWorker.controller") is None
    assert our_caches(page, served) == set()
    context.close()
