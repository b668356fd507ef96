// @ts-check
// The Web Worker that runs the widgets' Python, off the page's main thread.
//
// One worker serves every widget of the page session. It starts Python
// (python-boot.js): restored from the snapshot kept in this browser
// (python-snapshot.js), or, without one, a normal start, after which, once the
// page is idle, a second worker (snapshot-maker.js) makes the snapshot for
// later pages. Then it answers view requests:
//   page -> worker  {type: "view", id, slot, widget, options, state}
//                   {type: "reply-channel", buffer}  (memory shared with the page)
//                   {type: "forget-snapshot"}  ("Clear my data")
//                   {type: "snapshot-maker", attempt, port}  (the maker it asked for, started)
//                   {type: "snapshot-maker-failed", attempt, error}  (it could not start)
//   worker -> page  {type: "ready", boot} | {type: "failed", error}
//                   {type: "result", id, json}  (the reply, {view} | {error}, as JSON text:
//                                               the page reads it only if still waiting)
//                   {type: "result", id, superseded: true}  (a newer request of the slot came)
//                   {type: "snapshot-maker", attempt}  (start one: the page does, see makeSnapshot)
//                   {type: "snapshot", state: "saved" | "failed" | "skipped", error?}
//                     (the page then stops the maker, if one runs)
//                   {type: "snapshot-step", step}  (what the snapshot waits for: for tests)
//   maker -> worker, through the port:
//                   {type: "step", step} (how far it got) | {type: "snapshot", ...} (snapshot-maker.js)
// boot says how Python started: "snapshot" (restored), "fresh", or
// "fresh-after-failed-snapshot". "skipped": no snapshot is made, as earlier
// attempts for this deployment failed (python-snapshot.js, ATTEMPTS).

import { BootFailure, messageOf, prepare, restore, startFresh } from "./python-boot.js";
import { replyChannel, writeReply } from "./quick-reply.js";

/** @typedef {import("./python-boot.js").SnapshotStore} SnapshotStore */
/** @typedef {import("./python-boot.js").ViewHandler} ViewHandler */
/**
 * A view request from the page (widget-runtime.js ViewRequest).
 * @typedef {{type: "view", id: number, slot?: number, widget: string, options: object, state: object}} ViewRequest
 */

// How long the page must be quiet before the snapshot maker starts.
const SNAPSHOT_IDLE_MS = 1500;
// An attempt that neither ends nor fails (seen in Firefox, under load) would
// hold a second interpreter, or the snapshot's 30 MB, for good: after this
// long it counts as a failure, naming the step it was stuck at. Generous: a
// normal start takes seconds even on a slow phone.
const SNAPSHOT_DEADLINE_MS = 120_000;
// Cache Storage that stops answering (seen in Firefox, under load) must not
// keep a failed attempt's fate from the page: counting the failure gets this
// long, then the fate is told anyway, saying it was not counted.
const STORAGE_WAIT_MS = 10_000;

let bootKind = "fresh";
/** @type {SnapshotStore | null} */
let store = null; // where this runtime's snapshot lives, if snapshots are possible
let snapshotWanted = false; // started normally, and earlier attempts did not fail: make a snapshot
/** @type {MessagePort | null} */
let makerPort = null; // how the snapshot maker reports to this worker, while it works
let attempt = 0; // the current snapshot attempt: a late answer of an earlier one is ignored
let step = ""; // what the current attempt waits for, for its failure message
/** @type {ReturnType<typeof setTimeout> | undefined} */
let deadline;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let idleTimer;
let forgotten = false; // "Clear my data" was pressed: keep nothing
// Where each reply is also written, on a cross-origin isolated page: the page
// shows it without waiting for the message (quick-reply.js).
/** @type {ReturnType<typeof replyChannel> | null} */
let quick = null;

