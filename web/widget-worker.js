// The Web Worker that runs the widgets' Python, off the page's main thread.
//
// One worker serves every widget of the page session. It loads the pinned
// Pyodide, a trimmed standard library of bytecode and the widgets' wheel named
// in runtime-manifest.json (written at build time beside this file, see
// build_tools/runtime_assets.py), each checked against its integrity hash,
// then answers view requests:
//   page -> worker  {type: "view", id, widget, options, state}
//                   {type: "forget-snapshot"}  ("Clear my data")
//   worker -> page  {type: "ready", boot} | {type: "failed", error}
//                   {type: "result", id, reply: {view} | {error}}
//                   {type: "snapshot", state: "saved" | "failed", error?}
// boot says how Python started: "snapshot" (restored, see python-snapshot.js),
// "fresh", or "fresh-after-failed-snapshot".

import { snapshotStore, snapshotsPossible } from "./python-snapshot.js";

const manifestUrl = new URL("./runtime-manifest.json", import.meta.url);

async function fetchManifest() {
  const response = await fetch(manifestUrl);
  if (!response.ok) throw new Error(`${manifestUrl.pathname}: HTTP ${response.status}`);
  return response.json();
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${new URL(url).pathname}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// Every file the manifest lists with a hash is fetched with Subresource
// Integrity, by this worker and by Pyodide alike (it calls the global fetch
// for the wasm and the standard library): a file that differs from the
// build's is refused, with a message that says so.
function checkIntegrity(manifest) {
  const hashes = new Map(
    Object.entries(manifest.integrity || {}).map(([path, hash]) => [new URL(path, manifestUrl).href, hash]),
  );
  const plainFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : input, manifestUrl).href;
    const integrity = hashes.get(url);
    if (!integrity) return plainFetch(input, init);
    try {
      return await plainFetch(input, { ...init, integrity });
    } catch (error) {
      // A failed check and a network failure look alike: ask once more,
      // unchecked, only to tell the reader which it was.
      const again = await plainFetch(input, init).catch(() => null);
      if (again && again.ok) {
        throw new Error(`${new URL(url).pathname} is not the file this guide was built with (integrity check failed)`, {
          cause: error,
        });
      }
      throw error;
    }
  };
}

// The rest of the standard library, for an import outside the trimmed set
// (web/stdlib_fallback.py calls this by name, synchronously: an import cannot
// wait for a promise; a worker may use a synchronous request).
function fullStdlibFetcher(url) {
  return () => {
    const request = new XMLHttpRequest();
    request.open("GET", url, false);
    request.responseType = "arraybuffer";
    request.send();
    if (request.status !== 200) throw new Error(`${new URL(url).pathname}: HTTP ${request.status}`);
    return new Uint8Array(request.response);
  };
}

// How long the page must be quiet before the snapshot is written.
const SNAPSHOT_IDLE_MS = 1500;

let bootKind = "fresh";
let store = null; // where this runtime's snapshot lives, if snapshots are possible
let heapSnapshot = null; // taken at the end of a fresh start, written when idle
let idleTimer = null;
let forgotten = false; // "Clear my data" was pressed: keep nothing

// The wheel, the fallback finder and the widgets, on a started interpreter
// (restored or fresh: the file system is not part of a snapshot).
function setUp(pyodide, wheelBytes, manifest) {
  globalThis.guideFetchFullStdlib = fullStdlibFetcher(new URL(manifest.stdlibFull.url, manifestUrl).href);
  pyodide.pyimport("_guide_stdlib_fallback").install("guideFetchFullStdlib", manifest.stdlibFull.sha256);
  // The worker's interpreter, for the browser tests (and anyone debugging).
  globalThis.guidePython = pyodide;
  // A pure-Python wheel needs no installer: unpacked onto sys.path, it imports.
  pyodide.unpackArchive(wheelBytes, "wheel", { extractDir: pyodide.runPython("import site; site.getsitepackages()[0]") });
  return pyodide.pyimport("widgets.binding").handle;
}

