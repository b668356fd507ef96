"""The local snapshot: after a first start, later pages restore Python from a
memory snapshot kept in this browser; it answers exactly as a fresh start does;
every failure falls back to a normal start; "Clear my data" and a new
deployment drop it. (How Python started shows on the page as data-python-boot.)"""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.pyodide import test_checklist_in_pyodide, test_note_in_pyodide, test_timeline_in_pyodide
from tests.support.engine_checks import ATTEMPTS, FAILURES  # web/python-snapshot.js: failures before giving up
from tests.support.pages import WHEEL_CHECK, WHEEL_CHECKED, python_in_worker, wait_for_state, widget

NAME = "rejection-checklist"
# The in-Pyodide parity cases (fixed clock): the same replies either way.
CORPUS = [
    *test_checklist_in_pyodide.REQUESTS,
    *test_note_in_pyodide.REQUESTS,
    *test_timeline_in_pyodide.CASES.values(),
]
SNAPSHOTS = "follow-up-guide python snapshot "


@pytest.fixture
def reader(browser, site):
    # bypass_csp: the test evaluates code in the page's worker; no offline copy.
    context = browser.new_context(bypass_csp=True, service_workers="block")
    page = context.new_page()
    page.url_of = lambda path: site.url + path
    yield page
    context.close()


def start(page, path="rejection/") -> str:
    """Open (or reload) a widget page until live; how Python started."""
    if page.url.endswith(path):
        page.reload()
    else:
        page.goto(page.url_of(path))
    wait_for_state(page, NAME if path == "rejection/" else "thank-you-note", "ready")
    return page.evaluate("() => document.documentElement.dataset.pythonBoot")


def wait_for_snapshot(page) -> str:
    page.wait_for_selector("html[data-python-snapshot]", state="attached", timeout=60_000)
    return page.evaluate("() => document.documentElement.dataset.pythonSnapshot")


def each_kept(page, action: str, arg=None) -> list:
    """What `action` (JavaScript: async (cache, request, arg) => value) returns
    for every snapshot entry kept in the page's Cache Storage, in order."""
    return page.evaluate(
        f"""async ([prefix, arg]) => {{
             const action = {action};
             const out = [];
             for (const name of await caches.keys()) {{
               if (!name.startsWith(prefix)) continue;
               const cache = await caches.open(name);
               for (const request of await cache.keys()) out.push(await action(cache, request, arg));
             }}
             return out;
           }}""",
        [SNAPSHOTS, arg],
    )


def snapshot_entries(page) -> list[str]:
    return each_kept(page, "async (cache, request) => request.url")


def caches_named(page, prefix: str) -> list[str]:
    """The page's caches whose names start with `prefix`."""
    return page.evaluate("async (prefix) => (await caches.keys()).filter((n) => n.startsWith(prefix))", prefix)


def caches_dropped(page, prefix: str) -> bool:
    """Whether every cache named `prefix`... is dropped within 30 s."""
    return page.evaluate(
        """async (prefix) => {
             const until = Date.now() + 30000;
             while ((await caches.keys()).some((name) => name.startsWith(prefix))) {
               if (Date.now() > until) return false;
               await new Promise((resolve) => setTimeout(resolve, 50));
             }
             return true;
           }""",
        prefix,
    )


def replies(page) -> list[dict]:
    (worker,) = [w for w in page.workers if w.url.endswith("/widget-worker.js")]
    raw = worker.evaluate(
        """(requests) => {
             const handle = self.guidePython.pyimport("widgets.binding").handle;
             return requests.map((r) => handle(JSON.stringify(r)));
           }""",
        CORPUS,
    )
    return [json.loads(r) for r in raw]


def test_a_later_page_restores_the_snapshot_and_answers_the_same(reader):
    assert start(reader) == "fresh"
    assert wait_for_snapshot(reader) == "saved"
    fresh = replies(reader)
    assert len(snapshot_entries(reader)) == 1
    # A reload, and another widget page (the default build reloads every page).
    assert start(reader) == "snapshot"
    assert replies(reader) == fresh
    root = widget(reader, NAME)
    root.get_by_label("Contact's name").fill("Dana")
    expect(root.locator('[data-output="reply"]')).to_contain_text("Dana")
    assert start(reader, "thank-you-notes/") == "snapshot"


