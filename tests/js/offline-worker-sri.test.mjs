// The offline worker's integrity check (web/offline-worker.js sri) against
// the vectors its Python twin (build_tools/runtime_assets.py sri_hash) also
// passes. The worker is a classic service-worker script, not a module: it is
// run as it ships, in a context with the few service-worker globals its top
// level touches, with BUILD filled in the way build_tools/offline.py does.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

const BUILD_LINE = "const BUILD = null; // filled in by build_tools/offline.py";
const source = readFileSync(new URL("../../web/offline-worker.js", import.meta.url), "utf-8");
const vectors = JSON.parse(readFileSync(new URL("../vectors/sri.json", import.meta.url), "utf-8"));

function loadWorker() {
  assert.equal(source.split(BUILD_LINE).length, 2, "the worker has one BUILD line");
  const context = vm.createContext({
    self: { registration: { scope: "https://guide.test/careers/guide/" }, addEventListener() {} },
    crypto: globalThis.crypto,
    btoa: globalThis.btoa,
    URL: globalThis.URL,
  });
  vm.runInContext(source.replace(BUILD_LINE, 'const BUILD = {"offline": false};'), context);
  return context;
}

test("the offline worker's sri passes the shared vectors", async () => {
  const worker = loadWorker();
  assert.equal(typeof worker.sri, "function");
  assert.ok(vectors.vectors.length >= 3);
  for (const { name, base64, sha256 } of vectors.vectors) {
    const bytes = Buffer.from(base64, "base64");
    const body = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    assert.equal(await worker.sri(body), sha256, name);
  }
});
