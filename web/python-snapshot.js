// A memory snapshot of the started Python, kept in this browser, so that every
// later page (a reload, the default build's page loads, a new tab) restores a
// live interpreter in a fraction of a start's time. Made by snapshot-maker.js,
// restored by python-boot.js.
//
// - Made with Pyodide's private snapshot API (loadPyodide({_makeSnapshot}),
//   makeMemorySnapshot(), loadPyodide({_loadSnapshot})) and kept in Cache
//   Storage, under a key naming the runtime, wheel and standard library it was
//   made from (the manifest's snapshotKey): a new deployment's key differs, its
//   first start replaces the old snapshot.
// - Kept without its all-zero 64 KiB pages (about half of its 31 MB), not
//   gzipped: inflating took longer than all the rest of reading it back.
// - Any failure (no Cache Storage, a corrupt or foreign snapshot, the API gone
//   or throwing, quota) means a normal start: silent for the reader; the
//   worker reports how it started (data-python-boot on the page) for tests.
//   Pyodide checks a snapshot's header and build before restoring it.
// - "Clear my data" drops it.
// - After ATTEMPTS failures for one deployment, later pages stop trying (a
//   record under 1 KB, in a cache of its own, says so).

// The kept form: a header (MAGIC, the snapshot's length, PAGE, the number of
// pages), one byte per page (1: kept, 0: all zeros), then the kept pages in
// order (the last one may be short).
const MAGIC = 0x31475546; // "FUG1", little-endian
const PAGE = 65536;
const HEADER = 16;

// Each attempt at a snapshot is a second start of Python in the background
// (about 1.5 s of a core and 30 MB of memory). A browser that refuses them (a
// full disk, a Pyodide whose private API changed, a snapshot it cannot
// restore) would pay that on every page: after this many failures (not made,
// not kept or not restored) for one deployment, later pages start normally and
// make none. A snapshot restored clears the count (one kept is not yet known
// to restore); a new deployment (another key) and "Clear my data" start it
// afresh.
export const ATTEMPTS = 2;

/** @param {Uint8Array} bytes */
export function packSnapshot(bytes) {
  const pages = Math.ceil(bytes.byteLength / PAGE);
  const kept = new Uint8Array(pages);
  // Whole words where the bytes allow it: a page is scanned in a few microseconds.
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2) : null;
  let size = 0;
  for (let page = 0; page < pages; page++) {
    const start = page * PAGE;
    const end = Math.min(start + PAGE, bytes.byteLength);
    let i = start;
    if (words) for (let w = start >> 2, stop = end >> 2; w < stop && !words[w]; w++) i = (w + 1) << 2;
    while (i < end && !bytes[i]) i++;
    if (i < end) {
      kept[page] = 1;
      size += end - start;
    }
  }
  const flagsEnd = HEADER + Math.ceil(pages / 4) * 4;
  const packed = new Uint8Array(flagsEnd + size);
  new Uint32Array(packed.buffer, 0, 4).set([MAGIC, bytes.byteLength, PAGE, pages]);
  packed.set(kept, HEADER);
  let at = flagsEnd;
  for (let page = 0; page < pages; page++) {
    if (!kept[page]) continue;
    const chunk = bytes.subarray(page * PAGE, Math.min((page + 1) * PAGE, bytes.byteLength));
    packed.set(chunk, at);
    at += chunk.byteLength;
  }
  return packed;
}

/** @param {ArrayBuffer} buffer what packSnapshot made; anything else throws */
export function unpackSnapshot(buffer) {
  const bad = (/** @type {string} */ why) => new Error(`the kept snapshot is ${why}`);
  if (buffer.byteLength < HEADER) throw bad("empty or cut short");
  const [magic, length, page, pages] = new Uint32Array(buffer, 0, 4);
  if (magic !== MAGIC || page !== PAGE || pages !== Math.ceil(length / PAGE)) throw bad("not one this guide kept");
  const flagsEnd = HEADER + Math.ceil(pages / 4) * 4;
  if (buffer.byteLength < flagsEnd) throw bad("cut short");
  const kept = new Uint8Array(buffer, HEADER, pages);
  let size = 0;
  for (let i = 0; i < pages; i++) if (kept[i]) size += Math.min(PAGE, length - i * PAGE);
  if (buffer.byteLength !== flagsEnd + size) throw bad(buffer.byteLength < flagsEnd + size ? "cut short" : "too long");
  const bytes = new Uint8Array(length);
  let at = flagsEnd;
  for (let i = 0; i < pages; i++) {
    if (!kept[i]) continue;
    const end = Math.min((i + 1) * PAGE, length);
    bytes.set(new Uint8Array(buffer, at, end - i * PAGE), i * PAGE);
    at += end - i * PAGE;
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
  // The failures, in a cache of their own: dropping a snapshot keeps its count.
  const failuresName = `follow-up-guide failed python snapshots ${folder}`;
  const failuresEntry = new URL(`python-snapshot-failures/${encodeURIComponent(key)}`, folder).href;
  const failures = async () => {
    if (!(await caches.has(failuresName))) return 0; // (open would make an empty one)
    const response = await (await caches.open(failuresName)).match(failuresEntry);
    // What storage holds is untrusted: anything but a count is none.
    const count = response ? await response.json().then((record) => record?.failures, () => 0) : 0;
    return Number.isSafeInteger(count) && count > 0 ? count : 0;
  };
  return {
    cacheName,
    failuresName,
    /** Whether a snapshot should be made: fewer than ATTEMPTS failures so far. */
    async worthTrying() {
      return (await failures()) < ATTEMPTS;
    },
    /** Counts one failure of this deployment's snapshot; why, for whoever looks. */
    async failed(/** @type {string} */ why) {
      const count = (await failures()) + 1;
      const cache = await caches.open(failuresName);
      for (const request of await cache.keys()) {
        if (request.url !== failuresEntry) await cache.delete(request); // older deployments'
      }
      const record = JSON.stringify({ failures: count, last: String(why).slice(0, 500) });
      await cache.put(failuresEntry, new Response(record, { headers: { "Content-Type": "application/json" } }));
      return count;
    },
    async load() {
      const cache = await caches.open(cacheName);
      const response = await cache.match(entry);
      if (!response) return null;
      return unpackSnapshot(await response.arrayBuffer());
    },
    /** @param {Uint8Array} bytes */
    async save(bytes) {
      const packed = packSnapshot(bytes);
      const cache = await caches.open(cacheName);
      // Only the snapshot of these very files is kept.
      for (const request of await cache.keys()) {
        if (request.url !== entry) await cache.delete(request);
      }
      await cache.put(entry, new Response(packed, { headers: { "Content-Type": "application/octet-stream" } }));
    },
    /** Clears the count of failures: the kept snapshot was restored. */
    async restored() {
      await caches.delete(failuresName);
    },
    /** Drops the snapshot; its failures stay counted. */
    drop() {
      return caches.delete(cacheName);
    },
    /** Drops the snapshot and its failures ("Clear my data"). */
    async forget() {
      await Promise.all([caches.delete(cacheName), caches.delete(failuresName)]);
    },
  };
}

export function snapshotsPossible() {
  return typeof caches === "object";
}
