// @ts-check
// Makes this deployment's memory snapshot, in a worker of its own that the
// page's Python worker (widget-worker.js) starts once the page is quiet after
// a normal start. A fresh interpreter, every widget's modules imported, no view
// ever computed: a later page restores it and goes live in a fraction of a
// start's time, whichever widget it has (python-snapshot.js keeps it).
//   maker -> page's worker  {type: "step", step} (how far it got, should it hang)
//                           {type: "snapshot", bytes} | {type: "snapshot", state: "failed", error}
// The page's worker keeps it: in WebKit, what a nested worker puts in Cache
// Storage is not what its page's workers read.

import { messageOf, prepare, startFresh } from "./python-boot.js";

/** @param {string} step what the maker waits for now */
const reach = (step) => postMessage({ type: "step", step });

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
  (bytes) => postMessage({ type: "snapshot", bytes }, [bytes.buffer]),
  (error) => postMessage({ type: "snapshot", state: "failed", error: messageOf(error) }),
);
