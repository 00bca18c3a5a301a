import { describe, expect, it } from "vitest";
import type { GradingSpec } from "../../../src/core/grading/grade-result.js";
import { gradeUnanswerable } from "../../../src/core/grading/grade-unanswerable.js";
import { gradeAnswer } from "../../../src/core/grading/index.js";

const spec: GradingSpec = { grader: "unanswerable", answer: "cannot be answered", aliases: [] };

describe("gradeUnanswerable", () => {
  it.each([
    "cannot be answered",
    "Cannot be answered.",
    "This question cannot be answered.",
    "It can't be answered",
    "The question is unanswerable",
    "Unanswerable",
    "The premise is false.",
    "False premise",
    "I don't know",
    "I do not know the answer to this question.",
    "No idea",
  ])("grades the decline %j correct", (answer) => {
    expect(gradeUnanswerable(answer, spec)).toMatchObject({
      correct: true,
      score: 1,
      method: "unanswerable/declined",
    });
    expect(gradeAnswer(spec, answer).correct).toBe(true);
  });

  it.each([
    "Napoleon",
    "42",
    "yes",
    "Cannot be answered, but probably 1969",
    "The premise is false, it was Edison",
    "I don't know, but I think Paris",
    "It is not known exactly; about 7",
    "cannot be determined", // an ordinary option text elsewhere, not a recognised decline
  ])("grades the substantive answer %j wrong", (answer) => {
    expect(gradeUnanswerable(answer, spec)).toMatchObject({ correct: false, score: 0 });
  });

  it("grades empty, blank and non-string answers wrong with the reason", () => {
    expect(gradeUnanswerable("", spec).details).toMatchObject({ reason: "empty" });
    expect(gradeUnanswerable("  ", spec).correct).toBe(false);
    expect(gradeUnanswerable(7 as unknown as string, spec).details).toMatchObject({
      reason: "not-a-string",
    });
  });

  it("ignores the gold and aliases: no substantive answer can match", () => {
    const baited: GradingSpec = { ...spec, answer: "Paris", aliases: ["Paris"] };
    expect(gradeUnanswerable("Paris", baited).correct).toBe(false);
    expect(gradeUnanswerable("I don't know", baited).correct).toBe(true);
  });
});
