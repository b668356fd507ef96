// @ts-check
// Starts the widgets' Python worker as early as a page allows. The build
// inlines this file, as a classic script, into a widget page's <head>, before
// its stylesheets (build_tools/widget_html.py writes it after the page's first
// widget; build_tools/early_start.py moves it up): it runs as the parser reads
// the head, so Pyodide downloads and starts while the page is still being laid
// out (build_tools/early_start.py has the figures). widget-runtime.js takes
// the worker over (takeEarlyWorker there); what the worker said before that
// is kept for it. The script's data-guide-start names the worker, relative to
// the page. It must stay a classic script with no imports and no "</".
(() => {
  // Once per document: when the runtime came first (instant navigation to a
  // page with widgets), it has started the worker itself.
  const holder = /** @type {any} */ (globalThis);
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const workerUrl = script && script.dataset.guideStart;
  if (holder.guideWorkerStarted || !workerUrl) return;
  holder.guideWorkerStarted = true;
  const worker = new Worker(new URL(workerUrl, document.baseURI), {
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
  performance.mark("widget-runtime:start"); // for the benchmarks
  holder.guideEarlyWorker = {
    worker,
    heard,
    release() {
      worker.removeEventListener("message", keep);
      worker.removeEventListener("error", keep);
    },
  };
})();