def test_a_restored_page_has_the_widgets_files_for_their_data_and_tracebacks(reader):
    # Every module is in the snapshot (widgets.registry.import_all); the wheel
    # they came from is not (the file system is not part of a snapshot), and
    # is written again before the first view.
    start(reader)
    assert wait_for_snapshot(reader) == "saved"
    assert start(reader) == "snapshot"
    assert python_in_worker(reader, WHEEL_CHECK) == WHEEL_CHECKED


def corrupt(page, body: list[int]):
    each_kept(page, "(cache, request, body) => cache.put(request, new Response(new Uint8Array(body)))", body)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param([1, 2, 3], id="garbage"),
        pytest.param([], id="empty"),
        # A sound container (web/python-snapshot.js: header, one page kept)
        # around bytes that are no snapshot: Pyodide's own check throws (the
        # private API refusing it).
        pytest.param(
            list(struct.pack("<4I", 0x31475546, 4096, 65536, 1) + b"\1\0\0\0" + bytes(4096)), id="not-a-snapshot"
        ),
    ],
)
def test_a_corrupt_snapshot_falls_back_to_a_normal_start(reader, body):
    start(reader)
    assert wait_for_snapshot(reader) == "saved"
    corrupt(reader, body)
    assert start(reader) == "fresh-after-failed-snapshot"
    root = widget(reader, NAME)
    root.get_by_label("Contact's name").fill("Dana")
    expect(root.locator('[data-output="reply"]')).to_contain_text("Dana")
    # A good snapshot is made again from that start.
    assert wait_for_snapshot(reader) == "saved"
    assert start(reader) == "snapshot"


def test_the_privacy_page_states_the_snapshots_real_size(reader):
    start(reader)
    assert wait_for_snapshot(reader) == "saved"
    kept = sum(
        each_kept(reader, "async (cache, request) => (await (await cache.match(request)).arrayBuffer()).byteLength")
    )
    text = (Path(__file__).resolve().parents[2] / "docs" / "privacy.md").read_text()
    assert f"snapshot of the\ntools' Python once it has started (about {kept / 1e6:.0f} MB" in text, kept


def test_a_new_deployment_drops_the_old_snapshot(reader):
    start(reader)
    assert wait_for_snapshot(reader) == "saved"
    (old,) = snapshot_entries(reader)

    # The same page, as a new deployment's manifest names it (another key).
    def new_key(route):
        manifest = route.fetch().json()
        manifest["snapshotKey"] = "a-new-deployment"
        route.fulfill(json=manifest)

    reader.context.route("**/runtime-manifest.json", new_key)
    assert start(reader) == "fresh"
    assert wait_for_snapshot(reader) == "saved"
    (new,) = snapshot_entries(reader)
    assert new != old and new.endswith("/a-new-deployment")
    assert start(reader) == "snapshot"


def test_clear_my_data_drops_the_snapshot(reader):
    start(reader)
    assert wait_for_snapshot(reader) == "saved"
    assert snapshot_entries(reader)
    widget(reader, NAME).get_by_role("button", name="Clear my data").click()
    assert caches_dropped(reader, SNAPSHOTS)
    assert start(reader) == "fresh"


def test_without_the_private_snapshot_api_python_starts_normally(reader):
    # A Pyodide whose private API changed: no snapshot, a normal start, always.
    def without_api(route):
        body = route.fetch().text()
        assert body.count("makeMemorySnapshot(") >= 1
        route.fulfill(
            body=body.replace("makeMemorySnapshot(", "renamedMakeMemorySnapshot("), content_type="text/javascript"
        )

    reader.context.route("**/pyodide.asm.mjs", without_api)
    for _ in range(ATTEMPTS):
        assert start(reader) == "fresh"
        assert wait_for_snapshot(reader) == "failed"
        assert snapshot_entries(reader) == []
    # Later pages start normally and no longer try (a second Python start each).
    assert start(reader) == "fresh"
    assert wait_for_snapshot(reader) == "skipped"


