// The page side of the widget runtime: one small, generic module for every
// widget. It knows nothing of any one widget: it reads a widget's form into a
// state object, asks the Python worker for the view, and writes the view's
// outputs back as text (never as HTML). Widgets are found by their hooks:
//   [data-widget]    root; data-state = static | loading | ready | error
//   [name]           a control whose value is part of the state
//   [data-output]    a region the view fills
//   [data-action]    a button the runtime wires (copy)
//   [data-role]      the runtime's own parts (status line, storage controls)

const STORAGE_PREFIX = "follow-up-guide:";
// Real failures (a missing or corrupt file, WebAssembly off) are reported by
// the worker within a second or two. A load that is merely slow is reported
// after this long, and the widget still goes live if the runtime arrives.
const SLOW_LOAD_MS = 12000;

// ---------------------------------------------------------------- the worker

let runtime = null;

// Tells the rest of the page (offline.js waits for it before downloading the
// offline copy) that the runtime has started or failed.
function announce(state) {
  document.documentElement.dataset.widgetRuntime = state;
  document.dispatchEvent(new CustomEvent("widget-runtime:settled", { detail: state }));
}

// One worker for the page session, started by the first page with a widget;
// instant navigation keeps this module, and so the worker, alive.
function getRuntime() {
  if (runtime) return runtime;
  // Marks for the benchmarks and the long-task test.
  performance.mark("widget-runtime:start");
  const worker = new Worker(new URL("./widget-worker.js", import.meta.url), {
    type: "module",
    name: "follow-up-guide-python",
  });
  const pending = new Map();
  let nextId = 1;
  let settle;
  const ready = new Promise((resolve, reject) => { settle = { resolve, reject }; });
  ready.catch(() => {}); // failures are shown by each widget, not thrown
  const fail = (reason) => {
    settle.reject(new Error(reason));
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
  };
  worker.addEventListener("message", ({ data }) => {
    if (data.type === "ready") {
      performance.mark("widget-runtime:ready");
      settle.resolve();
      announce("ready");
    } else if (data.type === "failed") {
      fail(data.error);
      announce("error");
    } else if (data.type === "result") {
      const request = pending.get(data.id);
      pending.delete(data.id);
      if (!request) return;
      if (data.reply.error) request.reject(new Error(data.reply.error));
      else request.resolve(data.reply.view);
    }
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    announce("error");
    fail(event.message || "its script could not be loaded");
  });
  runtime = {
    ready,
    view(widget, options, state) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: "view", id, widget, options, state });
      });
    },
  };
  return runtime;
}

// --------------------------------------------------------------- the state

function controls(root) {
  return root.querySelectorAll("input[name], select[name], textarea[name]");
}

function readState(root) {
  const state = {};
  for (const el of controls(root)) {
    if (el.type === "checkbox") state[el.name] = el.checked;
    else if (el.type === "radio") { if (el.checked) state[el.name] = el.value; }
    else state[el.name] = el.value;
  }
  return state;
}

function writeState(root, state) {
  for (const el of controls(root)) {
    if (!(el.name in state)) continue;
    const value = state[el.name];
    if (el.type === "checkbox") el.checked = value === true;
    else if (el.type === "radio") el.checked = el.value === value;
    else if (typeof value === "string") el.value = value;
  }
}

function resetState(root) {
  shrinkRows(root);
  for (const el of controls(root)) {
    if (el.type === "checkbox" || el.type === "radio") el.checked = el.defaultChecked;
    else if (el.tagName === "SELECT") {
      for (const option of el.options) option.selected = option.defaultSelected;
    } else el.value = el.defaultValue;
  }
}

// ----------------------------------------------------------------- storage

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

