// Offline reading: registers the guide's service worker (offline-worker.js,
// which the build writes to the site's root, so it serves every page of the
// guide under whatever sub-path it is hosted). After a first visit, every
// page and widget then works with no network. Browsers allow it on https://
// and on localhost only.
//
// mkdocs.yml `extra.offline: false` turns it off: the build sets the switch
// below to false (nothing is registered) and writes a worker that removes
// itself and its copy from browsers that had it. `mkdocs serve` does the
// same, so live reload always shows the latest build.

const OFFLINE = true; // set by build_tools/offline.py

function register() {
  const root = new URL("../../", import.meta.url);
  navigator.serviceWorker
    .register(new URL("offline-worker.js", root), { scope: root.href, updateViaCache: "none" })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      // A tool ran on this page: its runtime joins the copy (taken from the
      // browser's HTTP cache where it still is).
      if (document.documentElement.dataset.widgetRuntime === "ready") {
        registration.active?.postMessage({ type: "keep-runtime" });
      }
    })
    .catch((error) => console.warn("This guide cannot be kept for offline reading here:", error.message));
}

// The first copy (the pages and their small assets, under 1 MB; the Python
// runtime joins it only once a tool was used, see offline-worker.js) downloads
// in the background once the page has loaded and, on a page with widgets, once
// their runtime has started (or failed) and no widget is still waiting for its
// first view: the copy's download and checks must not compete with the
// runtime's download nor with the first views (when they began as soon as
// Python was up, a cold note builder went live about 0.2 s later on a 2-core
// machine: benchmarks/checklist_ready.py, interleaved).
// widget-runtime.js marks <html data-widgets-settled> once no widget waits for Python.
const settled = () =>
  !document.querySelector("[data-widget]") || document.documentElement.hasAttribute("data-widgets-settled");
function whenPageIsLive(then) {
  const loaded = () => {
    if (settled()) return then();
    const watch = new MutationObserver(() => {
      if (!settled()) return;
      watch.disconnect();
      then();
    });
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-widgets-settled"] });
  };
  if (document.readyState === "complete") loaded();
  else addEventListener("load", loaded, { once: true });
}

// A reader who asked the browser to save data (Save-Data) gets no background
// download at all.
const saveData = navigator.connection?.saveData === true;

if (OFFLINE && !saveData && "serviceWorker" in navigator) whenPageIsLive(register);
