// @ts-check
// The page side of the widget runtime: one small, generic module for every
// widget. It knows nothing of any one widget: it reads a widget's form into a
// state object, asks the Python worker for the view, and writes the view's
// outputs back as text (never as HTML). Widgets are found by their hooks:
//   [data-widget]    root; data-state = static | loading | ready | error
//   [name]           a control whose value is part of the state
//   [data-output]    a region the view fills; with a [name] too (a text area),
//                    a draft the reader may edit: filled from the view until they
//                    do, then theirs, sent in the state under its name
//   [data-action]    a button the runtime wires (ACTIONS below)
//   [data-role]      the runtime's own parts (status line, storage controls)
// It marks <html> for the rest of the page: data-widget-runtime = ready | error
// once Python started or failed, data-widgets-settled while no widget waits.
//
// Reading order: the worker, the state, storage, views (one function per
// view key), repeated rows, actions, mount (one function per job).

import {
  changesAround,
  draftKey,
  factGroup,
  FIRST_INTERVIEW,
  ID_ATTRIBUTES,
  interviewIds,
  interviewLabel,
  interviewSuffix,
  isMailto,
  linkedPieces,
  MAX_ROWS,
  newInterviewId,
  offeredFacts,
  readDraft,
  readerClock,
  renumberValue,
  rowCount,
  suggestedFacts,
} from "./runtime-helpers.js";

/** @typedef {import("./runtime-helpers.js").Link} Link */

// ------------------------------------------------------------ the contract
//
// The view (widgets/README.md; Python: widgets/base.py). Every key is optional.
/**
 * @typedef {{text: string, tone?: string, links?: Link[]}} ListItem
 * @typedef {string | ListItem[]} Output
 * @typedef {{filename: string, mime?: string, text: string}} Download
 * @typedef {object} View
 * @property {Record<string, Output>} [outputs]
 * @property {Record<string, string>} [links]
 * @property {Record<string, Download>} [downloads]
 * @property {Record<string, string>} [errors]
 * @property {Record<string, View[]>} [repeats]
 */
/**
 * The form's state: control name -> value (checkboxes are booleans).
 * @typedef {Record<string, string | boolean>} State
 */
/**
 * What the worker gets: the form's state and the reader's clock (runtime-helpers.js
 * readerClock: `_now`, `_tz`, and `_tz_changes` as [UTC time, minutes] pairs).
 * @typedef {Record<string, string | boolean | Array<[string, number]>>} RequestState
 */
// Messages between the page and web/widget-worker.js.
/**
 * @typedef {{type: "view", id: number, slot: number, widget: string, options: object, state: RequestState}} ViewRequest
 * @typedef {{view: View} | {error: string}} Reply
 * @typedef {{type: "result", id: number, json: string} | {type: "result", id: number, superseded: true}} Result
 *   json: the Reply as JSON text, parsed only by the page if the request is still waiting
 * @typedef {{type: "ready", boot?: string} | {type: "failed", error: string} | Result
 *   | {type: "snapshot-maker", attempt: number}
 *   | {type: "snapshot", state: string, error?: string}
 *   | {type: "snapshot-step", step: string}} WorkerMessage
 */

import { snapshotStore } from "./python-snapshot.js";
import { replyBuffer, replyChannel, replyFor } from "./quick-reply.js";

const STORAGE_PREFIX = "follow-up-guide:";
// The guide's own root path ("/careers/guide/"): this module lives in
// assets/widget-runtime/ under it. Draft keys carry it.
const SITE_PATH = new URL("../../", import.meta.url).pathname;
// Real failures (a missing or corrupt file, WebAssembly off) are reported by
// the worker within a second or two. A load that is merely slow is reported
// after this long, and the widget still goes live if the runtime arrives.
const SLOW_LOAD_MS = 12000;
// Once the worker is up, a view takes well under a second. One this late
// means the worker has died (crashed, out of memory, stopped by the browser):
// the page stops waiting, and the next page starts a new worker.
const VIEW_TIMEOUT_MS = 10000;
// How long a view request also listens for its reply through shared memory
// (quick-reply.js) before leaving it to the message alone.
const QUICK_REPLY_WAIT_MS = 2000;

// ---------------------------------------------------------------- the worker

/**
 * @typedef {object} Runtime
 * @property {Promise<void>} ready settles when the worker has started or failed
 * @property {(widget: string, options: object, state: RequestState, slot: number) => Promise<View | null>} view
 *   null: a newer request of the same slot (widget) replaced this one
 * @property {() => void} forgetSnapshot drops the started Python kept for later pages
 */

// A worker that stopped answering.
class WorkerStopped extends Error {}

/** @type {Runtime | null} */
let runtime = null;

// Tells the rest of the page that the runtime has started or failed.
/** @param {"ready" | "error"} state */
function announce(state) {
  document.documentElement.dataset.widgetRuntime = state;
  markSettled();
}

// <html data-widgets-settled> while no widget waits for Python: the runtime
// has started or failed, and each widget has had its first view or its error.
// What would compete with Python's start waits for it: the offline copy
// (offline.js) and the theme's search index (search-gate.js).
function markSettled() {
  const page = document.documentElement;
  const waiting =
    page.dataset.widgetRuntime === undefined || document.querySelector('[data-widget][data-state="loading"]');
  page.toggleAttribute("data-widgets-settled", !waiting);
}

/**
 * @param {HTMLElement} root
 * @param {"loading" | "ready" | "error"} state
 */
function setState(root, state) {
  root.dataset.state = state;
  markSettled();
}

// The worker web/widget-start.js started from the page's head, if it did
// (once: a later page of an instant-navigation session starts its own only
// when the first one has died), and what it said before this module ran.
/** @typedef {{worker: Worker, heard: Event[], release: () => void}} EarlyWorker */
/** @returns {EarlyWorker | undefined} */
function takeEarlyWorker() {
  const holder = /** @type {any} */ (globalThis);
  const early = holder.guideEarlyWorker;
  delete holder.guideEarlyWorker;
  holder.guideWorkerStarted = true; // widget-start.js, should it run later, starts none
  return early;
}

