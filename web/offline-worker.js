// @ts-check
// The guide's offline service worker: after a first visit, every page and
// every widget works with no network.
//
// build_tools/offline.py writes this file to the site's root (so its scope is
// the whole guide, under whatever sub-path it is hosted) with BUILD filled in:
//   {"offline": true, "version": V, "files": {URL: INTEGRITY, ...}, "later": [URL, ...]}
// where URL is relative to the site's root ("./", "timing/", "assets/..."),
// INTEGRITY is "sha256-<base64>" of the file as deployed, and V is a hash of
// them all. The "later" files (the Python runtime...) are never downloaded for
// the copy: they join it once the reader's own visit fetched them (from the
// browser's HTTP cache at install, or as they pass through this worker). With
// Save-Data on, nothing at all is downloaded for the copy. A new deployment is a byte-different worker, which the browser
// installs beside the old one. With mkdocs.yml extra.offline: false it is
//   {"offline": false}
// and the worker removes itself and this guide's caches (the off switch).
//
// How a new deployment replaces the old copy as a whole:
// - install: every file of the deployment is fetched (or taken from an older
//   copy when its hash is the same), checked against its hash, and only then
//   stored, in a cache named after V. One failure fails the install and
//   leaves no cache behind; the browser tries again on a later visit.
// - then skipWaiting: the new worker takes over at once. Pages opened (and
//   navigations made) from then on are served from the new copy, whole.
// - a page that is open during the switch (and every worker it starts) goes
//   on being served from the copy it was loaded from: on activation, each
//   open page and worker is "pinned" to that copy, which is kept until the
//   last of them is gone. It never mixes files of two deployments and is
//   never reloaded under the reader's fingers; a reload gives the new copy.
// - files outside the copy (none that a page needs) come from the network.

"use strict";

const BUILD = null; // filled in by build_tools/offline.py

/**
 * What build_tools/offline.py fills in (see the top of this file).
 * @typedef {object} Build
 * @property {boolean} offline
 * @property {string} [version] a hash of every file's hash: names this deployment's copy
 * @property {Record<string, string>} [files] path (relative to the site's root) -> integrity
 * @property {string[]} [later] files never downloaded for the copy, only kept once fetched
 * @property {string[]} [tool] what a tool's start fetches: joins the copy once a tool ran
 */
const build = /** @type {Build} */ (/** @type {unknown} */ (BUILD));
/**
 * Where a page or worker is served from (the pins, below).
 * @typedef {{cache: string, confirmed: boolean, at: number}} Pin
 * @typedef {{active: string | null, pins: Record<string, Pin>}} PinState
 * @typedef {{url: string, integrity: string}} ListedFile
 */
const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

const SCOPE = worker.registration.scope;
// Every cache of this guide is named SITE + something: two guides on one
// origin (two scopes) never touch each other's caches. A URL holds no space,
// so no scope's SITE is a prefix of another's.
const SITE = `follow-up-guide offline ${SCOPE} `;
const STATE = `${SITE}state`; // which open page or worker is served from which copy
const STATE_KEY = new URL("offline-worker-state.json", SCOPE).href;
// On every response from a copy: the deployment it belongs to.
const VERSION_HEADER = "X-Guide-Deployment";

// This deployment's copy ("" with the off switch, which keeps none).
const CURRENT = build.offline ? `${SITE}${build.version}` : "";

/** @param {string} name */
const ours = (name) => name.startsWith(SITE);

if (build.offline) {
  worker.addEventListener("install", (event) => {
    event.waitUntil(precache().then(() => worker.skipWaiting()));
  });
  worker.addEventListener("activate", (event) => event.waitUntil(activate()));
  worker.addEventListener("fetch", onFetch);
  worker.addEventListener("message", (event) => {
    if (event.data?.type === "keep-runtime") event.waitUntil(keepRuntime().catch(() => {}));
  });
} else {
  worker.addEventListener("install", (event) => event.waitUntil(worker.skipWaiting()));
  worker.addEventListener("activate", (event) => event.waitUntil(switchOff()));
}

// ------------------------------------------------------------------- install

const LATER = new Set((build.later || []).map((path) => new URL(path, SCOPE).href));
// Every file of the deployment, by absolute URL: its integrity.
const LISTED = new Map(Object.entries(build.files || {}).map(([path, hash]) => [new URL(path, SCOPE).href, hash]));

