// Property tests: every grader is total and returns a valid GradeResult; numeric formats round-trip.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GRADER_KINDS, GradeResult, type GradingSpec } from "../../../src/core/grading/grade-result.js";
import { GRADERS, gradeAnswer } from "../../../src/core/grading/index.js";

const answerText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.stringMatching(/^[\s\d.,\-+/%$^{}\\a-zA-Z()#*<>:]{0,60}$/),
  fc.constantFrom("", " ", "#### ", "\\boxed{", "The answer is", "(A)", "A or B", "yes/no", "```"),
);
const anything = fc.oneof(answerText, fc.anything());
const spec = fc.record({
  grader: fc.constantFrom(...GRADER_KINDS),
  answer: fc.oneof(fc.string(), fc.constantFrom("18", "B", "yes", "Paris", "3/4"), fc.anything()),
  aliases: fc.oneof(fc.array(fc.string(), { maxLength: 5 }), fc.anything()),
  choices: fc.option(fc.oneof(fc.array(fc.string(), { maxLength: 6 }), fc.anything())),
  answer_index: fc.option(fc.oneof(fc.integer({ min: -2, max: 8 }), fc.anything())),
}) as fc.Arbitrary<GradingSpec>;

describe("every grader is total", () => {
  it("returns a valid GradeResult for any answer and spec, and never throws", () => {
    fc.assert(
      fc.property(spec, anything, (s, answer) => {
        for (const kind of GRADER_KINDS) {
          const result = GRADERS[kind](answer as string, s);
          expect(GradeResult.parse(result)).toEqual(result);
          if (!result.correct) expect(result.score).toBeLessThan(1);
        }
        expect(GradeResult.safeParse(gradeAnswer(s, answer)).success).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("never grades an empty or whitespace answer correct", () => {
    fc.assert(
      fc.property(spec, fc.stringMatching(/^\s*$/), (s, answer) => {
        for (const kind of GRADER_KINDS) expect(GRADERS[kind](answer, s).correct).toBe(false);
      }),
    );
  });
});

describe("numeric formats", () => {
  const formats = [
    (n: number) => `${n}`,
    (n: number) => `#### ${n}`,
    (n: number) => `\\boxed{${n}}`,
    (n: number) => `The answer is ${n}.`,
  ];
  const gold = (n: number): GradingSpec => ({ grader: "numeric", answer: String(n), aliases: [] });

  it("grades n correct against gold n and wrong against n + 1, in every format", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53 - 2), max: 2 ** 53 - 2 }), (n) => {
        for (const format of formats) {
          expect(gradeAnswer(gold(n), format(n)).correct).toBe(true);
          expect(gradeAnswer(gold(n + 1), format(n)).correct).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("grades decimals in every format against themselves", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = x.toFixed(4);
        for (const format of [(t: string) => t, (t: string) => `#### ${t}`, (t: string) => `\\boxed{${t}}`]) {
          expect(gradeAnswer(gold(Number(text)), format(text)).correct).toBe(true);
        }
      }),
    );
  });
});
