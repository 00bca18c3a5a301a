// The per-item wire shapes of POST /reward batch scoring: an item in, its result out.
import { z } from "zod";
import { FormatVerdict } from "../core/format-verdict.js";
import { RewardComponents } from "../core/reward/reward-breakdown.js";
import { Difficulty, Domain } from "../core/taxonomy.js";
import { MAX_RESPONSE_CHARS } from "./observation.js";

export const RewardItem = z
  .object({
    task_id: z
      .string()
      .max(1024)
      .describe(
        "Id of the question the response answers (from /reset or /questions); an unknown id fails only this item",
      ),
    // No .max() here: one runaway completion must fail only its own item, not the batch (see scoreBatch).
    response: z
      .string()
      .describe(
        "The model's full completion, e.g. '<confidence>72</confidence><answer>Canberra</answer>'; one longer " +
          `than ${MAX_RESPONSE_CHARS} characters fails only this item`,
      ),
  })
  .meta({ id: "RewardItem" });
export type RewardItem = z.infer<typeof RewardItem>;

const orNull = (what: string) => `${what}; null when the item failed`;

export const RewardResult = z
  .object({
    reward: z.number().nullable().describe(orNull("Total reward paid")),
    components: RewardComponents.nullable().describe(orNull("The reward's named terms")),
    is_correct: z.boolean().nullable().describe(orNull("Whether the grader judged the answer correct")),
    score: z.number().min(0).max(1).nullable().describe(orNull("Grader's credit in [0, 1]")),
    parsed_confidence: z
      .number()
      .int()
      .min(0)
      .max(100)
      .nullable()
      .describe(orNull("Confidence the reward used, percent")),
    parsed_answer: z.string().nullable().describe(orNull("Answer the parser extracted")),
    abstained: z.boolean().nullable().describe(orNull("Whether the model said it does not know")),
    format: FormatVerdict.nullable().describe(orNull("Format verdict of the response")),
    grading_method: z.string().nullable().describe(orNull("Which grading rule decided")),
    domain: Domain.nullable().describe(orNull("Domain of the task")),
    difficulty: Difficulty.nullable().describe(orNull("Difficulty of the task")),
    error: z
      .string()
      .nullable()
      .describe(
        "Why this item could not be scored (an unknown task id, an over-long response), or null when it was",
      ),
  })
  .meta({ id: "RewardResult" });
export type RewardResult = z.infer<typeof RewardResult>;
