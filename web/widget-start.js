// @ts-check
// Starts the widgets' Python worker as early as a page allows. The build puts
// this tiny module (no imports, async) right after a page's first widget, so it
// runs as soon as it arrives, before the theme's scripts: Pyodide downloads
// while the page is still being set up. widget-runtime.js takes the worker
// over (takeEarlyWorker there); what the worker said before that is kept for it.

/** @typedef {{worker: Worker, heard: Event[], release: () => void}} EarlyWorker */

/** @param {Event[]} heard */
function startWorker(heard) {
  const worker = new Worker(new URL("./widget-worker.js", import.meta.url), {
    type: "module",
    name: "follow-up-guide-python",
  });
  /** @param {Event} event */
  const keep = (event) => {
    heard.push(event);
    if (event.type === "error") event.preventDefault(); // the runtime reports it, in words
  };
  worker.addEventListener("message", keep);
  worker.addEventListener("error", keep);
  performance.mark("widget-runtime:start"); // for the benchmarks
  /** @type {EarlyWorker} */
  const early = {
    worker,
    heard,
    release() {
      worker.removeEventListener("message", keep);
      worker.removeEventListener("error", keep);
    },
  };
  return early;
}

// Async modules run in the order they arrive: when the runtime came first,
// it has started the worker itself (guideWorkerStarted), and a second one
// would download Python again.
const holder = /** @type {any} */ (globalThis);
if (!holder.guideWorkerStarted) {
  holder.guideWorkerStarted = true;
  holder.guideEarlyWorker = startWorker([]);
}
