// Matching an answer against whole option texts, the text a letter comes with, and labelled option lists.
import { afterLastAnchor } from "./answer-segment.js";
import { isNegated } from "./negation.js";
import { plainTokens, signSignature } from "./normalize-text.js";

/**
 * An option's words: `plain` keeps articles; `lenient` drops them (SQuAD), or is null when that would change
 * the option's meaning ("Vitamin A" would become "vitamin").
 */
export interface OptionText {
  plain: readonly string[];
  lenient: readonly string[] | null;
  /** The option's signs (`signSignature`): "-12*hbar/25" and "12*hbar/25" share their words. */
  signs?: string;
  /** `plain` and `lenient` joined by spaces, when the caller keeps them ready (the grader memoises them). */
  plainText?: string;
  lenientText?: string | null;
}

const ARTICLES = new Set(["a", "an", "the"]);
const LEADING_LABEL_A = /^\s*\(?\s*a\s*[).:]/i;
const SINGLE_LETTER = /^\p{L}$/u;
const HAS_WORD = /[\p{L}\p{N}]/u;
// Where a clause that explains the pick begins: "C) go slowly, as it is safest".
const CLAUSE_BREAK = /\s*(?:[,;(]|\s[-–—]\s|\s(?:because|since|as|which|so)\b)/i;
// Option labels in an answer: "B)" / "(B)" / "B." / "B:" before the option's words, or "(B)" after them.
const LABEL_BEFORE_TEXT = /(?<![\p{L}\p{N}])\(?([A-Z]) ?[).:](?= ?\p{L})/gu;
const LABEL_AFTER_TEXT = /\p{L}[ \t]*\(([A-Z])\)/gu;

const plainText = (option: OptionText) => option.plainText ?? option.plain.join(" ");
const lenientText = (option: OptionText) =>
  option.lenientText !== undefined ? option.lenientText : (option.lenient?.join(" ") ?? null);

// The options whose joined words equal `wanted`, narrowed by signs; the one index, or null (none or several).
function matchWords(
  text: string,
  wanted: string,
  options: readonly OptionText[],
  key: "plain" | "lenient",
): number | null | "several" {
  let found: number | null = null;
  let count = 0;
  let signs: string | null = null;
  for (let i = 0; i < options.length; i++) {
    const option = options[i]!;
    const joined = key === "plain" ? plainText(option) : lenientText(option);
    if (joined !== wanted || joined === null || joined === "" || SINGLE_LETTER.test(joined)) continue;
    signs ??= signSignature(text);
    if ((option.signs ?? "") !== signs) continue;
    found = i;
    count++;
  }
  return count > 1 ? "several" : found;
}

/**
 * The option whose whole text the answer is: plain words first, then without articles; among options that
 * share their words ("12*hbar/25", "-12*hbar/25") the signs decide. Single-letter options never match whole,
 * so a bare letter stays a letter; null when no option, or more than one, matches.
 * @example wholeOption("Marching band.", options) // the index of "marching band", not of "band"
 */
export function wholeOption(text: string, options: readonly OptionText[]): number | null {
  if (options.length === 0 || !HAS_WORD.test(text)) return null;
  const words = plainTokens(text);
  if (words.length === 0) return null;
  const plain = matchWords(text, words.join(" "), options, "plain");
  if (plain !== null) return plain === "several" ? null : plain;
  // SQuAD's tokens are the plain ones without articles; a label "A)" is no article ("A) arena").
  if (LEADING_LABEL_A.test(text)) return null;
  const lenient = matchWords(text, words.filter((w) => !ARTICLES.has(w)).join(" "), options, "lenient");
  return lenient === "several" ? null : lenient;
}

/**
 * The option text a letter comes with ("C) go slowly", "go slowly (C)", "The answer is go slowly (C)", "C) go
 * slowly, as it is safest"): the rest of the letter's line, or its first clause, when it is one option's whole
 * text; null otherwise. With `withBefore` false only the text after the letter counts (an anchor's own words).
 */
export function pairedOption(
  text: string,
  start: number,
  end: number,
  withBefore: boolean,
  options: readonly OptionText[],
): number | null {
  if (options.length === 0) return null;
  const lineEnd = text.indexOf("\n", end);
  const after = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
  let before = withBefore ? text.slice(text.lastIndexOf("\n", start - 1) + 1, start) : "";
  if (before !== "" && HAS_WORD.test(before)) before = afterLastAnchor(before) ?? before;
  const rest = `${before} ${after}`;
  if (!HAS_WORD.test(rest)) return null;
  const whole = wholeOption(rest, options);
  if (whole !== null) return whole;
  const cut = CLAUSE_BREAK.exec(after);
  return cut === null || cut.index === 0
    ? null
    : wholeOption(`${before} ${after.slice(0, cut.index)}`, options);
}

// Whether the option words `tokens` start (or, `atEnd`, end) the given words.
function wordsAt(words: readonly string[], tokens: readonly string[], atEnd: boolean): boolean {
  if (tokens.length === 0 || tokens.length > words.length) return false;
  const offset = atEnd ? words.length - tokens.length : 0;
  return tokens.every((token, k) => words[offset + k] === token);
}

/**
 * Whether another option than `letter` is offered with its label at or after `from`: the label next to that
 * option's own words, not negated ("B) shelf and E) cabinet", "(B) desk and (E) shelf", "B. desk, E. shelf",
 * "desk (B) and shelf (E)"). A label only discussed ("A) is tempting, but option B") is no offer.
 */
export function labelsOther(
  text: string,
  from: number,
  letter: string,
  options: readonly OptionText[],
): boolean {
  for (const pattern of [LABEL_BEFORE_TEXT, LABEL_AFTER_TEXT]) {
    pattern.lastIndex = from;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const other = m[1] ?? "";
      const option = options[other.charCodeAt(0) - 65];
      if (other === letter || option === undefined) continue;
      const start = m.index;
      const end = start + m[0].length;
      const before = text.slice(Math.max(0, start - 80), pattern === LABEL_AFTER_TEXT ? start + 1 : start);
      const after = text.slice(end, end + 80);
      const beside = pattern === LABEL_BEFORE_TEXT ? plainTokens(after) : plainTokens(before);
      if (!wordsAt(beside, option.plain, pattern === LABEL_AFTER_TEXT)) continue;
      // The negator stands before the option's words: "not shelf (E)", "not E) shelf".
      const wordsStart = pattern === LABEL_AFTER_TEXT ? start + 1 - plainText(option).length : start;
      if (!isNegated(text.slice(Math.max(0, wordsStart - 40), Math.max(0, wordsStart)), "")) return true;
    }
  }
  return false;
}

/** The last "X)" label in the middle of a line ("I choose C) go slowly"), or null. */
export function lastInlineLabel(text: string): RegExpExecArray | null {
  const pattern = /(?<![\p{L}\p{N}(])([A-Z]) ?\)(?= ?\p{L})/gu;
  let last: RegExpExecArray | null = null;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) last = m;
  return last;
}