// Drafts live in sessionStorage (gone when the tab closes) unless the reader
// asks to be remembered on this device (localStorage).
function draftStore(widgetId) {
  const key = STORAGE_PREFIX + widgetId;
  const session = probe("sessionStorage");
  const local = probe("localStorage");
  return {
    session: Boolean(session),
    local: Boolean(local),
    load() {
      for (const [store, remember] of [[local, true], [session, false]]) {
        try {
          const raw = store && store.getItem(key);
          if (raw) return { remember, state: JSON.parse(raw) };
        } catch { /* unreadable draft: start afresh */ }
      }
      return null;
    },
    save(state, remember) {
      const [keep, drop] = remember ? [local, session] : [session, local];
      try {
        if (drop) drop.removeItem(key);
        if (!keep) return false;
        keep.setItem(key, JSON.stringify(state));
        return true;
      } catch {
        return false; // storage full
      }
    },
    clear() {
      for (const store of [session, local]) {
        try { if (store) store.removeItem(key); } catch { /* nothing to clear */ }
      }
    },
  };
}

// ------------------------------------------------------------------ views
//
// A view is {outputs, links, downloads, errors, repeats}; every part is
// optional (widgets/README.md describes them). Text is written as text.

const lastDownloads = new WeakMap(); // scope element -> downloads of its view
const shownLists = new WeakMap(); // list output element -> the items it shows

// The elements of a scope (the widget, or one repeated output item), leaving
// out those that belong to a repeated item nested inside it.
function scoped(scope, selector) {
  const owner = scope.matches("[data-repeat-item]") ? scope : null;
  return [...scope.querySelectorAll(selector)].filter((el) => el.closest("[data-repeat-item]") === owner);
}

function byName(scope, attribute, name) {
  return scoped(scope, `[${attribute}="${CSS.escape(name)}"]`);
}

