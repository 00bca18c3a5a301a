// Verdicts for answers a grader cannot judge, and the guards that keep every grader total.
import type { GradeResult, GradingSpec } from "./grade-result.js";

/** Longest answer a grader reads; longer answers are graded wrong instead of being scanned. */
export const MAX_ANSWER_CHARS = 20_000;

/** A wrong, zero-score verdict that says why the answer could not be judged. */
export function invalidGrade(
  prefix: string,
  reason: string,
  details: Record<string, unknown> = {},
): GradeResult {
  return { correct: false, score: 0, method: `${prefix}/invalid`, details: { reason, ...details } };
}

/** The answer as text, or the verdict explaining why it cannot be graded (not a string, empty, too long). */
export function readAnswer(prefix: string, answer: unknown): string | GradeResult {
  if (typeof answer !== "string") {
    return invalidGrade(prefix, "not-a-string", { type: answer === null ? "null" : typeof answer });
  }
  if (answer.length > MAX_ANSWER_CHARS) return invalidGrade(prefix, "too-long", { length: answer.length });
  if (answer.trim() === "") return invalidGrade(prefix, "empty");
  return answer;
}

/** A short preview of extracted text for `details`, so verdicts never carry a whole answer. */
export function preview(text: string, max = 120): string {
  return text.length <= max ? text : `${text.slice(0, max)}...`;
}

type Grader = (answer: string, spec: GradingSpec) => GradeResult;

/** Wraps a grader so that nothing it meets (junk spec, engine limits) escapes as an exception. */
export function totalGrader(prefix: string, grade: Grader): Grader {
  return (answer, spec) => {
    try {
      return grade(answer, spec);
    } catch (error) {
      return invalidGrade(prefix, "internal-error", {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
}
