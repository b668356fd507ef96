// @ts-check
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

/**
 * runtime-manifest.json (build_tools/runtime_assets.py); paths relative to it.
 * @typedef {object} Manifest
 * @property {string} pyodide the pinned Pyodide's folder
 * @property {string} wheel the widgets' wheel
 * @property {string} wheelMount where Python imports the wheel from, in Pyodide's file system
 * @property {string} stdlib the trimmed standard library of bytecode
 * @property {{url: string, sha256: string}} stdlibFull the whole standard library, for other imports
 * @property {object} lock the minimal package lock handed to loadPyodide
 * @property {Record<string, string>} [integrity] path -> Subresource Integrity hash
 * @property {string} [snapshotKey] names the runtime, wheel and standard library a snapshot is made from
 */
/**
 * The part of Pyodide's API these workers use.
 * @typedef {object} Pyodide
 * @property {(name: string) => any} pyimport
 * @property {(code: string) => any} runPython
 * @property {{writeFile: (path: string, data: Uint8Array) => void}} FS Emscripten's file system
 * @property {() => Uint8Array} [makeMemorySnapshot] private API (314.0.7), after loadPyodide({_makeSnapshot: true})
 */
/**
 * What loadPyodide is given (plus _makeSnapshot or _loadSnapshot).
 * @typedef {object} PyodideOptions
 * @property {string} indexURL
 * @property {string} packageBaseUrl
 * @property {object} lockFileContents
 * @property {string} stdLibURL
 * @property {(line: string) => void} stdout
 * @property {(line: string) => void} stderr
 */
/** @typedef {ReturnType<typeof snapshotStore>} SnapshotStore */
/**
 * What a start needs (prepare).
 * @typedef {object} Boot
 * @property {Manifest} manifest
 * @property {(options: PyodideOptions & {_makeSnapshot?: boolean, _loadSnapshot?: Uint8Array}) => Promise<Pyodide>} loadPyodide
 * @property {PyodideOptions} options
 * @property {Promise<Uint8Array>} wheel the widgets' wheel, downloading
 * @property {string} wheelURL
 * @property {SnapshotStore | null} store where this deployment's snapshot is kept; null where snapshots are impossible
 */
/** @typedef {(request: string) => string} ViewHandler the widgets' binding: request JSON in, reply JSON out */

// ------------------------------------------------------- what failed, in words
// A start-up failure reaches the reader as one of these sentences: a file
// missing, a file damaged, WebAssembly off. Anything else is logged here and
// shown as a plain sentence, never as a traceback.
export class BootFailure extends Error {}
// What went wrong, in words, whatever was thrown (an Error or anything else).
/** @param {unknown} error */
export const messageOf = (error) => String((error && /** @type {{message?: unknown}} */ (error).message) || error);
/** @param {string | URL} url */
const fileName = (url) => decodeURIComponent(new URL(url, manifestUrl).pathname.split("/").pop() || "");
/** @param {string | URL} url */
const missing = (url) => new BootFailure(`a file it needs is missing from the site (${fileName(url)})`);
/** @param {string | URL} url */
const damaged = (url) => new BootFailure(`a file it needs is damaged (${fileName(url)})`);
/** @param {string | URL} url */
const unreachable = (url) => new BootFailure(`a file it needs could not be downloaded (${fileName(url)})`);

// Every file the manifest lists with a hash is fetched with Subresource
// Integrity, by this worker and by Pyodide alike (it calls the global fetch
// for the wasm and the standard library): a file that differs from the
// build's is refused, and the reader told so.
/** @param {Manifest} manifest */
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
/** @param {string} url */
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
/** @type {(error: unknown) => void} */
let reportFatal = () => {};
/** @type {Promise<never>} */
const fatal = new Promise((_, reject) => {
  reportFatal = reject;
});
fatal.catch(() => {});

