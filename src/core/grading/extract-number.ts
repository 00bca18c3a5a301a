// Reads the one number an answer commits to, refusing lists of candidates ("18, or maybe 20").
import { numericSegment, type SegmentSource } from "./answer-segment.js";
import { cleanNumericText, findNumberTokens, type NumberToken } from "./parse-number.js";

export type ExtractedNumber =
  | { ok: true; value: number; percent: boolean; text: string; source: SegmentSource }
  | { ok: false; reason: "no-number" | "ambiguous" | "not-finite"; source: SegmentSource; text?: string };

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
]);
const HEDGE_CHARS = /^[a-z\s,;:/|~()[\]-]*$/;
const WORDS = /[a-z]+/g;
const BRACKETS = /[()[\]]/;

/** Relative tolerance shared by the numeric grader: |a-b| <= 1e-6 * max(1, |a|, |b|). */
export function closeEnough(a: number, b: number): boolean {
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return a === b;
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

// Text between two numbers that only offers alternatives: bare separators ("18, 20", "18-20"), "or", "maybe",
// "to", or a short phrase with "or" ("18 apples or 20"). A bracket alone is an aside: "18 (3 steps)".
function isHedge(between: string): boolean {
  const lower = between.toLowerCase();
  if (!HEDGE_CHARS.test(lower)) return false;
  const words: string[] = lower.match(WORDS) ?? [];
  if (words.length === 0) return !BRACKETS.test(lower);
  if (words.every((w) => HEDGE_WORDS.has(w))) return true;
  return words.includes("or") && words.length <= 3;
}

function differs(a: NumberToken, b: NumberToken): boolean {
  return a.percent !== b.percent || !closeEnough(a.value, b.value);
}

/**
 * The number an answer gives: the first number-like token of its anchored segment (`####`, `\boxed{}`,
 * "the answer is"), or the last token of an unanchored answer; a neighbour offered as an alternative makes it
 * ambiguous.
 * @example extractNumber("The answer is 18 (after 3 steps).") // { ok: true, value: 18, ... }
 * @example extractNumber("I think 18, or maybe 20") // { ok: false, reason: "ambiguous", ... }
 */
export function extractNumber(answer: string): ExtractedNumber {
  const segment = numericSegment(answer);
  const cleaned = cleanNumericText(segment.text);
  const tokens = findNumberTokens(cleaned);
  const source = segment.source;
  if (tokens.length === 0) return { ok: false, reason: "no-number", source };
  const anchored = source !== "whole";
  const index = anchored ? 0 : tokens.length - 1;
  const token = tokens[index]!;
  const neighbour = anchored ? tokens[1] : tokens[index - 1];
  if (neighbour !== undefined && differs(token, neighbour)) {
    const between = anchored
      ? cleaned.slice(token.end, neighbour.start)
      : cleaned.slice(neighbour.end, token.start);
    if (isHedge(between)) return { ok: false, reason: "ambiguous", source, text: token.text };
  }
  if (!Number.isFinite(token.value)) return { ok: false, reason: "not-finite", source, text: token.text };
  return { ok: true, value: token.value, percent: token.percent, text: token.text, source };
}
