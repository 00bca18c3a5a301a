import { describe, expect, it } from "vitest";
import type { GradingSpec } from "../../../../src/core/grading/grade-result.js";
import { gradeMath } from "../../../../src/core/grading/math/grade-math.js";

const spec = (answer: string, ...aliases: string[]): GradingSpec => ({ grader: "math", answer, aliases });
const grade = (answer: unknown, gold: string) => gradeMath(answer as string, spec(gold));

describe("gradeMath: input that cannot be graded", () => {
  it.each([
    [1, "not-a-string"],
    ["", "empty"],
    ["   ", "empty"],
    ["\\boxed{}", "empty"],
    ["x".repeat(20_001), "too-long"],
    // A 5,000-term sum and deep nesting are refused before parsing, so they cost nothing.
    [Array.from({ length: 5000 }, (_, k) => `${k + 1}`).join("+"), "too-long"],
    [`${"{".repeat(100)}1${"}".repeat(100)}`, "too-deep"],
    ["\\frac{1}{", "unparsable"],
    ["2^", "unparsable"],
  ])("%j -> invalid (%s)", (answer, reason) => {
    expect(grade(answer, "1")).toMatchObject({
      correct: false,
      score: 0,
      method: "math/invalid",
      details: { reason },
    });
  });

  it("reports an empty gold", () => {
    expect(grade("1", "  ").details).toMatchObject({ reason: "bad-gold" });
  });

  it("decides a tower of powers without big-number arithmetic", () => {
    expect(grade("10^{10^{10}}", "10")).toMatchObject({ correct: false, method: "math/mismatch" });
    expect(grade("10^{10^{10}}", "10^{10^{10}}")).toMatchObject({ correct: true });
    expect(grade("\\sum_{k=1}^{1000000000} k", "5")).toMatchObject({
      correct: false,
      method: "math/undecided",
    });
  });
});

// grading.md, "Math answers beyond plain numbers" and "Wrappers are not content": [gold, answer].
const EQUAL: ReadonlyArray<readonly [string, string]> = [
  ["\\frac{7}{8}", "0.875"],
  ["\\frac{7}{8}", "7/8"],
  ["0.5", ".5"],
  ["\\frac{9}{4}", "2\\frac{1}{4}"],
  ["75\\%", "0.75"],
  ["75\\%", "75"],
  ["2\\sqrt{2}", "\\sqrt{8}"],
  ["2\\sqrt{2}", "2*sqrt(2)"],
  ["\\pi/2", "\\frac{\\pi}{2}"],
  ["x^2 - 1", "(x-1)(x+1)"],
  ["3(a+b)", "3a + 3b"],
  ["(3, -4)", "\\left(3,-4\\right)"],
  ["\\{1, 2\\}", "\\{2, 1\\}"],
  ["-2, 1", "1, -2"],
  ["(1, 2)", "1, 2"],
  ["2, 3", "(2, 3)"],
  ["\\frac{1}{3}", "0.\\overline{3}"],
  ["-i", "\\frac{1}{i}"],
  ["|x|", "\\sqrt{x^2}"],
  ["(-\\infty, 3]", "(-\\infty,3]"],
  ["3 - 4i", "3-4i"],
  ["7", "y = 7"],
  ["y = 7", "7"],
  ["y = 2x + 1", "2x - y + 1 = 0"],
  ["1011_2", "1011_{2}"],
  ["4210_{5}", "4210"],
  ["\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", "\\begin{pmatrix}1\\\\2\\end{pmatrix}"],
  ["\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", "\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}"],
  ["\\frac{13}{6}", "$\\dfrac{13}{6}$"],
  ["\\frac{13}{6}", "\\(\\tfrac{13}{6}\\)"],
  ["\\frac{3\\sqrt{3}}{4}", "$\\displaystyle\\frac{3\\sqrt{3}}{4}$"],
  ["\\left(\\frac{3}{2}, -13\\right)", "\\left(\\frac{3}{2}, -13\\right)"],
  ["10080", "10,\\!080"],
  ["10080", "10\\,080"],
  ["\\frac{7}{2}", "The value is $\\frac{7}{2}$."],
  ["\\frac{7}{2}", "The answer is 7/2."],
  ["\\frac{14}{3}", "So the area is \\boxed{\\frac{14}{3}}."],
  ["90", "90^\\circ"],
  ["5", "5\\text{ cm}"],
  ["18", "\\$18.00"],
  ["1 \\pm \\sqrt{2}", "1 + \\sqrt{2}, 1 - \\sqrt{2}"],
  ["\\text{Evelyn}", "Evelyn"],
  ["\\text{(C)}", "C"],
  ["e^{i\\pi}", "-1"],
  ["\\sqrt[3]{-8}", "-2"],
  ["x \\le 3", "3 \\ge x"],
];

