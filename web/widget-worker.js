// The Web Worker that runs the widgets' Python, off the page's main thread.
//
// One worker serves every widget of the page session. It loads the pinned
// Pyodide and the widgets' wheel named in runtime-manifest.json (written at
// build time beside this file), then answers view requests:
//   page -> worker  {type: "view", id, slot, widget, options, state}
//   worker -> page  {type: "ready"} | {type: "failed", error}
//                   {type: "result", id, reply: {view} | {error}}
//                   {type: "result", id, superseded: true}  (a newer request of the slot came)

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

// Pyodide downloads its wasm and standard library itself, and Emscripten may
// wait for ever after such a download fails: watch them, and fail at once.
let reportFatal = () => {};
const fatal = new Promise((_, reject) => {
  reportFatal = reject;
});
fatal.catch(() => {});

function watchDownloads(indexURL) {
  const plainFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), manifestUrl).href;
    if (!url.startsWith(indexURL)) return plainFetch(input, init);
    let response;
    try {
      response = await plainFetch(input, init);
    } catch (error) {
      reportFatal(unreachable(url));
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
  const response = await fetch(url).catch(() => {
    throw unreachable(url);
  });
  if (!response.ok) throw missing(url);
  return new Uint8Array(await response.arrayBuffer());
}

// Marks (worker:*) let the benchmark see where start-up time goes.
async function boot() {
  if (typeof WebAssembly !== "object") {
    throw new BootFailure("this browser has WebAssembly turned off");
  }
  const manifest = await fetchManifest();
  const indexURL = new URL(manifest.pyodide, manifestUrl).href;
  watchDownloads(indexURL);
  // The wheel downloads while Pyodide starts, not after.
  const wheelURL = new URL(manifest.wheel, manifestUrl).href;
  const wheel = fetchBytes(wheelURL);
  wheel.catch(reportFatal); // missing: said at once, not after Python has started
  const moduleURL = new URL("pyodide.mjs", indexURL).href;
  const { loadPyodide } = await import(moduleURL).catch(async () => {
    const response = await fetch(moduleURL).catch(() => null);
    throw response && response.ok ? damaged(moduleURL) : missing(moduleURL);
  });
  const loading = loadPyodide({
    indexURL,
    // Packages resolve here too, never to a third-party default.
    packageBaseUrl: indexURL,
    stdout: () => {},
    stderr: (line) => console.warn("[python]", line),
  });
  const pyodide = await Promise.race([loading, fatal]).catch((error) => {
    if (error instanceof BootFailure) throw error;
    // Python itself failed to start ("Program terminated with exit(1)"): its
    // standard library, read at start, is what can be damaged.
    console.warn("Pyodide failed to start:", error);
    throw damaged(new URL("python_stdlib.zip", indexURL).href);
  });
  performance.mark("worker:pyodide-loaded");
  try {
    // A pure-Python wheel needs no installer: unpacked onto sys.path, it imports.
    const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
    pyodide.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
    const handle = pyodide.pyimport("widgets.binding").handle;
    performance.mark("worker:widgets-imported");
    return handle;
  } catch (error) {
    if (error instanceof BootFailure) throw error;
    console.warn("The widgets' package failed to load:", error);
    throw damaged(wheelURL);
  }
}

const handlePromise = boot();
handlePromise.then(
  () => postMessage({ type: "ready" }),
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
}

addEventListener("message", ({ data }) => {
  if (!data || data.type !== "view") return;
  queue.push(data);
  drain();
});
