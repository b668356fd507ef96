// The bare runtime: the same Pyodide files, loaded the way Pyodide's own
// documentation does (full standard library, sources), and nothing else.
// The guide ships no 119 KB package lock, so this one gets the same minimal
// lock the guide's worker passes.
//
// With a query, the same page is a step of the guide's own start without the
// guide's page around it: ?stdlib=trimmed, Pyodide with the guide's trimmed
// standard library of bytecode; &widget=NAME, the guide's worker's own start
// (web/python-boot.js: its checks, the wheel, the fallback finder) and one
// first view of that widget (its default options). benchmarks/
// checklist_ready.py times them in the same run, to show what part of a cold
// start the page itself costs.
const query = new URL(import.meta.url).searchParams;
const widget = query.get("widget");
if (widget) {
  const { prepare, startFresh } = await import("../assets/widget-runtime/python-boot.js");
  const { handle } = await startFresh(await prepare());
  const reply = handle(JSON.stringify({ widget, options: null, state: {} }));
  if (!JSON.parse(reply).view) throw new Error(`no first view of ${widget}: ${reply}`);
} else {
  const manifestUrl = new URL("../assets/widget-runtime/runtime-manifest.json", import.meta.url);
  const manifest = await (await fetch(manifestUrl)).json();
  const indexURL = new URL(manifest.pyodide, manifestUrl).href;
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const trimmed = query.get("stdlib") === "trimmed" ? { stdLibURL: new URL(manifest.stdlib, manifestUrl).href } : {};
  await loadPyodide({ indexURL, packageBaseUrl: indexURL, lockFileContents: manifest.lock, stdout: () => {}, ...trimmed });
}
postMessage("ready");
