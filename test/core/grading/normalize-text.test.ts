import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  foldDiacritics,
  needsUnicodeNormalization,
  normalizeSquad,
  normalizeTriviaQa,
  signSignature,
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

/** The multiset intersection by counting, as SQuAD's reference does it. */
function referenceF1(prediction: string[], gold: string[]): number {
  const left = new Map<string, number>();
  for (const token of gold) left.set(token, (left.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of prediction) {
    const n = left.get(token) ?? 0;
    if (n > 0) {
      common++;
      left.set(token, n - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / prediction.length;
  const recall = common / gold.length;
  return (2 * precision * recall) / (precision + recall);
}

describe("tokenF1 against the counting reference", () => {
  it("matches repeats on either side, and gold lists past 31 tokens (the bitmask's limit)", () => {
    expect(tokenF1(["a", "b", "a"], ["a", "a", "c"])).toBe(referenceF1(["a", "b", "a"], ["a", "a", "c"]));
    const long = Array.from({ length: 40 }, (_, i) => `t${i % 7}`);
    expect(tokenF1(["t1", "t1", "t6", "zz"], long)).toBe(referenceF1(["t1", "t1", "t6", "zz"], long));
    expect(tokenF1(long, long)).toBe(1);
  });

  it("equals it for any token bags", () => {
    const bag = fc.array(fc.constantFrom("a", "b", "c", "d", "the", "é"), { maxLength: 40 });
    fc.assert(
      fc.property(bag, bag, (prediction, gold) => {
        expect(tokenF1(prediction, gold)).toBe(referenceF1(prediction, gold));
      }),
    );
  });
});

describe("normalisers on plain ASCII take a shortcut that changes nothing", () => {
  // The definitions with Unicode classes only, as the normalisers read before the ASCII shortcut.
  const words = (text: string) =>
    text.split(/\s+/).filter((w) => w !== "" && !["a", "an", "the"].includes(w));
  const squad = (text: string) => words(text.toLowerCase().replace(/[\p{P}\p{S}]/gu, ""));
  const trivia = (text: string) =>
    words(
      text
        .replace(/_/g, " ")
        .toLowerCase()
        .replace(/[\p{P}\p{S}]/gu, " "),
    ).join(" ");

  it("treats every ASCII punctuation mark and symbol as Unicode does, and nothing else", () => {
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");
    expect(squadTokens(`x${ascii}y`)).toEqual(squad(`x${ascii}y`));
    expect(normalizeTriviaQa(`x${ascii}y`)).toBe(trivia(`x${ascii}y`));
  });

  it("agrees with the Unicode definitions on any printable ASCII text", () => {
    const text = fc.string({ unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)) });
    fc.assert(
      fc.property(text, (t) => {
        expect(squadTokens(t)).toEqual(squad(t));
        expect(normalizeTriviaQa(t)).toBe(trivia(t));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("signSignature", () => {
  it.each([
    ["", ""],
    ["Paris", ""],
    ["(-2, -1)", "--"],
    ["(-2,1)", "-"],
    ["-1 + 2i", "-+"],
    ["1+2i", "+"],
    ["between -5 and 5", "-"],
    ["−3", "-"],
    ["x ± 2", "±"],
    // Hyphens, dashes, bullets and a number's own plus.
    ["x-ray", ""],
    ["U-2", ""],
    ["867-5309", ""],
    ["1939 – 1945", ""],
    ["- 1066", ""],
    ["+44", ""],
    ["C++", ""],
  ])("%j -> %j", (text, expected) => {
    expect(signSignature(text)).toBe(expected);
  });
});
