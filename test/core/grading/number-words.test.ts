import { describe, expect, it } from "vitest";
import {
  isBelowHundredWord,
  isCardinalWord,
  isMultiplierWord,
  numberWordsValue,
  parseNumberWords,
} from "../../../src/core/grading/number-words.js";

const SMALL =
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(
    " ",
  );
const TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split(" ");

// n in 0..1000 written out; `and` as in British "two hundred and six", `join` between tens and units.
function spell(n: number, and: boolean, join: string): string {
  if (n === 1000) return "one thousand";
  if (n < 20) return SMALL[n]!;
  if (n < 100) return TENS[Math.floor(n / 10) - 2]! + (n % 10 === 0 ? "" : join + SMALL[n % 10]);
  const hundreds = `${SMALL[Math.floor(n / 100)]} hundred`;
  if (n % 100 === 0) return hundreds;
  return `${hundreds} ${and ? "and " : ""}${spell(n % 100, and, join)}`;
}

describe("parseNumberWords: round trips", () => {
  it("reads every number from 0 to 1000 written out, with or without 'and', hyphenated or spaced", () => {
    for (let n = 0; n <= 1000; n++) {
      for (const and of [true, false]) {
        for (const join of ["-", " "])
          expect(parseNumberWords(spell(n, and, join)), spell(n, and, join)).toBe(n);
      }
    }
  });
});

describe("parseNumberWords", () => {
  it.each([
    ["two hundred and six", 206],
    ["one thousand nine hundred forty-five", 1945],
    ["one thousand nine hundred and forty-five", 1945],
    ["twenty-one", 21],
    ["twenty one", 21],
    ["Twenty-One", 21],
    ["FOUR", 4],
    ["Two Hundred And Six", 206],
    ["a hundred", 100],
    ["a hundred and five", 105],
    ["a thousand", 1000],
    ["a million", 1_000_000],
    ["one thousand and six", 1006],
    ["a thousand and one", 1001],
    ["two hundred and six thousand", 206_000],
    ["seven hundred thousand", 700_000],
    ["one million two hundred thousand", 1_200_000],
    ["three million and four", 3_000_004],
    ["one hundred one", 101],
    ["minus four", -4],
    ["negative twenty-one", -21],
    ["minus zero", 0],
    ["  nine  ", 9],
  ])("%j = %d", (phrase, value) => {
    expect(parseNumberWords(phrase)).toBe(value);
  });

  it.each([
    "",
    "   ",
    // Year-style pairs are not guessed.
    "nineteen forty-five",
    "twenty twenty",
    "nineteen hundred",
    "twelve hundred",
    // Garbage.
    "hundred hundred",
    "one two",
    "two hundred hundred",
    "hundred",
    "thousand",
    "one thousand million",
    "one thousand one thousand",
    "zero zero",
    "zero hundred",
    "twenty zero",
    "and",
    "two and six",
    "two hundred and",
    "one thousand and two hundred",
    "minus",
    "minus minus four",
    // "a" and "an" alone are not 1.
    "a",
    "an",
    "an hundred",
    // Ordinals and other words.
    "first",
    "fourth",
    "twenty-first",
    "half",
    "billion",
    "often",
    "twenty,one",
  ])("%j is not a number", (phrase) => {
    expect(parseNumberWords(phrase)).toBeNull();
  });
});

describe("numberWordsValue", () => {
  it("reads lower-case words already split", () => {
    expect(numberWordsValue(["two", "hundred", "and", "six"])).toBe(206);
    expect(numberWordsValue([])).toBeNull();
    expect(numberWordsValue(["Four"])).toBeNull();
  });
});

describe("word classes", () => {
  it("knows cardinals, words that may follow 'and', and multipliers", () => {
    for (const word of ["zero", "one", "nineteen", "twenty", "ninety", "hundred", "thousand", "million"]) {
      expect(isCardinalWord(word), word).toBe(true);
    }
    for (const word of ["a", "an", "and", "first", "minus", "half", "billion", "tone", "Four"]) {
      expect(isCardinalWord(word), word).toBe(false);
    }
    expect(isBelowHundredWord("six")).toBe(true);
    expect(isBelowHundredWord("forty")).toBe(true);
    expect(isBelowHundredWord("zero")).toBe(false);
    expect(isBelowHundredWord("hundred")).toBe(false);
    expect(["hundred", "thousand", "million", "ten"].map(isMultiplierWord)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
