// Runs one Python script of this folder inside the pinned Pyodide, under Node:
// what must be done by Pyodide's own CPython (3.14), not the host's.
//   node run.mjs <pyodide dir> <script.py> <job.json>
// job.json: {"inputs": {fs path: host path}, "outputs": {fs path: host path}, "args": {...}}
// Inputs are copied into Pyodide's file system, the script runs with ARGS
// (job.args) as a global, then outputs are copied back out.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, script, jobFile] = process.argv.slice(2);
const job = JSON.parse(readFileSync(jobFile, "utf8"));
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", stdout: (l) => console.log(l), stderr: (l) => console.error(l) });
for (const [inside, host] of Object.entries(job.inputs || {})) {
  pyodide.FS.mkdirTree(path.posix.dirname(inside));
  pyodide.FS.writeFile(inside, readFileSync(host));
}
for (const inside of Object.keys(job.outputs || {})) pyodide.FS.mkdirTree(path.posix.dirname(inside));
pyodide.globals.set("ARGS", pyodide.toPy(job.args || {}));
try {
  pyodide.runPython(readFileSync(script, "utf8"), { filename: script });
} catch (error) {
  // The Python traceback, not Node's dump of Pyodide's minified source.
  console.error(String(error.message || error));
  process.exit(1);
}
for (const [inside, host] of Object.entries(job.outputs || {})) {
  writeFileSync(host, pyodide.FS.readFile(inside));
}
