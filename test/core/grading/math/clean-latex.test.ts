import { describe, expect, it } from "vitest";
import { cleanLatex } from "../../../../src/core/grading/math/clean-latex.js";

describe("cleanLatex", () => {
  it.each([
    ["", ""],
    ["  ", ""],
    [".", ""],
    ["7.", "7"],
    ["1.5", "1.5"],
    ["\\displaystyle\\frac{3\\sqrt{3}}{4}", "\\frac{3\\sqrt{3}}{4}"],
    ["\\left(\\dfrac{3}{2}, -13\\right).", "(\\frac{3}{2}, -13)"],
    ["\\tfrac12", "\\frac12"],
    ["10,\\!080", "10080"],
    ["1,080", "1080"],
    ["1,08", "1,08"],
    ["(1,000)", "(1,000)"],
    ["90^\\circ", "90"],
    ["90^{\\circ}", "90"],
    ["5\\text{ cm}", "5"],
    ["\\text{Evelyn}", "\\text{Evelyn}"],
    ["\\$18.00", "18.00"],
    ["−3", "-3"],
    ["2*sqrt(2)", "2*\\sqrt{2}"],
    ["x**2", "x^2"],
    ["2^(1/2)", "2^{1/2}"],
    ["pi/2", "\\pi/2"],
    ["(-infinity, 3]", "(-\\infty, 3]"],
    ["x \\le 3", "x \\leq 3"],
    ["-x", "-x"],
  ])("%j -> %j", (latex, expected) => {
    expect(cleanLatex(latex)).toBe(expected);
  });
});
