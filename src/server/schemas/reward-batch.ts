// Wire schemas of POST /reward: a batch of (task_id, response) pairs in, one reward per pair out, in order.
// The per-item shapes are the environment's (env/batch-schemas.ts), which scores them.
import { z } from "zod";
import { GroupSignalsByGroup } from "../../core/group-signals.js";
import { RewardItem, RewardResult } from "../../env/batch-schemas.js";

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

export const RewardReply = z
  .object({
    rewards: z
      .array(z.number().nullable())
      .describe("One reward per item, in order; null for an item that failed (TRL accepts None)"),
    results: z.array(RewardResult).describe("One result per item, in order"),
    reward_preset: z.string().describe("Preset that paid the rewards"),
    recorded: z.number().int().min(0).describe("Items stored in history (0 when record is false)"),
    // Last and always present: a reply to a request without groups is the old reply plus `"groups":{}`.
    groups: GroupSignalsByGroup.describe(
      "Per group id of the items, in order of first appearance: size, votes, agreement, majority_answer, " +
        "majority_correct, weighted_vote_answer, weighted_vote_correct (failed items count as unreadable " +
        "members). Always present; {} when no item carries a group",
    ),
  })
  .meta({ id: "RewardReply" });
export type RewardReply = z.infer<typeof RewardReply>;