function saveData() {
  const connection = /** @type {{connection?: {saveData?: boolean}}} */ (worker.navigator).connection;
  return connection?.saveData === true;
}

async function precache() {
  const cache = await caches.open(CURRENT);
  // A copy with this name already holds exactly these files (the name is
  // their hash): keep what it has.
  const stored = new Set((await cache.keys()).map((request) => request.url));
  const missing = [...LISTED]
    .map(([url, integrity]) => ({ url, integrity }))
    .filter(({ url }) => !stored.has(url));
  const network = saveData() ? [] : missing.filter(({ url }) => !LATER.has(url));
  const ifHeld = missing.filter(({ url }) => saveData() || LATER.has(url));
  try {
    const older = (await caches.keys()).filter((name) => ours(name) && name !== CURRENT && name !== STATE);
    // Everything is fetched and checked before anything is stored.
    const responses = await Promise.all(network.map((file) => obtain(file, older)));
    // What the reader's visits already downloaded, at no cost: from an older
    // copy or the HTTP cache, never from the network.
    const held = await Promise.all(ifHeld.map((file) => alreadyHere(file, older)));
    await Promise.all(network.map(({ url }, i) => cache.put(url, responses[i])));
    await Promise.all(ifHeld.map(({ url }, i) => held[i] && cache.put(url, held[i])));
    if (!(await caches.has(CURRENT))) throw new Error("the offline copy was deleted while it was written");
  } catch (error) {
    await caches.delete(CURRENT);
    throw error;
  }
}

// A page says a tool ran there: the files a tool's start fetches (BUILD.tool)
// join the current copy, from the HTTP cache where they still are.
async function keepRuntime() {
  if (!(await caches.has(CURRENT))) return;
  const cache = await caches.open(CURRENT);
  for (const path of build.tool || []) {
    const url = new URL(path, SCOPE).href;
    if (await cache.match(url)) continue;
    const response = await fetch(url, { cache: "force-cache", integrity: LISTED.get(url) });
    if (response.ok && (await caches.has(CURRENT))) await cache.put(url, stamped(response, await response.arrayBuffer()));
  }
}

// One file from an older copy, when it is the same there.
/**
 * @param {ListedFile} file
 * @param {string[]} older the names of older copies
 */
async function fromOlder({ url, integrity }, older) {
  for (const name of older) {
    try {
      const response = await caches.match(url, { cacheName: name, ignoreVary: true });
      if (!response) continue;
      const body = await response.arrayBuffer();
      if ((await sri(body)) === integrity) return stamped(response, body);
    } catch {
      // that copy went away meanwhile: try the next
    }
  }
  return null;
}

// A "later" file, if this browser already has it; never from the network.
/**
 * @param {ListedFile} file
 * @param {string[]} older
 */
async function alreadyHere(file, older) {
  const reused = await fromOlder(file, older);
  if (reused) return reused;
  try {
    const response = await fetch(file.url, { cache: "only-if-cached", mode: "same-origin", integrity: file.integrity });
    return response.ok ? stamped(response, await response.arrayBuffer()) : null;
  } catch {
    return null; // not in the HTTP cache (or not the deployment's)
  }
}

// One file, exactly as the deployment has it.
/**
 * @param {ListedFile} file
 * @param {string[]} older
 */
async function obtain({ url, integrity }, older) {
  // The Pyodide files rarely change: reuse an older copy's when it matches.
  const reused = await fromOlder({ url, integrity }, older);
  if (reused) return reused;
  let response;
  try {
    // "no-cache": the HTTP cache may answer, but only after the server says
    // its copy is current.
    response = await fetch(url, { cache: "no-cache", integrity });
  } catch {
    // A failed hash check is a TypeError too: a stale copy in the HTTP cache
    // (a weak validator), or the server's files changing under us. Once more,
    // from the server itself; if it fails again, so does the install.
    response = await fetch(url, { cache: "reload", integrity });
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return stamped(response, await response.arrayBuffer());
}

/**
 * @param {Response} response
 * @param {ArrayBuffer} body
 */
function stamped(response, body) {
  const headers = new Headers(response.headers);
  // Stored decoded: the length and encoding the server sent no longer apply.
  headers.delete("Content-Encoding");
  headers.delete("Content-Length");
  headers.set(VERSION_HEADER, build.version || "");
  // A new, plain response: never "redirected", so it may answer a navigation.
  return new Response(body, { status: 200, statusText: "OK", headers });
}

/** @param {ArrayBuffer} body */
async function sri(body) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  let binary = "";
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `sha256-${btoa(binary)}`;
}

