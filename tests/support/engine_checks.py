"""One scenario for every widget, run in Firefox ESR and in WebKitGTK
(tests/firefox/, tests/webkit/): the widget goes live, composes its output from
what was typed, keeps the draft across a reload, and shows hostile input as
text. The checks hold for any wording: they look for what was typed in the
widget's outputs, never for the widgets' own sentences."""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass, field

from tests.support.engines import READY_S, Engine

# Markup, script, an attribute break-out, right-to-left text, emoji and a
# Unicode line separator. Each piece must come back as text.
HOSTILE_PIECES = (
    "<img src=x onerror=window.__owned=1><script>window.__owned=2</script>",
    '"><svg onload=window.__owned=3>',
    "\u202eשלום",
    "👩🏽\u200d💻",
)
HOSTILE = " ".join(HOSTILE_PIECES) + " \u2028end"


@dataclass(frozen=True)
class Case:
    page: str  # under the guide's root
    text_field: str  # a field the widget's output repeats as typed
    also: dict[str, str] = field(default_factory=dict)  # what else the output needs


def _in_three_days() -> str:
    return (datetime.date.today() + datetime.timedelta(days=3)).isoformat()


CASES = {
    "rejection-checklist": Case("rejection/", "your_name"),
    "thank-you-note": Case("thank-you-notes/", "your_name"),
    "follow-up-timeline": Case("timing/", "company", {"interview_date": _in_three_days()}),
}

_ROOT = 'const root = document.querySelector(`[data-widget="${arguments[0]}"]`);'
# What the reader sees in the outputs: text, or the value of an editable output.
_OUTPUT = """
const text = [...root.querySelectorAll("[data-output]")]
  .map((el) => (el.tagName === "TEXTAREA" || el.tagName === "INPUT" ? el.value : el.textContent))
  .join("\\n");"""
OUTPUT_TEXT = _ROOT + _OUTPUT + "return text;"
OUTPUT_HAS = _ROOT + _OUTPUT + "return arguments[1].every((piece) => text.includes(piece)) ? text : null;"
# Set a field as typing would end, and tell the runtime (it listens for input).
FILL = (
    _ROOT
    + """
const control = root.querySelector(`[name="${arguments[1]}"]`);
control.focus();
control.value = arguments[2];
control.dispatchEvent(new Event("input", { bubbles: true }));
control.dispatchEvent(new Event("change", { bubbles: true }));
return control.value;"""
)
FIELD_VALUE = _ROOT + 'return root.querySelector(`[name="${arguments[1]}"]`).value;'
INJECTED = (
    _ROOT
    + """
const found = [...root.querySelectorAll("img, script, svg, [onerror], [onload]")].map((el) => el.outerHTML);
if (window.__owned !== undefined) found.push(`window.__owned = ${window.__owned}`);
return found;"""
)

_tokens = itertools.count(1)


def open_live(engine: Engine, site_url: str, name: str) -> None:
    engine.goto(site_url + CASES[name].page)
    wait_ready(engine, name)


def wait_ready(engine: Engine, name: str) -> None:
    engine.wait_until(
        _ROOT + "return !window.__beforeReload && root && root.getAttribute('data-state') === 'ready';",
        name,
        what=f"{name} to be ready",
    )


def reload(engine: Engine, name: str) -> None:
    """Reload, then wait for the new page's widget: a driver may return while
    the old page is still the one shown, so the old page is marked first."""
    engine.run("window.__beforeReload = true;")
    engine.reload()
    wait_ready(engine, name)


def fill(engine: Engine, name: str, values: dict[str, str]) -> None:
    for key, value in values.items():
        assert engine.run(FILL, name, key, value) == value, key


def wait_for_output(engine: Engine, name: str, *pieces: str, timeout: float = READY_S) -> str:
    """The widget's output text, once every piece is in it."""
    return engine.wait_until(
        OUTPUT_HAS,
        name,
        list(pieces),
        timeout=timeout,
        what=f"{name}'s output to show {pieces!r}",
    )


def check_goes_live_and_composes(engine: Engine, site_url: str, name: str) -> None:
    case = CASES[name]
    open_live(engine, site_url, name)
    before = engine.run(OUTPUT_TEXT, name)
    typed = f"Sam Okafor-Lee {next(_tokens)}"
    assert typed not in before
    fill(engine, name, case.also | {case.text_field: typed})
    after = wait_for_output(engine, name, typed)
    assert after != before
    assert (errors := engine.page_errors()) == [], errors