def serve_edited(page, pattern: str, *edits: tuple[str, str]):
    """Serve the scripts matching `pattern` with each (old, new) edit made;
    each `old` must be there exactly once."""

    def edited(route):
        body = route.fetch().text()
        for old, new in edits:
            assert body.count(old) == 1, old
            body = body.replace(old, new)
        route.fulfill(body=body, content_type="text/javascript")

    page.context.route(pattern, edited)


def swap_in_runtime(page, old: str, new: str):
    """Serve a Pyodide whose private API changed: `old` replaced by `new`."""
    serve_edited(page, "**/pyodide.asm.mjs", (old, new))


# The snapshot maker's start never ends once its Python is to start (seen in
# Firefox, under load). Both workers import python-boot.js; only the maker asks
# for makeSnapshot.
_START_FRESH = "export async function startFresh(boot, { makeSnapshot = false } = {}) {"
MAKER_HANGS = (_START_FRESH, _START_FRESH + "\n  if (makeSnapshot) await new Promise(() => {});")


def fill_and_see(page, name: str):
    root = widget(page, NAME)
    root.get_by_label("Contact's name").fill(name)
    expect(root.locator('[data-output="reply"]')).to_contain_text(name)


def test_when_the_private_api_throws_on_making_a_snapshot_python_starts_normally(reader):
    # Pyodide's own refusal, as when the private _makeSnapshot option is renamed.
    swap_in_runtime(
        reader,
        "static makeMemorySnapshot(",
        'static makeMemorySnapshot(){throw new Error("Can only use pyodide.makeMemorySnapshot if the _makeSnapshot '
        'option is passed to loadPyodide")}static makeMemorySnapshotBeforeTheChange(',
    )
    for _ in range(ATTEMPTS):
        assert start(reader) == "fresh"
        assert wait_for_snapshot(reader) == "failed"
        assert snapshot_entries(reader) == []
    assert start(reader) == "fresh"
    assert wait_for_snapshot(reader) == "skipped"
    fill_and_see(reader, "Dana")


def test_when_the_private_api_throws_on_restoring_python_starts_normally(reader):
    start(reader)
    assert wait_for_snapshot(reader) == "saved"
    # The snapshot is sound; restoring it is what breaks (the private API changed).
    swap_in_runtime(
        reader,
        "API.restoreSnapshot=function(",
        'API.restoreSnapshot=function(){throw new TypeError("e.subarray is not a function")};'
        "API.restoreSnapshotBeforeTheChange=function(",
    )
    assert start(reader) == "fresh-after-failed-snapshot"
    fill_and_see(reader, "Dana")
    # One more snapshot is made; it cannot be restored either, and later pages
    # stop making one: Python starts normally.
    assert wait_for_snapshot(reader) == "saved"
    assert start(reader, "thank-you-notes/") == "fresh-after-failed-snapshot"
    assert wait_for_snapshot(reader) == "skipped"
    assert snapshot_entries(reader) == []
    assert start(reader) == "fresh"
    assert wait_for_snapshot(reader) == "skipped"
    fill_and_see(reader, "Dana")


def test_a_snapshot_over_the_storage_quota_is_not_kept(reader):
    # This site's storage quota, as the browser reports it, far below a snapshot
    # (several MB compressed): a browser whose disk is nearly full.
    origin = reader.url_of("").split("/careers/")[0]
    quota = 256 * 1024
    reader.context.new_cdp_session(reader).send(
        "Storage.overrideQuotaForOrigin", {"origin": origin, "quotaSize": quota}
    )
    assert start(reader) == "fresh"
    # (The quota is in force: estimate() does not show an override, a write does.)
    probe = """async (size) => {
                 try {
                   await (await caches.open("quota probe")).put("probe", new Response(new Uint8Array(size)));
                   return "written";
                 } catch (error) {
                   return error.name;
                 } finally {
                   await caches.delete("quota probe");
                 }
               }"""
    assert reader.evaluate(probe, 2 * quota) == "QuotaExceededError"
    assert wait_for_snapshot(reader) == "failed"
    # Nothing half-written: no snapshot, no empty cache left behind.
    assert snapshot_entries(reader) == []
    assert caches_named(reader, SNAPSHOTS) == []
    assert reader.evaluate("async () => (await navigator.storage.estimate()).usage") < quota
    # The next page starts normally, the widget works, and still nothing is kept.
    assert start(reader) == "fresh"
    fill_and_see(reader, "Dana")
    assert wait_for_snapshot(reader) == "failed"
    assert snapshot_entries(reader) == []
    # That was the last attempt (ATTEMPTS): later pages make none.
    assert start(reader) == "fresh"
    assert wait_for_snapshot(reader) == "skipped"
    assert snapshot_entries(reader) == []


