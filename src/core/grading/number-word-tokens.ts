// Finds written-out numbers ("four chambers", "two hundred and six") in answer text, as number tokens.
import { isBelowHundredWord, isCardinalWord, isMultiplierWord, numberWordsValue } from "./number-words.js";
import type { NumberToken } from "./parse-number.js";

/** Number-word tokens, plus pronoun-like "one"s ("the one on the left") that count only as rivals in a list. */
export interface NumberWordTokens {
  tokens: NumberToken[];
  weak: NumberToken[];
}

interface Word {
  text: string;
  start: number;
  end: number;
}

const NONE: NumberWordTokens = { tokens: [], weak: [] };
const HAS_LETTER = /[a-z]/i;
const WORD = /[\p{L}\p{M}]+/gu;
const LETTER = /\p{L}/u;
const SPACE = /^[^\S\n]+$/;
// Inside a phrase: spaces ("twenty one") or one hyphen ("twenty-one").
const JOINER = /^(?:[^\S\n]+|-)$/;
const PERCENT = /[^\S\n]*(?:%|per[^\S\n]?cent\b|pct\b)/iy;
const GLUE = new Set(["-", "'", "’", "_"]);

const wordSet = (list: string): Set<string> => new Set(list.split(" "));

const ORDINALS =
  "first third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth " +
  "sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth fiftieth sixtieth seventieth " +
  "eightieth ninetieth hundredth thousandth millionth";
const FRACTIONS = wordSet(`half halves quarter quarters ${ORDINALS} ${ORDINALS.replaceAll(" ", "s ")}s`);
// Words after a phrase that make it something other than the integer it spells: "four fifths", "twenty first",
// "two dozen", "three point five", "two billion". The phrase is then unreadable, not a smaller number.
const NOT_INTEGER_AFTER = new Set([
  ...FRACTIONS,
  ...wordSet(
    "point dozen dozens score gross hundreds thousands millions billion billions trillion trillions",
  ),
]);
// Words before a lone "one" that make it a pronoun: "the one", "no one", "this one", "which one".
const DETERMINERS = wordSet(
  "the a an no any each every this that which what whichever some another other such either neither",
);
// Words after a lone "one" that are not its unit: "one of them", "one on the left", "one or two", "one is".
const NOT_UNITS = wordSet(
  "of on in at to for with by from about as into onto over under after before between among like than " +
    "that which who whom whose where when while what why how is was are were be been being am has have had " +
    "do does did can could will would shall should may might must and or but nor so yet if then else " +
    "because i you he she it we they me him her us them my your his its our their the a an this these those " +
    "another other more less here there not no too again",
);

