// Starting the widgets' Python, for the two workers that do it: the page's
// (widget-worker.js, which answers views) and the snapshot maker
// (snapshot-maker.js). Loads the pinned Pyodide, a trimmed standard library of
// bytecode and the widgets' wheel named in runtime-manifest.json (written at
// build time beside this file, see build_tools/runtime_assets.py), each checked
// against its integrity hash; or restores all that from a snapshot kept in this
// browser (python-snapshot.js). A failure reaches the reader as a BootFailure:
// one plain sentence.

import { snapshotStore, snapshotsPossible } from "./python-snapshot.js";

const manifestUrl = new URL("./runtime-manifest.json", import.meta.url);

// ------------------------------------------------------- what failed, in words
// A start-up failure reaches the reader as one of these sentences: a file
// missing, a file damaged, WebAssembly off. Anything else is logged here and
// shown as a plain sentence, never as a traceback.
export class BootFailure extends Error {}
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

// The wheel, the fallback finder and the widgets, on a started interpreter
// (restored or fresh: the file system is not part of a snapshot). Returns the
// view handler and unpackWheel: the wheel's files, written onto sys.path by
// calling it. A fresh start calls it at once (its widgets import from them);
// a restored one holds every module of the package already
// (widgets.registry.import_all), so its worker calls it once its first views
// are answered.
function setUp(pyodide, wheelBytes, manifest) {
  globalThis.guideFetchFullStdlib = fullStdlibFetcher(new URL(manifest.stdlibFull.url, manifestUrl).href);
  pyodide.pyimport("_guide_stdlib_fallback").install("guideFetchFullStdlib", manifest.stdlibFull.sha256);
  // The worker's interpreter, for the browser tests (and anyone debugging).
  globalThis.guidePython = pyodide;
  // A pure-Python wheel needs no installer: unpacked onto sys.path, it imports.
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  const unpackWheel = () => pyodide.unpackArchive(wheelBytes, "wheel", { extractDir: sitePackages });
  return { unpackWheel, handle: () => pyodide.pyimport("widgets.binding").handle };
}

// What a start needs, fetched and checked: the manifest, Pyodide's module, the
// wheel (downloading meanwhile), and where this deployment's snapshot is kept
// (null where snapshots are impossible).
export async function prepare() {
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
  const store = snapshotsPossible() && manifest.snapshotKey ? snapshotStore(import.meta.url, manifest.snapshotKey) : null;
  return { manifest, loadPyodide, options, wheel, wheelURL, store };
}

// The widgets' view handler on an interpreter restored from the kept snapshot,
// and unpackWheel (setUp); null when none is kept. Any other failure
// (unreadable storage, a corrupt or foreign snapshot, the private API changed)
// is thrown for the caller to fall back on a normal start; a BootFailure (the
// wheel) is not the snapshot's fault.
export async function restore(boot) {
  const bytes = await boot.store.load();
  if (!bytes) return null;
  performance.mark("worker:snapshot-read");
  const pyodide = await Promise.race([boot.loadPyodide({ ...boot.options, _loadSnapshot: bytes }), fatal]);
  const { unpackWheel, handle } = setUp(pyodide, await boot.wheel, boot.manifest);
  return { handle: handle(), unpackWheel };
}

// A normal start: the interpreter and the widgets' view handler. makeSnapshot
// readies Pyodide for makeMemorySnapshot() (the snapshot maker's start).
export async function startFresh(boot, { makeSnapshot = false } = {}) {
  const loading = boot.loadPyodide({ ...boot.options, _makeSnapshot: makeSnapshot });
  const pyodide = await Promise.race([loading, fatal]).catch((error) => {
    if (error instanceof BootFailure) throw error;
    // Python itself failed to start ("Program terminated with exit(1)"): its
    // standard library, read at start, is what can be damaged.
    console.warn("Pyodide failed to start:", error);
    throw damaged(boot.options.stdLibURL);
  });
  performance.mark("worker:pyodide-loaded");
  try {
    const { unpackWheel, handle } = setUp(pyodide, await boot.wheel, boot.manifest);
    unpackWheel();
    const viewHandler = handle();
    performance.mark("worker:widgets-imported");
    return { pyodide, handle: viewHandler };
  } catch (error) {
    if (error instanceof BootFailure) throw error;
    console.warn("The widgets' package failed to load:", error);
    throw damaged(boot.wheelURL);
  }
}
