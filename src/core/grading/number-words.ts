// Reads English cardinal number phrases ("four", "twenty-one", "two hundred and six") as integers.

const SMALL = new Map<string, number>(
  [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
  ].map((word, value) => [word, value]),
);
const TENS = new Map<string, number>(
  ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].map((word, i) => [
    word,
    20 + 10 * i,
  ]),
);
const SCALES = new Map<string, number>([
  ["thousand", 1_000],
  ["million", 1_000_000],
]);
const SEPARATOR = /[\s-]+/;

interface Part {
  value: number;
  next: number;
}

/** Whether a lower-case word is a cardinal ("four", "twenty", "hundred", "million"); "a" and "and" are not. */
export function isCardinalWord(word: string): boolean {
  return SMALL.has(word) || TENS.has(word) || word === "hundred" || SCALES.has(word);
}

/** Whether a lower-case word can follow "and" inside a phrase ("hundred and six", "thousand and twenty"). */
export function isBelowHundredWord(word: string): boolean {
  return (SMALL.get(word) ?? 0) > 0 || TENS.has(word);
}

/** Whether a lower-case word multiplies what precedes it ("hundred", "thousand", "million"): "a" may start it. */
export function isMultiplierWord(word: string): boolean {
  return word === "hundred" || SCALES.has(word);
}

// 1..99: "seven", "fifteen", "forty", "forty two" (hyphens are gone by now).
function belowHundred(words: readonly string[], i: number): Part | null {
  const word = words[i] ?? "";
  const small = SMALL.get(word);
  if (small !== undefined) return small > 0 ? { value: small, next: i + 1 } : null;
  const tens = TENS.get(word);
  if (tens === undefined) return null;
  const unit = SMALL.get(words[i + 1] ?? "") ?? 0;
  return unit >= 1 && unit <= 9 ? { value: tens + unit, next: i + 2 } : { value: tens, next: i + 1 };
}

// 1..999: "six", "a hundred", "two hundred and six", "nine hundred forty-five"; "a" only before a hundred or a
// scale ("a thousand"). Teens before "hundred" ("nineteen hundred") are year talk, not accepted.
function group(words: readonly string[], i: number): Part | null {
  const word = words[i] ?? "";
  const digit = word === "a" ? 1 : (SMALL.get(word) ?? 0);
  if (words[i + 1] === "hundred" && digit >= 1 && digit <= 9) {
    const value = digit * 100;
    if (words[i + 2] === "and") {
      const rest = belowHundred(words, i + 3);
      return rest === null ? null : { value: value + rest.value, next: rest.next };
    }
    const rest = belowHundred(words, i + 2);
    return rest === null ? { value, next: i + 2 } : { value: value + rest.value, next: rest.next };
  }
  if (word === "a") return SCALES.has(words[i + 1] ?? "") ? { value: 1, next: i + 1 } : null;
  return belowHundred(words, i);
}

/**
 * The value of a cardinal phrase given as lower-case words (hyphens split off), or null when the words are not
 * one well-formed number: "one two", "hundred hundred", and year-style pairs ("nineteen forty-five") are null.
 * @example numberWordsValue(["two", "hundred", "and", "six"]) // 206
 */
export function numberWordsValue(words: readonly string[]): number | null {
  let i = 0;
  let sign = 1;
  if (words[0] === "minus" || words[0] === "negative") {
    sign = -1;
    i = 1;
  }
  if (i >= words.length) return null;
  if (words[i] === "zero") return i + 1 === words.length ? 0 : null;
  let total = 0;
  let lastScale = Number.POSITIVE_INFINITY;
  while (i < words.length) {
    const part = group(words, i);
    if (part === null) return null;
    i = part.next;
    if (i === words.length) return sign * (total + part.value);
    const scale = SCALES.get(words[i] ?? "");
    // Scales fall strictly: "one million two thousand", never "one thousand million".
    if (scale === undefined || scale >= lastScale) return null;
    total += part.value * scale;
    lastScale = scale;
    i++;
    if (words[i] === "and") {
      // "one thousand and six": after a scale, "and" opens the last part, under a hundred.
      const rest = belowHundred(words, i + 1);
      return rest !== null && rest.next === words.length ? sign * (total + rest.value) : null;
    }
  }
  return sign * total;
}

/**
 * The integer a written-out number phrase names (case-insensitive; hyphens or spaces between words), or null.
 * @example parseNumberWords("Two hundred and six") // 206
 * @example parseNumberWords("twenty-one") // 21
 * @example parseNumberWords("nineteen forty-five") // null
 */
export function parseNumberWords(phrase: string): number | null {
  const trimmed = phrase.trim().toLowerCase();
  return trimmed === "" ? null : numberWordsValue(trimmed.split(SEPARATOR));
}
