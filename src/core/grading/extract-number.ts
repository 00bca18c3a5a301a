// Reads the one number an answer commits to, refusing lists of candidates ("18, or maybe 20") and negations.
import {
  type LocatedSegment,
  locateNumericSegment,
  type SegmentSource,
  stripSegmentMarkup,
} from "./answer-segment.js";
import { joinedByOperator } from "./expression-context.js";
import { isNegated } from "./negation.js";
import { findNumberWordTokens } from "./number-word-tokens.js";
import { cleanNumericText, findNumberTokens, type NumberToken } from "./parse-number.js";

export type ExtractedNumber =
  | { ok: true; value: number; percent: boolean; text: string; source: SegmentSource }
  | {
      ok: false;
      reason: "no-number" | "ambiguous" | "negated" | "not-finite" | "expression";
      source: SegmentSource;
      text?: string;
    };

// Words that may fill the gap between two offered answers ("18, or maybe 20", "18, though it could be 20").
const HEDGE_WORDS = new Set([
  "or",
  "and",
  "maybe",
  "perhaps",
  "possibly",
  "probably",
  "to",
  "either",
  "else",
  "otherwise",
  "alternatively",
  "though",
  "although",
  "it",
  "could",
  "might",
  "may",
  "be",
  "also",
  "even",
  "if",
  "unless",
]);
// Words that turn a short phrase between two numbers into an alternative ("18 apples or 20", "18 if rounded, 20").
const ALTERNATIVE_WORDS = new Set([
  "or",
  "maybe",
  "perhaps",
  "possibly",
  "probably",
  "alternatively",
  "otherwise",
  "else",
  "could",
  "might",
  "if",
  "unless",
]);
// Words right after a number that are not its unit ("20 of maybe 30", "18 plus 2").
const NOT_UNITS = new Set([
  "of",
  "out",
  "from",
  "per",
  "plus",
  "minus",
  "times",
  "over",
  "by",
  "than",
  "is",
  "was",
]);
const HEDGE_CHARS = /^[a-z\s,;:/|~()[\].?!-]*$/;
const WORDS = /[a-z]+/g;
const BRACKETS = /[()[\]]/;
const STOPS = /[.?!]/;
const STARTS_WITH_WORD = /^\s*[a-z]/;
const DIGIT = /\d/;
// Shared and never written to: digit answers allocate no list of weak tokens.
const NO_WEAK: NumberToken[] = [];
// How far around a number its negator may sit.
const WINDOW = 48;

