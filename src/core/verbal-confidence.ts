// Reads a confidence from the text of a <confidence> tag: a number in any common form, else a hedging phrase.
import { VERBAL_CONFIDENCE } from "./verbal-confidence-table.js";

export { VERBAL_CONFIDENCE } from "./verbal-confidence-table.js";

// Words, and the clause punctuation that ends a negation's reach ("Not that. I'm sure" is not "not ... sure").
const TOKEN_RE = /[a-z0-9'\u2019]+|[,;:.!?]/g;
const APOSTROPHES_RE = /['\u2019]/g;
// "but" too: "not X but Y" negates X only ("I'm not an expert but pretty sure").
const CLAUSE_END = new Set([",", ";", ":", ".", "!", "?", "but"]);
// Words that flip a following phrase ("not really sure", "can't be certain") when the table has no such entry.
// Written without apostrophes: `words` drops them, so "can't", "can’t" and "cant" compare equal.
// Not a lone "no": "no expert", "no doubt" and "no question" leave the phrase after them as it is.
const NEGATORS = new Set([
  "not",
  "never",
  "hardly",
  "barely",
  "nor",
  "isnt",
  "arent",
  "wasnt",
  "werent",
  "aint",
  "dont",
  "doesnt",
  "didnt",
  "cant",
  "cannot",
  "couldnt",
  "wont",
  "wouldnt",
  "shouldnt",
]);
const NEGATION_WINDOW = 3;
const NEGATED_HIGH = 30; // a negated confident phrase reads like "not sure"
const NEGATED_LOW = 60; // a negated doubtful phrase ("not unlikely") leans slightly towards yes

function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().match(TOKEN_RE) ?? []) {
    const word = raw.replace(APOSTROPHES_RE, "");
    if (word !== "") out.push(word);
  }
  return out;
}

const PHRASES = new Map<string, number>();
const PREFIXES = new Set<string>(); // every word-prefix of a phrase, so a search stops at the first dead end
for (const { phrase, confidence } of VERBAL_CONFIDENCE) {
  const key = words(phrase);
  PHRASES.set(key.join(" "), confidence);
  for (let n = 1; n <= key.length; n++) PREFIXES.add(key.slice(0, n).join(" "));
}

// A negator, or the two-word "far from" or "no way", within NEGATION_WINDOW tokens before `start` and in the
// same clause.
function isNegated(ws: readonly string[], start: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - NEGATION_WINDOW; i--) {
    const w = ws[i]!;
    if (CLAUSE_END.has(w)) return false;
    if (NEGATORS.has(w) || (w === "from" && ws[i - 1] === "far") || (w === "way" && ws[i - 1] === "no")) {
      return true;
    }
  }
  return false;
}

/**
 * The confidence (percent) of the first hedging phrase in `text`, or null when there is none. Phrases match as
 * whole words, longest first, so "not sure" and "unlikely" never read as "sure" and "likely"; a table phrase
 * preceded (within three words of the same clause) by a negation such as "not really sure", "can't be certain" or
 * "far from sure" reads as 30 (or 60 for a negated doubt).
 *
 * @example
 * verbalConfidence("very sure"); // 90
 * verbalConfidence("I'm not sure"); // 30
 * verbalConfidence("I can't be certain"); // 30
 * verbalConfidence("Paris"); // null
 */
export function verbalConfidence(text: string): number | null {
  if (typeof text !== "string") return null;
  const ws = words(text);
  for (let i = 0; i < ws.length; i++) {
    let value: number | undefined;
    let key = ws[i]!;
    // Extend while the words are still the start of some phrase; the longest complete phrase wins.
    for (let j = i + 1; PREFIXES.has(key); j++) {
      value = PHRASES.get(key) ?? value;
      if (j >= ws.length) break;
      key = `${key} ${ws[j]}`;
    }
    if (value === undefined) continue;
    if (NEGATORS.has(ws[i]!) || !isNegated(ws, i)) return value;
    return value > 50 ? NEGATED_HIGH : value < 50 ? NEGATED_LOW : value;
  }
  return null;
}