// One worker for the page session, started by the first page with a widget;
// instant navigation keeps this module, and so the worker, alive.
/** @returns {Runtime} */
function getRuntime() {
  if (runtime) return runtime;
  const early = takeEarlyWorker();
  if (!early) performance.mark("widget-runtime:start"); // for the benchmarks
  const worker =
    early?.worker ||
    new Worker(new URL("./widget-worker.js", import.meta.url), {
      type: "module",
      name: "follow-up-guide-python",
    });
  /** @type {Map<number, {resolve: (view: View | null) => void, reject: (error: Error) => void, timer?: number}>} */
  const pending = new Map();
  let started = false;
  let stopped = false;
  let nextId = 1;
  // Memory shared with the worker, on a cross-origin isolated page: a reply
  // shown from it is drawn with the keystroke, not a frame later.
  const shared = replyBuffer();
  const quick = shared && replyChannel(shared);
  if (shared) worker.postMessage({ type: "reply-channel", buffer: shared });
  /** @type {{resolve: () => void, reject: (error: Error) => void}} */
  let settle = { resolve() {}, reject() {} };
  /** @type {Promise<void>} */
  const ready = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  ready.catch(() => {}); // failures are shown by each widget, not thrown
  /** @param {string} reason @param {boolean} [afterStart] */
  const fail = (reason, afterStart = false) => {
    const error = () => (afterStart ? new WorkerStopped(reason) : new Error(reason));
    settle.reject(error());
    for (const { reject, timer } of pending.values()) {
      clearTimeout(timer);
      reject(error());
    }
    pending.clear();
  };
  // The snapshot maker (web/snapshot-maker.js), started here when the worker
  // asks and stopped when it tells the snapshot's fate: a worker started by
  // the Python worker itself could, in Firefox under load, stall it for good.
  /** @type {Worker | null} */
  let maker = null;
  const stopMaker = () => {
    maker?.terminate();
    maker = null;
  };
  /** @param {number} attempt the worker's attempt it serves */
  const startMaker = (attempt) => {
    stopMaker();
    /** @param {string} error */
    const cannot = (error) => worker.postMessage({ type: "snapshot-maker-failed", attempt, error });
    /** @type {Worker} */
    let started;
    try {
      started = new Worker(new URL("./snapshot-maker.js", import.meta.url), {
        type: "module",
        name: "follow-up-guide-python-snapshot",
      });
    } catch (error) {
      return cannot(`the snapshot maker could not be started: ${/** @type {Error} */ (error).message}`);
    }
    maker = started;
    // It reports to the Python worker directly, through a channel of their own.
    const channel = new MessageChannel();
    started.postMessage({ type: "report-to" }, [channel.port1]);
    worker.postMessage({ type: "snapshot-maker", attempt, port: channel.port2 }, [channel.port2]);
    started.addEventListener("error", (event) => {
      event.preventDefault();
      cannot(event.message || "the snapshot maker failed to start");
    });
  };
  // The worker died after it started: forget it, so the next page's widgets
  // start a new one; this page's widgets say so and keep what was typed.
  /** @param {string} reason */
  const stop = (reason) => {
    if (stopped) return;
    stopped = true;
    if (runtime === self) runtime = null;
    worker.terminate();
    stopMaker();
    fail(reason, true);
  };
  /** @type {{[T in WorkerMessage["type"]]: (message: Extract<WorkerMessage, {type: T}>) => void}} */
  const onMessage = {
    ready(message) {
      started = true;
      performance.mark("widget-runtime:ready");
      // How Python started ("snapshot": restored, web/python-snapshot.js), for tests and benchmarks.
      document.documentElement.dataset.pythonBoot = message.boot || "fresh";
      settle.resolve();
      announce("ready");
    },
    failed(message) {
      fail(message.error);
      announce("error");
    },
    "snapshot-maker"(message) {
      startMaker(message.attempt);
    },
    snapshot(message) {
      stopMaker(); // its work is done, or given up
      // What became of the snapshot, and why not, for tests (the error first:
      // a test waits on the state).
      const root = document.documentElement.dataset;
      if (message.error) root.pythonSnapshotError = message.error;
      else delete root.pythonSnapshotError;
      root.pythonSnapshot = message.state;
    },
    "snapshot-step"(message) {
      document.documentElement.dataset.pythonSnapshotStep = message.step;
    },
    result(message) {
      answer(message.id, "superseded" in message ? null : message.json);
    },
  };
  // A reply comes by message and, on an isolated page, through shared memory
  // too: the first one settles the request; the other finds nothing pending,
  // and its text is never parsed.
  /** @param {number} id @param {string | null} json the Reply as JSON; null: a newer request of its slot replaced it */
  const answer = (id, json) => {
    const request = pending.get(id);
    pending.delete(id);
    if (!request) return;
    clearTimeout(request.timer);
    if (json === null) return request.resolve(null);
    /** @type {Reply} */
    let reply;
    try {
      reply = JSON.parse(json);
    } catch (error) {
      return request.reject(/** @type {Error} */ (error));
    }
    if ("error" in reply && reply.error) request.reject(new Error(reply.error));
    else request.resolve(/** @type {{view: View}} */ (reply).view);
  };
  /** @param {MessageEvent} event */
  const hear = ({ data }) => {
    const message = /** @type {WorkerMessage} */ (data);
    if (Object.hasOwn(onMessage, message.type)) onMessage[message.type](/** @type {any} */ (message));
  };
  /** @param {ErrorEvent} event */
  const fault = (event) => {
    event.preventDefault();
    if (started) return stop("it stopped working");
    announce("error");
    fail(event.message || "a file it needs could not be loaded (widget-worker.js)");
  };
  worker.addEventListener("message", hear);
  worker.addEventListener("error", fault);
  if (early) {
    // What the early-started worker said before this module ran, in order.
    early.release();
    for (const event of early.heard) {
      if (event instanceof MessageEvent) hear(event);
      else fault(/** @type {ErrorEvent} */ (event));
    }
  }
  /** @type {Runtime} */
  const self = {
    ready,
    view(widget, options, state, slot) {
      if (stopped) return Promise.reject(new WorkerStopped("it stopped working"));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // Timed from when the worker is up: requests made while it loads wait.
        // A start that failed, even before this request (a failure the early
        // worker reported before the runtime took it over), fails it.
        ready.then(
          () => {
            const request = pending.get(id);
            if (request) request.timer = setTimeout(() => stop("it stopped responding"), VIEW_TIMEOUT_MS);
          },
          (error) => {
            pending.delete(id);
            reject(error);
          },
        );
        /** @type {ViewRequest} */
        const request = { type: "view", id, slot, widget, options, state };
        worker.postMessage(request);
        if (quick && started) {
          replyFor(quick, id, QUICK_REPLY_WAIT_MS).then((json) => {
            if (json === null || !pending.has(id)) return;
            const holder = /** @type {any} */ (globalThis);
            holder.guideQuickReplies = (holder.guideQuickReplies || 0) + 1; // for the tests
            answer(id, json);
          });
        }
      });
    },
    forgetSnapshot() {
      worker.postMessage({ type: "forget-snapshot" });
      stopMaker();
      // Also from here, should the worker be gone.
      if (typeof caches === "object") snapshotStore(import.meta.url, "").forget().catch(() => {});
    },
  };
  runtime = self;
  return runtime;
}

// --------------------------------------------------------------- the state

/** @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} Control */

/**
 * @param {ParentNode} root
 * @returns {NodeListOf<Control>}
 */
function controls(root) {
  return root.querySelectorAll("input[name], select[name], textarea[name]");
}

/** @param {Control} el */
const isToggle = (el) => el.type === "checkbox" || el.type === "radio";

// ------------------------------------------------------------------ drafts
//
// A draft is a control that is also an output ([data-output][name]): the view
// fills it until the reader types in it (data-edited), and from then on it is
// theirs: sent in the state under its name, never overwritten by a view, and
// kept in the saved draft like any field. A draft inside a repeated output
// item may be saved before its item exists (a reload), or outlive it (the
// view takes the item away): it waits in pendingDrafts until the view adds
// the item.

/** @param {Element} el */
const isDraft = (el) => el.hasAttribute("data-output") && el.hasAttribute("name");

/** @type {WeakMap<Element, Record<string, string>>} widget root -> saved drafts whose item is not shown yet */
const pendingDrafts = new WeakMap();
/** @type {WeakMap<Element, string>} draft -> the reader's text before "Rewrite from the form" */
const rewritten = new WeakMap();

// Fills a draft from the view unless the reader has edited it; the text is
// also its default value, so it shows in the DOM (and a form reset keeps it).
// A reader already in the draft (clicked in, or its text selected to copy)
// when a late view rewrites it keeps the caret or selection where it was; a
// selection of the whole text stays the whole text.
/**
 * @param {HTMLTextAreaElement | HTMLInputElement} el
 * @param {string} text
 */
function fillDraft(el, text) {
  if (el.dataset.edited) return;
  const before = el === document.activeElement && el.value !== text ? caretOf(el) : null;
  if (el.defaultValue !== text) el.defaultValue = text; // sets the value too, unless the control was typed in
  if (el.value !== text) el.value = text;
  if (before) {
    const [start, end] = before.all ? [0, text.length] : [before.start, before.end].map((at) => Math.min(at, text.length));
    el.setSelectionRange(start, end, before.direction);
  }
  fitHeight(el);
}

/**
 * Where the caret or selection of a focused text control is; null when the
 * control has none (not a text field).
 * @param {HTMLTextAreaElement | HTMLInputElement} el
 */
function caretOf(el) {
  const { selectionStart: start, selectionEnd: end, selectionDirection } = el;
  if (start === null || end === null) return null;
  /** @type {"forward" | "backward"} */
  const direction = selectionDirection === "backward" ? "backward" : "forward";
  return { start, end, direction, all: start === 0 && end === el.value.length && end > 0 };
}

// Browsers without CSS field-sizing: the text area grows to its text.
/** @param {Element} el */
function fitHeight(el) {
  if (!(el instanceof HTMLTextAreaElement) || CSS.supports("field-sizing", "content")) return;
  el.style.height = "auto";
  el.style.height = `${el.scrollHeight + 2}px`;
}

// Saved drafts for items the view has not added yet wait; those whose control
// exists are marked as the reader's.
/**
 * @param {Element} root
 * @param {Record<string, unknown>} state
 */
function restoreDrafts(root, state) {
  /** @type {Record<string, string>} */
  const waiting = {};
  for (const [name, value] of Object.entries(state)) {
    if (typeof value !== "string") continue;
    const el = root.querySelector(`[name="${CSS.escape(name)}"]`);
    if (el && isDraft(el)) /** @type {HTMLElement} */ (el).dataset.edited = "true";
    else if (!el && /^[\w-]+\.\d+\.[\w-]+$/.test(name)) waiting[name] = value;
  }
  pendingDrafts.set(root, waiting);
}