// Marks (worker:*) let the benchmark see where start-up time goes.
/** @returns {Promise<ViewHandler>} */
async function boot() {
  let counted = true; // a failure of the snapshot, if any, is counted
  const started = await prepare();
  store = started.store;
  if (store) {
    try {
      const restored = await restore(started);
      if (restored) {
        bootKind = "snapshot";
        performance.mark("worker:snapshot-restored");
        return restored;
      }
    } catch (error) {
      if (error instanceof BootFailure) throw error;
      // Unreadable storage, a corrupt or foreign snapshot, the private API
      // changed: start as usual, drop it, and count the failure (a new one is
      // made after this start, unless too many failed: python-snapshot.js).
      const why = messageOf(error);
      console.warn("The saved Python snapshot could not be used; starting normally.", why);
      bootKind = "fresh-after-failed-snapshot";
      await store.drop().catch(() => {});
      // Storage that cannot even count a failure (refused, as in some private
      // windows) would refuse a snapshot too: none is made.
      counted = await store.failed(`not restored: ${why}`).then(
        () => true,
        () => false,
      );
    }
  }
  // Read while Python starts.
  const trying = store && counted ? store.worthTrying().catch(() => false) : Promise.resolve(false);
  const { handle } = await startFresh(started);
  snapshotWanted = await trying;
  return handle;
}

// Reported once the failure is counted: the next page already knows of it.
/**
 * @param {"saved" | "failed" | "skipped"} state
 * @param {string} [error]
 */
async function snapshotDone(state, error) {
  attempt++; // whatever the attempt still had under way is now ignored
  clearTimeout(deadline);
  makerPort?.close();
  makerPort = null;
  if (state === "failed" && store) {
    const failedStore = store;
    reach("the failure to be counted");
    const counting = (async () => {
      await failedStore.drop().catch(() => {});
      if (!forgotten) await failedStore.failed(error || "unknown").catch(() => {});
    })();
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const timeUp = new Promise((resolve) => {
      timer = setTimeout(resolve, STORAGE_WAIT_MS, "time up");
    });
    const outcome = await Promise.race([counting, timeUp]);
    clearTimeout(timer);
    if (outcome === "time up") {
      error = `${error || "unknown"}; not counted: storage did not answer in ${STORAGE_WAIT_MS / 1000} s`;
    }
  }
  postMessage(error ? { type: "snapshot", state, error } : { type: "snapshot", state });
}

// Told once per step: the idle wait is renewed after every view, while the reader types.
/** @param {string} what what the snapshot waits for now; the page shows it, for tests */
function reach(what) {
  if (what === step) return;
  step = what;
  postMessage({ type: "snapshot-step", step });
}

// The snapshot is made by a worker of its own, from an interpreter that has
// never computed a view: what a reader types never reaches a snapshot, not
// even as freed memory. Started when the page is quiet, so that neither the
// first views nor typing wait for it. The page starts it and hands this worker
// a port to it: in Firefox under load, a worker started from this one could
// stall this one for good, so that no view was answered any more.
function makeSnapshot() {
  snapshotWanted = false;
  const mine = ++attempt;
  reach("the snapshot maker to start");
  deadline = setTimeout(() => {
    if (mine === attempt) snapshotDone("failed", `waited ${SNAPSHOT_DEADLINE_MS / 1000} s for ${step}`);
  }, SNAPSHOT_DEADLINE_MS);
  postMessage({ type: "snapshot-maker", attempt: mine });
}

/**
 * What the maker says, through its port.
 * @param {MessagePort} port
 * @param {number} mine the attempt it serves
 */
function hearMaker(port, mine) {
  makerPort = port;
  port.addEventListener("message", async ({ data }) => {
    if (mine !== attempt || !data) return;
    if (data.type === "step") reach(String(data.step));
    if (data.type !== "snapshot") return; // its last word: snapshotDone closes the port
    if (!data.bytes || !store) return snapshotDone("failed", data.error);
    reach("the snapshot to be stored");
    try {
      await store.save(data.bytes);
      if (forgotten) throw new Error("cleared by the reader");
      if (mine === attempt) snapshotDone("saved");
    } catch (error) {
      // Quota, storage turned off...: the next page starts normally. After
      // "Clear my data", what was stored meanwhile is dropped.
      if (mine === attempt || forgotten) snapshotDone("failed", messageOf(error));
    }
  });
  port.start();
}

