import { describe, expect, it } from "vitest";
import {
  foldDiacritics,
  needsUnicodeNormalization,
  normalizeSquad,
  normalizeTriviaQa,
  squadTokens,
  tokenF1,
} from "../../../src/core/grading/normalize-text.js";

describe("foldDiacritics", () => {
  it.each([
    ["", ""],
    ["plain", "plain"],
    ["théâtre", "theatre"],
    ["Zürich", "Zurich"],
    ["ﬁne", "fine"],
  ])("%j -> %j", (text, expected) => {
    expect(foldDiacritics(text)).toBe(expected);
  });

  it("leaves printable ASCII alone", () => {
    expect(needsUnicodeNormalization("Hello, world!\n")).toBe(false);
    expect(needsUnicodeNormalization("é")).toBe(true);
    expect(needsUnicodeNormalization("\u0000")).toBe(true);
  });
});

describe("normalizeSquad", () => {
  it.each([
    ["", ""],
    ["   ", ""],
    ["The", ""],
    ["The Beatles", "beatles"],
    ["U.S.A.", "usa"],
    ["J.R.R. Tolkien", "jrr tolkien"],
    ["rock'n'roll", "rocknroll"],
    ["1,000", "1000"],
    ["  A   tale of two  cities ", "tale of two cities"],
    ["theater", "theater"],
    ["“Quoted”", "quoted"],
    ["snake_case", "snakecase"],
  ])("%j -> %j", (text, expected) => {
    expect(normalizeSquad(text)).toBe(expected);
  });

  it("drops articles only as whole words", () => {
    expect(squadTokens("Anathema and theme")).toEqual(["anathema", "and", "theme"]);
  });
});

describe("normalizeTriviaQa", () => {
  it.each([
    ["", ""],
    ["rock'n'roll", "rock n roll"],
    ["snake_case", "snake case"],
    ["U.S.A.", "u s"],
    ["The Beatles", "beatles"],
    ["Théâtre", "theatre"],
  ])("%j -> %j", (text, expected) => {
    expect(normalizeTriviaQa(text)).toBe(expected);
  });
});

describe("tokenF1", () => {
  it("is 0 for empty or disjoint, 1 for equal bags, and counts repeats once each", () => {
    expect(tokenF1([], ["a"])).toBe(0);
    expect(tokenF1(["a"], [])).toBe(0);
    expect(tokenF1(["x"], ["y"])).toBe(0);
    expect(tokenF1(["b", "a"], ["a", "b"])).toBe(1);
    expect(tokenF1(["paris", "france"], ["paris"])).toBeCloseTo(2 / 3, 10);
    expect(tokenF1(["a", "a"], ["a"])).toBeCloseTo(2 / 3, 10);
  });
});
