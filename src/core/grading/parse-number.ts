// Cleans numeric answer text and finds the number-like tokens in it (integers to LaTeX fractions and percents).
import { needsUnicodeNormalization } from "./normalize-text.js";

/** One number-like token found in cleaned text. */
export interface NumberToken {
  text: string;
  start: number;
  end: number;
  value: number;
  percent: boolean;
}

const SUPERSCRIPT_RUN = /\^?([⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+)/g;
const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const DASHES = /[\u2212\u2012\u2013\ufe63\uff0d]/g;
const FRACTION_SLASH = /\u2044/g;
const LATEX_FRAC = /\\[dt]frac/g;
const LATEX_WRAPPER = /\\(?:text|textbf|textrm|mathrm|mathbf|mbox|operatorname)\s*\{([^{}]*)\}/g;
const LATEX_SIZING = /\\(?:left|right)\b/g;
const LATEX_SPACE = /\\[,;:! ]|\{,\}/g;
const BOLD = /\*\*/g;
// Currency after an optional sign, so "-$3" keeps its minus; "\$" is LaTeX's escaped dollar.
const CURRENCY = /([-+]?)(?:\\\$|\$|€|£|¥|₹|(?:USD|EUR|GBP|JPY|INR)(?![A-Za-z]))/g;

/**
 * Normalises the notation around numbers: Unicode minus and dashes, superscript exponents, LaTeX wrappers and
 * spacing, `**`, currency signs and codes. Units and words are left alone: tokens are found among them.
 * @example cleanNumericText("**\\$1{,}080**") // " 1,080"
 */
export function cleanNumericText(text: string): string {
  let out = text;
  if (needsUnicodeNormalization(out)) {
    out = out
      .replace(SUPERSCRIPT_RUN, (_, run: string) => `^${superscriptToAscii(run)}`)
      .normalize("NFKC")
      .replace(DASHES, "-")
      .replace(FRACTION_SLASH, "/");
  }
  if (out.includes("\\")) {
    out = out.replace(LATEX_FRAC, "\\frac").replace(LATEX_WRAPPER, " $1 ").replace(LATEX_SIZING, "");
  }
  if (out.includes("\\") || out.includes("{,}")) {
    out = out.replace(LATEX_SPACE, (m) => (m === "{,}" ? "," : " "));
  }
  if (out.includes("**")) out = out.replace(BOLD, "");
  return out.replace(CURRENCY, " $1");
}

function superscriptToAscii(run: string): string {
  let out = "";
  for (const ch of run) {
    const digit = SUPERSCRIPT_DIGITS.indexOf(ch);
    out += digit >= 0 ? String(digit) : ch === "⁻" ? "-" : "+";
  }
  return out;
}

const DEC = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
const GROUPED = String.raw`\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3}(?!\d))+(?:\.\d+)?`;
const EXPONENT = String.raw`\{\s*[-+]?\d+\s*\}|[-+]?\d+`;
const TIMES = String.raw`(?:[x×*·]|\\times|\\cdot)`;
// Not glued to a preceding letter, digit, decimal point or caret (so "AZYUK2A", "cm3", "x^2" yield nothing).
const TOKEN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.^])(?<!\p{L}-)(?<sign>[-+])?(?:` +
    String.raw`(?:(?<lw>\d+)\s*)?\\frac\s*\{\s*(?<ln>${DEC})\s*\}\s*\{\s*(?<ld>${DEC})\s*\}` +
    String.raw`|(?<mw>\d+)[ \t]+(?<mn>\d+)\s*\/\s*(?<md>\d+)` +
    String.raw`|(?<sm>${DEC})(?:[eE](?<se>[-+]?\d+)|\s*${TIMES}\s*10\s*\^\s*(?<sx>${EXPONENT}))` +
    String.raw`|(?<pb>${DEC})\s*\^\s*(?<pe>${EXPONENT})` +
    String.raw`|(?<fn>${DEC})\s*\/\s*(?<fd>${DEC})` +
    `|(?<pl>${GROUPED}|${DEC})` +
    String.raw`)(?<pct>\s*(?:\\?%|per\s?cent\b|pct\b))?`,
  "gu",
);
const SEPARATORS = /[, \u00a0\u2009\u202f]/g;
const BRACES = /[{}\s]/g;

function plain(text: string): number {
  return Number(text.replace(SEPARATORS, ""));
}

function tokenValue(g: Record<string, string | undefined>): number {
  if (g.ln !== undefined) return (g.lw === undefined ? 0 : plain(g.lw)) + plain(g.ln) / plain(g.ld ?? "");
  if (g.mw !== undefined) return plain(g.mw) + plain(g.mn ?? "") / plain(g.md ?? "");
  if (g.sm !== undefined) {
    const exponent = g.se !== undefined ? Number(g.se) : Number((g.sx ?? "").replace(BRACES, ""));
    return plain(g.sm) * 10 ** exponent;
  }
  if (g.pb !== undefined) return plain(g.pb) ** Number((g.pe ?? "").replace(BRACES, ""));
  if (g.fn !== undefined) return plain(g.fn) / plain(g.fd ?? "");
  return plain(g.pl ?? "");
}

// The commonest answer of all, one plain number ("42", " -3.5."): the token TOKEN would find, without it.
const PLAIN_NUMBER = /^(\s*)([-+]?)(\d+(?:\.\d+)?|\.\d+)\.?\s*$/;

/**
 * Every number-like token in cleaned text, in order. Values may be non-finite (`1/0`, `1e999`): callers decide.
 * @example findNumberTokens("1 1/2 cups or 75%").map((t) => t.value) // [1.5, 75]
 */
export function findNumberTokens(text: string): NumberToken[] {
  const plainMatch = PLAIN_NUMBER.exec(text);
  if (plainMatch === null) return scanNumberTokens(text);
  const [, space, sign, digits] = plainMatch as unknown as [string, string, string, string];
  const magnitude = Number(digits);
  return [
    {
      text: sign + digits,
      start: space.length,
      end: space.length + sign.length + digits.length,
      value: sign === "-" ? -magnitude : magnitude,
      percent: false,
    },
  ];
}

/** findNumberTokens by the full pattern (exported so tests can hold the plain-number shortcut to it). */
export function scanNumberTokens(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const g = m.groups ?? {};
    const magnitude = tokenValue(g);
    tokens.push({
      text: m[0].trim(),
      start: m.index,
      end: m.index + m[0].length,
      value: g.sign === "-" ? -magnitude : magnitude,
      percent: g.pct !== undefined,
    });
  }
  return tokens;
}
