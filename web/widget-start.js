// @ts-check
// Starts the widgets' Python worker as early as a page allows. The build puts
// this tiny module (no imports, async) right after a page's first widget, so it
// runs as soon as it arrives, before the theme's scripts: Pyodide downloads
// while the page is still being set up. widget-runtime.js takes the worker
// over (takeEarlyWorker there); what the worker said before that is kept for it.

/** @typedef {{worker: Worker, heard: Event[], release: () => void}} EarlyWorker */

const worker = new Worker(new URL("./widget-worker.js", import.meta.url), {
  type: "module",
  name: "follow-up-guide-python",
});
/** @type {Event[]} */
const heard = [];
/** @param {Event} event */
const keep = (event) => {
  heard.push(event);
  if (event.type === "error") event.preventDefault(); // the runtime reports it, in words
};
worker.addEventListener("message", keep);
worker.addEventListener("error", keep);
performance.mark("widget-runtime:start"); // for the benchmarks and the long-task test

/** @type {EarlyWorker} */
const early = {
  worker,
  heard,
  release() {
    worker.removeEventListener("message", keep);
    worker.removeEventListener("error", keep);
  },
};
/** @type {any} */ (globalThis).guideEarlyWorker = early;