// "twenty second" is an ordinal, "one second" a duration.
function notIntegerAfter(word: string, value: number): boolean {
  return NOT_INTEGER_AFTER.has(word) || (word === "second" && value !== 1);
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    words.push({ text: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return words;
}

// Joined to a neighbouring word by a hyphen, apostrophe or underscore: "twenty-first", "one's", "x-four".
function glued(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? "";
  const after = text[end] ?? "";
  return (
    (GLUE.has(before) && (before === "_" || LETTER.test(text[start - 2] ?? ""))) ||
    (GLUE.has(after) && (after === "_" || LETTER.test(text[end + 1] ?? "")))
  );
}

function gap(text: string, a: Word, b: Word): string {
  return text.slice(a.end, b.start);
}

// "and a half", "and one quarter": the phrase is a mixed number.
function fractionFollows(words: readonly Word[], k: number): boolean {
  let i = k;
  if (words[i]?.text !== "and") return false;
  i++;
  const article = words[i]?.text;
  if (article === "a" || article === "an" || article === "one") i++;
  return FRACTIONS.has(words[i]?.text ?? "");
}

// A lone "one" is a number only as the whole answer or before a unit ("One.", "one chamber"), not after a
// determiner ("the one", "no one") nor before a function word ("one of them", "one or two").
function loneOneIsNumber(text: string, words: readonly Word[], first: number, last: number): boolean {
  if (first === 0 && last === words.length - 1) return true;
  const prev = words[first - 1];
  if (prev !== undefined && SPACE.test(gap(text, prev, words[first]!)) && DETERMINERS.has(prev.text)) {
    return false;
  }
  const next = words[last + 1];
  return next !== undefined && SPACE.test(gap(text, words[last]!, next)) && !NOT_UNITS.has(next.text);
}

// Index of the last word of the phrase starting at words[i]: cardinals joined by spaces or one hyphen, and
// "and" after a multiplier when a number follows ("two hundred and six"; "four and five" is two phrases).
function phraseEnd(text: string, words: readonly Word[], i: number): number {
  let last = i;
  for (;;) {
    const next = words[last + 1];
    if (next === undefined || !JOINER.test(gap(text, words[last]!, next))) return last;
    if (isCardinalWord(next.text)) {
      last++;
      continue;
    }
    const after = words[last + 2];
    if (
      next.text !== "and" ||
      !isMultiplierWord(words[last]!.text) ||
      after === undefined ||
      !isBelowHundredWord(after.text) ||
      !JOINER.test(gap(text, next, after))
    ) {
      return last;
    }
    last += 2;
  }
}

function startsPhrase(text: string, words: readonly Word[], i: number): boolean {
  const word = words[i]!;
  if (isCardinalWord(word.text)) return true;
  // "a hundred", "a thousand"; "a" alone is not 1.
  const next = words[i + 1];
  return (
    word.text === "a" &&
    next !== undefined &&
    isMultiplierWord(next.text) &&
    SPACE.test(gap(text, word, next))
  );
}

// Index of the phrase's first word, taking in a "minus" or "negative" just before it.
function phraseStart(text: string, words: readonly Word[], i: number): number {
  const prev = words[i - 1];
  const signed = prev !== undefined && (prev.text === "minus" || prev.text === "negative");
  return signed && SPACE.test(gap(text, prev, words[i]!)) ? i - 1 : i;
}

/**
 * The written-out numbers in text, in order (meant for text with no digits). Whole words only, any case; a
 * phrase that is not one integer ("nineteen forty-five", "four and a half", "two dozen") makes the whole text
 * unreadable, so nothing is returned rather than a part of it.
 * @example findNumberWordTokens("The heart has four chambers.").tokens[0]?.value // 4
 * @example findNumberWordTokens("the one on the left").weak.length // 1
 */
export function findNumberWordTokens(text: string): NumberWordTokens {
  if (!HAS_LETTER.test(text)) return NONE;
  const words = wordsOf(text);
  const out: NumberWordTokens = { tokens: [], weak: [] };
  for (let i = 0; i < words.length; i++) {
    if (!startsPhrase(text, words, i)) continue;
    const first = phraseStart(text, words, i);
    const last = phraseEnd(text, words, i);
    const value = numberWordsValue(words.slice(first, last + 1).map((w) => w.text));
    const follower = words[last + 1];
    if (
      value === null ||
      (follower !== undefined &&
        JOINER.test(gap(text, words[last]!, follower)) &&
        notIntegerAfter(follower.text, value)) ||
      fractionFollows(words, last + 1)
    ) {
      return NONE;
    }
    const lone = last === i && words[i]!.text === "one";
    const start = words[first]!.start;
    const wordsEnd = words[last]!.end;
    i = last;
    if (glued(text, start, wordsEnd)) continue;
    PERCENT.lastIndex = wordsEnd;
    const percent = PERCENT.exec(text);
    const end = percent === null ? wordsEnd : wordsEnd + percent[0].length;
    const token: NumberToken = { text: text.slice(start, end), start, end, value, percent: percent !== null };
    const strong = !lone || percent !== null || loneOneIsNumber(text, words, first, last);
    (strong ? out.tokens : out.weak).push(token);
  }
  return out;
}
