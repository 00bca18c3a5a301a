import { describe, expect, it } from "vitest";
import { gradeExact } from "../../../src/core/grading/grade-exact.js";
import type { GradingSpec } from "../../../src/core/grading/grade-result.js";

const spec = (answer: string, ...aliases: string[]): GradingSpec => ({ grader: "exact", answer, aliases });
const grade = (answer: unknown, s = spec("True")) => gradeExact(answer as string, s);

describe("gradeExact: input that cannot be graded", () => {
  it.each([
    [1, "not-a-string"],
    ["", "empty"],
    ["   ", "empty"],
    ["``", "empty"],
    ['""', "empty"],
    ["```\n```", "empty"],
  ])("%j -> invalid (%s)", (answer, reason) => {
    expect(grade(answer)).toMatchObject({ correct: false, score: 0, details: { reason } });
  });

  it("reports an empty gold", () => {
    expect(grade("True", spec("  ")).details).toMatchObject({ reason: "bad-gold" });
  });
});

describe("gradeExact: matching", () => {
  it.each([
    ["True"],
    ["  True  \n"],
    ["`True`"],
    ['"True"'],
    ["'True'"],
    ["```\nTrue\n```"],
    ["```python\nTrue\n```"],
    ["Output: True"],
    ["Answer: `True`"],
    ["The answer is True."],
  ])("%j = True", (answer) => {
    expect(grade(answer)).toMatchObject({ correct: true, score: 1, method: "exact/match" });
  });

  it.each([["true"], ["TRUE"], ["True!"], ["It prints True"], ["``True``"], ["True\nFalse"]])(
    "%j != True",
    (answer) => {
      expect(grade(answer)).toMatchObject({ correct: false, score: 0, method: "exact/mismatch" });
    },
  );

  it("normalises line endings and spacing within lines but keeps line structure", () => {
    const s = spec("1 2\n3\t4");
    expect(grade("1   2  \r\n3 \t 4\r\n", s).correct).toBe(true);
    expect(grade("1 2 3 4", s).correct).toBe(false);
  });

  it("matches any alias and a gold that itself starts with 'Output:'", () => {
    expect(grade("[1, 2]", spec("[1,2]", "[1, 2]")).correct).toBe(true);
    expect(grade("Output: 5", spec("Output: 5")).correct).toBe(true);
  });

  it("strips a prefix only at the start of the answer", () => {
    expect(grade("It says Output: True").correct).toBe(false);
  });
});