// Wrong answers stay wrong: sign, brackets, radicand, truncation, order.
const UNEQUAL: ReadonlyArray<readonly [string, string]> = [
  ["x^2 - 1", "x^2 + 1"],
  ["(3, -4)", "(-4, 3)"],
  ["[0, 5)", "(0, 5)"],
  ["[-2, 7]", "(-2, 7]"],
  ["3 - 4i", "-3 - 4i"],
  ["1 + 2i", "-1 + 2i"],
  ["(-2, 1)", "(-2, -1)"],
  ["1", "-1"],
  ["2\\sqrt{2}", "2\\sqrt{3}"],
  ["\\frac{1}{3}", "0.33"],
  ["\\frac{1}{3}", "0.333333"],
  ["1011_2", "11"],
  ["1011_2", "1101_2"],
  ["1011_2", "1011_3"],
  ["p - q", "q - p"],
  ["\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", "\\begin{pmatrix} 2 \\\\ 1 \\end{pmatrix}"],
  ["\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", "\\begin{pmatrix} 1 & 2 \\end{pmatrix}"],
  ["\\{1, 2\\}", "\\{1, 2, 3\\}"],
  ["\\frac{3}{2}", "3/2 + 3/sqrt(2)"],
  ["\\text{Evelyn}", "Bob"],
  ["\\infty", "-\\infty"],
  ["x", "y"],
  ["(1, 2)", "2, 1"],
  ["k = 3", "x = 3"],
  ["12", "12.0000001"],
  ["1", "0.999999999"],
  ["x", "\\sqrt{x^2}"],
];

describe("gradeMath: equivalent answers", () => {
  it.each(EQUAL)("%s = %s", (gold, answer) => {
    expect(grade(answer, gold)).toMatchObject({ correct: true, score: 1 });
  });
});

describe("gradeMath: different answers", () => {
  it.each(UNEQUAL)("%s ≠ %s", (gold, answer) => {
    expect(grade(answer, gold)).toMatchObject({ correct: false, score: 0 });
  });
});

describe("gradeMath: verdicts", () => {
  it("says what it compared", () => {
    expect(grade("$\\dfrac{13}{6}$", "\\frac{13}{6}")).toEqual({
      correct: true,
      score: 1,
      method: "math/equal",
      details: { extracted: "\\frac{13}{6}", gold: "\\frac{13}{6}" },
    });
    expect(grade("Evelyn", "\\text{Evelyn}").method).toBe("math/text");
    expect(grade("(-4, 3)", "(3, -4)").method).toBe("math/mismatch");
  });

  it("accepts any alias", () => {
    expect(gradeMath("\\frac{1}{2}", spec("0.25", "\\frac12")).correct).toBe(true);
  });

  it("is deterministic: the same answer gets the same verdict every time", () => {
    const first = grade("(x+1)^2", "x^2+2x+1");
    for (let k = 0; k < 5; k++) expect(grade("(x+1)^2", "x^2+2x+1")).toEqual(first);
    expect(first.correct).toBe(true);
  });
});
