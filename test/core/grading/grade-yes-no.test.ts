import { describe, expect, it } from "vitest";
import type { GradingSpec } from "../../../src/core/grading/grade-result.js";
import { gradeYesNo, readPolarity } from "../../../src/core/grading/grade-yes-no.js";

const spec = (answer: string): GradingSpec => ({ grader: "yes_no", answer, aliases: [] });
const grade = (answer: unknown, gold = "yes") => gradeYesNo(answer as string, spec(gold));

describe("gradeYesNo: input that cannot be graded", () => {
  it.each([
    [true, "not-a-string"],
    ["", "empty"],
    ["\n", "empty"],
    ["Maybe", "not-yes-no"],
    ["It depends", "not-yes-no"],
    ["Not sure", "not-yes-no"],
    ["Yeah", "not-yes-no"],
    ["42", "not-yes-no"],
    ["Yes or no", "ambiguous"],
    ["yes/no", "ambiguous"],
    ["True, false", "ambiguous"],
    ["Yes and no", "ambiguous"],
    ["yes but no", "ambiguous"],
    ["Yes, but no.", "ambiguous"],
    ["true and false", "ambiguous"],
    ["The answer is yes and no, it depends", "ambiguous"],
  ])("%j -> invalid (%s)", (answer, reason) => {
    expect(grade(answer)).toEqual({
      correct: false,
      score: 0,
      method: "yes_no/invalid",
      details: expect.objectContaining({ reason }),
    });
  });

  it("reports a gold that is not yes/no", () => {
    expect(grade("yes", "maybe").details).toMatchObject({ reason: "bad-gold" });
  });
});

describe("gradeYesNo: both polarities joined", () => {
  it("is invalid against either gold", () => {
    for (const answer of ["Yes and no", "yes but no", "No and yes"]) {
      for (const gold of ["yes", "no"]) {
        expect(grade(answer, gold)).toMatchObject({ correct: false, details: { reason: "ambiguous" } });
      }
    }
  });
});

describe("gradeYesNo: reading the answer", () => {
  it.each([
    ["Yes", "yes", true],
    ["yes.", "yes", true],
    ["**Yes**, because the sky is blue.", "yes", true],
    ["TRUE", "yes", true],
    ["No, it is not.", "yes", false],
    ["false", "no", true],
    ["I considered yes. The answer is no.", "no", true],
    ["Answer: Yes", "no", false],
    ["Yes, yes", "yes", true],
    ["Yes, but only in winter", "yes", true],
    ["No, but it was close", "no", true],
    ["No, but it was close", "yes", false],
    ["Yes, and no one disagrees", "yes", true],
  ])("%j vs %s -> %s", (answer, gold, correct) => {
    expect(grade(answer, gold)).toMatchObject({ correct, score: correct ? 1 : 0, method: "yes_no/word" });
  });

  it("reads gold written as true/false or with capitals", () => {
    expect(readPolarity("True")).toBe("yes");
    expect(readPolarity(" No.")).toBe("no");
    expect(readPolarity("nope")).toBeNull();
  });
});
