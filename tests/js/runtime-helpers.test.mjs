// Unit tests of the page runtime's pure rules (web/runtime-helpers.js), run
// with `node --test tests/js/` (tests/js/test_node.py runs them under pytest).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
  draftKey,
  factGroup,
  FIRST_INTERVIEW,
  interviewIds,
  interviewLabel,
  interviewSuffix,
  ID_ATTRIBUTES,
  isMailto,
  isRelativeHref,
  linkedPieces,
  localIso,
  MAX_DRAFT_FIELDS,
  MAX_ROWS,
  newInterviewId,
  offeredFacts,
  offsetChanges,
  readDraft,
  readerClock,
  renumberValue,
  rowCount,
  suggestedFacts,
} from "../../web/runtime-helpers.js";

const vectors = JSON.parse(readFileSync(new URL("../vectors/linked_text.json", import.meta.url), "utf-8"));

test("the relative-link rule passes the shared vectors", () => {
  assert.ok(vectors.is_relative_href.length > 20);
  for (const { href, relative } of vectors.is_relative_href) {
    assert.equal(isRelativeHref(href), relative, JSON.stringify(href));
  }
});

test("linked pieces pass the shared vectors", () => {
  for (const { name, text, links, pieces } of vectors.linked_pieces) {
    assert.deepEqual(linkedPieces(text, links), pieces, name);
  }
});

test("only strings can be relative addresses", () => {
  for (const value of [null, undefined, 1, {}, ["#a"]]) assert.equal(isRelativeHref(value), false);
});

test("only mail links are links a view may set", () => {
  assert.equal(isMailto("mailto:ada@example.org?subject=Thanks"), true);
  assert.equal(isMailto("mailto:"), true);
  for (const href of ["MAILTO:x", " mailto:x", "javascript:alert(1)", "https://example.org/", "#x", "", null, 7]) {
    assert.equal(isMailto(href), false, String(href));
  }
});

test("renumbering sets the row number in names, ids and references", () => {
  assert.equal(renumberValue("interviewers.0.name", "interviewers", 3), "interviewers.3.name");
  assert.equal(renumberValue("w1-thank-you-note-interviewers-0-name", "interviewers", 2), "w1-thank-you-note-interviewers-2-name");
  assert.equal(
    renumberValue("w1-interviewers-0-name-hint w1-interviewers-0-name-error", "interviewers", 12),
    "w1-interviewers-12-name-hint w1-interviewers-12-name-error",
  );
  assert.equal(renumberValue("interviewers.10.title", "interviewers", 1), "interviewers.1.title");
});

test("renumbering leaves other groups and unnumbered values alone", () => {
  assert.equal(renumberValue("steps.0.name", "interviewers", 4), "steps.0.name");
  assert.equal(renumberValue("interviewers", "interviewers", 4), "interviewers");
  assert.equal(renumberValue("interviewers.0", "interviewers", 4), "interviewers.0"); // no field after it
  assert.equal(renumberValue("w1-interviewers-x-name", "interviewers", 4), "w1-interviewers-x-name");
});

test("a group name's regular-expression characters are taken literally", () => {
  assert.equal(renumberValue("a.b.0.name", "a.b", 5), "a.b.5.name");
  assert.equal(renumberValue("axb.0.name", "a.b", 5), "axb.0.name");
  assert.equal(renumberValue("g(1)+.0.x", "g(1)+", 2), "g(1)+.2.x");
});

test("the row attributes include every id reference", () => {
  for (const name of ["id", "for", "name", "aria-describedby", "aria-labelledby", "aria-controls", "data-error-for", "data-fact"]) {
    assert.ok(ID_ATTRIBUTES.includes(name), name);
  }
  assert.ok(Object.isFrozen(ID_ATTRIBUTES));
});

test("row keys: a saved state needs one more row than its highest row number", () => {
  assert.equal(rowCount({}, "interviewers"), 0);
  assert.equal(rowCount({ "interviewers.0.name": "Ada" }, "interviewers"), 1);
  assert.equal(rowCount({ "interviewers.0.name": "", "interviewers.2.title": "CTO", company: "X" }, "interviewers"), 3);
  assert.equal(rowCount({ "interviewers.07.name": "" }, "interviewers"), 8);
});

