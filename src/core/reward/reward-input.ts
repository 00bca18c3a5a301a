// What a reward is computed from: the parsed confidence, the grader's verdict, the format verdict and, for a
// length term, the completion's token counts.
import { z } from "zod";
import { FormatVerdict } from "../format-verdict.js";

export const RewardInput = z
  .object({
    confidence: z.number().int().min(0).max(100).describe("Stated confidence 0-100, as the parser read it"),
    correct: z.boolean().describe("Whether the source benchmark calls the answer correct"),
    score: z
      .number()
      .min(0)
      .max(1)
      .describe("Grader's credit in [0, 1] (partial credit); echo uses it as acc"),
    abstained: z.boolean().describe("Whether the model said it does not know"),
    format: FormatVerdict,
    completion_tokens: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Tokens the completion used (for a preset's length term; without it the term is 0)"),
    max_tokens: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe("The completion's token budget (for a preset's length term; without it the term is 0)"),
  })
  .meta({ id: "RewardInput" });
export type RewardInput = z.infer<typeof RewardInput>;

/** The token counts a length term reads; either may be missing (the term is then 0). */
export type TokenCounts = Pick<RewardInput, "completion_tokens" | "max_tokens">;
