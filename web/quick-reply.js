// @ts-check
// A view's reply in the keystroke's own frame, through memory the page shares
// with the Python worker.
//
// Why: after a keystroke, Chromium holds a worker's message until it has drawn
// the keystroke's frame, so a preview that comes by message is a frame late
// (benchmarks/note_typing.py: its echo-worker floor). A wake-up from
// Atomics.waitAsync is not held. So when the page is cross-origin isolated
// (the nginx config sends COOP and COEP: deploy/README.md), the worker also
// writes each reply here and wakes the page, which shows whichever comes
// first: this or the message. Python still runs only in the worker, and the
// page's thread never blocks. Without isolation or Atomics.waitAsync, or for a
// reply too large for the buffer, the message delivers it as before.
//
// Layout: a header of Int32 [version, id, byte length], then the reply's JSON
// in UTF-8. The version is a sequence lock: odd while the worker writes, so
// the page never takes a half-written reply. Length -1: the reply is not here
// (too large, or holding a lone surrogate, which UTF-8 cannot carry as it is).

const VERSION = 0;
const ID = 1;
const LENGTH = 2;
const HEADER_BYTES = 16;
const NOT_HERE = -1;
const LONE_SURROGATE = /\p{Cs}/u;

// Room for a panel of six notes with long drafts; anything larger comes by message.
export const REPLY_BUFFER_BYTES = 1 << 20;

/** @typedef {{control: Int32Array, bytes: Uint8Array}} ReplyChannel */

/**
 * The memory to share with the worker, or null where it cannot be shared
 * (the page is not cross-origin isolated) or waited on without blocking.
 * @param {number} [size] bytes for the reply
 * @returns {SharedArrayBuffer | null}
 */
export function replyBuffer(size = REPLY_BUFFER_BYTES) {
  if (!globalThis.crossOriginIsolated || typeof SharedArrayBuffer !== "function") return null;
  if (typeof (/** @type {any} */ (Atomics).waitAsync) !== "function") return null;
  return new SharedArrayBuffer(HEADER_BYTES + size);
}

/**
 * @param {SharedArrayBuffer} buffer
 * @returns {ReplyChannel}
 */
export function replyChannel(buffer) {
  return { control: new Int32Array(buffer, 0, 3), bytes: new Uint8Array(buffer, HEADER_BYTES) };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The worker's side: the reply to request `id`, as JSON text.
 * @param {ReplyChannel} channel
 * @param {number} id
 * @param {string} json
 */
export function writeReply({ control, bytes }, id, json) {
  const encoded = LONE_SURROGATE.test(json) ? null : encoder.encode(json); // encodeInto refuses shared memory
  const fits = encoded !== null && encoded.length <= bytes.length;
  Atomics.add(control, VERSION, 1); // odd: being written
  if (encoded && fits) bytes.set(encoded);
  Atomics.store(control, LENGTH, encoded && fits ? encoded.length : NOT_HERE);
  Atomics.store(control, ID, id);
  Atomics.add(control, VERSION, 1); // even: whole
  Atomics.notify(control, VERSION);
}

/**
 * The page's side: the JSON text of the reply to request `id`, once the
 * worker has written it; null when it cannot come this way (it is not here, a
 * later reply replaced it first, or `ms` passed): its message brings it.
 * Request ids only grow, and replies are written in that order.
 * @param {ReplyChannel} channel
 * @param {number} id
 * @param {number} ms
 * @returns {Promise<string | null>}
 */
export async function replyFor({ control, bytes }, id, ms) {
  const until = performance.now() + ms;
  for (;;) {
    const version = Atomics.load(control, VERSION);
    const written = Atomics.load(control, ID);
    if (version % 2 === 0 && written >= id) {
      const length = Atomics.load(control, LENGTH);
      if (written > id || length === NOT_HERE) return null;
      const copy = bytes.slice(0, length); // decoders refuse shared memory
      // Rewritten while copied (the worker went on to the next request): the
      // copy may be torn.
      return Atomics.load(control, VERSION) === version ? decoder.decode(copy) : null;
    }
    const left = until - performance.now();
    if (left <= 0) return null;
    const wait = /** @type {any} */ (Atomics).waitAsync(control, VERSION, version, left);
    if (wait.async) await wait.value;
  }
}
