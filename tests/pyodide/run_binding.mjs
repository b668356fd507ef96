// Runs widgets.binding.handle inside the real Pyodide (the pinned one, under
// Node), as the browser's worker does. Usage:
//   node run_binding.mjs <pyodide dir> <wheel> < requests.json  > replies.json
// requests.json is a JSON list of request objects; replies are JSON strings.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, wheel] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", stdout: () => {}, stderr: () => {} });
// Installed as web/widget-worker.js does it: the wheel unpacked onto sys.path.
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel", { extractDir: sitePackages });
const handle = pyodide.pyimport("widgets.binding").handle;
const requests = JSON.parse(readFileSync(0, "utf8"));
const info = pyodide.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python: info, replies: requests.map((r) => handle(JSON.stringify(r))) }));
