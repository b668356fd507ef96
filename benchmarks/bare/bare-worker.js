// The bare runtime: the same Pyodide files, loaded the way Pyodide's own
// documentation does (full standard library, sources), and nothing else.
// The guide ships no 119 KB package lock, so this one gets the same minimal
// lock the guide's worker passes.
const manifestUrl = new URL("../assets/widget-runtime/runtime-manifest.json", import.meta.url);
const manifest = await (await fetch(manifestUrl)).json();
const indexURL = new URL(manifest.pyodide, manifestUrl).href;
const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
await loadPyodide({ indexURL, packageBaseUrl: indexURL, lockFileContents: manifest.lock, stdout: () => {} });
postMessage("ready");
