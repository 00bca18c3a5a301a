import { describe, expect, it } from "vitest";
import { describeValue } from "../../../../src/core/grading/math/math-value.js";
import {
  MAX_EXPRESSION_CHARS,
  MAX_NESTING,
  parseMath,
} from "../../../../src/core/grading/math/parse-math.js";

const shape = (latex: string) => {
  const parsed = parseMath(latex);
  return parsed.ok ? `${parsed.value.kind} ${describeValue(parsed.value)}` : `invalid ${parsed.reason}`;
};

describe("parseMath", () => {
  it.each([
    ["", "invalid empty"],
    ["x".repeat(MAX_EXPRESSION_CHARS + 1), "invalid too-long"],
    [`${"(".repeat(MAX_NESTING + 1)}1${")".repeat(MAX_NESTING + 1)}`, "invalid too-deep"],
    ["\\frac{1}{", "invalid unparsable"],
    ["(3, -4)", 'seq (3, ["Negate",4])'],
    ["[0, 5)", "seq [0, 5)"],
    ["[-2, 7]", 'seq [["Negate",2], 7]'],
    ["\\{1, 2\\}", "set {1, 2}"],
    ["-2, 1", 'list ["Negate",2], 1'],
    ["1 \\pm 2", 'list ["Add",1,2], ["Subtract",1,2]'],
    ["(0,1)\\cup(2,3)", "union (0, 1) ∪ (2, 3)"],
    ["y = 7", 'equation "y" = 7'],
    ["4210_{5}", "base 4210_5"],
    ["\\text{Evelyn}", 'text "Evelyn"'],
    ["75", "expr 75"],
    ["\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", "matrix [1 \\\\ 2]"],
  ])("%j -> %s", (latex, expected) => {
    expect(shape(latex)).toBe(expected);
  });

  it("marks a percent, read as the number written", () => {
    expect(parseMath("75\\%")).toEqual({ ok: true, value: { kind: "expr", json: 75, percent: true } });
  });
});
