// A memory snapshot of the started Python, kept in this browser, so that every
// later page (a reload, the default build's page loads, a new tab) restores a
// live interpreter in a fraction of a start's time. Used by widget-worker.js.
//
// - Made once the first start is idle, with Pyodide's private snapshot API
//   (loadPyodide({_makeSnapshot}), makeMemorySnapshot(), loadPyodide({_loadSnapshot})),
//   gzip-compressed, in Cache Storage under a key naming the runtime, wheel and
//   standard library it was made from (the manifest's snapshotKey): a new
//   deployment's key differs, its first start replaces the old snapshot.
// - Any failure (no Cache Storage, a corrupt or foreign snapshot, the API gone
//   or throwing, quota) means a normal start: silent for the reader; the
//   worker reports how it started (data-python-boot on the page) for tests.
// - "Clear my data" drops it.

// Every byte of a stream, read here rather than with new Response(stream):
// Firefox reports a Response body whose stream fails (a corrupt gzip) as an
// uncaught error on the page, though the rejection is handled.
/** @param {ReadableStream<Uint8Array>} stream */
async function readAll(stream) {
  const chunks = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

// One cache per guide (its runtime folder), beside the offline copy's caches.
/**
 * @param {string} runtimeUrl a file of the runtime folder (import.meta.url)
 * @param {string} key the manifest's snapshotKey
 */
export function snapshotStore(runtimeUrl, key) {
  const folder = new URL("./", runtimeUrl).href;
  const cacheName = `follow-up-guide python snapshot ${folder}`;
  const entry = new URL(`python-snapshot/${encodeURIComponent(key)}`, folder).href;
  return {
    cacheName,
    async load() {
      const cache = await caches.open(cacheName);
      const response = await cache.match(entry);
      if (!response || !response.body) return null;
      return readAll(response.body.pipeThrough(new DecompressionStream("gzip")));
    },
    /** @param {Uint8Array<ArrayBuffer>} bytes */
    async save(bytes) {
      const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
      const body = await new Response(stream).arrayBuffer();
      const cache = await caches.open(cacheName);
      // Only the snapshot of these very files is kept.
      for (const request of await cache.keys()) {
        if (request.url !== entry) await cache.delete(request);
      }
      await cache.put(entry, new Response(body, { headers: { "Content-Type": "application/gzip" } }));
    },
    drop() {
      return caches.delete(cacheName);
    },
  };
}

export function snapshotsPossible() {
  return typeof caches === "object" && typeof CompressionStream === "function" && typeof DecompressionStream === "function";
}
