import { describe, expect, it } from "vitest";
import { gradeFuzzy, similarity } from "../../../src/core/grading/grade-fuzzy.js";
import type { GradingSpec } from "../../../src/core/grading/grade-result.js";

const spec = (answer: string, ...aliases: string[]): GradingSpec => ({ grader: "fuzzy", answer, aliases });
const grade = (answer: unknown, s = spec("the quick brown fox")) => gradeFuzzy(answer as string, s);

describe("gradeFuzzy: input that cannot be graded", () => {
  it.each([
    [Symbol("x"), "not-a-string"],
    ["", "empty"],
    ["\t", "empty"],
    ["``", "empty"],
    ["q", "lone-letter"],
  ])("%# -> invalid (%s)", (answer, reason) => {
    expect(grade(answer)).toMatchObject({
      correct: false,
      score: 0,
      method: "fuzzy/invalid",
      details: { reason },
    });
  });

  it("reports an empty gold", () => {
    expect(grade("fox", spec("")).details).toMatchObject({ reason: "bad-gold" });
  });
});

describe("similarity", () => {
  it("is 1 - distance / longer length, and 0 when lengths alone rule out credit", () => {
    expect(similarity("kitten", "sitting")).toBeCloseTo(1 - 3 / 7, 10);
    expect(similarity("abc", "abc")).toBe(1);
    expect(similarity("", "")).toBe(1);
    expect(similarity("ab", "abcde")).toBe(0);
  });
});

describe("gradeFuzzy: tiers", () => {
  it("is correct at >= 0.85 with score 1, case- and spacing-insensitive", () => {
    expect(grade("The  Quick Brown Fox")).toMatchObject({ correct: true, score: 1, method: "fuzzy/match" });
    expect(grade("the quick brown fax")).toMatchObject({ correct: true, score: 1 });
  });

  it("gives 0.7 above 0.65, 0.4 above 0.45, 0 below, and is never correct there", () => {
    expect(similarity("the quick brown cat", "the quick brown fox")).toBeGreaterThan(0.65);
    expect(grade("the quick brown cat")).toMatchObject({ correct: false, score: 0.7 });
    expect(grade("the slow brown cat")).toMatchObject({ correct: false, score: 0.4 });
    expect(grade("lorem ipsum dolor sit")).toMatchObject({ correct: false, score: 0 });
  });

  it("maximises over all aliases, not the first one above a threshold", () => {
    const s = spec("completely different", "the quick brown fox jumps", "the quick brown fox");
    expect(grade("the quick brown fox", s).details).toMatchObject({
      ratio: 1,
      matched: "the quick brown fox",
    });
  });

  it("strips a leading Answer:/Output: and code fences", () => {
    expect(grade("Output: ```\nthe quick brown fox\n```").correct).toBe(true);
  });

  it("refuses an answer that opens by negating a long gold", () => {
    const mariner = spec("The Rime of the Ancient Mariner");
    for (const answer of [
      "not the rime of the ancient mariner",
      "The answer is: Not The Rime of the Ancient Mariner",
    ]) {
      expect(grade(answer, mariner)).toMatchObject({
        correct: false,
        score: 0,
        method: "fuzzy/invalid",
        details: { reason: "negated" },
      });
    }
    expect(grade("The Rime of the Ancient Mariner", mariner).correct).toBe(true);
    expect(grade("Not all who wander are lost", spec("not all who wander are lost")).correct).toBe(true);
  });

  it("finishes on long inputs", () => {
    expect(grade("x".repeat(20_000), spec("y".repeat(20_000))).correct).toBe(false);
  });
});

describe("gradeFuzzy: a sign flip is never a match", () => {
  it("holds [1, -2, 3] below the threshold for [1, 2, 3], and keeps the match when signs agree", () => {
    const spec = { grader: "fuzzy" as const, answer: "[1, 2, 3]", aliases: [] };
    expect(gradeFuzzy("[1, -2, 3]", spec)).toMatchObject({ correct: false, method: "fuzzy/mismatch" });
    expect(gradeFuzzy("[1, 2, 3] ", spec).correct).toBe(true);
    const negative = { grader: "fuzzy" as const, answer: "[-1, -2]", aliases: [] };
    expect(gradeFuzzy("[-1, -2]", negative).correct).toBe(true);
    expect(gradeFuzzy("[-1, 2]", negative).correct).toBe(false);
    // A hyphen or a dash is no sign.
    expect(gradeFuzzy("T1000 model", { grader: "fuzzy", answer: "T-1000 model", aliases: [] }).correct).toBe(
      true,
    );
  });
});
