const manifestUrl = new URL("../assets/widget-runtime/runtime-manifest.json", import.meta.url);
const manifest = await (await fetch(manifestUrl)).json();
const indexURL = new URL(manifest.pyodide, manifestUrl).href;
const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
await loadPyodide({ indexURL, packageBaseUrl: indexURL, stdout: () => {} });
postMessage("ready");
