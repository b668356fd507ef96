// The Web Worker that runs the widgets' Python, off the page's main thread.
//
// One worker serves every widget of the page session. It loads the pinned
// Pyodide and the widgets' wheel named in runtime-manifest.json (written at
// build time beside this file), then answers view requests:
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

// Marks (worker:*) let the benchmark see where start-up time goes.
async function boot() {
  if (typeof WebAssembly !== "object") {
    throw new Error("this browser has WebAssembly turned off");
  }
  const manifest = await fetchManifest();
  const indexURL = new URL(manifest.pyodide, manifestUrl).href;
  // The wheel downloads while Pyodide starts, not after.
  const wheel = fetchBytes(new URL(manifest.wheel, manifestUrl).href);
  wheel.catch(() => {}); // reported below, once Pyodide is up
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const pyodide = await loadPyodide({
    indexURL,
    // Packages resolve here too, never to a third-party default.
    packageBaseUrl: indexURL,
    stdout: () => {},
    stderr: (line) => console.warn("[python]", line),
  });
  performance.mark("worker:pyodide-loaded");
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