// A repeated item the view has just added: its drafts the reader had saved.
/**
 * @param {Element} root
 * @param {Element} item
 */
function claimDrafts(root, item) {
  const waiting = pendingDrafts.get(root);
  if (!waiting) return;
  for (const el of /** @type {NodeListOf<Control>} */ (item.querySelectorAll("[data-output][name]"))) {
    if (!Object.hasOwn(waiting, el.name)) continue;
    el.value = waiting[el.name];
    el.dataset.edited = "true";
    delete waiting[el.name];
    fitHeight(el);
  }
}

// A repeated item the view takes away (a follow-up marked sent, a form that
// gives no plan for now): its edited drafts wait in pendingDrafts, still sent
// and saved, until the view adds the item again.
/**
 * @param {Element} root
 * @param {Element} item
 */
function keepDrafts(root, item) {
  const waiting = pendingDrafts.get(root) || {};
  for (const el of /** @type {NodeListOf<Control>} */ (item.querySelectorAll("[data-output][name]"))) {
    if (el.dataset.edited) waiting[el.name] = el.value;
  }
  pendingDrafts.set(root, waiting);
}

// The undo button of a draft, in the draft's scope.
/**
 * @param {Element} scope
 * @param {string} target
 */
function undoButtons(scope, target) {
  return scoped(scope, `[data-action="undo-rewrite"][data-target="${CSS.escape(target)}"]`);
}

/**
 * @param {Element} root
 * @returns {State}
 */
function readState(root) {
  /** @type {State} */
  const state = { ...(pendingDrafts.get(root) || {}) };
  for (const el of controls(root)) {
    if (isDraft(el) && !el.dataset.edited) continue; // the view's own text: nothing to send
    if (el.type === "checkbox") state[el.name] = /** @type {HTMLInputElement} */ (el).checked;
    else if (el.type === "radio") {
      if (/** @type {HTMLInputElement} */ (el).checked) state[el.name] = el.value;
    } else state[el.name] = el.value;
  }
  return state;
}

/**
 * @param {Element} root
 * @param {Record<string, unknown>} state
 */
function writeState(root, state) {
  for (const el of controls(root)) {
    if (!(el.name in state)) continue;
    const value = state[el.name];
    if (el.type === "checkbox") /** @type {HTMLInputElement} */ (el).checked = value === true;
    else if (el.type === "radio") /** @type {HTMLInputElement} */ (el).checked = el.value === value;
    else if (typeof value === "string") el.value = value;
  }
}

/** @param {Element} root */
function resetState(root) {
  shrinkRows(root);
  pendingDrafts.delete(root);
  for (const button of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('[data-action="undo-rewrite"]'))) {
    button.hidden = true;
  }
  for (const el of controls(root)) {
    delete el.dataset.edited;
    if (el instanceof HTMLInputElement && isToggle(el)) el.checked = el.defaultChecked;
    else if (el instanceof HTMLSelectElement) {
      for (const option of el.options) option.selected = option.defaultSelected;
    } else el.value = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (el).defaultValue;
  }
}

// ----------------------------------------------------------------- storage

/**
 * @param {"sessionStorage" | "localStorage"} kind
 * @returns {Storage | null}
 */
function probe(kind) {
  try {
    const store = window[kind];
    const key = `${STORAGE_PREFIX}probe`;
    store.setItem(key, "1");
    store.removeItem(key);
    return store;
  } catch {
    return null; // blocked by the browser's settings, or a sandboxed frame
  }
}

/**
 * @typedef {object} DraftStore
 * @property {string} key       the draft's key (in both storages)
 * @property {boolean} session  sessionStorage works here
 * @property {boolean} local    localStorage works here
 * @property {() => {remember: boolean, state: Record<string, string | boolean> | null, problem: boolean} | null} load
 *   the draft, checked; state null and problem true: what was stored could not be read and was discarded
 * @property {(state: State, remember: boolean) => boolean} save  false when it could not be stored
 *   (the last good copy is then kept)
 * @property {(tellOtherTabs?: boolean) => void} clear  here; and, told, in this guide's other tabs (see wireStorage)
 */

// Drafts live in sessionStorage (gone when the tab closes) unless the reader
// asks to be remembered on this device (localStorage).
/**
 * @param {string} widgetId
 * @returns {DraftStore}
 */
function draftStore(widgetId) {
  const key = draftKey(SITE_PATH, widgetId);
  const legacyKey = STORAGE_PREFIX + widgetId; // before drafts were scoped to the guide's path
  const session = probe("sessionStorage");
  const local = probe("localStorage");
  /** @type {[Storage | null, boolean][]} */
  const lookups = [
    [local, true],
    [session, false],
  ];
  /** @param {Storage | null} store @param {string} name */
  const read = (store, name) => {
    try {
      return store ? store.getItem(name) : null;
    } catch {
      return null;
    }
  };
  /** @param {Storage | null} store @param {string} name */
  const remove = (store, name) => {
    try {
      if (store) store.removeItem(name);
    } catch {
      /* nothing to remove */
    }
  };
  return {
    key,
    session: Boolean(session),
    local: Boolean(local),
    load() {
      let discarded = false;
      for (const [store, remember] of lookups) {
        for (const name of [key, legacyKey]) {
          const { state, problem } = readDraft(read(store, name));
          if (state) {
            if (name === legacyKey && store) {
              // Move it under the scoped key, if it fits.
              try {
                store.setItem(key, JSON.stringify(state));
                store.removeItem(legacyKey);
              } catch {
                /* kept where it was */
              }
            }
            return { remember, state, problem };
          }
          if (problem) {
            remove(store, name); // wrong shape: discard it, once, and say so
            discarded = true;
          }
        }
      }
      return discarded ? { remember: false, state: null, problem: true } : null;
    },
    save(state, remember) {
      const [keep, drop] = remember ? [local, session] : [session, local];
      if (!keep) return false;
      try {
        keep.setItem(key, JSON.stringify(state));
      } catch {
        return false; // storage full: the other copy, if any, is kept
      }
      // Only once the new copy is stored does the other one go.
      remove(drop, key);
      return true;
    },
    clear(tellOtherTabs = true) {
      for (const store of [session, local]) {
        remove(store, key);
        remove(store, legacyKey);
      }
      // Tell this guide's other tabs (a storage event fires there).
      try {
        if (local && tellOtherTabs) {
          local.setItem(`${key}:cleared`, String(Date.now()));
          local.removeItem(`${key}:cleared`);
        }
      } catch {
        /* no other tab can be told */
      }
    },
  };
}

// ----------------------------------------------------------- shared facts
//
// A control with data-fact="<name>" holds a fact of the interview that the
// guide's other tools ask for too (your name, the company, the role, the
// date, time and type of the interview, the people). Typed once, it is
// offered in the others on this device: a tool fills its empty fact fields
// from them when it starts. Facts follow the drafts' rules (this tab only,
// unless the reader ticks "Remember on this device"), and "Clear my data"
// clears them too.
//
// People: the note builder's rows share interviewers.<n>.name/.title/.email
// (a group fills only when none of its rows was typed in, so one person's
// name never meets another's e-mail); a contact field names a fallback
// (data-fact-else="interviewers.0.name": the timeline's main contact is the
// first interviewer, unless a contact was typed in another tool).

/** @type {{id: string, store: DraftStore} | null} */
let shownFacts = null;
/** The current interview's facts. */
function factStore() {
  const id = currentInterview();
  if (shownFacts?.id !== id) shownFacts = { id, store: draftStore(`facts${interviewSuffix(id)}`) };
  return shownFacts.store;
}
// Stored with the facts: the names of the controls that held them in every
// tool ("contact_name" holds "contact"), so "Clear my data" finds each copy.
const FIELDS_KEY = "@fields";

/**
 * @param {Element} root
 * @returns {Control[]}
 */
function factControls(root) {
  return [...controls(root)].filter((el) => el.dataset.fact);
}

/**
 * The facts stored, as strings by name (anything else in storage is ignored),
 * and the control names that held them.
 * @returns {{remember: boolean, values: Record<string, string>, fields: Set<string>}}
 */
function loadFacts(facts = factStore()) {
  const saved = facts.load();
  /** @type {Record<string, string>} */
  const values = {};
  const fields = new Set();
  for (const [name, value] of Object.entries(saved?.state || {})) {
    if (typeof value !== "string" || !value) continue;
    if (name === FIELDS_KEY) value.split(" ").forEach((field) => fields.add(field));
    else values[name] = value;
  }
  return { remember: Boolean(saved?.remember), values, fields };
}

