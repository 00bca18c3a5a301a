// Finds which option letter a multiple-choice answer commits to, in a fixed order of evidence.
import { afterLastAnchor } from "./answer-segment.js";
import { isNegated } from "./negation.js";
import { needsUnicodeNormalization, plainTokens, signSignature, squadTokens } from "./normalize-text.js";

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

export type ChoiceStage = "anchor" | "option" | "line" | "bare" | "paren" | "text";

export type ExtractedChoice =
  | { ok: true; index: number; letter: string; stage: ChoiceStage }
  | {
      ok: false;
      reason: "no-choice" | "ambiguous" | "negated" | "out-of-range" | "contradiction";
      stage?: ChoiceStage;
      letter?: string;
      /** With "contradiction": the index of the other option whose whole text came with the letter. */
      textIndex?: number;
    };

const LATEX_WRAPPER = /\\(?:boxed|text|textbf|textrm|mathrm|mathbf)\s*\{([^{}]*)\}/g;
const MARKUP = /[*`]/g;
// "answer is", "answer:", also "the correct option/choice is"; then an optional bracket and one letter.
const ANCHOR =
  /\b(?:answer|choice|option)(?:\s+is\b|\s*[:=])\s*(?:[:-]\s*)?(?:(?:option|choice)\b\s*)?(?:([([])\s*)?([A-Za-z])(?![A-Za-z0-9])(\s*[)\]])?/gi;
const OPTION = /\b(?:option|choice)\b\s*(?:[([]\s*)?([A-Za-z])(?![A-Za-z0-9])/gi;
const LINE_START = /^[ \t]*(?:\( ?([A-Za-z]) ?\)|([a-z]) ?\)|([A-Z]) ?[).:])/gm;
const BARE = /^[([]? ?([A-Za-z]) ?[)\]]?\.?$/;
const PAREN = /\(([A-Za-z])\)/g;
const LOWER_END = ".,;:!?)]";
// Another letter offered as an alternative right after / right before the chosen one ("B or C", "A or B").
const ALT_AFTER =
  /^\s*[)\]]?\s*(?:,|\/|&|[Oo][Rr]\b|[Aa]nd\b)\s*(?:(?:option|choice)\s+)?(?:\(([A-Za-z])\)|([A-Z])(?![A-Za-z0-9]))/;
const ALT_BEFORE =
  /(?:\(([A-Za-z])\)|\b([A-Z]))[)\]]?\s*(?:,|\/|&|\b[Oo][Rr]|\b[Aa]nd)\s*(?:(?:option|choice)\s+)?[([]?\s*$/;
const WINDOW = 40;
const ARTICLES = new Set(["a", "an", "the"]);
const LEADING_LABEL_A = /^\s*\(?\s*a\s*[).:]/i;
// An option label inside an answer: "B)" after a start, a space or a comma ("B) shelf and E) cabinet").
const LABEL = /(?<![\p{L}\p{N}(])([A-Z]) ?\)/gu;

/** Undoes markup that hides a letter: full-width forms (NFKC), `**`, backticks, `\boxed{}`, `\text{}`. */
export function normalizeChoiceText(answer: string): string {
  let text = needsUnicodeNormalization(answer) ? answer.normalize("NFKC") : answer;
  if (text.includes("\\")) {
    for (let pass = 0; pass < 3 && text.includes("{"); pass++) text = text.replace(LATEX_WRAPPER, "$1");
  }
  return text.replace(MARKUP, "");
}

function offersAlternative(text: string, letter: string, start: number, end: number): boolean {
  const after = ALT_AFTER.exec(text.slice(end, end + WINDOW));
  const before = ALT_BEFORE.exec(text.slice(Math.max(0, start - WINDOW), start));
  return [after, before].some((m) => {
    const other = m?.[1] ?? m?.[2];
    return other !== undefined && other.toUpperCase() !== letter;
  });
}

// A letter denied by its neighbours: "not option B", "Not (B)", "(B) is wrong".
function negatedMatch(m: RegExpExecArray, text: string): boolean {
  const end = m.index + m[0].length;
  return isNegated(text.slice(Math.max(0, m.index - WINDOW), m.index), text.slice(end, end + WINDOW));
}

// The last accepted match that is not negated ("(B), not (A)" picks B); "negated" when only negated ones exist.
function lastMatch(
  pattern: RegExp,
  text: string,
  accept: (m: RegExpExecArray) => boolean,
): RegExpExecArray | "negated" | null {
  pattern.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  let negated = false;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (!accept(m)) continue;
    if (negatedMatch(m, text)) negated = true;
    else last = m;
  }
  return last ?? (negated ? "negated" : null);
}

function refused(stage: ChoiceStage): ExtractedChoice {
  return { ok: false, reason: "negated", stage };
}

function pick(letter: string, stage: ChoiceStage, count: number): ExtractedChoice {
  const upper = letter.toUpperCase();
  const index = upper.charCodeAt(0) - 65;
  if (index >= count) return { ok: false, reason: "out-of-range", stage, letter: upper };
  return { ok: true, index, letter: upper, stage };
}

// The option whose whole text the answer is: plain words first, then without articles; among options that
// share their words ("12*hbar/25", "-12*hbar/25") the signs decide. Single-letter options never match whole,
// so a bare letter stays a letter.
function wholeOption(text: string, options: readonly OptionText[]): number | null {
  if (options.length === 0) return null;
  const words = plainTokens(text);
  if (words.length === 0) return null;
  const plain = words.join(" ");
  let signs: string | null = null;
  for (const key of ["plain", "lenient"] as const) {
    // SQuAD's tokens are the plain ones without articles; a label "A)" is no article ("A) arena").
    let wanted = plain;
    if (key === "lenient") {
      if (LEADING_LABEL_A.test(text)) return null;
      wanted = words.filter((w) => !ARTICLES.has(w)).join(" ");
    }
    let found: number | null = null;
    let count = 0;
    for (let i = 0; i < options.length; i++) {
      const option = options[i]!;
      const joined = key === "plain" ? optionPlainText(option) : optionLenientText(option);
      if (joined !== wanted || joined === "" || (joined.length === 1 && !joined.includes(" "))) continue;
      signs ??= signSignature(text);
      if ((option.signs ?? "") !== signs) continue;
      found = i;
      count++;
    }
    if (count === 1) return found;
    if (count > 1) return null;
  }
  return null;
}

const optionPlainText = (option: OptionText) => option.plainText ?? option.plain.join(" ");
const optionLenientText = (option: OptionText) =>
  option.lenientText !== undefined ? option.lenientText : (option.lenient?.join(" ") ?? null);

// The option text a letter comes with ("C) go slowly", "go slowly (C)", "Answer: C. go slowly"): the rest of
// the letter's line, when it is one option's whole text; null when it is anything else.
function pairedOption(
  text: string,
  start: number,
  end: number,
  withBefore: boolean,
  options: readonly OptionText[],
): number | null {
  if (options.length === 0) return null;
  const lineEnd = text.indexOf("\n", end);
  const after = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
  const before = withBefore ? text.slice(text.lastIndexOf("\n", start - 1) + 1, start) : "";
  return wholeOption(`${before} ${after}`, options);
}

// Whether an option label other than `letter` stands at or after `from`.
function labelsOther(text: string, from: number, letter: string, count: number): boolean {
  LABEL.lastIndex = from;
  for (let m = LABEL.exec(text); m !== null; m = LABEL.exec(text)) {
    const other = m[1] ?? "";
    if (other !== letter && other.charCodeAt(0) - 65 < count) return true;
  }
  return false;
}

// A letter found inside a phrase: chosen unless the phrase offers another letter beside it, is negated, or
// comes with another option's whole text.
function fromMatch(
  m: RegExpExecArray,
  group: number,
  stage: ChoiceStage,
  text: string,
  count: number,
  options: readonly OptionText[],
): ExtractedChoice {
  const letter = (m[group] ?? "").toUpperCase();
  const end = m.index + m[0].length;
  if (offersAlternative(text, letter, m.index, end)) return { ok: false, reason: "ambiguous", stage, letter };
  if (negatedMatch(m, text)) return { ok: false, reason: "negated", stage, letter };
  const picked = pick(letter, stage, count);
  if (!picked.ok) return picked;
  // "B) shelf and E) cabinet": several labelled options offered together are a hedge, not a pick.
  if ((stage === "line" || stage === "anchor") && labelsOther(text, m.index, picked.letter, count)) {
    return { ok: false, reason: "ambiguous", stage, letter: picked.letter };
  }
  // The anchor's own words ("The answer is") are not an option's text: only what follows the letter counts.
  const paired = pairedOption(text, m.index, end, stage !== "anchor", options);
  if (paired !== null && paired !== picked.index) {
    return { ok: false, reason: "contradiction", stage, letter: picked.letter, textIndex: paired };
  }
  return picked;
}

// Whether an option's words appear in the answer, and whether every appearance is plain: one beside a negator
// ("not food sources increased", "anything but Sunday", "Sunday is wrong") takes the option back.
function appearance(haystack: string, tokens: readonly string[]): "absent" | "negated" | "plain" {
  const needle = ` ${tokens.join(" ")} `;
  let at = haystack.indexOf(needle);
  if (at < 0) return "absent";
  for (; at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const end = at + needle.length - 1;
    if (isNegated(haystack.slice(Math.max(0, at - WINDOW), at + 1), haystack.slice(end, end + WINDOW))) {
      return "negated";
    }
  }
  return "plain";
}

// The one option that appears plainly; "negated" when none does but one appears negated.
function uniqueOption(
  haystack: string,
  options: readonly OptionText[],
  key: "plain" | "lenient",
): number | "negated" | null {
  let found: number | null = null;
  let negated = false;
  for (let i = 0; i < options.length; i++) {
    const tokens = options[i]![key];
    if (!tokens || tokens.length === 0) continue;
    const seen = appearance(haystack, tokens);
    if (seen === "absent") continue;
    if (seen === "negated") {
      negated = true;
      continue;
    }
    if (found !== null) return null;
    found = i;
  }
  return found ?? (negated ? "negated" : null);
}

// Exact words first ("O negative" is not "A negative"), then without articles ("climate" for "The climate").
function uniqueOptionText(text: string, options: readonly OptionText[]): number | "negated" | null {
  if (options.length === 0) return null;
  const plain = uniqueOption(` ${plainTokens(text).join(" ")} `, options, "plain");
  if (typeof plain === "number") return plain;
  const lenient = uniqueOption(` ${squadTokens(text).join(" ")} `, options, "lenient");
  return typeof lenient === "number" ? lenient : (plain ?? lenient);
}

/**
 * The option an answer picks, trying in order: the answer (or its text after the last "answer is") being one
 * option's whole text, whatever shorter option it contains; the last "answer is/answer:" + letter, the last "option X",
 * line-initial `X)`/`(X)`/`X.`/`X:` (one letter only), a bare `X`/`(X)`, the last `(X)`, and finally the
 * text of exactly one option (`options` are SQuAD tokens of each option). A negated pick ("not option B",
 * "not food sources increased") is refused, and so is a letter that comes with another option's whole text
 * ("C) go slowly" when "go slowly" is A's text: a contradiction).
 * @example extractChoice("**Answer: B**", 4, []) // { ok: true, index: 1, letter: "B", stage: "anchor" }
 * @example extractChoice("A or B", 4, []) // { ok: false, reason: "no-choice" }
 */
export function extractChoice(
  answer: string,
  count: number,
  options: readonly OptionText[],
): ExtractedChoice {
  const text = normalizeChoiceText(answer);
  // A bare letter cannot be an option's whole text (single-letter options never match whole).
  const bare = BARE.exec(text.trim());
  let whole = bare === null ? wholeOption(text, options) : null;
  if (whole === null && bare === null && options.length > 0) {
    const anchored = afterLastAnchor(text);
    if (anchored !== null) whole = wholeOption(anchored.trimStart().split("\n", 1)[0] ?? "", options);
  }
  if (whole !== null) return pick(String.fromCharCode(65 + whole), "text", count);
  const anchor = lastMatch(ANCHOR, text, (m) => {
    const letter = m[2] ?? "";
    if (letter !== letter.toLowerCase() || m[1] !== undefined || m[3] !== undefined) return true;
    // A lower-case letter after "answer is" is often the article: only bracketed or final ones count.
    const next = text[m.index + m[0].length];
    return next === undefined || LOWER_END.includes(next);
  });
  if (anchor === "negated") return refused("anchor");
  if (anchor !== null) return fromMatch(anchor, 2, "anchor", text, count, options);
  const option = lastMatch(OPTION, text, () => true);
  if (option === "negated") return refused("option");
  if (option !== null) return fromMatch(option, 1, "option", text, count, options);
  const lines = new Set<string>();
  let line: RegExpExecArray | null = null;
  LINE_START.lastIndex = 0;
  for (let m = LINE_START.exec(text); m !== null; m = LINE_START.exec(text)) {
    line ??= m;
    lines.add((m[1] ?? m[2] ?? m[3] ?? "").toUpperCase());
  }
  if (line !== null) {
    if (lines.size > 1) return { ok: false, reason: "ambiguous", stage: "line" };
    const group = line[1] !== undefined ? 1 : line[2] !== undefined ? 2 : 3;
    return fromMatch(line, group, "line", text, count, options);
  }
  if (bare !== null) return pick(bare[1] ?? "", "bare", count);
  const paren = lastMatch(PAREN, text, () => true);
  if (paren === "negated") return refused("paren");
  if (paren !== null) return fromMatch(paren, 1, "paren", text, count, options);
  const byText = uniqueOptionText(text, options);
  if (byText === "negated") return refused("text");
  if (byText !== null) return pick(String.fromCharCode(65 + byText), "text", count);
  return { ok: false, reason: "no-choice" };
}
