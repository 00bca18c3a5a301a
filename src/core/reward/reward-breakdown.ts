// The reward paid for one answer, split into the terms that produced it.
import { z } from "zod";

export const RewardComponents = z
  .object({
    accuracy: z.number().describe("a*acc: reward for being right (acc = o, or the grader's score for echo)"),
    brier: z
      .number()
      .describe("b*(1 - BS) or b*(1 - 2*BS): reward for calibration, BS = (confidence/100 - o)^2"),
    overconfidence: z
      .number()
      .describe(
        "Overconfidence term: cliff penalty for confident wrong answers, or the proper G-term (<0 wrong, >0 right)",
      ),
    underconfidence: z.number().describe("Penalty (<= 0) for correct answers stated at low confidence"),
    format: z
      .number()
      .describe("Format bonus when the format is followed, or the fixed reward for a format failure"),
    abstention: z
      .number()
      .describe("Fixed reward for an abstention ('I don't know'), when the preset sets one"),
    clip: z
      .number()
      .describe("Adjustment made by clipping (total minus the sum of the other terms); 0 when not clipped"),
    // Last: the compiled /reward serializer writes optional keys after the required ones.
    length: z
      .number()
      .optional()
      .describe(
        "Length term: -weight when completion_tokens/max_tokens is outside the preset's bucket, else 0 (also 0 " +
          "without token counts); present only when the preset has a length term",
      ),
  })
  .describe(
    "Terms of the reward; accuracy..abstention (and length) sum to the unclipped total, adding clip gives total",
  );
export type RewardComponents = z.infer<typeof RewardComponents>;

export const RewardBreakdown = z
  .object({
    total: z.number().describe("The reward paid, after clipping"),
    preset: z.string().describe("Name of the preset that computed it"),
    components: RewardComponents,
  })
  .meta({ id: "RewardBreakdown" });
export type RewardBreakdown = z.infer<typeof RewardBreakdown>;