function applyView(scope, view) {
  for (const [name, value] of Object.entries(view.outputs || {})) {
    for (const el of byName(scope, "data-output", name)) {
      // Unchanged outputs are left alone, so a live region speaks only when
      // its content really changes.
      if (Array.isArray(value)) {
        const signature = JSON.stringify(value);
        if (shownLists.get(el) === signature) continue;
        shownLists.set(el, signature);
        el.replaceChildren(...value.map((item) => {
          const li = document.createElement("li");
          appendLinkedText(li, item.text, item.links);
          if (item.tone) li.dataset.tone = item.tone;
          return li;
        }));
      } else if (el.textContent !== String(value)) {
        el.textContent = String(value);
      }
    }
  }
  for (const [name, href] of Object.entries(view.links || {})) {
    // Only mail links: a view can never make a link run script.
    const safe = typeof href === "string" && href.startsWith("mailto:");
    for (const el of byName(scope, "data-link", name)) {
      if (safe) el.setAttribute("href", href);
      else el.removeAttribute("href");
    }
  }
  if (view.downloads) lastDownloads.set(scope, view.downloads);
  for (const [field, message] of Object.entries(view.errors || {})) {
    for (const el of byName(scope, "data-error-for", field)) el.textContent = message || "";
    for (const control of scoped(scope, `[name="${CSS.escape(field)}"]`)) {
      // A field is marked invalid once the reader has edited it, not on a
      // fresh form (its message still shows, as guidance).
      if (message && control.dataset.edited) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }
  for (const [name, items] of Object.entries(view.repeats || {})) {
    for (const container of byName(scope, "data-output-repeat", name)) {
      applyRepeat(container, items);
    }
  }
}

// Links inside a list item: each names a piece of the item's text and a
// relative address (a guide section). Only relative addresses with no scheme
// become links, so a view can never link elsewhere or run script.
const RELATIVE_HREF = /^(#|\.{1,2}\/)[^\s:]*$/;

function appendLinkedText(el, text, links = []) {
  let rest = String(text);
  for (const link of links) {
    const at = rest.indexOf(link.text);
    if (at < 0 || !RELATIVE_HREF.test(link.href)) continue;
    const a = document.createElement("a");
    a.href = link.href;
    a.textContent = link.text;
    el.append(rest.slice(0, at), a);
    rest = rest.slice(at + link.text.length);
  }
  el.append(rest);
}

// A repeated output (one note per interviewer...): a container holding a
// <template> and one [data-repeat-item] per item. Existing items are kept and
// refilled, so focus inside them survives an update.
function applyRepeat(container, items) {
  const template = container.querySelector(":scope > template");
  let current = [...container.querySelectorAll(":scope > [data-repeat-item]")];
  while (current.length > items.length) current.pop().remove();
  while (current.length < items.length) {
    const item = template.content.firstElementChild.cloneNode(true);
    // Its buttons need the runtime, which is here: show them.
    for (const button of item.querySelectorAll("[data-action]")) button.hidden = false;
    container.append(item);
    current.push(item);
  }
  current.forEach((item, index) => {
    renumber(item, container.dataset.outputRepeat, index);
    applyView(item, items[index]);
  });
}

// ------------------------------------------------------------ repeated rows
//
// Repeated inputs (interviewers...): [data-repeat=<group>] holds rows
// [data-repeat-row]; a row's controls are named <group>.<n>.<field> and its
// ids contain <group>-<n>-. Add and remove buttons renumber the rows.

const ID_ATTRIBUTES = ["id", "for", "name", "aria-describedby", "aria-labelledby", "aria-controls", "data-error-for"];

function renumber(row, group, index) {
  const pattern = new RegExp(`(${group.replace(/[^\w-]/g, "\\$&")}[.-])\\d+(?=[.-])`, "g");
  for (const el of [row, ...row.querySelectorAll("*")]) {
    for (const attribute of ID_ATTRIBUTES) {
      const value = el.getAttribute(attribute);
      if (value) el.setAttribute(attribute, value.replace(pattern, `$1${index}`));
    }
    if (el.hasAttribute("data-row-number")) el.textContent = String(index + 1);
  }
}

function rows(list) {
  return [...list.querySelectorAll(":scope > [data-repeat-row]")];
}

function addRow(list) {
  const existing = rows(list);
  const row = existing[existing.length - 1].cloneNode(true);
  for (const el of row.querySelectorAll("input, select, textarea")) {
    if (el.type === "checkbox" || el.type === "radio") el.checked = el.defaultChecked;
    else el.value = "";
    el.removeAttribute("aria-invalid");
  }
  for (const el of row.querySelectorAll("[data-error-for]")) el.textContent = "";
  existing[existing.length - 1].after(row);
  renumber(row, list.dataset.repeat, existing.length);
  updateRemoveButtons(list);
  return row;
}

function removeRow(list, row) {
  if (rows(list).length <= 1) return;
  row.remove();
  rows(list).forEach((r, index) => renumber(r, list.dataset.repeat, index));
  updateRemoveButtons(list);
}

function updateRemoveButtons(list) {
  const only = rows(list).length <= 1;
  for (const button of list.querySelectorAll('[data-action="remove-row"]')) button.hidden = only;
}

// Make as many rows as a saved state needs before writing it.
function growRows(root, state) {
  for (const list of root.querySelectorAll("[data-repeat]")) {
    const group = list.dataset.repeat;
    let count = 0;
    for (const key of Object.keys(state)) {
      const match = key.startsWith(`${group}.`) && /^(\d+)\./.exec(key.slice(group.length + 1));
      if (match) count = Math.max(count, Number(match[1]) + 1);
    }
    while (rows(list).length < count) addRow(list);
  }
}

function shrinkRows(root) {
  for (const list of root.querySelectorAll("[data-repeat]")) {
    for (const row of rows(list).slice(1)) row.remove();
    updateRemoveButtons(list);
  }
}

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
    try { copied = document.execCommand("copy"); } catch { copied = false; }
    area.remove();
    return copied;
  }
}