def check_hostile_draft_survives_a_reload(engine: Engine, site_url: str, name: str) -> None:
    case = CASES[name]
    open_live(engine, site_url, name)
    fill(engine, name, case.also | {case.text_field: HOSTILE})
    wait_for_output(engine, name, *HOSTILE_PIECES)
    assert engine.run(INJECTED, name) == []

    # The draft comes back from browser storage: the same text, still only text.
    reload(engine, name)
    assert engine.run(FIELD_VALUE, name, case.text_field) == HOSTILE
    for key, value in case.also.items():
        assert engine.run(FIELD_VALUE, name, key) == value, key
    wait_for_output(engine, name, *HOSTILE_PIECES)
    assert engine.run(INJECTED, name) == []
    assert (errors := engine.page_errors()) == [], errors


def check_an_isolated_page_composes_hostile_text(engine: Engine, isolated_url: str, name: str) -> None:
    """Served with the nginx config's COOP and COEP: the page is cross-origin
    isolated, the worker shares its replies through memory as well as by
    message (web/quick-reply.js, where the engine has Atomics.waitAsync), and
    what is typed still comes back whole, as text."""
    case = CASES[name]
    open_live(engine, isolated_url, name)
    assert engine.run("return self.crossOriginIsolated;") is True
    fill(engine, name, case.also | {case.text_field: HOSTILE})
    wait_for_output(engine, name, *HOSTILE_PIECES)
    assert engine.run(INJECTED, name) == []
    assert (errors := engine.page_errors()) == [], errors


# How Python started on this page, and what became of its snapshot (set by the
# page runtime from the worker's messages; see web/python-snapshot.js).
BOOT = "return document.documentElement.dataset.pythonBoot || null;"
# A failure reads "failed: why", so that an assertion names the cause.
SNAPSHOT = """
const { pythonSnapshot: state, pythonSnapshotError: error } = document.documentElement.dataset;
return state ? (error ? `${state}: ${error}` : state) : null;"""


def check_a_reload_restores_the_snapshot(engine: Engine, site_url: str) -> None:
    """After a first start, a reload restores Python from the snapshot kept in
    this browser, and the widget composes as after a fresh start."""
    name = "rejection-checklist"
    open_live(engine, site_url, name)
    if engine.run(BOOT) != "snapshot":  # this browser had none yet: it is made now
        assert snapshot_fate(engine, "the snapshot to be written") == "saved"
    reload(engine, name)
    assert engine.run(BOOT) == "snapshot"
    typed = f"Restored Reader {next(_tokens)}"
    fill(engine, name, {CASES[name].text_field: typed})
    wait_for_output(engine, name, typed)
    assert (errors := engine.page_errors()) == [], errors


# The snapshot's cache (web/python-snapshot.js), read and changed from the page
# as a reader's browser would hold it. Cache Storage answers with promises, and
# drivers differ on awaiting them: the work starts here, wait_until collects it.
SNAPSHOTS = "follow-up-guide python snapshot "
_CACHE_WORK = """
const [token, prefix, action] = arguments;
const work = async () => {
  const names = (await caches.keys()).filter((name) => name.startsWith(prefix));
  const entries = [];
  const bodies = [];
  for (const name of names) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      entries.push(request.url);
      if (action === "read") bodies.push(await (await cache.match(request)).text());
      if (action === "garbage") await cache.put(request, new Response(new Uint8Array([1, 2, 3])));
      if (action === "not-a-snapshot") {
        // A sound container (web/python-snapshot.js) around 4 KB of zeros: Pyodide itself refuses them.
        const kept = new Uint8Array(16 + 4 + 4096);
        new Uint32Array(kept.buffer, 0, 4).set([0x31475546, 4096, 65536, 1]);
        kept[16] = 1;
        await cache.put(request, new Response(kept));
      }
      if (action === "truncated") {
        // The first half of what was kept.
        const bytes = await (await cache.match(request)).arrayBuffer();
        await cache.put(request, new Response(bytes.slice(0, bytes.byteLength / 2)));
      }
      if (action === "another-key") {
        // The same sound snapshot, as another deployment's files would have named it.
        const other = new URL("an-older-deployment", request.url).href;
        await cache.put(other, await cache.match(request));
        await cache.delete(request);
      }
    }
  }
  return { names, entries, bodies };
};
window.__cacheWork = window.__cacheWork || {};
window.__cacheWork[token] = null;
work().then(
  (value) => { window.__cacheWork[token] = value; },
  (error) => { window.__cacheWork[token] = { error: String(error) }; },
);
return token;"""
_CACHE_DONE = "return (window.__cacheWork || {})[arguments[0]] || null;"


