// @ts-check
// The page runtime's pure rules: no DOM, no storage, no worker, so they run
// (and are unit-tested, tests/js/) under Node as they run in the page.
// Rules that Python applies too are checked against one set of test vectors,
// tests/vectors/*.json, by both twins.

/** A named piece of a list item's text and the address it links to. */
/** @typedef {{text: string, href: string}} Link */
/** One piece of a linked text: plain text, or text with an address. */
/** @typedef {{text: string, href?: string}} Piece */

// Only relative addresses with no scheme become links (a guide section:
// "#...", "./...", "../..."), so a view can never link elsewhere or run
// script. Python twin: build_tools/widget_html.py is_relative_href.
const RELATIVE_HREF = /^(#|\.{1,2}\/)[^\s:]*$/;

/**
 * @param {unknown} href
 * @returns {boolean}
 */
export function isRelativeHref(href) {
  return typeof href === "string" && RELATIVE_HREF.test(href);
}

/**
 * Whether a view's `links` value may become a link's href: mail links only.
 * @param {unknown} href
 * @returns {href is string}
 */
export function isMailto(href) {
  return typeof href === "string" && href.startsWith("mailto:");
}

/**
 * A list item's text cut into pieces, each link's text (found in order, after
 * the previous one) becoming a piece with its address; links that are not
 * found or not relative are left as text. Python twin: linked_pieces.
 * @param {unknown} text
 * @param {Link[]} [links]
 * @returns {Piece[]}
 */
export function linkedPieces(text, links = []) {
  /** @type {Piece[]} */
  const pieces = [];
  let rest = String(text);
  for (const link of links) {
    const at = rest.indexOf(link.text);
    if (at < 0 || !isRelativeHref(link.href)) continue;
    if (at > 0) pieces.push({ text: rest.slice(0, at) });
    pieces.push({ text: link.text, href: link.href });
    rest = rest.slice(at + link.text.length);
  }
  if (rest) pieces.push({ text: rest });
  return pieces;
}

// ------------------------------------------------------------ repeated rows
//
// A row of a repeated group names its controls <group>.<n>.<field> and its
// ids contain <group>-<n>-.

/** The attributes that carry a row's number. */
export const ID_ATTRIBUTES = Object.freeze([
  "id",
  "for",
  "name",
  "aria-describedby",
  "aria-labelledby",
  "aria-controls",
  "data-error-for",
  "data-fact", // a row's shared fact: interviewers.0.name
]);

/**
 * An attribute value with the group's row number set to `index`.
 * @param {string} value
 * @param {string} group
 * @param {number} index
 * @returns {string}
 */
export function renumberValue(value, group, index) {
  const pattern = new RegExp(`(${group.replace(/[^\w-]/g, "\\$&")}[.-])\\d+(?=[.-])`, "g");
  return value.replace(pattern, `$1${index}`);
}

// The most rows a repeated group holds, as the widgets' Python reads them
// (widgets/thank_you_note/inputs.py MAX_INTERVIEWERS): a saved draft with row
// 4999 would otherwise make 5,000 rows, in quadratic time.
export const MAX_ROWS = 10;

/**
 * How many rows of `group` a saved state fills: one more than the highest
 * row number among its keys (<group>.<n>.<field>), 0 when none, at most MAX_ROWS.
 * @param {Record<string, unknown>} state
 * @param {string} group
 * @returns {number}
 */
export function rowCount(state, group) {
  let count = 0;
  for (const key of Object.keys(state)) {
    const match = key.startsWith(`${group}.`) && /^(\d+)\./.exec(key.slice(group.length + 1));
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return Math.min(count, MAX_ROWS);
}

// ------------------------------------------------------------------ drafts
//
// A stored draft is untrusted input: another page of the same site, an older
// version of the guide or a hand edit may have written anything there.

// A form has a few dozen controls; the widgets' Python reads at most 500 fields.
export const MAX_DRAFT_FIELDS = 500;

/**
 * A stored draft, checked. `raw` is what storage holds (null: nothing).
 * `state` is what can be restored (control name -> text or true/false), or
 * null; `problem` says that something stored was left out.
 * @param {string | null} raw
 * @returns {{state: Record<string, string | boolean> | null, problem: boolean}}
 */
export function readDraft(raw) {
  if (raw === null || raw === undefined) return { state: null, problem: false };
  /** @type {unknown} */
  let value;
  try {
    value = JSON.parse(String(raw));
  } catch {
    return { state: null, problem: true };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { state: null, problem: true };
  const entries = Object.entries(value);
  const kept = entries
    .filter(([, field]) => typeof field === "string" || typeof field === "boolean")
    .slice(0, MAX_DRAFT_FIELDS);
  // Object.fromEntries defines own properties: a "__proto__" key stays a key.
  return { state: Object.fromEntries(kept), problem: kept.length !== entries.length };
}

/**
 * The storage key of a widget's draft: scoped to the guide's own path, so two
 * guides on one origin (/careers/guide/ and /alumni/guide/) keep apart.
 * @param {string} sitePath  the guide's root path, e.g. "/careers/guide/"
 * @param {string} widgetId  the page's source and the widget's number, e.g. "rejection.md#1"
 * @returns {string}
 */
export function draftKey(sitePath, widgetId) {
  return `follow-up-guide:${sitePath}:${widgetId}`;
}

// --------------------------------------------------------- the reader's clock
// Sent with every state, so a widget's "today" is the reader's and not the
// worker's (widgets/state.py reads them): `_now`, the local time with its UTC
// offset; `_tz`, the IANA zone; `_tz_changes`, the zone's offset at the start
// of a window (a year back, three ahead) and at each change within it, as
// [UTC ISO time, minutes east of UTC], so a later date gets its own offset.

/** @typedef {{_now: string, _tz_changes: Array<[string, number]>}} ReaderClock */
/** @typedef {(time: number) => number} MinutesEast minutes east of UTC at a time (ms since 1970) */

const DAY_MS = 86400000;

/** @param {number} n */
const pad = (n) => String(n).padStart(2, "0");

/**
 * "2026-11-22T09:30:00-05:00": wall-clock fields and the offset, as given.
 * @param {{year: number, month: number, day: number, hour: number, minute: number, second: number}} wall
 * @param {number} east minutes east of UTC
 * @returns {string}
 */
export function localIso(wall, east) {
  const sign = east < 0 ? "-" : "+";
  const offset = `${sign}${pad(Math.trunc(Math.abs(east) / 60))}:${pad(Math.abs(east) % 60)}`;
  return (
    `${String(wall.year).padStart(4, "0")}-${pad(wall.month)}-${pad(wall.day)}` +
    `T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${offset}`
  );
}

/**
 * The offset at `start`, then each change up to `end`, found to the minute.
 * @param {number} start
 * @param {number} end
 * @param {MinutesEast} minutesEast
 * @returns {Array<[string, number]>}
 */
export function offsetChanges(start, end, minutesEast) {
  /** @type {Array<[string, number]>} */
  const changes = [[new Date(start).toISOString(), minutesEast(start)]];
  for (let day = start; day < end; day += DAY_MS) {
    if (minutesEast(day + DAY_MS) === minutesEast(day)) continue;
    let before = day;
    let after = day + DAY_MS;
    while (after - before > 60000) {
      const middle = before + Math.floor((after - before) / 2);
      if (minutesEast(middle) === minutesEast(before)) before = middle;
      else after = middle;
    }
    // Zones change on a whole minute: the one in (before, after].
    const minute = Math.floor(before / 60000) * 60000 + 60000;
    changes.push([new Date(minute).toISOString(), minutesEast(minute)]);
  }
  return changes;
}

/**
 * The reader's clock from the browser's: `Date` gives the local time and its
 * offsets. (No zone name: no widget needs one, and the first Intl time-zone
 * lookup costs the page ~20-50 ms on its main thread.)
 * @param {Date} now
 * @param {Array<[string, number]>} changes from offsetChanges, computed once per page
 * @returns {ReaderClock}
 */
export function readerClock(now, changes) {
  const wall = {
    year: now.getFullYear(),
    month: now.getMonth() + 1,
    day: now.getDate(),
    hour: now.getHours(),
    minute: now.getMinutes(),
    second: now.getSeconds(),
  };
  return { _now: localIso(wall, -now.getTimezoneOffset()), _tz_changes: changes };
}

/** @type {MinutesEast} */
export const browserMinutesEast = (time) => -new Date(time).getTimezoneOffset();

/**
 * The window of offsets a plan can reach, from now.
 * @param {number} now
 * @param {MinutesEast} minutesEast
 */
export function changesAround(now, minutesEast = browserMinutesEast) {
  return offsetChanges(now - 366 * DAY_MS, now + 3 * 366 * DAY_MS, minutesEast);
}

// ------------------------------------------------------------ shared facts
//
// The facts of an interview the tools share (widget-runtime.js, "shared
// facts"): plain names ("company") and rows of a group ("interviewers.0.name").
// A field may name a fallback: the timeline's main contact
// (data-fact="contact") falls back on the first interviewer typed in the note
// builder (data-fact-else="interviewers.0.name").

/**
 * The group of a row's fact ("interviewers" for "interviewers.2.name"), or "".
 * @param {string} name
 * @returns {string}
 */
export function factGroup(name) {
  const match = /^([\w-]+)\.\d+\.[\w-]+$/.exec(name);
  return match ? match[1] : "";
}

/**
 * What each of a tool's fact fields is offered from the stored facts: its own
 * fact, else its fallback's. Fallbacks go together or not at all: they are
 * used only when no field that has one finds its own fact stored, so a
 * contact's name and e-mail always come from the same person.
 * @param {Record<string, string>} stored
 * @param {Array<{fact: string, fallback?: string}>} fields
 * @returns {Array<string | undefined>}
 */
export function offeredFacts(stored, fields) {
  const own = (/** @type {string} */ name) => (name && Object.hasOwn(stored, name) ? stored[name] : undefined);
  const useFallbacks = !fields.some((f) => f.fallback && own(f.fact) !== undefined);
  return fields.map((f) => own(f.fact) ?? (useFallbacks && f.fallback ? own(f.fallback) : undefined));
}

// -------------------------------------------------------------- interviews
//
// A reader with several interviews in progress keeps them apart: each has its
// own facts and its own draft in every tool. The first interview's keys are
// the keys drafts always had; another's end in "~<id>" (a base-36 time).

export const FIRST_INTERVIEW = "1";
const INTERVIEW_SUFFIX = /~([0-9a-z]{1,16})$/;

/**
 * What a key of the interview `id` ends with ("" for the first).
 * @param {string} id
 * @returns {string}
 */
export function interviewSuffix(id) {
  return id === FIRST_INTERVIEW ? "" : `~${id}`;
}

/**
 * The interviews that storage holds something of, first to last: the first
 * always, then each id found at the end of one of this guide's keys.
 * @param {Iterable<string>} keys  the storage keys
 * @param {string} prefix  this guide's keys start with it (draftKey(sitePath, ""))
 * @returns {string[]}
 */
export function interviewIds(keys, prefix) {
  const found = new Set();
  for (const key of keys) {
    const match = key.startsWith(prefix) && INTERVIEW_SUFFIX.exec(key);
    if (match && match[1] !== FIRST_INTERVIEW) found.add(match[1]);
  }
  // Base-36 times of one length sort as they were made.
  const later = [...found].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return [FIRST_INTERVIEW, ...later];
}

/**
 * A new interview's id: the time in base 36, never one already used.
 * @param {string[]} used
 * @param {number} now
 * @returns {string}
 */
export function newInterviewId(used, now) {
  let time = now;
  while (used.includes(time.toString(36))) time += 1;
  return time.toString(36);
}

const MAX_LABEL = 60;

/**
 * The chooser's label of an interview: "Acme Logistics – Project
 * Coordinator, 4 Mar 2027" from its facts, or "Interview 2" before any. Text
 * only (the page writes it as text); runs of white space (line separators
 * included) become one space, and a long name is cut with "…".
 * @param {Record<string, string>} facts
 * @param {number} number  its place in the list, from 1
 * @param {(isoDate: string) => string} formatDate
 * @returns {string}
 */
export function interviewLabel(facts, number, formatDate) {
  const clean = (/** @type {unknown} */ value) => (typeof value === "string" ? value.replace(/\s+/gu, " ").trim() : "");
  let name = [clean(facts.company), clean(facts.role)].filter(Boolean).join(" – ");
  if ([...name].length > MAX_LABEL) name = `${[...name].slice(0, MAX_LABEL - 1).join("").trimEnd()}…`;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(facts.interview_date || "") ? formatDate(facts.interview_date) : "";
  const label = [name, day].filter(Boolean).join(", ");
  return label || `Interview ${number}`;
}

/**
 * The names a field suggests as the reader types (a <datalist>): the stored
 * facts whose names match one of `patterns` ("contact", "interviewers.*.name":
 * "*" is any row), each once, in storage order, less those in `exclude`
 * (already in the form).
 * @param {Record<string, string>} stored
 * @param {string[]} patterns
 * @param {Iterable<string>} [exclude]
 * @returns {string[]}
 */
export function suggestedFacts(stored, patterns, exclude = []) {
  const wanted = patterns.map(
    (pattern) => new RegExp(`^${pattern.split("*").map((part) => part.replace(/[^\w-]/g, "\\$&")).join("\\d+")}$`),
  );
  const skip = new Set(exclude);
  const found = new Set();
  for (const [name, value] of Object.entries(stored)) {
    if (value && !skip.has(value) && wanted.some((re) => re.test(name))) found.add(value);
  }
  return [...found];
}
