// What a reward is computed from: the parsed confidence, the grader's verdict and the format verdict.
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
  })
  .meta({ id: "RewardInput" });
export type RewardInput = z.infer<typeof RewardInput>;
