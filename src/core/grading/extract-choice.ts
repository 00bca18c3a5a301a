// Finds which option letter a multiple-choice answer commits to, in a fixed order of evidence.
import { needsUnicodeNormalization, plainTokens, squadTokens } from "./normalize-text.js";

/**
 * An option's words: `plain` keeps articles; `lenient` drops them (SQuAD), or is null when that would change
 * the option's meaning ("Vitamin A" would become "vitamin").
 */
export interface OptionText {
  plain: readonly string[];
  lenient: readonly string[] | null;
}

export type ChoiceStage = "anchor" | "option" | "line" | "bare" | "paren" | "text";

export type ExtractedChoice =
  | { ok: true; index: number; letter: string; stage: ChoiceStage }
  | { ok: false; reason: "no-choice" | "ambiguous" | "out-of-range"; stage?: ChoiceStage; letter?: string };

const LATEX_WRAPPER = /\\(?:boxed|text|textbf|textrm|mathrm|mathbf)\s*\{([^{}]*)\}/g;
const MARKUP = /[*`]/g;
// "answer is", "answer:", also "the correct option/choice is"; then an optional bracket and one letter.
const ANCHOR =
  /\b(?:answer|choice|option)(?:\s+is\b|\s*[:=])\s*(?:[:-]\s*)?(?:(?:option|choice)\b\s*)?(?:([([])\s*)?([A-Za-z])(?![A-Za-z0-9])(\s*[)\]])?/gi;
const OPTION = /\b(?:option|choice)\b\s*(?:[([]\s*)?([A-Za-z])(?![A-Za-z0-9])/gi;
const LINE_START = /^[ \t]*(?:\(([A-Za-z])\)|([a-z])\)|([A-Z])[).:])/gm;
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

function lastMatch(pattern: RegExp, text: string, accept: (m: RegExpExecArray) => boolean) {
  pattern.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) if (accept(m)) last = m;
  return last;
}

function pick(letter: string, stage: ChoiceStage, count: number): ExtractedChoice {
  const upper = letter.toUpperCase();
  const index = upper.charCodeAt(0) - 65;
  if (index >= count) return { ok: false, reason: "out-of-range", stage, letter: upper };
  return { ok: true, index, letter: upper, stage };
}

// A letter found inside a phrase: chosen unless the phrase offers another letter beside it.
function fromMatch(m: RegExpExecArray, group: number, stage: ChoiceStage, text: string, count: number) {
  const letter = (m[group] ?? "").toUpperCase();
  if (offersAlternative(text, letter, m.index, m.index + m[0].length)) {
    return { ok: false, reason: "ambiguous", stage, letter } as const;
  }
  return pick(letter, stage, count);
}

function uniqueOption(
  haystack: string,
  options: readonly OptionText[],
  key: "plain" | "lenient",
): number | null {
  let found: number | null = null;
  for (let i = 0; i < options.length; i++) {
    const tokens = options[i]![key];
    if (!tokens || tokens.length === 0 || !haystack.includes(` ${tokens.join(" ")} `)) continue;
    if (found !== null) return null;
    found = i;
  }
  return found;
}

// Exact words first ("O negative" is not "A negative"), then without articles ("climate" for "The climate").
function uniqueOptionText(text: string, options: readonly OptionText[]): number | null {
  if (options.length === 0) return null;
  return (
    uniqueOption(` ${plainTokens(text).join(" ")} `, options, "plain") ??
    uniqueOption(` ${squadTokens(text).join(" ")} `, options, "lenient")
  );
}

/**
 * The option an answer picks, trying in order: the last "answer is/answer:" + letter, the last "option X",
 * line-initial `X)`/`(X)`/`X.`/`X:` (one letter only), a bare `X`/`(X)`, the last `(X)`, and finally the
 * text of exactly one option (`options` are SQuAD tokens of each option).
 * @example extractChoice("**Answer: B**", 4, []) // { ok: true, index: 1, letter: "B", stage: "anchor" }
 * @example extractChoice("A or B", 4, []) // { ok: false, reason: "no-choice" }
 */
export function extractChoice(
  answer: string,
  count: number,
  options: readonly OptionText[],
): ExtractedChoice {
  const text = normalizeChoiceText(answer);
  const anchor = lastMatch(ANCHOR, text, (m) => {
    const letter = m[2] ?? "";
    if (letter !== letter.toLowerCase() || m[1] !== undefined || m[3] !== undefined) return true;
    // A lower-case letter after "answer is" is often the article: only bracketed or final ones count.
    const next = text[m.index + m[0].length];
    return next === undefined || LOWER_END.includes(next);
  });
  if (anchor !== null) return fromMatch(anchor, 2, "anchor", text, count);
  const option = lastMatch(OPTION, text, () => true);
  if (option !== null) return fromMatch(option, 1, "option", text, count);
  const lines = new Set<string>();
  let line: RegExpExecArray | null = null;
  LINE_START.lastIndex = 0;
  for (let m = LINE_START.exec(text); m !== null; m = LINE_START.exec(text)) {
    line ??= m;
    lines.add((m[1] ?? m[2] ?? m[3] ?? "").toUpperCase());
  }
  if (line !== null) {
    if (lines.size > 1) return { ok: false, reason: "ambiguous", stage: "line" };
    return fromMatch(line, line[1] !== undefined ? 1 : line[2] !== undefined ? 2 : 3, "line", text, count);
  }
  const bare = BARE.exec(text.trim());
  if (bare !== null) return pick(bare[1] ?? "", "bare", count);
  const paren = lastMatch(PAREN, text, () => true);
  if (paren !== null) return fromMatch(paren, 1, "paren", text, count);
  const byText = uniqueOptionText(text, options);
  if (byText !== null) return pick(String.fromCharCode(65 + byText), "text", count);
  return { ok: false, reason: "no-choice" };
}
