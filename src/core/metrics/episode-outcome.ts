// The one record the metrics read per episode: stated confidence, outcome, format verdict, reward, taxonomy.
import { z } from "zod";
import { FormatVerdict } from "../format-verdict.js";
import { Difficulty, Domain } from "../taxonomy.js";

export const EpisodeOutcome = z
  .object({
    confidence: z
      .number()
      .int()
      .min(0)
      .max(100)
      .describe("Confidence in percent (0..100) as used for the reward; a default when none was stated"),
    correct: z.boolean().describe("Whether the grader judged the answer correct"),
    abstained: z
      .boolean()
      .describe("Whether the model said it does not know (its capped confidence is real)"),
    format: FormatVerdict,
    answerable: z
      .boolean()
      .optional()
      .describe("false for a question no one can answer (declining is right); absent means answerable"),
    reward: z.number().describe("Reward the episode paid"),
    domain: Domain,
    difficulty: Difficulty.nullable().optional().describe("Difficulty bucket of the task, if known"),
  })
  .meta({ id: "EpisodeOutcome" });
export type EpisodeOutcome = z.infer<typeof EpisodeOutcome>;

/** Whether the response answered at all: not a decline and not a format failure without an answer. */
export function isSubstantive(outcome: Pick<EpisodeOutcome, "abstained" | "format">): boolean {
  return !outcome.abstained && outcome.format !== "missing_answer" && outcome.format !== "empty";
}

/**
 * Whether the confidence of a response with this verdict was actually stated by the model. For
 * "missing_confidence" and "empty" the confidence is a default the pipeline filled in, so calibration
 * figures leave those records out.
 */
export function hasStatedConfidence(format: FormatVerdict): boolean {
  return format !== "missing_confidence" && format !== "empty";
}
