import { describe, expect, it } from "vitest";
import { findNumberWordTokens } from "../../../src/core/grading/number-word-tokens.js";

const values = (text: string) => findNumberWordTokens(text).tokens.map((t) => t.value);
const weakValues = (text: string) => findNumberWordTokens(text).weak.map((t) => t.value);

describe("findNumberWordTokens", () => {
  it("finds phrases in order, with their bounds", () => {
    expect(findNumberWordTokens("The heart has four chambers.").tokens).toEqual([
      { text: "four", start: 14, end: 18, value: 4, percent: false },
    ]);
    expect(findNumberWordTokens("about two hundred and six bones").tokens).toEqual([
      { text: "two hundred and six", start: 6, end: 25, value: 206, percent: false },
    ]);
    expect(values("three, perhaps four")).toEqual([3, 4]);
    expect(values("four or five")).toEqual([4, 5]);
    expect(values("four and five")).toEqual([4, 5]);
    expect(values("two hundred and maybe six")).toEqual([200, 6]);
  });

  it("reads signs, percents, capitals and hyphens", () => {
    expect(findNumberWordTokens("minus four").tokens[0]).toMatchObject({
      text: "minus four",
      start: 0,
      value: -4,
    });
    expect(values("Negative Twenty-One")).toEqual([-21]);
    expect(findNumberWordTokens("twenty percent").tokens[0]).toMatchObject({
      text: "twenty percent",
      value: 20,
      percent: true,
    });
    expect(findNumberWordTokens("twenty %").tokens[0]).toMatchObject({ value: 20, percent: true });
    expect(values("A HUNDRED")).toEqual([100]);
    expect(values("'four'")).toEqual([4]);
    expect(values("\\boxed{ four }")).toEqual([4]);
  });

  it("matches whole words only", () => {
    for (const text of [
      "often",
      "tone",
      "tennis",
      "weight",
      "someone",
      "anyone",
      "canine",
      "seventeenth",
      "tenfold",
    ]) {
      expect(findNumberWordTokens(text), text).toEqual({ tokens: [], weak: [] });
    }
  });

  it("skips a phrase glued to another word", () => {
    expect(values("twenty-first")).toEqual([]);
    expect(values("one's")).toEqual([]);
    expect(values("x-four")).toEqual([]);
    expect(values("four_chambers")).toEqual([]);
    expect(values("four-legged animals have five toes")).toEqual([5]);
  });

  it("reads 'a' only before a multiplier", () => {
    expect(values("a hundred")).toEqual([100]);
    expect(values("a thousand and one nights")).toEqual([1001]);
    expect(values("a")).toEqual([]);
    expect(values("an apple a day")).toEqual([]);
  });

  it("returns nothing when any phrase is not one integer", () => {
    for (const text of [
      "nineteen forty-five",
      "It ended in nineteen forty-five.",
      "one two",
      "hundred hundred",
      "a few hundred",
      "four and a half",
      "one and one half",
      "three quarters",
      "four fifths",
      "four-fifths",
      "twenty first",
      "twenty second",
      "two dozen",
      "three point five",
      "two billion",
      "four, or nineteen forty-five",
    ]) {
      expect(findNumberWordTokens(text), text).toEqual({ tokens: [], weak: [] });
    }
    expect(values("one second")).toEqual([1]);
    expect(values("twenty seconds")).toEqual([20]);
  });
});

describe("findNumberWordTokens: a lone 'one'", () => {
  it.each([
    "one",
    "One.",
    "(one)",
    "one chamber",
    "One chamber",
    "Earth has one moon.",
    "only one heart",
    "one percent",
    "minus one",
  ])("%j is a number", (text) => {
    expect(findNumberWordTokens(text).tokens, text).toHaveLength(1);
  });

  it.each([
    "the one on the left",
    "no one",
    "No one knows.",
    "one of them",
    "this one",
    "which one",
    "It has one.",
    "one is enough",
    "one or",
    "the one chamber",
  ])("%j is a pronoun, kept only as a weak rival", (text) => {
    expect(findNumberWordTokens(text).tokens, text).toEqual([]);
    expect(weakValues(text), text).toEqual([1]);
  });

  it("is always a number inside a larger phrase", () => {
    expect(values("the twenty-one on the left")).toEqual([21]);
    expect(values("the one hundred")).toEqual([100]);
    expect(values("one or two")).toEqual([2]);
    expect(weakValues("one or two")).toEqual([1]);
  });
});

describe("findNumberWordTokens: adversarial input finishes", () => {
  it.each([
    ["ones", "one ".repeat(5_000)],
    ["pronoun ones", "the one ".repeat(2_500)],
    ["hyphens", "twenty-".repeat(2_500)],
    ["ands", "hundred and ".repeat(1_500)],
    ["a long word", "o".repeat(20_000)],
  ])("%s", (_, text) => {
    expect(Array.isArray(findNumberWordTokens(text).tokens)).toBe(true);
  });
});
