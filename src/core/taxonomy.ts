// The fixed vocabulary every layer shares: domains, difficulties, curriculum phases and evaluation tasks.
import { z } from "zod";

export const DOMAINS = ["math", "logic", "factual", "science", "medical", "coding", "creative"] as const;
export const Domain = z.enum(DOMAINS).describe("Knowledge domain of a task");
export type Domain = z.infer<typeof Domain>;

export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export const Difficulty = z.enum(DIFFICULTIES).describe("Difficulty bucket of a task");
export type Difficulty = z.infer<typeof Difficulty>;

export const Phase = z.number().int().min(1).max(3).describe("Curriculum phase, 1 (easy) to 3 (adversarial)");
export type Phase = z.infer<typeof Phase>;

export const EVAL_TASK_NAMES = [
  "calibration_fundamentals",
  "domain_aware_calibration",
  "anti_hallucination",
] as const;
export const EvalTaskName = z.enum(EVAL_TASK_NAMES).describe("One of the three evaluation tasks");
export type EvalTaskName = z.infer<typeof EvalTaskName>;

/**
 * A phase in a query string (a string coerced to a number). The bounds sit on the coerced number itself, not
 * behind a pipe, so the OpenAPI document shows them (a pipe documents only its input: any number).
 */
export const PhaseQuery = z.coerce
  .number()
  .int()
  .min(1)
  .max(3)
  .describe("Curriculum phase, 1 (easy) to 3 (adversarial)");
