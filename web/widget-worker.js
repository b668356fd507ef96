// The Web Worker that runs the widgets' Python, off the page's main thread.
//
// One worker serves every widget of the page session. It loads the pinned
// Pyodide, a trimmed standard library of bytecode and the widgets' wheel named
// in runtime-manifest.json (written at build time beside this file, see
// build_tools/runtime_assets.py), each checked against its integrity hash,
// then answers view requests:
//   page -> worker  {type: "view", id, widget, options, state}
//   worker -> page  {type: "ready"} | {type: "failed", error}
//                   {type: "result", id, reply: {view} | {error}}

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
  const pyodide = await loadPyodide({
    indexURL,
    // Packages resolve here too, never to a third-party default.
    packageBaseUrl: indexURL,
    lockFileContents: manifest.lock,
    stdLibURL: new URL(manifest.stdlib, manifestUrl).href,
    stdout: () => {},
    stderr: (line) => console.warn("[python]", line),
  });
  performance.mark("worker:pyodide-loaded");
  globalThis.guideFetchFullStdlib = fullStdlibFetcher(new URL(manifest.stdlibFull.url, manifestUrl).href);
  pyodide.pyimport("_guide_stdlib_fallback").install("guideFetchFullStdlib", manifest.stdlibFull.sha256);
  // The worker's interpreter, for the browser tests (and anyone debugging).
  globalThis.guidePython = pyodide;
  // A pure-Python wheel needs no installer: unpacked onto sys.path, it imports.
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: pyodide.runPython("import site; site.getsitepackages()[0]") });
  const handle = pyodide.pyimport("widgets.binding").handle;
  performance.mark("worker:widgets-imported");
  return handle;
}

const handlePromise = boot();
handlePromise.then(
  () => postMessage({ type: "ready" }),
  (error) => postMessage({ type: "failed", error: String(error && error.message || error) }),
);

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
});
