// Free-text normalisers (SQuAD's and TriviaQA's official ones, with diacritic folding) and token F1.

// Printable ASCII and common whitespace; anything else sends text through Unicode normalisation.
const NOT_PLAIN = /[^\t\n\r -~]/;
const COMBINING_MARKS = /\p{M}+/gu;
// Python's string.punctuation is ASCII punctuation and symbols; Unicode ones are treated the same way here.
const PUNCTUATION = /[\p{P}\p{S}]/gu;
// The same set within printable ASCII (every ASCII punctuation mark and symbol), without Unicode matching.
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const UNDERSCORES = /_/g;
const WHITESPACE = /\s+/;
const ARTICLES = new Set(["a", "an", "the"]);

/** Whether text needs Unicode normalisation (holds characters beyond printable ASCII). */
export function needsUnicodeNormalization(text: string): boolean {
  return NOT_PLAIN.test(text);
}

/** Replaces punctuation and symbols, with a plain-ASCII pattern when the text allows it (the usual case). */
function replacePunctuation(text: string, by: string): string {
  return text.replace(NOT_PLAIN.test(text) ? PUNCTUATION : ASCII_PUNCTUATION, by);
}

/**
 * Folds diacritics by NFKD decomposition and dropping combining marks.
 * @example foldDiacritics("théâtre") // "theatre"
 */
export function foldDiacritics(text: string): string {
  return NOT_PLAIN.test(text) ? text.normalize("NFKD").replace(COMBINING_MARKS, "") : text;
}

// Splitting on whitespace and dropping article tokens equals `\b(a|an|the)\b` removal once punctuation is gone.
function wordsWithoutArticles(text: string): string[] {
  return text.split(WHITESPACE).filter((word) => word !== "" && !ARTICLES.has(word));
}

/**
 * SQuAD tokens: lower-case, delete punctuation, drop articles, split on whitespace.
 * @example squadTokens("The U.S.A.!") // ["usa"]
 */
export function squadTokens(text: string): string[] {
  return wordsWithoutArticles(replacePunctuation(foldDiacritics(text).toLowerCase(), ""));
}

/**
 * Like `squadTokens` but keeping articles: "Vitamin A" must stay two words when it is an option's text.
 * @example plainTokens("Vitamin A") // ["vitamin", "a"]
 */
export function plainTokens(text: string): string[] {
  return replacePunctuation(foldDiacritics(text).toLowerCase(), "")
    .split(WHITESPACE)
    .filter((word) => word !== "");
}

const HAS_SIGN = /[-+\u2212\u2012\u2013\ufe63\uff0d±∓]/;
const MINUS = "-\u2212\u2012\u2013\ufe63\uff0d";
const TERM_START = /[\p{L}\p{N}.([{\\√π]/u;
const TERM_END = /[\p{L}\p{N})\]}|!]/u;
const UNARY_AFTER = /[\s([{,;:=<>]/;

/**
 * The signs of a text's terms, in order: the punctuation normalisers delete them, so two texts they call equal
 * can differ only here. A minus counts when it is a number's or a term's own sign (at the start or after a
 * space, bracket or comma, and glued to what follows: "(-2, -1)", "between -5 and 5"); a hyphen or dash
 * between words or numbers does not ("U-2", "867-5309", "1939 - 1945", "x-ray"). A plus counts between two
 * terms ("1+2i", "x + 1"), not as a number's own sign ("+44" is 44). Empty when the text has none.
 * @example signSignature("(-2, -1)") // "--"
 * @example signSignature("-1 + 2i") // "-+"
 * @example signSignature("U-2") // ""
 */
export function signSignature(text: string): string {
  if (!HAS_SIGN.test(text)) return "";
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "±" || ch === "∓") {
      out += ch;
    } else if (MINUS.includes(ch)) {
      const before = i === 0 ? " " : text[i - 1]!;
      if (UNARY_AFTER.test(before) && TERM_START.test(text[i + 1] ?? "")) out += "-";
    } else if (ch === "+") {
      let b = i - 1;
      while (b >= 0 && (text[b] === " " || text[b] === "\t")) b--;
      let a = i + 1;
      while (a < text.length && (text[a] === " " || text[a] === "\t")) a++;
      if (b >= 0 && TERM_END.test(text[b]!) && TERM_START.test(text[a] ?? "")) out += "+";
    }
  }
  return out;
}

/** Whether an article-like word stands after the first word ("Vitamin A", "Hepatitis A"): not an article. */
export function hasInnerArticle(tokens: readonly string[]): boolean {
  return tokens.slice(1).some((word) => ARTICLES.has(word));
}

/**
 * SQuAD's normal form: its tokens joined by single spaces.
 * @example normalizeSquad("J.R.R. Tolkien") // "jrr tolkien"
 */
export function normalizeSquad(text: string): string {
  return squadTokens(text).join(" ");
}

/**
 * TriviaQA's normal form: underscores and punctuation become spaces, lower-case, articles dropped.
 * @example normalizeTriviaQa("rock'n'roll") // "rock n roll"
 */
export function normalizeTriviaQa(text: string): string {
  const spaced = replacePunctuation(foldDiacritics(text).replace(UNDERSCORES, " ").toLowerCase(), " ");
  return wordsWithoutArticles(spaced).join(" ");
}

/** Size of the multiset intersection, for short gold lists: a bit per gold token marks it used (no Map). */
function commonSmall(prediction: readonly string[], gold: readonly string[]): number {
  let used = 0;
  let common = 0;
  for (const token of prediction) {
    for (let j = 0; j < gold.length; j++) {
      if ((used & (1 << j)) === 0 && gold[j] === token) {
        used |= 1 << j;
        common++;
        break;
      }
    }
  }
  return common;
}

/** Size of the multiset intersection, counting gold tokens in a Map. */
function commonLarge(prediction: readonly string[], gold: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const token of gold) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of prediction) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      common++;
      counts.set(token, left - 1);
    }
  }
  return common;
}

/**
 * SQuAD token F1 between a prediction and a gold answer (bag-of-tokens overlap).
 * @example tokenF1(["paris", "france"], ["paris"]) // 0.666...
 */
export function tokenF1(prediction: readonly string[], gold: readonly string[]): number {
  if (prediction.length === 0 || gold.length === 0) return 0;
  const common = gold.length <= 31 ? commonSmall(prediction, gold) : commonLarge(prediction, gold);
  if (common === 0) return 0;
  const precision = common / prediction.length;
  const recall = common / gold.length;
  return (2 * precision * recall) / (precision + recall);
}