/** @param {Control} el */
const factLabel = (el) => el.labels?.[0]?.textContent?.trim() || el.name;

/** @param {Control} el */
const blank = (el) => !el.dataset.edited && !el.value;

/**
 * Fill the fact fields nobody has typed in (nor restored a draft into).
 * @param {MountedWidget} widget
 */
function offerFacts(widget) {
  const { values } = loadFacts();
  // A group of rows is filled whole, and only if none of its rows was typed in.
  const typedGroups = new Set();
  for (const list of repeatLists(widget.root)) {
    const group = list.dataset.repeat || "";
    if (!factControls(list).every(blank)) typedGroups.add(group);
    else while (rows(list).length < rowCount(values, group)) addRow(list);
  }
  const fields = factControls(widget.root).filter((el) => !typedGroups.has(factGroup(el.dataset.fact || "")));
  const offered = offeredFacts(
    values,
    fields.map((el) => ({ fact: el.dataset.fact || "", fallback: el.dataset.factElse })),
  );
  const filled = new Set();
  fields.forEach((el, i) => {
    const value = offered[i];
    if (el.dataset.edited || value === undefined || value === el.value) return;
    if (el instanceof HTMLSelectElement && ![...el.options].some((o) => o.value === value)) return;
    el.value = value;
    filled.add(factLabel(el));
  });
  if (filled.size) {
    widget.note.textContent = `Filled in from your other tools on this device: ${[...filled].join("; ")}.`;
    saveDraft(widget);
    // Its draft now holds copies: "Clear my data" must know their names.
    const stored = loadFacts();
    for (const el of fields) stored.fields.add(el.name);
    factStore().save({ ...stored.values, [FIELDS_KEY]: [...stored.fields].join(" ") }, stored.remember);
  }
}

/** @type {WeakMap<Element, Map<string, HTMLDataListElement>>} widget root -> its suggestion lists, by data-suggest */
const suggestionLists = new WeakMap();

/**
 * A person's name field ([data-suggest]) suggests, as the reader types, the
 * people of this interview typed in the other tools and not already in this
 * one (a <datalist>; values set as text).
 * @param {MountedWidget} widget
 */
function suggestPeople(widget) {
  const { root } = widget;
  const fields = /** @type {NodeListOf<HTMLInputElement>} */ (root.querySelectorAll("input[data-suggest]"));
  if (!fields.length) return;
  const { values } = loadFacts();
  const lists = suggestionLists.get(root) || new Map();
  suggestionLists.set(root, lists);
  const typed = [...fields].map((el) => el.value);
  for (const el of fields) {
    const patterns = el.dataset.suggest || "";
    let list = lists.get(patterns);
    if (!list) {
      list = document.createElement("datalist");
      list.id = `${el.id}-people`;
      root.append(list);
      lists.set(patterns, list);
    }
    const names = suggestedFacts(values, patterns.split(" "), typed);
    if (JSON.stringify(names) !== JSON.stringify([...list.options].map((o) => o.value))) {
      list.replaceChildren(
        ...names.map((name) => {
          const option = document.createElement("option");
          option.value = name;
          return option;
        }),
      );
    }
    el.setAttribute("list", list.id);
  }
}

/**
 * "Clear my data": the shared facts of every interview, and their copies in
 * every tool's draft kept in this browser, are removed (the other tools' own
 * answers for the first interview stay); so is every other interview, in
 * every tool, and the tab is back on the first.
 * @param {MountedWidget} widget
 */
function forgetFacts(widget) {
  /** @type {Set<string>} */
  const names = new Set();
  for (const el of factControls(widget.root)) names.add(el.name);
  for (const id of knownInterviews()) {
    const facts = draftStore(`facts${interviewSuffix(id)}`);
    const stored = loadFacts(facts);
    for (const name of [...Object.keys(stored.values), ...stored.fields]) names.add(name);
    facts.clear();
  }
  setCurrentInterview(FIRST_INTERVIEW);
  for (const kind of /** @type {const} */ (["sessionStorage", "localStorage"])) {
    const store = probe(kind);
    if (!store) continue;
    for (const key of Object.keys(store)) {
      if (!key.startsWith(STORAGE_PREFIX)) continue;
      if (interviewIds([key], GUIDE_KEYS).length > 1) {
        store.removeItem(key); // a draft of another interview: the interview is gone
        continue;
      }
      try {
        const draft = JSON.parse(store.getItem(key) || "null");
        if (!draft || typeof draft !== "object") continue;
        const kept = Object.fromEntries(Object.entries(draft).filter(([name]) => !names.has(name)));
        store.setItem(key, JSON.stringify(kept));
      } catch {
        /* not a draft of ours */
      }
    }
  }
}

/** @param {MountedWidget} widget */
function saveFacts(widget) {
  const { values, fields } = loadFacts();
  const mine = factControls(widget.root);
  // This tool's rows are the group's rows now: a removed row's facts go.
  const groups = new Set(mine.map((el) => factGroup(el.dataset.fact || "")).filter(Boolean));
  for (const name of Object.keys(values)) if (groups.has(factGroup(name))) delete values[name];
  for (const el of mine) {
    const name = el.dataset.fact || "";
    if (el.value) values[name] = el.value;
    else delete values[name];
  }
  const facts = factStore();
  if (!Object.keys(values).length) facts.clear(); // nothing to share: nothing stored
  else {
    for (const el of mine) fields.add(el.name);
    facts.save({ ...values, [FIELDS_KEY]: [...fields].join(" ") }, widget.remember.checked);
  }
  const label = interviewLabel(values, 0, String);
  if (label !== shownLabels.get(widget)) showInterviews(widget); // its label follows the company, role and date
  shownLabels.set(widget, label);
}

/** @type {WeakMap<MountedWidget, string>} what the current interview's label was made of, as last saved */
const shownLabels = new WeakMap();

// -------------------------------------------------------------- interviews
//
// A reader with several interviews in progress keeps them apart. Each tool
// shows an "Interview" chooser and a "Start another interview" button (the
// frame's [data-role=interviews]); each interview has its own facts and its
// own draft in every tool (keys ending in ~<id>: runtime-helpers.js). The
// interview a tab shows is kept in its session storage, so every page of the
// guide in that tab shows the same one.

const GUIDE_KEYS = draftKey(SITE_PATH, "");
const CURRENT_KEY = draftKey(SITE_PATH, "interview");
// The interview this tab shows: kept in its session storage for the tab's
// next page load, and in memory while instant navigation keeps this module.
let shownInterview = FIRST_INTERVIEW;
try {
  const kept = window.sessionStorage.getItem(CURRENT_KEY);
  if (kept && /^[0-9a-z]{1,16}$/.test(kept)) shownInterview = kept;
} catch {
  /* the first, then */
}
/** @type {Set<MountedWidget>} the widgets mounted (those of pages left behind are dropped as found) */
const mountedWidgets = new Set();

/** @returns {string} */
function currentInterview() {
  return shownInterview;
}

/** @param {string} id */
function setCurrentInterview(id) {
  shownInterview = id;
  try {
    const session = probe("sessionStorage");
    if (session && id === FIRST_INTERVIEW) session.removeItem(CURRENT_KEY);
    else if (session) session.setItem(CURRENT_KEY, id);
  } catch {
    /* kept in memory */
  }
}

// The interviews this guide's storage holds something of.
function storedInterviews() {
  /** @type {string[]} */
  const keys = [];
  for (const kind of /** @type {const} */ (["sessionStorage", "localStorage"])) {
    const store = probe(kind);
    if (store) keys.push(...Object.keys(store));
  }
  return interviewIds(keys, GUIDE_KEYS);
}

// ... and the one shown (just started, it may hold nothing yet).
function knownInterviews() {
  const ids = storedInterviews();
  const current = currentInterview();
  return ids.includes(current) ? ids : [...ids, current];
}

/** @type {Map<string, Intl.DateTimeFormat>} */
const dayFormats = new Map();
/**
 * "2027-03-04" as the guide writes dates (mkdocs.yml extra.dates, the widgets'
 * date_style option): "4 Mar 2027", or "Mar 4, 2027" for month-day.
 * @param {string} iso
 * @param {string} [order] "day-month" (the guide's default) or "month-day"
 */
function formatDay(iso, order) {
  const day = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return iso;
  const locale = order === "month-day" ? "en-US" : "en-GB"; // English names, as widgets/dates.py writes them
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    dayFormats.set(locale, format);
  }
  return format.format(day);
}

