// The Web Worker that runs the widgets' Python, off the page's main thread.
//
// One worker serves every widget of the page session. It loads the pinned
// Pyodide, a trimmed standard library of bytecode and the widgets' wheel named
// in runtime-manifest.json (written at build time beside this file, see
// build_tools/runtime_assets.py), each checked against its integrity hash,
// or restores all that from a snapshot kept in this browser (python-snapshot.js),
// then answers view requests:
//   page -> worker  {type: "view", id, slot, widget, options, state}
//                   {type: "forget-snapshot"}  ("Clear my data")
//   worker -> page  {type: "ready", boot} | {type: "failed", error}
//                   {type: "result", id, reply: {view} | {error}}
//                   {type: "result", id, superseded: true}  (a newer request of the slot came)
//                   {type: "snapshot", state: "saved" | "failed", error?}
// boot says how Python started: "snapshot" (restored), "fresh", or
// "fresh-after-failed-snapshot".

import { snapshotStore, snapshotsPossible } from "./python-snapshot.js";

const manifestUrl = new URL("./runtime-manifest.json", import.meta.url);

// ------------------------------------------------------- what failed, in words
// A start-up failure reaches the reader as one of these sentences: a file
// missing, a file damaged, WebAssembly off. Anything else is logged here and
// shown as a plain sentence, never as a traceback.
class BootFailure extends Error {}
const fileName = (url) => decodeURIComponent(new URL(url, manifestUrl).pathname.split("/").pop());
const missing = (url) => new BootFailure(`a file it needs is missing from the site (${fileName(url)})`);
const damaged = (url) => new BootFailure(`a file it needs is damaged (${fileName(url)})`);
const unreachable = (url) => new BootFailure(`a file it needs could not be downloaded (${fileName(url)})`);

// Every file the manifest lists with a hash is fetched with Subresource
// Integrity, by this worker and by Pyodide alike (it calls the global fetch
// for the wasm and the standard library): a file that differs from the
// build's is refused, and the reader told so.
function checkIntegrity(manifest) {
  const hashes = new Map(
    Object.entries(manifest.integrity || {}).map(([path, hash]) => [new URL(path, manifestUrl).href, hash]),
  );
  const plainFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), manifestUrl).href;
    const integrity = hashes.get(url);
    if (!integrity) return plainFetch(input, init);
    try {
      return await plainFetch(input, { ...init, integrity });
    } catch (error) {
      // A failed check, a missing file and a network failure look alike: ask
      // once more, unchecked, only to tell the reader which it was.
      const again = await plainFetch(input, init).catch(() => null);
      if (!again) throw error;
      if (!again.ok) return again; // missing: the caller says so
      console.warn(`${url} is not the file this guide was built with (integrity check failed)`);
      throw damaged(url);
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

// Pyodide downloads its wasm and standard library itself, and Emscripten may
// wait for ever after such a download fails: watch them, and fail at once.
let reportFatal = () => {};
const fatal = new Promise((_, reject) => {
  reportFatal = reject;
});
fatal.catch(() => {});

function watchDownloads(indexURL, stdlibURL) {
  const plainFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), manifestUrl).href;
    if (!url.startsWith(indexURL) && url !== stdlibURL) return plainFetch(input, init);
    let response;
    try {
      response = await plainFetch(input, init);
    } catch (error) {
      reportFatal(error instanceof BootFailure ? error : unreachable(url));
      throw error;
    }
    if (!response.ok) reportFatal(missing(url));
    return response;
  };
  // A truncated or corrupt wasm fails to compile. (A streaming compile that
  // fails for the server's MIME type is a TypeError, and Emscripten retries.)
  for (const name of ["instantiateStreaming", "instantiate", "compileStreaming", "compile"]) {
    const original = WebAssembly[name];
    if (typeof original !== "function") continue;
    WebAssembly[name] = function (...args) {
      const result = original.apply(this, args);
      result.catch((error) => {
        if (error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError) {
          reportFatal(damaged(new URL("pyodide.asm.wasm", indexURL).href));
        }
      });
      return result;
    };
  }
}

async function fetchManifest() {
  const response = await fetch(manifestUrl).catch(() => {
    throw unreachable(manifestUrl.href);
  });
  if (!response.ok) throw missing(manifestUrl.href);
  return response.json().catch(() => {
    throw damaged(manifestUrl.href);
  });
}

