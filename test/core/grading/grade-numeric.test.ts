import { describe, expect, it } from "vitest";
import { gradeNumeric } from "../../../src/core/grading/grade-numeric.js";
import type { GradingSpec } from "../../../src/core/grading/grade-result.js";

const gold = (answer: string, aliases: string[] = []): GradingSpec => ({
  grader: "numeric",
  answer,
  aliases,
});
const grade = (answer: unknown, g = "18") => gradeNumeric(answer as string, gold(g));

describe("gradeNumeric: input that cannot be graded", () => {
  it.each([
    [undefined, "not-a-string"],
    [null, "not-a-string"],
    [18, "not-a-string"],
    ["", "empty"],
    ["   \n\t", "empty"],
    ["several", "no-number"],
    ["x".repeat(20_001), "too-long"],
  ])("%j -> invalid (%s)", (answer, reason) => {
    expect(grade(answer)).toEqual({
      correct: false,
      score: 0,
      method: "numeric/invalid",
      details: expect.objectContaining({ reason }),
    });
  });

  it("reports a gold that is not a number", () => {
    expect(gradeNumeric("18", gold("eighteen")).details).toMatchObject({ reason: "bad-gold" });
    expect(gradeNumeric("18", { grader: "numeric" } as unknown as GradingSpec).details).toMatchObject({
      reason: "bad-gold",
    });
  });

  it("rejects a non-finite value", () => {
    expect(grade("1/0").details).toMatchObject({ reason: "not-finite" });
    expect(grade("1e999").details).toMatchObject({ reason: "not-finite" });
  });
});

describe("gradeNumeric: candidate lists are wrong", () => {
  it.each([
    "I think 18, or maybe 20",
    "18 or 20",
    "18, 20",
    "18-20",
    "18 to 20",
    "The answer is 18 or 20.",
    "#### 18 or 20",
    "\\boxed{18 \\text{ or } 20}",
    "18 apples or 20 apples",
    "either 20 or 18",
  ])("%j", (answer) => {
    expect(grade(answer)).toMatchObject({ correct: false, score: 0, details: { reason: "ambiguous" } });
  });

  it("does not call a repeated value or an explanation ambiguous", () => {
    expect(grade("18 or 18.0").correct).toBe(true);
    expect(grade("The answer is 18, since 3 * 6 = 18").correct).toBe(true);
    expect(grade("She had 3 or 4 friends, so the total is 18").correct).toBe(true);
  });
});

describe("gradeNumeric: negations of the gold are invalid", () => {
  it.each([
    "not 18",
    "It is not 18.",
    "The answer is not 18",
    "18 is wrong",
    "18 is incorrect",
    "18 is not the answer",
    "anything except 18",
    "anything but 18",
    "other than 18",
    "x ≠ 18",
    "not equal to 18",
    "**not** $18",
  ])("%j", (answer) => {
    expect(grade(answer)).toEqual({
      correct: false,
      score: 0,
      method: "numeric/invalid",
      details: expect.objectContaining({ reason: "negated", extracted: "18" }),
    });
  });

  it("still grades an answer that denies a different number", () => {
    expect(grade("The answer is 18, not 20")).toMatchObject({ correct: true, method: "numeric/exact" });
    expect(grade("It's not 20, it's 18")).toMatchObject({ correct: true, method: "numeric/exact" });
    expect(grade("18 is correct")).toMatchObject({ correct: true, method: "numeric/exact" });
    expect(grade("The answer is 18, not 20", "20").correct).toBe(false);
  });
});

describe("gradeNumeric: candidate lists behind units, clauses or repeated segments", () => {
  it.each([
    "18 dollars, maybe 20 dollars",
    "18 apples, perhaps 20 apples",
    "18, though it could be 20",
    "18 if rounded, 20 otherwise",
    "\\boxed{18} or \\boxed{20}",
  ])("%j is wrong against either number", (answer) => {
    for (const g of ["18", "20"]) {
      expect(grade(answer, g)).toMatchObject({ correct: false, score: 0, details: { reason: "ambiguous" } });
    }
  });

  it("keeps worked solutions and asides with several numbers correct", () => {
    expect(grade("3 + 4 = 7, so the answer is 7", "7").correct).toBe(true);
    expect(grade("The answer is 20 (18 + 2)", "20").correct).toBe(true);
    expect(grade("The answer is 20 km/h", "20").correct).toBe(true);
    expect(grade("Answer: 20 dollars (18 + 2)", "20").correct).toBe(true);
    expect(grade("18 + 2 = 20\n#### 20", "20").correct).toBe(true);
    expect(grade("\\boxed{18} is wrong; \\boxed{20}", "20").correct).toBe(true);
    expect(grade("1 1/2 cups", "1.5").correct).toBe(true);
  });
});