/**
 * Each interview's id and label.
 * @param {string} [order] the guide's date order
 * @returns {Array<[string, string]>}
 */
function interviewChoices(order) {
  const seen = new Set();
  return knownInterviews().map((id, i) => {
    const values = loadFacts(draftStore(`facts${interviewSuffix(id)}`)).values;
    let label = interviewLabel(values, i + 1, (iso) => formatDay(iso, order));
    if (seen.has(label)) label = `${label} (interview ${i + 1})`;
    seen.add(label);
    return [id, label];
  });
}

/** @type {WeakMap<Element, string>} chooser -> the choices it shows */
const shownChoices = new WeakMap();

// The chooser, as storage has it (labels written as text).
/** @param {MountedWidget} widget */
function showInterviews(widget) {
  const { chooser } = widget;
  if (!chooser) return;
  const style = /** @type {{date_style?: {order?: string}}} */ (widget.options).date_style;
  const choices = interviewChoices(style?.order);
  const current = currentInterview();
  const signature = JSON.stringify([choices, current]);
  if (shownChoices.get(chooser) === signature) return;
  shownChoices.set(chooser, signature);
  chooser.replaceChildren(
    ...choices.map(([id, label]) => {
      const option = document.createElement("option");
      option.value = id;
      option.textContent = label;
      option.selected = id === current;
      return option;
    }),
  );
}

// A widget shows the current interview: its own draft of it, and its facts.
/** @param {MountedWidget} widget */
function loadInterview(widget) {
  widget.unsaved = null; // saved by the caller, or cleared: never into this interview
  widget.store = draftStore(widget.draftId + interviewSuffix(currentInterview()));
  resetState(widget.root);
  widget.note.textContent = "";
  restoreDraft(widget);
  offerFacts(widget);
  suggestPeople(widget);
  showInterviews(widget);
  refresh(widget);
}

// Every widget of the page moves to the interview. What was typed and not
// saved yet (a keystroke waiting for its view) is saved first, into the
// interview it was typed for: nothing is lost.
/** @param {string} id */
function showInterview(id) {
  for (const widget of mountedWidgets) saveTyped(widget);
  setCurrentInterview(id);
  for (const widget of [...mountedWidgets]) {
    if (widget.root.isConnected) loadInterview(widget);
    else mountedWidgets.delete(widget);
  }
}

/** @param {MountedWidget} widget */
function wireInterviews(widget) {
  const { root, chooser } = widget;
  const box = /** @type {HTMLElement | null} */ (root.querySelector('[data-role="interviews"]'));
  const start = root.querySelector('[data-role="new-interview"]');
  if (!box || !chooser || !start) return;
  box.hidden = false;
  /** @param {string} text */
  const tell = (text) => {
    const note = root.querySelector('[data-role="interview-note"]');
    if (note) note.textContent = text;
  };
  chooser.addEventListener("change", () => {
    showInterview(chooser.value);
    tell(`Now showing ${chooser.selectedOptions[0]?.textContent || "this interview"}. Your other interviews are kept.`);
  });
  start.addEventListener("click", () => {
    for (const each of mountedWidgets) saveTyped(each);
    const id = newInterviewId(knownInterviews(), Date.now());
    // What is about the reader (their name), not the interview, comes along.
    const carried = Object.fromEntries(
      factControls(root)
        .filter((el) => el.hasAttribute("data-fact-reader") && el.value)
        .map((el) => [el.dataset.fact || "", el.value]),
    );
    if (Object.keys(carried).length) draftStore(`facts${interviewSuffix(id)}`).save(carried, widget.remember.checked);
    showInterview(id);
    tell(
      `Started interview ${chooser.options.length}: this form is ready for it. ` +
        "Your other interviews are kept: choose one under “Interview” to go back.",
    );
  });
}

// ------------------------------------------------------------------ views
//
// A view is {outputs, links, downloads, errors, repeats}; every part is
// optional, and each has its function below. Text is written as text. A
// scope is the widget's root, or one repeated output item inside it.

/** @type {WeakMap<Element, Record<string, Download>>} scope -> downloads of its view */
const lastDownloads = new WeakMap();
/** @type {WeakMap<Element, string>} list output element -> the items it shows */
const shownLists = new WeakMap();

// The elements of a scope, leaving out those that belong to a repeated item
// nested inside it.
/**
 * @param {Element} scope
 * @param {string} selector
 * @returns {HTMLElement[]}
 */
function scoped(scope, selector) {
  const owner = scope.matches("[data-repeat-item]") ? scope : null;
  return [.../** @type {NodeListOf<HTMLElement>} */ (scope.querySelectorAll(selector))].filter(
    (el) => el.closest("[data-repeat-item]") === owner,
  );
}

/**
 * @param {Element} scope
 * @param {string} attribute
 * @param {string} name
 */
function byName(scope, attribute, name) {
  return scoped(scope, `[${attribute}="${CSS.escape(name)}"]`);
}

/**
 * @param {Element} scope
 * @param {View} view
 */
function applyView(scope, view) {
  applyOutputs(scope, view.outputs || {});
  applyLinks(scope, view.links || {});
  applyDownloads(scope, view.downloads);
  applyErrors(scope, view.errors || {});
  applyRepeats(scope, view.repeats || {});
}

// outputs: [data-output=name] gets the text, or a list of <li> items.
// Unchanged outputs are left alone, so a live region speaks only when its
// content really changes.
/**
 * @param {Element} scope
 * @param {Record<string, Output>} outputs
 */
function applyOutputs(scope, outputs) {
  for (const [name, value] of Object.entries(outputs)) {
    for (const el of byName(scope, "data-output", name)) {
      if (Array.isArray(value)) showList(el, value);
      else if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) fillDraft(el, String(value));
      else if (el.textContent !== String(value)) el.textContent = String(value);
    }
  }
}

/**
 * @param {HTMLElement} el
 * @param {ListItem[]} items
 */
function showList(el, items) {
  const signature = JSON.stringify(items);
  if (shownLists.get(el) === signature) return;
  shownLists.set(el, signature);
  el.replaceChildren(
    ...items.map((item) => {
      const li = document.createElement("li");
      appendLinkedText(li, item.text, item.links);
      if (item.tone) li.dataset.tone = item.tone;
      return li;
    }),
  );
}

// A list item's text, with each link's named piece linked if its address is
// relative (runtime-helpers.js linkedPieces has the rule).
/**
 * @param {HTMLElement} el
 * @param {string} text
 * @param {Link[]} [links]
 */
function appendLinkedText(el, text, links = []) {
  for (const piece of linkedPieces(text, links)) {
    if (piece.href === undefined) {
      el.append(piece.text);
      continue;
    }
    const a = document.createElement("a");
    a.href = piece.href;
    a.textContent = piece.text;
    el.append(a);
  }
}

// links: [data-link=name] gets the href. Only mail links: a view can never
// make a link run script.
/**
 * @param {Element} scope
 * @param {Record<string, string>} links
 */
function applyLinks(scope, links) {
  for (const [name, href] of Object.entries(links)) {
    for (const el of byName(scope, "data-link", name)) {
      if (isMailto(href)) el.setAttribute("href", href);
      else el.removeAttribute("href");
    }
  }
}

// downloads: kept for the scope's download buttons (ACTIONS.download).
/**
 * @param {Element} scope
 * @param {Record<string, Download> | undefined} downloads
 */
function applyDownloads(scope, downloads) {
  if (downloads) lastDownloads.set(scope, downloads);
}

// errors: [data-error-for=field] shows the message. A field is marked invalid
// once the reader has edited it, not on a fresh form (its message still
// shows, as guidance).
/**
 * @param {Element} scope
 * @param {Record<string, string>} errors
 */
