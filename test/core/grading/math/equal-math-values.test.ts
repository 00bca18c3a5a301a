import { describe, expect, it } from "vitest";
import { STEP_BUDGET } from "../../../../src/core/grading/math/equal-expressions.js";
import { equalMathValues, normalText } from "../../../../src/core/grading/math/equal-math-values.js";
import type { MathValue } from "../../../../src/core/grading/math/math-value.js";
import { parseMath } from "../../../../src/core/grading/math/parse-math.js";

const value = (latex: string): MathValue => {
  const parsed = parseMath(latex);
  if (!parsed.ok) throw new Error(`${latex}: ${parsed.reason}`);
  return parsed.value;
};
const equal = (a: string, b: string) => equalMathValues(value(a), value(b), { steps: STEP_BUDGET });

describe("equalMathValues, shape by shape", () => {
  it.each([
    // sequences keep order and brackets
    ["(1, 2)", "(1, 2)", true],
    ["(1, 2)", "(2, 1)", false],
    ["(1, 2)", "[1, 2]", false],
    ["(1, 2)", "(1, 2, 3)", false],
    // bare lists: unordered against sets and lists, ordered against a tuple
    ["1, 2", "2, 1", true],
    ["1, 2", "\\{2, 1\\}", true],
    ["1, 2", "(1, 2)", true],
    ["2, 1", "(1, 2)", false],
    ["1, 2", "[1, 2]", false],
    ["\\{1, 2\\}", "(1, 2)", false],
    ["1, 1, 2", "1, 2, 2", false],
    // unions, matrices
    ["(0,1)\\cup(2,3)", "(2,3)\\cup(0,1)", true],
    ["(0,1)\\cup(2,3)", "(0,1)", false],
    ["\\begin{pmatrix}1&2\\end{pmatrix}", "\\begin{pmatrix}1\\\\2\\end{pmatrix}", false],
    // equations
    ["y = 7", "7", true],
    ["7", "y = 7", true],
    ["x = 3", "k = 3", false],
    ["y = 2x + 1", "2x - y + 1 = 0", true],
    ["y = 2x + 1", "y = x + 1", false],
    // base-n numerals and text
    ["4210_{5}", "4210", true],
    ["4210_{5}", "555", false],
    ["4210_{5}", "4210_{6}", false],
    ["\\text{Evelyn}", "\\text{evelyn}", true],
    ["\\text{Evelyn}", "7", false],
  ])("%s vs %s -> %s", (a, b, expected) => {
    expect(equal(a, b)).toBe(expected);
  });

  it("cannot decide once the budget is spent", () => {
    expect(equalMathValues(value("1"), value("1"), { steps: 0 })).toBe("unknown");
  });
});

describe("normalText", () => {
  it.each([
    ["", ""],
    ["\\text{(C)}", "c"],
    [" Evelyn ", "evelyn"],
    ["(1,2)", "(1,2)"],
    ["-x", "-x"],
  ])("%j -> %j", (text, expected) => {
    expect(normalText(text)).toBe(expected);
  });
});