function selectContents(el) {
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

// ------------------------------------------------------------------ mount

const mounted = new WeakSet();

function mount(root) {
  mounted.add(root);
  const name = root.dataset.widget;
  const options = JSON.parse(root.dataset.options || "{}");
  const part = (role) => root.querySelector(`[data-role="${role}"]`);
  const status = part("status");
  const say = (text) => { status.textContent = text; };
  const store = draftStore(root.dataset.widgetId || name);
  const remember = part("remember");
  const note = part("storage-note");

  // Restore the draft before anything else, so what was typed is back at once.
  const saved = store.load();
  if (saved) {
    growRows(root, saved.state);
    writeState(root, saved.state);
    for (const el of controls(root)) {
      if (el.type !== "checkbox" && el.type !== "radio" && el.value) el.dataset.edited = "true";
    }
    remember.checked = saved.remember;
  }
  part("storage").hidden = false;
  if (!store.local) {
    remember.disabled = true;
    note.textContent = "This browser won't let the page remember drafts on this device.";
  }
  if (!store.session && !store.local) {
    note.textContent = "This browser isn't letting the page store anything, so drafts won't be kept.";
  }
  for (const button of root.querySelectorAll("[data-action]")) button.hidden = false;
  for (const list of root.querySelectorAll("[data-repeat]")) updateRemoveButtons(list);

  const runtimeNow = getRuntime();
  let live = false;
  let latest = 0;

  const refresh = async () => {
    const ticket = ++latest;
    const state = readState(root);
    try {
      const view = await runtimeNow.view(name, options, state);
      if (ticket !== latest) return; // a newer keystroke's view is on its way
      applyView(root, view);
      if (!live || root.dataset.state === "error") {
        live = true;
        root.dataset.state = "ready";
        say("");
      }
    } catch (error) {
      if (ticket === latest) showError(error);
    }
  };

  const showError = (error) => {
    root.dataset.state = "error";
    say(
      "The interactive part of this tool could not start " +
      `(${error.message}). The form still works: fill it in, print it, ` +
      "and what you type is kept.",
    );
  };

  const save = () => {
    const ok = store.save(readState(root), remember.checked);
    if (!ok && (store.session || store.local)) {
      note.textContent = "Your draft could not be saved in this browser.";
    }
  };

  // Views asked for while the runtime loads wait in the worker's queue; the
  // latest one wins, so what was typed meanwhile shows as soon as it is up.
  const changed = () => {
    save();
    refresh();
  };
  // "input" fires for every kind of control, checkboxes and selects included.
  root.addEventListener("input", (event) => {
    if (!event.target.name) return;
    event.target.dataset.edited = "true";
    changed();
  });
  remember.addEventListener("change", () => {
    save();
    note.textContent = remember.checked
      ? "Your draft is remembered on this device until you clear it."
      : "Your draft is kept only until you close this tab.";
  });
  part("clear").addEventListener("click", () => {
    store.clear();
    resetState(root);
    remember.checked = false;
    note.textContent = "Cleared: this tool keeps nothing in this browser now.";
    refresh();
  });
  root.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-action]");
    if (!button || !root.contains(button)) return;
    const scope = button.closest("[data-repeat-item]") || root;
    const action = button.dataset.action;
    if (action === "add-row") {
      const list = root.querySelector(`[data-repeat="${CSS.escape(button.dataset.target)}"]`);
      const row = addRow(list);
      row.querySelector("input, select, textarea")?.focus();
      changed();
    } else if (action === "remove-row") {
      const list = button.closest("[data-repeat]");
      const row = button.closest("[data-repeat-row]");
      const next = row.nextElementSibling || row.previousElementSibling;
      removeRow(list, row);
      next?.querySelector("input, select, textarea")?.focus();
      changed();
    } else if (action === "copy") {
      const [target] = byName(scope, "data-output", button.dataset.target);
      if (await copyText(target.textContent)) {
        say("Copied to the clipboard.");
      } else {
        selectContents(target);
        say("Copying was blocked: the text is selected, press Ctrl+C (or Cmd+C) to copy it.");
      }
    } else if (action === "download") {
      const file = (lastDownloads.get(scope) || {})[button.dataset.target];
      if (file) download(file);
    } else if (action === "print") {
      window.print();
    }
  });

  root.dataset.state = "loading";
  say("Loading the interactive version. You can start now: nothing you type will be lost.");
  const slow = setTimeout(() => {
    if (!live) showError(new Error("it is taking too long to load"));
  }, SLOW_LOAD_MS);
  runtimeNow.ready.finally(() => clearTimeout(slow)).catch(() => {});
  refresh();
}

function mountAll() {
  for (const root of document.querySelectorAll("[data-widget]")) {
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
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mountAll);
  } else {
    mountAll();
  }
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", followPageSwaps, { once: true });
} else {
  followPageSwaps();
}