// sign, number (scientific notation allowed: "1e2" is 100), then optionally a percent sign or a fraction ("7/10",
// "7 out of 10", "1 in 4"). Every quantifier is followed by a character it cannot consume, so a match attempt
// never backtracks more than one run.
const NUMBER = String.raw`((?:\d+(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?)`;
const VALUE_RE = new RegExp(
  String.raw`([-\u2212])?${NUMBER}(?:\s*(%|per\s?cent)|\s*(\/|out\s+of|in\b)\s*${NUMBER})?`,
  "i",
);

function fromPlain(value: number, hasPoint: boolean): number {
  // A decimal in [0, 1] (written with a point, or a fraction such as 5e-1) is a probability; an integer (even 1,
  // or 1e0) or anything larger is already a percent.
  const decimal = hasPoint || !Number.isInteger(value);
  return decimal && value >= 0 && value <= 1 ? value * 100 : value;
}

// Fast path for the common case, a bare integer such as " 85 ": its value, or -1 for anything else.
function bareInteger(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && isAsciiSpace(text.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end--;
  if (end === start || end - start > 3) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function fromVerbal(text: string): { value: number; source: "verbal"; clipped: false } | null {
  const verbal = verbalConfidence(text);
  return verbal === null ? null : { value: verbal, source: "verbal", clipped: false };
}

/**
 * Reads a confidence (percent, integer 0..100) from the text of a <confidence> tag. The first number wins:
 * `75` -> 75, `73.6` -> 74 (half up), `72%` -> 72, `0.72` -> 72 and `1.0` -> 100 (a decimal point in [0, 1]
 * marks a probability), `1` -> 1, `7/10` / `7 out of 10` / `1 in 4` -> 70 / 70 / 25, a split `60/40` -> 60,
 * `1e2` -> 100, `150` -> 100 and `-5` -> 0 (clipped: true). With no number, or only the meaningless `0/0`, the
 * verbal table is used; with neither, null.
 *
 * @example
 * parseConfidenceValue("0.72"); // { value: 72, source: "numeric", clipped: false }
 * parseConfidenceValue("150"); // { value: 100, source: "numeric", clipped: true }
 * parseConfidenceValue("very sure"); // { value: 90, source: "verbal", clipped: false }
 * parseConfidenceValue("hmm"); // null
 */
export function parseConfidenceValue(
  text: string,
): { value: number; source: "numeric" | "verbal"; clipped: boolean } | null {
  if (typeof text !== "string") return null;
  const bare = bareInteger(text);
  if (bare >= 0) return { value: Math.min(bare, 100), source: "numeric", clipped: bare > 100 };
  const m = VALUE_RE.exec(text);
  if (m === null) return fromVerbal(text);
  const a = (m[1] === undefined ? 1 : -1) * Number.parseFloat(m[2]!);
  let raw = fromPlain(a, m[2]!.includes("."));
  if (m[3] !== undefined) {
    raw = a;
  } else if (m[4] !== undefined) {
    const b = Number.parseFloat(m[5]!);
    // "0/0" states no value at all: read the tag as if it had no number.
    if (a === 0 && b === 0) return fromVerbal(text);
    // "60/40" is a split of 100, not a ratio; a zero or infinite denominator is not a fraction at all.
    if (m[4] === "/" && a + b === 100 && b !== 100) raw = a;
    else if (b > 0 && Number.isFinite(a) && Number.isFinite(b)) raw = (a / b) * 100;
  }
  // Half up; the epsilon absorbs binary noise such as 0.725 * 100 = 72.49999999999999.
  const rounded = Math.floor(raw + 0.5 + 1e-9);
  const value = Math.min(Math.max(rounded, 0), 100);
  return { value, source: "numeric", clipped: value !== rounded };
}
