import { describe, expect, it } from "vitest";
import { goldTexts, memoBySpec } from "../../../src/core/grading/gold-spec.js";
import type { GradingSpec } from "../../../src/core/grading/grade-result.js";

const spec = (answer: unknown, aliases: unknown): GradingSpec =>
  ({ grader: "free_text", answer, aliases }) as GradingSpec;

describe("goldTexts", () => {
  it("keeps the gold first, then aliases, trimmed, without empties, duplicates or non-strings", () => {
    expect(goldTexts(spec(" Paris ", ["paris", "Paris", "", "  ", 3, null, "City of Light"]))).toEqual([
      "Paris",
      "paris",
      "City of Light",
    ]);
  });

  it("survives a missing or junk spec", () => {
    expect(goldTexts(spec(undefined, undefined))).toEqual([]);
    expect(goldTexts(spec(7, "not an array"))).toEqual([]);
    expect(goldTexts(null as unknown as GradingSpec)).toEqual([]);
  });
});

describe("memoBySpec", () => {
  it("computes once per unchanged spec and again when a read field changes", () => {
    let calls = 0;
    const read = memoBySpec((s) => {
      calls++;
      return goldTexts(s).length;
    });
    const s = { grader: "free_text" as const, answer: "a", aliases: ["b"] };
    expect(read(s)).toBe(2);
    expect(read(s)).toBe(2);
    expect(calls).toBe(1);
    s.aliases.push("c");
    expect(read(s)).toBe(3);
    s.answer = "d";
    expect(read(s)).toBe(3);
    expect(calls).toBe(3);
    expect(read({ ...s })).toBe(3);
    expect(calls).toBe(4);
  });
});
