import { describe, expect, it } from "vitest";
import {
  extractMathAnswer,
  lastBoxed,
  lastMathSegment,
} from "../../../../src/core/grading/math/extract-math-answer.js";

describe("lastBoxed", () => {
  it.each([
    ["", null],
    ["no box", null],
    ["\\boxed{", null],
    ["\\boxed x", null],
    ["\\boxed{}", ""],
    ["\\boxed{7}", "7"],
    ["\\boxed{\\frac{1}{2}} then \\boxed{\\frac{3}{4}}", "\\frac{3}{4}"],
    ["\\boxed{\\{1, 2\\}}", "\\{1, 2\\}"],
    ["\\fbox{(3, -4)}", "(3, -4)"],
    ["\\boxed {x^{2}}", "x^{2}"],
  ])("%j -> %j", (text, expected) => {
    expect(lastBoxed(text)).toBe(expected);
  });
});

describe("lastMathSegment", () => {
  it.each([
    ["", null],
    ["costs \\$5 and \\$6", null],
    ["$x$", "x"],
    ["first $a$ then $b$", "b"],
    ["$$\\frac{1}{2}$$", "\\frac{1}{2}"],
    ["\\(3-4i\\)", "3-4i"],
    ["\\[ (1, 2) \\]", " (1, 2) "],
  ])("%j -> %j", (text, expected) => {
    expect(lastMathSegment(text)).toBe(expected);
  });
});

describe("extractMathAnswer", () => {
  it.each([
    ["", ""],
    ["  7 ", "7"],
    ["The answer is 7/2.", "7/2."],
    ["The value is $\\frac{7}{2}$.", "\\frac{7}{2}"],
    ["So $x = 3$, and the answer is $\\boxed{5}$.", "5"],
    ["We get $x=2$. The answer is $-2, 1$", "-2, 1"],
    ["Final answer: (3, -4)", "(3, -4)"],
    ["The value is 7/2", "7/2"],
    ["Thus x = 5", "x = 5"],
    ["-3", "-3"],
  ])("%j -> %j", (answer, expected) => {
    expect(extractMathAnswer(answer)).toBe(expected);
  });
});
