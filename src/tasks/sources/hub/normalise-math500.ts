// MATH-500 (HuggingFaceH4/MATH-500): competition problems from the MATH test set with LaTeX answers, graded by
// the math grader; a row is kept only when its gold grades correct against the \boxed{} of its own solution.

import { lastBoxed } from "../../../core/grading/math/extract-math-answer.js";
import { gradeMath } from "../../../core/grading/math/grade-math.js";
import type { Difficulty } from "../../../core/taxonomy.js";
import type { Task } from "../../task.js";
import { finishHubTask, type HubRow, type NormaliseContext } from "./hub-task.js";
import { text, toSafeInteger } from "./row-values.js";

/**
 * Difficulty rule, from MATH's own `level`: 1-2 easy, 3 medium, 4-5 hard; null outside 1-5.
 * @example math500Difficulty(3n) // "medium"
 */
export function math500Difficulty(level: unknown): Difficulty | null {
  const n = toSafeInteger(level);
  if (n === null || n < 1 || n > 5) return null;
  if (n <= 2) return "easy";
  return n === 3 ? "medium" : "hard";
}

/**
 * Whether a gold answer is usable: it grades correct through the math grader against itself and against the
 * last `\boxed{}` of the solution (a gold the grader cannot read would make every answer wrong).
 * @example math500GoldValid("\\frac{14}{3}", "... so the answer is $\\boxed{\\dfrac{14}{3}}$.") // true
 */
export function math500GoldValid(gold: string, solution: string): boolean {
  const spec = { grader: "math" as const, answer: gold, aliases: [] };
  const boxed = lastBoxed(solution);
  return boxed !== null && gradeMath(gold, spec).correct && gradeMath(`\\boxed{${boxed}}`, spec).correct;
}

/** A MATH-500 row as a math task; null without a problem, a self-validating gold or a level in 1-5. */
export function normaliseMath500(row: HubRow, index: number, context: NormaliseContext): Task | null {
  const question = text(row.problem);
  const answer = text(row.answer);
  const solution = text(row.solution);
  const difficulty = math500Difficulty(row.level);
  if (question === null || answer === null || solution === null || difficulty === null) return null;
  if (!math500GoldValid(answer, solution)) return null;
  return finishHubTask(
    {
      difficulty,
      question,
      choices: null,
      answer,
      answer_index: null,
      aliases: [],
      grader: "math",
    },
    index,
    context,
  );
}