/** Relative tolerance shared by the numeric grader: |a-b| <= 1e-6 * max(1, |a|, |b|). */
export function closeEnough(a: number, b: number): boolean {
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return a === b;
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

// Text between two numbers that only offers alternatives: bare separators ("18, 20", "18-20"), hedge words
// ("18, maybe 20", "18, though it could be 20"), or a short phrase with an alternative word ("18 if rounded, 20").
// The first number's unit word is ignored ("18 dollars, maybe 20"). A bracket alone is an aside: "18 (3 steps)";
// a full stop alone ends a sentence: "2. 18 remain".
function isHedge(between: string): boolean {
  const lower = between.toLowerCase();
  if (!HEDGE_CHARS.test(lower)) return false;
  let words: string[] = lower.match(WORDS) ?? [];
  const first = words[0] ?? "";
  if (words.length > 1 && STARTS_WITH_WORD.test(lower) && !HEDGE_WORDS.has(first) && !NOT_UNITS.has(first)) {
    words = words.slice(1);
  }
  if (words.length === 0) return !BRACKETS.test(lower) && !STOPS.test(lower);
  if (words.every((w) => HEDGE_WORDS.has(w))) return true;
  return words.length <= 3 && words.some((w) => ALTERNATIVE_WORDS.has(w));
}

function differs(a: NumberToken, b: NumberToken): boolean {
  return a.percent !== b.percent || !closeEnough(a.value, b.value);
}

/** Options for `extractNumber`. */
export interface ExtractOptions {
  /** Read written-out numbers ("four", "two hundred and six") when the segment has no digits; default true. */
  numberWords?: boolean;
}

interface ReadTokens {
  tokens: NumberToken[];
  /** Pronoun-like "one"s, rivals only (see findNumberWordTokens). */
  weak: NumberToken[];
  /** Whether the tokens are written-out numbers. */
  words: boolean;
}

// Digit tokens; only text without a digit is read for number words ("four"), so worked solutions are unchanged.
function readTokens(cleaned: string, numberWords: boolean): ReadTokens {
  const tokens = findNumberTokens(cleaned);
  if (tokens.length > 0 || !numberWords || DIGIT.test(cleaned)) {
    return { tokens, weak: NO_WEAK, words: false };
  }
  const found = findNumberWordTokens(cleaned);
  return { tokens: found.tokens, weak: found.weak, words: true };
}

// A pronoun-like "one" next to the answer still offers a rival: "one or two", "two, maybe one".
function rivalsWeak(cleaned: string, token: NumberToken, weak: readonly NumberToken[]): boolean {
  let before: NumberToken | undefined;
  let after: NumberToken | undefined;
  for (const w of weak) {
    if (w.end <= token.start) before = w;
    else if (after === undefined && w.start >= token.end) after = w;
  }
  return (
    (before !== undefined && differs(token, before) && isHedge(cleaned.slice(before.end, token.start))) ||
    (after !== undefined && differs(token, after) && isHedge(cleaned.slice(token.end, after.start)))
  );
}

// An earlier segment ("\boxed{18} or \boxed{20}", "the answer is 18, or maybe the answer is 20") whose number is
// offered as an alternative to this one.
function rivalsPrior(
  segment: LocatedSegment,
  cleaned: string,
  token: NumberToken,
  // Only a segment read as words looks for words in the one before, so digit answers read as they always did.
  numberWords: boolean,
): boolean {
  if (segment.priorStart < 0) return false;
  const prior = cleanNumericText(segment.full.slice(segment.priorStart, segment.start));
  const rival = readTokens(prior, numberWords).tokens[0];
  if (rival === undefined || !differs(token, rival)) return false;
  return isHedge(stripSegmentMarkup(prior.slice(rival.end)) + cleaned.slice(0, token.start));
}

// "not 18", "anything except 18", "18 is wrong"; a boxed or `####` number is read with the text around its marker.
function negated(segment: LocatedSegment, cleaned: string, token: NumberToken): boolean {
  let before = cleaned.slice(Math.max(0, token.start - WINDOW), token.start);
  let after = cleaned.slice(token.end, token.end + WINDOW);
  if (segment.source === "boxed" || segment.source === "hash") {
    const { full, start, end } = segment;
    if (before.trim() === "") {
      before = stripSegmentMarkup(cleanNumericText(full.slice(Math.max(0, start - WINDOW), start))) + before;
    }
    if (after.trim() === "") after += stripSegmentMarkup(cleanNumericText(full.slice(end, end + WINDOW)));
  }
  return isNegated(before, after, true);
}

// The one number after the last `=`, when nothing joins it to another term; null otherwise.
function resultAfterEquals(cleaned: string, tokens: readonly NumberToken[]): NumberToken | null {
  const equals = cleaned.lastIndexOf("=");
  if (equals < 0) return null;
  const after = tokens.filter((t) => t.start > equals);
  const last = after[0];
  if (after.length !== 1 || last === undefined || !Number.isFinite(last.value)) return null;
  return joinedByOperator(cleaned, last.start, last.end) ? null : last;
}

/**
 * The number an answer gives: the first number-like token of its anchored segment (`####`, `\boxed{}`,
 * "the answer is"), or the last token of an unanchored answer. A neighbour or an earlier segment offered as an
 * alternative makes it ambiguous; a negator beside it ("not 18", "18 is wrong") makes it negated; an operator
 * joining it to another term makes it an expression ("3/2 + 3/sqrt(2)" is not 2), unless one number follows the
 * last `=` ("3 + 4 = 7" is 7).
 * @example extractNumber("The answer is 18 (after 3 steps).") // { ok: true, value: 18, ... }
 * @example extractNumber("I think 18, or maybe 20") // { ok: false, reason: "ambiguous", ... }
 * @example extractNumber("It is not 18.") // { ok: false, reason: "negated", ... }
 * @example extractNumber("3/2 + 3/sqrt(2)") // { ok: false, reason: "expression", ... }
 * @example extractNumber("The heart has four chambers.") // { ok: true, value: 4, ... }
 */
export function extractNumber(answer: string, options?: ExtractOptions): ExtractedNumber {
  // The commonest answer, one plain number ("788", " -3.5."): nothing beside it can hedge or negate it.
  if (PLAIN_ANSWER.test(answer)) {
    const token = findNumberTokens(answer)[0]!;
    return { ok: true, value: token.value, percent: false, text: token.text, source: "whole" };
  }
  return extractNumberFully(answer, options);
}

const PLAIN_ANSWER = /^[ \t]*[-+]?(?:\d+(?:\.\d+)?|\.\d+)\.?[ \t]*$/;

/** extractNumber by the full rules (exported so tests can hold the plain-number shortcut to it). */
export function extractNumberFully(answer: string, options?: ExtractOptions): ExtractedNumber {
  const segment = locateNumericSegment(answer);
  const cleaned = cleanNumericText(segment.text);
  const { tokens, weak, words } = readTokens(cleaned, options?.numberWords !== false);
  const source = segment.source;
  if (tokens.length === 0) return { ok: false, reason: "no-number", source };
  const anchored = source !== "whole";
  const index = anchored ? 0 : tokens.length - 1;
  const token = tokens[index]!;
  const neighbour = anchored ? tokens[1] : tokens[index - 1];
  const text = token.text;
  if (neighbour !== undefined && differs(token, neighbour)) {
    const between = anchored
      ? cleaned.slice(token.end, neighbour.start)
      : cleaned.slice(neighbour.end, token.start);
    if (isHedge(between)) return { ok: false, reason: "ambiguous", source, text };
  }
  if (weak.length > 0 && rivalsWeak(cleaned, token, weak)) {
    return { ok: false, reason: "ambiguous", source, text };
  }
  if (rivalsPrior(segment, cleaned, token, words)) return { ok: false, reason: "ambiguous", source, text };
  if (joinedByOperator(cleaned, token.start, token.end)) {
    // "The answer is 3 + 4 = 7": a lone number after the last `=` is the result the expression was worked to.
    const result = resultAfterEquals(cleaned, tokens);
    if (result === null) return { ok: false, reason: "expression", source, text };
    return { ok: true, value: result.value, percent: result.percent, text: result.text, source };
  }
  if (negated(segment, cleaned, token)) return { ok: false, reason: "negated", source, text };
  if (!Number.isFinite(token.value)) return { ok: false, reason: "not-finite", source, text };
  return { ok: true, value: token.value, percent: token.percent, text, source };
}
