// The grader registry: one place listing every grader kind, and the total entry point that dispatches to it.
import { gradeExact } from "./grade-exact.js";
import { gradeFreeText } from "./grade-free-text.js";
import { gradeFuzzy } from "./grade-fuzzy.js";
import { gradeMultipleChoice } from "./grade-multiple-choice.js";
import { gradeNumeric } from "./grade-numeric.js";
import type { GradeResult, GraderKind, GradingSpec } from "./grade-result.js";
import { gradeUnanswerable } from "./grade-unanswerable.js";
import { gradeYesNo } from "./grade-yes-no.js";
import { invalidGrade } from "./invalid-grade.js";
import { gradeMath } from "./math/grade-math.js";

export type Grader = (answer: string, spec: GradingSpec) => GradeResult;

/** Every grader, by kind. Each is total: any input yields a GradeResult, never an exception. */
export const GRADERS: Readonly<Record<GraderKind, Grader>> = Object.freeze({
  numeric: gradeNumeric,
  multiple_choice: gradeMultipleChoice,
  free_text: gradeFreeText,
  fuzzy: gradeFuzzy,
  yes_no: gradeYesNo,
  exact: gradeExact,
  math: gradeMath,
  unanswerable: gradeUnanswerable,
});

/**
 * Grades an answer with the grader its spec names. Non-string answers and unknown grader kinds grade wrong.
 * @example gradeAnswer({ grader: "numeric", answer: "18", aliases: [] }, "#### 18").correct // true
 * @example gradeAnswer({ grader: "yes_no", answer: "no", aliases: [] }, 42).method // "grading/invalid"
 */
export function gradeAnswer(spec: GradingSpec, answer: unknown): GradeResult {
  const kind: unknown = spec?.grader;
  if (typeof kind !== "string" || !Object.hasOwn(GRADERS, kind)) {
    return invalidGrade("grading", "unknown-grader", { grader: typeof kind === "string" ? kind : null });
  }
  if (typeof answer !== "string") {
    return invalidGrade("grading", "not-a-string", { type: answer === null ? "null" : typeof answer });
  }
  return GRADERS[kind as GraderKind](answer, spec);
}

export type { GradeResult, GraderKind, GradingSpec } from "./grade-result.js";
export { GRADER_KINDS } from "./grade-result.js";