def test_a_truncated_snapshot_falls_back_to_a_normal_start(reader):
    # What was kept, cut to its first half (a write that stopped midway).
    start(reader)
    assert wait_for_snapshot(reader) == "saved"
    halve = """async (cache, request) => {
      const bytes = await (await cache.match(request)).arrayBuffer();
      await cache.put(request, new Response(bytes.slice(0, bytes.byteLength / 2)));
    }"""
    cut = len(each_kept(reader, halve))
    assert cut == 1
    assert start(reader) == "fresh-after-failed-snapshot"
    fill_and_see(reader, "Dana")
    assert wait_for_snapshot(reader) == "saved"
    assert start(reader) == "snapshot"


def test_a_snapshot_attempt_that_never_ends_counts_as_one_failure(reader):
    # A snapshot maker that hangs once its Python is starting (seen in Firefox,
    # under load), with the worker's deadline shortened to keep the test short.
    serve_edited(
        reader, "**/widget-worker.js", ("const SNAPSHOT_DEADLINE_MS = 120_000;", "const SNAPSHOT_DEADLINE_MS = 10_000;")
    )
    serve_edited(reader, "**/python-boot.js", MAKER_HANGS)
    assert start(reader) == "fresh"
    fill_and_see(reader, "Dana")
    assert wait_for_snapshot(reader) == "failed"
    error = reader.evaluate("() => document.documentElement.dataset.pythonSnapshotError")
    assert error == "waited 10 s for the snapshot maker's Python to start"
    assert snapshot_entries(reader) == []
    # Counted, with its cause, like any failure.
    record = reader.evaluate(
        """async (prefix) => {
             const name = (await caches.keys()).find((n) => n.startsWith(prefix));
             const cache = await caches.open(name);
             const [request] = await cache.keys();
             return (await cache.match(request)).json();
           }""",
        FAILURES,
    )
    assert record == {"failures": 1, "last": error}
    # It cost one attempt only: a maker that answers is tried on the next page.
    reader.context.unroute("**/python-boot.js")
    assert start(reader) == "fresh"
    assert wait_for_snapshot(reader) == "saved"
    assert reader.evaluate("() => document.documentElement.dataset.pythonSnapshotError") is None
    assert start(reader) == "snapshot"


def test_a_failure_is_told_even_when_storage_stops_answering(reader):
    # Seen in Firefox, under load: a maker that never starts, and Cache Storage
    # that no longer answers when the failure is to be counted. The page still
    # hears the fate, which says the failure was not counted.
    serve_edited(
        reader,
        "**/widget-worker.js",
        ("const SNAPSHOT_DEADLINE_MS = 120_000;", "const SNAPSHOT_DEADLINE_MS = 5_000;"),
        ("const STORAGE_WAIT_MS = 10_000;", "const STORAGE_WAIT_MS = 2_000;"),
    )
    serve_edited(reader, "**/python-boot.js", MAKER_HANGS)
    never = "\n    return new Promise(() => {});"
    serve_edited(
        reader,
        "**/python-snapshot.js",
        ("async failed(/** @type {string} */ why) {", "async failed(/** @type {string} */ why) {" + never),
        ("drop() {", "drop() {" + never),
    )
    assert start(reader) == "fresh"
    assert wait_for_snapshot(reader) == "failed"
    error = reader.evaluate("() => document.documentElement.dataset.pythonSnapshotError")
    assert error == ("waited 5 s for the snapshot maker's Python to start; not counted: storage did not answer in 2 s")
    assert reader.evaluate("() => document.documentElement.dataset.pythonSnapshotStep") == "the failure to be counted"
    fill_and_see(reader, "Dana")  # the widgets work on


