// Unit tests of the snapshot store (web/python-snapshot.js) on a Cache Storage
// kept in memory; the browser tests (tests/e2e/test_python_snapshot.py,
// tests/support/engine_checks.py) run it in the real engines.
import assert from "node:assert/strict";
import { test } from "node:test";

import { snapshotsPossible, snapshotStore } from "../../web/python-snapshot.js";

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
    async delete(name) {
      return named.delete(name);
    },
  };
}

function withCaches(fake) {
  globalThis.caches = fake;
  return fake;
}

// Bytes that do not compress to nothing: a snapshot's memory is not all zeros.
const SNAPSHOT = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251);

test("a saved snapshot loads back byte for byte, stored gzip-compressed under its key", async () => {
  const fake = withCaches(memoryCaches());
  const store = snapshotStore(RUNTIME, "key-1");
  assert.equal(await store.load(), null);
  await store.save(SNAPSHOT);
  const [[, entries]] = [...fake.named];
  const [[url, stored]] = [...entries];
  assert.equal(url, "https://guide.example/careers/guide/assets/widget-runtime/python-snapshot/key-1");
  assert.deepEqual([stored[0], stored[1]], [0x1f, 0x8b]); // gzip
  assert.ok(stored.byteLength < SNAPSHOT.byteLength);
  assert.deepEqual(await store.load(), SNAPSHOT);
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
  for (const body of [new Uint8Array([1, 2, 3]), new Uint8Array(0)]) {
    await cache.put(request.url, new Response(body));
    await assert.rejects(store.load(), undefined, `a body of ${body.byteLength} bytes`);
  }
  // A gzip stream cut short, too.
  const gzipped = new Blob([SNAPSHOT]).stream().pipeThrough(new CompressionStream("gzip"));
  const whole = new Uint8Array(await new Response(gzipped).arrayBuffer());
  await cache.put(request.url, new Response(whole.slice(0, whole.byteLength >> 1)));
  await assert.rejects(store.load());
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

test("snapshots need Cache Storage and the compression streams", () => {
  withCaches(memoryCaches());
  assert.equal(snapshotsPossible(), true);
  delete globalThis.caches;
  assert.equal(snapshotsPossible(), false);
});