// ------------------------------------------------------------------ the pins
//
// state = {active: the copy new pages get, pins: {clientId: {cache, confirmed, at}}}
// kept in a cache of its own, since the browser stops an idle worker.

/** @type {Promise<PinState> | null} */
let statePromise = null;
let saving = Promise.resolve();

function loadState() {
  statePromise ??= caches
    .match(STATE_KEY, { cacheName: STATE })
    .then((response) => (response ? response.json() : null))
    .catch(() => null)
    .then((/** @type {PinState | null} */ state) => state || { active: null, pins: {} });
  return statePromise;
}

/** @param {PinState} state */
function saveState(state, { activating = false } = {}) {
  saving = saving
    .then(async () => {
      if (!activating) {
        // A newer worker has taken over, or the copies were cleared: this
        // one's view is out of date, and must not bring the state back.
        if (!(await caches.has(STATE))) return;
        const stored = await caches.match(STATE_KEY, { cacheName: STATE });
        if (stored && (await stored.json()).active !== CURRENT) return;
      }
      const cache = await caches.open(STATE);
      await cache.put(STATE_KEY, new Response(JSON.stringify(state), {
        headers: { "Content-Type": "application/json" },
      }));
    })
    .catch(() => {});
  return saving;
}

async function activate() {
  const state = await loadState();
  // Every page and worker open now was loaded from the copy the previous
  // worker served (or the one it had pinned it to): pin it there.
  /** @type {Record<string, Pin>} */
  const pins = {};
  for (const client of await worker.clients.matchAll({ type: "all" })) {
    const cache = state.pins[client.id]?.cache || state.active;
    if (cache && cache !== CURRENT) pins[client.id] = { cache, confirmed: true, at: Date.now() };
  }
  // Pages and workers still starting are not listed yet: they stay with the
  // copy their first request came from.
  for (const [id, pin] of Object.entries(state.pins)) {
    if (!pin.confirmed && !(id in pins) && pin.cache !== CURRENT) pins[id] = pin;
  }
  state.active = CURRENT;
  state.pins = pins;
  await saveState(state, { activating: true });
  const keep = new Set([CURRENT, STATE, ...Object.values(pins).map((pin) => pin.cache)]);
  for (const name of await caches.keys()) {
    if (ours(name) && !keep.has(name)) await caches.delete(name);
  }
  await worker.clients.claim();
}

// A page or worker is pinned by its first request (the page itself, the
// worker's script) but is only listed among the clients once it runs; its
// own first request confirms it. One that never makes a request is let go
// after this long.
const UNCONFIRMED_MS = 5 * 60 * 1000;
/** @type {Promise<void> | null} */
let releasing = null;

// Let go of the pins of closed pages and workers, and of copies no one uses.
function releasePins() {
  releasing ??= (async () => {
    const state = await loadState();
    const ids = Object.keys(state.pins);
    if (!ids.length) return;
    const open = new Set((await worker.clients.matchAll({ type: "all", includeUncontrolled: true })).map((c) => c.id));
    const now = Date.now();
    const released = new Set();
    let confirmed = false;
    for (const id of ids) {
      const pin = state.pins[id];
      if (!pin.confirmed && open.has(id)) {
        // It runs, though it asked for nothing yet (Material's search worker
        // gets its index from the page): from now on, closing it releases it.
        if (pin.cache === CURRENT) delete state.pins[id];
        else pin.confirmed = true;
        confirmed = true;
        continue;
      }
      if (pin.confirmed ? open.has(id) : now - pin.at < UNCONFIRMED_MS) continue;
      released.add(pin.cache);
      delete state.pins[id];
    }
    if (!released.size) {
      if (confirmed) await saveState(state);
      return;
    }
    await saveState(state);
    for (const pin of Object.values(state.pins)) released.delete(pin.cache);
    released.delete(CURRENT);
    // Only copies that were pinned: never one a newer worker is writing.
    for (const name of released) await caches.delete(name);
  })().finally(() => {
    releasing = null;
  });
  return releasing;
}

