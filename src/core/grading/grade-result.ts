// What every grader returns, and what a grader needs to know about a task.
import { z } from "zod";

// exact: whitespace-normalised string equality, for generated answers such as a program's printed output.
// math: MATH-style LaTeX answers (expressions, tuples, sets, intervals, matrices) compared as Math-Verify does.
// unanswerable: a question with no right answer; only a decline grades correct.
export const GRADER_KINDS = [
  "numeric",
  "multiple_choice",
  "free_text",
  "fuzzy",
  "yes_no",
  "exact",
  "math",
  "unanswerable",
] as const;
export const GraderKind = z.enum(GRADER_KINDS).describe("How a task's answer is graded");
export type GraderKind = z.infer<typeof GraderKind>;

export const GradeResult = z
  .object({
    correct: z.boolean().describe("Whether the source benchmark would call this answer correct"),
    score: z
      .number()
      .min(0)
      .max(1)
      .describe("Graded credit in [0, 1] (partial credit, token F1, similarity...)"),
    method: z.string().describe("Which rule decided, e.g. 'numeric/exact', 'mc/letter', 'text/alias'"),
    details: z.record(z.string(), z.unknown()).describe("What was extracted and compared, for debugging"),
  })
  .meta({ id: "GradeResult" });
export type GradeResult = z.infer<typeof GradeResult>;

/** The part of a task a grader reads; the task bank's Task satisfies it. */
export interface GradingSpec {
  grader: GraderKind;
  /** Gold answer as text (a number for numeric, the correct option's letter for multiple choice, "yes"/"no"). */
  answer: string;
  /** Accepted alternatives for free-text and fuzzy grading (the gold answer counts too). */
  aliases: readonly string[];
  /** Options for multiple choice, in the order shown (lettered A, B, C...). */
  choices?: readonly string[] | null | undefined;
  /** Index of the correct option for multiple choice. */
  answer_index?: number | null | undefined;
}
