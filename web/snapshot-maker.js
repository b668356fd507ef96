// @ts-check
// Makes this deployment's memory snapshot, in a worker of its own that the
// page starts when its Python worker (widget-worker.js) asks, once the page is
// quiet after a normal start. A fresh interpreter, every widget's modules
// imported, no view ever computed: a later page restores it and goes live in a
// fraction of a start's time, whichever widget it has (python-snapshot.js
// keeps it).
//   page -> maker           {type: "report-to"} with a port to the page's Python worker
//   maker -> Python worker  {type: "step", step} (how far it got, should it hang)
//                           {type: "snapshot", bytes} | {type: "snapshot", state: "failed", error}
// The Python worker keeps it, as it keeps the count of failures.

import { messageOf, prepare, startFresh } from "./python-boot.js";

/** @type {Promise<MessagePort>} */
const pythonWorker = new Promise((resolve) => {
  addEventListener("message", ({ ports }) => resolve(ports[0]), { once: true });
});

/** @param {string} step what the maker waits for now */
const reach = async (step) => (await pythonWorker).postMessage({ type: "step", step });

async function make() {
  reach("the snapshot maker's runtime files");
  const started = await prepare();
  reach("the snapshot maker's Python to start");
  const { pyodide } = await startFresh(started, { makeSnapshot: true });
  if (typeof pyodide.makeMemorySnapshot !== "function") throw new Error("this Pyodide cannot make snapshots");
  reach("the snapshot to be made");
  pyodide.pyimport("widgets.registry").import_all();
  /** @type {Uint8Array} */
  let bytes = pyodide.makeMemorySnapshot();
  // Handed over, not copied, when the snapshot is its buffer's whole.
  if (bytes.byteOffset || bytes.byteLength !== bytes.buffer.byteLength) bytes = bytes.slice();
  return bytes;
}

make().then(
  async (bytes) => (await pythonWorker).postMessage({ type: "snapshot", bytes }, [bytes.buffer]),
  async (error) => (await pythonWorker).postMessage({ type: "snapshot", state: "failed", error: messageOf(error) }),
);
