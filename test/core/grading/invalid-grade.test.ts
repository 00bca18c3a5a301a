import { describe, expect, it } from "vitest";
import { GradeResult } from "../../../src/core/grading/grade-result.js";
import {
  invalidGrade,
  MAX_ANSWER_CHARS,
  preview,
  readAnswer,
  totalGrader,
} from "../../../src/core/grading/invalid-grade.js";

describe("readAnswer", () => {
  it.each([
    [undefined, "not-a-string"],
    [null, "not-a-string"],
    [0, "not-a-string"],
    ["", "empty"],
    [" \t\n", "empty"],
    ["x".repeat(MAX_ANSWER_CHARS + 1), "too-long"],
  ])("%j -> %s", (answer, reason) => {
    const result = readAnswer("t", answer);
    expect(GradeResult.parse(result)).toMatchObject({ correct: false, score: 0, method: "t/invalid" });
    expect(result).toMatchObject({ details: { reason } });
  });

  it("passes text through unchanged, up to the limit", () => {
    expect(readAnswer("t", " 18 ")).toBe(" 18 ");
    expect(readAnswer("t", "x".repeat(MAX_ANSWER_CHARS))).toHaveLength(MAX_ANSWER_CHARS);
  });
});

describe("invalidGrade, preview, totalGrader", () => {
  it("builds a zero verdict with a reason", () => {
    expect(invalidGrade("mc", "bad-gold", { gold: "Z" })).toEqual({
      correct: false,
      score: 0,
      method: "mc/invalid",
      details: { reason: "bad-gold", gold: "Z" },
    });
  });

  it("shortens long text", () => {
    expect(preview("abc")).toBe("abc");
    expect(preview("x".repeat(500))).toHaveLength(123);
  });

  it("turns an exception into an invalid verdict", () => {
    const grade = totalGrader("t", () => {
      throw new Error("boom");
    });
    expect(grade("x", { grader: "exact", answer: "x", aliases: [] })).toMatchObject({
      correct: false,
      method: "t/invalid",
      details: { reason: "internal-error", error: "boom" },
    });
  });
});