/**
 * @param {string} indexURL
 * @param {string} stdlibURL
 */
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
  const wasm = /** @type {Record<string, any>} */ (/** @type {unknown} */ (WebAssembly));
  for (const name of ["instantiateStreaming", "instantiate", "compileStreaming", "compile"]) {
    const original = wasm[name];
    if (typeof original !== "function") continue;
    /** @this {unknown} @param {unknown[]} args */
    wasm[name] = function (...args) {
      const result = /** @type {Promise<unknown>} */ (original.apply(this, args));
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

/** @param {string} url */
async function fetchBytes(url) {
  const response = await fetch(url).catch((error) => {
    throw error instanceof BootFailure ? error : unreachable(url);
  });
  if (!response.ok) throw missing(url);
  return new Uint8Array(await response.arrayBuffer());
}

// The wheel, the fallback finder and the widgets, on a started interpreter
// (restored or fresh: the file system is not part of a snapshot, sys.path is).
// Returns the widgets' view handler.
/**
 * @param {Pyodide} pyodide
 * @param {Uint8Array} wheelBytes
 * @param {Manifest} manifest
 * @returns {ViewHandler}
 */
function setUp(pyodide, wheelBytes, manifest) {
  const worker = /** @type {any} */ (globalThis);
  worker.guideFetchFullStdlib = fullStdlibFetcher(new URL(manifest.stdlibFull.url, manifestUrl).href);
  pyodide.pyimport("_guide_stdlib_fallback").install("guideFetchFullStdlib", manifest.stdlibFull.sha256);
  // The worker's interpreter, for the browser tests (and anyone debugging).
  worker.guidePython = pyodide;
  // A pure-Python wheel needs no installer: on sys.path as it is, it imports
  // (zipimport, with the bytecode the build put beside each module). Unpacking
  // it took 15-25 ms of a cold start in Chromium.
  pyodide.FS.writeFile(manifest.wheelMount, wheelBytes);
  const path = pyodide.pyimport("sys").path;
  if (!path.count(manifest.wheelMount)) path.insert(0, manifest.wheelMount); // a restored one has it
  return pyodide.pyimport("widgets.binding").handle;
}

// What a start needs, fetched and checked: the manifest, Pyodide's module, the
// wheel (downloading meanwhile), and where this deployment's snapshot is kept
// (null where snapshots are impossible).
/** @returns {Promise<Boot>} */
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
    stderr: (/** @type {string} */ line) => console.warn("[python]", line),
  };
  const store = snapshotsPossible() && manifest.snapshotKey ? snapshotStore(import.meta.url, manifest.snapshotKey) : null;
  return { manifest, loadPyodide, options, wheel, wheelURL, store };
}

// The widgets' view handler on an interpreter restored from the kept snapshot;
// null when none is kept. Any other failure (unreadable storage, a corrupt or
// foreign snapshot, the private API changed) is thrown for the caller to fall
// back on a normal start; a BootFailure (the wheel) is not the snapshot's fault.
/** @param {Boot} boot */
export async function restore(boot) {
  const bytes = await boot.store?.load();
  if (!bytes) return null;
  performance.mark("worker:snapshot-read");
  const pyodide = await Promise.race([boot.loadPyodide({ ...boot.options, _loadSnapshot: bytes }), fatal]);
  return setUp(pyodide, await boot.wheel, boot.manifest);
}

// A normal start: the interpreter and the widgets' view handler. makeSnapshot
// readies Pyodide for makeMemorySnapshot() (the snapshot maker's start).
/**
 * @param {Boot} boot
 * @returns {Promise<{pyodide: Pyodide, handle: ViewHandler}>}
 */
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
    const viewHandler = setUp(pyodide, await boot.wheel, boot.manifest);
    performance.mark("worker:widgets-imported");
    return { pyodide, handle: viewHandler };
  } catch (error) {
    if (error instanceof BootFailure) throw error;
    console.warn("The widgets' package failed to load:", error);
    throw damaged(boot.wheelURL);
  }
}