function applyErrors(scope, errors) {
  for (const [field, message] of Object.entries(errors)) {
    for (const el of byName(scope, "data-error-for", field)) el.textContent = message || "";
    for (const control of scoped(scope, `[name="${CSS.escape(field)}"]`)) {
      if (message && control.dataset.edited) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }
}

// repeats: a repeated output (one note per interviewer...) is a container
// [data-output-repeat=name] holding a <template> and one [data-repeat-item]
// per item. Existing items are kept and refilled, so focus inside them
// survives an update.
/**
 * @param {Element} scope
 * @param {Record<string, View[]>} repeats
 */
function applyRepeats(scope, repeats) {
  for (const [name, items] of Object.entries(repeats)) {
    for (const container of byName(scope, "data-output-repeat", name)) applyRepeat(container, items);
  }
}

/**
 * @param {HTMLElement} container
 * @param {View[]} items
 */
function applyRepeat(container, items) {
  const template = /** @type {HTMLTemplateElement} */ (container.querySelector(":scope > template"));
  const current = [...container.querySelectorAll(":scope > [data-repeat-item]")];
  const root = container.closest("[data-widget]");
  while (current.length > items.length) {
    const gone = /** @type {Element} */ (current.pop());
    if (root) keepDrafts(root, gone);
    gone.remove();
  }
  const added = new Set();
  while (current.length < items.length) {
    const item = /** @type {Element} */ (template.content.firstElementChild?.cloneNode(true));
    // Its buttons need the runtime, which is here: show them.
    showButtons(item);
    container.append(item);
    current.push(item);
    added.add(item);
  }
  current.forEach((item, index) => {
    // Items are added and dropped at the end (a removed row's note is taken
    // out by followRemoval, which renumbers): only a new item needs numbers.
    if (added.has(item)) {
      renumber(item, container.dataset.outputRepeat || "", index);
      if (root) claimDrafts(root, item);
    }
    applyView(item, items[index]);
  });
}

// ------------------------------------------------------------ repeated rows
//
// Repeated inputs (interviewers...): [data-repeat=<group>] holds rows
// [data-repeat-row]; a row's controls are named <group>.<n>.<field> and its
// ids contain <group>-<n>-. Add and remove buttons renumber the rows.

/**
 * @param {Element} row
 * @param {string} group
 * @param {number} index
 */
function renumber(row, group, index) {
  for (const el of [row, ...row.querySelectorAll("*")]) {
    for (const attribute of ID_ATTRIBUTES) {
      const value = el.getAttribute(attribute);
      const renamed = value && renumberValue(value, group, index);
      if (renamed && renamed !== value) el.setAttribute(attribute, renamed);
    }
    if (el.hasAttribute("data-row-number") && el.textContent !== String(index + 1)) el.textContent = String(index + 1);
  }
}

/** @param {Element} list */
function rows(list) {
  return [...list.querySelectorAll(":scope > [data-repeat-row]")];
}

/**
 * @param {HTMLElement} list
 * @returns {Element} the new row
 */
function addRow(list) {
  const existing = rows(list);
  const last = existing[existing.length - 1];
  const row = /** @type {Element} */ (last.cloneNode(true));
  for (const el of /** @type {NodeListOf<Control>} */ (row.querySelectorAll("input, select, textarea"))) {
    if (el instanceof HTMLInputElement && isToggle(el)) el.checked = el.defaultChecked;
    else el.value = "";
    el.removeAttribute("aria-invalid");
  }
  for (const el of row.querySelectorAll("[data-error-for]")) el.textContent = "";
  last.after(row);
  renumber(row, list.dataset.repeat || "", existing.length);
  updateRemoveButtons(list);
  return row;
}

/**
 * @param {HTMLElement} list
 * @param {Element} row
 */
function removeRow(list, row) {
  if (rows(list).length <= 1) return;
  const index = rows(list).indexOf(row);
  row.remove();
  rows(list).forEach((r, i) => renumber(r, list.dataset.repeat || "", i));
  updateRemoveButtons(list);
  followRemoval(list, index);
}

// A repeated output that follows a group of rows ([data-follows=<group>]: one
// note per interviewer) loses the same item, so a draft the reader edited
// stays with its row, never shifting to the next person.
/**
 * @param {HTMLElement} list
 * @param {number} index
 */
function followRemoval(list, index) {
  const root = list.closest("[data-widget]");
  if (!root || index < 0) return;
  for (const container of /** @type {NodeListOf<HTMLElement>} */ (
    root.querySelectorAll(`[data-output-repeat][data-follows="${CSS.escape(list.dataset.repeat || "")}"]`)
  )) {
    const items = [...container.querySelectorAll(":scope > [data-repeat-item]")];
    if (items.length <= 1 || !items[index]) continue;
    items[index].remove();
    items.splice(index, 1);
    items.forEach((item, i) => renumber(item, container.dataset.outputRepeat || "", i));
  }
}

/** @param {Element} list */
function updateRemoveButtons(list) {
  const count = rows(list).length;
  for (const button of /** @type {NodeListOf<HTMLElement>} */ (list.querySelectorAll('[data-action="remove-row"]'))) {
    button.hidden = count <= 1;
  }
  // As many rows as the widget's Python reads: no more can be added.
  const add = list
    .closest("[data-widget]")
    ?.querySelector(`[data-action="add-row"][data-target="${CSS.escape(list.getAttribute("data-repeat") || "")}"]`);
  if (add instanceof HTMLButtonElement) add.disabled = count >= MAX_ROWS;
}

/** @param {Element} root */
function repeatLists(root) {
  return /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-repeat]"));
}

// Make as many rows as a saved state needs before writing it.
/**
 * @param {Element} root
 * @param {Record<string, unknown>} state
 */
function growRows(root, state) {
  for (const list of repeatLists(root)) {
    const count = rowCount(state, list.dataset.repeat || "");
    while (rows(list).length < count) addRow(list);
  }
}

/** @param {Element} root */
function shrinkRows(root) {
  for (const list of repeatLists(root)) {
    for (const row of rows(list).slice(1)) row.remove();
    updateRemoveButtons(list);
  }
}

// ----------------------------------------------------------------- actions
//
// A [data-action=NAME] button runs ACTIONS[NAME]; data-target names what it
// acts on. A button inside a repeated output item acts within that item.

/**
 * @typedef {object} ActionContext
 * @property {MountedWidget} widget
 * @property {HTMLElement} button
 * @property {Element} scope  the repeated output item holding the button, or the widget's root
 */

/** @type {Record<string, (context: ActionContext) => void | Promise<void>>} */
const ACTIONS = {
  "add-row"({ widget, button }) {
    const list = /** @type {HTMLElement} */ (
      widget.root.querySelector(`[data-repeat="${CSS.escape(button.dataset.target || "")}"]`)
    );
    if (rows(list).length >= MAX_ROWS) return;
    const row = addRow(list);
    /** @type {HTMLElement | null} */ (row.querySelector("input, select, textarea"))?.focus();
    changed(widget);
  },
  "remove-row"({ widget, button }) {
    const list = /** @type {HTMLElement} */ (button.closest("[data-repeat]"));
    const row = /** @type {Element} */ (button.closest("[data-repeat-row]"));
    const next = row.nextElementSibling || row.previousElementSibling;
    removeRow(list, row);
    /** @type {HTMLElement | null | undefined} */ (next?.querySelector("input, select, textarea"))?.focus();
    changed(widget);
  },
  async copy({ widget, button, scope }) {
    const [target] = byName(scope, "data-output", button.dataset.target || "");
    if (await copyText(shownText(target))) {
      say(widget, "Copied to the clipboard.");
    } else {
      selectContents(target);
      say(widget, "Copying was blocked: the text is selected, press Ctrl+C (or Cmd+C) to copy it.");
    }
  },
  async download({ widget, button, scope }) {
    await viewIsCurrent(widget); // a file of the text as shown, the last keystroke included
    const file = (lastDownloads.get(scope) || {})[button.dataset.target || ""];
    if (file) download(file);
  },
  // Prints only the target (data-target: a repeated output or an output),
  // one item per page: the print style hides everything off its path.
  print({ widget, button }) {
    const target = button.dataset.target
      ? byName(widget.root, "data-output-repeat", button.dataset.target)[0] ||
        byName(widget.root, "data-output", button.dataset.target)[0]
      : null;
    if (target) markPrintPath(target);
    window.print();
  },
  // A draft back to what the form says; its undo button brings the reader's text back.
  rewrite({ widget, button, scope }) {
    const target = button.dataset.target || "";
    const [draft] = byName(scope, "data-output", target);
    if (!(draft instanceof HTMLTextAreaElement || draft instanceof HTMLInputElement)) return;
    if (!draft.dataset.edited) {
      say(widget, "This draft already follows the form.");
      return;
    }
    rewritten.set(draft, draft.value);
    delete draft.dataset.edited;
    for (const undo of undoButtons(scope, target)) undo.hidden = false;
    say(widget, "Rewritten from the form. “Undo the rewrite” brings your own text back.");
    changed(widget);
  },
  "undo-rewrite"({ widget, button, scope }) {
    const target = button.dataset.target || "";
    const [draft] = byName(scope, "data-output", target);
    const text = draft && rewritten.get(draft);
    if (!(draft instanceof HTMLTextAreaElement || draft instanceof HTMLInputElement) || text === undefined) return;
    draft.value = text;
    draft.dataset.edited = "true";
    rewritten.delete(draft);
    fitHeight(draft);
    button.hidden = true;
    draft.focus();
    say(widget, "Your own text is back.");
    changed(widget);
  },
};

