// Unit tests of the snapshot store (web/python-snapshot.js) on a Cache Storage
// kept in memory; the browser tests (tests/e2e/test_python_snapshot.py,
// tests/support/engine_checks.py) run it in the real engines.
import assert from "node:assert/strict";
import { test } from "node:test";

import { ATTEMPTS, packSnapshot, snapshotsPossible, snapshotStore, unpackSnapshot } from "../../web/python-snapshot.js";

const RUNTIME = "https://guide.example/careers/guide/assets/widget-runtime/widget-worker.js";

// Cache Storage as the store uses it: named caches of URL -> response bytes.
// `quota` (bytes per put) makes put throw as a full disk does.
function memoryCaches({ quota = Infinity } = {}) {
  const named = new Map();
  const open = (name) => {
    if (!named.has(name)) named.set(name, new Map());
    const entries = named.get(name);
    return {
      async keys() {
        return [...entries.keys()].map((url) => new Request(url));
      },
      async match(url) {
        const body = entries.get(String(url));
        return body && new Response(body);
      },
      async put(url, response) {
        const body = new Uint8Array(await response.arrayBuffer());
        if (body.byteLength > quota) throw new DOMException("Quota exceeded.", "QuotaExceededError");
        entries.set(String(url), body);
      },
      async delete(request) {
        return entries.delete(request.url);
      },
    };
  };
  return {
    named,
    async open(name) {
      return open(name);
    },
    async keys() {
      return [...named.keys()];
    },
    async has(name) {
      return named.has(name);
    },
    async delete(name) {
      return named.delete(name);
    },
  };
}

function withCaches(fake) {
  globalThis.caches = fake;
  return fake;
}

// Like a snapshot's memory: pages of data, all-zero pages, a short last page.
const PAGE = 65536;
const SNAPSHOT = new Uint8Array(3 * PAGE + 1234);
SNAPSHOT.set(Uint8Array.from({ length: PAGE }, (_, i) => (i * 7919) % 251 || 1), 0);
SNAPSHOT[2 * PAGE + 5] = 9; // page 1 all zeros, page 2 one byte
SNAPSHOT[3 * PAGE + 1233] = 7;

test("a saved snapshot loads back byte for byte, kept under its key without its zero pages", async () => {
  const fake = withCaches(memoryCaches());
  const store = snapshotStore(RUNTIME, "key-1");
  assert.equal(await store.load(), null);
  await store.save(SNAPSHOT);
  const [[, entries]] = [...fake.named];
  const [[url, stored]] = [...entries];
  assert.equal(url, "https://guide.example/careers/guide/assets/widget-runtime/python-snapshot/key-1");
  assert.ok(stored.byteLength < 2 * PAGE + 1234 + 100, `${stored.byteLength} bytes kept`);
  assert.deepEqual(await store.load(), SNAPSHOT);
});

test("packing and unpacking give back every byte, whatever the lengths and alignment", () => {
  for (const length of [0, 1, 3, PAGE - 1, PAGE, PAGE + 1, 3 * PAGE + 1234]) {
    const bytes = SNAPSHOT.slice(0, length);
    assert.deepEqual(unpackSnapshot(packSnapshot(bytes).buffer), bytes, `${length} bytes`);
  }
  const unaligned = new Uint8Array(SNAPSHOT.byteLength + 1).subarray(1);
  unaligned.set(SNAPSHOT);
  assert.deepEqual(unpackSnapshot(packSnapshot(unaligned).buffer), SNAPSHOT);
  assert.equal(packSnapshot(new Uint8Array(5 * PAGE)).byteLength, 16 + 8); // all zeros: the header only
});

test("a snapshot kept under another key (another deployment's files) is never loaded", async () => {
  withCaches(memoryCaches());
  await snapshotStore(RUNTIME, "old-deployment").save(SNAPSHOT);
  assert.equal(await snapshotStore(RUNTIME, "new-deployment").load(), null);
});

test("saving keeps only the snapshot of these very files", async () => {
  const fake = withCaches(memoryCaches());
  await snapshotStore(RUNTIME, "old-deployment").save(SNAPSHOT);
  await snapshotStore(RUNTIME, "new-deployment").save(SNAPSHOT);
  const [[, entries]] = [...fake.named];
  assert.deepEqual([...entries.keys()].map((url) => url.split("/").pop()), ["new-deployment"]);
});

test("each guide (runtime folder) has its own cache", async () => {
  const fake = withCaches(memoryCaches());
  await snapshotStore(RUNTIME, "k").save(SNAPSHOT);
  await snapshotStore("https://guide.example/other/assets/widget-runtime/widget-worker.js", "k").save(SNAPSHOT);
  assert.equal(fake.named.size, 2);
  assert.deepEqual(await snapshotStore(RUNTIME, "k").load(), SNAPSHOT);
});