test("row keys: other groups and malformed keys count for nothing", () => {
  const state = {
    "interviewers": "x",
    "interviewers.": "x",
    "interviewers.x.name": "x",
    "interviewers.3": "x", // no field
    "interviewersX.4.name": "x",
    "steps.9.name": "x",
    "my.interviewers.5.name": "x",
  };
  assert.equal(rowCount(state, "interviewers"), 0);
  assert.equal(rowCount(state, "steps"), 10);
});

test("the reader's local time carries its offset", () => {
  const wall = { year: 2026, month: 11, day: 22, hour: 9, minute: 5, second: 7 };
  assert.equal(localIso(wall, -300), "2026-11-22T09:05:07-05:00");
  assert.equal(localIso(wall, 330), "2026-11-22T09:05:07+05:30");
  assert.equal(localIso(wall, 0), "2026-11-22T09:05:07+00:00");
  assert.equal(localIso(wall, -570), "2026-11-22T09:05:07-09:30");
});

test("offset changes are found to the minute", () => {
  const change = Date.UTC(2027, 2, 14, 7, 0); // New York to summer time
  const back = Date.UTC(2027, 10, 7, 6, 0);
  const east = (/** @type {number} */ t) => (t >= change && t < back ? -240 : -300);
  const start = Date.UTC(2026, 10, 22);
  assert.deepEqual(offsetChanges(start, Date.UTC(2028, 0, 1), east), [
    ["2026-11-22T00:00:00.000Z", -300],
    ["2027-03-14T07:00:00.000Z", -240],
    ["2027-11-07T06:00:00.000Z", -300],
  ]);
  assert.deepEqual(offsetChanges(start, Date.UTC(2028, 0, 1), () => 60), [["2026-11-22T00:00:00.000Z", 60]]);
});