def snapshot_cache(engine: Engine, action: str = "list", prefix: str = SNAPSHOTS) -> dict:
    """The snapshot caches' names and entries (after `action` on each entry),
    or those of the caches whose names start with `prefix`; with "read", the
    entries' bodies as text too."""
    token = engine.run(_CACHE_WORK, f"work-{next(_tokens)}", prefix, action)
    done = engine.wait_until(_CACHE_DONE, token, what=f"the snapshot cache ({action})")
    assert "error" not in done, done
    return done


def open_with_a_snapshot_kept(engine: Engine, site_url: str, name: str) -> None:
    """The widget live, and a snapshot of Python kept in this browser."""
    open_live(engine, site_url, name)
    if engine.run(BOOT) != "snapshot":
        assert snapshot_fate(engine, "the snapshot to be written") == "saved"
    assert len(snapshot_cache(engine)["entries"]) == 1


# Failed snapshots for one deployment before later pages stop making one
# (web/python-snapshot.js, ATTEMPTS), and the cache that counts them.
ATTEMPTS = 2
FAILURES = "follow-up-guide failed python snapshots "
# True once no cache's name starts with the prefix (polled: caches.keys() is async).
_NO_CACHE = """
const [token, prefix] = arguments;
caches.keys().then((names) => {
  if (!names.some((name) => name.startsWith(prefix))) window[token] = true;
});
return window[token] || null;"""
_DROP_CACHES = """
const [token, prefix] = arguments;
caches.keys().then(async (names) => {
  for (const name of names) if (name.startsWith(prefix)) await caches.delete(name);
  window[token] = true;
});
return window[token] || null;"""


# What the page knows, should a snapshot's fate never come: its marks (how
# Python started, what the snapshot last waited for) and each widget's state.
_PAGE_STATE = """
return JSON.stringify({
  marks: { ...document.documentElement.dataset },
  widgets: [...document.querySelectorAll("[data-widget]")].map((w) => w.dataset.state),
});"""


def snapshot_fate(engine: Engine, what: str) -> str:
    """What became of this page's snapshot ("saved", "skipped", "failed: why");
    if nothing within the wait, the assertion says what the page and the
    browser's count of failures show."""
    try:
        return engine.wait_until(SNAPSHOT, what=what)
    except AssertionError as timeout:
        page = engine.run(_PAGE_STATE)
        counted = snapshot_cache(engine, "read", prefix=FAILURES)["bodies"]
        answers = _worker_answers(engine)
        raise AssertionError(
            f"{timeout}; the page: {page}; failures counted: {counted}; the Python worker answers views: {answers}"
        ) from None


def _worker_answers(engine: Engine) -> bool:
    """Whether the page's Python worker still answers a view within 20 s: a
    worker whose timers never fire (its snapshot deadline) may be stuck whole."""
    name = engine.run("return document.querySelector('[data-widget]').dataset.widget;")
    typed = f"Still Answering {next(_tokens)}"
    fill(engine, name, {CASES[name].text_field: typed})
    try:
        wait_for_output(engine, name, typed, timeout=20)
    except AssertionError:
        return False
    return True