describe("gradeNumeric: segment selection", () => {
  it("prefers ####, then the last \\boxed{}, then the last anchor, then the last number", () => {
    expect(grade("\\boxed{20}\n#### 18").correct).toBe(true);
    expect(grade("\\boxed{20} then \\boxed{18}").correct).toBe(true);
    expect(grade("The answer is 18. \\boxed{20}").correct).toBe(false);
    expect(grade("The answer is 20. No wait, the answer is 18.").correct).toBe(true);
    expect(grade("Final answer: 18 apples, from 3 bags").correct).toBe(true);
    expect(grade("3 * 6 = 18").correct).toBe(true);
    expect(grade("18 is half of 36").correct).toBe(false);
  });

  it("strips calculator notes", () => {
    expect(grade("3 * 6 = <<3*6=18>>18 apples").correct).toBe(true);
    expect(grade("3 * 6 = <<3*6=18>>19").correct).toBe(false);
  });

  it("brace-matches \\boxed{}", () => {
    expect(grade("\\boxed{\\frac{3}{4}}", "0.75").correct).toBe(true);
    expect(grade("\\boxed{\\dfrac{3}{4}}", "0.75").correct).toBe(true);
    expect(grade("\\boxed{18", "18").correct).toBe(true);
  });
});

describe("gradeNumeric: notation", () => {
  it.each([
    ["-$3", "-3"],
    ["\\$1,080", "1080"],
    ["EUR 18", "18"],
    ["18 GBP", "18"],
    ["**18**", "18"],
    ["\\text{18 dollars}", "18"],
    ["1{,}080", "1080"],
    ["1\u2009080", "1080"],
    ["1 080 000", "1080000"],
    ["1\\frac{1}{2}", "1.5"],
    ["-1 1/2", "-1.5"],
    ["1.5E-3", "0.0015"],
    ["1.5 × 10^3", "1500"],
    ["1.5·10³", "1500"],
    ["2^10", "1024"],
    ["75 per cent", "0.75"],
    ["75\\%", "0.75"],
    ["75%", "75"],
    ["0.75", "75%"],
    ["5km", "5"],
    ["0.333333", "1/3"],
    ["The answer is -5.", "-5"],
  ])("%j = %s", (answer, g) => {
    expect(grade(answer, g)).toMatchObject({ correct: true, score: 1, method: "numeric/exact" });
  });

  it.each([
    ["AZYUK2A", "2"],
    ["COVID-19", "19"],
    ["cm3", "3"],
    ["x^2", "2"],
    ["1000001", "1000000"],
    ["0.3333", "1/3"],
    ["3/4", "3"],
  ])("%j != %s", (answer, g) => {
    expect(grade(answer, g).correct).toBe(false);
  });
});

describe("gradeNumeric: partial credit stays wrong", () => {
  it("scores 0.8 within 1%, 0.5 within 5%, 0 beyond", () => {
    expect(grade("99.5", "100")).toMatchObject({ correct: false, score: 0.8, method: "numeric/close" });
    expect(grade("97", "100")).toMatchObject({ correct: false, score: 0.5, method: "numeric/close" });
    expect(grade("90", "100")).toMatchObject({ correct: false, score: 0, method: "numeric/wrong" });
    expect(grade("0.001", "0")).toMatchObject({ correct: false, score: 0 });
  });
});

describe("gradeNumeric: gold and aliases", () => {
  it("accepts an alias that parses and ignores one that does not", () => {
    expect(gradeNumeric("50%", gold("0.4", ["0.5", "half"])).correct).toBe(true);
    expect(gradeNumeric("half", gold("0.4", ["0.5", "half"])).correct).toBe(false);
  });

  it("reuses a spec's parsed gold but notices a changed answer", () => {
    const spec = { grader: "numeric" as const, answer: "18", aliases: [] };
    expect(gradeNumeric("18", spec).correct).toBe(true);
    spec.answer = "19";
    expect(gradeNumeric("18", spec).correct).toBe(false);
  });
});

describe("gradeNumeric: written-out numbers", () => {
  it("grades an answer in words like one in digits", () => {
    expect(grade("eighteen")).toMatchObject({
      correct: true,
      method: "numeric/exact",
      details: { extracted: "eighteen", value: 18, source: "whole" },
    });
    expect(grade("The answer is eighteen dollars.")).toMatchObject({
      correct: true,
      details: { source: "anchor" },
    });
    expect(grade("#### Eighteen")).toMatchObject({ correct: true, details: { source: "hash" } });
    expect(grade("twenty percent", "0.2").correct).toBe(true);
    expect(grade("nineteen")).toMatchObject({ correct: false, method: "numeric/wrong" });
    expect(grade("ninety-nine", "100")).toMatchObject({
      correct: false,
      score: 0.8,
      method: "numeric/close",
    });
  });

  it("reports negated and ambiguous words as digits are", () => {
    expect(grade("not eighteen").details).toMatchObject({ reason: "negated", extracted: "eighteen" });
    expect(grade("eighteen, or maybe twenty").details).toMatchObject({ reason: "ambiguous" });
    expect(grade("one or eighteen").details).toMatchObject({ reason: "ambiguous" });
    expect(grade("nineteen forty-five", "1945").details).toMatchObject({ reason: "no-number" });
  });

  it("ignores words when the segment has a digit, and reads gold in digits only", () => {
    expect(grade("eighteen, or 20", "20").correct).toBe(true);
    expect(grade("20 apples, eighteen eaten", "20").correct).toBe(true);
    expect(grade("20 apples, eighteen eaten", "18").correct).toBe(false);
    expect(gradeNumeric("four", gold("four")).details).toMatchObject({ reason: "bad-gold" });
    expect(gradeNumeric("four", gold("4", ["four"])).correct).toBe(true);
  });

  it.each([
    ["ones", "one ".repeat(5_000)],
    ["pronoun ones", "the one ".repeat(2_500)],
    ["hyphens", "twenty-".repeat(2_500)],
    ["words and hedges", "four or ".repeat(2_500)],
  ])("finishes on adversarial %s", (_, answer) => {
    expect(typeof grade(answer).correct).toBe("boolean");
  });
});