// What an output shows: a draft's current text, or an element's text.
/** @param {HTMLElement} el */
function shownText(el) {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : el.textContent || "";
}

// Resolves once the view of what is on screen now has been applied (links and
// files are built from the text the reader sees, the last keystroke included).
/** @param {MountedWidget} widget */
async function viewIsCurrent(widget) {
  let seen;
  while (seen !== widget.current) {
    seen = widget.current;
    await seen;
  }
}

// ------------------------------------------------------------------ print
//
// html[data-print-scope] with the target [data-print-target] and each of its
// ancestors [data-print-path]: the print style shows nothing else. Drafts
// print through a copy of their text (a text area would clip it).

/** @param {Element} target */
function markPrintPath(target) {
  clearPrintPath();
  target.setAttribute("data-print-target", "");
  for (let el = target.parentElement; el; el = el.parentElement) el.setAttribute("data-print-path", "");
  document.documentElement.dataset.printScope = "";
  writePrintCopies();
}

function clearPrintPath() {
  delete document.documentElement.dataset.printScope;
  for (const el of document.querySelectorAll("[data-print-target], [data-print-path]")) {
    el.removeAttribute("data-print-target");
    el.removeAttribute("data-print-path");
  }
}

function writePrintCopies() {
  for (const draft of /** @type {NodeListOf<HTMLTextAreaElement>} */ (
    document.querySelectorAll("[data-widget] textarea[data-output]")
  )) {
    let copy = draft.nextElementSibling;
    if (!copy || !copy.classList.contains("fug-widget__print-copy")) {
      copy = document.createElement("div");
      copy.className = "fug-widget__print-copy";
      copy.setAttribute("aria-hidden", "true");
      draft.after(copy);
    }
    copy.textContent = draft.value;
    draft.setAttribute("data-print-copied", "");
  }
}

addEventListener("beforeprint", writePrintCopies);
addEventListener("afterprint", clearPrintPath);

/** @param {Download} file */
function download(file) {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime || "text/plain" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * @param {string} text
 * @returns {Promise<boolean>} whether it was copied
 */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No Clipboard API here (an insecure page, a frame without permission):
    // fall back to a selection and the older copy command.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    let copied;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    area.remove();
    return copied;
  }
}

/** @param {Element} el */
function selectContents(el) {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    el.focus();
    el.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = getSelection();
  if (!selection) return;
  selection.removeAllRanges();
  selection.addRange(range);
}

// ------------------------------------------------------------------ mount
//
// mount() runs each job in turn on a MountedWidget, the one object that holds
// a widget's parts and what the runtime knows of it.

/**
 * @typedef {object} MountedWidget
 * @property {HTMLElement} root
 * @property {string} name          the widget's registry name (data-widget)
 * @property {object} options       the fence's options, as the build checked them
 * @property {string} draftId     its drafts' id (the page's source and its number)
 * @property {DraftStore} store   its draft of the interview shown
 * @property {HTMLSelectElement | null} chooser  the "Interview" chooser
 * @property {HTMLElement} status   the status line
 * @property {HTMLInputElement} remember  "Remember on this device"
 * @property {HTMLElement} note     the storage note
 * @property {Runtime} runtime
 * @property {boolean} live         a view has been shown
 * @property {number} latest        the ticket of the newest view asked for
 * @property {number} applied       the ticket of the newest view shown (or failed)
 * @property {Promise<void>} current  settles when the newest view asked for is shown
 * @property {number} slot          this widget's number, so the worker computes only its newest request
 * @property {State | null} unsaved  the form as last typed, while its saving waits for the view (changed)
 */

let nextSlot = 1;

/** @type {WeakSet<Element>} */
const mounted = new WeakSet();

/** @param {HTMLElement} root */
function mount(root) {
  mounted.add(root);
  // What the page left behind (instant navigation) still had to save is
  // saved first: this page's tools are offered the facts as last typed.
  for (const widget of mountedWidgets) saveTyped(widget);
  // A tab left on an interview that holds nothing (never typed in, or cleared
  // in another tab) is back on the first.
  if (!storedInterviews().includes(currentInterview())) setCurrentInterview(FIRST_INTERVIEW);
  const widget = widgetParts(root);
  mountedWidgets.add(widget);
  // Restore the draft before anything else, so what was typed is back at once.
  restoreDraft(widget);
  offerFacts(widget);
  suggestPeople(widget);
  showStorage(widget);
  showInterviews(widget);
  wireInterviews(widget);
  showButtons(root);
  for (const list of repeatLists(root)) updateRemoveButtons(list);
  widget.runtime = getRuntime();
  wireInputs(widget);
  wireStorage(widget);
  wireActions(widget);
  showLoading(widget);
  refresh(widget);
}

/**
 * @param {HTMLElement} root
 * @returns {MountedWidget}
 */
function widgetParts(root) {
  /** @param {string} role */
  const part = (role) => /** @type {HTMLElement} */ (root.querySelector(`[data-role="${role}"]`));
  const name = root.dataset.widget || "";
  const draftId = root.dataset.widgetId || name;
  return {
    root,
    name,
    options: JSON.parse(root.dataset.options || "{}"),
    draftId,
    store: draftStore(draftId + interviewSuffix(currentInterview())),
    chooser: /** @type {HTMLSelectElement | null} */ (root.querySelector('[data-role="interview"]')),
    status: part("status"),
    remember: /** @type {HTMLInputElement} */ (part("remember")),
    note: part("storage-note"),
    runtime: /** @type {Runtime} */ (/** @type {unknown} */ (null)), // set by mount, once the draft is back
    live: false,
    latest: 0,
    applied: 0,
    current: Promise.resolve(),
    slot: nextSlot++,
    unsaved: null,
  };
}

/**
 * @param {MountedWidget} widget
 * @param {string} text
 */
function say(widget, text) {
  widget.status.textContent = text;
}

/** @param {MountedWidget} widget */
function restoreDraft(widget) {
  const saved = widget.store.load();
  if (!saved) return;
  if (saved.problem) {
    widget.note.textContent = saved.state
      ? "Part of the draft saved in this browser could not be read, and was left out."
      : "A draft saved in this browser could not be read, so it was discarded.";
  }
  if (saved.state) showDraft(widget, saved.state, saved.remember);
}

// The form as a draft has it (restored, or saved by another tab).
/**
 * @param {MountedWidget} widget
 * @param {Record<string, string | boolean>} state
 * @param {boolean} remember
 */
function showDraft(widget, state, remember) {
  resetState(widget.root);
  growRows(widget.root, state);
  writeState(widget.root, state);
  for (const el of controls(widget.root)) {
    if (!isToggle(el) && !isDraft(el) && el.value) el.dataset.edited = "true";
  }
  restoreDrafts(widget.root, state);
  widget.remember.checked = remember;
}

// The storage controls, and what this browser allows.
/** @param {MountedWidget} widget */
function showStorage(widget) {
  const { store, remember, note } = widget;
  /** @type {HTMLElement} */ (widget.root.querySelector('[data-role="storage"]')).hidden = false;
  if (!store.local) {
    remember.disabled = true;
    note.textContent = "This browser won't let the page remember drafts on this device.";
  }
  if (!store.session && !store.local) {
    note.textContent = "This browser isn't letting the page store anything, so drafts won't be kept.";
  }
}

// Buttons need the runtime, which is here: show them.
/** @param {Element} scope */
function showButtons(scope) {
  // "Undo the rewrite" shows only after a rewrite.
  for (const button of /** @type {NodeListOf<HTMLElement>} */ (
    scope.querySelectorAll('[data-action]:not([data-action="undo-rewrite"])')
  )) {
    button.hidden = false;
  }
}

// The form into the draft store; a full store keeps the last good copy and says so.
/**
 * @param {MountedWidget} widget
 * @param {State} [state] the form as just read, when the caller has it
 * @returns {boolean} whether the draft was stored
 */
