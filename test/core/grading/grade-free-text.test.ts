import { describe, expect, it } from "vitest";
import { gradeFreeText } from "../../../src/core/grading/grade-free-text.js";
import type { GradingSpec } from "../../../src/core/grading/grade-result.js";

const spec = (answer: string, ...aliases: string[]): GradingSpec => ({
  grader: "free_text",
  answer,
  aliases,
});
const grade = (answer: unknown, s = spec("Paris")) => gradeFreeText(answer as string, s);

describe("gradeFreeText: input that cannot be graded", () => {
  it.each([
    [undefined, "not-a-string"],
    [{ text: "Paris" }, "not-a-string"],
    ["", "empty"],
    ["  ", "empty"],
    ["The", "empty"],
    ["?!", "empty"],
    ["The answer is", "empty"],
    ["P", "lone-letter"],
    ["p.", "lone-letter"],
    ["Answer: (B)", "lone-letter"],
  ])("%j -> invalid (%s)", (answer, reason) => {
    expect(grade(answer)).toEqual({
      correct: false,
      score: 0,
      method: "text/invalid",
      details: expect.objectContaining({ reason }),
    });
  });

  it("reports a gold with nothing left after normalisation", () => {
    expect(grade("Paris", spec("the")).details).toMatchObject({ reason: "bad-gold" });
    expect(
      grade("Paris", { grader: "free_text", answer: 3, aliases: null } as unknown as GradingSpec).details,
    ).toMatchObject({ reason: "bad-gold" });
  });

  it("never matches a single-letter gold with a single letter", () => {
    expect(grade("C", spec("C")).correct).toBe(false);
  });
});

describe("gradeFreeText: matching", () => {
  it("matches any alias, including the gold answer", () => {
    const s = spec("Joseph Stalin", "Stalin", "Iosif Vissarionovich Dzhugashvili");
    expect(grade("stalin", s)).toMatchObject({ correct: true, score: 1, method: "text/alias" });
    expect(grade("Joseph Stalin.", s).correct).toBe(true);
    expect(grade("Dzhugashvili", s)).toMatchObject({ correct: false, method: "text/f1" });
  });

  it("reads the line after the last anchor, and still accepts an answer that is exactly an alias", () => {
    expect(grade("Hmm, Lyon? The answer is: **Paris**.\nIt is the capital.").correct).toBe(true);
    expect(grade("Answer: Lyon").correct).toBe(false);
    expect(grade("The answer is Paris", spec("The Answer is Paris")).correct).toBe(true);
  });

  it("treats containment as no match and reports the best F1", () => {
    expect(grade("not Paris")).toMatchObject({ correct: false, score: 2 / 3 });
    expect(grade("Paris or London")).toMatchObject({ correct: false, score: 0.5 });
    expect(grade("London").score).toBe(0);
    expect(grade("Paris, France", spec("Lyon", "Paris")).score).toBeCloseTo(2 / 3, 10);
  });

  it("accepts a match under either normaliser", () => {
    expect(grade("rock'n'roll", spec("rock n roll")).correct).toBe(true);
    expect(grade("rock’n’roll", spec("rock n roll")).correct).toBe(true);
    expect(grade("snake_case", spec("snake case")).correct).toBe(true);
    expect(grade("U.S.A.", spec("USA")).correct).toBe(true);
  });

  it("folds diacritics on both sides", () => {
    expect(grade("Théâtre", spec("theatre")).correct).toBe(true);
    expect(grade("Zurich", spec("Zürich")).correct).toBe(true);
  });

  it("keeps numbers distinct", () => {
    expect(grade("1,000", spec("1000")).correct).toBe(true);
    expect(grade("100", spec("1000")).correct).toBe(false);
  });
});

describe("gradeFreeText: signs are content", () => {
  const gold = (answer: string) => ({ grader: "free_text" as const, answer, aliases: [] });
  it.each([
    ["(-2, -1)", "(-2,1)"],
    ["-1 + 2i", "1+2i"],
    ["1", "-1"],
    ["x - 1", "x + 1"],
    ["-x", "x"],
  ])("%j is not %j", (answer, value) => {
    expect(gradeFreeText(answer, gold(value)).correct).toBe(false);
    expect(gradeFreeText(value, gold(answer)).correct).toBe(false);
  });

  it.each([
    ["(-2, 1)", "(-2,1)"],
    ["COVID-19", "COVID 19"],
    ["rock-n-roll", "rock n roll"],
    ["X-ray", "x ray"],
    ["−3", "-3"],
    // Hyphens inside names and numbers, dashes, bullets and a number's own plus are no signs.
    ["U-2", "U2"],
    ["F16", "F-16"],
    ["R2D2", "R2-D2"],
    ["VE Day", "V-E Day"],
    ["867 5309", "867-5309"],
    ["Boeing 747 400", "Boeing 747-400"],
    ["1990 1995", "1990-1995"],
    ["44", "+44"],
    ["- 1066", "1066"],
  ])("%j is still %j", (answer, value) => {
    expect(gradeFreeText(answer, gold(value)).correct).toBe(true);
  });
});
