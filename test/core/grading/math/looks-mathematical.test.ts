import { describe, expect, it } from "vitest";
import { looksMathematical } from "../../../../src/core/grading/math/looks-mathematical.js";

describe("looksMathematical", () => {
  it.each([
    ["", false],
    ["   ", false],
    ["x".repeat(401), false],
    ["Paris", false],
    ["the Beatles", false],
    ["yes, mostly", false],
    ["\\text{Evelyn}", false],
    ["H2O", false],
    ["1,080", false],
    ["A", false],
    ["2020-01-05", false],
    ["3-1", false],
    ["U-235", false],
    ["\\frac{14}{3}", true],
    ["$\\frac{1}{2}$", true],
    ["(3, \\frac{\\pi}{2})", true],
    ["(3, -4)", true],
    ["[0, 5)", true],
    ["x^2 - 1", true],
    ["p - q", true],
    ["x-1", true],
    ["3-4i", true],
    ["1011_2", true],
    ["2*sqrt(2)", true],
    ["y = 7", true],
  ])("%j -> %s", (gold, expected) => {
    expect(looksMathematical(gold)).toBe(expected);
  });
});