test("the reader's clock gives now and the offsets, no zone name", () => {
  const clock = readerClock(new Date(), []);
  assert.match(clock._now, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  assert.deepEqual(Object.keys(clock).sort(), ["_now", "_tz_changes"]);
  assert.deepEqual(clock._tz_changes, []);
});

// ---------------------------------------------------------------- issue 10

test("a stored draft of the wrong shape is refused, and said so", () => {
  for (const raw of ["null", '"text"', "42", "true", "[1, 2]", "{not json", ""]) {
    assert.deepEqual(readDraft(raw), { state: null, problem: true }, raw);
  }
  assert.deepEqual(readDraft(null), { state: null, problem: false });
});

test("a stored draft keeps only text and true/false values", () => {
  const { state, problem } = readDraft('{"a": "x", "b": true, "c": 3, "d": null, "e": {"f": 1}, "__proto__": "p"}');
  assert.deepEqual(Object.keys(state), ["a", "b", "__proto__"]);
  assert.equal(Object.getPrototypeOf(state), Object.prototype);
  assert.equal(problem, true);
  assert.deepEqual(readDraft('{"a": "x"}'), { state: { a: "x" }, problem: false });
});

test("a stored draft keeps at most MAX_DRAFT_FIELDS fields", () => {
  const many = Object.fromEntries(Array.from({ length: MAX_DRAFT_FIELDS * 3 }, (_, i) => [`f${i}`, "x"]));
  assert.equal(Object.keys(readDraft(JSON.stringify(many)).state).length, MAX_DRAFT_FIELDS);
});

test("row counts stop at MAX_ROWS, as the widgets' Python does", () => {
  assert.equal(MAX_ROWS, 10);
  assert.equal(rowCount({ "interviewers.4999.name": "x" }, "interviewers"), MAX_ROWS);
  assert.equal(rowCount({ "interviewers.2.name": "x" }, "interviewers"), 3);
});

test("draft keys carry the guide's own path", () => {
  assert.equal(draftKey("/careers/guide/", "rejection.md#1"), "follow-up-guide:/careers/guide/:rejection.md#1");
  assert.notEqual(draftKey("/careers/guide/", "a.md#1"), draftKey("/alumni/guide/", "a.md#1"));
});

test("a row's fact names its group; a plain fact has none", () => {
  assert.equal(factGroup("interviewers.2.name"), "interviewers");
  assert.equal(factGroup("interviewers.10.email"), "interviewers");
  for (const name of ["company", "interviewers", "interviewers.x.name", "interviewers.0", "a.0.b.c"]) {
    assert.equal(factGroup(name), "", name);
  }
});

test("a fact field is offered its own fact, else its fallback", () => {
  const stored = { company: "Acme", "interviewers.0.name": "Dr. Maria Chen", "interviewers.0.email": "mc@acme.test" };
  assert.deepEqual(
    offeredFacts(stored, [
      { fact: "company" },
      { fact: "role" },
      { fact: "contact", fallback: "interviewers.0.name" },
      { fact: "contact_email", fallback: "interviewers.0.email" },
    ]),
    ["Acme", undefined, "Dr. Maria Chen", "mc@acme.test"],
  );
});

test("fallbacks go together: a contact's name and e-mail come from one person", () => {
  const stored = { contact: "Ms. Rivera", "interviewers.0.name": "Dr. Maria Chen", "interviewers.0.email": "mc@acme.test" };
  const fields = [
    { fact: "contact", fallback: "interviewers.0.name" },
    { fact: "contact_email", fallback: "interviewers.0.email" },
  ];
  assert.deepEqual(offeredFacts(stored, fields), ["Ms. Rivera", undefined]);
  assert.deepEqual(offeredFacts({}, fields), [undefined, undefined]);
  // A stored key named like an object's own property is just a key.
  assert.deepEqual(offeredFacts({}, [{ fact: "constructor" }, { fact: "toString", fallback: "__proto__" }]), [
    undefined,
    undefined,
  ]);
});

test("the first interview keeps the keys drafts always had; another's end in ~id", () => {
  assert.equal(interviewSuffix(FIRST_INTERVIEW), "");
  assert.equal(interviewSuffix("mhx2k0a1"), "~mhx2k0a1");
});

test("the interviews are found from this guide's keys, first to last", () => {
  const prefix = draftKey("/careers/guide/", "");
  const keys = [
    `${prefix}thank-you-notes.md#1`,
    `${prefix}facts~mhx2k0b2`,
    `${prefix}timing.md#1~mhx2k0a1`,
    `${prefix}rejection.md#1~mhx2k0b2`,
    `${draftKey("/alumni/guide/", "")}facts~zzzzzzzz`,
    `${prefix}facts~NOT-AN-ID`,
    `${prefix}facts~1`,
    "unrelated~abc",
  ];
  assert.deepEqual(interviewIds(keys, prefix), ["1", "mhx2k0a1", "mhx2k0b2"]);
  assert.deepEqual(interviewIds([], prefix), ["1"]);
});

test("a new interview's id is the time, never one already used", () => {
  const now = 1795000000000;
  assert.equal(newInterviewId([], now), now.toString(36));
  assert.equal(newInterviewId(["1", now.toString(36)], now), (now + 1).toString(36));
  assert.match(newInterviewId([], now), /^[0-9a-z]{1,16}$/);
});

test("an interview's label: company, role and date, as text", () => {
  const day = (/** @type {string} */ iso) => `<${iso}>`;
  assert.equal(
    interviewLabel({ company: "Acme Logistics", role: "Project Coordinator", interview_date: "2027-03-04" }, 1, day),
    "Acme Logistics – Project Coordinator, <2027-03-04>",
  );
  assert.equal(interviewLabel({ company: "Acme" }, 2, day), "Acme");
  assert.equal(interviewLabel({ interview_date: "2027-03-04" }, 2, day), "<2027-03-04>");
  assert.equal(interviewLabel({}, 2, day), "Interview 2");
  assert.equal(interviewLabel({ company: "  ", interview_date: "4 March" }, 3, day), "Interview 3");
  // Markup stays text; line separators and runs of space fold; emoji are never cut in two.
  assert.equal(interviewLabel({ company: "<b>A</b>\u2028\u2029 B\n" }, 1, day), "<b>A</b> B");
  const long = interviewLabel({ company: "😀".repeat(100) }, 1, day);
  assert.equal([...long].length, 60);
  assert.ok(long.endsWith("😀…"));
});

test("a name field suggests the people typed in the other tools, each once", () => {
  const stored = {
    "interviewers.0.name": "Dr. Maria Chen",
    "interviewers.0.email": "mc@acme.test",
    "interviewers.1.name": "Jordan <b>Patel</b>",
    contact: "Dr. Maria Chen",
    your_name: "Sam Lee",
    "interviewersX1Xname": "not a row",
  };
  const people = ["contact", "interviewers.*.name"];
  assert.deepEqual(suggestedFacts(stored, people), ["Dr. Maria Chen", "Jordan <b>Patel</b>"]);
  assert.deepEqual(suggestedFacts(stored, people, ["Dr. Maria Chen"]), ["Jordan <b>Patel</b>"]);
  assert.deepEqual(suggestedFacts({}, people), []);
  assert.deepEqual(suggestedFacts(stored, []), []);
});
