// Finds which option letter a multiple-choice answer commits to, in a fixed order of evidence.
import { afterLastAnchor } from "./answer-segment.js";
import { isNegated } from "./negation.js";
import { needsUnicodeNormalization, plainTokens, squadTokens } from "./normalize-text.js";
import { labelsOther, lastInlineLabel, type OptionText, pairedOption, wholeOption } from "./option-text.js";

export type { OptionText } from "./option-text.js";

export type ChoiceStage = "anchor" | "option" | "line" | "bare" | "paren" | "label" | "text";

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
  // "B) shelf and E) cabinet": several labelled options offered together are a hedge, not a pick. After an
  // anchor only the labels that follow it count (the analysis before "the answer is" names every option).
  if (labelsOther(text, stage === "anchor" ? m.index : 0, picked.letter, options)) {
    return { ok: false, reason: "ambiguous", stage, letter: picked.letter };
  }
  // The anchor's own words ("The answer is") are not an option's text: only what follows the letter counts.
  const paired = pairedOption(text, m.index, end, stage === "paren" || stage === "option", options);
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
 * line-initial `X)`/`(X)`/`X.`/`X:` (one letter only), a bare `X`/`(X)`, the last `(X)`, the last `X)` inside a
 * line ("I choose C) stop"), and finally the
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
    const anchored = afterLastAnchor(text)?.trimStart().split("\n", 1)[0];
    if (anchored !== undefined && !BARE.test(anchored)) whole = wholeOption(anchored, options);
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
  const label = lastInlineLabel(text);
  if (label !== null) return fromMatch(label, 1, "label", text, count, options);
  const byText = uniqueOptionText(text, options);
  if (byText === "negated") return refused("text");
  if (byText !== null) return pick(String.fromCharCode(65 + byText), "text", count);
  return { ok: false, reason: "no-choice" };
}
