// Runs widgets.binding.handle inside the real Pyodide (the pinned one, under
// Node), as the browser's worker does. Usage:
//   node run_binding.mjs <pyodide dir> <wheel> <mount> < requests.json  > replies.json
// <mount> is where the wheel goes in Pyodide's file system
// (build_tools/runtime_assets.py, wheel_mount).
// requests.json is a JSON list of request objects; replies are JSON strings.
// With WIDGETS_IMPORT_TRACE=<file>, it also appends to that file one JSON line:
// the standard-library files the session imported (the build's trace, see
// build_tools/stdlib_bytecode.py).
// With a fourth argument, the built site's trimmed standard library, it starts
// as the worker does: on that zip, with the fallback finder fetching the full
// one on first need; the output then says how often it did ("fullStdlibFetched").
import { appendFileSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, wheel, mount, trimmedStdlib] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: pyodideDir + "/",
  stdLibURL: trimmedStdlib,
  stdout: () => {},
  stderr: () => {},
});
let fallback = null;
if (trimmedStdlib) {
  const full = path.join(pyodideDir, "python_stdlib.zip");
  globalThis.guideFetchFullStdlib = () => new Uint8Array(readFileSync(full));
  const sha256 = (await import("node:crypto")).createHash("sha256").update(readFileSync(full)).digest("hex");
  fallback = pyodide.pyimport("_guide_stdlib_fallback").install("guideFetchFullStdlib", sha256);
}
// Installed as web/python-boot.js does it: the wheel itself on sys.path.
pyodide.FS.writeFile(mount, new Uint8Array(readFileSync(wheel)));
pyodide.pyimport("sys").path.insert(0, mount);
const handle = pyodide.pyimport("widgets.binding").handle;
const requests = JSON.parse(readFileSync(0, "utf8"));
const info = pyodide.runPython("import sys; sys.version.split()[0]");
const replies = requests.map((r) => handle(JSON.stringify(r)));
if (process.env.WIDGETS_IMPORT_TRACE) {
  const imported = pyodide.runPython(`
import sys
prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
files = {getattr(m, "__file__", None) or "" for m in list(sys.modules.values())}
sorted(f[len(prefix):] for f in files if f.startswith(prefix))
`).toJs();
  appendFileSync(process.env.WIDGETS_IMPORT_TRACE, JSON.stringify(imported) + "\n");
}
const result = { python: info, replies };
if (fallback) result.fullStdlibFetched = fallback.fetched;
process.stdout.write(JSON.stringify(result));