describe("gradeNumeric: adversarial input finishes", () => {
  it.each([
    ["digits and spaces", "1 ".repeat(9_000)],
    ["calculator openers", "<<".repeat(9_000)],
    ["box openers", "\\boxed{".repeat(2_500)],
    ["anchors and spaces", `answer: ${" ".repeat(19_000)}x`],
    ["one long number", "9".repeat(19_000)],
    ["commas", "1,".repeat(9_000)],
    ["fractions", "1/".repeat(9_000)],
    ["exponents", "1 x 10^".repeat(2_500)],
  ])("%s", (_, answer) => {
    expect(typeof grade(answer).correct).toBe("boolean");
  });
});

describe("gradeNumeric: an expression is not its last number", () => {
  const gold = (answer: string) => ({ grader: "numeric" as const, answer, aliases: [] });
  it.each([
    ["3/2 + 3/sqrt(2)", "2"],
    ["3/2 + 3/sqrt(2)", "1.5"],
    ["\\boxed{3/2 + 3/\\sqrt{2}}", "2"],
    ["2\\sqrt{3}", "2"],
    ["\\frac{\\pi}{2}", "2"],
    ["x + 2", "2"],
    ["4 * 6", "6"],
    ["2π", "2"],
    ["3 \\times 4", "4"],
    ["The answer is 7 - x", "7"],
  ])("%j is not %s", (answer, value) => {
    expect(gradeNumeric(answer, gold(value))).toMatchObject({
      correct: false,
      method: "numeric/invalid",
      details: { reason: "expression" },
    });
  });

  it("refuses a difference of terms as a candidate list or an expression, never as its last number", () => {
    expect(gradeNumeric("5^2 - 1", gold("1")).correct).toBe(false);
    expect(gradeNumeric("5^2 - 1", gold("24")).correct).toBe(false);
  });

  it.each([
    ["5 + 3 = 8", "8"],
    ["The answer is 3 + 4 = 7.", "7"],
    ["x = 5", "5"],
    ["18-year-old", "18"],
    ["$18/hour", "18"],
    ["The answer is 18 (after 3 steps).", "18"],
    ["2^10", "1024"],
    ["1.5 x 10^3", "1500"],
    ["-3", "-3"],
    ["So he has 15 apples. 5 * 3 = 15", "15"],
  ])("%j is still %s", (answer, value) => {
    expect(gradeNumeric(answer, gold(value)).correct).toBe(true);
  });
});

describe("gradeNumeric: expressions the review found, and prose that is no expression", () => {
  const gold = (answer: string) => ({ grader: "numeric" as const, answer, aliases: [] });
  it.each([
    ["pi + 1", "1"],
    ["\\pi + 1", "1"],
    ["2 + pi", "2"],
    ["2 + sin(x)", "2"],
    ["3/2 + 3/sqrt 2", "2"],
    ["3⋅4", "4"],
    ["3 ∙ 4", "4"],
    ["θ + 4", "4"],
    ["\\alpha + 4", "4"],
    ["ab + 4", "4"],
    ["|x| + 4", "4"],
    ["x! + 4", "4"],
    ["√2", "2"],
    ["\\sqrt 2", "2"],
    ["sqrt 2", "2"],
    ["\\ln 2", "2"],
    ["log 2", "2"],
    ["2i", "2"],
  ])("%j is not %s", (answer, value) => {
    expect(gradeNumeric(answer, gold(value)).correct).toBe(false);
  });

  it.each([
    ["$18/h", "18"],
    ["18/h", "18"],
    ["The answer is 18 - a lot of money", "18"],
    ["The answer is 5 - I think", "5"],
    ["5-a-side", "5"],
    ["a 3-D model", "3"],
    ["5-day", "5"],
    ["45 km/h", "45"],
    ["9.8 m/s^2", "9.8"],
    ["x=-5", "-5"],
    ["18 + years", "18"],
    ["It takes 2 hours", "2"],
  ])("%j is still %s", (answer, value) => {
    expect(gradeNumeric(answer, gold(value)).correct).toBe(true);
  });
});
