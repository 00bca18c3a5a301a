import { describe, expect, it } from "vitest";
import {
  equalExpressions,
  exactInteger,
  proportionalExpressions,
  STEP_BUDGET,
} from "../../../../src/core/grading/math/equal-expressions.js";
import type { MathJson } from "../../../../src/core/grading/math/evaluate-math-json.js";

const budget = () => ({ steps: STEP_BUDGET });

describe("exactInteger", () => {
  it.each([
    ["x", null],
    [1.5, null],
    [2 ** 60, null],
    [["Add", 1, 2], null],
    [7, 7n],
    [["Negate", 7], -7n],
    [{ num: "12345678901234567891" }, 12345678901234567891n],
    [{ num: "0.(3)" }, null],
  ] as [MathJson, bigint | null][])("%j -> %s", (json, expected) => {
    expect(exactInteger(json)).toBe(expected);
  });
});

describe("equalExpressions", () => {
  it.each([
    [["Power", "x", 2], ["Multiply", "x", "x"], true],
    [["Sqrt", ["Power", "x", 2]], "x", false],
    [["Sqrt", ["Power", "x", 2]], ["Abs", "x"], true],
    [10000000000, 10000000001, false],
    [{ num: "12345678901234567891" }, { num: "12345678901234567890" }, false],
    [["Divide", 1, 3], 0.333333333, false],
    [["Divide", 1, 3], ["Rational", 2, 6], true],
    ["x", "y", false],
    ["PositiveInfinity", ["Negate", "PositiveInfinity"], false],
    ["PositiveInfinity", "PositiveInfinity", true],
    [["Integrate", "x"], ["Integrate", "x"], true],
    [["Integrate", "x"], ["Integrate", "y"], "unknown"],
  ] as [MathJson, MathJson, boolean | "unknown"][])("%j vs %j -> %s", (a, b, expected) => {
    expect(equalExpressions(a, b, budget())).toBe(expected);
  });

  it("applies a scale to the first side (a percent is its value over 100)", () => {
    expect(equalExpressions(75, 0.75, budget(), [0.01, 1])).toBe(true);
    expect(equalExpressions(75, 7.5, budget(), [0.01, 1])).toBe(false);
  });

  it("spends its budget and then cannot decide", () => {
    const spent = { steps: 3 };
    expect(equalExpressions(["Add", "x", ["Add", "x", "x"]], ["Multiply", 3, "x"], spent)).toBe("unknown");
    expect(spent.steps).toBeLessThanOrEqual(0);
  });
});

describe("proportionalExpressions", () => {
  it.each([
    [
      ["Subtract", "y", ["Add", ["Multiply", 2, "x"], 1]],
      ["Add", ["Multiply", 2, "x"], ["Negate", "y"], 1],
      true,
    ],
    [["Subtract", "y", "x"], ["Subtract", "y", ["Multiply", 2, "x"]], false],
    [0, ["Subtract", "y", "x"], false],
  ] as [MathJson, MathJson, boolean][])("%j ~ %j -> %s", (a, b, expected) => {
    expect(proportionalExpressions(a, b, budget())).toBe(expected);
  });
});
