// Unit tests of the replies shared with the page (web/quick-reply.js): the
// worker's writes come from a real second thread here, as in the browser;
// tests/e2e/test_quick_reply.py runs it in Chromium behind the nginx headers.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Worker } from "node:worker_threads";

import { REPLY_BUFFER_BYTES, replyBuffer, replyChannel, replyFor, writeReply } from "../../web/quick-reply.js";

const MODULE = new URL("../../web/quick-reply.js", import.meta.url).href;

// A thread that writes the replies it is sent, as the Python worker does.
function writerThread(buffer) {
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    import(${JSON.stringify(MODULE)}).then(({ replyChannel, writeReply }) => {
      const channel = replyChannel(workerData);
      parentPort.on("message", ({ id, json, delay }) => {
        const until = Date.now() + (delay || 0);
        while (Date.now() < until) {} // Python computing
        writeReply(channel, id, json);
      });
      parentPort.postMessage("ready");
    });`;
  const thread = new Worker(source, { eval: true, workerData: buffer });
  return new Promise((resolve) => thread.once("message", () => resolve(thread)));
}

// Node, unlike a page, ends a test whose only pending work is an
// Atomics.waitAsync: a timer keeps it running while the page side waits.
function waitFor(channel, id, ms) {
  const alive = setInterval(() => {}, 10);
  return replyFor(channel, id, ms).finally(() => clearInterval(alive));
}

function isolated(run) {
  return async () => {
    globalThis.crossOriginIsolated = true;
    try {
      await run();
    } finally {
      delete globalThis.crossOriginIsolated;
    }
  };
}

test("no shared memory on a page that is not cross-origin isolated", () => {
  delete globalThis.crossOriginIsolated;
  assert.equal(replyBuffer(), null);
});

test(
  "a reply written by the worker's thread reaches the waiting page whole, hostile text and all",
  isolated(async () => {
    const buffer = replyBuffer();
    assert.ok(buffer instanceof SharedArrayBuffer);
    assert.ok(buffer.byteLength > REPLY_BUFFER_BYTES);
    const thread = await writerThread(buffer);
    const channel = replyChannel(buffer);
    try {
      const texts = [
        { view: { outputs: { body: "Dear Dr. Chen,\n\n<script>alert(1)</script> & 'quotes'" } } },
        { view: { outputs: { body: "مرحبا \u202e reversed 😀 line\u2028separator\u2029paragraph \u0000 nul" } } },
        { view: { outputs: { body: "x".repeat(200_000) } } },
        { error: "The form could not be read." },
      ];
      let id = 0;
      for (const reply of texts) {
        id += 1;
        const json = JSON.stringify(reply);
        const waiting = waitFor(channel, id, 5000);
        thread.postMessage({ id, json, delay: 5 });
        assert.equal(await waiting, json);
      }
    } finally {
      await thread.terminate();
    }
  }),
);

test(
  "a reply already written is read at once; one for an earlier request is not taken for it",
  isolated(async () => {
    const channel = replyChannel(replyBuffer());
    writeReply(channel, 3, '{"view":{}}');
    assert.equal(await waitFor(channel, 3, 0), '{"view":{}}');
    // Request 4 waits: 3's reply is no answer to it.
    assert.equal(await waitFor(channel, 4, 30), null);
    // Request 2 was passed over (superseded, or its reply overwritten): it says so at once.
    const started = performance.now();
    assert.equal(await waitFor(channel, 2, 5000), null);
    assert.ok(performance.now() - started < 1000);
  }),
);

test(
  "a reply too large for the buffer, or holding a lone surrogate, is left to the message",
  isolated(async () => {
    const channel = replyChannel(replyBuffer(64));
    writeReply(channel, 1, JSON.stringify({ view: { outputs: { body: "y".repeat(100) } } }));
    assert.equal(await waitFor(channel, 1, 5000), null);
    // Exactly the buffer's size still fits.
    const exact = `"${"z".repeat(62)}"`;
    writeReply(channel, 2, exact);
    assert.equal(await waitFor(channel, 2, 0), exact);
    // Raw in the JSON (Python writes it so): UTF-8 would turn it into
    // U+FFFD, so the message brings it as it is. Escaped, it is plain ASCII.
    writeReply(channel, 3, '"half a pair \ud83d here"');
    assert.equal(await waitFor(channel, 3, 5000), null);
    writeReply(channel, 4, '"half a pair \\ud83d here"');
    assert.equal(await waitFor(channel, 4, 0), '"half a pair \\ud83d here"');
  }),
);

test(
  "a reply being written (odd version) is never read half-written",
  isolated(async () => {
    const buffer = replyBuffer(64);
    const channel = replyChannel(buffer);
    const control = new Int32Array(buffer, 0, 3);
    writeReply(channel, 1, '"old"');
    // The worker is mid-way through writing reply 2: the page waits, then
    // takes the finished text.
    Atomics.add(control, 0, 1);
    Atomics.store(control, 1, 2);
    const waiting = waitFor(channel, 2, 5000);
    setTimeout(() => {
      Atomics.sub(control, 0, 1);
      writeReply(channel, 2, '"new"');
    }, 20);
    assert.equal(await waiting, '"new"');
  }),
);

test(
  "a wait that runs out gives null",
  isolated(async () => {
    const channel = replyChannel(replyBuffer());
    const started = performance.now();
    assert.equal(await waitFor(channel, 1, 40), null);
    assert.ok(performance.now() - started >= 35);
  }),
);
