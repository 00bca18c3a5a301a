// Wire schemas of POST /reward: a batch of (task_id, response) pairs in, one reward per pair out, in order.
import { z } from "zod";
import { FormatVerdict } from "../../core/format-verdict.js";
import { RewardComponents } from "../../core/reward/reward-breakdown.js";
import { Difficulty, Domain } from "../../core/taxonomy.js";
import { MAX_RESPONSE_CHARS } from "../../env/observation.js";

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

export const RewardRequest = z
  .object({
    items: z
      .array(RewardItem)
      .describe("The completions to score, at most ECHO_MAX_BATCH (default 4096) per call"),
    reward_preset: z
      .string()
      .max(64)
      .optional()
      .describe("Reward preset that pays every item (see GET /rewards); default: the server's REWARD_PRESET"),
    record: z
      .boolean()
      .default(true)
      .describe(
        "Store the scored items in history and live metrics (channel 'batch'; they also count toward the " +
          "curriculum). Default true, so /metrics shows what the trained model is doing; send false for " +
          "scoring that should leave no trace",
      ),
  })
  .meta({ id: "RewardRequest" });
export type RewardRequest = z.infer<typeof RewardRequest>;

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

export const RewardReply = z
  .object({
    rewards: z
      .array(z.number().nullable())
      .describe("One reward per item, in order; null for an item that failed (TRL accepts None)"),
    results: z.array(RewardResult).describe("One result per item, in order"),
    reward_preset: z.string().describe("Preset that paid the rewards"),
    recorded: z.number().int().min(0).describe("Items stored in history (0 when record is false)"),
  })
  .meta({ id: "RewardReply" });
export type RewardReply = z.infer<typeof RewardReply>;