async function restore(loadPyodide, options, wheel, manifest) {
  try {
    const bytes = await store.load();
    if (!bytes) return null; // none kept yet: a normal start
    performance.mark("worker:snapshot-read");
    const pyodide = await loadPyodide({ ...options, _loadSnapshot: bytes });
    const handle = setUp(pyodide, await wheel, manifest);
    bootKind = "snapshot";
    return handle;
  } catch (error) {
    // Unreadable storage, a corrupt or foreign snapshot, the private API
    // changed: start as usual, and drop it (a new one is made from this start).
    console.warn("The saved Python snapshot could not be used; starting normally.", String(error && error.message));
    bootKind = "fresh-after-failed-snapshot";
    await store.drop().catch(() => {});
    return null;
  }
}

// Marks (worker:*) let the benchmark see where start-up time goes.
async function boot() {
  if (typeof WebAssembly !== "object") {
    throw new Error("this browser has WebAssembly turned off");
  }
  const manifest = await fetchManifest();
  checkIntegrity(manifest);
  const indexURL = new URL(manifest.pyodide, manifestUrl).href;
  // The wheel downloads while Pyodide starts, not after.
  const wheel = fetchBytes(new URL(manifest.wheel, manifestUrl).href);
  wheel.catch(() => {}); // reported below, once Pyodide is up
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const options = {
    indexURL,
    // Packages resolve here too, never to a third-party default.
    packageBaseUrl: indexURL,
    lockFileContents: manifest.lock,
    stdLibURL: new URL(manifest.stdlib, manifestUrl).href,
    stdout: () => {},
    stderr: (line) => console.warn("[python]", line),
  };
  if (snapshotsPossible() && manifest.snapshotKey) store = snapshotStore(import.meta.url, manifest.snapshotKey);
  if (store) {
    const restored = await restore(loadPyodide, options, wheel, manifest);
    if (restored) {
      performance.mark("worker:snapshot-restored");
      return restored;
    }
  }
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: Boolean(store) });
  performance.mark("worker:pyodide-loaded");
  const handle = setUp(pyodide, await wheel, manifest);
  performance.mark("worker:widgets-imported");
  if (store) {
    // Taken now, before any request: what a reader types never reaches a
    // snapshot, not even as freed memory. Written to storage once idle.
    try {
      if (typeof pyodide.makeMemorySnapshot !== "function") throw new Error("this Pyodide cannot make snapshots");
      heapSnapshot = pyodide.makeMemorySnapshot();
    } catch (error) {
      postMessage({ type: "snapshot", state: "failed", error: String(error && error.message) });
    }
  }
  return handle;
}

async function writeSnapshot() {
  const bytes = heapSnapshot;
  heapSnapshot = null;
  try {
    await store.save(bytes);
    if (forgotten) throw new Error("cleared by the reader");
    postMessage({ type: "snapshot", state: "saved" });
  } catch (error) {
    // Quota, storage turned off...: the next page starts normally.
    await store.drop().catch(() => {});
    postMessage({ type: "snapshot", state: "failed", error: String(error && error.message) });
  }
}

function whenIdleWriteSnapshot() {
  if (!heapSnapshot) return;
  clearTimeout(idleTimer);
  idleTimer = setTimeout(writeSnapshot, SNAPSHOT_IDLE_MS);
}

const handlePromise = boot();
handlePromise.then(
  () => {
    postMessage({ type: "ready", boot: bootKind });
    whenIdleWriteSnapshot();
  },
  (error) => postMessage({ type: "failed", error: String(error && error.message || error) }),
);

addEventListener("message", ({ data }) => {
  if (data && data.type === "forget-snapshot") {
    forgotten = true;
    heapSnapshot = null;
    clearTimeout(idleTimer);
    store?.drop().catch(() => {});
  }
});

addEventListener("message", async ({ data }) => {
  if (!data || data.type !== "view") return;
  let reply;
  try {
    const handle = await handlePromise;
    const request = { widget: data.widget, options: data.options, state: data.state };
    reply = JSON.parse(handle(JSON.stringify(request)));
  } catch (error) {
    reply = { error: String(error && error.message || error) };
  }
  postMessage({ type: "result", id: data.id, reply });
  whenIdleWriteSnapshot(); // not while the reader types
});