test("a corrupt snapshot fails to load (the worker then starts normally)", async () => {
  withCaches(memoryCaches());
  const store = snapshotStore(RUNTIME, "k");
  await store.save(SNAPSHOT);
  const cache = await globalThis.caches.open(store.cacheName);
  const [request] = await cache.keys();
  const whole = packSnapshot(SNAPSHOT);
  const bodies = {
    empty: new Uint8Array(0),
    garbage: new Uint8Array([1, 2, 3]),
    "another format": Uint8Array.from(whole, (b, i) => (i === 0 ? b ^ 1 : b)),
    "cut short": whole.slice(0, whole.byteLength >> 1),
    "too long": new Uint8Array([...whole, 0]),
  };
  for (const [what, body] of Object.entries(bodies)) {
    await cache.put(request.url, new Response(body));
    await assert.rejects(store.load(), /the kept snapshot is/, what);
  }
  // Bytes in a sound container that are no snapshot are Pyodide's to refuse
  // (tests/e2e/test_python_snapshot.py, in the engines).
});

test("a snapshot over the quota is refused with the browser's error, and nothing is kept", async () => {
  withCaches(memoryCaches({ quota: 1000 }));
  const store = snapshotStore(RUNTIME, "k");
  await assert.rejects(store.save(SNAPSHOT), { name: "QuotaExceededError" });
  assert.equal(await store.load(), null);
});

test("drop removes the snapshot and its cache (\"Clear my data\")", async () => {
  const fake = withCaches(memoryCaches());
  const store = snapshotStore(RUNTIME, "k");
  await store.save(SNAPSHOT);
  await store.drop();
  assert.equal(fake.named.size, 0);
  assert.equal(await store.load(), null);
});

test("after ATTEMPTS failures of one deployment's snapshot, later pages stop trying", async () => {
  withCaches(memoryCaches());
  const store = snapshotStore(RUNTIME, "k");
  assert.equal(ATTEMPTS, 2);
  assert.equal(await store.worthTrying(), true);
  assert.equal(await store.failed("not kept: QuotaExceededError"), 1);
  await store.drop(); // the worker drops what failed: the count stays
  assert.equal(await store.worthTrying(), true); // one more attempt
  assert.equal(await store.failed("not kept: QuotaExceededError"), 2);
  assert.equal(await store.worthTrying(), false);
  // Another deployment's files: tried afresh, and only its count is kept.
  const next = snapshotStore(RUNTIME, "k2");
  assert.equal(await next.worthTrying(), true);
  await next.failed("not made");
  const cache = await globalThis.caches.open(store.failuresName);
  assert.deepEqual(
    (await cache.keys()).map((request) => request.url.split("/").pop()),
    ["k2"],
  );
});

test("a snapshot restored clears the count of failures; one only kept does not", async () => {
  const fake = withCaches(memoryCaches());
  const store = snapshotStore(RUNTIME, "k");
  await store.failed("not restored");
  await store.save(SNAPSHOT); // made again: whether it restores is not known yet
  assert.equal(await store.failed("not restored"), 2);
  assert.equal(await store.worthTrying(), false);
  await store.restored();
  assert.equal(fake.named.has(store.failuresName), false);
  assert.equal(await store.worthTrying(), true);
});

test("a failure record that is not a count counts as none", async () => {
  withCaches(memoryCaches());
  const store = snapshotStore(RUNTIME, "k");
  await store.failed("x");
  await store.failed("x");
  const cache = await globalThis.caches.open(store.failuresName);
  const [request] = await cache.keys();
  for (const body of ["not json", "null", '{"failures": "9"}', '{"failures": -4}', '{"failures": 1e400}', "[]"]) {
    await cache.put(request.url, new Response(body));
    assert.equal(await store.worthTrying(), true, body);
  }
  await cache.put(request.url, new Response('{"failures": 7}'));
  assert.equal(await store.worthTrying(), false);
});

test("forget drops the snapshot and its failures (\"Clear my data\")", async () => {
  const fake = withCaches(memoryCaches());
  const store = snapshotStore(RUNTIME, "k");
  await store.save(SNAPSHOT);
  await store.failed("x");
  await store.failed("x");
  // The page forgets with no key: it does not know the deployment's.
  await snapshotStore(RUNTIME, "").forget();
  assert.equal(fake.named.size, 0);
  assert.equal(await store.worthTrying(), true);
  assert.equal(fake.named.size, 0); // asking made no cache
  assert.equal(await store.load(), null);
});

test("snapshots need Cache Storage", () => {
  withCaches(memoryCaches());
  assert.equal(snapshotsPossible(), true);
  delete globalThis.caches;
  assert.equal(snapshotsPossible(), false);
});
