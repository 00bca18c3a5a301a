import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cleanNumericText,
  findNumberTokens,
  scanNumberTokens,
} from "../../../src/core/grading/parse-number.js";

const values = (text: string) => findNumberTokens(cleanNumericText(text)).map((t) => [t.value, t.percent]);

describe("cleanNumericText", () => {
  it.each([
    ["", ""],
    ["−3", "-3"],
    ["1–2", "1-2"],
    ["**18**", "18"],
    ["$18", " 18"],
    ["-$3", " -3"],
    ["\\$5", " 5"],
    ["USD5", " 5"],
    ["USDA 5", "USDA 5"],
    ["\\text{5 apples}", " 5 apples "],
    ["1{,}080", "1,080"],
    ["10³", "10^3"],
    ["\\dfrac{1}{2}", "\\frac{1}{2}"],
    ["\\left(3\\right)", "(3)"],
    ["５", "5"],
  ])("%j -> %j", (text, expected) => {
    expect(cleanNumericText(text)).toBe(expected);
  });
});

describe("findNumberTokens", () => {
  it("finds nothing in empty or number-free text, or in numbers glued to words", () => {
    expect(values("")).toEqual([]);
    expect(values("no numbers here")).toEqual([]);
    expect(values("AZYUK2A")).toEqual([]);
    expect(values("cm3 x^2 v1.2 COVID-19 a_1")).toEqual([]);
  });

  it.each([
    ["18", 18],
    ["-18", -18],
    ["+18", 18],
    ["18.25", 18.25],
    [".4", 0.4],
    ["1,080", 1080],
    ["1,080,000.5", 1080000.5],
    ["1 080", 1080],
    ["1\u00a0080", 1080],
    ["1.5e3", 1500],
    ["2E-2", 0.02],
    ["1.5 x 10^3", 1500],
    ["1.5x10^{-3}", 0.0015],
    ["1.5 \\times 10^{3}", 1500],
    ["1.5 \\cdot 10^3", 1500],
    ["2^10", 1024],
    ["3/4", 0.75],
    ["3 / 4", 0.75],
    ["\\frac{3}{4}", 0.75],
    ["\\frac{1.5}{3}", 0.5],
    ["2\\frac{1}{2}", 2.5],
    ["1 1/2", 1.5],
    ["-1 1/2", -1.5],
  ])("%j -> %d", (text, value) => {
    expect(values(text)).toEqual([[value, false]]);
  });

  it("flags percent forms", () => {
    expect(values("75%")).toEqual([[75, true]]);
    expect(values("75 %")).toEqual([[75, true]]);
    expect(values("75 percent")).toEqual([[75, true]]);
    expect(values("75 per cent")).toEqual([[75, true]]);
    expect(values("28 pct")).toEqual([[28, true]]);
    expect(values("28 pcts")).toEqual([[28, false]]);
  });

  it("keeps separate numbers separate and records positions", () => {
    expect(values("18, 20 and 1,0800")).toEqual([
      [18, false],
      [20, false],
      [1, false],
      [800, false],
    ]);
    expect(findNumberTokens("a 18 b")[0]).toMatchObject({ text: "18", start: 2, end: 4 });
  });

  it("returns non-finite values for the caller to judge", () => {
    expect(values("1/0")).toEqual([[Number.POSITIVE_INFINITY, false]]);
  });
});

describe("findNumberTokens' plain-number shortcut", () => {
  it.each(["42", " 42", "42.", "-0", "+7", "007", ".5", "-.5", "3.25", " 18.  ", "\u00a012", "12\u00a0"])(
    "%j gives what the full pattern gives",
    (text) => {
      expect(findNumberTokens(text)).toEqual(scanNumberTokens(text));
    },
  );

  it("is not taken for anything more than one plain number", () => {
    for (const text of [
      "1 000",
      "1\u00a0000",
      "1,000",
      "3/4",
      "1e5",
      "2^3",
      "5%",
      "42..",
      "4 2",
      "x42",
      "42x",
    ]) {
      expect(findNumberTokens(text)).toEqual(scanNumberTokens(text));
    }
  });

  it("agrees with the full pattern on any short text of digits, signs, dots and spaces", () => {
    const text = fc
      .array(fc.constantFrom("0", "1", "7", "9", ".", "-", "+", " ", "\u00a0", ",", "%", "e", "/"), {
        maxLength: 10,
      })
      .map((chars) => chars.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(findNumberTokens(t)).toEqual(scanNumberTokens(t));
      }),
      { numRuns: 2000 },
    );
  });
});