def check_a_corrupt_snapshot_falls_back(engine: Engine, site_url: str, damage: str) -> None:
    """A damaged snapshot: the next page starts Python normally and goes live,
    and a sound snapshot replaces it. Once that one is restored, the failure
    is no longer counted."""
    name = "rejection-checklist"
    open_with_a_snapshot_kept(engine, site_url, name)
    snapshot_cache(engine, damage)
    reload(engine, name)
    assert engine.run(BOOT) == "fresh-after-failed-snapshot"
    typed = f"After A Bad Snapshot {next(_tokens)}"
    fill(engine, name, {CASES[name].text_field: typed})
    wait_for_output(engine, name, typed)
    assert snapshot_fate(engine, "a new snapshot to be written") == "saved"
    assert len(snapshot_cache(engine, prefix=FAILURES)["entries"]) == 1  # the failure counted
    reload(engine, name)
    assert engine.run(BOOT) == "snapshot"
    # Forgotten after the page is ready, off its critical path: waited for here,
    # or the next check would start with a failure already counted.
    engine.wait_until(_NO_CACHE, f"forgotten{next(_tokens)}", FAILURES, what="the failure to be forgotten")
    assert (errors := engine.page_errors()) == [], errors


def check_a_snapshot_that_keeps_failing_is_no_longer_made(engine: Engine, site_url: str) -> None:
    """A snapshot this browser cannot restore, again and again: after ATTEMPTS
    failures, later pages start Python normally and make none (each would be a
    second Python start in the background), and the widget works."""
    name = "rejection-checklist"
    open_with_a_snapshot_kept(engine, site_url, name)
    engine.wait_until(_NO_CACHE, f"none{next(_tokens)}", FAILURES, what="no failure counted before the first")
    try:
        for attempt in range(1, ATTEMPTS + 1):
            snapshot_cache(engine, "garbage")
            reload(engine, name)
            assert engine.run(BOOT) == "fresh-after-failed-snapshot"
            expected = "saved" if attempt < ATTEMPTS else "skipped"
            assert snapshot_fate(engine, f"the snapshot's fate after failure {attempt}") == expected
        reload(engine, name)
        assert engine.run(BOOT) == "fresh"
        assert snapshot_fate(engine, "the snapshot to be skipped") == "skipped"
        assert snapshot_cache(engine)["entries"] == []
        typed = f"No Snapshot Made {next(_tokens)}"
        fill(engine, name, {CASES[name].text_field: typed})
        wait_for_output(engine, name, typed)
        assert (errors := engine.page_errors()) == [], errors
    finally:
        # The browser is shared by the engine's checks: later ones expect snapshots made.
        engine.wait_until(_DROP_CACHES, f"dropped{next(_tokens)}", FAILURES, what="the failure count to be dropped")


def check_a_snapshot_under_another_key_is_not_used(engine: Engine, site_url: str) -> None:
    """A snapshot kept for other files (another deployment's runtime, wheel or
    standard library) is never restored: Python starts normally, and only the
    snapshot of this deployment is kept."""
    name = "rejection-checklist"
    open_with_a_snapshot_kept(engine, site_url, name)
    (ours,) = snapshot_cache(engine)["entries"]
    assert snapshot_cache(engine, "another-key")["entries"] == [ours]
    (other,) = snapshot_cache(engine)["entries"]
    assert other != ours and other.endswith("/an-older-deployment")
    reload(engine, name)
    assert engine.run(BOOT) == "fresh"
    typed = f"Another Deployment {next(_tokens)}"
    fill(engine, name, {CASES[name].text_field: typed})
    wait_for_output(engine, name, typed)
    assert snapshot_fate(engine, "this deployment's snapshot to be written") == "saved"
    assert snapshot_cache(engine)["entries"] == [ours]
    reload(engine, name)
    assert engine.run(BOOT) == "snapshot"
    assert (errors := engine.page_errors()) == [], errors


_CLEAR = _ROOT + "root.querySelector('[data-role=\"clear\"]').click(); return true;"


def check_clear_my_data_drops_the_snapshot(engine: Engine, site_url: str) -> None:
    """ "Clear my data" drops the kept snapshot: the next page starts Python normally."""
    name = "rejection-checklist"
    open_with_a_snapshot_kept(engine, site_url, name)
    assert engine.run(_CLEAR, name)
    engine.wait_until(_NO_CACHE, f"cleared{next(_tokens)}", SNAPSHOTS, what="the snapshot to be dropped")
    reload(engine, name)
    assert engine.run(BOOT) == "fresh"
    typed = f"After Clearing {next(_tokens)}"
    fill(engine, name, {CASES[name].text_field: typed})
    wait_for_output(engine, name, typed)
    assert (errors := engine.page_errors()) == [], errors