// --------------------------------------------------------------------- fetch

const STARTS_A_WORKER = new Set(["worker", "sharedworker"]);

/** @param {FetchEvent} event */
function onFetch(event) {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  event.respondWith(respond(event));
  event.waitUntil(releasePins().catch(() => {}));
}

/** @param {FetchEvent} event */
async function respond(event) {
  const { request } = event;
  const navigation = request.mode === "navigate";
  let cacheName = CURRENT;
  try {
    const state = await loadState();
    // A navigation makes a new page: always from the current copy.
    const pin = navigation ? null : state.pins[event.clientId];
    if (pin) {
      cacheName = pin.cache;
      if (!pin.confirmed) {
        // It runs: from now on a new worker's activation lists it.
        if (pin.cache === CURRENT) delete state.pins[event.clientId];
        else pin.confirmed = true;
        event.waitUntil(saveState(state));
      }
    }
    // A new page or worker gets the rest of its files from the copy its first
    // request came from, even if a new worker takes over before it runs.
    if ((navigation || STARTS_A_WORKER.has(request.destination)) && event.resultingClientId) {
      state.pins[event.resultingClientId] = { cache: cacheName, confirmed: false, at: Date.now() };
      event.waitUntil(saveState(state));
    }
    const cached = navigation
      ? await cachedPage(request.url, cacheName)
      : await caches.match(request, { cacheName, ignoreVary: true });
    if (cached) return cached;
  } catch {
    // an unreadable copy: the network, as if there were no worker
  }
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    // Offline, an address the copy does not have: the guide's own 404 page.
    const missing = navigation && (await notFoundPage(cacheName));
    if (missing) return missing;
    throw error;
  }
  // A file of this deployment the copy lacks (the runtime, on the first use
  // of a tool; everything, with Save-Data): kept, once checked.
  if (cacheName === CURRENT && response.ok && LISTED.has(request.url)) {
    event.waitUntil(keep(request.url, response.clone()).catch(() => {}));
  }
  return response;
}

/** @param {string} cacheName */
async function notFoundPage(cacheName) {
  const page = await caches.match(new URL("404.html", SCOPE).href, { cacheName, ignoreVary: true }).catch(() => null);
  return page && new Response(page.body, { status: 404, statusText: "Not Found", headers: page.headers });
}

/**
 * @param {string} url
 * @param {Response} response
 */
async function keep(url, response) {
  const body = await response.arrayBuffer();
  if ((await sri(body)) !== LISTED.get(url)) return;
  if (!(await caches.has(CURRENT))) return; // cleared meanwhile: not brought back
  await (await caches.open(CURRENT)).put(url, stamped(response, body));
}

// A page of the copy: matched without its query (search highlighting adds
// one), and under the other forms a static host gives the same page.
/**
 * @param {string} url
 * @param {string} cacheName
 * @returns {Promise<Response | undefined>}
 */
async function cachedPage(url, cacheName) {
  const page = new URL(url);
  const query = page.search;
  page.search = "";
  page.hash = "";
  const find = (/** @type {string} */ href) => caches.match(href, { cacheName, ignoreVary: true });
  const exact = await find(page.href);
  if (exact) return exact;
  const path = page.pathname;
  if (path.endsWith("/index.html")) return find(new URL("./", page).href);
  if (path.endsWith("/")) return find(new URL("index.html", page).href);
  // ".../timing" is the folder ".../timing/": send the browser there, so the
  // page's relative links resolve as they do online.
  const folder = new URL(`${path}/`, page);
  if (!(await find(folder.href))) return undefined;
  folder.search = query;
  return Response.redirect(folder.href, 301);
}

// ---------------------------------------------------------------- off switch

async function switchOff() {
  for (const name of await caches.keys()) {
    if (ours(name)) await caches.delete(name);
  }
  await worker.registration.unregister();
  // The pages open now were served from a copy that is gone: load each again,
  // whole, from the network (drafts are kept in the browser's storage).
  for (const client of await worker.clients.matchAll({ type: "window" })) {
    client.navigate(client.url).catch(() => {});
  }
}