async function fetchBytes(url) {
  const response = await fetch(url).catch((error) => {
    throw error instanceof BootFailure ? error : unreachable(url);
  });
  if (!response.ok) throw missing(url);
  return new Uint8Array(await response.arrayBuffer());
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
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(wheelBytes, "wheel", { extractDir: sitePackages });
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
    if (error instanceof BootFailure) throw error; // the wheel: not the snapshot's fault
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
    throw new BootFailure("this browser has WebAssembly turned off");
  }
  const manifest = await fetchManifest();
  checkIntegrity(manifest);
  const indexURL = new URL(manifest.pyodide, manifestUrl).href;
  watchDownloads(indexURL, new URL(manifest.stdlib, manifestUrl).href);
  // The wheel downloads while Pyodide starts, not after.
  const wheelURL = new URL(manifest.wheel, manifestUrl).href;
  const wheel = fetchBytes(wheelURL);
  wheel.catch(reportFatal); // missing: said at once, not after Python has started
  const moduleURL = new URL("pyodide.mjs", indexURL).href;
  const { loadPyodide } = await import(moduleURL).catch(async () => {
    const response = await fetch(moduleURL).catch(() => null);
    throw response && response.ok ? damaged(moduleURL) : missing(moduleURL);
  });
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
    const restored = await Promise.race([restore(loadPyodide, options, wheel, manifest), fatal]);
    if (restored) {
      performance.mark("worker:snapshot-restored");
      return restored;
    }
  }
  const loading = loadPyodide({ ...options, _makeSnapshot: Boolean(store) });
  const pyodide = await Promise.race([loading, fatal]).catch((error) => {
    if (error instanceof BootFailure) throw error;
    // Python itself failed to start ("Program terminated with exit(1)"): its
    // standard library, read at start, is what can be damaged.
    console.warn("Pyodide failed to start:", error);
    throw damaged(options.stdLibURL);
  });
  performance.mark("worker:pyodide-loaded");
  let handle;
  try {
    handle = setUp(pyodide, await wheel, manifest);
    performance.mark("worker:widgets-imported");
  } catch (error) {
    if (error instanceof BootFailure) throw error;
    console.warn("The widgets' package failed to load:", error);
    throw damaged(wheelURL);
  }
  if (store) {
    // Taken now, before any request: what a reader types never reaches a
    // snapshot, not even as freed memory. Written to storage once idle. With
    // every widget's modules in it, a later page's first view needs no import
    // (most of a first view's time): worth the few imports this start adds.
    try {
      if (typeof pyodide.makeMemorySnapshot !== "function") throw new Error("this Pyodide cannot make snapshots");
      pyodide.pyimport("widgets.registry").import_all();
      performance.mark("worker:all-widgets-imported");
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
  (error) => {
    if (!(error instanceof BootFailure)) console.warn("The runtime failed to start:", error);
    const words = error instanceof BootFailure ? error.message : "Python could not start in this browser";
    postMessage({ type: "failed", error: words });
  },
);

// ------------------------------------------------ only the newest state
// A view is computed synchronously, so requests that arrive meanwhile wait in
// the queue. When typing outpaces Python (a slow phone, a long paste), only
// the newest request of each widget ("slot") is computed; older ones are
// answered {superseded: true} at once, and the page ignores them.
const queue = [];
let draining = false;

// Lets the messages posted during a computation arrive before the next one.
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function drain() {
  if (draining) return;
  draining = true;
  try {
    let handle = null;
    let failure = null;
    try {
      handle = await handlePromise;
    } catch (error) {
      failure = String((error && error.message) || error);
    }
    while (queue.length) {
      await nextTask();
      const data = queue.shift();
      if (data.slot !== undefined && queue.some((later) => later.slot === data.slot)) {
        postMessage({ type: "result", id: data.id, superseded: true });
        continue;
      }
      let reply;
      try {
        if (failure) throw new Error(failure);
        const request = { widget: data.widget, options: data.options, state: data.state };
        globalThis.guideViewsComputed = (globalThis.guideViewsComputed || 0) + 1; // for the tests
        reply = JSON.parse(handle(JSON.stringify(request)));
      } catch (error) {
        reply = { error: String((error && error.message) || error) };
      }
      postMessage({ type: "result", id: data.id, reply });
    }
  } finally {
    draining = false;
  }
  whenIdleWriteSnapshot(); // not while the reader types
}

addEventListener("message", ({ data }) => {
  if (data && data.type === "forget-snapshot") {
    forgotten = true;
    heapSnapshot = null;
    clearTimeout(idleTimer);
    store?.drop().catch(() => {});
    return;
  }
  if (!data || data.type !== "view") return;
  queue.push(data);
  drain();
});