def test_the_page_starts_the_snapshot_maker_and_hears_when_it_cannot(reader):
    # The page, not the Python worker, starts the maker: in Firefox under load
    # a worker started by the Python worker stalled it for good.
    reader.context.route("**/snapshot-maker.js", lambda route: route.abort())
    assert start(reader) == "fresh"
    assert wait_for_snapshot(reader) == "failed"
    error = reader.evaluate("() => document.documentElement.dataset.pythonSnapshotError")
    assert error == "the snapshot maker failed to start"
    fill_and_see(reader, "Dana")  # the widget works on
    reader.context.unroute("**/snapshot-maker.js")
    with reader.expect_worker(lambda worker: worker.url.endswith("/snapshot-maker.js")):
        assert start(reader) == "fresh"
    assert wait_for_snapshot(reader) == "saved"
    assert start(reader) == "snapshot"


def test_a_snapshot_maker_the_browser_refuses_to_start_is_one_failure(reader):
    # new Worker() throws (as a worker-src policy would have it): told at once, not after the deadline.
    reader.context.add_init_script(
        """window.Worker = new Proxy(window.Worker, {
             construct(target, args) {
               if (String(args[0]).includes("snapshot-maker")) throw new DOMException("refused here", "SecurityError");
               return Reflect.construct(target, args);
             },
           });"""
    )
    assert start(reader) == "fresh"
    assert wait_for_snapshot(reader) == "failed"
    error = reader.evaluate("() => document.documentElement.dataset.pythonSnapshotError")
    assert error == "the snapshot maker could not be started: refused here"
    fill_and_see(reader, "Dana")


def test_when_this_browser_refuses_storage_python_starts_normally(reader):
    # Cache Storage refused in the worker, as with cookies and site data blocked
    # or in some private windows: every page starts normally and goes live.
    def refusing(route):
        refuse = (
            "CacheStorage.prototype.open = () =>"
            ' Promise.reject(new DOMException("The operation is insecure.", "SecurityError"));\n'
        )
        route.fulfill(body=refuse + route.fetch().text(), content_type="text/javascript")

    reader.context.route("**/python-boot.js", refusing)  # both workers start from it
    assert start(reader) == "fresh-after-failed-snapshot"
    # Storage that cannot even count a failure is not asked to keep a snapshot.
    assert wait_for_snapshot(reader) == "skipped"
    assert start(reader, "thank-you-notes/") == "fresh-after-failed-snapshot"
    assert start(reader) == "fresh-after-failed-snapshot"
    fill_and_see(reader, "Dana")
    assert snapshot_entries(reader) == []


def test_after_failed_snapshots_a_new_deployment_or_clear_my_data_tries_again(reader):
    swap_in_runtime(
        reader,
        "static makeMemorySnapshot(",
        'static makeMemorySnapshot(){throw new Error("refused")}static makeMemorySnapshotBeforeTheChange(',
    )

    def fail_until_skipped():
        for _ in range(ATTEMPTS):
            start(reader)
            assert wait_for_snapshot(reader) == "failed"
        assert start(reader) == "fresh"
        assert wait_for_snapshot(reader) == "skipped"
        assert len(caches_named(reader, FAILURES)) == 1

    fail_until_skipped()

    # A new deployment's files (another key): tried again.
    def new_key(route):
        manifest = route.fetch().json()
        manifest["snapshotKey"] = "a-new-deployment"
        route.fulfill(json=manifest)

    reader.context.route("**/runtime-manifest.json", new_key)
    fail_until_skipped()

    # "Clear my data" drops the count with the rest: tried again.
    widget(reader, NAME).get_by_role("button", name="Clear my data").click()
    assert caches_dropped(reader, FAILURES)
    assert start(reader) == "fresh"
    assert wait_for_snapshot(reader) == "failed"