function whenIdleMakeSnapshot() {
  if (!snapshotWanted || forgotten) return;
  reach("the page to be idle");
  clearTimeout(idleTimer);
  idleTimer = setTimeout(makeSnapshot, SNAPSHOT_IDLE_MS);
}

const handlePromise = boot();
handlePromise.then(
  () => {
    postMessage({ type: "ready", boot: bootKind });
    if (bootKind === "snapshot") store?.restored().catch(() => {}); // it works: failures forgotten
    // Started normally, yet no snapshot wanted: earlier attempts failed.
    if (store && bootKind !== "snapshot" && !snapshotWanted) postMessage({ type: "snapshot", state: "skipped" });
    whenIdleMakeSnapshot();
  },
  (error) => {
    if (!(error instanceof BootFailure)) console.warn("The runtime failed to start:", error);
    const words = error instanceof BootFailure ? error.message : "Python could not start in this browser";
    postMessage({ type: "failed", error: words });
  },
);

// ------------------------------------------------ only the newest state
// A view is computed synchronously, so requests that arrive meanwhile wait in
// the queue. When typing outpaces Python (a slow phone, a long paste), only
// the newest request of each widget ("slot") is computed; older ones are
// answered {superseded: true} at once, and the page ignores them.
/** @type {ViewRequest[]} */
const queue = [];
let draining = false;

// Lets the messages posted during a computation arrive before the next one.
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * @param {number} id
 * @param {string} json
 */
function share(id, json) {
  if (!quick) return;
  try {
    writeReply(quick, id, json);
  } catch (error) {
    // The page has its replies by message alone, as without shared memory.
    console.warn("A view could not be shared with the page:", error);
    quick = null;
  }
}

async function drain() {
  if (draining) return;
  draining = true;
  try {
    let handle = null;
    let failure = null;
    try {
      handle = await handlePromise;
    } catch (error) {
      failure = messageOf(error);
    }
    while (queue.length) {
      await nextTask();
      const data = /** @type {ViewRequest} */ (queue.shift());
      if (data.slot !== undefined && queue.some((later) => later.slot === data.slot)) {
        postMessage({ type: "result", id: data.id, superseded: true });
        continue;
      }
      let json;
      try {
        if (failure || !handle) throw new Error(failure || "Python did not start");
        const request = { widget: data.widget, options: data.options, state: data.state };
        const worker = /** @type {any} */ (globalThis);
        worker.guideViewsComputed = (worker.guideViewsComputed || 0) + 1; // for the tests
        json = handle(JSON.stringify(request));
      } catch (error) {
        json = JSON.stringify({ error: messageOf(error) });
      }
      share(data.id, json);
      postMessage({ type: "result", id: data.id, json });
    }
  } finally {
    draining = false;
  }
  whenIdleMakeSnapshot(); // not while the reader types
}

addEventListener("message", ({ data }) => {
  if (data && data.type === "forget-snapshot") {
    forgotten = true;
    clearTimeout(idleTimer);
    attempt++; // a snapshot already handed over is dropped once kept (forgotten); the page stops the maker
    clearTimeout(deadline);
    makerPort?.close();
    makerPort = null;
    store?.forget().catch(() => {});
    return;
  }
  if (data && data.type === "snapshot-maker") {
    // A maker for an attempt that has ended meanwhile (its fate told, or the
    // reader's data cleared) is not heard: the page stops it.
    if (data.attempt === attempt) hearMaker(data.port, data.attempt);
    else data.port.close();
    return;
  }
  if (data && data.type === "snapshot-maker-failed") {
    if (data.attempt === attempt) snapshotDone("failed", String(data.error));
    return;
  }
  if (data && data.type === "reply-channel") {
    quick = replyChannel(data.buffer);
    return;
  }
  if (!data || data.type !== "view") return;
  queue.push(data);
  drain();
});
