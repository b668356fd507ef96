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

/**
 * How many rows of `group` a saved state fills: one more than the highest
 * row number among its keys (<group>.<n>.<field>), 0 when none.
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
  return count;
}