function saveDraft(widget, state = readState(widget.root)) {
  const { store, remember, note } = widget;
  const ok = store.save(state, remember.checked);
  if (!ok && (store.session || store.local)) {
    note.textContent =
      "Your latest changes could not be saved in this browser (its storage may be full). " +
      "The last saved copy is kept.";
  }
  return ok;
}

// Views asked for while the runtime loads wait in the worker's queue; the
// latest one wins, so what was typed meanwhile shows as soon as it is up.
/** @param {MountedWidget} widget */
function changed(widget) {
  const state = readState(widget.root);
  const shown = refresh(widget, state);
  // While Python loads, the draft is saved at once. Once the widget is live,
  // it is saved just after the view is shown (or superseded, or failed), in a
  // task of its own: a view that came through shared memory is drawn with the
  // keystroke, and saving adds nothing to that frame. Leaving the page saves
  // what is still waiting.
  widget.unsaved = state;
  if (widget.live) shown.finally(() => setTimeout(() => saveTyped(widget)));
  else saveTyped(widget);
}

/** @param {MountedWidget} widget */
function saveTyped(widget) {
  const state = widget.unsaved;
  if (!state) return;
  widget.unsaved = null;
  saveDraft(widget, state);
  saveFacts(widget);
}

/** @type {Array<[string, number]> | null} the local zone's offsets, worked out once per page */
let zoneChanges = null;

/**
 * @param {MountedWidget} widget
 * @param {State} [form] the form as just read, when the caller has it
 */
function refresh(widget, form) {
  widget.current = showView(widget, form);
  return widget.current;
}

/**
 * @param {MountedWidget} widget
 * @param {State} [form]
 */
async function showView(widget, form = readState(widget.root)) {
  const { root } = widget;
  const ticket = ++widget.latest;
  // The form, and the reader's clock (never stored with the draft).
  zoneChanges ??= changesAround(Date.now());
  const state = { ...form, ...readerClock(new Date(), zoneChanges) };
  try {
    const view = await widget.runtime.view(widget.name, widget.options, state, widget.slot);
    if (ticket !== widget.latest || !view) return; // a newer keystroke's view is on its way
    applyView(root, view);
    if (!widget.live || root.dataset.state === "error") {
      widget.live = true;
      setState(root, "ready");
      say(widget, "");
    }
  } catch (error) {
    if (ticket === widget.latest) showError(widget, /** @type {Error} */ (error));
  } finally {
    if (ticket === widget.latest) widget.applied = ticket;
  }
}

/**
 * @param {MountedWidget} widget
 * @param {Error} error
 */
function showError(widget, error) {
  setState(widget.root, "error");
  const what =
    error instanceof WorkerStopped
      ? "The interactive part of this tool stopped responding. Opening another page of the guide starts it again."
      : `The interactive part of this tool could not start: ${error.message}.`;
  say(widget, `${what} The form still works: fill it in, print it, and what you type is kept.`);
}

/** @param {MountedWidget} widget */
function wireInputs(widget) {
  // "input" fires for every kind of control, checkboxes and selects included.
  widget.root.addEventListener("input", (event) => {
    const target = /** @type {Control} */ (event.target);
    if (!target.name) return;
    target.dataset.edited = "true";
    if (isDraft(target)) {
      // Typing again in a rewritten draft: its old text is no longer one click away.
      rewritten.delete(target);
      for (const undo of undoButtons(target.closest("[data-repeat-item]") || widget.root, target.dataset.output || "")) {
        undo.hidden = true;
      }
      fitHeight(target);
    }
    changed(widget);
  });
}

/** @param {MountedWidget} widget */
function wireStorage(widget) {
  const { root, remember, note } = widget;
  // A draft still waiting for its view (changed) is saved when the reader leaves.
  window.addEventListener("pagehide", () => saveTyped(widget));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") saveTyped(widget);
  });
  remember.addEventListener("change", () => {
    widget.unsaved = null; // saved now, from the form as it is
    const stored = saveDraft(widget);
    saveFacts(widget);
    if (stored) {
      note.textContent = remember.checked
        ? "Your draft is remembered on this device until you clear it."
        : "Your draft is kept only until you close this tab.";
      return;
    }
    // Not stored where asked: the copy stays where it was, and the box says so.
    remember.checked = !remember.checked;
    note.textContent = remember.checked
      ? "Your draft could not be moved out of this device's storage: it is still remembered here."
      : "This browser could not remember your draft on this device (its storage may be full): " +
        "it is kept only until you close this tab.";
  });
  /** @type {HTMLElement} */ (root.querySelector('[data-role="clear"]')).addEventListener("click", () => {
    widget.unsaved = null; // nothing typed before the click is saved after it
    widget.store.clear();
    forgetFacts(widget); // the facts the tools share (name, company...) and every other interview: gone from all of them
    widget.store = draftStore(widget.draftId); // the first interview's, shown from now on
    widget.store.clear();
    for (const other of mountedWidgets) if (other !== widget && other.root.isConnected) loadInterview(other);
    showInterviews(widget);
    const told = root.querySelector('[data-role="interview-note"]');
    if (told) told.textContent = "";
    widget.runtime.forgetSnapshot(); // the started Python kept for later pages, too
    resetState(root);
    remember.checked = false;
    note.textContent =
      "Cleared: this tool keeps nothing in this browser now, and the guide's other tools no longer have " +
      "your name, company, role, interview details or the people you named, nor your other interviews.";
    refresh(widget);
  });
  // Other tabs of this guide: a remembered draft they save shows here too,
  // and "Clear my data" there clears here (this tab's own copy included).
  window.addEventListener("storage", (event) => {
    if (!root.isConnected || event.storageArea !== window.localStorage) return;
    if (event.key === `${widget.store.key}:cleared` && event.newValue !== null) {
      widget.unsaved = null;
      widget.store.clear(false);
      resetState(root);
      remember.checked = false;
      note.textContent = "Cleared in another tab: this tool keeps nothing in this browser now.";
      refresh(widget);
    } else if (event.key === widget.store.key && event.newValue !== null) {
      const { state } = readDraft(event.newValue);
      if (!state) return;
      showDraft(widget, state, true);
      refresh(widget);
    }
  });
}

/** @param {MountedWidget} widget */
function wireActions(widget) {
  const { root } = widget;
  // A mail link opened right after a keystroke waits for that keystroke's view.
  root.addEventListener("click", (event) => {
    const link = /** @type {HTMLAnchorElement | null} */ (/** @type {Element} */ (event.target).closest("a[data-link]"));
    if (!link || !root.contains(link) || widget.applied === widget.latest) return;
    event.preventDefault();
    viewIsCurrent(widget).then(() => {
      if (isMailto(link.href)) window.location.href = link.href;
    });
  });
  root.addEventListener("click", (event) => {
    const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest("[data-action]"));
    if (!button || !root.contains(button)) return;
    const action = button.dataset.action || "";
    if (!Object.hasOwn(ACTIONS, action)) return;
    const scope = button.closest("[data-repeat-item]") || root;
    ACTIONS[action]({ widget, button, scope });
  });
}

// "Loading" until the first view; "too long" after SLOW_LOAD_MS.
/** @param {MountedWidget} widget */
function showLoading(widget) {
  setState(widget.root, "loading");
  say(widget, "Loading the interactive version. You can start now: nothing you type will be lost.");
  // Slow is not broken (a slow phone, a busy machine): real failures are
  // reported by the worker; this only says it is still coming.
  const slow = setTimeout(() => {
    if (!widget.live && widget.root.dataset.state === "loading") {
      say(
        widget,
        "Still loading the interactive version: this can take a while on a slow connection or a busy " +
          "device. Keep going: nothing you type will be lost.",
      );
    }
  }, SLOW_LOAD_MS);
  widget.runtime.ready.finally(() => clearTimeout(slow)).catch(() => {});
}

function mountAll() {
  for (const root of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-widget]"))) {
    if (!mounted.has(root)) mount(root);
  }
}

// The build puts an async copy of this module's tag right after a page's
// first widget, so the runtime starts while the rest of the page still loads;
// the module runs once either way. Material's instant navigation swaps pages
// without a reload and announces each page on document$ (it exists once the
// theme's script has run, by DOMContentLoaded).
mountAll();
function followPageSwaps() {
  const pages = /** @type {{document$?: {subscribe?: (next: () => void) => void}}} */ (/** @type {unknown} */ (window))
    .document$;
  if (pages && typeof pages.subscribe === "function") {
    pages.subscribe(mountAll);
  } else {
    mountAll();
  }
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", followPageSwaps, { once: true });
} else {
  followPageSwaps();
}
