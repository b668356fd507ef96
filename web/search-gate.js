// @ts-check
// Holds back the theme's search index on a page with widgets until they are
// live. Material (9.8) requests search/search_index.json by XMLHttpRequest as
// soon as its bundle runs, and its search worker then builds the index: on a
// 2-core machine that work took the core Python's start needed (about 0.1 s
// later live, benchmarks/checklist_ready.py, interleaved). The request is sent
// once every widget is live or failed, as soon as the reader goes to the
// search box, or after RELEASE_MS whatever happens.
//
// The build inlines this file, as it is, right after a page's first widget,
// which is before the theme's bundle (build_tools/widget_html.py); it must
// stay a classic script with no imports. If the theme ever stops using
// XMLHttpRequest for its index, nothing is held: tests/e2e/test_search_gate.py
// notices.
(() => {
  // Once per document: Material's instant navigation runs a new page's inline scripts again.
  const holder = /** @type {any} */ (globalThis);
  if (holder.guideSearchGate) return;
  holder.guideSearchGate = true;
  const RELEASE_MS = 10000;
  const INDEX = "/search/search_index.json";
  const proto = XMLHttpRequest.prototype;
  const { open, send } = proto;
  /** @type {Array<[XMLHttpRequest, any[]]>} */
  const held = [];
  const gated = new WeakSet();
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    proto.open = open;
    proto.send = send;
    for (const [request, args] of held.splice(0)) send.apply(request, /** @type {any} */ (args));
  };
  /** @this {XMLHttpRequest} @param {string} method @param {string | URL} url @param {any[]} rest */
  proto.open = function (method, url, ...rest) {
    try {
      if (new URL(url, location.href).pathname.endsWith(INDEX)) gated.add(this);
    } catch {
      // An address the browser refuses: open() refuses it, as without the gate.
    }
    return open.call(this, method, url, .../** @type {[boolean, string?, string?]} */ (rest));
  };
  /** @this {XMLHttpRequest} @param {any[]} args */
  proto.send = function (...args) {
    if (!gated.has(this)) return send.apply(this, /** @type {any} */ (args));
    held.push([this, args]);
  };
  // widget-runtime.js marks <html data-widgets-settled> once no widget waits for Python.
  const watch = new MutationObserver(() => {
    if (!document.documentElement.hasAttribute("data-widgets-settled")) return;
    watch.disconnect();
    release();
  });
  watch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-widgets-settled"] });
  // The reader goes to search (a click, a tap, or the theme's keys "/", "s", "f"): now.
  addEventListener(
    "focusin",
    (event) => {
      if (event.target instanceof Element && event.target.closest(".md-search")) release();
    },
    true,
  );
  addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.id === "__search") release();
  });
  setTimeout(release, RELEASE_MS);
})();
